package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestBinaryDeterministicAcrossGOMAXPROCS screens one generated batch with
// GOMAXPROCS 1 and 4 (so one worker and four) and wants byte-identical
// Parquet, JSON lines and CSV: workers finish batches in any order, and
// the writer must restore input order exactly.
func TestBinaryDeterministicAcrossGOMAXPROCS(t *testing.T) {
	bin := relBuild(t)
	data := t.TempDir()
	list := relDemoList(t, data)
	// Many batches of 500 rows so the workers really interleave.
	in := relDemoShipments(t, filepath.Join(data, "shipments.parquet"), 15_000)
	for _, format := range []string{"parquet", "jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			var outs [][]byte
			for _, procs := range []string{"1", "4"} {
				out := filepath.Join(t.TempDir(), "flagged."+format)
				p := relStart(t, bin, []string{"GOMAXPROCS=" + procs}, "screen", "--quiet", "--all", "--batch-size", "500",
					"--shipments", in, "--list", list, "--out", out)
				if code := p.wait(t); code != 0 {
					t.Fatalf("GOMAXPROCS=%s: exit %d: %s", procs, code, &p.stderr)
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, b)
			}
			if len(outs[0]) < 50_000 {
				t.Fatalf("output is only %d bytes: not every row was written", len(outs[0]))
			}
			if !bytes.Equal(outs[0], outs[1]) {
				t.Errorf("GOMAXPROCS 1 and 4 differ: %d and %d bytes", len(outs[0]), len(outs[1]))
			}
		})
	}
}
