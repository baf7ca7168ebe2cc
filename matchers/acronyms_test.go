package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func orgEntry(id, name string) *lists.Entry {
	return &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name}}}
}

// A word of an organisation's name aligns with the run of words on the
// other side whose initials spell it, either way round.
func TestAcronymOfARun(t *testing.T) {
	entries := append(scoreEntries[:len(scoreEntries):len(scoreEntries)],
		orgEntry("42001", "LIMITED LIABILITY COMPANY TRADING PRODUCTION COMPANY ARGUS NV"),
		orgEntry("42002", "OOO TPK ARGUS NV"),
		orgEntry("42003", "LAREDO DRUG TRAFFICKING ORGANIZATION"),
		orgEntry("42004", "AR-RAHMAN TRUST"),
		&lists.Entry{List: "ofac_sdn", ID: "42005", Type: lists.TypePerson, Names: []lists.Name{{Value: "BAKR, Mahmud Khalil"}}},
		orgEntry("42006", "PMC REDUT"),
		orgEntry("42007", "KAMAZ PUBLICLY TRADED COMPANY"),
		orgEntry("42008", "CVG MINERVEN"),
	)
	m := NewAligned(entries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, want, pair string }{
		{"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU TORGOVO PROMYSHLENNAIA KOMPANIIA ARGUS NV", "ofac_sdn:42002", "trading+promyshlennaia+kompaniia~tpk 0.80 (initials)"},
		{"LAREDO DTO", "ofac_sdn:42003", "dto~drug+trafficking+organization 0.80 (initials)"},
		// a run ending in a legal form, read by its first letter
		{"PRIVATE MILITARY COMPANY REDUT", "ofac_sdn:42006", "private+military+co~pmc 0.80 (initials)"},
		{"KAMAZ PTC", "ofac_sdn:42007", "ptc~publicly+traded+co 0.80 (initials)"},
		// a run beginning with one: Corporación Venezolana de Guayana
		{"CORPORACION VENEZOLANA DE GUAYANA MINERVEN C.A.", "ofac_sdn:42008", "corp+venezolana+guayana~cvg 0.80 (initials)"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		found := false
		for _, h := range got {
			if h.Entry.List+":"+h.Entry.ID == tt.want {
				found = true
				if !strings.Contains(h.Explanation, tt.pair) {
					t.Errorf("Match(%q): %.3f %q, want %s", tt.query, h.Score, h.Explanation, tt.pair)
				}
			}
		}
		if !found {
			t.Errorf("Match(%q) = %v, want %s among the hits", tt.query, got, tt.want)
		}
	}
	for _, tt := range []struct{ query, notPair string }{
		{"ACADIA REALTY TRUST", "(initials)"}, // two letters spell too many runs
		{"MKB, Ahmad", "(initials)"},          // a person's name: initials are initials
	} {
		for _, h := range m.Match(Query{Name: tt.query}, nil) {
			if strings.Contains(h.Explanation, tt.notPair) {
				t.Errorf("Match(%q): %q, want no %s", tt.query, h.Explanation, tt.notPair)
			}
		}
	}
}
