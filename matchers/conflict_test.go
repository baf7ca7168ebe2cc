package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// conflictEntries: a Mexican, a Tunisian and a Haitian name as the lists
// print them, an entry of unknown type as the BIS Denied Persons List
// gives it, and unrelated names so the words' weights differ.
var conflictEntries = []*lists.Entry{
	{List: "us_bis_dpl", ID: "dpl-1", Type: lists.TypeUnknown, Names: []lists.Name{{Value: "ERICK SAMUEL CHAVEZ GONZALEZ"}}},
	{List: "un_sc", ID: "QDi.901", Type: lists.TypePerson, Names: []lists.Name{{Value: "Moussa Ben Omar Ben Ali Essaadi"}}},
	{List: "us_csl", ID: "p1", Type: lists.TypePerson, Names: []lists.Name{{Value: "Jean Baptiste Kingery"}}},
	{List: "ofac_sdn", ID: "50001", Type: lists.TypePerson, Names: []lists.Name{{Value: "TABATABAI Seyyed Amin Ala Emami"}}},
	{List: "ofac_sdn", ID: "50002", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "GONZALEZ TRADING S.A."}}},
	{List: "ofac_sdn", ID: "50003", Type: lists.TypePerson, Names: []lists.Name{{Value: "CHAVEZ, Samuel"}}},
}

// When the query and the listed name each keep a part the other lacks,
// the listed part counts ConflictGap, not ListGap: the match scores lower
// than with ConflictGap set to ListGap (the scorer before the rule).
// Parts that may be one name romanised two ways (Amor / Omar, Aminollah /
// Amin Ala) are no conflict, and a listed name with nothing missing from
// the query (Jean Baptiste Kingery, a part left out of the query) is
// scored as before.
func TestConflictingPartsCountAgainst(t *testing.T) {
	now := NewAligned(conflictEntries, Options{Threshold: 0.3})
	before := NewAligned(conflictEntries, Options{Threshold: 0.3, Tuning: Tuning{ConflictGap: DefaultTuning().ListGap}})
	score := func(m *Aligned, q, want string) float64 {
		for _, h := range m.Match(Query{Name: q}, nil) {
			if h.Entry.List+":"+h.Entry.ID == want {
				return h.Score
			}
		}
		t.Fatalf("Match(%q): %s not found", q, want)
		return 0
	}
	for _, tt := range []struct {
		query, want string
		lower       bool
	}{
		{"Erick Rodolfo González Chávez", "us_bis_dpl:dpl-1", true},
		{"Ronel Jean Baptiste", "us_csl:p1", true},
		{"ESSAADI, Moussa Ben Amor Ben Ali", "un_sc:QDi.901", false},
		{"TABATABAI, Seyyed Aminollah Emami", "ofac_sdn:50001", false},
		{"Jean Baptiste", "us_csl:p1", false},
		{"Jean Baptiste Kingery Pierre", "us_csl:p1", false},
	} {
		n, b := score(now, tt.query, tt.want), score(before, tt.query, tt.want)
		if tt.lower && !(n < b) || !tt.lower && n != b {
			t.Errorf("Match(%q) against %s: %.4f, before the rule %.4f; want lower: %v", tt.query, tt.want, n, b, tt.lower)
		}
	}
}

func TestConsonantSkeleton(t *testing.T) {
	for _, tt := range [][2]string{{"umar", "omar"}, {"amor", "umar"}, {"din", "eddine"}, {"ullah", "ala"}} {
		a := consonantSkeleton(string(phoneticKey(nil, tt[0])))
		b := consonantSkeleton(string(phoneticKey(nil, tt[1])))
		if a != b {
			t.Errorf("skeletons of %s (%s) and %s (%s) differ", tt[0], a, tt[1], b)
		}
	}
	if a, b := consonantSkeleton(string(phoneticKey(nil, "rodolfo"))), consonantSkeleton(string(phoneticKey(nil, "samuel"))); a == b {
		t.Errorf("rodolfo and samuel share skeleton %s", a)
	}
}
