package screenjob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"sort"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

func init() {
	beam.RegisterType(reflect.TypeFor[parquetio.RowGroup]())
	register.DoFn3x1[context.Context, parquetio.RowGroup, func(int, []byte), error](&screenFn{})
	register.Emitter2[int, []byte]()
	register.DoFn4x1[context.Context, int, func(*[]byte) bool, func(string), error](&writeShardFn{})
	register.Iter1[[]byte]()
	register.Emitter1[string]()
	register.Function2x0(emptyShard)
}

// MetricsNamespace is the namespace of every counter the job reports.
const MetricsNamespace = "dualscreen"

// Counter names. The per-reason, per-priority and per-list counters are
// these prefixes followed by the reason code, priority or list id, and count
// flagged rows as pipeline.Summary does.
const (
	CounterRows      = "rows"
	CounterFlagged   = "flagged"
	CounterRowGroups = "row_groups"
	CounterShards    = "shards_written"
	PrefixReason     = "reason/"
	PrefixPriority   = "priority/"
	PrefixList       = "list/"
)

// screenFn screens one row group and emits its selected rows keyed by
// output shard.
type screenFn struct {
	Cfg       Config
	RowGroups int64 // row groups in the whole input, to map a row group to its shard

	s   *screener
	sel []int
}

// Setup builds (or takes from the process cache) the list index.
func (f *screenFn) Setup(ctx context.Context) error {
	s, err := loadScreener(ctx, f.Cfg)
	if err != nil {
		return err
	}
	f.s = s
	return nil
}

// shardOf maps row groups to shards in contiguous ranges, so that the
// shards in name order hold the rows in input order.
func shardOf(seq, rowGroups int64, shards int) int {
	return int(seq * int64(shards) / rowGroups)
}

func (f *screenFn) ProcessElement(ctx context.Context, g parquetio.RowGroup, emit func(int, []byte)) error {
	src, err := parquetio.OpenRowGroup(ctx, g, f.Cfg.sourceOptions())
	if err != nil {
		return err
	}
	defer src.Close()
	shard := shardOf(g.Seq, f.RowGroups, f.Cfg.Shards)
	for n := 0; ; n++ {
		b, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		err = f.screen(ctx, g, n, b, shard, emit)
		b.Release()
		if err != nil {
			return err
		}
	}
	beam.NewCounter(MetricsNamespace, CounterRowGroups).Inc(ctx, 1)
	return nil
}

func (f *screenFn) screen(ctx context.Context, g parquetio.RowGroup, n int, b *pipeline.Batch, shard int, emit func(int, []byte)) error {
	if err := pipeline.Screen(ctx, b, f.s.stages, f.s.decider); err != nil {
		return err
	}
	count(ctx, b)
	f.sel = b.Selected(f.sel[:0], f.Cfg.All)
	if len(f.sel) == 0 {
		return nil
	}
	data, err := newPart(memory.DefaultAllocator, g.Seq, n, b, f.sel)
	if err != nil {
		return err
	}
	emit(shard, data)
	return nil
}

// count adds b to the job's counters, with the same rules as the summary
// `dualscreen screen` prints.
func count(ctx context.Context, b *pipeline.Batch) {
	sum := pipeline.NewSummary()
	sum.Add(b)
	inc := func(name string, v int64) {
		if v != 0 {
			beam.NewCounter(MetricsNamespace, name).Inc(ctx, v)
		}
	}
	inc(CounterRows, sum.Rows)
	inc(CounterFlagged, sum.Flagged)
	for k, v := range sum.ByReason {
		inc(PrefixReason+string(k), v)
	}
	for k, v := range sum.ByPriority {
		inc(PrefixPriority+string(k), v)
	}
	for k, v := range sum.ByList {
		inc(PrefixList+k, v)
	}
}

// emptyShard gives every shard a group, so each output file exists (a
// valid Parquet file with the output schema) even when nothing was flagged
// in its range.
func emptyShard(shard int, emit func(int, []byte)) { emit(shard, nil) }

// writeShardFn writes one shard's rows, in input order, with the
// single-machine Parquet sink.
type writeShardFn struct {
	Out    string
	Shards int
	Schema []byte // Arrow IPC schema of the input columns
}

// ShardName is the file name of shard i of n.
func ShardName(i, n int) string { return fmt.Sprintf("part-%05d-of-%05d.parquet", i, n) }

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, values func(*[]byte) bool, emit func(string)) error {
	schema, err := decodeSchema(f.Schema)
	if err != nil {
		return err
	}
	var parts []*part
	var data []byte
	for values(&data) {
		if len(data) == 0 {
			continue // the marker from emptyShard
		}
		p, err := decodePart(data)
		if err != nil {
			return err
		}
		parts = append(parts, p)
	}
	// A runner may deliver a group's values in any order.
	sort.Slice(parts, func(i, j int) bool {
		if parts[i].RowGroup != parts[j].RowGroup {
			return parts[i].RowGroup < parts[j].RowGroup
		}
		return parts[i].Batch < parts[j].Batch
	})
	path := filepath.Join(f.Out, ShardName(shard, f.Shards))
	// Every row of a part was selected by the screening worker.
	sink, err := parquetio.NewSink(path, schema, parquetio.SinkOptions{All: true})
	if err != nil {
		return err
	}
	for _, p := range parts {
		if err := writePart(ctx, sink, p); err != nil {
			sink.Abort()
			return err
		}
	}
	if err := sink.Commit(); err != nil {
		return err
	}
	beam.NewCounter(MetricsNamespace, CounterShards).Inc(ctx, 1)
	emit(path)
	return nil
}

func writePart(ctx context.Context, sink pipeline.Sink, p *part) error {
	bs, err := p.batches(memory.DefaultAllocator)
	if err != nil {
		return err
	}
	defer func() {
		for _, b := range bs {
			b.Release()
		}
	}()
	for _, b := range bs {
		if err := sink.Write(ctx, b); err != nil {
			return err
		}
	}
	return nil
}
