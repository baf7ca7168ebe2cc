package peers

import (
	"context"
	"sync"
	"time"

	"github.com/dualscreen/dualscreen/internal/memlimit"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
	"github.com/dualscreen/dualscreen/rules"
)

// Config is what every peer is given.
type Config struct {
	Batch     string // Parquet batch
	Out       string // flagged output (Parquet)
	Threshold float64
	Threads   int
	// Entries loads the lists (timed as setup).
	Entries func(ctx context.Context) ([]*lists.Entry, error)
	// ListNames is the Parquet table of list names (list, entry_id, name)
	// the DuckDB peer joins against; written beforehand, untimed.
	ListNames string
	// Sample screens only this many distinct names (0: all); Planted names
	// go into the sample first (see Sample).
	Sample  int
	Planted map[string]bool
	// Matcher is the dualscreen matcher kind ("" default).
	Matcher string
}

// recorder passes queries to the matcher and keeps, per name, the entries
// found: the dualscreen peer's evidence for quality counting. It is called
// once per distinct (name, country), never per row, and keeps only names
// with hits, so it adds neither time nor memory that grows with the batch.
type recorder struct {
	m    matchers.Matcher
	mu   sync.Mutex
	hits map[string][]Hit
}

func (r *recorder) Match(q matchers.Query, dst []matchers.Match) []matchers.Match {
	start := len(dst)
	dst = r.m.Match(q, dst)
	if len(dst) == start {
		return dst
	}
	r.mu.Lock()
	for _, m := range dst[start:] {
		r.hits[q.Name] = append(r.hits[q.Name], Hit{List: m.Entry.List, EntryID: m.Entry.ID, Score: m.Score})
	}
	r.mu.Unlock()
	return dst
}

// Dualscreen screens the batch end to end as `dualscreen screen` does:
// lists loaded and indexed, Parquet in, party stage over the default
// matcher, the default destination/goods rules and decision policy,
// flagged rows out as Parquet, committed atomically. The threshold is
// c.Threshold (as with --threshold), not the policy's.
func Dualscreen(ctx context.Context, c Config) (*Result, error) {
	res := &Result{Peer: "dualscreen", Threads: c.Threads}
	t0 := time.Now()
	entries, err := c.Entries(ctx)
	if err != nil {
		return nil, err
	}
	m, err := matchers.New(c.Matcher, entries, matchers.Options{Threshold: c.Threshold})
	if err != nil {
		return nil, err
	}
	if c.Matcher != "" {
		res.Peer = "dualscreen-" + c.Matcher
	}
	res.ListNames = countNames(entries)
	// The destination and goods rules and the decision policy, as screen
	// wires them by default.
	policy, err := rules.DefaultPolicy()
	if err != nil {
		return nil, err
	}
	engine, err := rules.NewEngine(policy)
	if err != nil {
		return nil, err
	}
	res.SetupSec = time.Since(t0).Seconds()
	_, restoreMem := memlimit.Apply(memlimit.DefaultBudget) // as screen does by default (--memory-budget)
	defer restoreMem()

	t1 := time.Now()
	rec := &recorder{m: m, hits: map[string][]Hit{}}
	src, err := parquetio.Open(ctx, []string{c.Batch}, parquetio.Options{PassThrough: true, ReadDictionaries: true}) // as screen does for Parquet out
	if err != nil {
		return nil, err
	}
	sink, err := parquetio.NewSink(c.Out, src.Schema(), parquetio.SinkOptions{})
	if err != nil {
		src.Close()
		return nil, err
	}
	party := pipeline.NewPartyStage(rec, pipeline.PartyOptions{})
	sum, err := pipeline.Run(ctx, src, sink, pipeline.Options{Stages: []pipeline.Stage{party, pipeline.RuleStage{Checker: engine}}, Decider: policy, Workers: c.Threads})
	if err != nil {
		return nil, err
	}
	res.MatchSec = time.Since(t1).Seconds()
	res.Rows = sum.Rows
	res.FlaggedRows = sum.Flagged
	_, distinct := party.CacheStats()
	res.Distinct = int(distinct)
	res.Screened = res.Distinct
	res.Hits = rec.hits
	return res, nil
}

func countNames(entries []*lists.Entry) int {
	n := 0
	for _, e := range entries {
		n += len(e.Names)
	}
	return n
}
