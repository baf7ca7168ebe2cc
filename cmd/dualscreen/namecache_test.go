package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScreenNameCacheOverflow screens the demo's shipments with a name
// cache far smaller than their distinct consignees (--name-cache 64: one
// name per shard) and with the default. The output must be the same byte
// for byte, since matching is deterministic and the cache only saves
// work, and the small cache's run must say that it filled up and how many
// matchings it did, more than the default run's distinct names.
func TestScreenNameCacheOverflow(t *testing.T) {
	data := t.TempDir()
	list := relDemoList(t, data)
	in := relDemoShipments(t, filepath.Join(data, "shipments.parquet"), 4_000)
	type result struct {
		out            []byte
		stdout, stderr string
	}
	screenWith := func(args ...string) result {
		out := filepath.Join(t.TempDir(), "all.jsonl")
		e, stdout, stderr := testEnv()
		args = append([]string{"screen", "--all", "--shipments", in, "--list", list, "--out", out}, args...)
		if err := run(t.Context(), e, args); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return result{b, stdout.String(), stderr.String()}
	}
	def := screenWith()
	small := screenWith("--name-cache", "64")
	if len(def.out) < 100_000 || !bytes.Equal(def.out, small.out) {
		t.Fatalf("outputs differ or are short: %d and %d bytes", len(def.out), len(small.out))
	}
	if strings.Contains(def.stderr, "name cache") {
		t.Errorf("default cache overflowed on 4,000 rows: %s", def.stderr)
	}
	if !strings.Contains(small.stderr, "the name cache (--name-cache 64) filled up") {
		t.Fatalf("no overflow note with --name-cache 64; stderr: %q", small.stderr)
	}
	distinct := func(summary string) string {
		i := strings.Index(summary, "party names")
		if i < 0 {
			t.Fatalf("summary without party names line:\n%s", summary)
		}
		return strings.Fields(summary[i:])[2]
	}
	if d, s := distinct(def.stdout), distinct(small.stdout); d == s {
		t.Errorf("the small cache matched as many names as the default (%s): it never refilled", d)
	}
}
