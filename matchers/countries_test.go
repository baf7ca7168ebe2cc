package matchers

import (
	"slices"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// The country index answers exactly what comparing the entries' strings
// did, letter case included, for codes an entry repeats, for codes no
// entry has and for an entry without countries.
func TestCountryIndexAgreesWithStrings(t *testing.T) {
	entries := [][]string{
		{"IR", "SY"},
		{"ru"},
		{},
		{"KP", "kp", "CN"},
		{"RU", "BY", "UA"},
	}
	ci := buildCountries(len(entries), func(e int) []string { return entries[e] })
	queries := []string{"IR", "ir", "Ru", "RU", "kp", "CN", "DE", "BY", "U", "UAE", "@R"}
	for e, cs := range entries {
		for _, q := range queries {
			want := hasCountry(cs, q)
			if got := ci.has(int32(e), ci.lookup(q)); got != want {
				t.Errorf("entry %v, query %q: index says %v, strings %v", cs, q, got, want)
			}
		}
	}
	// KP listed twice in two cases is one id.
	if got := ci.flat[ci.of[3]:ci.of[4]]; len(got) != 2 {
		t.Errorf("entry KP, kp, CN holds ids %v, want 2 distinct", got)
	}
	if ci.lookup("DE") != -1 {
		t.Error("DE, on no entry, has an id")
	}
}

// A query's country lifts a candidate's score on the entry that has it,
// and only there, whatever the code's case.
func TestCountryBoostThroughIndex(t *testing.T) {
	es := []*lists.Entry{
		{List: "ofac_sdn", ID: "1", Type: lists.TypeOrganisation, Countries: []string{"IR"}, Names: []lists.Name{{Value: "KALA NAFT TEHRAN"}}},
		{List: "ofac_sdn", ID: "2", Type: lists.TypeOrganisation, Countries: []string{"GB"}, Names: []lists.Name{{Value: "KALA NAFT LONDON"}}},
	}
	m := NewAligned(es, Options{Threshold: 0.01})
	score := func(country, id string) float64 {
		for _, r := range m.Match(Query{Name: "Kala Naft", Country: country}, nil) {
			if r.Entry.ID == id {
				return r.Score
			}
		}
		t.Fatalf("Kala Naft (%q) does not reach entry %s", country, id)
		return 0
	}
	none1, none2 := score("", "1"), score("", "2")
	ir1, ir2 := score("ir", "1"), score("IR", "2")
	if !(ir1 > none1) || ir2 != none2 {
		t.Errorf("country ir: entry IR %.4f (without %.4f), entry GB %.4f (without %.4f)", ir1, none1, ir2, none2)
	}
	if got := slices.Index(m.ix.countries.flat, m.ix.countries.lookup("Ir")); got < 0 {
		t.Error("Ir not found among the interned countries")
	}
}

// hasCountry is the comparison on the entries' strings that the country
// index replaced (session 6): the reference the index is held to.
func hasCountry(cs []string, c string) bool {
	for _, x := range cs {
		if len(x) == len(c) && (x == c || equalFoldASCII(x, c)) {
			return true
		}
	}
	return false
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i]|0x20, b[i]|0x20
		if x != y {
			return false
		}
	}
	return true
}
