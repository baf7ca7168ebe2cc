package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// uecEntries are United Engine Corporation firms as OFAC and the EU list
// them, under the English acronym UEC and the Russian ODK; the last is
// listed under ODK only.
func uecEntries(withSaturn bool) []*lists.Entry {
	es := []*lists.Entry{
		firmEntry("ofac_sdn", "1", "JOINT STOCK COMPANY UEC-PERM MOTORS", "AO ODK-PERM MOTORS"),
		firmEntry("ofac_sdn", "2", "JSC UEC-AVIADVIGATEL", "AO ODK-AVIADVIGATEL"),
		firmEntry("ofac_sdn", "4", "JOINT STOCK COMPANY ODK-KLIMOV"),
		firmEntry("eu_journal", "5", "JSC Kuznetsov"),
	}
	if withSaturn {
		es = append(es, firmEntry("ofac_sdn", "3", "PUBLIC JOINT STOCK COMPANY UEC-SATURN", "PAO ODK-SATURN"))
	}
	return withCommonFirms(es, "x", 8, "TRADING LLC", "GROUP", "MOTORS LLC")
}

// A word the lists write for another in the names of three differently
// named firms (UEC / ODK) aligns with it as two writings of one word; in
// two firms' names it is not yet a pair.
func TestListedWordPairs(t *testing.T) {
	m := NewAligned(uecEntries(true), Options{Threshold: 0.1})
	s, expl := scoreOf(m, "JSC UEC Klimov", "4")
	if s < 0.85 || !strings.Contains(expl, "uec~odk 0.95 (written for it on the lists)") {
		t.Errorf("JSC UEC Klimov / ODK-KLIMOV: %.3f, want found as one word written two ways: %s", s, expl)
	}
	m = NewAligned(uecEntries(false), Options{Threshold: 0.1})
	if s, expl := scoreOf(m, "JSC UEC Klimov", "4"); s >= 0.85 || strings.Contains(expl, "written for it") {
		t.Errorf("with two firms writing UEC / ODK: %.3f, want no pair: %s", s, expl)
	}
}

func TestOneWordApart(t *testing.T) {
	for _, tt := range []struct {
		x, y       []string
		a, b, rest string
		ok         bool
	}{
		{[]string{"perm", "uec"}, []string{"motors", "odk"}, "", "", "", false},
		{[]string{"motors", "perm", "uec"}, []string{"motors", "odk", "perm"}, "uec", "odk", "motors perm", true},
		{[]string{"saturn", "uec"}, []string{"saturn"}, "", "", "", false},
		{[]string{"a", "b"}, []string{"a", "b"}, "", "", "", false},
		{[]string{"ab", "ab", "cd"}, []string{"ab", "cd", "ef"}, "ab", "ef", "ab cd", true},
	} {
		a, b, rest, ok := oneWordApart(tt.x, tt.y)
		if a != tt.a || b != tt.b || rest != tt.rest || ok != tt.ok {
			t.Errorf("oneWordApart(%q, %q) = %q, %q, %q, %v", tt.x, tt.y, a, b, rest, ok)
		}
	}
}
