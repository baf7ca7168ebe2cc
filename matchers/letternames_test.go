package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestLettersSpelt(t *testing.T) {
	for _, tt := range []struct {
		word, want string
		ok         bool
	}{
		{"aikyub", "iqb", true},      // АЙКЬЮБ: I, Q and a bare B
		{"148eseych", "148sh", true}, // ЭСЭЙЧ after the digits
		{"yuesem", "usm", true},
		{"dzhiefkei", "gfk", true},
		{"enpivi", "npv", true},
		{"kyu", "", false},   // one letter's name
		{"elena", "", false}, // el, en and a vowel alone
		{"ayse", "", false},
		{"technology", "", false},
	} {
		got, ok := lettersSpelt(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("lettersSpelt(%q) = %q, %v, want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

var letterNameFixtures = []*lists.Entry{
	{List: "ofac_sdn", ID: "45761", Type: lists.TypeOrganisation, Countries: []string{"RU"},
		Names: []lists.Name{{Value: "JSC IQB TECHNOLOGIES", Kind: lists.NamePrimary}}},
	{List: "ofac_sdn", ID: "47647", Type: lists.TypeOrganisation, Countries: []string{"RU"},
		Names: []lists.Name{{Value: "148SH LIMITED TRADE DEVELOPMENT", Kind: lists.NamePrimary}, {Value: "148SH LTD", Kind: lists.NameAKA}}},
	{List: "eu_journal", ID: "IV/918", Type: lists.TypeOrganisation, Countries: []string{"RU"},
		Names: []lists.Name{{Value: "JSC K-Technologies", Kind: lists.NamePrimary}}},
	{List: "ofac_sdn", ID: "46823", Type: lists.TypeOrganisation, Countries: []string{"RU"},
		Names: []lists.Name{{Value: "TEKNOLOGIYA 5, OOO", Kind: lists.NamePrimary}}},
	{List: "ofac_sdn", ID: "40001", Type: lists.TypeOrganisation, Countries: []string{"RU"},
		Names: []lists.Name{{Value: "AKTSIONERNOE OBSHCHESTVO SPETSIALNYE TEKHNOLOGII", Kind: lists.NamePrimary}}},
}

// A Russian firm named by Latin initials writes them by the letters'
// names, and the romanised Cyrillic is the name a shipment record may
// carry: the listed initials are found.
func TestLetterNamesReadAsInitials(t *testing.T) {
	m := NewAligned(letterNameFixtures, Options{})
	for _, tt := range []struct{ query, want string }{
		{"AKTSIONERNOE OBSHCHESTVO AIKYUB TEKHNOLOGII", "45761"},
		{"OOO 148ESEYCH", "47647"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.ID != tt.want || got[0].Score < 0.85 {
			t.Errorf("Match(%q) = %v, want %s first at 0.85 or more", tt.query, got, tt.want)
		}
	}
	// Without a legal form the name may be a person's: nothing is read.
	for _, h := range m.Match(Query{Name: "AIKYUB"}, nil) {
		if h.Entry.ID == "45761" {
			t.Errorf("Match(AIKYUB) flagged %q at %.3f: %s", h.MatchedName(), h.Score, h.Explanation)
		}
	}
}
