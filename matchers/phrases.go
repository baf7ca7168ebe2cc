package matchers

import (
	"sort"
	"strings"
)

// phraseTable finds multi-token phrases (legal forms, honorifics) at the
// start of a token run. Phrases are stored already normalised, keyed by
// their first token, longest first so the longest phrase wins.
type phraseTable struct {
	byFirst map[string][]phrase
	// single maps the letters of a phrase written as initials ("j s c",
	// "o o o") joined together ("jsc") to its value.
	single map[string]string
}

type phrase struct {
	toks  []string
	value string
}

func newPhraseTable(entries map[string]string) *phraseTable {
	t := &phraseTable{byFirst: map[string][]phrase{}, single: map[string]string{}}
	w := getNormWork()
	defer putNormWork(w)
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic table whatever the map order
	for _, k := range keys {
		toks := append([]string(nil), w.splitTokens(w.foldedText(k))...)
		if len(toks) == 0 {
			continue
		}
		v := entries[k]
		t.byFirst[toks[0]] = append(t.byFirst[toks[0]], phrase{toks: toks, value: v})
		if len(toks) == 1 {
			t.single[toks[0]] = v
		}
	}
	for _, ps := range t.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
	}
	return t
}

// match returns the number of tokens of the longest phrase at the start of
// toks and its value, or 0.
func (t *phraseTable) match(toks []string) (int, string) {
	for _, p := range t.byFirst[toks[0]] {
		if len(p.toks) > len(toks) {
			continue
		}
		ok := true
		for i, pt := range p.toks {
			if toks[i] != pt {
				ok = false
				break
			}
		}
		if ok {
			return len(p.toks), p.value
		}
	}
	return 0, ""
}

var (
	legalPhrases   *phraseTable
	orgPhrases     *phraseTable // orgWordPhrases
	honorificTable *phraseTable // titles and ranks: removed at the start
	titleTable     *phraseTable // titles only: removed anywhere
	particleSet    map[string]bool
	// unitWordSet and unitQualifierSet: unitWords and unitQualifiers, as
	// tokens (stopwords.go).
	unitWordSet, unitQualifierSet map[string]bool
)

// foldedSet is the set of the tokens of words, folded as names are.
func foldedSet(w *normWork, words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, p := range words {
		for _, t := range w.splitTokens(w.foldedText(p)) {
			set[t] = true
		}
	}
	return set
}

func init() {
	lf := make(map[string]string, len(legalFormPhrases)+len(legalFormClasses))
	for k, v := range legalFormPhrases {
		lf[k] = v
	}
	for c := range legalFormClasses {
		lf[c] = c // a class token is its own legal form: normalising twice changes nothing
	}
	legalPhrases = newPhraseTable(lf)
	orgPhrases = newPhraseTable(orgWordPhrases)
	legalWords = legalPhrases.words()
	legalWordSlips = slipTable(legalWords)
	legalSlipFilter = newHashFilter(legalWordSlips)
	h := make(map[string]string, len(titles)+len(ranks))
	ti := make(map[string]string, len(titles))
	for _, s := range titles {
		h[s], ti[s] = s, s
	}
	for _, s := range ranks {
		h[s] = s
	}
	honorificTable = newPhraseTable(h)
	titleTable = newPhraseTable(ti)
	w := getNormWork()
	particleSet = foldedSet(w, append(particles[:len(particles):len(particles)], unitWords...))
	unitWordSet = foldedSet(w, unitWords)
	unitQualifierSet = foldedSet(w, unitQualifiers)
	putNormWork(w)
}

func matchLegalPhrase(toks []string) (int, string) { return legalPhrases.match(toks) }

// legalWordSlips maps a one-letter slip of a long word of a legal form
// (COMMPANY, OTVESTVENNOSTYU, OBSCHESTVO) to the word, by the hash of the
// slip with one letter left out (hashSkip): a letter added, dropped or
// changed. Clerks misspell the long words of a legal form as often as any
// other, and a legal form left unrecognised weighs as a rare name part.
var legalWordSlips map[uint64]string

// legalSlipFilter screens probes of legalWordSlips (hashfilter.go).
var legalSlipFilter *hashFilter

// minSlipLen: shorter words of legal forms are matched only exactly.
const minSlipLen = 7

// legalWords holds every word of every legal-form phrase.
var legalWords map[string]bool

// words returns every token of the table's phrases.
func (t *phraseTable) words() map[string]bool {
	m := map[string]bool{}
	for _, ps := range t.byFirst {
		for _, p := range ps {
			for _, w := range p.toks {
				m[w] = true
			}
		}
	}
	return m
}

func slipTable(legal map[string]bool) map[uint64]string {
	words := map[string]bool{}
	for w := range legal {
		if len(w) >= minSlipLen && isASCII(w) {
			words[w] = true
		}
	}
	m := map[uint64]string{}
	whole := map[uint64]bool{} // m[h] is a word itself, not one with a letter left out
	clash := map[uint64]bool{}
	// A word written in full is what its own letters spell, even when it is
	// also another spelling of the form with a letter left out
	// ("otvetstvennostyu" is "otvetstvennostiyu" without its i): only two
	// shortened words sharing a form make it a slip of neither.
	add := func(h uint64, w string, full bool) {
		prev, ok := m[h]
		switch {
		case !ok:
			m[h], whole[h] = w, full
		case prev == w || whole[h]:
			// the word itself, or a form already taken by a whole word
		case full:
			m[h], whole[h] = w, true
			delete(clash, h)
		default:
			clash[h] = true
		}
	}
	words2 := make([]string, 0, len(words))
	for w := range words {
		words2 = append(words2, w)
	}
	sort.Strings(words2) // deterministic whatever the map order
	for _, w := range words2 {
		add(hashSkip(w, -1), w, true)
	}
	for _, w := range words2 {
		for i := range len(w) {
			add(hashSkip(w, i), w, false)
		}
	}
	for h := range clash {
		delete(m, h) // a slip of two words is neither
	}
	return m
}

// fixLegalSlip returns the word of a legal form that tok is one slip
// from, or tok. A shorter word is read only with a letter doubled or two
// neighbours swapped (shortLegalSlip).
func fixLegalSlip(tok string) string {
	if len(tok) < minSlipLen && len(tok) >= minShortSlip {
		return shortLegalSlip(tok)
	}
	if len(tok) < minSlipLen || !isASCII(tok) {
		return tok
	}
	if h := hashSkip(tok, -1); legalSlipFilter.mayHave(h) {
		if w, ok := legalWordSlips[h]; ok {
			return w // tok lacks a letter of w, or is w
		}
	}
	for i := range len(tok) {
		h := hashSkip(tok, i)
		if !legalSlipFilter.mayHave(h) {
			continue
		}
		if w, ok := legalWordSlips[h]; ok && len(w) <= len(tok) {
			return w // tok has a letter more than w, or one changed
		}
	}
	return tok
}

// lastLegalSlip returns the class of the one-word legal form of seven or
// more letters that tok, the last word of a name of two or more, is a
// slip of the hand from: two neighbours swapped or a letter added or left
// out inside the word ("Sekirin Comany", "FATSA COMPNAY", "Incomp Limted").
// The end of a name is where a firm writes its legal form, and a form
// left unread there weighs as a rare word against the match. A changed
// letter is not read: that is how names are coined from the words of a
// form ("Limitex"), and the words of a phrase are read through it only
// beside a word written right (fixLegalSlip).
func lastLegalSlip(raw []string, i int) (string, bool) {
	tok := raw[i]
	if i == 0 || i != len(raw)-1 || len(tok) < minSlipLen-1 || !isASCII(tok) {
		return "", false
	}
	if _, known := nameCanon[tok]; known {
		return "", false
	}
	for k := -1; k < len(tok); k++ {
		h := hashSkip(tok, k)
		if !legalSlipFilter.mayHave(h) {
			continue
		}
		w, ok := legalWordSlips[h]
		if !ok || w == tok || !handSlip(tok, w) {
			continue
		}
		if n, class := matchLegalPhrase([]string{w}); n == 1 {
			return class, true
		}
	}
	return "", false
}

// matchHonorific returns how many leading tokens form one honorific.
func matchHonorific(toks []Token) int { return matchPhraseTokens(honorificTable, toks) }

// matchTitle returns how many leading tokens form one title.
func matchTitle(toks []Token) int { return matchPhraseTokens(titleTable, toks) }

func matchPhraseTokens(pt *phraseTable, toks []Token) int {
	if len(toks) == 0 || toks[0].Kind == TokLegal {
		return 0
	}
	var buf [6]string
	n := 0
	for n < len(toks) && n < len(buf) {
		buf[n] = toks[n].Text
		n++
	}
	k, _ := pt.match(buf[:n])
	return k
}

// joinTokens is strings.Join for token texts.
func joinTokens(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// minShortSlip is the shortest word shortLegalSlip reads.
const minShortSlip = 5

// shortLegalSlip returns the short word of a legal form that tok is with
// one letter doubled (JOINT-SSTOCK, JOINNT STOCK) or two neighbours after
// the first letter swapped (JONIT STOCK, JOINT STCOK), or tok. In a word
// of four to six letters a letter left out, added or changed makes another
// word as often as a slip (stock / stick / stork), so fixLegalSlip reads
// no such slip there; a letter struck twice or two keys struck in the
// wrong order keep the word's letters and its first letter, and
// tokenPhase takes the word only where it completes a phrase of two or
// more words with one written right, as for the long words.
func shortLegalSlip(tok string) string {
	var buf [minSlipLen]byte
	for i := 1; i < len(tok); i++ {
		if tok[i] != tok[i-1] {
			continue
		}
		n := copy(buf[:], tok[:i])
		n += copy(buf[n:], tok[i+1:])
		if legalWords[string(buf[:n])] {
			return string(buf[:n])
		}
	}
	n := copy(buf[:], tok)
	for i := 1; i+1 < n; i++ {
		if buf[i] == buf[i+1] {
			continue
		}
		buf[i], buf[i+1] = buf[i+1], buf[i]
		if legalWords[string(buf[:n])] {
			return string(buf[:n])
		}
		buf[i], buf[i+1] = buf[i+1], buf[i]
	}
	return tok
}
