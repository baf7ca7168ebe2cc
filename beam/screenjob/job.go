package screenjob

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

// Plan is what the launcher learns before submitting the job: the input
// files and their row groups (from the footers, every one checked as
// `dualscreen screen` checks them) and the lists.
type Plan struct {
	Config    Config
	Files     []string
	RowGroups []parquetio.RowGroup
	Rows      int64
	Lists     []*lists.List
	schema    []byte
}

// Prepare validates c, checks every input footer and loads the lists, so
// that bad input fails on the launching machine with the file and column
// named, before any cluster time is spent. Errors about the input are
// *pipeline.InputError.
func Prepare(ctx context.Context, c Config) (*Plan, error) {
	c = c.withDefaults()
	if err := c.validate(); err != nil {
		return nil, err
	}
	src, err := parquetio.Open(ctx, c.Shipments, c.sourceOptions())
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if err := pipeline.CheckOutputNames(src.Schema()); err != nil {
		return nil, err
	}
	groups, err := parquetio.RowGroupsOf(src)
	if err != nil {
		return nil, err
	}
	schema, err := encodeSchema(src.Schema())
	if err != nil {
		return nil, err
	}
	if err := checkOut(c.Out); err != nil {
		return nil, err
	}
	s, err := loadScreener(ctx, c)
	if err != nil {
		return nil, err
	}
	return &Plan{Config: c, Files: src.Files(), RowGroups: groups, Rows: src.TotalRows(), Lists: s.lists, schema: schema}, nil
}

// checkOut makes the output directory and refuses one that already holds
// shards: a run with another shard count would leave a mix of both runs.
func checkOut(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "part-*-of-*.parquet"))
	if err != nil {
		return err
	}
	if len(old) > 0 {
		return fmt.Errorf("--out %s already holds %d shard files (%s): remove them or choose another directory", dir, len(old), filepath.Base(old[0]))
	}
	return nil
}

// Build adds the screening job to s. It returns the paths of the written
// shards as a PCollection of strings.
func Build(s beam.Scope, p *Plan) beam.PCollection {
	c := p.Config
	s = s.Scope("dualscreen")
	groups := beam.CreateList(s.Scope("RowGroups"), p.RowGroups)
	// Without the reshuffle a runner fuses the list of row groups with the
	// screening into one bundle on one worker.
	spread := beam.Reshuffle(s.Scope("Spread"), groups)
	flagged := beam.ParDo(s.Scope("Screen"), &screenFn{Cfg: c, RowGroups: int64(max(len(p.RowGroups), 1))}, spread)
	shardIDs := make([]int, c.Shards)
	for i := range shardIDs {
		shardIDs[i] = i
	}
	markers := beam.ParDo(s.Scope("EveryShard"), emptyShard, beam.CreateList(s.Scope("ShardIDs"), shardIDs))
	grouped := beam.GroupByKey(s.Scope("ByShard"), beam.Flatten(s.Scope("Merge"), flagged, markers))
	return beam.ParDo(s.Scope("Write"), &writeShardFn{Out: c.Out, Shards: c.Shards, Schema: p.schema}, grouped)
}

// Result is what a finished run reports.
type Result struct {
	JobID    string
	Counters map[string]int64 // MetricsNamespace counters, summed over steps
	Shards   []string         // the output files, in name (= input) order
	Elapsed  time.Duration
}

// Run builds the job for p and runs it on runner ("prism", "universal",
// "flink", "spark", "dataflow"; the runner package must be imported), then
// collects the counters.
func Run(ctx context.Context, runner string, p *Plan) (*Result, error) {
	start := time.Now()
	bp, s := beam.NewPipelineWithRoot()
	Build(s, p)
	res, err := beam.Run(ctx, runner, bp)
	if err != nil {
		return nil, err
	}
	out := &Result{Counters: map[string]int64{}, Elapsed: time.Since(start)}
	if res != nil {
		out.JobID = res.JobID()
		for _, c := range res.Metrics().AllMetrics().Counters() {
			if c.Namespace() == MetricsNamespace {
				out.Counters[c.Name()] += c.Result()
			}
		}
	}
	for i := range p.Config.Shards {
		out.Shards = append(out.Shards, filepath.Join(p.Config.Out, ShardName(i, p.Config.Shards)))
	}
	return out, nil
}

// Summary turns the counters back into the single-machine summary, so that
// the command prints the same table as `dualscreen screen`.
func (r *Result) Summary() *pipeline.Summary {
	sum := pipeline.NewSummary()
	sum.Rows = r.Counters[CounterRows]
	sum.Flagged = r.Counters[CounterFlagged]
	keys := make([]string, 0, len(r.Counters))
	for k := range r.Counters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := r.Counters[k]
		switch {
		case strings.HasPrefix(k, PrefixReason):
			sum.ByReason[evidence.Reason(strings.TrimPrefix(k, PrefixReason))] = v
		case strings.HasPrefix(k, PrefixPriority):
			sum.ByPriority[evidence.Priority(strings.TrimPrefix(k, PrefixPriority))] = v
		case strings.HasPrefix(k, PrefixList):
			sum.ByList[strings.TrimPrefix(k, PrefixList)] = v
		}
	}
	sum.Elapsed = r.Elapsed
	return sum
}
