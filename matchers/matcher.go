package matchers

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/lists"
)

// Query is one party name to screen.
type Query struct {
	Name    string
	Country string // ISO2 of the party where known; supporting evidence only
	Role    evidence.Role
}

// Match is one list entry found for a query.
type Match struct {
	Entry       *lists.Entry
	NameIndex   int     // index into Entry.Names of the variant that matched
	Score       float64 // calibrated to 0–1: the same threshold means the same on every list
	Explanation string  // human-readable: which tokens aligned and what moved the score
}

// MatchedName returns the list name variant that matched.
func (m Match) MatchedName() string { return m.Entry.Names[m.NameIndex].Value }

// Matcher finds the entries whose names match a query. Implementations are
// safe for concurrent use by many goroutines.
type Matcher interface {
	// Match appends to dst every entry scoring at or above the matcher's
	// threshold, best first (ties broken by list and entry id, so the order
	// is deterministic), and returns the extended slice.
	Match(q Query, dst []Match) []Match
}

// Options configure a matcher.
type Options struct {
	// Threshold is the lowest score reported. Default 0.85 (DefaultThreshold).
	Threshold float64
	// Tuning holds the aligned matcher's weights; zero fields take their
	// defaults (see Tuning).
	Tuning Tuning
}

// DefaultThreshold is the score at or above which a name is reported.
const DefaultThreshold = 0.85

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	return o
}

// Kind is one selectable matcher: its --matcher name, a summary for --help
// and its constructor.
type Kind struct {
	Name    string
	Summary string
	New     func(entries []*lists.Entry, opts Options) (Matcher, error)
}

// Kinds is the one table of matchers; the first is the default.
var Kinds = []Kind{
	{
		Name:    "aligned",
		Summary: "default: inverted index (tokens, typo neighbourhoods, phonetic keys) then IDF-weighted token alignment, transliteration and legal forms",
		New:     func(e []*lists.Entry, o Options) (Matcher, error) { return NewAligned(e, o), nil },
	},
	{
		Name:    "naive-jw",
		Summary: "baseline: token-sorted Jaro-Winkler of every list name against the query (all pairs)",
		New:     func(e []*lists.Entry, o Options) (Matcher, error) { return NewNaiveJW(e, o), nil },
	},
}

// New builds the matcher named kind ("" for the default) over entries.
func New(kind string, entries []*lists.Entry, opts Options) (Matcher, error) {
	if kind == "" {
		kind = Kinds[0].Name
	}
	for _, k := range Kinds {
		if k.Name == kind {
			return k.New(entries, opts)
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = k.Name
	}
	return nil, fmt.Errorf("unknown matcher %q (have %s)", kind, strings.Join(names, ", "))
}

// sortMatches orders matches best first, deterministically.
func sortMatches(m []Match) {
	// slices.SortStableFunc, not sort.SliceStable: no allocation per call.
	slices.SortStableFunc(m, func(a, b Match) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		if c := strings.Compare(a.Entry.List, b.Entry.List); c != 0 {
			return c
		}
		if c := strings.Compare(a.Entry.ID, b.Entry.ID); c != 0 {
			return c
		}
		return cmp.Compare(a.NameIndex, b.NameIndex)
	})
}
