package matchers_test

import (
	"testing"

	"github.com/dualscreen/dualscreen/matchers"
)

// The worked pairs of doc.go, on every list loaded together: each query
// either reaches the named entry at the default threshold or does not.
func TestWorkedPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every list")
	}
	m := matchers.NewAligned(loadAll(t), matchers.Options{Threshold: 0.3})
	tests := []struct {
		query, entry string // entry: a name of the expected entry
		hit          bool   // at or above DefaultThreshold
	}{
		{"Сергей Викторович Чемезов", "CHEMEZOV, Sergey Victorovich", true},
		{"Sergej Wiktorowitsch Tschemesow", "CHEMEZOV, Sergey Victorovich", true},
		{"Sergej Sergejewitsch Iwanow", "IVANOV, Sergei Sergeevich", true},
		{"Sergei Ivanov", "IVANOV, Sergei Sergeevich", true},
		{"ООО Концерн Сириус", "JSC Concern Sirius", true},
		{"Petrochina Trading", "", false},
		{"Sea Star 8", "", false},
		{"Rosoboroneksport", "ROSOBORONEXPORT", true},
		{"Apple Inc.", "", false},
	}
	for _, tt := range tests {
		got := m.Match(matchers.Query{Name: tt.query}, nil)
		best := 0.0
		expl := ""
		for _, h := range got {
			for _, n := range h.Entry.Names {
				if n.Value == tt.entry && h.Score > best {
					best, expl = h.Score, h.Explanation
				}
			}
		}
		if tt.entry == "" && len(got) > 0 {
			best, expl = got[0].Score, got[0].Explanation
		}
		t.Logf("%q: %.3f %s", tt.query, best, expl)
		if (best >= matchers.DefaultThreshold) != tt.hit {
			t.Errorf("%q against %q: score %.3f, want hit=%v", tt.query, tt.entry, best, tt.hit)
		}
	}
}
