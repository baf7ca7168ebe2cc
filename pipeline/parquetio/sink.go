package parquetio

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// HitType is the Arrow type of one hit: a struct with exactly the fields of
// contract.md, all strings except score.
var HitType = func() *arrow.StructType {
	fields := make([]arrow.Field, len(pipeline.HitFields))
	for i, name := range pipeline.HitFields {
		fields[i] = arrow.Field{Name: name, Type: arrow.BinaryTypes.String}
		if name == "score" {
			fields[i].Type = arrow.PrimitiveTypes.Float64
		}
	}
	return arrow.StructOf(fields...)
}()

// OutputSchema is input's fields followed by the decision fields.
func OutputSchema(input *arrow.Schema) *arrow.Schema {
	fields := append([]arrow.Field(nil), input.Fields()...)
	fields = append(fields,
		arrow.Field{Name: pipeline.OutFlagged, Type: arrow.FixedWidthTypes.Boolean},
		arrow.Field{Name: pipeline.OutRiskScore, Type: arrow.PrimitiveTypes.Float64},
		arrow.Field{Name: pipeline.OutPriority, Type: arrow.BinaryTypes.String},
		arrow.Field{Name: pipeline.OutReasons, Type: arrow.ListOf(arrow.BinaryTypes.String)},
		arrow.Field{Name: pipeline.OutHits, Type: arrow.ListOf(HitType)},
	)
	return arrow.NewSchema(fields, nil)
}

// SinkOptions configure a Parquet sink.
type SinkOptions struct {
	// All writes every row, not only flagged ones (--all). Default false.
	All bool
	// RowGroupRows is the rows per row group. Default 65536: row groups are
	// buffered in memory until full, so this bounds the sink's memory.
	RowGroupRows int64
	// Mem allocates Arrow memory. Default memory.DefaultAllocator.
	Mem memory.Allocator
}

// zstdLevel is the compression level of the flagged-rows file.
const zstdLevel = 1

// Sink writes screened rows to a zstd-compressed Parquet file: every input
// column, then flagged, risk_score, priority, reasons (list<string>) and hits
// (list<struct>).
type Sink struct {
	opts   SinkOptions
	input  *arrow.Schema
	schema *arrow.Schema
	file   *pipeline.AtomicFile
	buf    *bufio.Writer
	target *switchWriter
	fw     *pqarrow.FileWriter
	sel    []int
	closed bool
}

// switchWriter lets Abort point the Parquet writer at io.Discard, so that
// closing it (which frees its buffers) writes nothing to the file being
// removed. It also hides Close from the writer, which would otherwise close
// the file before the atomic commit.
type switchWriter struct{ w io.Writer }

func (s *switchWriter) Write(p []byte) (int, error) { return s.w.Write(p) }

// NewSink starts writing path (atomically) for rows of the input schema.
func NewSink(path string, input *arrow.Schema, opts SinkOptions) (*Sink, error) {
	if err := pipeline.CheckOutputNames(input); err != nil {
		return nil, err
	}
	if opts.RowGroupRows <= 0 {
		opts.RowGroupRows = 65536
	}
	if opts.Mem == nil {
		opts.Mem = memory.DefaultAllocator
	}
	f, err := pipeline.CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	s := &Sink{opts: opts, input: input, schema: OutputSchema(input), file: f}
	s.buf = bufio.NewWriterSize(f, 1<<20)
	s.target = &switchWriter{s.buf}
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		// zstd level 1 (klauspost's SpeedFastest): flagged rows are written
		// once and read by a reviewer; on the 10M-row benchmark batch the
		// default level spent 6.7 of 83 CPU-s compressing pages.
		parquet.WithCompressionLevel(zstdLevel),
		// No dictionary encoding: when a dictionary outgrows its page limit
		// (or an input dictionary changes between batches) arrow v17 falls
		// back to PLAIN and writes the page encoding stats from a Go map, in
		// random order, so the same rows would give different bytes. zstd
		// recovers most of what the dictionary would have saved.
		parquet.WithDictionaryDefault(false),
		// Except for the output fields whose values come from a fixed set
		// (priority, reasons, and each hit's reason, role, list, entry type
		// and legal basis): their dictionaries hold a few dozen strings and
		// never outgrow a page, and writing an index instead of a repeated
		// legal citation saves the encoder and zstd most of their work on
		// those columns.
		parquet.WithDictionaryFor(pipeline.OutPriority, true),
		parquet.WithDictionaryFor(pipeline.OutReasons+".list.element", true),
		parquet.WithDictionaryFor(pipeline.OutHits+".list.element.reason", true),
		parquet.WithDictionaryFor(pipeline.OutHits+".list.element.role", true),
		parquet.WithDictionaryFor(pipeline.OutHits+".list.element.list", true),
		parquet.WithDictionaryFor(pipeline.OutHits+".list.element.entry_type", true),
		parquet.WithDictionaryFor(pipeline.OutHits+".list.element.legal_basis", true),
		parquet.WithMaxRowGroupLength(opts.RowGroupRows),
		parquet.WithAllocator(opts.Mem),
		parquet.WithCreatedBy("dualscreen"),
	)
	s.fw, err = pqarrow.NewFileWriter(s.schema, s.target, props,
		pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(opts.Mem)))
	if err != nil {
		f.Abort()
		return nil, err
	}
	return s, nil
}

// Write implements pipeline.Sink.
func (s *Sink) Write(ctx context.Context, b *pipeline.Batch) error {
	if err := checkBatch(s.input, b); err != nil {
		return err
	}
	s.sel = b.Selected(s.sel[:0], s.opts.All)
	if len(s.sel) == 0 {
		return nil
	}
	cols := make([]arrow.Array, 0, s.schema.NumFields())
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	for c := 0; c < int(b.Rec.NumCols()); c++ {
		a, err := take(s.opts.Mem, b.Rec.Column(c), s.sel)
		if err != nil {
			return err
		}
		cols = append(cols, a)
	}
	cols = append(cols, s.decisionColumns(b)...)
	rec := array.NewRecord(s.schema, cols, int64(len(s.sel)))
	defer rec.Release()
	return s.fw.WriteBuffered(rec)
}

// checkBatch guards against batches whose columns differ from the schema the
// sink was made for (the Source checks files up front; this keeps a sink
// honest with any Source).
func checkBatch(input *arrow.Schema, b *pipeline.Batch) error {
	got := b.Rec.Schema()
	if got.NumFields() != input.NumFields() {
		return &pipeline.InputError{File: b.File, Err: fmt.Errorf("%w: %d columns, want %d", pipeline.ErrSchemaMismatch, got.NumFields(), input.NumFields())}
	}
	for i, f := range input.Fields() {
		if g := got.Field(i); g.Name != f.Name || !arrow.TypeEqual(g.Type, f.Type) {
			return &pipeline.InputError{File: b.File, Column: g.Name, Err: fmt.Errorf("%w: %s %s, want %s %s", pipeline.ErrSchemaMismatch, g.Name, g.Type, f.Name, f.Type)}
		}
	}
	return nil
}

// take returns the rows sel of arr: arr itself when every row is selected,
// a zero-copy slice for one run of consecutive rows, a copy of the rows
// (gather) for the common column types, and otherwise a concatenation of
// the runs' slices (dictionaries are unified).
func take(mem memory.Allocator, arr arrow.Array, sel []int) (arrow.Array, error) {
	if len(sel) == arr.Len() {
		arr.Retain()
		return arr, nil
	}
	if len(sel) > 0 && sel[len(sel)-1]-sel[0] == len(sel)-1 {
		return array.NewSlice(arr, int64(sel[0]), int64(sel[len(sel)-1]+1)), nil
	}
	if a, ok := gather(mem, arr, sel); ok {
		return a, nil
	}
	var parts []arrow.Array
	defer func() {
		for _, p := range parts {
			p.Release()
		}
	}()
	for i := 0; i < len(sel); {
		j := i + 1
		for j < len(sel) && sel[j] == sel[j-1]+1 {
			j++
		}
		parts = append(parts, array.NewSlice(arr, int64(sel[i]), int64(sel[j-1]+1)))
		i = j
	}
	if len(parts) == 1 {
		parts[0].Retain()
		return parts[0], nil
	}
	return array.Concatenate(parts, mem)
}

func (s *Sink) decisionColumns(b *pipeline.Batch) []arrow.Array {
	mem := s.opts.Mem
	flagged := array.NewBooleanBuilder(mem)
	risk := array.NewFloat64Builder(mem)
	prio := array.NewStringBuilder(mem)
	reasons := array.NewListBuilder(mem, arrow.BinaryTypes.String)
	hits := array.NewListBuilder(mem, HitType)
	defer func() {
		flagged.Release()
		risk.Release()
		prio.Release()
		reasons.Release()
		hits.Release()
	}()
	reasonVals := reasons.ValueBuilder().(*array.StringBuilder)
	hit := hits.ValueBuilder().(*array.StructBuilder)
	hitStr := make([]*array.StringBuilder, len(pipeline.HitFields))
	var hitScore *array.Float64Builder
	for i, name := range pipeline.HitFields {
		if name == "score" {
			hitScore = hit.FieldBuilder(i).(*array.Float64Builder)
		} else {
			hitStr[i] = hit.FieldBuilder(i).(*array.StringBuilder)
		}
	}
	// Size every builder up front: appending into growing buffers copied
	// each one several times (the hits' explanations and legal bases are
	// most of the output's bytes).
	var nHits, nReasons, reasonBytes, prioBytes int
	var hitBytes [12]int
	for _, r := range s.sel {
		d := &b.Decisions[r]
		prioBytes += len(d.Priority)
		nReasons += len(d.Reasons)
		for _, x := range d.Reasons {
			reasonBytes += len(x)
		}
		nHits += len(b.Hits[r])
		for i := range b.Hits[r] {
			for f, v := range hitValues(&b.Hits[r][i]) {
				hitBytes[f] += len(v)
			}
		}
	}
	n := len(s.sel)
	flagged.Reserve(n)
	risk.Reserve(n)
	prio.Reserve(n)
	prio.ReserveData(prioBytes)
	reasons.Reserve(n)
	reasonVals.Reserve(nReasons)
	reasonVals.ReserveData(reasonBytes)
	hits.Reserve(n)
	hit.Reserve(nHits)
	hitScore.Reserve(nHits)
	for i, sb := range hitStr {
		if sb != nil {
			sb.Reserve(nHits)
			sb.ReserveData(hitBytes[i])
		}
	}
	for _, r := range s.sel {
		d := b.Decisions[r]
		flagged.Append(d.Flagged)
		risk.Append(d.RiskScore)
		prio.Append(string(d.Priority))
		reasons.Append(true)
		for _, x := range d.Reasons {
			reasonVals.Append(string(x))
		}
		hits.Append(true)
		for _, h := range b.Hits[r] {
			hit.Append(true)
			for i, v := range hitValues(&h) {
				if hitStr[i] != nil {
					hitStr[i].Append(v)
				}
			}
			hitScore.Append(h.Score)
		}
	}
	return []arrow.Array{flagged.NewArray(), risk.NewArray(), prio.NewArray(), reasons.NewArray(), hits.NewArray()}
}

// hitValues returns the string fields of h in HitFields order ("" at score).
func hitValues(h *evidence.Hit) [12]string {
	return [12]string{string(h.Reason), string(h.Role), h.List, h.EntryID, h.EntryName, h.EntryType,
		h.MatchedName, h.QueryName, "", h.Programs, h.LegalBasis, h.Explanation}
}

// Commit writes the footer and publishes the file.
func (s *Sink) Commit() error {
	s.closed = true
	if err := s.fw.Close(); err != nil {
		s.file.Abort()
		return err
	}
	if err := s.buf.Flush(); err != nil {
		s.file.Abort()
		return err
	}
	return s.file.Commit()
}

// Abort removes the temporary file; safe after Commit.
func (s *Sink) Abort() error {
	if !s.closed {
		s.closed = true
		s.target.w = io.Discard
		s.fw.Close() // frees the buffered row group; its output goes nowhere
	}
	return s.file.Abort()
}
