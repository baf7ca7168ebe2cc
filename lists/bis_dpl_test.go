package lists

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestBISDPLFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/bis_dpl/dpl.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "us_bis_dpl" || l.Format != "bis-dpl" || len(l.Entries) != 4 {
		t.Fatalf("%s %s: %d entries", l.ID, l.Format, len(l.Entries))
	}
	wantProblems(t, l, []string{"dpl.txt:5: column Name: empty", "dpl.txt:6: want 12 tab-separated fields, got 2"})
	// One party at two addresses: two rows, two entries with distinct ids.
	a, b := l.Entries[0], l.Entries[1]
	if a.PrimaryName() != "DAQING ZHOU" || b.PrimaryName() != "DAQING ZHOU" || a.ID == b.ID || !strings.HasPrefix(a.ID, "dpl-") {
		t.Errorf("ids %s %s", a.ID, b.ID)
	}
	if a.Addresses[0].Full != "1132 SEAGULL LANE, CLEARWATER, FL, 33764, US" || b.Addresses[0].Country != "CN" || a.ListedOn != "2006-11-09" {
		t.Errorf("addresses %+v %+v listed %q", a.Addresses, b.Addresses, a.ListedOn)
	}
	wantStrings(t, "countries", append(a.Countries, b.Countries...), []string{"US", "CN"})
	if !strings.Contains(a.Remarks, "71 F.R. 66974") || a.Programs[0] != "DPL" {
		t.Errorf("remarks %q programs %v", a.Remarks, a.Programs)
	}
	es := l.Entries[3]
	if es.PrimaryName() != "JOSÉ MARÍA NÚÑEZ" || es.ListedOn != "2019-02-28" {
		t.Errorf("%q %q", es.PrimaryName(), es.ListedOn)
	}
	// The same file loaded again gives the same ids.
	l2, err := Load(t.Context(), "bis-dpl=testdata/bis_dpl/dpl.txt")
	if err != nil || l2.Entries[2].ID != l.Entries[2].ID {
		t.Errorf("ids not stable: %v", err)
	}
}

func TestBISDPLNotTheFormat(t *testing.T) {
	_, err := readBISDPL(t.Context(), strings.NewReader("Name,Address\nx,y\n"), "x.txt")
	if err == nil || !strings.Contains(err.Error(), "x.txt: line 1: not a BIS Denied Persons List") {
		t.Errorf("err = %v", err)
	}
}

func TestBISDPLShared(t *testing.T) {
	p := testutil.SharedData(t, "restricted_parties/us_bis_dpl/dpl.txt")
	l, err := Load(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	// PROVENANCE.md: 665 rows.
	if len(l.Entries) != 665 || len(l.Problems) != 0 {
		t.Fatalf("%d entries, problems %v", len(l.Entries), l.Problems)
	}
	e := l.Entries[len(l.Entries)-1]
	if e.PrimaryName() != "ZIMO SHENG" || e.Addresses[0].City != "JIANGSU" || e.Countries[0] != "CN" || e.ListedOn != "2020-03-16" {
		t.Errorf("last entry %+v", e)
	}
}

func FuzzBISDPL(f *testing.F) {
	seed, err := os.ReadFile("testdata/bis_dpl/dpl.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("Name\tStreet_Address\tCity\tState\tCountry\tPostal_Code\tEffective_Date\tE\tS\tL\tA\tF\n \t\t\t\t\t\t13/13/2020\t\t\t\t\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readBISDPL(context.Background(), bytes.NewReader(data), "fuzz.txt")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
