package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// A Russian company abbreviation (IC, SK) stands for the listed word
// before the company form it spells with: "LLC IC ABROS" is the Investment
// Company ABROS, and the match is complete (in this small index the word
// left over would cost little, so completeness is what is asked). Another
// letter, or no abbreviation, leaves the word over.
func TestFormAbbreviationTakesTheWordBefore(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{
		firmEntry("ofac_sdn", "1", "THE LIMITED LIABILITY COMPANY INVESTMENT COMPANY ABROS"),
		firmEntry("ofac_sdn", "2", "LADOGA SHIPPING COMPANY LIMITED LIABILITY COMPANY"),
		firmEntry("eu_journal", "3", "INTERNATIONAL COMPANY LIMITED LIABILITY COMPANY KHORVIK"),
	}, "ofac_sdn", 8, "INVESTMENT COMPANY LLC", "SHIPPING COMPANY LLC", "INTERNATIONAL COMPANY LLC")
	m := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct {
		query, id string
		takes     string // the listed word and form the abbreviation aligns with, "" for none
	}{
		{"LLC IC ABROS", "1", "co=investment+co"},
		{"OOO SK LADOGA", "2", "co=shipping+co"},
		{"IC KHORVIK LLC", "3", "co=international+co"},
		{"OOO TK LADOGA", "2", ""}, // a trading company: shipping is left over
		{"LLC ABROS", "1", ""},     // no abbreviation
	} {
		s, expl := scoreOf(m, tt.query, tt.id)
		switch {
		case tt.takes != "" && (s < 0.99 || !strings.Contains(expl, tt.takes+" 1.00 (legal form, abbreviated with the word before it)")):
			t.Errorf("%q against %s: %.3f (%s), want %s, complete", tt.query, tt.id, s, expl, tt.takes)
		case tt.takes == "" && (strings.Contains(expl, "abbreviated") || !strings.Contains(expl, "list only")):
			t.Errorf("%q against %s: %.3f (%s), want the word left over", tt.query, tt.id, s, expl)
		}
	}
}
