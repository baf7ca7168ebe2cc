package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func orgEntry(id, name string) *lists.Entry {
	return &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name}}}
}

func TestSoundSim(t *testing.T) {
	sim := func(a, b string) float64 {
		var ba, bb runeBuf
		return soundSim(toRunes(&ba, a), toRunes(&bb, b), 0.5)
	}
	for _, tt := range []struct {
		a, b string
		min  float64 // at least
	}{
		{"enics", "eniks", 1},        // c / k
		{"dux", "duks", 1},           // x / ks
		{"class", "klass", 1},        // c / k, a doubled letter
		{"hamsho", "hamcho", 0.9},    // sh / ch
		{"taesong", "daesong", 0.95}, // Korean t / d
		{"askon", "ascon", 1},
		{"suqayr", "sughayr", 0.95}, // Arabic q / gh
	} {
		if got := sim(tt.a, tt.b); got < tt.min {
			t.Errorf("soundSim(%q, %q) = %.3f, want at least %.2f", tt.a, tt.b, got, tt.min)
		}
	}
	for _, tt := range [][2]string{
		{"linde", "linda"}, // a vowel is another name
		{"funko", "finko"},
		{"cimg", "cimc"}, // a short word heard differently is another word
		{"itt", "it"},    // too short to compare
		{"kt", "ct"},
		{"tetra", "terra"}, // letters of no one class
		{"пётр", "petr"},   // another script is not compared
	} {
		if got := sim(tt[0], tt[1]); got >= 0.9 {
			t.Errorf("soundSim(%q, %q) = %.3f, want under 0.9", tt[0], tt[1], got)
		}
	}
}

// A name whose every word aligns through letters of one sound class is a
// complete match, not a partial one held down by the evidence factor.
func TestSoundClassesComplete(t *testing.T) {
	entries := append(scoreEntries[:len(scoreEntries):len(scoreEntries)],
		orgEntry("40001", "JOINT STOCK COMPANY ENIKS"),
		orgEntry("40002", "Joint Stock Company DUKS"),
		orgEntry("40003", "Korea Daesong Bank"),
		orgEntry("40004", "LIMITED LIABILITY COMPANY LINDA"),
		&lists.Entry{List: "un_sc", ID: "QDi.400", Type: lists.TypePerson, Names: []lists.Name{{Value: "SUGHAYR, Muhammad 'Abdallah Salih"}}},
	)
	m := NewAligned(entries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, want, pair string }{
		{"ENICS", "ofac_sdn:40001", "enics~eniks 0.95"},
		{"JSC DUX", "ofac_sdn:40002", "dux~duks 0.95"},
		{"DAESONG BANK", "ofac_sdn:40003", "daesong=daesong"},
		{"KOREA TAESONG BANK", "ofac_sdn:40003", "taesong~daesong 0.95"},
		// left over on both sides, too far apart for the letter metrics
		{"AL-SUQAYR, Muhammad 'Abdallah Salih", "un_sc:QDi.400", "suqayr~sughayr 0.95"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Fatalf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !strings.Contains(got[0].Explanation, tt.pair) || got[0].Score < DefaultThreshold {
			t.Errorf("Match(%q): %.3f %q, want %s aligned and a hit", tt.query, got[0].Score, got[0].Explanation, tt.pair)
		}
	}
	// a vowel heard differently stays a partial match
	for _, h := range m.Match(Query{Name: "LINDE PLC"}, nil) {
		if h.Score >= DefaultThreshold {
			t.Errorf("Match(LINDE PLC) = %.3f %q, want under the threshold", h.Score, h.Explanation)
		}
	}
}
