package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

// relRun runs the binary to the end and returns the process, its exit
// status, wall time and peak resident set size in MiB (the child's
// ru_maxrss, which Linux reports in KiB).
func relRun(t *testing.T, bin string, args ...string) (*relProc, int, time.Duration, float64) {
	t.Helper()
	start := time.Now()
	p := relStart(t, bin, nil, args...)
	code := p.wait(t)
	elapsed := time.Since(start)
	var rss float64
	if ru, ok := p.cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) / 1024
	}
	return p, code, elapsed, rss
}

var screenedRe = regexp.MustCompile(`Screened ([0-9,]+) rows`)

func relScreened(t *testing.T, stdout string) int64 {
	t.Helper()
	m := screenedRe.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no summary in %q", stdout)
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(m[1], ",", ""), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLoadScreenBoundedMemory screens DUALSCREEN_LOAD_ROWS generated rows
// (make bench-load sets 20,000,000) and a tenth of them with the binary,
// and compares peak RSS: streaming keeps the batches in flight bounded, so
// ten times the rows may add only the duplicate-id check's hashes (under
// 24 bytes a row) and slack, and the whole run must stay under
// DUALSCREEN_LOAD_MAX_RSS_MB (default 1536). Set DUALSCREEN_LOAD_DIR to
// keep the generated files between runs.
func TestLoadScreenBoundedMemory(t *testing.T) {
	rows, _ := strconv.Atoi(os.Getenv("DUALSCREEN_LOAD_ROWS"))
	if rows <= 0 {
		t.Skip("set DUALSCREEN_LOAD_ROWS (make bench-load uses 20000000) to run the load test")
	}
	maxRSS := 1536.0
	if v, err := strconv.ParseFloat(os.Getenv("DUALSCREEN_LOAD_MAX_RSS_MB"), 64); err == nil {
		maxRSS = v
	}
	bin := relBuild(t)
	dir := os.Getenv("DUALSCREEN_LOAD_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	list := relDemoList(t, dir)
	var peak [2]float64
	for i, n := range []int{rows / 10, rows} {
		in := filepath.Join(dir, fmt.Sprintf("load-%d.parquet", n))
		if _, err := os.Stat(in); err != nil {
			start := time.Now()
			relDemoShipments(t, in+".part", n)
			if err := os.Rename(in+".part", in); err != nil {
				t.Fatal(err)
			}
			t.Logf("generated %d rows in %s", n, time.Since(start).Round(time.Second))
		}
		out := filepath.Join(t.TempDir(), "flagged.parquet")
		// --no-manifest: the manifest's screened-id sidecar is a second
		// per-row id set (report.IDSet); this measures the screening stream.
		p, code, elapsed, rss := relRun(t, bin, "screen", "--no-manifest", "--shipments", in, "--list", list, "--out", out)
		if code != 0 {
			t.Fatalf("%d rows: exit %d: %s", n, code, &p.stderr)
		}
		if got := relScreened(t, p.stdout.String()); got != int64(n) {
			t.Fatalf("screened %d rows, want %d", got, n)
		}
		peak[i] = rss
		t.Logf("LOAD %d rows: %s wall, %.0f rows/s, peak RSS %.0f MiB", n, elapsed.Round(time.Second), float64(n)/elapsed.Seconds(), rss)
	}
	allowance := peak[0] + 24*float64(rows-rows/10)/(1<<20) + 128
	if peak[1] > allowance || peak[1] > maxRSS {
		t.Errorf("peak RSS %.0f MiB for %d rows (%.0f MiB for a tenth): over %.0f MiB growth allowance or %.0f MiB cap", peak[1], rows, peak[0], allowance, maxRSS)
	}
}

// TestScreenEveryListAtOnce loads every restricted-party list in the shared
// data folder with one --lists and screens a generated batch against all
// of them: every format must load, skipped rows are reported, and the run
// finishes with a summary and an output file.
func TestScreenEveryListAtOnce(t *testing.T) {
	lists := testutil.SharedData(t, "restricted_parties")
	bin := relBuild(t)
	dir := t.TempDir()
	in := relDemoShipments(t, filepath.Join(dir, "shipments.parquet"), 20_000)
	out := filepath.Join(dir, "flagged.jsonl")
	p, code, elapsed, rss := relRun(t, bin, "screen", "--shipments", in, "--lists", lists, "--out", out)
	t.Logf("every list: exit %d in %s, peak RSS %.0f MiB\n%s%s", code, elapsed.Round(time.Millisecond), rss, &p.stdout, &p.stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, &p.stderr)
	}
	if got := relScreened(t, p.stdout.String()); got != 20_000 {
		t.Errorf("screened %d rows, want 20000", got)
	}
	for _, id := range []string{"ofac_sdn", "ofac_cons", "un_sc", "us_csl", "eu_journal", "us_bis_dpl", "opensanctions"} {
		if !regexp.MustCompile(`list ` + id + ` +[0-9,]+ entries`).MatchString(p.stdout.String()) {
			t.Errorf("summary does not show list %s loaded", id)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}
