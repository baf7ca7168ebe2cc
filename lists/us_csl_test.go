package lists

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestUSCSLCSVFixture(t *testing.T) {
	for _, file := range []string{"testdata/us_csl/consolidated.csv", "testdata/us_csl/consolidated.csv.gz"} {
		t.Run(file, func(t *testing.T) {
			l, err := Load(t.Context(), file)
			if err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, l)
			if l.ID != "us_csl" || l.Format != "us-csl-csv" || len(l.Entries) != 5 {
				t.Fatalf("%s %s %d entries", l.ID, l.Format, len(l.Entries))
			}
			wantProblems(t, l, []string{"consolidated.csv:6: without _id", ":8: want 29 fields"})

			p := mustEntry(t, l, "17291")
			wantStrings(t, "names", namesOf(p), []string{"primary:'ABD AL-SALAM, 'Abd al-Malik", "aka:'ABD-AL-SALAM, 'Abd al-Malik", "aka:'Umar al-Qatari"})
			wantStrings(t, "ids", idsOf(p), []string{"national_id:National ID No.=28940000602@QA", "passport:Passport=K475336@JO"})
			wantStrings(t, "countries", p.Countries, []string{"JO", "QA"})
			wantStrings(t, "dob", p.BirthDates, []string{"1989-07-13", "1989"})
			wantStrings(t, "programs", p.Programs, []string{"SDN", "SDGT"})
			if p.Gender != "Male" || p.Type != TypePerson {
				t.Errorf("gender %q type %s", p.Gender, p.Type)
			}

			el := mustEntry(t, l, "4398d33e9e93c7477af39f1e0bfffc13ddd47bcc")
			wantStrings(t, "EL names", namesOf(el), []string{"primary:140 Repair Plant JSC", "aka:Open Joint Stock Company 140 Repair Plant", "aka:JSC 140 Repair Plant"})
			wantStrings(t, "EL programs", el.Programs, []string{"EL"})
			if len(el.Addresses) != 2 || el.Addresses[0].Street != "19 Luysi Chalovskoy St., Borisov, 222512" || el.Addresses[0].Country != "BY" || el.ListedOn != "2022-04-07" {
				t.Errorf("EL addresses %+v listed %q", el.Addresses, el.ListedOn)
			}
			if el.Type != TypeUnknown {
				t.Errorf("EL type %s", el.Type)
			}
			// One party on two source lists: ids made unique by source.
			sdn, ssi := mustEntry(t, l, "18741/SDN"), mustEntry(t, l, "18741/SSI")
			wantStrings(t, "shared ids", idsOf(sdn), []string{"registration:Registration ID=1027700256297@RU", "imo:Vessel Registration Identification IMO=9187629@"})
			if ssi.PrimaryName() != sdn.PrimaryName() {
				t.Error("SSI copy lost its name")
			}
			cn := mustEntry(t, l, "x1")
			wantStrings(t, "non-Latin", namesOf(cn), []string{"primary:北京测试科技有限公司", "aka:Beijing Test Technology Co., Ltd."})
		})
	}
}

func TestUSCSLJSONFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/us_csl/consolidated.json")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.Format != "us-csl-json" || len(l.Entries) != 2 {
		t.Fatalf("%s: %d entries", l.Format, len(l.Entries))
	}
	wantProblems(t, l, []string{"consolidated.json:3: record 3", "consolidated.json:4: without _id"})
	p := mustEntry(t, l, "17291")
	wantStrings(t, "ids", idsOf(p), []string{"passport:Passport=K475336@JO"})
	if p.Gender != "Male" || len(p.Addresses) != 1 || p.Addresses[0].Full != "Al Sadd, Doha, QA" {
		t.Errorf("gender %q addresses %+v", p.Gender, p.Addresses)
	}
	m := mustEntry(t, l, "e1")
	wantStrings(t, "MEU", append(namesOf(m), m.Programs...), []string{"primary:Обществo Тест", "aka:Test LLC", "MEU"})
	if len(m.Addresses) != 2 || m.Addresses[1].City != "Kazan" {
		t.Errorf("addresses %+v", m.Addresses)
	}
}

func TestUSCSLNotTheFormat(t *testing.T) {
	if _, err := readUSCSLCSV(t.Context(), strings.NewReader("id,name\n1,x\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), `missing column "_id"`) {
		t.Errorf("csv: %v", err)
	}
	for _, body := range []string{`{"total":1}`, `"text"`, `{"results": {"a":1}}`, ``} {
		if _, err := readUSCSLJSON(t.Context(), strings.NewReader(body), "x.json"); err == nil || !strings.Contains(err.Error(), "x.json") {
			t.Errorf("json %q: %v", body, err)
		}
	}
}

func TestUSCSLShared(t *testing.T) {
	p := testutil.SharedData(t, "restricted_parties/us_csl/consolidated.csv.gz")
	l, err := Load(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	// PROVENANCE.md: 14,160 rows; SDN 10,026; Entity List 2,001; ITAR
	// Debarred 727; Denied Persons 462; SSI 290; Unverified 201; ISN 163;
	// PLC 78; MEU 71; CMIC 68; CAPTA 53; NS-MBS 17; FSE 3.
	bySource := map[string]int{}
	ids := map[string]bool{}
	for _, e := range l.Entries {
		bySource[e.Programs[0]]++
		if ids[e.ID] {
			t.Fatalf("entry id %s repeats", e.ID)
		}
		ids[e.ID] = true
	}
	want := map[string]int{"SDN": 10026, "EL": 2001, "DTC": 727, "DPL": 462, "SSI": 290, "UVL": 201, "ISN": 163,
		"PLC": 78, "MEU": 71, "CMIC": 68, "CAP": 53, "NS-MBS": 17, "FSE": 3}
	if len(l.Entries) != 14160 || len(l.Problems) != 0 || len(bySource) != len(want) {
		t.Errorf("%d entries, problems %v, by source %v", len(l.Entries), l.Problems, bySource)
	}
	for k, n := range want {
		if bySource[k] != n {
			t.Errorf("source %s: %d, want %d", k, bySource[k], n)
		}
	}
	e := mustEntry(t, l, "21944")
	if e.PrimaryName() != "'ABBAS, Rim" || e.Type != TypePerson || e.BirthDates[0] != "1973-03-25" || e.Countries[0] != "SY" {
		t.Errorf("21944: %+v", e)
	}
}

func FuzzUSCSLCSV(f *testing.F) {
	seed, err := os.ReadFile("testdata/us_csl/consolidated.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(cslHeaderStart + "\nx,y (Z),1,Entity,,N,,\", , \",,,,,,,,,,,,,,,,,,,,,\", , ; ,\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readUSCSLCSV(context.Background(), bytes.NewReader(data), "fuzz.csv")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}

func FuzzUSCSLJSON(f *testing.F) {
	seed, err := os.ReadFile("testdata/us_csl/consolidated.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`[{"id":"1","name":" ","alt_names":[""]},{"id":"2","name":"x","ids":[{"type":"Passport"}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readUSCSLJSON(context.Background(), bytes.NewReader(data), "fuzz.json")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
