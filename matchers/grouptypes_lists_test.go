package matchers_test

import (
	"testing"

	"github.com/dualscreen/dualscreen/matchers"
)

// On every list loaded together, where IDF is what it is in use: a group
// named with a word for its kind that its listed name leaves out reaches
// its entry, and a distinctive word in the same place does not.
func TestGroupTypeWordsOnTheLists(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every list")
	}
	m := matchers.NewAligned(loadAll(t), matchers.Options{Threshold: 0.3})
	for _, tt := range []struct {
		query, name string // name: a name of the entry the query is scored against
		hit         bool
	}{
		{"Sham al-Islam Front", "Sham al- Islam", true},
		{"Tanzim Ansar al-Sunna", "Ansar al-Sunna", true},
		{"Sham al-Islam Charity", "Sham al- Islam", false},
		{"Ansar al-Sunna Kurdistan", "Ansar al-Sunna", false},
	} {
		best, expl := 0.0, ""
		for _, h := range m.Match(matchers.Query{Name: tt.query}, nil) {
			for _, n := range h.Entry.Names {
				if n.Value == tt.name && h.Score > best {
					best, expl = h.Score, h.Explanation
				}
			}
		}
		t.Logf("%q: %.3f %s", tt.query, best, expl)
		if (best >= matchers.DefaultThreshold) != tt.hit {
			t.Errorf("%q against %q: score %.3f, want hit=%v", tt.query, tt.name, best, tt.hit)
		}
	}
}
