package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// A person's name with two of its words run together, as systems that
// drop spaces write it, is also read with the word split (matchOne,
// splitRunTogether), the parts in their standard spellings (Hossein →
// husayn); a firm's run-together brand is not split, and a word that is
// one listed word spelt another way keeps its own reading.
func TestRunTogetherWordsSplit(t *testing.T) {
	m := NewAligned(append(withCommonFirms(nil, "x", 4, "TRADING LLC"),
		personEntry("eu_journal", "1", "SEIFI, Hassan"),
		personEntry("ofac_sdn", "2", "ARANI, Hossein Firouzi"),
		personEntry("ofac_sdn", "3", "SHUMILOVA, Elena Borisovna"),
		personEntry("ofac_sdn", "4", "KERIMOV, Said Suleymanovich"),
		personEntry("ofac_sdn", "6", "NOVICH, Suleima"),
		firmEntry("ofac_sdn", "5", "FIRST OCEAN GMBH & CO KG"),
	), Options{Threshold: 0.1})
	checkRunOns(t, m, [][2]string{
		{"HassanSeifi", "1"},
		{"ARANI, HosseinFirouzi", "2"},
		{"ElenaBorisovna SHUMILOVA", "3"},
	})
	// one word spelt another way (suleima + novich are listed words too):
	// as written it is the better reading
	if got, why := scoreOf(m, "KERIMOV, Said Suleimanovich", "4"); got < 0.85 || strings.Contains(why, "read as two") {
		t.Errorf("KERIMOV, Said Suleimanovich: %.3f (%s)", got, why)
	}
	// a firm's brand written together stays one word
	if _, why := scoreOf(m, "OCEANFIRST Inc.", "5"); strings.Contains(why, "read as two") {
		t.Errorf("OCEANFIRST Inc. was split: %s", why)
	}
	if got := m.Index().splitRunTogether([]Token{{Text: "oceanfirst", Kind: TokWord}}, []int32{-1}, new([]string)); len(got) != 2 {
		t.Errorf("splitRunTogether(oceanfirst) = %v, want two words (personLike keeps firms out, not the split)", got)
	}
}

// The split reading leaves nothing behind in the pooled scratch, which
// the evaluation's candidate walks (Candidates) take without setting
// splitOn themselves.
func TestRunTogetherScratchReset(t *testing.T) {
	m := NewAligned([]*lists.Entry{personEntry("eu_journal", "1", "SEIFI, Hassan")}, Options{Threshold: 0.1})
	for range 8 {
		m.Match(Query{Name: "HassanSeifi"}, nil)
		s := m.ix.scratch.Get().(*scratch)
		on := s.splitOn
		m.ix.scratch.Put(s)
		if on {
			t.Fatal("a scratch back in the pool still asks for the split reading")
		}
	}
}

// A particle run into a person's listed name (ElPocho, Abdallahal) is also
// read with the particle dropped, as the normaliser drops it from a name
// written apart; as written it is the other reading.
func TestRunTogetherParticle(t *testing.T) {
	m := NewAligned(append(withCommonFirms(nil, "x", 4, "TRADING LLC"),
		personEntry("us_csl", "1", "SUNIGA, Juan", "EL POCHO"),
		personEntry("eu_journal", "2", "Abdallah al-Jazairi"),
	), Options{Threshold: 0.1})
	checkRunOns(t, m, [][2]string{
		{"ELPOCHO", "1"},
		{"Abdallahal-Jazairi", "2"},
	})
	// At a word's end only the Arabic article is read: "es" ends a Spanish
	// plural (Componentes matched GOMEZ MARTINEZ, Servando at 0.851, read
	// as component).
	m = NewAligned([]*lists.Entry{firmEntry("ofac_sdn", "3", "COMPONENT TRADING")}, Options{Threshold: 0.1})
	if a, _, ok := m.Index().twoKnownWords(Token{Text: "componentes", Kind: TokWord}, -1); ok {
		t.Errorf("componentes read as %q and a particle", a)
	}
}
