package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow"

	"github.com/dualscreen/dualscreen/internal/memlimit"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
	"github.com/dualscreen/dualscreen/pipeline/textio"
)

const screenSynopsis = `screen --shipments PATH [--shipments PATH ...] (--list [FORMAT=]FILE ... | --lists DIR) --out FILE [flags]

Screens every shipment's consignee and end user against the restricted-party
lists and writes the flagged rows (every row with --all) with all input
columns plus flagged, risk_score, priority, reasons and hits. PATH is a
Parquet file, a glob or a directory (hive partition folders included). The
output format follows the --out extension (.parquet, .jsonl, .csv) unless
--format says otherwise; it appears only when the run succeeds.`

// screenConfig is what runScreen and runDemo pass to screen.
type screenConfig struct {
	Shipments  []string
	Lists      []string // --list specs
	ListsDir   string
	Out        string
	Format     string
	Map        pipeline.ColumnMap
	Threshold  float64
	Matcher    string
	All        bool
	Quiet      bool
	Workers    int
	BatchSize  int
	FailOnFlag bool
	// MemoryBudgetMiB is the soft memory limit above the live heap once the
	// lists are indexed (internal/memlimit); 0 leaves Go's default.
	MemoryBudgetMiB int
	// NameCache bounds the run-wide cache of matched party names
	// (pipeline.PartyOptions.CacheEntries); 0 is the default.
	NameCache int

	// Rules and Decider plug in the destination/goods rules and the
	// decision policy; nil uses no rules and pipeline.DefaultDecider.
	Rules   pipeline.RuleChecker
	Decider pipeline.Decider
	// PolicyFile overlays a TOML policy on the embedded rule tables
	// (--policy); ThresholdSet says --threshold was given and wins over the
	// policy's party threshold.
	PolicyFile   string
	ThresholdSet bool

	// Review: report, manifest, dispositions, delta (screen_report.go).
	Review reviewFlags
}

// withDefaults fills the values the screen flags default to.
func (c screenConfig) withDefaults() screenConfig {
	if c.Threshold == 0 {
		c.Threshold = matchers.DefaultThreshold
	}
	if c.BatchSize == 0 {
		c.BatchSize = parquetio.DefaultBatchSize
	}
	return c
}

func runScreen(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "screen", screenSynopsis)
	var c screenConfig
	var shipments, listSpecs, maps multiFlag
	fs.Var(&shipments, "shipments", "Parquet `PATH`: a file, a glob or a directory (repeatable)")
	fs.Var(&listSpecs, "list", "restricted-party list `[FORMAT=]FILE`, format detected from content (repeatable)")
	fs.StringVar(&c.ListsDir, "lists", "", "`DIR` of list files: every recognised file below it is loaded")
	fs.StringVar(&c.Out, "out", "", "output `FILE` (.parquet, .jsonl or .csv)")
	fs.StringVar(&c.Format, "format", "", "output `format`: parquet, jsonl or csv (default from the --out extension, else parquet)")
	fs.Var(&maps, "map", "map canonical columns onto input columns: `canonical=COLUMN[,...]` (repeatable)")
	fs.Float64Var(&c.Threshold, "threshold", matchers.DefaultThreshold, "lowest name-match `score` (0–1) reported")
	fs.StringVar(&c.Matcher, "matcher", "", "name matcher `kind` (default "+matchers.Kinds[0].Name+")")
	fs.BoolVar(&c.All, "all", false, "write every row with its decision, not only flagged rows")
	fs.BoolVar(&c.Quiet, "quiet", false, "no progress bar and no summary")
	fs.BoolVar(&c.FailOnFlag, "fail-on-flag", false, "exit with status 3 when any row is flagged")
	fs.IntVar(&c.Workers, "workers", 0, "worker goroutines (default: all cores)")
	fs.IntVar(&c.BatchSize, "batch-size", parquetio.DefaultBatchSize, "rows per record batch")
	fs.IntVar(&c.MemoryBudgetMiB, "memory-budget", memlimit.DefaultBudget>>20, "soft memory limit in `MiB` above what the indexed lists hold, the collector runs only when the heap reaches it, and after its first collection the limit steps down 3%, so memory stays nearly flat in rows (peak RSS ≈ 97% of lists + this, plus ~35 MiB of program; see internal/memlimit); 0 for Go's default (GOMEMLIMIT, if set, wins)")
	fs.IntVar(&c.NameCache, "name-cache", pipeline.DefaultCacheEntries, "most distinct party `names` the run remembers the matches of (room for 262,144 from the first rows, growing to this as names arrive; 85 bytes each, inside --memory-budget); past it names are matched again when they recur: same output, slower, and the run says so")
	fs.StringVar(&c.PolicyFile, "policy", "", "TOML policy `FILE` overlaid on the embedded rules (see 'dualscreen rules show')")
	c.Review.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fs.Visit(func(f *flag.Flag) { c.ThresholdSet = c.ThresholdSet || f.Name == "threshold" })
	if fs.NArg() > 0 {
		return usagef("screen: unexpected argument %q", fs.Arg(0))
	}
	c.Shipments, c.Lists = shipments, listSpecs
	var err error
	if c.Map, err = pipeline.ParseColumnMap(maps); err != nil {
		return usagef("screen: %v", err)
	}
	_, err = screen(ctx, e, c)
	return err
}

// screen validates c, runs the pipeline and prints the summary.
func screen(ctx context.Context, e *env, c screenConfig) (*pipeline.Summary, error) {
	started := time.Now()
	switch {
	case len(c.Shipments) == 0:
		return nil, usagef("screen: --shipments is required")
	case len(c.Lists) == 0 && c.ListsDir == "":
		return nil, usagef("screen: give --list or --lists")
	case c.Out == "":
		return nil, usagef("screen: --out is required")
	case c.Threshold <= 0 || c.Threshold > 1:
		return nil, usagef("screen: --threshold %g is outside (0, 1]", c.Threshold)
	case c.BatchSize <= 0:
		return nil, usagef("screen: --batch-size must be positive")
	case c.NameCache < 0:
		return nil, usagef("screen: --name-cache must be positive")
	}
	format, err := outputFormat(c.Format, c.Out)
	if err != nil {
		return nil, err
	}
	if c, err = applyPolicy(c); err != nil {
		return nil, err
	}
	loaded, err := loadLists(ctx, c.Lists, c.ListsDir)
	if err != nil {
		return nil, err
	}
	if err := checkListsNotEmpty(loaded); err != nil {
		return nil, err
	}
	warnListProblems(e.stderr, loaded)
	review, err := beginReview(ctx, c, loaded, started)
	if err != nil {
		return nil, err
	}
	entries, dups := lists.Entries(loaded)
	if dups > 0 {
		fmt.Fprintf(e.stderr, "dualscreen: warning: %d list entries appear twice (same list and entry id, e.g. one list in two formats); each is matched once\n", dups)
	}
	m, err := matchers.New(c.Matcher, entries, matchers.Options{Threshold: c.Threshold})
	if err != nil {
		return nil, usagef("screen: %v", err)
	}
	// Small dictionaries stay dictionaries for the Parquet sink, which
	// writes them as the plain strings they stand for (the benchmark peer
	// does the same); the text sinks get plain strings.
	src, err := parquetio.Open(ctx, c.Shipments, parquetio.Options{Map: c.Map, PassThrough: true, BatchSize: c.BatchSize, ReadDictionaries: format == "parquet"})
	if err != nil {
		return nil, inputOrPlain(err)
	}
	sink, err := newSink(format, c.Out, src.Schema(), c.All)
	if err != nil {
		src.Close()
		return nil, inputOrPlain(namingFile(err, src.Files()))
	}
	party := pipeline.NewPartyStage(m, pipeline.PartyOptions{CacheEntries: c.NameCache})
	stages := []pipeline.Stage{party}
	if c.Rules != nil {
		stages = append(stages, pipeline.RuleStage{Checker: c.Rules})
	}
	stages, err = review.wrapStages(stages, func(es []*lists.Entry) (matchers.Matcher, error) {
		return matchers.New(c.Matcher, es, matchers.Options{Threshold: c.Threshold})
	})
	if err != nil {
		src.Close()
		sink.Abort()
		return nil, err
	}
	var bar *progressBar
	if e.stderrIsTerminal && !c.Quiet {
		bar = newProgressBar(e.stderr)
	}
	_, restoreMem := memlimit.Apply(int64(c.MemoryBudgetMiB) << 20)
	defer restoreMem()
	opts := pipeline.Options{Stages: stages, Decider: review.wrapDecider(c.Decider), Workers: c.Workers}
	if bar != nil {
		opts.Progress = bar
	}
	sum, err := pipeline.Run(ctx, review.wrapSource(src, opts.Progress), review.wrapSink(sink), opts)
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		return nil, inputOrPlain(err)
	}
	if err := review.finish(ctx, src.Files()); err != nil {
		return nil, err
	}
	warnDuplicates(e.stderr, sum)
	warnNoParties(e.stderr, sum)
	warnNameCache(e.stderr, party, c.NameCache)
	if !c.Quiet {
		lookups, distinct := party.CacheStats()
		writeSummary(e.stdout, summaryView{
			Summary: sum, Files: src.Files(), Lists: loaded, Out: c.Out, All: c.All,
			NameLookups: lookups, DistinctNames: distinct,
		})
	}
	if c.FailOnFlag && sum.Flagged > 0 {
		return sum, errFlagged
	}
	return sum, nil
}

// inputOrPlain marks pipeline input errors (and missing or unreadable input
// files) for exit status 2; everything else stays a failure (exit 1).
func inputOrPlain(err error) error {
	var ie *pipeline.InputError
	if errors.As(err, &ie) {
		return inputError(err)
	}
	return err
}

func outputFormat(format, out string) (string, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".jsonl", ".ndjson":
			format = "jsonl"
		case ".csv":
			format = "csv"
		default:
			format = "parquet"
		}
	}
	switch format {
	case "parquet", "jsonl", "csv":
		return format, nil
	}
	return "", usagef("screen: --format %q: want parquet, jsonl or csv", format)
}

func newSink(format, out string, input *arrow.Schema, all bool) (pipeline.Sink, error) {
	switch format {
	case "jsonl":
		return textio.NewJSONLSink(out, input, all)
	case "csv":
		return textio.NewCSVSink(out, input, all)
	}
	return parquetio.NewSink(out, input, parquetio.SinkOptions{All: all})
}

// loadLists loads --list specs and the --lists directory; any failure is an
// input error naming the file.
func loadLists(ctx context.Context, specs []string, dir string) ([]*lists.List, error) {
	var out []*lists.List
	for _, spec := range specs {
		l, err := lists.Load(ctx, spec)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, inputError(fmt.Errorf("--list %s: %w", spec, err))
		}
		out = append(out, l)
	}
	if dir != "" {
		ls, err := lists.LoadDir(ctx, dir)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, inputError(fmt.Errorf("--lists %s: %w", dir, err))
		}
		out = append(out, ls...)
	}
	return out, nil
}
