package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestListsInspect(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	err := run(t.Context(), e, []string{"lists", "inspect", "--list", "../../lists/testdata/un/consolidated.xml",
		"--list", "ofac-sdn-csv=../../lists/testdata/ofac_sdn/sdn.csv"})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"un_sc (un-xml)", "published:      2026-02-27", "entries:        2 (person 1, organisation 1)",
		"names:          7 (primary 2, aka 3, fka 1, weak 1)", "newest listing: 2011-05-02", "problems:       1 rows skipped",
		`1 × consolidated.xml: "<INDIVIDUAL> without REFERENCE_NUMBER (DATAID \"6908012\")"`, "at consolidated.xml:77",
		"ofac_sdn (ofac-sdn-csv)", "entries:        6 (person 2, organisation 3, vessel 1)",
		"problems:       4 rows skipped", "2 lists, 8 entries",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "content hash:") != 2 || strings.Count(out, "file sha256:") != 2 {
		t.Errorf("hashes missing:\n%s", out)
	}
}

func TestListsInspectDir(t *testing.T) {
	dir := testutil.SharedData(t, "restricted_parties")
	var stdout bytes.Buffer
	e := &env{stdout: &stdout, stderr: &bytes.Buffer{}}
	if err := run(t.Context(), e, []string{"lists", "inspect", "--lists", dir}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	// The counts of PROVENANCE.md, as inspect prints them.
	for _, want := range []string{
		"entries:        1003 (person 730, organisation 273)",                              // UN
		"entries:        14965 (person 6854, organisation 6884, vessel 851, aircraft 376)", // SDN 2024-05-03
		"entries:        14160 (",                           // CSL
		"entries:        443 (person 80, organisation 363)", // CONS_ENHANCED
		"entries:        665 (unknown 665)",                 // BIS DPL
		"entries:        9 (person 6, organisation 3)",      // FtM: t1 (6 parties, 1 Address) then the t2 deltas: 4 ADDs, 1 DEL
		"ofac_sdn/history: older snapshots folder",
		"ofac_sdn/add.csv: companion file",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestListsUsage(t *testing.T) {
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	for _, args := range [][]string{
		{"lists"}, {"lists", "bogus"}, {"lists", "inspect"}, {"lists", "fetch"},
		{"lists", "fetch", "--dir", t.TempDir(), "--sources", "/nonexistent/sources.txt"},
	} {
		err := run(t.Context(), e, args)
		if exitCode(err, nil) != exitUsage {
			t.Errorf("%v: %v (exit %d), want exit 2", args, err, exitCode(err, nil))
		}
	}
	err := run(t.Context(), e, []string{"lists", "inspect", "--list", "../../lists/testdata/bis_dpl/missing.txt"})
	if !errors.Is(err, errInput) {
		t.Errorf("missing list: %v", err)
	}
	var out bytes.Buffer
	e.stdout = &out
	if err := run(t.Context(), e, []string{"lists", "formats"}); err != nil || !strings.Contains(out.String(), "ofac-sdn-csv") {
		t.Errorf("formats: %v\n%s", err, out.String())
	}
}
