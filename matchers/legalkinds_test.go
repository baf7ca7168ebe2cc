package matchers

import (
	"math"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// legalKindEntries are organisation names as OFAC and the EU print them,
// with a few others so that the words' weights are not all alike.
var legalKindEntries = []*lists.Entry{
	{List: "ofac_sdn", ID: "40001", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "IRON MOUNTAIN ENTERPRISES LIMITED"}}},
	{List: "ofac_sdn", ID: "40002", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Alpha Trading Investments Limited"}}},
	{List: "ofac_sdn", ID: "40003", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "KOREA GENERAL CORPORATION FOR EXTERNAL CONSTRUCTION"}}},
	{List: "eu_fsf", ID: "EU.4.4", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "HAMRIYAH STEEL FREE ZONE COMPANY"}}},
	{List: "ofac_sdn", ID: "40005", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "MOUNTAIN TRADING COMPANY LIMITED"}}},
	{List: "ofac_sdn", ID: "40006", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "KOREA MINING DEVELOPMENT TRADING CORPORATION"}}},
	{List: "ofac_sdn", ID: "40007", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "STEEL INVESTMENT LLC"}}},
}

func TestLegalConflictKinds(t *testing.T) {
	for _, tt := range []struct {
		q, n string
		want bool
	}{
		{"corp", "llc", true},
		{"llc", "lp", true},
		{"corp llc", "llc", false}, // "XYZ Corporation Limited"
		{"corp", "co", false},      // company is a word, not a kind
		{"corp", "jsc", false},
		{"", "llc", false},
		{"soe", "corp", false},
	} {
		var q, n uint8
		for _, c := range strings.Fields(tt.q) {
			q |= legalKind(c)
		}
		for _, c := range strings.Fields(tt.n) {
			n |= legalKind(c)
		}
		if got := legalConflict(q, n); got != tt.want {
			t.Errorf("legalConflict(%q, %q) = %v, want %v", tt.q, tt.n, got, tt.want)
		}
	}
}

// A partial match between a corporation and a limited company is lowered
// by LegalConflict; a complete one, or one where a side names no exclusive
// kind (Company), is not.
func TestLegalConflictLowersPartialMatches(t *testing.T) {
	on := NewAligned(legalKindEntries, Options{Threshold: 0.3})
	off := NewAligned(legalKindEntries, Options{Threshold: 0.3, Tuning: Tuning{LegalConflict: 1}})
	score := func(m *Aligned, query, want string) (float64, string) {
		t.Helper()
		for _, h := range m.Match(Query{Name: query}, nil) {
			if h.Entry.List+":"+h.Entry.ID == want {
				return h.Score, h.Explanation
			}
		}
		t.Fatalf("Match(%q): %s not found", query, want)
		return 0, ""
	}
	for _, tt := range []struct {
		query, want string
		lowered     bool
	}{
		{"Iron Mountain Inc", "ofac_sdn:40001", true},
		{"Alpha Investment Inc.", "ofac_sdn:40002", true},
		{"Iron Mountain Enterprises, Inc.", "ofac_sdn:40001", false},                 // complete
		{"Korea General Company for External Construction", "ofac_sdn:40003", false}, // co / corp
		{"Hamriyah Steel FZC", "eu_fsf:EU.4.4", false},                               // llc / co
	} {
		a, ea := score(on, tt.query, tt.want)
		b, _ := score(off, tt.query, tt.want)
		marked := strings.Contains(ea, "legal forms of different kinds ×0.90")
		if tt.lowered {
			if math.Abs(a-min(1, b*0.9)) > 1e-9 || !marked {
				t.Errorf("%q: %.4f against %.4f without the rule, want ×0.9 and the reason in %q", tt.query, a, b, ea)
			}
			if a >= DefaultThreshold {
				t.Errorf("%q: %.3f, still flagged", tt.query, a)
			}
		} else if a != b || marked {
			t.Errorf("%q: %.4f against %.4f without the rule, want equal and no reason in %q", tt.query, a, b, ea)
		}
	}
}
