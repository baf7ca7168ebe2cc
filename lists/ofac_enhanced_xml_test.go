package lists

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestOFACEnhancedXMLFixture(t *testing.T) {
	for _, file := range []string{"testdata/ofac_enhanced/SDN_ENHANCED.XML", "testdata/ofac_enhanced/SDN_ENHANCED.ZIP"} {
		t.Run(file, func(t *testing.T) {
			l, err := Load(t.Context(), file)
			if err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, l)
			if l.ID != "ofac_sdn" || l.Format != "ofac-enhanced-xml" || l.Date != "2024-05-03" || len(l.Entries) != 2 {
				t.Fatalf("%s %s %s: %d entries", l.ID, l.Format, l.Date, len(l.Entries))
			}
			wantProblems(t, l, []string{"SDN_ENHANCED:124: entity 9036 has no name", "SDN_ENHANCED:128: without id"})
			g := mustEntry(t, l, "17016")
			wantStrings(t, "names", namesOf(g), []string{"primary:GAZPROMBANK JOINT STOCK COMPANY",
				"aka:ГАЗПРОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО", "fka:GAZPROMBANK OPEN JOINT STOCK COMPANY", "weak:GPB"})
			if g.Names[1].Lang != "Cyrl" || g.Type != TypeOrganisation || g.ListedOn != "2014-07-16" {
				t.Errorf("lang %q type %s listed %q", g.Names[1].Lang, g.Type, g.ListedOn)
			}
			wantStrings(t, "ids", idsOf(g), []string{"swift_bic:SWIFT/BIC=GAZPRUMM@",
				"registration:Registration Number=1027700167110@RU", "tax:Tax ID No.=7744001497@RU"})
			wantStrings(t, "countries", g.Countries, []string{"RU", "KP"})
			wantStrings(t, "programs", g.Programs, []string{"UKRAINE-EO13662", "RUSSIA-EO14024"})
			if len(g.Addresses) != 2 || g.Addresses[0].Full != "16 Nametkina Street, Bldg. 1, Moscow, 117420, Russia" || g.Addresses[1].Country != "KP" {
				t.Errorf("addresses %+v", g.Addresses)
			}
			v := mustEntry(t, l, "9035")
			wantStrings(t, "vessel ids", idsOf(v), []string{"imo:Vessel Registration Identification IMO=9187629@", "mmsi:MMSI=572469210@"})
		})
	}
}

func TestOFACEnhancedXMLNotTheFormat(t *testing.T) {
	_, err := readOFACEnhancedXML(t.Context(), strings.NewReader(`<CONSOLIDATED_LIST/>`), "x.xml")
	if err == nil || !strings.Contains(err.Error(), "x.xml: not an OFAC Enhanced XML file") {
		t.Errorf("err = %v", err)
	}
}

func TestOFACEnhancedXMLShared(t *testing.T) {
	p := testutil.SharedData(t, "restricted_parties/ofac_consolidated_nonsdn/CONS_ENHANCED.ZIP")
	l, err := Load(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	// PROVENANCE.md: 443 <entity>; entityType 80 Individual, 363 Entity.
	byType := map[EntryType]int{}
	for _, e := range l.Entries {
		byType[e.Type]++
	}
	if len(l.Entries) != 443 || byType[TypePerson] != 80 || byType[TypeOrganisation] != 363 || len(l.Problems) != 0 {
		t.Errorf("%d entries %v problems %v", len(l.Entries), byType, l.Problems)
	}
	if l.ID != "ofac_cons" || l.Date != "2025-01-10" {
		t.Errorf("id %s date %s", l.ID, l.Date)
	}
	g := mustEntry(t, l, "17016")
	wantStrings(t, "17016 names", namesOf(g)[:3], []string{"primary:GAZPROMBANK JOINT STOCK COMPANY",
		"aka:ГАЗПРОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО", "fka:GAZPROMBANK OPEN JOINT STOCK COMPANY"})
	wantStrings(t, "17016 ids", idsOf(g), []string{"swift_bic:SWIFT/BIC=GAZPRUMM@",
		"registration:Registration Number=1027700167110@RU", "tax:Tax ID No.=7744001497@RU", "lei:Legal Entity Number=253400WSS48YWMBUA688@"})
	h := mustEntry(t, l, "9639")
	if h.PrimaryName() != "HANIYA, Ismail Abdul Salah" || h.BirthDates[0] != "1962" || h.BirthPlaces[0] != "Shati" {
		t.Errorf("9639 %+v", h)
	}
}

func FuzzOFACEnhancedXML(f *testing.F) {
	seed, err := os.ReadFile("testdata/ofac_enhanced/SDN_ENHANCED.XML")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readOFACEnhancedXML(context.Background(), bytes.NewReader(data), "fuzz.xml")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
