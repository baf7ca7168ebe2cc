package eval

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// Outcome is what one matcher did with one pair.
type Outcome struct {
	// Target is the best score of any target entry (0 when none was
	// reported at or above the evaluation floor).
	Target float64
	// Other is the best score of any entry that is not a target: for an
	// innocent name, the score at which it would be flagged.
	Other float64
	// Candidate reports whether a target entry was among the matcher's
	// candidates (CandidateKnown false when the matcher does not say).
	Candidate      bool
	CandidateKnown bool
}

// CandidateLister is implemented by matchers that gather candidates before
// scoring; evaluation then reports candidate recall on its own.
type CandidateLister interface {
	Candidates(q matchers.Query, f func(e *lists.Entry))
}

// Floor is the lowest score evaluation asks matchers for: curves and tables
// start here. Lower scores are noise for screening.
const Floor = 0.5

// Run asks m about every pair, on all cores, and returns one outcome per
// pair in pair order. m must have been built with a threshold at or below
// Floor so that curves cover [Floor, 1].
func Run(ctx context.Context, m matchers.Matcher, pairs []Pair) ([]Outcome, error) {
	out := make([]Outcome, len(pairs))
	cl, _ := m.(CandidateLister)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int, 2*workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []matchers.Match
			for i := range next {
				out[i] = runOne(m, cl, &pairs[i], buf[:0])
			}
		}()
	}
	var err error
feed:
	for i := range pairs {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return out, err
}

func runOne(m matchers.Matcher, cl CandidateLister, p *Pair, buf []matchers.Match) Outcome {
	q := matchers.Query{Name: p.Query, Country: p.Country}
	var o Outcome
	for _, h := range m.Match(q, buf) {
		if isTarget(p, h.Entry, h.MatchedName()) {
			o.Target = max(o.Target, h.Score)
		} else {
			o.Other = max(o.Other, h.Score)
		}
	}
	if cl != nil && len(p.Targets) > 0 {
		o.CandidateKnown = true
		cl.Candidates(q, func(e *lists.Entry) {
			if !o.Candidate && isTarget(p, e, "") {
				o.Candidate = true
			}
		})
	}
	return o
}

// isTarget reports whether entry e (matched on name matched, "" when
// unknown) is one of the pair's targets: by entry key, or by a target name
// that normalises like one of the entry's names.
func isTarget(p *Pair, e *lists.Entry, matched string) bool {
	key := EntryKey(e.List, e.ID)
	for _, t := range p.Targets {
		if t == key {
			return true
		}
		if isKey(t) {
			continue // the key of another entry
		}
		nt := matchers.SortedKey(t)
		for _, n := range e.Names {
			if matchers.SortedKey(n.Value) == nt {
				return true
			}
		}
	}
	return false
}

// isKey reports whether a target is an entry key ("ofac_sdn:12345") rather
// than a name.
func isKey(t string) bool { return strings.Contains(t, ":") && !strings.Contains(t, " ") }
