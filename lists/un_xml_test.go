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

func TestUNXMLFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/un/consolidated.xml")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "un_sc" || l.Format != "un-xml" || l.Date != "2026-02-27" || len(l.Entries) != 2 {
		t.Fatalf("%s %s %s: %d entries", l.ID, l.Format, l.Date, len(l.Entries))
	}
	wantProblems(t, l, []string{"consolidated.xml:77: without REFERENCE_NUMBER"})

	p := mustEntry(t, l, "QDi.900")
	wantStrings(t, "names", namesOf(p), []string{
		"primary:ABDUL RAHMAN AL-TESTI", "aka:Abd al-Rahman al-Tisti", "weak:Abu Rahma", "aka:عبد الرحمن التستي"})
	if p.Names[3].Lang != "Arab" {
		t.Errorf("original script lang %q", p.Names[3].Lang)
	}
	wantStrings(t, "countries", p.Countries, []string{"IR", "SY"})
	wantStrings(t, "raw countries", p.CountriesRaw, []string{"Iran (Islamic Republic of)", "Syrian Arab Republic"})
	wantStrings(t, "ids", idsOf(p), []string{"passport:Passport=N 123456@SY", "national_id:National Identification Number=0101-556@"})
	wantStrings(t, "dob", p.BirthDates, []string{"1963-04-11", "circa 1960", "1958/1962"})
	wantStrings(t, "pob", p.BirthPlaces, []string{"Aleppo, Syrian Arab Republic"})
	wantStrings(t, "positions", p.Positions, []string{"Dr.", "Treasurer"})
	if len(p.Addresses) != 2 || p.Addresses[0].Full != "12 Souk Street, Damascus, Syrian Arab Republic" || p.Addresses[1].Country != "IR" {
		t.Errorf("addresses %+v", p.Addresses)
	}
	if p.ListedOn != "2011-05-02" || p.Programs[0] != "Al-Qaida" || p.Remarks != "Financier. Review concluded on 15 Jun. 2010." || p.Type != TypePerson {
		t.Errorf("listed %q programs %v remarks %q type %s", p.ListedOn, p.Programs, p.Remarks, p.Type)
	}

	o := mustEntry(t, l, "KPe.900")
	wantStrings(t, "entity names", namesOf(o), []string{"primary:KOREA TESTING TRADING CORPORATION", "aka:KOTTC", "fka:조선시험무역회사"})
	wantStrings(t, "entity countries", o.Countries, []string{"KP"})
	if o.Type != TypeOrganisation {
		t.Errorf("type %s", o.Type)
	}
}

func TestUNXMLErrors(t *testing.T) {
	for name, c := range map[string]struct{ body, want string }{
		"other xml":   {`<?xml version="1.0"?><sanctionsData><entity/></sanctionsData>`, "not a UN consolidated list"},
		"broken":      {"<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>X</INDIVIDUAL>", "line 3"},
		"not xml":     {"id,name\n1,x\n", "x.xml"},
		"empty":       {"", "no XML document element"},
		"wrong chars": {`<?xml version="1.0" encoding="ISO-8859-1"?><CONSOLIDATED_LIST/>`, "encoding"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readUNXML(t.Context(), strings.NewReader(c.body), "x.xml")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestUNXMLShared(t *testing.T) {
	p := testutil.SharedData(t, "restricted_parties/un_sc/UN_consolidated.xml")
	l, err := Load(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	byType := map[EntryType]int{}
	for _, e := range l.Entries {
		byType[e.Type]++
	}
	// PROVENANCE.md: 730 INDIVIDUAL and 273 ENTITY, dateGenerated 2026-02-27.
	if byType[TypePerson] != 730 || byType[TypeOrganisation] != 273 || len(l.Problems) != 0 || l.Date != "2026-02-27" {
		t.Errorf("by type %v, problems %v, date %s", byType, l.Problems, l.Date)
	}
	e := mustEntry(t, l, "CDi.021")
	wantStrings(t, "CDi.021 names", namesOf(e)[:2], []string{"primary:FLORIBERT NGABU NJABU", "aka:Floribert Njabu Ngabu"})
	wantStrings(t, "CDi.021 ids", idsOf(e), []string{"passport:Passport=OB 0243318@CD"})
	wantStrings(t, "CDi.021 countries", e.Countries[:1], []string{"CD"})
	q := mustEntry(t, l, "QDi.001")
	if q.PrimaryName() != "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE" || q.ListedOn != "2001-01-25" {
		t.Errorf("QDi.001: %q %q", q.PrimaryName(), q.ListedOn)
	}
	weak := 0
	for _, n := range q.Names {
		if n.Kind == NameWeak {
			weak++
		}
	}
	if weak != 3 {
		t.Errorf("QDi.001 weak aliases %d, want 3: %v", weak, namesOf(q))
	}
}

func FuzzUNXML(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "un", "consolidated.xml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`<CONSOLIDATED_LIST><INDIVIDUAL><REFERENCE_NUMBER>x</REFERENCE_NUMBER><INDIVIDUAL_ALIAS><ALIAS_NAME> a </ALIAS_NAME></INDIVIDUAL_ALIAS></INDIVIDUAL></CONSOLIDATED_LIST>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readUNXML(context.Background(), bytes.NewReader(data), "fuzz.xml")
		if err != nil {
			return
		}
		checkWellFormed(t, l)
	})
}
