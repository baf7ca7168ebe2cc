package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestCyrillicRomanKey(t *testing.T) {
	key := func(o romanOrigin, tok string, listed bool) string {
		return string(romanKeyOf(nil, o, tok, listed))
	}
	alike := []struct{ query, listed string }{
		{"dux", "duks"},         // ДУКС: x for ks
		{"enics", "eniks"},      // ЭНИКС: c for k
		{"class", "klass"},      // КЛАСС
		{"centr", "tsentr"},     // ЦЕНТР: c before e is ts
		{"koncern", "kontsern"}, // КОНЦЕРН
		{"iwanow", "ivanov"},    // German w
		{"blitz", "blits"},      // tz
		// an English brand written in Cyrillic: Ю for u, -ис for -ice
		{"uniservice", "yuniservis"},
		{"neftservice", "neftservis"},
	}
	for _, tt := range alike {
		l := key(originCyrillic, tt.listed, true)
		if l == "" {
			t.Errorf("listed %q has no Cyrillic key", tt.listed)
			continue
		}
		if q := key(originCyrillic, tt.query, false); q != l {
			t.Errorf("key(%q) = %q, key(listed %q) = %q: want equal", tt.query, q, tt.listed, l)
		}
	}
	// Ц written c before a consonant is looked up by the second key only.
	if q, l := key(originCyrillicTs, "cmrbank", false), key(originCyrillic, "tsmrbank", true); q != l || l == "" {
		t.Errorf("CMRBank / TSMRBANK: %q, %q", q, l)
	}
	notListed := []string{
		"scan",  // an English word on a Russian firm: not a romanisation
		"spoc",  // c
		"fesco", // c
		"pntz",  // an acronym (ПНТЗ): no vowel
		"mrtz",
		"ab", // too short
	}
	for _, w := range notListed {
		if k := key(originCyrillic, w, true); k != "" {
			t.Errorf("listed %q keyed %q, want none", w, k)
		}
	}
	if k := key(originCyrillicTs, "mrc", false); k != "" {
		t.Errorf("acronym MRC keyed %q under Ц, want none", k)
	}
	if k := key(originCyrillicTs, "tsentr", true); k != "" {
		t.Errorf("a listed word is never keyed with c as Ц, got %q", k)
	}
}

// romanFixtures are firms as the EU and OFAC list them: Russian ones
// with their Cyrillic names or country, a Russian firm with an English
// name, and a Chinese firm whose name is also a romanisation.
var romanFixtures = []*lists.Entry{
	{List: "ofac_sdn", ID: "48433", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "JOINT STOCK COMPANY DUKS", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "eu_journal", ID: "IV/383", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "JSC ENIKS", Kind: lists.NamePrimary}, {Value: "Акционерное Общество «ЭНИКС»", Kind: lists.NameAKA}}},
	{List: "ofac_sdn", ID: "22488", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "LLC TSMRBANK", Kind: lists.NamePrimary}, {Value: "BANK TSENTR MEZHDUNARODNYKH RASCHETOV OOO", Kind: lists.NameAKA}}, Countries: []string{"RU"}},
	{List: "ofac_sdn", ID: "45830", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "JOINT STOCK COMPANY SCAN", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "ofac_sdn", ID: "47001", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "JSC NPO MRTZ", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "us_csl", ID: "cn-1", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Vikor Technology Co., Ltd.", Kind: lists.NamePrimary}}, Countries: []string{"CN"}},
	{List: "ofac_sdn", ID: "52110", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "OOO MAKRO GRUPP", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "eu_journal", ID: "IV/800", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "ООО ЮНИСЕРВИС", Kind: lists.NameAKA}}, Countries: []string{"RU"}},
	{List: "ofac_sdn", ID: "30001", Type: lists.TypePerson, Names: []lists.Name{{Value: "PETROV, Ivan", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
}

func TestRomanisedAlikeMatches(t *testing.T) {
	m := NewAligned(romanFixtures, Options{})
	found := []struct{ query, want string }{
		{"Joint Stock Company Dux", "ofac_sdn:48433"},
		{"ENICS JSC", "eu_journal:IV/383"},
		{"CMRBank LLC", "ofac_sdn:22488"},
		{"UNISERVICE LIMITED LIABILITY COMPANY", "eu_journal:IV/800"},
	}
	for _, tt := range found {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Errorf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
			continue
		}
		if !strings.Contains(got[0].Explanation, "(romanised alike)") {
			t.Errorf("Match(%q): explanation %q does not say romanised alike", tt.query, got[0].Explanation)
		}
	}
	// The other direction, an acronym, and a firm of a Latin-writing or
	// Chinese origin are not romanisations of each other.
	for _, q := range []string{"SKAN Inc.", "MRC Ltd", "VICOR CORP"} {
		for _, h := range m.Match(Query{Name: q}, nil) {
			t.Errorf("Match(%q) flagged %s %q at %.3f: %s", q, h.Entry.ID, h.MatchedName(), h.Score, h.Explanation)
		}
	}
}

// A firm with the legal form of another kind (an American corporation
// against a Russian limited company) is not read as a romanisation: the
// match that rests on the key is partial, so the evidence factor and the
// legal-kinds factor apply. The same name with a compatible form is found.
func TestRomanKeyNotAcrossLegalKinds(t *testing.T) {
	m := NewAligned(romanFixtures, Options{})
	for _, h := range m.Match(Query{Name: "Macro Group Inc."}, nil) {
		t.Errorf("Match(Macro Group Inc.) flagged %s %q at %.3f: %s", h.Entry.ID, h.MatchedName(), h.Score, h.Explanation)
	}
	got := m.Match(Query{Name: "MACRO GROUP LLC"}, nil)
	if len(got) == 0 || got[0].Entry.ID != "52110" || !strings.Contains(got[0].Explanation, "(romanised alike)") {
		t.Fatalf("Match(MACRO GROUP LLC) = %v, want OOO MAKRO GRUPP romanised alike", got)
	}
	if got[0].Score < 0.95 {
		t.Errorf("MACRO GROUP LLC / OOO MAKRO GRUPP scored %.3f, want a complete match (>= 0.95)", got[0].Score)
	}
}

// loanFixtures are Russian firms the lists name in English, as OFAC
// does, beside the fixtures' Russian firm with an English name (SCAN).
var loanFixtures = append([]*lists.Entry{
	{List: "ofac_sdn", ID: "45767", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "QUANTORFORM", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "ofac_sdn", ID: "47992", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "LIMITED LIABILITY COMPANY EUROTRANSEXPEDITION", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "ofac_sdn", ID: "37525", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "NPO OF ELECTROMECHANICS", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
	{List: "ofac_sdn", ID: "39001", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "EUROPEAN TRADE CORPORATION", Kind: lists.NamePrimary}}, Countries: []string{"DE"}},
}, romanFixtures...)

// An English word a Russian firm borrowed, written in Cyrillic and
// romanised back (Кванторформ as KVANTORFORM, экспедиция as
// EKSPEDITSIYA, электромеханики as ELEKTROMECHANIKI), finds the English
// spelling the list prints; the Cyrillic folds alone (SKAN / SCAN) and a
// firm of a Latin-writing country do not count.
func TestLoanWordsRomanisedAlike(t *testing.T) {
	m := NewAligned(loanFixtures, Options{})
	for _, tt := range []struct{ query, want string }{
		{"KVANTORFORM", "45767"},
		{"OOO EVROTRANSEKSPEDITSIYA", "47992"},
		{"Joint Stock Company NPO Elektromechaniki", "37525"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.ID != tt.want || got[0].Score < 0.85 {
			t.Errorf("Match(%q) = %v, want %s first at 0.85 or more", tt.query, got, tt.want)
		}
	}
	for _, q := range []string{"SKAN Inc.", "EVROPEISKAYA TORGOVAYA KORPORATSIYA"} {
		for _, h := range m.Match(Query{Name: q}, nil) {
			if h.Entry.ID == "45830" || h.Entry.ID == "39001" {
				t.Errorf("Match(%q) flagged %s %q at %.3f: %s", q, h.Entry.ID, h.MatchedName(), h.Score, h.Explanation)
			}
		}
	}
}
