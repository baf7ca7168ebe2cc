package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStatsCommand(t *testing.T) {
	dir := t.TempDir()
	run1 := filepath.Join(dir, "run.jsonl")
	os.WriteFile(run1, []byte(`{"shipment_id":"S1","dest":"IR","control_code":"3A225","value_eur":5000,"flagged":true,"reasons":["EMBARGOED_DESTINATION"]}
{"shipment_id":"S2","dest":"DE","control_code":"","value_eur":100,"flagged":false,"reasons":[]}
`), 0o644)
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	if err := run(t.Context(), e, []string{"stats", "--map", "destination_country=dest", run1}); err != nil {
		t.Fatalf("stats: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{"destination,IR,1,1,5000.00,5000.00", "control_category,3 Electronics,1,1,5000.00,5000.00"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stats output lacks %q:\n%s", want, stdout.String())
		}
	}
	out := filepath.Join(dir, "stats.csv")
	if err := run(t.Context(), e, []string{"stats", "--map", "destination_country=dest", "--out", out, run1}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, stdout.Bytes()) {
		t.Errorf("--out wrote something else than standard output")
	}
	err := run(t.Context(), e, []string{"stats", filepath.Join(dir, "missing.jsonl")})
	if !errors.Is(err, errInput) || exitCode(err, nil) != exitUsage {
		t.Errorf("missing input: %v (exit %d), want an input error", err, exitCode(err, nil))
	}
}

// TestStatsOnScreenOutputs aggregates the same demo run written as Parquet
// and as JSON lines: both give the same CSV, and every row is counted.
func TestStatsOnScreenOutputs(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "demo", "--dir", dir, "--rows", "3000", "--quiet", "--all", "--out", filepath.Join(dir, "all.parquet"), "--no-manifest")
	runCLI(t, "screen", "--shipments", filepath.Join(dir, "demo_shipments.parquet"), "--list", filepath.Join(dir, "demo_list.csv"),
		"--all", "--quiet", "--out", filepath.Join(dir, "all.jsonl"), "--no-manifest")
	var outs []string
	for _, f := range []string{"all.parquet", "all.jsonl"} {
		var stdout, stderr bytes.Buffer
		if err := run(t.Context(), &env{stdout: &stdout, stderr: &stderr}, []string{"stats", filepath.Join(dir, f)}); err != nil {
			t.Fatalf("stats %s: %v", f, err)
		}
		outs = append(outs, stdout.String())
	}
	if outs[0] != outs[1] {
		t.Fatalf("stats of the Parquet and JSONL outputs differ:\n%s\n---\n%s", outs[0], outs[1])
	}
	if !strings.Contains(outs[0], "\ntotal,all,3000,") {
		t.Errorf("stats do not count all 3000 rows:\n%s", outs[0][:min(len(outs[0]), 400)])
	}
	if !strings.Contains(outs[0], "\ncontrol_category,") || !strings.Contains(outs[0], "\nreason,PARTY_MATCH,") {
		t.Errorf("stats lack control categories or reasons:\n%s", outs[0])
	}
}
