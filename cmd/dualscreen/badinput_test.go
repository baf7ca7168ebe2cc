package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
)

// TestScreenBadInput runs the real `screen` code path on every kind of bad
// input a nightly batch meets. Each case states the exit status, the words
// the message must contain (file, row, column) and whether an output file
// may appear: failures never leave one, and warnings never stop the run.
func TestScreenBadInput(t *testing.T) {
	type files struct{ shipments, list string }
	big := strings.Repeat("Rosoboronexport Trading House ", 1<<20/30)
	cases := []struct {
		name string
		// setup writes the inputs into dir and returns the --shipments and
		// --list arguments.
		setup  func(t *testing.T, dir string) files
		code   int
		msg    []string // in the error (failures) or on stderr (warnings); FILE is the shipments path, LIST the list
		output bool     // the output file exists afterwards
	}{
		{
			name: "missing file",
			setup: func(t *testing.T, dir string) files {
				return files{filepath.Join(dir, "2025-11-23", "shipments.parquet"), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "no such file"},
		},
		{
			name: "directory without Parquet",
			setup: func(t *testing.T, dir string) files {
				in := filepath.Join(dir, "export")
				relWrite(t, filepath.Join(in, "shipments.csv"), []byte("shipment_id,consignee_name\nS1,ACME\n"))
				relWrite(t, filepath.Join(in, "_SUCCESS"), nil)
				return files{in, relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "no Parquet files found"},
		},
		{
			name: "not Parquet",
			setup: func(t *testing.T, dir string) files {
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), []byte("shipment_id;consignee_name\nS1;ACME GmbH\n")), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "not a Parquet file"},
		},
		{
			name: "empty file",
			setup: func(t *testing.T, dir string) files {
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), nil), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "not a Parquet file"},
		},
		{
			name: "truncated Parquet (footer cut off)",
			setup: func(t *testing.T, dir string) files {
				good := relGoodShipments(t)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), good[:len(good)*2/3]), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "not a Parquet file"},
		},
		{
			name: "corrupt column data behind an intact footer",
			setup: func(t *testing.T, dir string) files {
				good := relGoodShipments(t)
				bad := append([]byte(nil), good...)
				for i := 4; i < len(bad)/3; i++ { // the first column chunks, after the magic
					bad[i] = 0xff
				}
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), bad), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE"},
		},
		{
			name: "missing required column",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", "S1", "S2"),
					relStrings("consignee", "ACME GmbH", "Rosoboronexport"),
				)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", `column "consignee_name"`, "missing required column", "--map consignee_name="},
		},
		{
			name: "wrong column type",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", "S1", "S2"),
					relColumn{arrow.Field{Name: "consignee_name", Type: arrow.PrimitiveTypes.Float64, Nullable: true}, []any{1.5, 2.5}},
				)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", `column "consignee_name"`, "unsupported column type", "float64"},
		},
		{
			name: "all-null shipment_id",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", nil, nil, nil),
					relStrings("consignee_name", "ACME GmbH", "Rosoboronexport", "Harrington Instruments Ltd"),
				)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "row 1", `column "shipment_id"`, "null or empty"},
		},
		{
			name: "all-null consignee_name (allowed, warned)",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", "S1", "S2", "S3"),
					relStrings("consignee_name", nil, nil, nil),
				)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitOK, msg: []string{"warning", "consignee_name and end_user_name are empty in all 3 rows"}, output: true,
		},
		{
			name: "invalid UTF-8 in a name",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", "S1", "S2", "S3"),
					relStrings("consignee_name", "ACME GmbH", "Harrington Instruments Ltd", "M\xfcller Pr\xe4zisionstechnik"), // Latin-1, not UTF-8
				)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", "row 3", `column "consignee_name"`, "invalid UTF-8"},
		},
		{
			name: "1 MB name",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", "S1", "S2"),
					relStrings("consignee_name", big, "Rosoboronexport"),
				)
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitOK, output: true,
		},
		{
			name: "zero rows",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t, relStrings("shipment_id"), relStrings("consignee_name"))
				return files{relWrite(t, filepath.Join(dir, "shipments.parquet"), data), relDemoList(t, dir)}
			},
			code: exitOK, output: true,
		},
		{
			name: "duplicate shipment ids (warned and counted)",
			setup: func(t *testing.T, dir string) files {
				in := filepath.Join(dir, "in")
				relWrite(t, filepath.Join(in, "a.parquet"), relParquet(t,
					relStrings("shipment_id", "S1", "S2", "S1"),
					relStrings("consignee_name", "ACME GmbH", "Rosoboronexport", "ACME GmbH")))
				relWrite(t, filepath.Join(in, "b.parquet"), relParquet(t,
					relStrings("shipment_id", "S4", "S2"),
					relStrings("consignee_name", "Harrington Instruments Ltd", "Rosoboronexport")))
				return files{in, relDemoList(t, dir)}
			},
			code: exitOK, msg: []string{"warning", "2 rows repeat an earlier shipment_id", `"S1"`, "a.parquet row 3"}, output: true,
		},
		{
			name: "list with malformed rows (skipped, counted, reported)",
			setup: func(t *testing.T, dir string) files {
				list := relWrite(t, filepath.Join(dir, "inhouse.csv"), []byte(
					"id,name,aliases,type,countries,programs,notes\n"+
						"IH-1,Rosoboronexport,,organisation,RU,EO14024,\n"+
						",Nameless Row Trading,,organisation,IR,,\n"+
						"IH-3,\"Unclosed Quote Ltd,,organisation,KP,,\n"))
				return files{relWrite(t, filepath.Join(dir, "s.parquet"), relGoodShipments(t)), list}
			},
			code: exitOK, msg: []string{"warning", "list inhouse", "2 malformed rows skipped", "LIST:3: missing id or name", "LIST:4"}, output: true,
		},
		{
			name: "empty list",
			setup: func(t *testing.T, dir string) files {
				list := relWrite(t, filepath.Join(dir, "inhouse.csv"), []byte("id,name,aliases,type,countries,programs,notes\n"))
				return files{relWrite(t, filepath.Join(dir, "s.parquet"), relGoodShipments(t)), list}
			},
			code: exitUsage, msg: []string{"LIST", "no entries"},
		},
		{
			name: "list of unknown format",
			setup: func(t *testing.T, dir string) files {
				list := relWrite(t, filepath.Join(dir, "parties.txt"), []byte("Rosoboronexport\nMahan Air\n"))
				return files{relWrite(t, filepath.Join(dir, "s.parquet"), relGoodShipments(t)), list}
			},
			code: exitUsage, msg: []string{"LIST", "unknown list format"},
		},
		{
			name: "input column named like an output field",
			setup: func(t *testing.T, dir string) files {
				data := relParquet(t,
					relStrings("shipment_id", "S1"),
					relStrings("consignee_name", "ACME GmbH"),
					relStrings("flagged", "yes"))
				return files{relWrite(t, filepath.Join(dir, "s.parquet"), data), relDemoList(t, dir)}
			},
			code: exitUsage, msg: []string{"FILE", `column "flagged"`, "name of an output field"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := c.setup(t, dir)
			outDir := filepath.Join(dir, "out")
			out := filepath.Join(outDir, "flagged.parquet")
			e, _, stderr := relEnv()
			start := time.Now()
			err := run(t.Context(), e, []string{"screen", "--quiet", "--shipments", in.shipments, "--list", in.list, "--out", out})
			elapsed := time.Since(start)
			code := exitCode(err, nil)
			text := stderr.String()
			if err != nil {
				text = err.Error() + "\n" + text
			}
			t.Logf("exit %d in %s: %s", code, elapsed.Round(time.Millisecond), strings.TrimSpace(text))
			if code != c.code {
				t.Fatalf("exit %d, want %d (%v)", code, c.code, err)
			}
			for _, m := range c.msg {
				m = strings.ReplaceAll(strings.ReplaceAll(m, "FILE", in.shipments), "LIST", in.list)
				if !strings.Contains(text, m) {
					t.Errorf("message lacks %q", m)
				}
			}
			_, statErr := os.Stat(out)
			if exists := statErr == nil; exists != c.output {
				t.Errorf("output exists = %v, want %v", exists, c.output)
			}
			// A successful run also writes its manifest and the manifest's
			// sidecars beside the output (screen_report.go); nothing else.
			allowed := map[string]bool{"flagged.parquet": true}
			if c.output {
				allowed["manifest.json"], allowed["manifest.screened-ids"], allowed["manifest.entries.tsv"] = true, true, true
			}
			for _, name := range relDirNames(t, outDir) {
				if !allowed[name] {
					t.Errorf("left %s in the output directory", name)
				}
			}
		})
	}
}
