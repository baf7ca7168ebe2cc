package parquetio

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

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

	// viaArrow makes the sink write through arrowWriter whatever the
	// input, so that tests can compare the two writers' files.
	viaArrow bool
	// dictBytes and dictValues are directWriter's bounds on the bytes of
	// dictionary-encoded values in a row group and on the values of one
	// such column (defaults dictRowGroupBytes, dictMaxValues); tests lower
	// them.
	dictBytes, dictValues int64
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
	w      rowWriter
	sel    []int
	closed bool
}

// rowWriter writes the selected rows of batches as Parquet: directWriter,
// or arrowWriter when directWriter cannot write the input's columns.
type rowWriter interface {
	write(b *pipeline.Batch, sel []int) error
	// close writes the last row group and the footer.
	close() error
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
	if opts.dictBytes <= 0 {
		opts.dictBytes = dictRowGroupBytes
	}
	if opts.dictValues <= 0 {
		opts.dictValues = dictMaxValues
	}
	f, err := pipeline.CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	s := &Sink{opts: opts, input: input, schema: OutputSchema(input), file: f}
	s.buf = bufio.NewWriterSize(f, 1<<20)
	s.target = &switchWriter{s.buf}
	arrowProps := pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(opts.Mem))
	if opts.viaArrow {
		err = errNotFlat
	} else {
		props := writerProperties(opts, dictColumns(input))
		s.w, err = newDirectWriter(s.schema, s.input.NumFields(), s.target, props, arrowProps, opts.dictBytes, opts.dictValues)
	}
	if errors.Is(err, errNotFlat) {
		var fw *pqarrow.FileWriter
		fw, err = pqarrow.NewFileWriter(s.schema, s.target, writerProperties(opts, fixedSetColumns), arrowProps)
		s.w = &arrowWriter{fw: fw, schema: s.schema, mem: opts.Mem}
	}
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
	return s.w.write(b, s.sel)
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
		// A dictionary of the schema's type is the same column, read as a
		// dictionary (Options.ReadDictionaries); both writers write it as
		// the schema's type.
		if g := got.Field(i); g.Name != f.Name || !(arrow.TypeEqual(g.Type, f.Type) || dictOfType(g.Type, f.Type)) {
			return &pipeline.InputError{File: b.File, Column: g.Name, Err: fmt.Errorf("%w: %s %s, want %s %s", pipeline.ErrSchemaMismatch, g.Name, g.Type, f.Name, f.Type)}
		}
	}
	return nil
}

// Commit writes the footer and publishes the file.
func (s *Sink) Commit() error {
	s.closed = true
	if err := s.w.close(); err != nil {
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
		s.w.close() // frees the buffered row group; its output goes nowhere
	}
	return s.file.Abort()
}

// writerProperties are the Parquet settings of the flagged-rows file, with
// dictionary encoding for the columns dict and no other.
func writerProperties(opts SinkOptions, dict []string) *parquet.WriterProperties {
	props := []parquet.WriterProperty{
		parquet.WithCompression(compress.Codecs.Zstd),
		// zstd level 1 (klauspost's SpeedFastest): flagged rows are written
		// once and read by a reviewer; on the 10M-row benchmark batch the
		// default level spent 6.7 of 83 CPU-s compressing pages.
		parquet.WithCompressionLevel(zstdLevel),
		parquet.WithDictionaryDefault(false),
		parquet.WithMaxRowGroupLength(opts.RowGroupRows),
		parquet.WithAllocator(opts.Mem),
		parquet.WithCreatedBy("dualscreen"),
	}
	for _, path := range dict {
		props = append(props, parquet.WithDictionaryFor(path, true))
	}
	return parquet.NewWriterProperties(props...)
}

// fixedSetColumns are the columns arrowWriter dictionary-encodes: the output
// fields whose values come from a fixed set (priority, reasons, and each
// hit's reason, role, list, entry type and legal basis). Their dictionaries
// hold a few dozen strings and never outgrow a page, and writing an index
// instead of a repeated legal citation saves the encoder and zstd most of
// their work on those columns. Any other column could outgrow
// DictionaryPageSizeLimit, and then arrow v17 falls back to PLAIN and
// writes the chunk's page-encoding statistics from a Go map, in random
// order, so the same rows would give different bytes (directWriter
// dictionary-encodes without that trap: dictLeaf).
var fixedSetColumns = []string{
	pipeline.OutPriority,
	pipeline.OutReasons + ".list.element",
	pipeline.OutHits + ".list.element.reason",
	pipeline.OutHits + ".list.element.role",
	pipeline.OutHits + ".list.element.list",
	pipeline.OutHits + ".list.element.entry_type",
	pipeline.OutHits + ".list.element.legal_basis",
}
