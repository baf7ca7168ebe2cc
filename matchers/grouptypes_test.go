package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// scoreOf returns the score m gives entry list:id for query, 0 when it is
// not among the hits.
func scoreOf(m *Aligned, query, key string) (float64, string) {
	for _, h := range m.Match(Query{Name: query}, nil) {
		if h.Entry.List+":"+h.Entry.ID == key {
			return h.Score, h.Explanation
		}
	}
	return 0, ""
}

// A word naming the kind of group, left over on either side of an
// organisation's name, weighs like a legal form; another word of the same
// IDF left over in its place counts against the match in full.
func TestGroupTypeWordsLeftOver(t *testing.T) {
	entries := append(scoreEntries[:len(scoreEntries):len(scoreEntries)],
		orgEntry("43001", "Sham al- Islam"),
		orgEntry("43002", "Ansar al-Sunna"),
		orgEntry("43003", "LIWA ABU AL-FADL AL-ABBAS"),
		orgEntry("43004", "ISLAMIC MOVEMENT OF UZBEKISTAN"), // movement and uzbekistan: one name each
		orgEntry("43005", "JAISH-I-MOHAMMED"),               // jaish and mohammed
		orgEntry("43006", "SYRIAN AIR FORCE"),               // force
		orgEntry("43008", "AL-AQSA MARTYRS BRIGADE"),        // brigade
		orgEntry("43007", "KATAIB HIZBALLAH"),
	)
	m := NewAligned(entries, Options{Threshold: 0.3})
	for _, tt := range []struct{ group, other, key string }{
		{"Sham al-Islam Movement", "Sham al-Islam Uzbekistan", "ofac_sdn:43001"},         // extra in the query
		{"JAISH ANSAR AL-SUNNA", "SYRIAN ANSAR AL-SUNNA", "ofac_sdn:43002"},              // romanised Arabic
		{"Abu al-Fadl al-Abbas Brigade", "Abu al-Fadl al-Abbas Force", "ofac_sdn:43003"}, // liwa left in the list too
	} {
		group, gexpl := scoreOf(m, tt.group, tt.key)
		other, oexpl := scoreOf(m, tt.other, tt.key)
		if group < DefaultThreshold || other >= group {
			t.Errorf("against %s: %q %.3f (%s), %q %.3f (%s); want the first at least %.2f and above the second",
				tt.key, tt.group, group, gexpl, tt.other, other, oexpl, DefaultThreshold)
		}
		// the explanation tells the reviewer which word counts little
		if !strings.Contains(gexpl, "; kind of group (counts like a legal form): ") || strings.Contains(gexpl, "query only") ||
			!strings.Contains(oexpl, "; query only (counts against): ") {
			t.Errorf("explanations %q and %q: want the first to name its extra word a kind of group, the second to count it against", gexpl, oexpl)
		}
	}
}

// Only the vocabulary's group-type words are marked, and a word the lists
// never use is none.
func TestIsGroupType(t *testing.T) {
	ix := BuildIndex([]*lists.Entry{
		orgEntry("1", "KATAIB HIZBALLAH"),
		orgEntry("2", "ISLAMIC MOVEMENT OF UZBEKISTAN"),
		orgEntry("3", "ATLAS EXCHANGE"),
	})
	for w, want := range map[string]bool{"kataib": true, "movement": true, "islamic": false, "uzbekistan": false, "exchange": false} {
		id, ok := ix.voc.ids[w]
		if !ok {
			t.Fatalf("%q not in the vocabulary", w)
		}
		if got := ix.isGroupType(id); got != want {
			t.Errorf("isGroupType(%q) = %v, want %v", w, got, want)
		}
	}
	if ix.isGroupType(-1) {
		t.Error("isGroupType(-1) = true, want false")
	}
}
