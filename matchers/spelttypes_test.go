package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestSpeltTypeVariant(t *testing.T) {
	tests := []struct{ in, want string }{
		{"LIMITED LIABILITY COMPANY NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE RADIOVOLNA", "llc soe radiovolna"},
		{"RESEARCH AND PRODUCTION CORPORATION ISTOK", "soe istok"},
		{"NAUCHNO PROIZVODSTVENNOE PREDPRIYATIE MIKROSISTEMA", "soe mikrosistema"},
		{"Scientific and Production Enterprise Kometa JSC", "soe kometa jsc"},
		{"Research and Development Enterprise Kometa", ""},    // not one type
		{"Software Research Institute", ""},                   // named after its field
		{"Research and Production Association of Russia", ""}, // nothing of its own left
		{"Kometa Trading LLC", ""},
	}
	for _, tt := range tests {
		got, ok := speltTypeVariant(Normalise(tt.in))
		if s := got.String(); s != tt.want || ok != (tt.want != "") {
			t.Errorf("speltTypeVariant(%q) = %q, %v; want %q", tt.in, s, ok, tt.want)
		}
	}
}

// The type of enterprise written out on the list's side is found by its
// abbreviation, and the name as written still matches another
// translation of the type; a spelt-out type beside words that are not
// rare in the lists gives no second name.
func TestSpeltTypeMatches(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "37521", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "LIMITED LIABILITY COMPANY NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE RADIOVOLNA", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
		{List: "ofac_sdn", ID: "47634", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "NAUCHNO PROIZVODSTVENNOE PREDPRIYATIE MIKROSISTEMA", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
		{List: "ofac_sdn", ID: "20007", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "ROSOBORONEXPORT"}}},
	}
	m := NewAligned(entries, Options{})
	for _, tt := range []struct{ query, want string }{
		{"NPO RADIOVOLNA", "ofac_sdn:37521"},
		{"NPP MIKROSISTEMA", "ofac_sdn:47634"},
		{"Research and Production Association Radiovolna", "ofac_sdn:37521"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want || got[0].Score < DefaultThreshold {
			t.Errorf("Match(%q) = %v, want %s at %.2f or more", tt.query, got, tt.want, DefaultThreshold)
		}
	}
	rare := map[string]bool{"radiovolna": true}
	if holdsRare(Normalise("soe automatics instruments building").Tokens, rare, true) {
		t.Error("holdsRare: a derived name of common words is kept")
	}
	if !holdsRare(Normalise("llc soe radiovolna").Tokens, rare, true) {
		t.Error("holdsRare: llc soe radiovolna is dropped")
	}
}
