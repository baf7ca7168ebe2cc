package parquetio

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
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
// of reasons and hits are written out from the decisions directly. The
// string columns whose values repeat (every decision and hit field, most
// of the contract's input columns: dictColumns) are dictionary-encoded
// through dictLeaf.
//
// Why: on the 10M-row benchmark batch the sink was the largest single cost
// of a screen (23.5 of 84 CPU-s), and a third of it was not encoding at
// all: copying the flagged rows of each input column into new arrays,
// appending every decision and hit field to Arrow builders, and pqarrow
// working the levels of each of the 13 leaves of reasons and hits out of
// those arrays again, with a new slice of value headers per leaf per batch.
// Most of the rest was encoding and compressing the hits' explanations
// (a third of the output's bytes, a few thousand distinct values).
//
// It needs every input column to be one leaf (strings, numbers, dates,
// dictionaries: anything but lists, structs and maps); input columns that
// are not strings go through pqarrow.WriteArrowToColumn.
type directWriter struct {
	pw       *file.Writer
	rgw      file.BufferedRowGroupWriter // nil before the first row
	maxRows  int64
	input    *arrow.Schema
	nIn      int // input columns; the decision leaves follow
	ctx      context.Context
	mem      memory.Allocator
	nullable []bool // per input column: its Parquet column is optional

	// The dictionary-encoded columns, by leaf (nil: not dictionary-encoded),
	// and the levels of those written when the row group closes.
	dicts     []*dictLeaf
	inLevels  []levels // per input column
	prioLv    levels   // always empty: priority is a required, flat column
	reasonsLv levels
	hitsLv    levels

	// The row group being written: rows, bytes of the dictionary columns'
	// values (each counted with the 4 bytes of its length, as arrow counts
	// a dictionary's size), and a bound on the values of any one of them.
	rgRows, rgBytes, rgValues int64
	maxBytes, maxValues       int64

	// Scratch, reused from batch to batch.
	sizes  []rowSize
	lens   []int64 // rowSizes', per input dictionary entry
	values []parquet.ByteArray
	memo   []int32 // addToDict's, per input dictionary entry
	def    []int16
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

// Row-group bounds of the dictionary-encoded columns. dictRowGroupBytes
// bounds the memory the dictionaries hold (a dictionary is never larger
// than the values written to it) and so the dictionary pages; at ~500
// bytes of such values per flagged row of the benchmark batch, 65,536 rows
// take 33 MB. dictMaxValues keeps each chunk's indices within one data
// page (2^18 indices of at most 18 bits, with bit-packing headers, stay
// under 1 MiB), so the statistics of that page are the chunk's.
const (
	dictRowGroupBytes = 64 << 20
	dictMaxValues     = 1 << 18
)

// dictColumns returns the Parquet paths the direct writer dictionary-
// encodes for input schema in: the decision and hit strings, and the string
// columns of the contract whose values repeat within a row group (dates,
// countries, exporters, goods, codes). Not shipment_id (unique) nor the
// consignee and end-user names: on the 10M-row benchmark batch (200,000
// distinct names) a row group of 65,536 flagged rows holds ~38,000
// distinct consignees, so their dictionary saved 13% of those columns'
// compressed bytes for a hash lookup per value and a dictionary page as
// large as the values. Input columns not in the contract are unknown and
// stay plain.
func dictColumns(in *arrow.Schema) []string {
	paths := []string{pipeline.OutPriority, pipeline.OutReasons + ".list.element"}
	for i, name := range pipeline.HitFields {
		if i != hitScore {
			paths = append(paths, pipeline.OutHits+".list.element."+name)
		}
	}
	for _, f := range in.Fields() {
		field, ok := pipeline.FieldByName(f.Name)
		if !ok || !isByteArray(f.Type) {
			continue
		}
		switch field {
		case pipeline.FieldShipmentID, pipeline.FieldConsigneeName, pipeline.FieldEndUserName:
		default:
			paths = append(paths, f.Name)
		}
	}
	return paths
}

// isByteArray: the types directWriter writes as views of the record.
func isByteArray(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.STRING, arrow.LARGE_STRING, arrow.BINARY, arrow.LARGE_BINARY:
		return true
	}
	return false
}

func newDirectWriter(sc *arrow.Schema, nIn int, w io.Writer, props *parquet.WriterProperties, arrowProps pqarrow.ArrowWriterProperties, maxBytes, maxValues int64) (*directWriter, error) {
	pqschema, err := pqarrow.ToParquet(sc, props, arrowProps)
	if err != nil {
		return nil, err
	}
	d := &directWriter{input: sc, nIn: nIn, mem: props.Allocator(), maxRows: props.MaxRowGroupLength(),
		nullable: make([]bool, nIn), inLevels: make([]levels, nIn), maxBytes: maxBytes, maxValues: maxValues}
	if err := d.checkLayout(pqschema); err != nil {
		return nil, err
	}
	d.dicts = make([]*dictLeaf, pqschema.NumColumns())
	for i := range pqschema.NumColumns() {
		if !props.DictionaryEnabledFor(pqschema.Column(i).Path()) {
			continue
		}
		var lv *levels
		switch {
		case i < nIn:
			if !isByteArray(sc.Field(i).Type) {
				return nil, fmt.Errorf("parquetio: dictionary for column %s of type %s", sc.Field(i).Name, sc.Field(i).Type)
			}
			lv = &d.inLevels[i]
		case i == nIn+leafPriority:
			lv = &d.prioLv
		case i == nIn+leafReasons:
			lv = &d.reasonsLv
		case i >= nIn+leafHits && i != nIn+leafHits+hitScore:
			lv = &d.hitsLv
		default:
			return nil, fmt.Errorf("parquetio: dictionary for column %s", pqschema.Column(i).Path())
		}
		d.dicts[i] = newDictLeaf(i, lv)
	}
	for i, name := range pipeline.HitFields {
		if i != hitScore && d.dicts[nIn+leafHits+i] == nil {
			return nil, fmt.Errorf("parquetio: no dictionary for hits.%s", name)
		}
	}
	if d.dicts[nIn+leafPriority] == nil || d.dicts[nIn+leafReasons] == nil {
		return nil, errors.New("parquetio: no dictionary for priority or reasons")
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

// write writes the rows sel of b, starting a new row group before a row
// that would take the current one past maxRows rows, maxBytes bytes of
// dictionary-encoded values or maxValues values in one such column. A row
// that alone passes a bound gets a row group of its own. The cuts depend
// on the rows only, so the file does too.
func (d *directWriter) write(b *pipeline.Batch, sel []int) error {
	sizes := d.rowSizes(b, sel)
	for start := 0; start < len(sel); {
		if d.rgw == nil {
			if err := d.newRowGroup(); err != nil {
				return err
			}
		}
		end := start
		for ; end < len(sel); end++ {
			bytes, values := sizes[end].bytes, sizes[end].values
			if d.rgRows > 0 && (d.rgRows == d.maxRows || d.rgBytes+bytes > d.maxBytes || d.rgValues+values > d.maxValues) {
				break
			}
			d.rgRows++
			d.rgBytes += bytes
			d.rgValues += values
		}
		if end > start {
			if err := d.writeRows(b, sel[start:end]); err != nil {
				return err
			}
		}
		if end < len(sel) {
			if err := d.newRowGroup(); err != nil {
				return err
			}
		}
		start = end
	}
	return nil
}

// rowSize is what one row adds to the row group: the bytes of its
// dictionary-encoded values (each counted with the 4 bytes of its length)
// and the most values it adds to any one dictionary-encoded column.
type rowSize struct{ bytes, values int64 }

// rowSizes returns the rowSize of each row of sel (in d.sizes, reused).
// The input columns are summed a column at a time, through each array's
// offsets or, for an Arrow dictionary, a table of its entries' lengths
// made once per batch: asking every row of every column for its length
// through an interface took 1.3 CPU-s on the 10M-row benchmark batch.
func (d *directWriter) rowSizes(b *pipeline.Batch, sel []int) []rowSize {
	sizes := slices.Grow(d.sizes[:0], len(sel))[:len(sel)]
	clear(sizes)
	d.sizes = sizes
	for c := range d.nIn {
		if d.dicts[c] != nil {
			d.addInputSizes(sizes, b.Rec.Column(c), sel)
		}
	}
	for j, r := range sel {
		dec := &b.Decisions[r]
		bytes := int64(len(dec.Priority)) + 4
		for _, x := range dec.Reasons {
			bytes += int64(len(x)) + 4
		}
		hits := b.Hits[r]
		for i := range hits {
			for f, v := range hitValues(&hits[i]) {
				if f != hitScore {
					bytes += int64(len(v)) + 4
				}
			}
		}
		sizes[j].bytes += bytes
		// A row adds one value to each flat leaf and its reasons and hits
		// to the list leaves; the larger bounds every leaf's values.
		sizes[j].values = int64(max(1, len(dec.Reasons), len(hits)))
	}
	return sizes
}

// addInputSizes adds to sizes what each row of sel has in input column a,
// a dictionary-encoded one: its value's length and 4, unless it is null.
func (d *directWriter) addInputSizes(sizes []rowSize, a arrow.Array, sel []int) {
	valid := func(int) bool { return true }
	if a.NullN() > 0 {
		valid = a.IsValid
	}
	switch a := a.(type) {
	case *array.String:
		addOffsetSizes(sizes, a.ValueOffsets(), sel, valid)
	case *array.Binary:
		addOffsetSizes(sizes, a.ValueOffsets(), sel, valid)
	case *array.LargeString:
		addOffsetSizes(sizes, a.ValueOffsets(), sel, valid)
	case *array.LargeBinary:
		addOffsetSizes(sizes, a.ValueOffsets(), sel, valid)
	case *array.Dictionary:
		vals := a.Dictionary().(interface {
			arrow.Array
			ValueLen(int) int
		})
		lens := slices.Grow(d.lens[:0], vals.Len())[:vals.Len()]
		for k := range lens {
			lens[k] = int64(vals.ValueLen(k))
		}
		d.lens = lens
		entry := a.GetValueIndex
		if ix, ok := a.Indices().(*array.Int32); ok {
			idx := ix.Int32Values()
			entry = func(i int) int { return int(idx[i]) }
		}
		for j, r := range sel {
			if valid(r) {
				sizes[j].bytes += lens[entry(r)] + 4
			}
		}
	default:
		lenOf := a.(interface{ ValueLen(int) int })
		for j, r := range sel {
			if valid(r) {
				sizes[j].bytes += int64(lenOf.ValueLen(r)) + 4
			}
		}
	}
}

// addOffsetSizes is addInputSizes for variable-length values whose
// offsets, from the array's first row, are offs.
func addOffsetSizes[O int32 | int64](sizes []rowSize, offs []O, sel []int, valid func(int) bool) {
	for j, r := range sel {
		if valid(r) {
			sizes[j].bytes += int64(offs[r+1]-offs[r]) + 4
		}
	}
}

// newRowGroup writes the dictionary-encoded columns of the row group being
// written, closes it (encoding and compressing its buffered pages) and
// starts the next.
func (d *directWriter) newRowGroup() error {
	if err := d.closeRowGroup(); err != nil {
		return err
	}
	d.rgw = d.pw.AppendBufferedRowGroup()
	return nil
}

func (d *directWriter) closeRowGroup() error {
	if d.rgw == nil {
		return nil
	}
	for _, dl := range d.dicts {
		if dl != nil {
			if err := dl.flush(d.rgw, d.mem); err != nil {
				return fmt.Errorf("writing column %s: %w", d.pw.Schema.Column(dl.leaf).Path(), err)
			}
		}
	}
	for i := range d.inLevels {
		d.inLevels[i].reset()
	}
	d.reasonsLv.reset()
	d.hitsLv.reset()
	d.rgRows, d.rgBytes, d.rgValues = 0, 0, 0
	err := d.rgw.Close()
	d.rgw = nil
	return err
}

func (d *directWriter) close() error {
	if err := d.closeRowGroup(); err != nil {
		return err
	}
	return d.pw.Close()
}

// writeRows writes the rows sel of b, all in the current row group.
func (d *directWriter) writeRows(b *pipeline.Batch, sel []int) error {
	for c := range d.nIn {
		if err := d.writeInput(c, b.Rec.Column(c), sel); err != nil {
			return &pipeline.InputError{File: b.File, Column: d.input.Field(c).Name, Err: err}
		}
	}
	if err := d.writeDecisions(b, sel); err != nil {
		return fmt.Errorf("writing the decision columns: %w", err)
	}
	return nil
}

// writeInput writes the rows sel of input column c: strings and binary as
// views of the record's buffers (into the column's dictionary when it has
// one), anything else through pqarrow. A column that arrives as an Arrow
// dictionary of the schema's strings (parquetio.Source with
// ReadDictionaries) is written as those strings, views of its
// dictionary's buffer: the file is the same as for the plain column.
func (d *directWriter) writeInput(c int, arr arrow.Array, sel []int) error {
	nullable := d.nullable[c]
	in := inputColumn{arr: arr}
	switch a := arr.(type) {
	case *array.String:
		in.view = func(i int) parquet.ByteArray { return bytesOf(a.Value(i)) }
	case *array.LargeString:
		in.view = func(i int) parquet.ByteArray { return bytesOf(a.Value(i)) }
	case *array.Binary:
		in.view = func(i int) parquet.ByteArray { return nonNil(a.Value(i)) }
	case *array.LargeBinary:
		in.view = func(i int) parquet.ByteArray { return nonNil(a.Value(i)) }
	case *array.Dictionary:
		if vals, ok := a.Dictionary().(*array.String); ok && dictOfType(a.DataType(), d.input.Field(c).Type) {
			entry := a.GetValueIndex
			if ix, ok := a.Indices().(*array.Int32); ok {
				idx := ix.Int32Values()
				entry = func(i int) int { return int(idx[i]) }
			}
			in.dict, in.entry = a, entry
			in.view = func(i int) parquet.ByteArray { return bytesOf(vals.Value(entry(i))) }
			if vals.NullN() > 0 {
				in.null = func(i int) bool { return a.IsNull(i) || vals.IsNull(entry(i)) }
			}
		}
	}
	if in.null == nil {
		in.null = arr.IsNull
	}
	if !nullable && hasNull(in, sel) {
		return fmt.Errorf("nulls in a column whose schema says it has none")
	}
	if dl := d.dicts[c]; dl != nil {
		d.addToDict(dl, &d.inLevels[c], in, sel, nullable)
		return nil
	}
	cw, err := d.rgw.Column(c)
	if err != nil {
		return err
	}
	if in.view != nil {
		return d.writeViews(cw, in, sel, nullable)
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

// inputColumn is one input column of a batch as writeInput reads it.
type inputColumn struct {
	arr  arrow.Array
	null func(i int) bool              // row i is null
	view func(i int) parquet.ByteArray // row i's bytes; nil when not byte-like
	// For an Arrow dictionary of strings: the array, and row i's entry.
	dict  *array.Dictionary
	entry func(i int) int
}

// hasNull reports whether any row of sel is null (a column arrow says has
// no nulls has none: the check is then free).
func hasNull(in inputColumn, sel []int) bool {
	if in.arr.NullN() == 0 && in.dict == nil {
		return false
	}
	for _, r := range sel {
		if in.null(r) {
			return true
		}
	}
	return false
}

// addToDict adds the rows sel of in to dl, with their definition levels
// in lv when the column is nullable. For an input dictionary no larger
// than the rows, each entry is looked up in dl once (memo, by entry)
// instead of once per row: on the benchmark batch the sink's dictionary
// columns are nine input columns of a few dozen to 365 values, written for
// a third of 10 million rows.
func (d *directWriter) addToDict(dl *dictLeaf, lv *levels, in inputColumn, sel []int, nullable bool) {
	var memo []int32
	if in.dict != nil && in.dict.Dictionary().Len() <= len(sel) {
		memo = slices.Grow(d.memo[:0], in.dict.Dictionary().Len())[:in.dict.Dictionary().Len()]
		for k := range memo {
			memo[k] = -1
		}
		d.memo = memo
	}
	for _, r := range sel {
		if nullable {
			if in.null(r) {
				lv.def = append(lv.def, 0)
				dl.addNull()
				continue
			}
			lv.def = append(lv.def, 1)
		}
		if memo == nil {
			dl.addView(in.view(r))
			continue
		}
		k := in.entry(r)
		j := memo[k]
		if j < 0 {
			j = dl.indexOfView(in.view(r))
			memo[k] = j
		}
		dl.indices = append(dl.indices, j)
	}
}

// writeViews writes the values sel of a plain byte-array column.
func (d *directWriter) writeViews(cw file.ColumnChunkWriter, in inputColumn, sel []int, nullable bool) error {
	vals, def := d.values[:0], d.def[:0]
	for _, r := range sel {
		if nullable {
			if in.null(r) {
				def = append(def, 0)
				continue
			}
			def = append(def, 1)
		}
		vals = append(vals, in.view(r))
	}
	d.values, d.def = vals, def
	if !nullable {
		def = nil
	}
	w, ok := cw.(*file.ByteArrayColumnChunkWriter)
	if !ok {
		return fmt.Errorf("column writer is a %T", cw)
	}
	_, err := w.WriteBatch(vals, def, nil)
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
	prio := d.dicts[base+leafPriority]
	reasons := d.dicts[base+leafReasons]
	for _, r := range sel {
		dec := &b.Decisions[r]
		bools = append(bools, dec.Flagged)
		floats = append(floats, dec.RiskScore)
		prio.addString(string(dec.Priority))
		if len(dec.Reasons) == 0 {
			d.reasonsLv.def, d.reasonsLv.rep = append(d.reasonsLv.def, 0), append(d.reasonsLv.rep, 0)
			continue
		}
		for i, x := range dec.Reasons {
			d.reasonsLv.def, d.reasonsLv.rep = append(d.reasonsLv.def, 2), append(d.reasonsLv.rep, int16(min(i, 1)))
			reasons.addString(string(x))
		}
	}
	d.bools, d.floats = bools, floats
	if err := writeLeaf(d, base+leafFlagged, func(cw *file.BooleanColumnChunkWriter) (int64, error) { return cw.WriteBatch(bools, nil, nil) }); err != nil {
		return err
	}
	if err := writeLeaf(d, base+leafRisk, func(cw *file.Float64ColumnChunkWriter) (int64, error) { return cw.WriteBatch(floats, nil, nil) }); err != nil {
		return err
	}

	// hits: the string fields go to their dictionaries, the scores (and
	// their levels, this batch's part of hitsLv) to the column writer now.
	var fields [12]*dictLeaf // by pipeline.HitFields
	for f := range fields {
		fields[f] = d.dicts[base+leafHits+f]
	}
	first := len(d.hitsLv.def)
	floats = d.floats[:0]
	for _, r := range sel {
		hits := b.Hits[r]
		if len(hits) == 0 {
			d.hitsLv.def, d.hitsLv.rep = append(d.hitsLv.def, 0), append(d.hitsLv.rep, 0)
			continue
		}
		for i := range hits {
			h := &hits[i]
			d.hitsLv.def, d.hitsLv.rep = append(d.hitsLv.def, 2), append(d.hitsLv.rep, int16(min(i, 1)))
			for f, v := range hitValues(h) {
				if fields[f] != nil {
					fields[f].addString(v)
				}
			}
			floats = append(floats, h.Score)
		}
	}
	d.floats = floats
	def, rep := d.hitsLv.def[first:], d.hitsLv.rep[first:]
	if err := writeLeaf(d, base+leafHits+hitScore, func(cw *file.Float64ColumnChunkWriter) (int64, error) { return cw.WriteBatch(floats, def, rep) }); err != nil {
		return fmt.Errorf("hits.score: %w", err)
	}
	return nil
}

// writeLeaf writes to leaf's column writer, which must be a W.
func writeLeaf[W file.ColumnChunkWriter](d *directWriter, leaf int, write func(W) (int64, error)) error {
	cw, err := d.rgw.Column(leaf)
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
