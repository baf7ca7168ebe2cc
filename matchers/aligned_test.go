package matchers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// realistic fixtures: names as OFAC, the UN and the EU print them.
var fixtureEntries = []*lists.Entry{
	{List: "ofac_sdn", ID: "10001", Type: lists.TypePerson, Names: []lists.Name{{Value: "IVANOV, Sergei Sergeevich", Kind: lists.NamePrimary}, {Value: "IVANOV, Sergey", Kind: lists.NameAKA}}, Countries: []string{"RU"}},
	{List: "eu_fsf", ID: "EU.1.2", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "JSC Concern Sirius"}, {Value: "Открытое Акционерное Общество «Концерн «Сириус»", Kind: lists.NameAKA}}, Countries: []string{"RU"}},
	{List: "un_sc", ID: "QDi.999", Type: lists.TypePerson, Names: []lists.Name{{Value: "Muhammad Abdallah AL-JUHNI"}, {Value: "Abu Abdallah", Kind: lists.NameWeak}}},
	{List: "ofac_sdn", ID: "20002", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "PETRO CHINA TRADING CO LTD"}}, Countries: []string{"CN"}},
	{List: "ofac_sdn", ID: "20003", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "APPLE TRADING COMPANY LIMITED"}}},
	{List: "ofac_sdn", ID: "20004", Type: lists.TypePerson, Names: []lists.Name{{Value: "KIM, Jong Un"}}, Countries: []string{"KP"}},
	{List: "ofac_sdn", ID: "20005", Type: lists.TypePerson, Names: []lists.Name{{Value: "BARAKZAI, Haji Khairullah"}}, Countries: []string{"AF"}},
	{List: "ofac_sdn", ID: "20006", Type: lists.TypeVessel, Names: []lists.Name{{Value: "SEA STAR 7"}}},
	{List: "ofac_sdn", ID: "20007", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "ROSOBORONEXPORT"}}},
	{List: "ofac_sdn", ID: "20008", Type: lists.TypePerson, Names: []lists.Name{{Value: "SMITH, John"}}},
	{List: "ofac_sdn", ID: "20011", Type: lists.TypePerson, Names: []lists.Name{{Value: "ABDALLAH, Muhammad"}}},
}

func TestAlignedFinds(t *testing.T) {
	m := NewAligned(fixtureEntries, Options{})
	tests := []struct {
		name, query, country, want string
	}{
		{"german transliteration", "Sergei Sergejewitsch Iwanow", "", "ofac_sdn:10001"},
		{"cyrillic original", "Иванов Сергей Сергеевич", "", "ofac_sdn:10001"},
		{"two of three names", "Sergei Ivanov", "", "ofac_sdn:10001"},
		{"legal form in russian", "ООО Концерн Сириус", "", "eu_fsf:EU.1.2"},
		{"romanised russian with form", "OAO Kontsern Sirius", "", "eu_fsf:EU.1.2"},
		{"arabic spelling variant", "Mohamed Abdullah Al Juhani", "", "un_sc:QDi.999"},
		{"joined words", "Petrochina Trading Co., Ltd.", "", "ofac_sdn:20002"},
		{"unit of the firm", "Petrochina Trading Co., Ltd. Export Sales Department", "", "ofac_sdn:20002"},
		{"hangul", "김정은", "", "ofac_sdn:20004"},
		{"honorific dropped", "Khairullah Barakzai", "", "ofac_sdn:20005"},
		{"typo in a long word", "Rosoboroneksport", "", "ofac_sdn:20007"},
		{"one typo", "Rosobornexport", "RU", "ofac_sdn:20007"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Match(Query{Name: tt.query, Country: tt.country}, nil)
			if len(got) == 0 {
				t.Fatalf("Match(%q): nothing, want %s", tt.query, tt.want)
			}
			if k := got[0].Entry.List + ":" + got[0].Entry.ID; k != tt.want {
				t.Fatalf("Match(%q)[0] = %s (%.3f), want %s", tt.query, k, got[0].Score, tt.want)
			}
			if got[0].Explanation == "" || !strings.Contains(got[0].Explanation, got[0].MatchedName()) {
				t.Errorf("explanation %q does not name the matched variant %q", got[0].Explanation, got[0].MatchedName())
			}
		})
	}
}

func TestAlignedRejects(t *testing.T) {
	m := NewAligned(fixtureEntries, Options{})
	for _, q := range []string{
		"Apple Inc.",               // one shared word of a longer company name
		"Ivanov",                   // a surname alone
		"Sea Star 8",               // a different number is a different vessel
		"John Smithson Holdings",   // person name inside a company name
		"Petrov Sergei Sergeevich", // different surname
		"Kim Trading LLC",          // company with a listed surname
	} {
		if got := m.Match(Query{Name: q}, nil); len(got) > 0 {
			t.Errorf("Match(%q) = %s %q %.3f (%s), want nothing", q, got[0].Entry.ID, got[0].MatchedName(), got[0].Score, got[0].Explanation)
		}
	}
}

// The scorer's asymmetry: an unmatched listed name part costs less than an
// unmatched query part, and a weak alias less than a strong one.
func TestAlignedOrdering(t *testing.T) {
	m := NewAligned(fixtureEntries, Options{Threshold: 0.01})
	score := func(q, id string) float64 {
		for _, h := range m.Match(Query{Name: q}, nil) {
			if h.Entry.ID == id {
				return h.Score
			}
		}
		return 0
	}
	full := score("Muhammad Abdallah Al-Juhni", "QDi.999")
	subset := score("Muhammad Al-Juhni", "QDi.999")
	extra := score("Muhammad Abdallah Al-Juhni Hamdan", "QDi.999")
	if !(full > subset && full > extra) {
		t.Errorf("full %.3f, subset %.3f, extra query word %.3f: want full above both", full, subset, extra)
	}
	// At equal matched evidence, an unmatched query part costs more than
	// an unmatched listed part.
	listOnly := score("Muhammad Abdallah", "QDi.999")         // the list name has juhni too
	queryOnly := score("Muhammad Abdallah Al-Juhni", "20011") // the query has juhni too
	if !(queryOnly < listOnly) {
		t.Errorf("query-only part %.3f, list-only part %.3f: want the query-only one lower", queryOnly, listOnly)
	}
	if w := score("Abu Abdallah", "QDi.999"); w >= 0.95 {
		t.Errorf("exact weak alias scores %.3f, want the weak-alias discount", w)
	}
	if c := score("Rosobornexport", "20007"); c <= 0.85 {
		t.Errorf("one typo in a long word scored %.3f", c)
	}
	base := score("Khairullah Barakzai Nazar", "20005")
	withCountry := m.Match(Query{Name: "Khairullah Barakzai Nazar", Country: "AF"}, nil)[0].Score
	if withCountry <= base {
		t.Errorf("country agreement: %.3f, without %.3f: want higher", withCountry, base)
	}
	if org, person := score("Muhammad Al-Juhni LLC", "QDi.999"), subset; org >= person {
		t.Errorf("organisation query against a person: %.3f, want below %.3f", org, person)
	}
}

func TestAlignedConcurrent(t *testing.T) {
	m := NewAligned(fixtureEntries, Options{})
	want := fmt.Sprint(m.Match(Query{Name: "Sergei Iwanow"}, nil))
	done := make(chan string)
	for range 8 {
		go func() {
			var got string
			for range 200 {
				got = fmt.Sprint(m.Match(Query{Name: "Sergei Iwanow"}, nil))
				m.Match(Query{Name: "Petrochina Trading"}, nil)
			}
			done <- got
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Fatalf("concurrent result %s, want %s", got, want)
		}
	}
}

func ExampleAligned_Match() {
	m := NewAligned([]*lists.Entry{
		{List: "ofac_sdn", ID: "10001", Type: lists.TypePerson, Names: []lists.Name{{Value: "IVANOV, Sergei Sergeevich", Kind: lists.NamePrimary}}},
	}, Options{})
	for _, h := range m.Match(Query{Name: "Sergej Sergejewitsch Iwanow"}, nil) {
		fmt.Printf("%s %s %.2f\n%s\n", h.Entry.ID, h.MatchedName(), h.Score, h.Explanation)
	}
	// Output:
	// 10001 IVANOV, Sergei Sergeevich 0.89
	// matched "IVANOV, Sergei Sergeevich" (primary): sergey=sergey 1.00, sergejewitsch~sergeevich 0.85 (sounds alike), iwanow~ivanov 0.95 (spelt alike); score 0.895
}
