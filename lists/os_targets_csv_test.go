package lists

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func TestOSTargetsCSVFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/ftm/targets.simple.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "opensanctions" || l.Format != "os-targets-csv" || len(l.Entries) != 2 {
		t.Fatalf("%s %s: %d entries", l.ID, l.Format, len(l.Entries))
	}
	wantProblems(t, l, []string{"targets.simple.csv:4: without id or name", "targets.simple.csv:5: want 16 fields"})
	p := mustEntry(t, l, "NK-person1")
	wantStrings(t, "names", namesOf(p), []string{"primary:Viktor Ivanovich TESTOV", "aka:Виктор Иванович ТЕСТОВ", "aka:Viktor Testoff"})
	wantStrings(t, "countries", p.Countries, []string{"RU", "CY", "BY"})
	wantStrings(t, "ids", idsOf(p), []string{"other:identifier=7512345678@", "other:identifier=770400123456@"})
	wantStrings(t, "programs", p.Programs, []string{"EU-UKR", "EU Financial Sanctions Files (FSF)"})
	if len(p.Addresses) != 2 || p.ListedOn != "2022-03-01" || p.Type != TypePerson || p.Remarks != "EU Council Regulation 269/2014" {
		t.Errorf("%+v", p)
	}
}

func TestOSTargetsCSVNotTheFormat(t *testing.T) {
	if _, err := readOSTargetsCSV(t.Context(), strings.NewReader("a,b\n1,2\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), `x.csv: line 1: not a targets.simple.csv: missing column "id"`) {
		t.Errorf("err = %v", err)
	}
}

func FuzzOSTargetsCSV(f *testing.F) {
	seed, err := os.ReadFile("testdata/ftm/targets.simple.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readOSTargetsCSV(context.Background(), bytes.NewReader(data), "fuzz.csv")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
