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
	honorificTable *phraseTable // titles and ranks: removed at the start
	titleTable     *phraseTable // titles only: removed anywhere
	particleSet    map[string]bool
)

func init() {
	lf := make(map[string]string, len(legalFormPhrases)+len(legalFormClasses))
	for k, v := range legalFormPhrases {
		lf[k] = v
	}
	for c := range legalFormClasses {
		lf[c] = c // a class token is its own legal form: normalising twice changes nothing
	}
	legalPhrases = newPhraseTable(lf)
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
	particleSet = map[string]bool{}
	for _, p := range particles {
		for _, t := range w.splitTokens(w.foldedText(p)) {
			particleSet[t] = true
		}
	}
	putNormWork(w)
}

func matchLegalPhrase(toks []string) (int, string) { return legalPhrases.match(toks) }

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
