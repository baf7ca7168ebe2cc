package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// hamshoEntries are members of a Syrian family as OFAC, the EU and the UK
// list them, under the English HAMSHO and the French HAMCHO; the last
// entry is listed under HAMCHO only. withThird adds the third differently
// named entry that writes the pair.
func hamshoEntries(withThird bool) []*lists.Entry {
	es := []*lists.Entry{
		personEntry("ofac_sdn", "1", "HAMSHO, Amr", "HAMCHO, Amr"),
		personEntry("eu_fsf", "2", "Samir HAMSHO", "Samir HAMCHO"),
		personEntry("uk_hmt", "4", "Mohammed HAMCHO"),
		personEntry("un_sc", "5", "Mohammed HAMDAN"),
		personEntry("un_sc", "6", "Mohammed HASHIM"),
	}
	if withThird {
		es = append(es, personEntry("eu_fsf", "3", "Imad HAMSHO", "Imad HAMCHO"))
	}
	return es
}

// A word the lists spell for another in three differently named entries'
// names (HAMSHO / HAMCHO) aligns with it as one word spelt two ways; in
// two entries' names it is not yet a pair.
func TestListedSpellings(t *testing.T) {
	two := NewAligned(hamshoEntries(false), Options{Threshold: 0.1})
	s2, expl2 := scoreOf(two, "HAMSHO, Muhammad", "4")
	if strings.Contains(expl2, "spelt so") {
		t.Errorf("with two entries writing HAMSHO / HAMCHO: %.3f, want no pair: %s", s2, expl2)
	}
	three := NewAligned(hamshoEntries(true), Options{Threshold: 0.1})
	s3, expl3 := scoreOf(three, "HAMSHO, Muhammad", "4")
	if s3 < s2+0.05 || !strings.Contains(expl3, "hamsho~hamcho 0.95 (spelt so on the lists)") {
		t.Errorf("HAMSHO, Muhammad / Mohammed HAMCHO: %.3f (%.3f without the pair), want one word spelt two ways: %s", s3, s2, expl3)
	}
}

func TestSortedDifference(t *testing.T) {
	xa, yb := sortedDifference(nil, nil, []string{"amr", "hamsho", "x"}, []string{"amr", "hamcho", "x"})
	if strings.Join(xa, " ") != "hamsho" || strings.Join(yb, " ") != "hamcho" {
		t.Errorf("sortedDifference: %q, %q", xa, yb)
	}
}
