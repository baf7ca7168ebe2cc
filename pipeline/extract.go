package pipeline

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"

	"github.com/dualscreen/dualscreen/evidence"
)

// Extract fills b.Shipments from the canonical columns of b.Rec: the
// normalise step every worker runs first. Strings are trimmed and must be
// valid UTF-8; shipment_id must be present in every row. Errors are
// InputErrors with the file, the 1-based row and the input column name.
//
// The strings in b.Shipments point into the record's buffers (no copy), so
// they are valid only while b is; anything kept longer must be cloned.
func Extract(b *Batch) error {
	n := b.Len()
	b.useRows(n)
	if b.rows == nil { // the caller's own slices
		if cap(b.Shipments) >= n {
			b.Shipments = b.Shipments[:n]
			clear(b.Shipments)
		} else {
			b.Shipments = make([]evidence.Shipment, n)
		}
	}
	// Plain string columns, nearly every input's, are read directly (one
	// inlined Value per cell instead of two indirect calls), and their
	// UTF-8 is checked once per column (see validStrings).
	// Dictionary columns with no more entries than the batch has rows
	// (what parquetio.Source hands over for countries, dates, goods and
	// codes) are trimmed and checked once per entry (see dictText).
	// Only the columns present are visited, in field order (so the first
	// bad cell of a row is the one named), and each value is stored at
	// its field's offset in the Shipment (textOffsets).
	var cols [NumFields]textColumn
	nc := 0
	for f := Field(0); f < NumFields; f++ {
		if idx := b.Cols.Index[f]; idx >= 0 && f != FieldValueEUR {
			col := b.Rec.Column(idx)
			c := &cols[nc]
			nc++
			*c = textColumn{f: f, off: textOffsets[f], nulls: col.NullN() > 0}
			if a, ok := col.(*array.String); ok {
				c.str, c.checked = a, validStrings(a)
			} else if d := newDictText(col, n); d != nil {
				c.dict = d
			} else {
				c.text = textOf(col)
			}
		}
	}
	present := cols[:nc]
	var value numberGetter
	if idx := b.Cols.Index[FieldValueEUR]; idx >= 0 {
		value = numberOf(b.Rec.Column(idx))
	}
	for i := 0; i < n; i++ {
		s := &b.Shipments[i]
		s.Row = b.FirstRow + int64(i)
		for ci := range present {
			c := &present[ci]
			if d := c.dict; d != nil {
				if c.nulls && d.arr.IsNull(i) {
					continue
				}
				k := d.entry(i)
				if uint(k) >= uint(len(d.state)) {
					return &InputError{File: b.File, Row: s.Row + 1, Column: b.Cols.Name[c.f], Err: fmt.Errorf("%w: dictionary index %d of %d entries", ErrCorrupt, k, len(d.state))}
				}
				switch d.state[k] {
				case entryNull:
					continue
				case entryBadUTF8:
					return &InputError{File: b.File, Row: s.Row + 1, Column: b.Cols.Name[c.f], Err: ErrBadUTF8}
				}
				*c.field(s) = d.text[k]
				continue
			}
			var v string
			if a := c.str; a != nil {
				if c.nulls && a.IsNull(i) {
					continue
				}
				v = a.Value(i)
			} else {
				var ok bool
				if v, ok = c.text(i); !ok {
					continue
				}
			}
			if !c.checked && !utf8.ValidString(v) {
				return &InputError{File: b.File, Row: s.Row + 1, Column: b.Cols.Name[c.f], Err: ErrBadUTF8}
			}
			*c.field(s) = strings.TrimSpace(v)
		}
		if s.ShipmentID == "" {
			return &InputError{File: b.File, Row: s.Row + 1, Column: b.Cols.Name[FieldShipmentID], Err: ErrNullValue}
		}
		if value != nil {
			s.ValueEUR, s.HasValue = value(i)
		}
	}
	return nil
}

// textColumn is one text column of a batch as Extract reads it: one of
// dict, str and text is set.
type textColumn struct {
	f       Field
	off     uintptr // the field's offset in evidence.Shipment (textOffsets)
	nulls   bool    // the column has null rows (one without has no validity bit to read)
	checked bool    // str's UTF-8 is valid throughout (validStrings)
	dict    *dictText
	str     *array.String
	text    textGetter
}

// field is the field of s the column fills.
func (c *textColumn) field(s *evidence.Shipment) *string {
	return (*string)(unsafe.Add(unsafe.Pointer(s), c.off))
}

// textOffsets are the offsets of the text fields in evidence.Shipment, by
// field (stringField's fields; TestTextOffsets checks them). Extract
// stores each cell through its column's offset: choosing the field with
// stringField's switch, cell by cell, was a sixth of Extract's
// instructions.
var textOffsets = func() (o [NumFields]uintptr) {
	var s evidence.Shipment
	for f := Field(0); f < NumFields; f++ {
		if f != FieldValueEUR {
			o[f] = uintptr(unsafe.Pointer(stringField(&s, f))) - uintptr(unsafe.Pointer(&s))
		}
	}
	return o
}()

// dictText is a dictionary-encoded text column of one batch with its
// dictionary's values trimmed and checked once. A row then costs an index
// and a table read instead of a UTF-8 check and a TrimSpace of its value:
// on the 10M-row benchmark batch, nine of the twelve text columns have at
// most 365 distinct values per row group, 90 million cells.
type dictText struct {
	arr   *array.Dictionary
	idx   []int32  // the indices, when they are int32 (arrow's Parquet reader's)
	text  []string // per dictionary entry, trimmed
	state []uint8  // per dictionary entry: entryOK, entryNull or entryBadUTF8
}

const (
	entryOK = iota
	entryNull
	entryBadUTF8
)

// newDictText returns col as a dictText when it is a dictionary of plain
// strings with at most rows entries (so the table costs no more than the
// rows it serves), and nil otherwise.
func newDictText(col arrow.Array, rows int) *dictText {
	a, ok := col.(*array.Dictionary)
	if !ok {
		return nil
	}
	values, ok := a.Dictionary().(*array.String)
	if !ok || values.Len() > rows {
		return nil
	}
	d := &dictText{arr: a, text: make([]string, values.Len()), state: make([]uint8, values.Len())}
	if ix, ok := a.Indices().(*array.Int32); ok {
		d.idx = ix.Int32Values()
	}
	for k := range d.text {
		switch v := values.Value(k); {
		case values.IsNull(k):
			d.state[k] = entryNull
		case !utf8.ValidString(v):
			d.state[k] = entryBadUTF8
		default:
			d.text[k] = strings.TrimSpace(v)
		}
	}
	return d
}

// entry is row i's dictionary entry.
func (d *dictText) entry(i int) int {
	if d.idx != nil {
		return int(d.idx[i])
	}
	return d.arr.GetValueIndex(i)
}

// validStrings reports whether every value of a is valid UTF-8, from one
// pass over its whole data buffer: when the buffer is valid UTF-8 and no
// value starts or ends inside a character (no offset points at a
// continuation byte), each value is valid too. When it reports false,
// Extract checks value by value and names the first bad cell.
func validStrings(a *array.String) bool {
	data := a.ValueBytes()
	if !utf8.Valid(data) {
		return false
	}
	offs := a.ValueOffsets()
	if len(offs) == 0 {
		return true
	}
	base := offs[0]
	for _, o := range offs {
		if k := int(o - base); k < len(data) && data[k]&0xC0 == 0x80 {
			return false
		}
	}
	return true
}

func stringField(s *evidence.Shipment, f Field) *string {
	switch f {
	case FieldShipmentID:
		return &s.ShipmentID
	case FieldDeclarationDate:
		return &s.DeclarationDate
	case FieldExporterName:
		return &s.ExporterName
	case FieldExporterCountry:
		return &s.ExporterCountry
	case FieldConsigneeName:
		return &s.ConsigneeName
	case FieldConsigneeCountry:
		return &s.ConsigneeCountry
	case FieldEndUserName:
		return &s.EndUserName
	case FieldEndUserCountry:
		return &s.EndUserCountry
	case FieldDestination:
		return &s.Destination
	case FieldGoods:
		return &s.Goods
	case FieldCNCode:
		return &s.CNCode
	case FieldControlCode:
		return &s.ControlCode
	}
	panic("pipeline: not a text field: " + f.String())
}

// textGetter returns row i as text, and false when it is null.
type textGetter func(i int) (string, bool)

type numberGetter func(i int) (float64, bool)

// textOf returns a getter for every type stringType accepts. It is built once
// per column per batch, so the per-row work is one indirect call.
func textOf(arr arrow.Array) textGetter {
	valid := func(i int) bool { return arr.IsValid(i) }
	switch a := arr.(type) {
	case *array.String:
		return func(i int) (string, bool) { return a.Value(i), valid(i) }
	case *array.LargeString:
		return func(i int) (string, bool) { return a.Value(i), valid(i) }
	case *array.StringView:
		return func(i int) (string, bool) { return a.Value(i), valid(i) }
	case *array.Binary:
		return func(i int) (string, bool) { return a.ValueString(i), valid(i) }
	case *array.LargeBinary:
		return func(i int) (string, bool) { return a.ValueString(i), valid(i) }
	case *array.Dictionary:
		values := textOf(a.Dictionary())
		return func(i int) (string, bool) {
			if a.IsNull(i) {
				return "", false
			}
			return values(a.GetValueIndex(i))
		}
	case *array.Date32:
		return func(i int) (string, bool) { return a.Value(i).FormattedString(), valid(i) }
	case *array.Date64:
		return func(i int) (string, bool) { return a.Value(i).FormattedString(), valid(i) }
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		return func(i int) (string, bool) {
			return a.Value(i).ToTime(unit).UTC().Format("2006-01-02"), valid(i)
		}
	}
	if num := integerOf(arr); num != nil {
		return func(i int) (string, bool) {
			v, ok := num(i)
			return strconv.FormatInt(v, 10), ok
		}
	}
	// ResolveColumns admits only the types above.
	panic("pipeline: no text getter for " + arr.DataType().String())
}

func integerOf(arr arrow.Array) func(i int) (int64, bool) {
	valid := func(i int) bool { return arr.IsValid(i) }
	switch a := arr.(type) {
	case *array.Int8:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	case *array.Int16:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	case *array.Int32:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	case *array.Int64:
		return func(i int) (int64, bool) { return a.Value(i), valid(i) }
	case *array.Uint8:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	case *array.Uint16:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	case *array.Uint32:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	case *array.Uint64:
		return func(i int) (int64, bool) { return int64(a.Value(i)), valid(i) }
	}
	return nil
}

func numberOf(arr arrow.Array) numberGetter {
	valid := func(i int) bool { return arr.IsValid(i) }
	switch a := arr.(type) {
	case *array.Float64:
		return func(i int) (float64, bool) { return a.Value(i), valid(i) }
	case *array.Float32:
		return func(i int) (float64, bool) { return float64(a.Value(i)), valid(i) }
	case *array.Float16:
		return func(i int) (float64, bool) { return float64(a.Value(i).Float32()), valid(i) }
	case *array.Decimal128:
		scale := a.DataType().(*arrow.Decimal128Type).Scale
		return func(i int) (float64, bool) { return a.Value(i).ToFloat64(scale), valid(i) }
	case *array.Decimal256:
		scale := a.DataType().(*arrow.Decimal256Type).Scale
		return func(i int) (float64, bool) { return a.Value(i).ToFloat64(scale), valid(i) }
	case *array.Dictionary:
		values := numberOf(a.Dictionary())
		return func(i int) (float64, bool) {
			if a.IsNull(i) {
				return 0, false
			}
			return values(a.GetValueIndex(i))
		}
	}
	if num := integerOf(arr); num != nil {
		return func(i int) (float64, bool) {
			v, ok := num(i)
			return float64(v), ok
		}
	}
	panic("pipeline: no number getter for " + arr.DataType().String())
}
