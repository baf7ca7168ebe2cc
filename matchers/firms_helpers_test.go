package matchers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// firmEntry is an organisation entry of list with the names given.
func firmEntry(list, id string, names ...string) *lists.Entry {
	return typedEntry(lists.TypeOrganisation, list, id, names...)
}

// personEntry is a person entry of list with the names given.
func personEntry(list, id string, names ...string) *lists.Entry {
	return typedEntry(lists.TypePerson, list, id, names...)
}

// typedEntry is an entry of type typ and list with the names given.
func typedEntry(typ lists.EntryType, list, id string, names ...string) *lists.Entry {
	e := &lists.Entry{List: list, ID: id, Type: typ}
	for _, n := range names {
		e.Names = append(e.Names, lists.Name{Value: n})
	}
	return e
}

// commonFirmWords name the filler firms of withCommonFirms.
var commonFirmWords = []string{"ALFA", "VEGA", "ORION", "DELTA", "NOVA", "ZENIT", "ARKTIKA", "VOLGA"}

// withCommonFirms adds to es n firms, each named after one of
// commonFirmWords with every suffix in turn ("ALFA TRADING LLC", "ALFA
// CHINA CO LTD"), so that the suffixes' words are common in a small index,
// as places and trades are on the real lists.
func withCommonFirms(es []*lists.Entry, list string, n int, suffixes ...string) []*lists.Entry {
	for k, w := range commonFirmWords[:n] {
		names := make([]string, len(suffixes))
		for i, s := range suffixes {
			names[i] = w + " " + s
		}
		es = append(es, firmEntry(list, fmt.Sprintf("9%02d", k), names...))
	}
	return es
}

// capCase is a query against entry id, and whether GenericCap should cap it.
type capCase struct {
	query, id string
	capped    bool
}

// checkCapped scores every case with m and checks it is capped at capped,
// the cap named in the explanation, or not capped at all.
func checkCapped(t *testing.T, m *Aligned, capped float64, cases []capCase) {
	t.Helper()
	for _, tt := range cases {
		s, expl := scoreOf(m, tt.query, tt.id)
		capNoted := strings.Contains(expl, "at most")
		if tt.capped && (s > capped+1e-9 || !capNoted) {
			t.Errorf("%q vs %s: %.3f, want capped at %.2f: %s", tt.query, tt.id, s, capped, expl)
		}
		if !tt.capped && (s <= capped || capNoted) {
			t.Errorf("%q vs %s: %.3f, want not capped: %s", tt.query, tt.id, s, expl)
		}
	}
}
