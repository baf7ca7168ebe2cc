package matchers

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dualscreen/dualscreen/lists"
)

var fuzzSeeds = []string{
	"IVANOV, Sergei Sergeevich", "Сергей Сергеевич Иванов", "ООО «Концерн «Сириус»", "محمد بن سلمان",
	"مُحَمَّد", "习近平", "华为技术有限公司", "김정은", "Αλέξης Τσίπρας", "בנימין נתניהו", "Սերժ Սարգսյան",
	"მიხეილ სააკაშვილი", "Київська", "J.S.C. Sirius", "O'Brien & Sons Ltd.", "Haji Khairullah Barakzai",
	"ＴＯＹＯＴＡ", "\xff\xfe bad utf8", "", "   ", "a k a", "ﷺ", "ǅ", "\u0301\u0301", "ß", "İstanbul", "ﬃ",
	"นายกรัฐมนตรี", "नरेंद्र मोदी", "the of al", "Mr", "General",
}

// FuzzNormalise: normalising never panics, returns valid UTF-8 tokens with
// no spaces, and normalising the normal form again changes nothing.
func FuzzNormalise(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalise(s)
		out := n.String()
		if !utf8.ValidString(out) {
			t.Fatalf("Normalise(%q) = %q: invalid UTF-8", s, out)
		}
		for _, tk := range n.Tokens {
			if tk.Text == "" || strings.ContainsAny(tk.Text, " \t\n") {
				t.Fatalf("Normalise(%q): bad token %q", s, tk.Text)
			}
		}
		if again := Normalise(out).String(); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

var fuzzEntries = []*lists.Entry{
	{List: "t", ID: "1", Type: lists.TypePerson, Names: []lists.Name{{Value: "IVANOV, Sergei Sergeevich"}, {Value: "Сергей Иванов", Kind: lists.NameAKA}}, Countries: []string{"RU"}},
	{List: "t", ID: "2", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "JSC Concern Sirius"}, {Value: "ОАО «Концерн «Сириус»", Kind: lists.NameAKA}}},
	{List: "t", ID: "3", Type: lists.TypePerson, Names: []lists.Name{{Value: "Muhammad AL-JUHNI"}, {Value: "Abu Muhammad", Kind: lists.NameWeak}}},
	{List: "t", ID: "4", Type: lists.TypeVessel, Names: []lists.Name{{Value: "SEA STAR 7"}}},
	{List: "t", ID: "5", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "PETRO CHINA TRADING CO LTD"}}},
}

// FuzzScore: every score lies in [0,1], is never NaN, and the same query
// gives the same matches in the same order every time.
func FuzzScore(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "RU")
	}
	f.Add("Sergei Iwanow", "")
	f.Add("Petrochina", "CN")
	m := NewAligned(fuzzEntries, Options{Threshold: 0.01})
	f.Fuzz(func(t *testing.T, name, country string) {
		q := Query{Name: name, Country: country}
		a := m.Match(q, nil)
		b := m.Match(q, nil)
		if len(a) != len(b) {
			t.Fatalf("nondeterministic: %d then %d matches", len(a), len(b))
		}
		for i := range a {
			if math.IsNaN(a[i].Score) || a[i].Score < 0 || a[i].Score > 1 {
				t.Fatalf("score %v out of [0,1] for %q", a[i].Score, name)
			}
			if a[i].Entry != b[i].Entry || a[i].Score != b[i].Score || a[i].NameIndex != b[i].NameIndex || a[i].Explanation != b[i].Explanation {
				t.Fatalf("nondeterministic match %d: %+v vs %+v", i, a[i], b[i])
			}
		}
	})
}
