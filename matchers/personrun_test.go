package matchers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// personRunEntries: persons as OFAC and the UN print them, and enough
// other persons sharing their given names that those are common words, as
// they are on the real lists.
func personRunEntries() []*lists.Entry {
	person := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "un_sc", ID: id, Type: lists.TypePerson, Names: []lists.Name{{Value: name}}}
	}
	es := []*lists.Entry{
		person("TAi.001", "Abdul Habib Alizai"),
		person("QDi.002", "ALI, Ahmed Mohammed Hamed"),
		person("QDi.003", "YUSUF, Ahmed Mohammed Hamed Karimov"),
	}
	surnames := []string{"NOORI", "SADIQ", "RAHMANI", "ZAHIR", "OMARI", "JALALI", "KHALIL", "NASSER", "FARUQ",
		"HAIDARI", "QADERI", "WARDAK", "NAZARI", "AMINI", "HASHIMI", "MANSOOR"}
	for k, s := range surnames {
		es = append(es, person(fmt.Sprintf("X%03d", k), s+", Abdul Ahmed Mohammed"))
	}
	return es
}

// A person named by a run of their listed parts counts its evidence at
// Tuning.PersonRun: two parts side by side, or the first and the last
// (SURNAME, Given read round the name's end). Parts scattered over the
// name, an initial, or one part alone are not a run.
func TestPersonRun(t *testing.T) {
	es := personRunEntries()
	on := NewAligned(es, Options{Threshold: 0.1})
	off := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{PersonRun: 1}})
	for _, tt := range []struct {
		query, id string
		run       bool
	}{
		{"Abdul Habib", "TAi.001", true},
		{"HABIB, Abdul", "TAi.001", true},
		{"Habib Alizai", "TAi.001", true},
		{"ALI, Hamed", "QDi.002", true},   // the last and the first part
		{"Ahmed Hamed", "QDi.003", false}, // the 2nd and the 4th of five
		{"A. Habib", "TAi.001", false},    // an initial
		{"Habib", "TAi.001", false},       // one part
		{"Abdul Habib Trading LLC", "TAi.001", false},
	} {
		son, exp := scoreOf(on, tt.query, tt.id)
		soff, _ := scoreOf(off, tt.query, tt.id)
		if son == 0 || soff == 0 {
			t.Errorf("%q: not matched to %s (on %.3f, off %.3f)", tt.query, tt.id, son, soff)
			continue
		}
		if tt.run {
			if son <= soff || !strings.Contains(exp, "a run of the listed person's parts") {
				t.Errorf("%q: want a run: on %.3f, off %.3f, %s", tt.query, son, soff, exp)
			}
		} else if son != soff || strings.Contains(exp, "a run of") {
			t.Errorf("%q: want no run: on %.3f, off %.3f, %s", tt.query, son, soff, exp)
		}
	}
}
