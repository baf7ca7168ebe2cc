package screenjob

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
	"github.com/dualscreen/dualscreen/rules"
)

// Config is what the job screens with: the flags of `dualscreen screen`
// that decide which rows are flagged and how, plus the output shards. It is
// serialised into the DoFns, so it holds only plain values; paths must be
// readable by every worker (a shared or mounted file system).
type Config struct {
	Shipments []string          // --shipments: Parquet files, globs or directories
	Lists     []string          // --list [FORMAT=]FILE specs
	ListsDir  string            // --lists DIR
	Out       string            // output directory for the shards
	Map       map[string]string // --map canonical=COLUMN
	Threshold float64           // lowest name-match score reported; 0: the policy's party threshold
	Policy    string            // --policy TOML file overlaid on the embedded rules; "": the embedded defaults
	Matcher   string            // matcher kind; default the first of matchers.Kinds
	All       bool              // write every row, not only flagged ones
	BatchSize int               // rows per Arrow record batch; default parquetio.DefaultBatchSize
	Shards    int               // output files; default 4
}

// DefaultShards is the default number of output files: enough that writing
// is spread over a few workers, few enough that a small run does not leave
// a directory of near-empty files.
const DefaultShards = 4

// withDefaults fills the values `dualscreen screen` defaults to.
func (c Config) withDefaults() Config {
	if c.BatchSize <= 0 {
		c.BatchSize = parquetio.DefaultBatchSize
	}
	if c.Shards <= 0 {
		c.Shards = DefaultShards
	}
	return c
}

// ErrBadConfig marks a Config that `dualscreen screen` would reject as bad
// usage (exit status 2).
var ErrBadConfig = errors.New("bad usage")

// validate checks c as `dualscreen screen` checks its flags.
func (c Config) validate() error {
	switch {
	case len(c.Shipments) == 0:
		return fmt.Errorf("%w: --shipments is required", ErrBadConfig)
	case len(c.Lists) == 0 && c.ListsDir == "":
		return fmt.Errorf("%w: give --list or --lists", ErrBadConfig)
	case c.Out == "":
		return fmt.Errorf("%w: --out is required", ErrBadConfig)
	case c.Threshold < 0 || c.Threshold > 1:
		return fmt.Errorf("%w: --threshold %g is outside (0, 1]", ErrBadConfig, c.Threshold)
	}
	return nil
}

func (c Config) sourceOptions() parquetio.Options {
	return parquetio.Options{Map: pipeline.ColumnMap(c.Map), PassThrough: true, BatchSize: c.BatchSize}
}

// screener is what a worker screens with: the stages over one list index
// and the decision policy.
type screener struct {
	lists   []*lists.List
	stages  []pipeline.Stage
	decider pipeline.Decider
}

// screeners caches one screener per list configuration in the process. A
// worker process runs many DoFn instances (one per bundle thread, and new
// ones after a failure); building the index for each would multiply the
// slowest step of a run. On Prism the launcher and the workers share the
// process, so the index the launcher builds to check the lists is reused.
var screeners struct {
	sync.Mutex
	m map[string]*screenerSlot
}

type screenerSlot struct {
	once sync.Once
	s    *screener
	err  error
}

// listsKey identifies the index a Config builds.
func (c Config) listsKey() string {
	k, _ := json.Marshal(struct {
		Lists     []string
		ListsDir  string
		Threshold float64
		Matcher   string
		Policy    string
	}{c.Lists, c.ListsDir, c.Threshold, c.Matcher, c.Policy})
	return string(k)
}

// loadScreener returns the cached screener for c, loading the lists and
// building the matcher the first time. A failure is not cached, so a retry
// after a transient read error can succeed.
func loadScreener(ctx context.Context, c Config) (*screener, error) {
	key := c.listsKey()
	screeners.Lock()
	if screeners.m == nil {
		screeners.m = map[string]*screenerSlot{}
	}
	slot, ok := screeners.m[key]
	if !ok {
		slot = &screenerSlot{}
		screeners.m[key] = slot
	}
	screeners.Unlock()
	slot.once.Do(func() { slot.s, slot.err = buildScreener(ctx, c) })
	if slot.err != nil {
		screeners.Lock()
		if screeners.m[key] == slot {
			delete(screeners.m, key)
		}
		screeners.Unlock()
	}
	return slot.s, slot.err
}

// buildScreener wires the stages exactly as `dualscreen screen` does
// (cmd/dualscreen/screen.go and policy.go): the embedded rule policy
// overlaid with the policy file, every list (none may be empty), one
// matcher over all entries at the policy's party threshold unless one was
// given, the party stage with default options, then the rule stage, and
// the policy as the decider.
func buildScreener(ctx context.Context, c Config) (*screener, error) {
	var (
		p   *rules.Policy
		err error
	)
	if c.Policy != "" {
		if p, err = rules.LoadPolicy(c.Policy); err != nil {
			return nil, &pipeline.InputError{File: c.Policy, Err: err}
		}
	} else if p, err = rules.DefaultPolicy(); err != nil {
		return nil, err
	}
	engine, err := rules.NewEngine(p)
	if err != nil {
		return nil, err
	}
	threshold := c.Threshold
	if threshold == 0 {
		threshold = p.PartyThreshold
	}
	var loaded []*lists.List
	for _, spec := range c.Lists {
		l, err := lists.Load(ctx, spec)
		if err != nil {
			return nil, &pipeline.InputError{Err: fmt.Errorf("--list %s: %w", spec, err)}
		}
		loaded = append(loaded, l)
	}
	if c.ListsDir != "" {
		ls, err := lists.LoadDir(ctx, c.ListsDir)
		if err != nil {
			return nil, &pipeline.InputError{Err: fmt.Errorf("--lists %s: %w", c.ListsDir, err)}
		}
		loaded = append(loaded, ls...)
	}
	for _, l := range loaded {
		if len(l.Entries) == 0 && len(l.Removed) == 0 {
			return nil, &pipeline.InputError{Err: fmt.Errorf("list %s: no entries (%d rows skipped as malformed): an empty list would screen nothing",
				strings.Join(l.Files, ", "), len(l.Problems))}
		}
	}
	entries, _ := lists.Entries(loaded) // as screen does: one list in two formats is matched once
	m, err := matchers.New(c.Matcher, entries, matchers.Options{Threshold: threshold})
	if err != nil {
		return nil, err
	}
	party := pipeline.NewPartyStage(m, pipeline.PartyOptions{})
	return &screener{
		lists:   loaded,
		stages:  []pipeline.Stage{party, pipeline.RuleStage{Checker: engine}},
		decider: p,
	}, nil
}
