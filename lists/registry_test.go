package lists

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every fixture is recognised as its own format, from content and name.
func TestDetectFixtures(t *testing.T) {
	for file, want := range map[string]string{
		"testdata/ofac_sdn/sdn.csv":                             "ofac-sdn-csv",
		"testdata/ofac_cons/cons_prim.csv":                      "ofac-cons-csv",
		"testdata/ofac_enhanced/SDN_ENHANCED.XML":               "ofac-enhanced-xml",
		"testdata/ofac_enhanced/SDN_ENHANCED.ZIP":               "ofac-enhanced-xml",
		"testdata/un/consolidated.xml":                          "un-xml",
		"testdata/eu_fsf/export.xml":                            "eu-fsf-xml",
		"testdata/eu_fsf/export.csv":                            "eu-fsf-csv",
		"testdata/uk/ConList.csv":                               "uk-ofsi-csv",
		"testdata/uk/UK-Sanctions-List.csv":                     "uk-fcdo-csv",
		"testdata/us_csl/consolidated.csv":                      "us-csl-csv",
		"testdata/us_csl/consolidated.csv.gz":                   "us-csl-csv",
		"testdata/us_csl/consolidated.json":                     "us-csl-json",
		"testdata/bis_dpl/dpl.txt":                              "bis-dpl",
		"testdata/eu_journal/32014R0269.csv":                    "eu-journal-csv",
		"testdata/ftm/entities.ftm.json":                        "ftm-json",
		"testdata/ftm/entities.delta.json":                      "ftm-json",
		"testdata/ftm/targets.simple.csv":                       "os-targets-csv",
		"testdata/os_curated/us_bis_mieu.csv":                   "os-curated-csv",
		"testdata/os_curated/us_state_cuba_restricted_list.csv": "os-curated-csv",
		"testdata/inhouse/own_list.csv":                         "inhouse-csv",
	} {
		fm, err := Detect(file)
		if err != nil || fm.Name != want {
			t.Errorf("%s: detected %q (%v), want %s", file, fm.Name, err, want)
		}
	}
	for _, file := range []string{"testdata/ofac_sdn/add.csv", "testdata/eu_journal/consolidation_pins.txt"} {
		if _, err := Detect(file); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("%s: %v, want ErrUnknownFormat", file, err)
		}
	}
}

func TestLoadOverride(t *testing.T) {
	// FORMAT=FILE reads a file under any name with the named reader.
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/un/consolidated.xml")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "download.bin")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Load(t.Context(), "un-xml="+p)
	if err != nil || l.ID != "un_sc" || len(l.Entries) != 2 {
		t.Fatalf("override: %v", err)
	}
	// The wrong reader named by hand fails with a message naming the file.
	if _, err := Load(t.Context(), "bis-dpl="+p); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("wrong format: %v", err)
	}
	if _, err := Load(t.Context(), filepath.Join(dir, "missing.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestLoadDirFixtures(t *testing.T) {
	ls, err := LoadDir(t.Context(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, l := range ls {
		checkWellFormed(t, l)
		got[l.Format]++
	}
	// Companions (add.csv, alt.csv, sdn_comments.csv, cons_add.csv,
	// cons_alt.csv) are read with their primary file, never alone.
	// The FtM export and its delta in one folder are one list.
	if got["ofac-sdn-csv"] != 1 || got["ofac-cons-csv"] != 1 || got["us-csl-csv"] != 2 || got["ftm-json"] != 1 || len(ls) != 19 {
		t.Errorf("loaded %d lists: %v", len(ls), got)
	}
	for _, l := range ls {
		if l.Format != "ftm-json" {
			continue
		}
		var ids []string
		for _, e := range l.Entries {
			ids = append(ids, e.ID+"="+e.PrimaryName())
		}
		// entities.ftm.json, then entities.delta.json on top, though the
		// delta's name sorts first.
		wantStrings(t, "ftm folder", ids, []string{"NK-person1=Viktor Ivanovich TESTOV", "NK-co1=OOO Test Tekhnologii 2", "NK-new2=Second New"})
	}
	files, err := ScanDir(t.Context(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	skip := map[string]string{}
	for _, f := range files {
		if f.Format == "" {
			skip[filepath.Base(f.Path)] = f.Skip
		}
	}
	for _, c := range []string{"add.csv", "alt.csv", "sdn_comments.csv", "cons_add.csv", "cons_alt.csv"} {
		if !strings.Contains(skip[c], "companion") {
			t.Errorf("%s: %q", c, skip[c])
		}
	}
	// Same files, same lists in the same order, whatever the parallel timing.
	again, err := LoadDir(t.Context(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	for i := range ls {
		if ls[i].Files[0] != again[i].Files[0] || ls[i].ContentHash() != again[i].ContentHash() {
			t.Errorf("list %d differs between loads", i)
		}
	}
}

func TestLoadDirCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := LoadDir(ctx, "testdata"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestInhouseFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/inhouse/own_list.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if len(l.Entries) != 2 || len(l.Problems) != 3 {
		t.Fatalf("%d entries, problems %v", len(l.Entries), l.Problems)
	}
	wantProblems(t, l, []string{"own_list.csv:4: missing id or name", "own_list.csv:5: missing id or name", "own_list.csv:6: "})
	a := mustEntry(t, l, "C-001")
	wantStrings(t, "names", namesOf(a), []string{"primary:Acme Dual-Use Trading FZE", "aka:Acme Trading", "weak:ACME"})
	wantStrings(t, "countries", a.Countries, []string{"AE", "IR"})
	if b := mustEntry(t, l, "C-002"); b.Type != TypePerson || b.PrimaryName() != "Иван Тестов" {
		t.Errorf("%+v", b)
	}
}

func TestListContentHash(t *testing.T) {
	l, err := Load(t.Context(), "testdata/un/consolidated.xml")
	if err != nil {
		t.Fatal(err)
	}
	h := l.ContentHash()
	l.Entries[0], l.Entries[1] = l.Entries[1], l.Entries[0]
	if l.ContentHash() != h {
		t.Error("content hash depends on entry order")
	}
	l.Entries[0].Names = append(l.Entries[0].Names, Name{Value: "NEW ALIAS", Kind: NameAKA})
	if l.ContentHash() == h {
		t.Error("content hash did not change with an entry")
	}
}
