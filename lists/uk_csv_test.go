package lists

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func TestUKOFSIFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/uk/ConList.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "uk_ofsi" || l.Format != "uk-ofsi-csv" || l.Date != "2024-05-03" || len(l.Entries) != 2 {
		t.Fatalf("%s %s %s: %d entries", l.ID, l.Format, l.Date, len(l.Entries))
	}
	wantProblems(t, l, []string{"ConList.csv:8: column Group ID: empty", "ConList.csv:10: want 36 fields", "ConList.csv:9: Group ID 16000 has no name"})
	p := mustEntry(t, l, "13009")
	// The "Primary name" row comes second in the file but leads the names.
	wantStrings(t, "names", namesOf(p), []string{"primary:Sergey Valeryevich AKSYONOV", "aka:Sergei Valeryevich AKSYONOV",
		"aka:Сергей Валерьевич АКСЁНОВ", "weak:GOBLIN"})
	wantStrings(t, "countries", p.Countries, []string{"RU", "UA"})
	wantStrings(t, "ids", idsOf(p), []string{"passport:Passport Number=AB1234567@", "passport:Passport Number=770012345@"})
	if len(p.Addresses) != 2 || p.Addresses[0].Full != "Lenina 1, Simferopol, 295000, Ukraine" || p.Addresses[1].Country != "RU" {
		t.Errorf("addresses %+v", p.Addresses)
	}
	if p.ListedOn != "2014-03-18" || p.Type != TypePerson || p.Programs[0] != "Russia" || p.BirthDates[0] != "26/11/1972" || p.Names[2].Lang != "Cyrl" {
		t.Errorf("%+v", p)
	}
	c := mustEntry(t, l, "15000")
	wantStrings(t, "entity names", namesOf(c), []string{"primary:TEST SHIPPING COMPANY LLC", "fka:TEST SHIPPING"})
	if c.Type != TypeOrganisation || c.ListedOn != "2023-02-24" {
		t.Errorf("%+v", c)
	}
}

func TestUKFCDOFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/uk/UK-Sanctions-List.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "uk_fcdo" || l.Format != "uk-fcdo-csv" || l.Date != "2024-05-10" || len(l.Entries) != 3 || len(l.Problems) != 0 {
		t.Fatalf("%s %s %s: %d entries, problems %v", l.ID, l.Format, l.Date, len(l.Entries), l.Problems)
	}
	s := mustEntry(t, l, "RUS1500")
	wantStrings(t, "ship", append(namesOf(s), idsOf(s)...), []string{"primary:OCEAN TEST", "aka:PACIFIC TEST", "imo:IMO number=9187629@"})
	wantStrings(t, "flag", s.Countries, []string{"CM"})
	if s.Type != TypeVessel || s.ListedOn != "2024-05-09" || !strings.Contains(s.Remarks, "Ship specification") {
		t.Errorf("%+v", s)
	}
	p := mustEntry(t, l, "RUS0100")
	wantStrings(t, "person", namesOf(p), []string{"primary:Viktor TESTOV", "aka:Виктор ТЕСТОВ", "weak:VITYA"})
	if p.Gender != "Male" || p.Countries[0] != "RU" || p.Addresses[0].City != "" || p.Addresses[0].Full != "ul. Lenina 1, Moscow, Russia" {
		t.Errorf("%+v", p)
	}
	wantStrings(t, "company ids", idsOf(mustEntry(t, l, "RUS0200")), []string{
		"registration:Business registration number=1027700132195@", "registration:Business registration number=7707083893@"})
}

func TestUKNotTheFormat(t *testing.T) {
	for _, lay := range []ukLayout{ukOFSILayout, ukFCDOLayout} {
		_, err := readUKCSV(t.Context(), strings.NewReader("a,b\n1,2\n3,4\n"), "x.csv", lay)
		if err == nil || !strings.Contains(err.Error(), "x.csv: not a "+lay.format) {
			t.Errorf("%s: %v", lay.format, err)
		}
	}
}

func TestSplitUKCell(t *testing.T) {
	wantStrings(t, "enumerated", splitUKCell("(1) Russia (2) Ukraine, (3) Belarus"), []string{"Russia", "Ukraine", "Belarus"})
	wantStrings(t, "single", splitUKCell("Russia (as of 2020)"), []string{"Russia (as of 2020)"})
}

func FuzzUKCSV(f *testing.F) {
	for _, p := range []string{"testdata/uk/ConList.csv", "testdata/uk/UK-Sanctions-List.csv"} {
		seed, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(seed, strings.Contains(p, "UK-"))
	}
	f.Fuzz(func(t *testing.T, data []byte, fcdo bool) {
		lay := ukOFSILayout
		if fcdo {
			lay = ukFCDOLayout
		}
		l, err := readUKCSV(context.Background(), bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "fuzz.csv", lay)
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
