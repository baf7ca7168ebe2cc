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

func TestEUJournalFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/eu_journal/32014R0269.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "eu_journal" || l.Format != "eu-journal-csv" || l.Date != "2026-03-19" || len(l.Entries) != 3 {
		t.Fatalf("%s %s %s: %d entries", l.ID, l.Format, l.Date, len(l.Entries))
	}
	wantProblems(t, l, []string{"32014R0269.csv:4: column name: empty", "32014R0269.csv:6: want 45 fields"})

	p := mustEntry(t, l, "32014R0269/I.PERSONS/12")
	wantStrings(t, "names", namesOf(p), []string{
		"primary:Sergey Valeryevich AKSYONOV", "aka:Сергей Валерьевич АКСЁНОВ", "aka:Serhiy Valeriyovych AKSYONOV",
		"weak:Goblin", "fka:Sergei AKSENOV"})
	if p.Names[1].Lang != "Cyrl" {
		t.Errorf("lang %q", p.Names[1].Lang)
	}
	wantStrings(t, "countries", p.Countries, []string{"RU", "UA"})
	wantStrings(t, "ids", idsOf(p), []string{"passport:passportNumber=AB 1234567@RU", "passport:passportNumber=770012345@"})
	wantStrings(t, "programs", p.Programs, []string{"EU-UKR", "CELEX 32014R0269 Annex I.PERSONS: Asset freeze"})
	if p.ListedOn != "2014-03-17" || p.Gender != "male" || p.BirthDates[0] != "26.11.1972" {
		t.Errorf("listed %q gender %q dob %v", p.ListedOn, p.Gender, p.BirthDates)
	}
	if len(p.Addresses) != 2 || p.Addresses[0].Full != "Simferopol; Lenina 1" || p.Addresses[1].Country != "RU" {
		t.Errorf("addresses %+v", p.Addresses)
	}
	if p.Remarks != "Actively supported the annexation. Second line of notes." {
		t.Errorf("remarks %q", p.Remarks)
	}

	// No recordId printed: a hash of schema and name stands in.
	var c *Entry
	for _, e := range l.Entries {
		if strings.HasPrefix(e.ID, "32014R0269/I.ENTITIES/#") {
			c = e
		}
	}
	if c == nil {
		t.Fatal("no entry for the row without recordId")
	}
	wantStrings(t, "company ids", idsOf(c), []string{
		"tax:innCode (Tax ID/INN)=7704730655@", "registration:ogrnCode=1027700132195@", "tax:kppCode=770401001@"})
	if c.ListedOn != "2015-02-26" || c.Type != TypeOrganisation || c.Countries[0] != "RU" {
		t.Errorf("company: %q %s %v", c.ListedOn, c.Type, c.Countries)
	}

	v := mustEntry(t, l, "32014R0269/XLII/900")
	wantStrings(t, "vessel", append(namesOf(v), idsOf(v)...), []string{
		"primary:OCEAN TEST", "fka:PACIFIC TEST", "imo:imoNumber=9187629@", "mmsi:mmsi=572469210@"})
	wantStrings(t, "flag", v.Countries, []string{"CM"})
}

func TestEUJournalNotTheFormat(t *testing.T) {
	_, err := readEUJournalCSV(t.Context(), strings.NewReader("celex,recordId\n1,2\n"), "x.csv")
	if err == nil || !strings.Contains(err.Error(), `x.csv: line 1: not an EU journal CSV: missing column "programKey"`) {
		t.Errorf("err = %v", err)
	}
}

func TestSplitCell(t *testing.T) {
	for in, want := range map[string][]string{
		"":                       nil,
		"Foo; Bar":               {"Foo", "Bar"},
		`"Foo; Bar"; Baz`:        {"Foo; Bar", "Baz"},
		`"He said ""no"""; Two`:  {`He said "no"`, "Two"},
		"  single  ":             {"single"},
		`ООО «Ромашка»; "A;B"`:   {"ООО «Ромашка»", "A;B"},
		`unbalanced "quote; two`: {`unbalanced "quote`, "two"},
	} {
		wantStrings(t, in, splitCell(in), want)
	}
}

func TestEUJournalShared(t *testing.T) {
	dir := testutil.SharedData(t, "restricted_parties/eu_journal_sanctions/consolidated")
	// PROVENANCE.md: 37 files, 8,017 rows; 32014R0833.csv Annex IV "Export
	// control" 921 rows and Annex XLII 633; 32006R0765.csv Annex V 26 rows;
	// 32014R0269.csv 2,802 rows.
	lists, err := LoadDir(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	annex := map[string]int{}
	perFile := map[string]int{}
	for _, l := range lists {
		checkWellFormed(t, l)
		if len(l.Problems) != 0 || l.Date == "" {
			t.Errorf("%s: problems %v date %q", l.Files[0], l.Problems, l.Date)
		}
		total += len(l.Entries)
		perFile[filepath.Base(l.Files[0])] = len(l.Entries)
		for _, e := range l.Entries {
			annex[e.Programs[len(e.Programs)-1]]++
		}
	}
	if len(lists) != 37 || total != 8017 {
		t.Errorf("%d files, %d entries", len(lists), total)
	}
	for k, n := range map[string]int{
		"CELEX 32014R0833 Annex IV: Export control":                921,
		"CELEX 32014R0833 Annex XLII: Transportation restrictions": 633,
		"CELEX 32006R0765 Annex V: Export control":                 26,
	} {
		if annex[k] != n {
			t.Errorf("%s: %d, want %d", k, annex[k], n)
		}
	}
	if perFile["32014R0269.csv"] != 2802 {
		t.Errorf("32014R0269.csv: %d", perFile["32014R0269.csv"])
	}
	var ru *List
	for _, l := range lists {
		if strings.HasSuffix(l.Files[0], "32014R0833.csv") {
			ru = l
		}
	}
	e := mustEntry(t, ru, "32014R0833/IV/1")
	wantStrings(t, "Sirius", namesOf(e), []string{"primary:JSC Sirius",
		"aka:Открытое Акционерное Общество «Концерн «Сириус» (ОАО «Концерн «Сириус»)", "aka:JSC Concern Sirius", "aka:Kontsern Sirius"})
	wantStrings(t, "Sirius ids", idsOf(e), []string{"tax:registrationNumber (Tax ID/INN)=7704730655@"})
	if e.ListedOn != "2014-09-12" || e.Addresses[0].Country != "RU" || ru.Date != "2026-07-17" {
		t.Errorf("Sirius listed %q address %+v date %s", e.ListedOn, e.Addresses, ru.Date)
	}
}

func FuzzEUJournalCSV(f *testing.F) {
	seed, err := os.ReadFile("testdata/eu_journal/32014R0269.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(string(euJournalConsolidated) + "startDate,reason,schema,name,alias\n1,,P,A,M,x,,Person, n ,\"\"\"; ;\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readEUJournalCSV(context.Background(), bytes.NewReader(data), "fuzz.csv")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
