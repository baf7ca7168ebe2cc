package matchers

import (
	"strings"
	"testing"
)

// A country word an organisation's name has on one side only leaves the
// match complete; different countries on the two sides do not.
func TestPlaceWordsOptional(t *testing.T) {
	entries := append(scoreEntries[:len(scoreEntries):len(scoreEntries)],
		orgEntry("41001", "GARANTEX EUROPE OU"),
		orgEntry("41002", "Chilsong Trading Corporation"),
		orgEntry("41003", "IRAN ALUMINUM COMPANY"),
	)
	m := NewAligned(entries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, want string }{
		{"GARANTEX", "ofac_sdn:41001"},
		{"KOREA CHILSONG TRADING CORPORATION", "ofac_sdn:41002"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want || got[0].Score < DefaultThreshold {
			t.Errorf("Match(%q) = %v, want %s first and a hit", tt.query, got, tt.want)
		}
	}
	for _, h := range m.Match(Query{Name: "ALUMINUM CORP OF CHINA LTD"}, nil) {
		if h.Score >= DefaultThreshold {
			t.Errorf("Match(ALUMINUM CORP OF CHINA LTD) = %.3f %q, want under the threshold", h.Score, h.Explanation)
		}
	}
	// a person's name is not touched
	for _, h := range m.Match(Query{Name: "Jules MUTEBUTSI KOREA"}, nil) {
		if strings.Contains(h.Explanation, "mutebutsi") && h.Score >= 0.99 {
			t.Errorf("person with a country word: %.3f %q, want it partial", h.Score, h.Explanation)
		}
	}
}
