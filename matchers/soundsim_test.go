package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

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

// Words left over on both sides that the letter metrics put too far apart
// align when their sound units are one name; words that align already
// keep the letters' similarity, so a one-word name spelt with another
// letter stays a partial match.
func TestSoundSimLeftovers(t *testing.T) {
	entries := append(scoreEntries[:len(scoreEntries):len(scoreEntries)],
		orgEntry("40001", "JOINT STOCK COMPANY ENIKS"),
		orgEntry("40004", "LIMITED LIABILITY COMPANY LINDA"),
		&lists.Entry{List: "un_sc", ID: "QDi.400", Type: lists.TypePerson, Names: []lists.Name{{Value: "SUGHAYR, Muhammad 'Abdallah Salih"}}},
	)
	m := NewAligned(entries, Options{Threshold: 0.3})
	got := m.Match(Query{Name: "AL-SUQAYR, Muhammad 'Abdallah Salih"}, nil)
	if len(got) == 0 || got[0].Entry.ID != "QDi.400" || !strings.Contains(got[0].Explanation, "suqayr~sughayr 0.95") || got[0].Score < DefaultThreshold {
		t.Errorf("Match(AL-SUQAYR, ...) = %v, want QDi.400 first, suqayr~sughayr 0.95 aligned and a hit", got)
	}
	for _, q := range []string{"ENICS", "LINDE PLC"} {
		for _, h := range m.Match(Query{Name: q}, nil) {
			if h.Score >= DefaultThreshold {
				t.Errorf("Match(%s) = %.3f %q, want under the threshold", q, h.Score, h.Explanation)
			}
		}
	}
}
