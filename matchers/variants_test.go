package matchers

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestParenVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Korea Kwangson Banking Corporation (KKBC)", []string{"Korea Kwangson Banking Corporation", "KKBC"}},
		{"FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)", []string{"FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA", "FDLR"}},
		{"Rostec (Russian Technologies State Corporation)", []string{"Rostec", "Russian Technologies State Corporation"}},
		// three letters, or a word that is no acronym of the rest: not a name of its own
		{"Iran Alumina Company (IAC)", []string{"Iran Alumina Company"}},
		{"Design Bureau of Navigation Sytems (NAVIS)", []string{"Design Bureau of Navigation Sytems"}},
		{"SBERBANK", nil},
		{"(KKBC)", nil},
	}
	for _, tt := range tests {
		if got := parenVariants(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("parenVariants(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGroupAndScriptVariants(t *testing.T) {
	if got, want := groupVariants("Tactical Missile Corporation, Joint Stock Company “Salute”"), []string{"Joint Stock Company “Salute”", "Tactical Missile Corporation"}; !slices.Equal(got, want) {
		t.Errorf("groupVariants = %q, want %q", got, want)
	}
	// the group's legal form ends the first part: the rest is a subsidiary
	if got, want := groupVariants("Tactical Missile Corporation, Smolensk Aviation Plant"), []string{"Smolensk Aviation Plant", "Tactical Missile Corporation"}; !slices.Equal(got, want) {
		t.Errorf("groupVariants = %q, want %q", got, want)
	}
	for _, s := range []string{"IVANOV, Sergei Sergeevich", "INFOROS, OOO", "KHAN, Haji Ibrahim",
		"Rosneft Trading Ltd, Geneva", "Corporation, Smolensk Aviation Plant", "ALFA HOLDING LTD., Limassol Cyprus Branch Office"} {
		if got := groupVariants(s); got != nil {
			t.Errorf("groupVariants(%q) = %q, want none: SURNAME, Given or a bare legal form", s, got)
		}
	}
	got := scriptVariants("Iran Air ایران ایر")
	if len(got) != 2 || Normalise(got[0]).String() != "iran air" || Normalise(got[1]).String() != Normalise("ایران ایر").String() {
		t.Errorf("scriptVariants = %q, want the Latin and the Persian writing apart", got)
	}
	// Latin Extended Additional is Latin too: Vietnamese stacks two
	// diacritics on a letter (Vận tải), scholarly romanisations of Arabic
	// put a dot under one (Muḥammad). Read as another script, each name
	// lost those letters ("Vn ti") and gained a "writing" of stray vowels
	// ("a a"), which a query could match against a two-letter alias.
	for _, s := range []string{"Łódź Elektronika", "Công ty TNHH Sao Mai Vận tải", "Muḥammad Ṣāliḥ al-Ḥasanī", "Nguyễn Thị Phương"} {
		if got := scriptVariants(s); got != nil {
			t.Errorf("scriptVariants(%q) = %q, want none: Latin with diacritics", s, got)
		}
	}
	if got := scriptVariants("Công ty TNHH Sao Mai Vận tải Công ty TNHH Сао Май"); len(got) != 2 {
		t.Errorf("scriptVariants of Vietnamese beside Cyrillic = %q, want the two writings", got)
	}
}

func TestSpellingKey(t *testing.T) {
	same := [][2]string{{"kardiam", "cardiam"}, {"duks", "dux"}, {"vizcaya", "viscaya"}, {"majid", "majeed"}, {"iwanow", "ivanov"}, {"inttraffic", "inttrafik"}, {"severgrupp", "severgroup"}}
	for _, p := range same {
		a, b := string(spellingKey(nil, p[0])), string(spellingKey(nil, p[1]))
		if a != b {
			t.Errorf("spellingKey(%q) = %q, spellingKey(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{{"ali", "eli"}, {"tetra", "terra"}, {"chang", "kang"}, {"shin", "sin"}}
	for _, p := range differ {
		if a, b := string(spellingKey(nil, p[0])), string(spellingKey(nil, p[1])); a == b {
			t.Errorf("spellingKey(%q) = spellingKey(%q) = %q: want different", p[0], p[1], a)
		}
	}
}

// TestSpellingKeyOf: words whose spelling key is long enough share it;
// shorter ones have none, even when they differ only in c / k (Askon /
// Ascon) or are different names spelt alike (Dow / Dov, Sysco / Sjsco).
func TestSpellingKeyOf(t *testing.T) {
	for _, p := range [][2]string{{"kardiam", "cardiam"}, {"iwanow", "ivanov"}} {
		a, b := string(spellingKeyOf(nil, p[0])), string(spellingKeyOf(nil, p[1]))
		if a == "" || a != b {
			t.Errorf("spellingKeyOf(%q) = %q, spellingKeyOf(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	for _, w := range []string{"askon", "ascon", "dow", "sysco", "sjsco"} {
		if k := spellingKeyOf(nil, w); len(k) != 0 {
			t.Errorf("spellingKeyOf(%q) = %q, want none: too short", w, k)
		}
	}
}

// TestOrgWordVariantsDistinct: a word in two groups would silently belong
// to the last one read.
func TestOrgWordVariantsDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, g := range append(append([][]string(nil), nameVariants...), orgWordVariants...) {
		for _, w := range g {
			if prev, ok := seen[w]; ok && prev != g[0] {
				t.Errorf("%q is in the groups of %q and %q", w, prev, g[0])
			}
			seen[w] = g[0]
			if n := Normalise(w).String(); n != g[0] && !legalFormClasses[n] {
				t.Errorf("Normalise(%q) = %q, want %q", w, n, g[0])
			}
		}
	}
}

// crowded returns entries that share a common word with each other, so
// candidate ranking has to pick the right one out of many.
func crowded(word string, n int, extra ...*lists.Entry) []*lists.Entry {
	firsts := []string{"Ismail", "Sakan", "Synergy", "Pegasus", "Ahmad", "Karim", "Nasser", "Rahim", "Yusuf", "Bilal", "Hamid", "Tariq"}
	var es []*lists.Entry
	for i := range n {
		name := fmt.Sprintf("%s %s %d", firsts[i%len(firsts)], word, i)
		es = append(es, &lists.Entry{List: "ofac_sdn", ID: fmt.Sprint(90000 + i), Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name, Kind: lists.NamePrimary}}})
	}
	return append(es, extra...)
}

func TestAlignedFindsVariants(t *testing.T) {
	person := func(id, name string, aka ...string) *lists.Entry {
		e := &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypePerson, Names: []lists.Name{{Value: name, Kind: lists.NamePrimary}}}
		for _, a := range aka {
			e.Names = append(e.Names, lists.Name{Value: a, Kind: lists.NameAKA})
		}
		return e
	}
	org := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name, Kind: lists.NamePrimary}}}
	}
	var es []*lists.Entry
	// Sixty entries with "Saeed" and sixty "GENERAL TRADING" firms: the
	// right one must still be among the scored candidates.
	for i := range 60 {
		es = append(es, person(fmt.Sprint(80000+i), fmt.Sprintf("SAEED, %s", []string{"Ahmad Khalil", "Omar Faruq", "Yusuf Karim", "Bilal Nasser"}[i%4])+fmt.Sprintf(" %c", 'A'+i%26)))
	}
	es = crowded("GENERAL TRADING", 60, es...)
	es = append(es,
		person("1", "Hafiz Muhammad Saeed", "Muhammad Saeed"),
		org("2", "BENEATHCO DMCC"),
		person("3", "Jo Yong Chol"),
		org("4", "JOINT STOCK COMPANY ENIKS"),
		person("5", "Tariq Aziz"),
		person("6", "NIRUMAND TUMAJ, Elyas"),
		org("7", "FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)"),
		org("8", "Iran Alumina Company (IAC)"),
		org("9", "JOINT STOCK COMPANY SALUTE"),
		org("10", "NEWAY TECHNOLOGIES LIMITED"),
		org("11", "KARDIAM"),
		org("12", "TOO Elem Group"),
		person("13", "ABSALAN, Parviz"),
		org("14", "ANGARSK REFINERY"),
		org("15", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU NEOBIT"),
		org("16", "JOINT STOCK COMPANY VTB BANK KAZAKHSTAN"),
	)
	m := NewAligned(es, Options{})
	finds := []struct{ query, want string }{
		{"SAEED, Muhammad", "1"},                           // candidate ranking: short names made of the query first
		{"Cho Yong Chol", "3"},                             // Korean surname spellings
		{"ENIKS AO", "4"},                                  // an ambiguous legal form after a long part
		{"Tariq Mikhail Aziz", "5"},                        // a person's extra middle name
		{"NIRUMANDTUMAJ, Elias", "6"},                      // two listed words written together
		{"FDLR", "7"},                                      // a parenthesised acronym is a name
		{"Tactical Missile Corporation, JSC Salute", "9"},  // PARENT, LEGAL-FORM NAME
		{"NeWay Technology Ltd.", "10"},                    // organisation words in any inflection
		{"CARDIAM", "11"},                                  // one word spelt two ways
		{"LIMITED LIABILITY PARTNERSHIP ELEM GROUP", "12"}, // Kazakh ТОО
		{"ABSALAN, Parviz LLC", "13"},                      // a business in a listed person's name
		{"ANGARSK REFINERY Branch Office", "14"},           // a branch is the company
		{"JOINT STOCK COMMPANY VTB BANK KAZAKHSTAN", "16"}, // a slip in a legal form
	}
	for _, f := range finds {
		got := m.Match(Query{Name: f.query}, nil)
		if len(got) == 0 || got[0].Entry.ID != f.want {
			var top string
			if len(got) > 0 {
				top = fmt.Sprintf("%s %q %.3f", got[0].Entry.ID, got[0].MatchedName(), got[0].Score)
			}
			t.Errorf("Match(%q) top = %s, want entry %s at or above %.2f", f.query, top, f.want, DefaultThreshold)
		}
	}
	// Joined-only pairs ("generaltrading") no longer give sixty GENERAL
	// TRADING firms double evidence and crowd BENEATHCO DMCC out of the
	// candidates (it scores 0.51 then: two extra words).
	found := false
	m.Candidates(Query{Name: "BENEATHCO GENERAL TRADING DMCC"}, func(e *lists.Entry) { found = found || e.ID == "2" })
	if !found {
		t.Error("BENEATHCO DMCC is not among the candidates of BENEATHCO GENERAL TRADING DMCC")
	}
	// One transposition is one slip: NEOIBT / NEOBIT aligns at 0.9.
	low := NewAligned(es, Options{Threshold: 0.3})
	if got := low.Match(Query{Name: "OOO NEOIBT"}, nil); len(got) == 0 || got[0].Entry.ID != "15" || !strings.Contains(got[0].Explanation, "neoibt~neobit 0.90") {
		t.Errorf("Match(OOO NEOIBT) = %+v, want NEOBIT with neoibt~neobit 0.90", got)
	}
	for _, q := range []string{"IAC Inc.", "Limitex Absalan Trading", "Tariq Holdings Corp", "Elem Engineering Inc"} {
		for _, h := range m.Match(Query{Name: q}, nil) {
			t.Errorf("Match(%q) flagged %s %q at %.3f, want nothing", q, h.Entry.ID, h.MatchedName(), h.Score)
		}
	}
}

func TestNameVariantsCareOf(t *testing.T) {
	if got, want := NameVariants("Iran Air c/o Freight Forwarder"), []string{"Iran Air"}; !slices.Equal(got, want) {
		t.Errorf("NameVariants = %q, want %q", got, want)
	}
	if got, want := NameVariants("Saeed AGHAJANI / Said Agha Jani"), []string{"Saeed AGHAJANI", "Said Agha Jani"}; !slices.Equal(got, want) {
		t.Errorf("NameVariants = %q, want %q", got, want)
	}
}

// TestCommonWordsStillGather: in a small in-house list every word of
// "Li Wei Hong" is in three of its names; a rare neighbour of one of them
// (Hang, sounding like Hong) must not stop them gathering their entry.
func TestCommonWordsStillGather(t *testing.T) {
	es := []*lists.Entry{
		{List: "inhouse", ID: "DEMO-113", Type: lists.TypePerson, Names: []lists.Name{{Value: "Li Wei Hong"}, {Value: "Wei Hong Li", Kind: lists.NameAKA}, {Value: "Li Wei Hong Holding", Kind: lists.NameAKA}}},
		{List: "inhouse", ID: "DEMO-020", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Hang Seng Wei Trading"}}},
	}
	got := NewAligned(es, Options{}).Match(Query{Name: "Li Wei Hong"}, nil)
	if len(got) == 0 || got[0].Entry.ID != "DEMO-113" || got[0].Score != 1 {
		t.Fatalf("Match(Li Wei Hong) = %+v, want DEMO-113 at 1", got)
	}
}

// TestLegalFormRunOn: a short legal form run into the next word is split
// off when the rest is a word of the lists.
func TestLegalFormRunOn(t *testing.T) {
	es := []*lists.Entry{
		{List: "eu_journal", ID: "380", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "NPO Mashinostroyeniya"}}},
		{List: "ofac_sdn", ID: "44473", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "MAROC INTERNATIONAL PVT LTD"}}},
		{List: "us_csl", ID: "18777", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "RT-BIOTECHPROM OJSC"}}},
	}
	m := NewAligned(es, Options{})
	for q, want := range map[string]string{"NPOMashinostroyeniya": "380", "MAROC INTERNATIONALPVT LTD": "44473", "RT-BIOTECHPROMOJSC": "18777"} {
		if got := m.Match(Query{Name: q}, nil); len(got) == 0 || got[0].Entry.ID != want {
			t.Errorf("Match(%q) = %+v, want entry %s", q, got, want)
		}
	}
	// the longer forms are cut off whole: OJSC, not JSC leaving "biotechpromo"
	run := []Token{{Text: "rt", Kind: TokWord}, {Text: "biotechpromojsc", Kind: TokWord}}
	if toks := m.ix.splitLegalRunOn(run, m.ix.lookupIDs(nil, run)); len(toks) != 3 || toks[1].Text != "biotechprom" {
		t.Errorf("splitLegalRunOn(rt biotechpromojsc) = %+v, want rt biotechprom jsc", toks)
	}
	// a word the lists know is never split ("Pvtbank" is no form + word)
	one := []Token{{Text: "mashinostroyeniya", Kind: TokWord}}
	toks := m.ix.splitLegalRunOn(one, m.ix.lookupIDs(nil, one))
	if len(toks) != 1 {
		t.Errorf("split a known word: %+v", toks)
	}
}

// TestTiesAtTheCut: thirty entries with the same name are all reported,
// though only Tuning.Candidates entries are scored in general.
func TestTiesAtTheCut(t *testing.T) {
	var es []*lists.Entry
	for i := range 30 {
		es = append(es, &lists.Entry{List: "eu_journal", ID: fmt.Sprint(500 + i), Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Text of image"}}})
	}
	es = crowded("TEXT", 40, es...)
	if got := NewAligned(es, Options{}).Match(Query{Name: "Text of image"}, nil); len(got) != 30 {
		t.Errorf("Match(Text of image) = %d entries, want all 30 that bear the name", len(got))
	}
}

// TestGuardedFormsNeedADistinctivePart: a type of enterprise or ambiguous
// form of a few letters is a legal form only when the rest of the name says
// which firm it is; "TC Energy Corp" and "NPK International Inc." are firms
// trading under those letters (read as forms, they matched "JSC Energiya"
// and "DES INTERNATIONAL COMPANY LIMITED" at 0.99).
func TestGuardedFormsNeedADistinctivePart(t *testing.T) {
	legal := func(name, word string) bool {
		for _, tk := range Normalise(name).Tokens {
			if tk.Kind == TokWord && tk.Text == word {
				return false
			}
		}
		return true
	}
	for _, c := range []struct {
		name, word string
		form       bool
	}{
		{"TC ENERGY CORP", "tc", false},
		{"NPK International Inc.", "npk", false},
		{"STC Trading Group Ltd", "stc", false},
		{"NPK Technologii Maschinostrojenija", "npk", true},
		{"STC Orion LLC", "stc", true},
		{"LLC TC ‘Fly Bridge’", "tc", true},
		{"AO NII VEKTOR", "nii", true},
	} {
		if got := legal(c.name, c.word); got != c.form {
			t.Errorf("%q: %q read as a legal form = %v, want %v (tokens %v)", c.name, c.word, got, c.form, Normalise(c.name).Tokens)
		}
	}
}

// TestDerivedNamesNameAParty: a name taken out of a longer one is kept
// only when it holds a word of its own. OFAC's "RUNNING BROOK, LLC (USA)"
// gave "LLC (USA)" as a name of its own, and every query "X, LLC (USA)"
// matched it at 1.000; "ABC Holding Ltd (Hong Kong)" would likewise have
// indexed "Hong Kong Holding"-like parts. The whole name and the parts
// that name the firm stay.
func TestDerivedNamesNameAParty(t *testing.T) {
	for _, c := range []struct {
		name      string
		want, not []string
	}{
		{"RUNNING BROOK, LLC (USA)", []string{"RUNNING BROOK, LLC (USA)", "RUNNING BROOK"}, []string{"LLC (USA)"}},
		{"Korea Kwangson Banking Corporation (KKBC)", []string{"KKBC", "Korea Kwangson Banking Corporation"}, nil},
		{"ALFA TRADING LIMITED, International Group (UK)", []string{"ALFA TRADING LIMITED"}, []string{"International Group (UK)"}},
	} {
		got := NameVariants(c.name)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("NameVariants(%q) = %q, want %q among them", c.name, got, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("NameVariants(%q) = %q, want no %q: it names no party", c.name, got, n)
			}
		}
	}
	listed := &lists.Entry{List: "ofac_sdn", ID: "1", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "RUNNING BROOK, LLC (USA)", Kind: lists.NamePrimary}}}
	m := NewAligned(crowded("TRADING", 20, listed), Options{})
	for _, q := range []string{"Brightway Foods, LLC (USA)", "ACME Holdings, Inc. (USA)"} {
		if hits := m.Match(Query{Name: q}, nil); len(hits) > 0 {
			t.Errorf("%q flagged %q at %.3f: %s", q, hits[0].MatchedName(), hits[0].Score, hits[0].Explanation)
		}
	}
	if hits := m.Match(Query{Name: "Running Brook LLC"}, nil); len(hits) == 0 || hits[0].Entry != listed {
		t.Errorf("Running Brook LLC: %v, want the listed firm", hits)
	}
}

func TestSoleTraderReadAsPerson(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ИП Зинченко Алексей Сергеевич", "зинченко алексей сергеевич"},
		{"Деревягина Ирина Дмитриевна ИП", "деревягина ирина дмитриевна"},
		{"ИП Галченков А. С.", "а. с. галченков"}, // initials moved before the surname
		{"FOP KHORKINA DARYA ANDREYEVNA", "khorkina darya andreyevna"},
		{"INDIVIDUAL ENTREPRENEUR KURINNIY ALEKSEY VLADIMIROVICH", "kurinniy aleksey vladimirovich"},
		{"Simon Schneider e.K.", "simon schneider"},
		{"Gleb Sergeevich Frank, sole proprietor", "gleb sergeevich frank"},
		{"ИП Зинченко", ""},                          // a surname alone
		{"Braun & Keller e.K.", ""},                  // two partners
		{"IP Holdings Group Ltd", ""},                // a firm's words
		{"ООО Зинченко Алексей Сергеевич", ""},       // a company's form
		{"Zinchenko Aleksey Sergeevich", ""},         // no form
		{"IP 2024 Zinchenko Aleksey Sergeevich", ""}, // a number
		{"PHU Jan Kowalski", "jan kowalski"},         // the Polish form opens the name
		{"Nguyen Van Phu", ""},                       // Phu ends it: a given name
		{"E. K. John Smith", ""},                     // e.K. opens it: initials
		{"Chen Xiao Mei", ""},                        // Mei is no form
	} {
		if got := soleTraderVariant(tt.in); got != tt.want {
			t.Errorf("soleTraderVariant(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	es := []*lists.Entry{
		personEntry("eu_journal", "2046", "Алексей Сергеевич ЗИНЧЕНКО"),
		personEntry("ofac_sdn", "46723", "KHORKINA, Darya Andreyevna"),
		firmEntry("ofac_sdn", "90003", "ZINCHENKO TRADING LLC"),
	}
	m := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct{ q, id string }{
		{"ИП Зинченко Алексей Сергеевич", "2046"},
		{"ИП Зинченко А. С.", "2046"},
		{"FOP KHORKINA DARYA ANDREYEVNA", "46723"},
	} {
		if got, why := scoreOf(m, tt.q, tt.id); got < 0.85 || !strings.HasPrefix(why, "read as the person") {
			t.Errorf("%s against the person: %.3f (%s)", tt.q, got, why)
		}
	}
	// the person reading matches persons only
	if got, why := scoreOf(m, "ИП Зинченко Алексей Сергеевич", "90003"); strings.HasPrefix(why, "read as the person") {
		t.Errorf("the sole trader against the firm ZINCHENKO TRADING LLC: %.3f (%s)", got, why)
	}
}

func TestTradingAsSplit(t *testing.T) {
	got := appendNameVariants(nil, "Boris Rotenberg t/a Baltic Stroy Services")
	if !slices.Contains(got, "Boris Rotenberg") || !slices.Contains(got, "Baltic Stroy Services") {
		t.Errorf("appendNameVariants: %q, want both names", got)
	}
	if got := appendNameVariants(nil, "TATA STEEL LTD"); len(got) != 1 {
		t.Errorf("appendNameVariants(TATA STEEL LTD) = %q", got) // no t/a in ta-ta
	}
	es := []*lists.Entry{
		personEntry("ofac_sdn", "16671", "ROTENBERG, Boris Romanovich"),
		personEntry("ofac_sdn", "10590", "SCHNEIDER, Simon"),
	}
	m := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct{ q, id string }{
		{"Boris Rotenberg t/a Baltic Stroy Services", "16671"},
		{"Simon Schneider trading as Schneider Handelsagentur", "10590"},
	} {
		if got, why := scoreOf(m, tt.q, tt.id); got < 0.85 {
			t.Errorf("%s: %.3f (%s)", tt.q, got, why)
		}
	}
}
