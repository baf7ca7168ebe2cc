package matchers

import (
	"slices"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
)

// An organisation's short word is often an acronym of its own language in
// one writing and of English in another: the Russian United Engine
// Corporation is ODK (Объединённая двигателестроительная корпорация) and
// UEC, so "JSC UEC Klimov" and "JOINT STOCK COMPANY ODK-KLIMOV" name one
// firm and share nothing but Klimov. No spelling rule relates such words;
// the lists do: OFAC and the EU print both writings as names of one entry
// ("UEC-SATURN" / "ODK-SATURN", "UEC-PERM MOTORS" / "ODK-PM"). The index
// reads these pairs off the lists (listedWordPairs): two names of one
// organisation entry that are the same words but one, where each has a
// short word of its own beginning with another letter. A pair counts only
// when the lists write it so in minPairContexts names that differ in what
// else they hold, so that one entry's two names of unrelated words (an
// alias under another acronym, "FARC" / "GAO SEGUNDA MARQUETALIA") teach
// nothing. The query word then aligns with its partner at
// Tuning.SpellingKeySim, as two writings of one word.

const (
	// minPairContexts is how many differently named firms must write a
	// pair for it to count (three: ODK / UEC has six on the lists, BANK /
	// CB three, and the pairs written in only one or two firms' names are
	// as often two acronyms of one firm's divisions).
	minPairContexts = 3
	// maxPairWord: only short words, acronyms, are paired.
	maxPairWord = 4
)

// listedWordPairs returns, by vocabulary id, the words the lists write
// for each other (see above), from the names of organisation entries the
// index holds (derived names aside).
func (ix *Index) listedWordPairs(entries []*lists.Entry, norms [][]variantNorm) map[int32][]int32 {
	contexts := pairContexts{}
	isFirm := func(e *lists.Entry) bool { return e.Type == lists.TypeOrganisation }
	eachNamePair(entries, norms, isFirm, func(x, y []string) {
		a, b, rest, ok := oneWordApart(x, y)
		if ok && pairable(a) && pairable(b) && a[0] != b[0] {
			contexts.add(a, b, rest)
		}
	})
	return ix.pairsByID(contexts, minPairContexts, 0)
}

// eachNamePair calls f with every two published names of one entry that
// keep accepts (derived names aside) holding as many words, each as its
// sorted words. The pair learners (listedWordPairs, listedSpellings) read
// the lists' writings off such pairs; x and y are reused after f returns.
func eachNamePair(entries []*lists.Entry, norms [][]variantNorm, keep func(*lists.Entry) bool, f func(x, y []string)) {
	// The words of each name, sorted, one name after the other in flat;
	// spans[k] is name k's run. Both are reused across entries: most
	// entries have one or two names and no pair.
	var flat []string
	var spans [][2]int
	for ei, e := range entries {
		if len(norms[ei]) < 2 || !keep(e) {
			continue
		}
		flat, spans = sortedNameWords(norms[ei], flat[:0], spans[:0])
		for i := range spans {
			x := flat[spans[i][0]:spans[i][1]]
			for j := i + 1; j < len(spans); j++ {
				if y := flat[spans[j][0]:spans[j][1]]; len(x) == len(y) {
					f(x, y)
				}
			}
		}
	}
}

// pairContexts holds, for each pair of words, the contexts (what else
// the names held) the lists write it in, each once.
type pairContexts map[wordPair][]string

// add records that the lists write a for b, or b for a, in context rest.
func (c pairContexts) add(a, b, rest string) {
	if a > b {
		a, b = b, a
	}
	p := wordPair{a, b}
	if !slices.Contains(c[p], rest) {
		c[p] = append(c[p], rest)
	}
}

// wordPair is two words the lists write for each other, a < b.
type wordPair struct{ a, b string }

// pairsByID keeps the pairs written in at least minContexts contexts
// (and, when maxDF > 0, with one side in at most maxDF names) and returns
// them both ways by vocabulary id.
func (ix *Index) pairsByID(contexts pairContexts, minContexts int, maxDF int32) map[int32][]int32 {
	out := map[int32][]int32{}
	for p, cs := range contexts {
		if len(cs) < minContexts {
			continue
		}
		va, okA := ix.voc.ids[p.a]
		vb, okB := ix.voc.ids[p.b]
		if !okA || !okB || maxDF > 0 && min(ix.voc.df[va], ix.voc.df[vb]) > maxDF {
			continue
		}
		out[va] = append(out[va], vb)
		out[vb] = append(out[vb], va)
	}
	return out
}

// pairable reports the words listedWordPairs pairs: of two to maxPairWord
// ASCII letters.
func pairable(w string) bool {
	if len(w) < 2 || len(w) > maxPairWord {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// oneWordApart compares two sorted word lists of at least two words each:
// when each holds exactly one word the other lacks, it returns the two
// words and the words they share, joined.
func oneWordApart(x, y []string) (a, b, rest string, ok bool) {
	if len(x) != len(y) || len(x) < 2 {
		return "", "", "", false
	}
	var xbuf, ybuf [4]string
	xa, yb := sortedDifference(xbuf[:0], ybuf[:0], x, y)
	if len(xa) != 1 || len(yb) != 1 {
		return "", "", "", false
	}
	return xa[0], yb[0], restOf(x, xa[0]), true
}

// restOf joins the words of sorted name x but one occurrence of skip: the
// context a pair of words is written in.
func restOf(x []string, skip string) string {
	var sb strings.Builder
	skipped := false
	for _, w := range x {
		if w == skip && !skipped {
			skipped = true
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	return sb.String()
}

// sortedDifference appends to xa the words of sorted x that sorted y lacks
// and to yb those of y that x lacks (as multisets).
func sortedDifference(xa, yb, x, y []string) ([]string, []string) {
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i++
			j++
		case j >= len(y) || i < len(x) && x[i] < y[j]:
			xa = append(xa, x[i])
			i++
		default:
			yb = append(yb, y[j])
			j++
		}
	}
	return xa, yb
}

// listedPair reports whether vocabulary words u and v are a pair the lists
// write for each other.
func (ix *Index) listedPair(u, v int32) bool {
	return slices.Contains(ix.wordPairs[u], v)
}

// sortedNameWords appends, for each published name of one entry (derived
// names aside), its words and numbers sorted, one name after the other,
// to flat, and the name's run in flat to spans. The pair learners
// (listedWordPairs, listedSpellings) compare an entry's names by these
// runs, and reuse both slices across entries.
func sortedNameWords(norms []variantNorm, flat []string, spans [][2]int) ([]string, [][2]int) {
	for _, vn := range norms {
		if vn.derived {
			continue
		}
		start := len(flat)
		for _, t := range vn.norm.Tokens {
			if t.Kind == TokWord || t.Kind == TokNumber {
				flat = append(flat, t.Text)
			}
		}
		slices.Sort(flat[start:])
		spans = append(spans, [2]int{start, len(flat)})
	}
	return flat, spans
}
