package parquetio

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"unsafe"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/flight"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/metadata"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	"github.com/apache/arrow/go/v17/parquet/schema"

	"github.com/dualscreen/dualscreen/pipeline"
)

// errNotFlat: directWriter cannot write this schema (an input column is
// nested, or arrow laid out a decision field in an unexpected way).
var errNotFlat = errors.New("parquetio: schema is not one leaf per input column")

// directWriter writes the flagged-rows file through arrow's Parquet column
// writers, without building Arrow arrays first. The values of string input
// columns and of the decision fields are handed to the column writers as
// views of the bytes they already sit in (the input record's buffers, the
// Go strings of the decisions), and the definition and repetition levels
// of reasons and hits are written out from the decisions directly.
//
// Why: on the 10M-row benchmark batch the sink was the largest single cost
// of a screen (23.5 of 84 CPU-s), and a third of it was not encoding at
// all: copying the flagged rows of each input column into new arrays,
// appending every decision and hit field to Arrow builders, and pqarrow
// working the levels of each of the 13 leaves of reasons and hits out of
// those arrays again, with a new slice of value headers per leaf per batch.
// The column writers, page encoding, statistics and compression are
// arrow's, with the same properties, so the file is the same as
// arrowWriter's (TestDirectWriterSameBytesAsArrow).
//
// It needs every input column to be one leaf (strings, numbers, dates,
// dictionaries: anything but lists, structs and maps); input columns that
// are not strings go through pqarrow.WriteArrowToColumn.
type directWriter struct {
	pw       *file.Writer
	rgw      file.BufferedRowGroupWriter // nil before the first row
	rgRows   int64
	maxRows  int64
	input    *arrow.Schema
	nIn      int // input columns; the decision leaves follow
	ctx      context.Context
	mem      memory.Allocator
	nullable []bool // per input column: its Parquet column is optional

	// Scratch, reused from batch to batch.
	values [][]parquet.ByteArray // per hit string field, and [0] for the others
	def    []int16
	rep    []int16
	floats []float64
	bools  []bool
}

// Leaves after the input columns, in schema order.
const (
	leafFlagged = iota
	leafRisk
	leafPriority
	leafReasons
	leafHits // the first of len(pipeline.HitFields)
)

// hitScore is the index of score in pipeline.HitFields.
const hitScore = 8

func newDirectWriter(sc *arrow.Schema, nIn int, w io.Writer, props *parquet.WriterProperties, arrowProps pqarrow.ArrowWriterProperties) (*directWriter, error) {
	pqschema, err := pqarrow.ToParquet(sc, props, arrowProps)
	if err != nil {
		return nil, err
	}
	d := &directWriter{input: sc, nIn: nIn, mem: props.Allocator(), maxRows: props.MaxRowGroupLength(), nullable: make([]bool, nIn)}
	if err := d.checkLayout(pqschema); err != nil {
		return nil, err
	}
	// The file's key-value metadata as pqarrow.NewFileWriter writes it:
	// the schema's own metadata, then the Arrow schema (WithStoreSchema),
	// so that Arrow readers get back the exact Arrow types.
	meta := make(metadata.KeyValueMetadata, 0)
	for i, k := range sc.Metadata().Keys() {
		meta.Append(k, sc.Metadata().Values()[i])
	}
	meta.Append("ARROW:schema", base64.StdEncoding.EncodeToString(flight.SerializeSchema(sc, d.mem)))
	d.pw = file.NewParquetWriter(w, pqschema.Root(), file.WithWriterProps(props), file.WithWriteMetadata(meta))
	d.ctx = pqarrow.NewArrowWriteContext(context.Background(), &arrowProps)
	d.values = make([][]parquet.ByteArray, len(pipeline.HitFields))
	return d, nil
}

// checkLayout confirms that each input column is one leaf at the top level
// and that the decision fields have the leaves and levels write assumes.
func (d *directWriter) checkLayout(pq *schema.Schema) error {
	want := len(pipeline.HitFields) + leafHits + d.nIn
	if pq.NumColumns() != want {
		return errNotFlat
	}
	for i := range d.nIn {
		f := d.input.Field(i)
		c := pq.Column(i)
		if path := c.ColumnPath(); len(path) != 1 || path[0] != f.Name || c.MaxRepetitionLevel() != 0 {
			return errNotFlat
		}
		switch c.MaxDefinitionLevel() {
		case 0:
		case 1:
			d.nullable[i] = true
		default:
			return errNotFlat
		}
	}
	leaf := func(i int, path string, def, rep int16) bool {
		c := pq.Column(d.nIn + i)
		return c.ColumnPath().String() == path && c.MaxDefinitionLevel() == def && c.MaxRepetitionLevel() == rep
	}
	ok := leaf(leafFlagged, pipeline.OutFlagged, 0, 0) && leaf(leafRisk, pipeline.OutRiskScore, 0, 0) &&
		leaf(leafPriority, pipeline.OutPriority, 0, 0) && leaf(leafReasons, pipeline.OutReasons+".list.element", 2, 1)
	for i, name := range pipeline.HitFields {
		ok = ok && leaf(leafHits+i, pipeline.OutHits+".list.element."+name, 2, 1)
	}
	if !ok {
		return errNotFlat
	}
	return nil
}

func (d *directWriter) write(b *pipeline.Batch, sel []int) error {
	for len(sel) > 0 {
		if d.rgw == nil || d.rgRows == d.maxRows {
			if err := d.newRowGroup(); err != nil {
				return err
			}
		}
		n := min(int64(len(sel)), d.maxRows-d.rgRows)
		if err := d.writeRows(b, sel[:n]); err != nil {
			return err
		}
		d.rgRows += n
		sel = sel[n:]
	}
	return nil
}

// newRowGroup closes the row group being written (encoding and compressing
// its buffered pages) and starts the next.
func (d *directWriter) newRowGroup() error {
	if d.rgw != nil {
		if err := d.rgw.Close(); err != nil {
			return err
		}
	}
	d.rgw = d.pw.AppendBufferedRowGroup()
	d.rgRows = 0
	return nil
}

func (d *directWriter) close() error {
	if d.rgw != nil {
		if err := d.rgw.Close(); err != nil {
			return err
		}
		d.rgw = nil
	}
	return d.pw.Close()
}

// writeRows writes the rows sel of b, all in the current row group.
func (d *directWriter) writeRows(b *pipeline.Batch, sel []int) error {
	for c := range d.nIn {
		if err := d.writeInput(c, b.Rec.Column(c), sel); err != nil {
			return fmt.Errorf("writing column %s: %w", d.input.Field(c).Name, err)
		}
	}
	if err := d.writeDecisions(b, sel); err != nil {
		return fmt.Errorf("writing the decision columns: %w", err)
	}
	return nil
}

// column returns the column writer of leaf i of the current row group.
func (d *directWriter) column(i int) (file.ColumnChunkWriter, error) {
	return d.rgw.Column(i)
}

// writeInput writes the rows sel of input column c: strings and binary as
// views of the record's buffers, anything else through pqarrow.
func (d *directWriter) writeInput(c int, arr arrow.Array, sel []int) error {
	cw, err := d.column(c)
	if err != nil {
		return err
	}
	nullable := d.nullable[c]
	if nullable || arr.NullN() == 0 {
		switch a := arr.(type) {
		case *array.String:
			return d.writeViews(cw, a, sel, nullable, func(i int) parquet.ByteArray { return bytesOf(a.Value(i)) })
		case *array.LargeString:
			return d.writeViews(cw, a, sel, nullable, func(i int) parquet.ByteArray { return bytesOf(a.Value(i)) })
		case *array.Binary:
			return d.writeViews(cw, a, sel, nullable, func(i int) parquet.ByteArray { return nonNil(a.Value(i)) })
		case *array.LargeBinary:
			return d.writeViews(cw, a, sel, nullable, func(i int) parquet.ByteArray { return nonNil(a.Value(i)) })
		}
	}
	part, err := take(d.mem, arr, sel)
	if err != nil {
		return err
	}
	defer part.Release()
	var def []int16
	if nullable {
		def = d.def[:0]
		for i := range part.Len() {
			def = append(def, int16(boolInt(part.IsValid(i))))
		}
		d.def = def
	}
	return pqarrow.WriteArrowToColumn(d.ctx, cw, part, def, nil, nullable)
}

// writeViews writes the values sel of a byte-array column, value(i) being
// a view of row i's bytes.
func (d *directWriter) writeViews(cw file.ColumnChunkWriter, a arrow.Array, sel []int, nullable bool, value func(int) parquet.ByteArray) error {
	vals, def := d.values[0][:0], d.def[:0]
	for _, r := range sel {
		if nullable {
			if a.IsNull(r) {
				def = append(def, 0)
				continue
			}
			def = append(def, 1)
		}
		vals = append(vals, value(r))
	}
	d.values[0], d.def = vals, def
	if !nullable {
		def = nil
	}
	_, err := cw.(*file.ByteArrayColumnChunkWriter).WriteBatch(vals, def, nil)
	return err
}

// writeDecisions writes flagged, risk_score, priority, reasons and hits of
// the rows sel. reasons and hits are lists of non-null elements in required
// fields: a row with none has one level (definition 0), a row with k has k
// (definition 2, repetition 0 for the first and 1 for the rest).
func (d *directWriter) writeDecisions(b *pipeline.Batch, sel []int) error {
	base := d.nIn
	bools := d.bools[:0]
	floats := d.floats[:0]
	prio := d.values[0][:0]
	for _, r := range sel {
		dec := &b.Decisions[r]
		bools = append(bools, dec.Flagged)
		floats = append(floats, dec.RiskScore)
		prio = append(prio, bytesOf(string(dec.Priority)))
	}
	d.bools, d.floats, d.values[0] = bools, floats, prio
	if err := writeLeaf(d, base+leafFlagged, func(cw *file.BooleanColumnChunkWriter) (int64, error) { return cw.WriteBatch(bools, nil, nil) }); err != nil {
		return err
	}
	if err := writeLeaf(d, base+leafRisk, func(cw *file.Float64ColumnChunkWriter) (int64, error) { return cw.WriteBatch(floats, nil, nil) }); err != nil {
		return err
	}
	if err := d.writeBytes(base+leafPriority, prio, nil, nil); err != nil {
		return err
	}

	// reasons
	vals, def, rep := d.values[0][:0], d.def[:0], d.rep[:0]
	for _, r := range sel {
		reasons := b.Decisions[r].Reasons
		if len(reasons) == 0 {
			def, rep = append(def, 0), append(rep, 0)
			continue
		}
		for i, x := range reasons {
			def, rep = append(def, 2), append(rep, int16(min(i, 1)))
			vals = append(vals, bytesOf(string(x)))
		}
	}
	d.values[0], d.def, d.rep = vals, def, rep
	if err := d.writeBytes(base+leafReasons, vals, def, rep); err != nil {
		return err
	}

	// hits: one set of levels for all twelve leaves
	def, rep = d.def[:0], d.rep[:0]
	floats = d.floats[:0]
	for f := range d.values {
		d.values[f] = d.values[f][:0]
	}
	for _, r := range sel {
		hits := b.Hits[r]
		if len(hits) == 0 {
			def, rep = append(def, 0), append(rep, 0)
			continue
		}
		for i := range hits {
			h := &hits[i]
			def, rep = append(def, 2), append(rep, int16(min(i, 1)))
			for f, v := range hitValues(h) {
				if f != hitScore {
					d.values[f] = append(d.values[f], bytesOf(v))
				}
			}
			floats = append(floats, h.Score)
		}
	}
	d.def, d.rep, d.floats = def, rep, floats
	for f := range pipeline.HitFields {
		var err error
		if f == hitScore {
			err = writeLeaf(d, base+leafHits+f, func(cw *file.Float64ColumnChunkWriter) (int64, error) { return cw.WriteBatch(floats, def, rep) })
		} else {
			err = d.writeBytes(base+leafHits+f, d.values[f], def, rep)
		}
		if err != nil {
			return fmt.Errorf("hits.%s: %w", pipeline.HitFields[f], err)
		}
	}
	return nil
}

func (d *directWriter) writeBytes(leaf int, vals []parquet.ByteArray, def, rep []int16) error {
	return writeLeaf(d, leaf, func(cw *file.ByteArrayColumnChunkWriter) (int64, error) { return cw.WriteBatch(vals, def, rep) })
}

// writeLeaf writes to leaf's column writer, which must be a W.
func writeLeaf[W file.ColumnChunkWriter](d *directWriter, leaf int, write func(W) (int64, error)) error {
	cw, err := d.column(leaf)
	if err != nil {
		return err
	}
	w, ok := cw.(W)
	if !ok {
		return fmt.Errorf("leaf %d is a %T", leaf, cw)
	}
	_, err = write(w)
	return err
}

// emptyValue is the empty byte array. It is not nil: arrow's statistics
// take a nil minimum or maximum for "none" and would drop the column's
// statistics.
var emptyValue = parquet.ByteArray([]byte{})

// bytesOf is a view of s's bytes, valid while s is. The column writers
// copy values into their pages; their statistics keep the minimum and
// maximum until the row group closes, which keeps s alive.
func bytesOf(s string) parquet.ByteArray {
	if len(s) == 0 {
		return emptyValue
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func nonNil(b []byte) parquet.ByteArray {
	if len(b) == 0 {
		return emptyValue
	}
	return b
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
