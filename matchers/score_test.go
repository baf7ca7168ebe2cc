package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// scoreEntries are names as OFAC and the UN print them, with a few
// unrelated ones so that the words' weights are not all alike.
var scoreEntries = []*lists.Entry{
	{List: "ofac_sdn", ID: "30001", Type: lists.TypePerson, Names: []lists.Name{{Value: "Jules MUTEBUTSI"}}},
	{List: "ofac_sdn", ID: "30002", Type: lists.TypePerson, Names: []lists.Name{{Value: "UDOMDET, Ronnayut"}}},
	{List: "ofac_sdn", ID: "30003", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "BENEVOLENCE INTERNATIONAL FUND"}}},
	{List: "ofac_sdn", ID: "30004", Type: lists.TypePerson, Names: []lists.Name{{Value: "NAMAN, Saalim"}}},
	{List: "un_sc", ID: "QDi.100", Type: lists.TypePerson, Names: []lists.Name{{Value: "Miguel Angel TORRES"}}},
	{List: "ofac_sdn", ID: "30005", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "AFRICAN RESOURCE CORPORATION LIMITED"}}},
	{List: "ofac_sdn", ID: "30007", Type: lists.TypePerson, Names: []lists.Name{{Value: "KANG, P'il-Hun"}}},
	{List: "ofac_sdn", ID: "30009", Type: lists.TypePerson, Names: []lists.Name{{Value: "HUANG, Wang Ken"}}},
	{List: "ofac_sdn", ID: "30010", Type: lists.TypePerson, Names: []lists.Name{{Value: "Manzi Leon"}}},
	{List: "ofac_sdn", ID: "30011", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "New Power"}}},
	{List: "ofac_sdn", ID: "30012", Type: lists.TypePerson, Names: []lists.Name{{Value: "SHUSHANASHVILI, Kakhaber Pavlovich"}}},
	{List: "ofac_sdn", ID: "30013", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "BALOCHISTAN LIBERATION ARMY"}}},
	{List: "ofac_sdn", ID: "30006", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "INTERNATIONAL TRADING FUND LLC"}}},
	{List: "ofac_sdn", ID: "30014", Type: lists.TypePerson, Names: []lists.Name{{Value: "MYINT, Aung Mo"}}},
}

// A name part spelt with two changes that no spelling or phonetic key
// folds is found among the words both sides leave over, and aligned.
func TestLeftoverWordsAligned(t *testing.T) {
	m := NewAligned(scoreEntries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, want, pair string }{
		{"MUTEBUZI, Jules", "ofac_sdn:30001", "mutebuzi~mutebutsi"},
		{"UDOMDECH, Ronnayuth", "ofac_sdn:30002", "udomdech~udomdet"},
		{"BENEVOLENT INTERNATIONAL FUND", "ofac_sdn:30003", "benevolent~benevolence"},
		// short words: one slip, first letter kept
		{"KANG, Phil Hun", "ofac_sdn:30007", "phil~pil 0.80"},
		{"Leo Manzi", "ofac_sdn:30010", "leo~leon 0.80"},
		// a name part cut short, the first part of a compound
		{"SHUSHANASHVILI, Kakha", "ofac_sdn:30012", "kakha~kakhaber 0.75"},
		{"BALOCH LIBERATION ARMY", "ofac_sdn:30013", "baloch~balochistan 0.75"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Fatalf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !strings.Contains(got[0].Explanation, tt.pair) || got[0].Score < DefaultThreshold {
			t.Errorf("Match(%q): %.3f %q, want %s aligned and a hit", tt.query, got[0].Score, got[0].Explanation, tt.pair)
		}
	}
}

// Leftovers are compared like any pair: a short word only by phonetic
// equality, a word of another meaning not at all.
func TestLeftoverWordsStayApart(t *testing.T) {
	m := NewAligned(scoreEntries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, notPair string }{
		{"NAMAN, Sam", "sam~saalim"},
		{"Miguel Botache", "botache~angel"},
		// a short word of another first letter stays apart
		{"HUANG, Wang-gen", "gen~ken"},
		// nor in an organisation's name, where it is another word
		{"NET Power Inc.", "net~new"},
		// a syllable of two letters in a person's name begins many a
		// word and cuts none short (Mo / Momir)
		{"AUNG, Momir", "momir~mo"},
	} {
		for _, h := range m.Match(Query{Name: tt.query}, nil) {
			if strings.Contains(h.Explanation, tt.notPair) {
				t.Errorf("Match(%q): %q aligns %s", tt.query, h.Explanation, tt.notPair)
			}
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"phil", "pil", true}, {"wan", "wang", true}, {"ruy", "ryu", true}, {"aus", "aous", true}, {"try", "thy", true},
		{"sam", "saalim", false}, {"kim", "kim", false}, {"gen", "kan", false}, {"u", "wu", false}, {"chi", "shih", false},
	} {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsShortForm(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"kakha", "kakhaber", true}, {"spetspostavka", "sp", true}, {"market", "marketplace", true},
		{"leo", "leon", false}, // one letter: a slip, not a short form
		{"smith", "smithson", false}, {"ivan", "ivanov", false}, {"petr", "petrovich", false},
		{"s", "sputnik", false}, {"jay", "jay", false}, {"hoon", "jayhoon", false},
	} {
		if got := isShortForm(tt.a, tt.b); got != tt.want {
			t.Errorf("isShortForm(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
