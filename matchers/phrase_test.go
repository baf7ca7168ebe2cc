package matchers

import (
	"fmt"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// phraseEntries: firms as OFAC and the EU print them, and enough names
// with GOLDEN, STAR and GROUP in them (more than phraseRareDF each) that those
// two are common words, as they are on the real lists.
func phraseEntries() []*lists.Entry {
	org := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name}}}
	}
	es := []*lists.Entry{
		org("40001", "KHAZAR STEEL CO."),
		org("40002", "Sham al- Islam"),
		org("40003", "GOLDEN STAR CO"),
		org("40004", "LA CROSSE GROUP INC"),
		{List: "ofac_sdn", ID: "40005", Type: lists.TypePerson, Names: []lists.Name{{Value: "KHAZAR, Rustam"}}},
	}
	trades := []string{"SHIPPING", "TRADING", "MARINE", "LOGISTICS", "PETROLEUM", "CHEMICALS", "METALS",
		"TEXTILES", "MINING", "FOODS", "ELECTRIC", "CEMENT", "PAPER", "RUBBER", "GLASS", "TIMBER", "GRAIN", "SUGAR",
		"COTTON", "TOBACCO", "PHARMA", "AGRO", "FISHERIES", "TANKERS", "AIRLINES", "MOTORS", "CABLES", "PLASTICS",
		"TEXTIL", "TOURS", "SECURITY", "MEDIA", "PRINTING", "DAIRY"}
	for k, w := range trades {
		es = append(es, org(fmt.Sprintf("41%03d", k), "GOLDEN "+w+" LLC"), org(fmt.Sprintf("42%03d", k), "STAR "+w+" GROUP FZE"))
	}
	return es
}

// scoreOf is the score of query against the entry with ID id, 0 when it
// is not reported.
func scoreOf(m *Aligned, query, id string) (float64, string) {
	for _, h := range m.Match(Query{Name: query}, nil) {
		if h.Entry.ID == id {
			return h.Score, h.Explanation
		}
	}
	return 0, ""
}

// A listed firm's name standing whole in the query, with a rare word in
// it, lets the query's extra words count half (Tuning.PhraseExtra); a
// phrase of common words, listed words apart in the query, or a rare
// word matched only as a sound-alike do not.
func TestListedPhraseInQuery(t *testing.T) {
	es := phraseEntries()
	on := NewAligned(es, Options{Threshold: 0.1})
	off := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{PhraseExtra: 1}})
	for _, tt := range []struct {
		query, id string
		lifted    bool
	}{
		{"KHAZAR STEEL ROLLING", "40001", true},
		{"KHAZAR STEEL ROLLING MILL LLC", "40001", true},
		{"Sham al-Islam Movement", "40002", true},
		// the listed words apart in the query, or out of order
		{"KHAZAR ROLLING STEEL", "40001", false},
		{"STEEL KHAZAR ROLLING", "40001", false},
		// GOLDEN and STAR (and GROUP below) are in more than phraseRareDF names each
		{"Golden Star Enterprises Ltd.", "40003", false},
		// crosse is rare but found as the sound-alike cross
		{"CROSS Group Holdings, Inc.", "40004", false},
		// GROUP or HOLDING added names a group, not the firm
		{"KHAZAR STEEL GROUP", "40001", false},
		{"KHAZAR STEEL HOLDINGS", "40001", false},
		// a person's name is no firm's phrase
		{"KHAZAR RUSTAM TRADING", "40005", false},
	} {
		sOn, expl := scoreOf(on, tt.query, tt.id)
		sOff, _ := scoreOf(off, tt.query, tt.id)
		if sOff == 0 {
			t.Fatalf("%q: entry %s not reported at all", tt.query, tt.id)
		}
		if lifted := sOn > sOff; lifted != tt.lifted {
			t.Errorf("%q / %s: %.3f with the rule, %.3f without (%s); want lifted %v", tt.query, tt.id, sOn, sOff, expl, tt.lifted)
		}
	}
}

// The last word of a firm's name, one slip of the hand from a one-word
// legal form, is that form; a changed letter, a first word, a name's only
// word and a short word are left as written.
func TestLastLegalSlip(t *testing.T) {
	for _, c := range []struct{ slip, right string }{
		{"Sekirin Comany.", "Sekirin Company."},
		{"FATSA COMPNAY", "FATSA COMPANY"},
		{"Incomp Limted", "Incomp Limited"},
		{"ROBIN TRADE LIMITTED", "ROBIN TRADE LIMITED"},
		{"UNITED AIRCRAFT CORPORATOIN", "UNITED AIRCRAFT CORPORATION"},
	} {
		if a, b := joinTokens(Normalise(c.slip).Tokens), joinTokens(Normalise(c.right).Tokens); a != b {
			t.Errorf("%q normalises to %q, %q to %q", c.slip, a, c.right, b)
		}
	}
	for _, c := range []struct{ name, word string }{
		{"ACME LIMITEX", "limitex"},              // a changed letter: a coined name
		{"COMAPNY STAR", "comapny"},              // not the last word
		{"Compnay", "compnay"},                   // the only word
		{"PLASTIC CORPORATIONS", "corporations"}, // an ending, not a slip
	} {
		found := false
		for _, tk := range Normalise(c.name).Tokens {
			found = found || tk.Text == c.word
		}
		if !found {
			t.Errorf("%q lost its word %q: %v", c.name, c.word, Normalise(c.name).Tokens)
		}
	}
}
