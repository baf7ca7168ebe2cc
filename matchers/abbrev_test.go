package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestIsAbbreviation(t *testing.T) {
	for w, want := range map[string]bool{"npk": true, "rsb": true, "g9": true, "tpk": true, "gptp": false, "ucon": false, "ak": false, "kim": false, "": false} {
		if got := isAbbreviation(w); got != want {
			t.Errorf("isAbbreviation(%q) = %v, want %v", w, got, want)
		}
	}
}

// An abbreviation one letter off aligns in a name without a legal form,
// as before, but not in a company's name: NPK is not NPC.
func TestAbbreviationSlipInCompanyName(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "50001", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "NPC INTERNATIONAL COMPANY"}}, Countries: []string{"IR"}},
		{List: "ofac_sdn", ID: "50002", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "PARS INTERNATIONAL TRADING COMPANY"}}},
		{List: "ofac_sdn", ID: "50003", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "RSB GROUP LLC"}}},
		{List: "ofac_sdn", ID: "50004", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "KALININ MACHINE PLANT JSC"}}},
	}
	m := NewAligned(entries, Options{Threshold: 0.2})
	explain := func(query, want string) string {
		t.Helper()
		for _, h := range m.Match(Query{Name: query}, nil) {
			if h.Entry.List+":"+h.Entry.ID == want {
				return h.Explanation
			}
		}
		return ""
	}
	if e := explain("NPK International", "ofac_sdn:50001"); !strings.Contains(e, "npk~npc") {
		t.Errorf("NPK International: want npk~npc aligned without a legal form, got %q", e)
	}
	e := explain("NPK International Inc.", "ofac_sdn:50001")
	if strings.Contains(e, "npk~npc") {
		t.Errorf("NPK International Inc.: npk aligned with npc in a company's name: %q", e)
	}
	if !strings.Contains(e, "query only (counts against): npk") && e != "" {
		t.Errorf("NPK International Inc.: want npk left over, got %q", e)
	}
	if e := explain("RSB Group LLC", "ofac_sdn:50003"); !strings.Contains(e, "rsb=rsb 1.00") {
		t.Errorf("RSB Group LLC: the same abbreviation must align, got %q", e)
	}
}
