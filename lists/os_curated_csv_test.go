package lists

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestOSCuratedFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/os_curated/us_bis_mieu.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "us_bis_mieu" || l.Format != "os-curated-csv" || len(l.Entries) != 2 {
		t.Fatalf("%s %s: %d entries", l.ID, l.Format, len(l.Entries))
	}
	wantProblems(t, l, []string{"us_bis_mieu.csv:4: delisted on 2023-01-01", "us_bis_mieu.csv:5: column Name: empty", "us_bis_mieu.csv:6: want 9 fields"})
	d := l.Entries[0]
	wantStrings(t, "names", namesOf(d), []string{"primary:Directorate of Military Intelligence", "aka:DIM", "aka:Dirección de Inteligencia Militar"})
	if d.Countries[0] != "CU" || d.Programs[0] != "US-BIS-MIEU" || d.ListedOn != "2021-03-16" || d.Type != TypeOrganisation || len(d.ID) != 10 {
		t.Errorf("%+v", d)
	}
	if g := l.Entries[1]; g.Names[0].Lang != "Cyrl" || g.Countries[0] != "RU" {
		t.Errorf("non-Latin: %+v", g.Names)
	}

	c, err := Load(t.Context(), "testdata/os_curated/us_state_cuba_restricted_list.csv")
	if err != nil {
		t.Fatal(err)
	}
	h := mustEntry(t, c, "hotel-test")
	wantStrings(t, "cuba names", namesOf(h), []string{"primary:Hotel Test Varadero", "aka:Fiesta Test Varadero", "aka:Test Club Adults Only"})
	if c.ID != "us_cuba_restricted" || h.Programs[0] != "US-CUBA-RESTRICTED" || h.Remarks != "Hotels; Tourism" {
		t.Errorf("%s %+v", c.ID, h)
	}
}

func TestOSCuratedNotTheFormat(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.csv")
	if err := os.WriteFile(p, []byte("Type,Name\nOrganization,X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(t.Context(), "os-curated-csv="+p); err == nil || !strings.Contains(err.Error(), "not a curated list CSV") {
		t.Errorf("err = %v", err)
	}
}

func TestOSCuratedShared(t *testing.T) {
	dir := testutil.SharedData(t, "restricted_parties/opensanctions_curated")
	// PROVENANCE.md row counts; rows with an end date are delisted and
	// reported instead of loaded.
	for file, want := range map[string]struct {
		id             string
		rows, delisted int
	}{
		"us_bis_mieu.csv": {"us_bis_mieu", 13, 0},
		"us_dod_1260h_chinese_military_companies.csv": {"us_dod_1260h", 397, 21},
		"cn_mfa_mofcom_countersanctions.csv":          {"cn_countersanctions", 610, 3},
		"us_state_cuba_restricted_list.csv":           {"us_cuba_restricted", 239, 0},
		"us_ndaa_section_1286.csv":                    {"us_ndaa_1286", 443, 7},
	} {
		l, err := Load(t.Context(), filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		checkWellFormed(t, l)
		if l.ID != want.id || len(l.Entries) != want.rows-want.delisted || len(l.Problems) != want.delisted {
			t.Errorf("%s: %s %d entries %d problems, want %d rows of which %d delisted", file, l.ID, len(l.Entries), len(l.Problems), want.rows, want.delisted)
		}
	}
	l, err := Load(t.Context(), filepath.Join(dir, "cn_mfa_mofcom_countersanctions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	e := l.Entries[0]
	wantStrings(t, "NED", namesOf(e), []string{"primary:National Endowment for Democracy", "aka:美国国家民主基金会"})
	if e.Countries[0] != "US" || e.ListedOn != "2019-12-02" {
		t.Errorf("NED %+v", e)
	}
}

func FuzzOSCuratedCSV(f *testing.F) {
	seed, err := os.ReadFile("testdata/os_curated/us_bis_mieu.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readOSCuratedCSV(context.Background(), bytes.NewReader(data), "fuzz.csv", curatedLayouts[0])
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
