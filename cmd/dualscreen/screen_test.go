package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dualscreen/dualscreen/data/demo"
)

func testEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, &out, &errb
}

// fixture writes the demo list and a small parquet-go shipment file.
func fixture(t *testing.T) (dir, list, shipments string) {
	t.Helper()
	dir = t.TempDir()
	list = filepath.Join(dir, "list.csv")
	if err := os.WriteFile(list, demo.ListCSV, 0o644); err != nil {
		t.Fatal(err)
	}
	type row struct {
		ID          string `parquet:"shipment_id,plain"`
		Consignee   string `parquet:"consignee_name,plain"`
		Country     string `parquet:"consignee_country,plain"`
		Destination string `parquet:"destination_country,plain"`
	}
	var buf bytes.Buffer
	err := pq.Write(&buf, []row{
		{"S1", "Harrington Instruments Ltd", "GB", "GB"},
		{"S2", "Rosoboronexport", "RU", "RU"},
		{"S3", "Müller Präzisionstechnik GmbH", "DE", "DE"},
	})
	if err != nil {
		t.Fatal(err)
	}
	shipments = filepath.Join(dir, "shipments.parquet")
	if err := os.WriteFile(shipments, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, list, shipments
}

func TestScreenBadInputExits2WithoutOutput(t *testing.T) {
	dir, list, _ := fixture(t)
	notParquet := filepath.Join(dir, "export.parquet")
	os.WriteFile(notParquet, []byte("shipment_id;consignee\nS1;ACME\n"), 0o644)
	type noID struct {
		Consignee string `parquet:"consignee_name,plain"`
	}
	var buf bytes.Buffer
	pq.Write(&buf, []noID{{"ACME Ltd"}})
	noIDFile := filepath.Join(dir, "no_id.parquet")
	os.WriteFile(noIDFile, buf.Bytes(), 0o644)

	cases := []struct {
		name   string
		input  string
		column string
	}{
		{"missing file", filepath.Join(dir, "missing.parquet"), ""},
		{"not Parquet", notParquet, ""},
		{"no shipment_id", noIDFile, "shipment_id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			outDir := filepath.Join(dir, "out-"+strings.ReplaceAll(c.name, " ", "_"))
			e, stdout, _ := testEnv()
			err := run(t.Context(), e, []string{"screen", "--shipments", c.input, "--list", list, "--out", filepath.Join(outDir, "flagged.parquet")})
			if code := exitCode(err, nil); code != exitUsage {
				t.Fatalf("exit %d (%v), want 2", code, err)
			}
			if !strings.Contains(err.Error(), c.input) || !strings.Contains(err.Error(), c.column) {
				t.Errorf("message %q does not name %s and column %q", err, c.input, c.column)
			}
			if _, err := os.Stat(filepath.Join(outDir, "flagged.parquet")); !os.IsNotExist(err) {
				t.Errorf("output exists after failure")
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q, want nothing", stdout)
			}
		})
	}
}

func TestScreenWritesFlaggedRows(t *testing.T) {
	dir, list, shipments := fixture(t)
	out := filepath.Join(dir, "flagged.jsonl")
	e, stdout, stderr := testEnv()
	err := run(t.Context(), e, []string{"screen", "--shipments", shipments, "--list", list, "--out", out, "--fail-on-flag"})
	if code := exitCode(err, nil); code != exitFlagged {
		t.Fatalf("exit %d (%v), want 3 with --fail-on-flag", code, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d flagged rows, want 1:\n%s", len(lines), b)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil {
		t.Fatal(err)
	}
	// The consignee is on the list and the destination is under a dual-use
	// ban: one party hit and one destination hit.
	var hit map[string]any
	reasons := map[any]bool{}
	for _, h := range row["hits"].([]any) {
		h := h.(map[string]any)
		reasons[h["reason"]] = true
		if h["reason"] == "PARTY_MATCH" {
			hit = h
		}
	}
	if hit == nil || !reasons["EMBARGOED_DESTINATION"] {
		t.Fatalf("want PARTY_MATCH and EMBARGOED_DESTINATION hits, got %v", row["hits"])
	}
	if row["shipment_id"] != "S2" || hit["entry_id"] != "DEMO-001" || hit["list"] != "inhouse" || hit["role"] != "consignee" {
		t.Errorf("row %v", row)
	}
	var keys []string
	for k := range hit {
		keys = append(keys, k)
	}
	if len(keys) != 12 {
		t.Errorf("hit has keys %v, want exactly the 12 of contract.md", keys)
	}
	for _, want := range []string{"Screened 3 rows from 1 file", "Flagged 1 rows", "PARTY_MATCH", "inhouse/DEMO-001 Rosoboronexport"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr %q: no progress bar when stderr is not a terminal", stderr)
	}
}

func TestScreenCancelledExits130WithoutOutput(t *testing.T) {
	dir, list, shipments := fixture(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	e, _, _ := testEnv()
	outDir := filepath.Join(dir, "out")
	err := run(ctx, e, []string{"screen", "--shipments", shipments, "--list", list, "--out", filepath.Join(outDir, "f.parquet")})
	if code := exitCode(err, os.Interrupt); code != exitInterrupted {
		t.Fatalf("exit %d (%v), want 130", code, err)
	}
	ents, _ := os.ReadDir(outDir)
	if len(ents) != 0 {
		t.Errorf("left %d files in %s", len(ents), outDir)
	}
}

// TestScreenInterruptedMidRun cancels once output is being written (the
// temporary file has grown) and expects exit 130 and no file at all.
func TestScreenInterruptedMidRun(t *testing.T) {
	dir, list, _ := fixture(t)
	f, err := os.Create(filepath.Join(dir, "demo_shipments.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Write(t.Context(), f, demo.Options{Rows: 60_000}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	e, _, _ := testEnv()
	outDir := filepath.Join(dir, "screen-out")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go func() {
		for ctx.Err() == nil {
			ents, _ := os.ReadDir(outDir)
			for _, ent := range ents {
				if info, err := ent.Info(); err == nil && info.Size() > 0 {
					cancel()
					return
				}
			}
			time.Sleep(time.Millisecond)
		}
	}()
	err = run(ctx, e, []string{"screen", "--shipments", filepath.Join(dir, "demo_shipments.parquet"),
		"--list", list, "--all", "--batch-size", "512", "--quiet", "--out", filepath.Join(outDir, "all.jsonl")})
	if code := exitCode(err, os.Interrupt); code != exitInterrupted {
		t.Fatalf("exit %d (%v), want 130", code, err)
	}
	if ents, _ := os.ReadDir(outDir); len(ents) != 0 {
		t.Errorf("left %d files in %s", len(ents), outDir)
	}
}

func TestScreenUsageErrors(t *testing.T) {
	_, list, shipments := fixture(t)
	cases := [][]string{
		{"screen", "--list", list, "--out", "x.parquet"},
		{"screen", "--shipments", shipments, "--out", "x.parquet"},
		{"screen", "--shipments", shipments, "--list", list},
		{"screen", "--shipments", shipments, "--list", list, "--out", "x.xlsx", "--format", "xlsx"},
		{"screen", "--shipments", shipments, "--list", list, "--out", "x.csv", "--map", "consignee=NAME"},
		{"screen", "--shipments", shipments, "--list", list, "--out", "x.csv", "--threshold", "1.5"},
		{"screen", "--shipments", shipments, "--list", list, "--out", "x.csv", "--name-cache", "-1"},
	}
	for _, args := range cases {
		e, _, _ := testEnv()
		if code := exitCode(run(t.Context(), e, args), nil); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	e, _, stderr := testEnv()
	if code := exitCode(run(t.Context(), e, []string{"screen", "--help"}), nil); code != exitOK || !strings.Contains(stderr.String(), "EXIT STATUS") {
		t.Errorf("--help: exit %d, output %q", code, stderr)
	}
}

func TestDemoSmall(t *testing.T) {
	dir := t.TempDir()
	e, stdout, _ := testEnv()
	if err := run(t.Context(), e, []string{"demo", "--dir", dir, "--rows", "20000"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"flagged.parquet", "demo_shipments.parquet", "demo_list.csv"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	for _, want := range []string{"Generated 20,000 shipments", "Screened 20,000 rows", "PARTY_MATCH", "rows/s"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}
