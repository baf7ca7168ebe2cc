package matchers

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/adrg/strutil/metrics"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/dualscreen/dualscreen/lists"
)

// NaiveJW is the baseline every better matcher is measured against: each
// list name and the query are lower-cased, stripped of accents and
// punctuation, their tokens sorted, and compared whole with Jaro-Winkler.
// It scores every list name for every query, so it is slow on big lists.
type NaiveJW struct {
	opts  Options
	jw    *metrics.JaroWinkler
	names []naiveName
}

type naiveName struct {
	entry *lists.Entry
	idx   int
	key   string
}

// NewNaiveJW builds the baseline over entries.
func NewNaiveJW(entries []*lists.Entry, opts Options) *NaiveJW {
	m := &NaiveJW{opts: opts.withDefaults(), jw: metrics.NewJaroWinkler()}
	m.jw.CaseSensitive = true
	for _, e := range entries {
		for i, n := range e.Names {
			if k := SortedKey(n.Value); k != "" {
				m.names = append(m.names, naiveName{entry: e, idx: i, key: k})
			}
		}
	}
	return m
}

// Match implements Matcher. Each entry is reported once, at its best name.
func (m *NaiveJW) Match(q Query, dst []Match) []Match {
	key := SortedKey(q.Name)
	if key == "" {
		return dst
	}
	start := len(dst)
	best := map[*lists.Entry]int{} // entry -> index in dst
	for _, n := range m.names {
		s := m.jw.Compare(key, n.key)
		if s < m.opts.Threshold {
			continue
		}
		if at, ok := best[n.entry]; ok {
			if s > dst[at].Score {
				dst[at].Score, dst[at].NameIndex = s, n.idx
			}
			continue
		}
		best[n.entry] = len(dst)
		dst = append(dst, Match{Entry: n.entry, NameIndex: n.idx, Score: s})
	}
	for i := start; i < len(dst); i++ {
		dst[i].Explanation = fmt.Sprintf("token-sorted Jaro-Winkler %.3f between %q and %q", dst[i].Score, key, SortedKey(dst[i].MatchedName()))
	}
	sortMatches(dst[start:])
	return dst
}

// newFoldAccents returns a fresh transformer per call: a transform.Chain
// keeps state and is not safe for concurrent use, and Matchers are.
func newFoldAccents() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// FoldKey is the baseline's folding without sorting: NFKC, accents removed,
// lower case, punctuation to spaces, tokens in written order.
func FoldKey(s string) string {
	s, _, _ = transform.String(newFoldAccents(), s)
	s = strings.ToLower(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// SortedKey is the baseline's normal form: NFKC, accents removed, lower case,
// punctuation to spaces, tokens sorted and joined by one space.
func SortedKey(s string) string {
	s, _, _ = transform.String(newFoldAccents(), s)
	s = strings.ToLower(s)
	toks := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	sort.Strings(toks)
	return strings.Join(toks, " ")
}
