package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// A firm's own word typed with two neighbours swapped or a vowel between
// consonants left out, the legal form agreeing, is the listed firm
// (slipComplete), also where the normaliser respelt the listed word
// (swapRespelt). A consonant left out, a swap
// that moves the first letter, and a swap with nothing else agreeing are
// left to the evidence factor: firms are named so too.
func TestHandSlipCompletes(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{
		firmEntry("ofac_sdn", "1", "MAJORY LLP"),
		firmEntry("ofac_sdn", "2", "DECART OOD"),
		firmEntry("us_csl", "3", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU NEOBIT"),
		firmEntry("us_csl", "4", "Sernia"),
		firmEntry("us_csl", "5", "ARMACO LLC"),
		firmEntry("us_csl", "6", "HEBRON S.A."),
		firmEntry("ofac_sdn", "7", "NPK TEKHMASH OAO"),
	}, "ofac_sdn", 8, "TRADING LLC", "CONSTRUCTION OOD")
	m := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct {
		query, id string
		flagged   bool
	}{
		{"MAOJRY LLP", "1", true},
		{"DEACRT OOD", "2", true},
		{"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU NEOIBT", "3", true},
		{"HERBON S.A.", "6", true},
		{"DCART OOD", "2", true},
		{"NPK TEHKMASH OAO", "7", true}, // read against techmash, as tekhmash is
		{"DECAT OOD", "2", false},       // a consonant left out: another firm as often
		{"Serina Inc.", "4", false},     // nothing else agrees: the form is the query's own
		{"RAMACO LLC", "5", false},      // the first letter moved: a coined name
	} {
		s, expl := scoreOf(m, tt.query, tt.id)
		if got := s >= DefaultThreshold; got != tt.flagged {
			t.Errorf("%q against entry %s: %.3f (%s), want flagged %v", tt.query, tt.id, s, expl, tt.flagged)
		}
		if noted := strings.Contains(expl, "slip of the hand"); noted != tt.flagged {
			t.Errorf("%q: explanation %q, want the slip noted %v", tt.query, expl, tt.flagged)
		}
	}
}
