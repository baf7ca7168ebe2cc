package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestEvalPairs(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	err := run(t.Context(), e, []string{"eval", "--list", "inhouse-csv=../../eval/testdata/list.csv",
		"--pairs", "../../eval/testdata/pairs.csv", "--matcher", "aligned,naive-jw", "--out", out,
		"--errors", filepath.Join(out, "errors.csv")})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	s := stdout.String()
	for _, want := range []string{"6 positive and 4 negative pairs; threshold 0.85", "aligned ", "naive-jw ", "(reference)"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	// the aligned matcher finds every positive and flags no negative
	if !strings.Contains(s, "aligned         1.0000    1.0000    1.0000     0.00%") {
		t.Errorf("aligned figures:\n%s", s)
	}
	table, err := os.ReadFile(filepath.Join(out, "thresholds.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(table), "matcher,threshold,tp,fn,fp,tn,precision,recall,f1,fp_rate,candidate_recall\n") ||
		!strings.Contains(string(table), "\nnaive-jw,0.85,") || !strings.Contains(string(table), "\naligned,1.00,") {
		t.Errorf("threshold table:\n%s", table)
	}
	svg, err := os.ReadFile(filepath.Join(out, "curves.svg"))
	if err != nil || !strings.Contains(string(svg), "<svg") || !strings.Contains(string(svg), "naive-jw: at threshold 0.85") {
		t.Errorf("curves.svg: %v\n%.300s", err, svg)
	}
}

func TestEvalBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "--list", "../../eval/testdata/list.csv"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", "x.csv", "--threshold", "2"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--devset"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", "../../eval/testdata/pairs.csv", "--split", "some"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", "../../eval/testdata/pairs.csv", "--split", "tune-c"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", "../../eval/testdata/pairs.csv", "--check"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", "../../eval/testdata/pairs.csv", "--write-removed", "removed.csv"},
		{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", "../../eval/testdata/pairs.csv", "--debarred", "wb.xlsx"},
	} {
		e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
		err := run(t.Context(), e, args)
		var ue *usageError
		if !errors.As(err, &ue) || exitCode(err, nil) != exitUsage {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

func TestEvalBadPairsFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "pairs.csv")
	if err := os.WriteFile(bad, []byte("query,target,label\nIvanov,inhouse:P1,maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	err := run(t.Context(), e, []string{"eval", "--list", "../../eval/testdata/list.csv", "--pairs", bad, "--split", "all"})
	if err == nil || exitCode(err, nil) != exitUsage || !strings.Contains(err.Error(), "line 2, column label") {
		t.Fatalf("err = %v, want an input error naming line 2, column label", err)
	}
}

// --split tune-a and tune-b evaluate the two halves of the tuning part:
// together they are --split tune, and the errors file names each pair's half.
func TestEvalTuneHalves(t *testing.T) {
	dir := t.TempDir()
	pairs := filepath.Join(dir, "pairs.csv")
	src, err := os.ReadFile("../../eval/testdata/pairs.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pairs, []byte(strings.ReplaceAll(string(src), ",heldout\n", ",tune\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(split string) (pos, neg int, errs string) {
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr}
		errPath := filepath.Join(dir, split+".csv")
		if err := run(t.Context(), e, []string{"eval", "--list", "inhouse-csv=../../eval/testdata/list.csv",
			"--pairs", pairs, "--matcher", "aligned", "--split", split, "--threshold", "0.99", "--errors", errPath}); err != nil {
			t.Fatalf("--split %s: %v\n%s", split, err, stderr.String())
		}
		if _, err := fmt.Sscanf(stdout.String(), "%d positive and %d negative pairs", &pos, &neg); err != nil {
			t.Fatalf("--split %s: %v in %q", split, err, stdout.String())
		}
		b, _ := os.ReadFile(errPath)
		return pos, neg, string(b)
	}
	pa, na, ea := count("tune-a")
	pb, nb, eb := count("tune-b")
	pt, nt, _ := count("tune")
	if pa+pb != pt || na+nb != nt || pt+nt != 10 || pa+na == 0 || pb+nb == 0 {
		t.Errorf("tune-a %d+%d, tune-b %d+%d, tune %d+%d", pa, na, pb, nb, pt, nt)
	}
	if strings.Contains(ea, ",tune-b,") || strings.Contains(eb, ",tune-a,") {
		t.Errorf("errors of one half name the other:\n%s\n%s", ea, eb)
	}
}

// --check scores the tuning innocents and the recombined names and prints
// the flags and near misses by source, instead of a split's summary.
// writeSECTickers writes a small SEC company_tickers JSON of innocent
// company names.
func writeSECTickers(t *testing.T) string {
	t.Helper()
	sec := filepath.Join(t.TempDir(), "tickers.json")
	var b strings.Builder
	b.WriteString("{")
	for i, n := range []string{"Iron Mountain Inc", "Blue Bird Corp", "Cascade Natural Gas Corp", "Glacier Bancorp, Inc.",
		"Sunrise Realty Trust", "Northwind Foods Co", "Harbor Freight Holdings Ltd", "Granite Construction Inc",
		"Maple Leaf Energy Corp", "Silver Lake Partners LP", "Cedar Point Capital LLC", "Orion Marine Group Inc"} {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"%d":{"cik_str":%d,"ticker":"T%d","title":%q}`, i, 1000+i, i, n)
	}
	b.WriteString("}")
	if err := os.WriteFile(sec, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return sec
}

// TestEvalDebarred: the debarred individuals and firms are reported on
// lines of their own and are not in the summary's innocents.
func TestEvalDebarred(t *testing.T) {
	wb := filepath.Join(testutil.SharedData(t, "restricted_parties/other_lists_wiktorrajca"), "world_bank_listing_of_ineligible_firms_and_individuals.xlsx")
	sec := writeSECTickers(t)
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	if err := run(t.Context(), e, []string{"eval", "--list", "inhouse-csv=../../eval/testdata/list.csv", "--devset",
		"--innocent", sec, "--debarred", wb, "--matcher", "aligned", "--split", "all"}); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	if !regexp.MustCompile(`aligned: innocent-person \(apart from the figures above\) at 0\.85: \d+ of 1[2-9]\d flagged`).MatchString(out) {
		t.Errorf("no innocent-person line for the World Bank's individuals:\n%s", out)
	}
	if !regexp.MustCompile(`aligned: innocent-firm \(apart from the figures above\) at 0\.85: \d+ of \d{3,4} flagged`).MatchString(out) {
		t.Errorf("no innocent-firm line for the World Bank's firms:\n%s", out)
	}
	if !regexp.MustCompile(`\d+ positive and 12 negative pairs`).MatchString(out) {
		t.Errorf("the summary's innocents are not the 12 company names alone:\n%s", out)
	}
}

func TestEvalCheck(t *testing.T) {
	sec := writeSECTickers(t)
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	if err := run(t.Context(), e, []string{"eval", "--list", "inhouse-csv=../../eval/testdata/list.csv", "--devset",
		"--innocent", sec, "--matcher", "aligned", "--check"}); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"false-flag check at 0.85", "check-company ", "innocent "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "precision") {
		t.Errorf("--check printed a split's summary:\n%s", out)
	}
}
