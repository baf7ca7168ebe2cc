package matchers

import (
	"fmt"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// respelledEntries: "REHMAN, Abdur" once; forty persons named Abdul Rahman
// and something else, so that both words are common, as they are on the
// real lists; and forty-nine entries writing both words in rarer
// respellings (ABED RAHMAAN, ABDO RAHMANI, ...), each respelling shared by
// seven of them.
func respelledEntries() []*lists.Entry {
	es := []*lists.Entry{{List: "ofac_sdn", ID: "12922", Type: lists.TypePerson,
		Names: []lists.Name{{Value: "REHMAN, Abdur", Kind: lists.NamePrimary}}}}
	for i := range 40 {
		es = append(es, &lists.Entry{List: "un_sc", ID: fmt.Sprintf("C%d", i), Type: lists.TypePerson,
			Names: []lists.Name{{Value: fmt.Sprintf("Abdul Rahman %s", familyNames[i%len(familyNames)]+givenSuffix[i/len(familyNames)]), Kind: lists.NamePrimary}}})
	}
	abd := []string{"ABED", "ABID", "ABDO", "ABDI", "ABAD", "ABUD", "ABDA"}
	rahman := []string{"RAHMAAN", "RAHMMAN", "RAHMANE", "RAHMANI", "RAHMUN", "RAHMAT", "RHMAN"}
	for i, a := range abd {
		for j, r := range rahman {
			es = append(es, &lists.Entry{List: "eu_journal", ID: fmt.Sprintf("R%d-%d", i, j), Type: lists.TypePerson,
				Names: []lists.Name{{Value: a + " " + r, Kind: lists.NamePrimary}}})
		}
	}
	return es
}

var (
	familyNames = []string{"KHAN", "SHAH", "ZAHID", "AGHA", "MALIK", "QURESHI", "BALOCH", "YUSUF", "HAQQANI", "NOORI"}
	givenSuffix = []string{"", "I", "ZAI", "WALA"}
)

// A rare respelling of a common query word is evidence for that word, no
// more: the listed name that is the query, word for word, is among the
// candidates although forty-nine names of rarer respellings share both
// its words.
func TestRespellingsDoNotCrowdOutTheName(t *testing.T) {
	// The reserve for the query's rarest word (reserve.go) off: what is
	// tested is the ranking by evidence.
	m := NewAligned(respelledEntries(), Options{Tuning: Tuning{RareReserve: -1}})
	const q = "Abdur Rehman"
	got := candidateIDs(m, q)
	respelled := 0
	for id := range got {
		if id[0] == 'R' {
			respelled++
		}
	}
	if !got["12922"] {
		t.Fatalf("REHMAN, Abdur is not a candidate for %q (%d candidates, %d of them respellings)", q, len(got), respelled)
	}
	hits := m.Match(Query{Name: q}, nil)
	if len(hits) == 0 || hits[0].Entry.ID != "12922" || hits[0].Score < 0.99 {
		t.Errorf("Match(%q) = %v, want REHMAN, Abdur first at 1", q, hits)
	}
}
