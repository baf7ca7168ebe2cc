package eval

import (
	"context"
	"encoding/csv"
	"io"
	"runtime"
	"strconv"
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
	// The best target and best other match, for the error listing.
	TargetMatch, OtherMatch matchers.Match
}

// CandidateLister is implemented by matchers that gather candidates before
// scoring; evaluation then reports candidate recall on its own.
type CandidateLister interface {
	Candidates(q matchers.Query, f func(e *lists.Entry))
}

// Floor is the default lowest score evaluation asks matchers for: curves
// and tables start here. Lower scores are noise for screening, and an
// all-pairs matcher asked for everything above a low floor returns most of
// the list for every query.
const Floor = 0.5

// Run asks m about every pair, on all cores, and returns one outcome per
// pair in pair order. m must have been built with a threshold at or below
// the floor the outcomes are measured from.
func Run(ctx context.Context, m matchers.Matcher, pairs []Pair) ([]Outcome, error) {
	out := make([]Outcome, len(pairs))
	cl, _ := m.(CandidateLister)
	err := eachPair(ctx, len(pairs), func() func(int) {
		var buf []matchers.Match
		return func(i int) { out[i] = runOne(m, cl, &pairs[i], buf[:0]) }
	})
	return out, err
}

// eachPair calls a worker's function for every pair index in [0, n), on
// all cores; newWorker is called once per worker, so that each keeps its
// own buffers. Once ctx is done no further index is handed out, and its
// error is returned after the workers have finished.
func eachPair(ctx context.Context, n int, newWorker func() func(i int)) error {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int, 2*workers)
	for range workers {
		wg.Add(1)
		work := newWorker()
		go func() {
			defer wg.Done()
			for i := range next {
				work(i)
			}
		}()
	}
	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}

func runOne(m matchers.Matcher, cl CandidateLister, p *Pair, buf []matchers.Match) Outcome {
	q := matchers.Query{Name: p.Query, Country: p.Country}
	var o Outcome
	for _, h := range m.Match(q, buf) {
		if isTarget(p, h.Entry, h.MatchedName()) {
			if h.Score > o.Target {
				o.Target, o.TargetMatch = h.Score, h
			}
		} else if h.Score > o.Other {
			o.Other, o.OtherMatch = h.Score, h
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

// WriteErrors writes, as CSV, the pairs the matcher got wrong at threshold
// t: positives whose target scored below t and negatives flagged at or
// above it, with the best target and best other match and their
// explanations, and whether a target was among the matcher's candidates
// (a miss of candidate generation or of scoring; empty when the matcher
// does not say or the pair has no target). It is what a researcher reads
// to see why.
func WriteErrors(w io.Writer, pairs []Pair, out []Outcome, t float64) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"source", "split", "label", "query", "targets", "target_score", "target_name", "target_explanation", "other_score", "other_entry", "other_name", "other_explanation", "candidate"}); err != nil {
		return err
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	for i, p := range pairs {
		o := out[i]
		missed := p.Label && o.Target < t
		flagged := !p.Label && (max(o.Target, o.Other) >= t)
		if !missed && !flagged {
			continue
		}
		split, label := Part(p), "0"
		if p.Label {
			label = "1"
		}
		row := []string{p.Source, split, label, p.Query, strings.Join(p.Targets, "|"), f(o.Target), "", "", f(o.Other), "", "", "", ""}
		if o.TargetMatch.Entry != nil {
			row[6], row[7] = o.TargetMatch.MatchedName(), o.TargetMatch.Explanation
		}
		if o.OtherMatch.Entry != nil {
			row[9], row[10], row[11] = EntryKey(o.OtherMatch.Entry.List, o.OtherMatch.Entry.ID), o.OtherMatch.MatchedName(), o.OtherMatch.Explanation
		}
		if o.CandidateKnown {
			row[12] = strconv.FormatBool(o.Candidate)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
