package lists

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func TestEUFSFXMLFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/eu_fsf/export.xml")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "eu_fsf" || l.Format != "eu-fsf-xml" || l.Date != "2024-05-03" || len(l.Entries) != 2 {
		t.Fatalf("%s %s %s: %d entries", l.ID, l.Format, l.Date, len(l.Entries))
	}
	wantProblems(t, l, []string{"export.xml:29: without logicalId", "export.xml:33: sanctionEntity 999 has no nameAlias"})
	p := mustEntry(t, l, "13")
	wantStrings(t, "names", namesOf(p), []string{"primary:Sergey Valeryevich AKSYONOV", "aka:Сергей Валерьевич АКСЁНОВ", "weak:Goblin"})
	if p.Names[1].Lang != "Cyrl" || p.Type != TypePerson || p.Gender != "M" || p.ListedOn != "2014-03-17" {
		t.Errorf("%+v", p)
	}
	wantStrings(t, "countries", p.Countries, []string{"RU", "UA"})
	wantStrings(t, "ids", idsOf(p), []string{"passport:National passport=AB1234567@RU", "national_id:National identification card=770012345@UA"})
	wantStrings(t, "dob", append(p.BirthDates, p.BirthPlaces...), []string{"1972-11-26", "Beltsy (Bălţi), MOLDOVA, REPUBLIC OF"})
	if len(p.Addresses) != 2 || p.Addresses[0].Full != "Lenina 1, Simferopol, Crimea, 295000, UA" || p.Addresses[0].Country != "UA" {
		t.Errorf("addresses %+v", p.Addresses)
	}
	wantStrings(t, "programs", p.Programs, []string{"UKR"})
	if !strings.Contains(p.Remarks, "EU reference EU.2791.64") || !strings.Contains(p.Remarks, "Date of listing") {
		t.Errorf("remarks %q", p.Remarks)
	}
	c := mustEntry(t, l, "5533")
	wantStrings(t, "company ids", idsOf(c), []string{"registration:Registration Number=1027700132195@RU", "tax:Tax Identification Number=7707083893@RU"})
	if c.Type != TypeOrganisation || c.ListedOn != "2022-02-23" || c.Names[1].Lang != "Cyrl" {
		t.Errorf("%+v", c)
	}
}

func TestEUFSFCSVFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/eu_fsf/export.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "eu_fsf" || l.Format != "eu-fsf-csv" || l.Date != "2024-05-03" || len(l.Entries) != 2 {
		t.Fatalf("%s %s %s: %d entries", l.ID, l.Format, l.Date, len(l.Entries))
	}
	wantProblems(t, l, []string{"export.csv:12: Entity_LogicalId: empty", "export.csv:14: want 75", "export.csv:13: entity 777 has no NameAlias"})
	p := mustEntry(t, l, "13")
	wantStrings(t, "names", namesOf(p), []string{"primary:Sergey Valeryevich AKSYONOV", "aka:Сергей Валерьевич АКСЁНОВ"})
	wantStrings(t, "countries", p.Countries, []string{"UA", "RU"})
	wantStrings(t, "ids", idsOf(p), []string{"passport:National passport=AB1234567@RU"})
	if len(p.Addresses) != 2 || p.ListedOn != "2014-03-17" || p.BirthDates[0] != "1972-11-26" || p.Positions[0] == "" {
		t.Errorf("%+v", p)
	}
	c := mustEntry(t, l, "5533")
	if c.Type != TypeOrganisation || c.ListedOn != "2022-02-23" || len(c.Identifiers) != 1 {
		t.Errorf("%+v", c)
	}
}

func TestEUFSFNotTheFormat(t *testing.T) {
	if _, err := readEUFSFXML(t.Context(), strings.NewReader(`<CONSOLIDATED_LIST/>`), "x.xml"); err == nil || !strings.Contains(err.Error(), "not an EU FSF XML") {
		t.Errorf("xml: %v", err)
	}
	if _, err := readEUFSFCSV(t.Context(), strings.NewReader("a;b\n1;2\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), `missing column "Entity_LogicalId"`) {
		t.Errorf("csv: %v", err)
	}
}

func FuzzEUFSFXML(f *testing.F) {
	seed, err := os.ReadFile("testdata/eu_fsf/export.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readEUFSFXML(context.Background(), bytes.NewReader(data), "fuzz.xml")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}

func FuzzEUFSFCSV(f *testing.F) {
	seed, err := os.ReadFile("testdata/eu_fsf/export.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readEUFSFCSV(context.Background(), bytes.NewReader(data), "fuzz.csv")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
