package parquetio

import (
	"fmt"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// rowSizeBefore is a row's size as directWriter worked it out before
// rowSizes, one row and column at a time: the row-group cuts, and so the
// file's bytes, were made with it.
func rowSizeBefore(d *directWriter, b *pipeline.Batch, r int) rowSize {
	var bytes int64
	for c := range d.nIn {
		if d.dicts[c] == nil {
			continue
		}
		if a := b.Rec.Column(c); a.IsValid(r) {
			if da, ok := a.(*array.Dictionary); ok {
				bytes += int64(da.Dictionary().(interface{ ValueLen(int) int }).ValueLen(da.GetValueIndex(r))) + 4
			} else {
				bytes += int64(a.(interface{ ValueLen(int) int }).ValueLen(r)) + 4
			}
		}
	}
	dec := &b.Decisions[r]
	bytes += int64(len(dec.Priority)) + 4
	for _, x := range dec.Reasons {
		bytes += int64(len(x)) + 4
	}
	for i := range b.Hits[r] {
		for f, v := range hitValues(&b.Hits[r][i]) {
			if f != hitScore {
				bytes += int64(len(v)) + 4
			}
		}
	}
	return rowSize{bytes, int64(max(1, len(dec.Reasons), len(b.Hits[r])))}
}

// TestRowSizesAsBefore: rowSizes gives every row the size the per-row
// reckoning gave, for each kind of column the sink dictionary-encodes
// (strings, large strings, binary, Arrow dictionaries with int32 and int16
// indices), with null rows and null dictionary entries, on sliced arrays
// (offsets not from 0), for scattered rows, with decisions and hits.
func TestRowSizesAsBefore(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	const n = 300
	value := func(i int) string { return fmt.Sprintf("v%0*d", i%7, i%23) }
	null := func(i int) bool { return i%5 == 3 }

	str := array.NewStringBuilder(mem)
	large := array.NewLargeStringBuilder(mem)
	bin := array.NewBinaryBuilder(mem, arrow.BinaryTypes.Binary)
	plain := array.NewStringBuilder(mem) // not dictionary-encoded by the sink
	d32 := array.NewDictionaryBuilder(mem, &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}).(*array.BinaryDictionaryBuilder)
	d16 := array.NewDictionaryBuilder(mem, &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int16, ValueType: arrow.BinaryTypes.String}).(*array.BinaryDictionaryBuilder)
	for _, b := range []array.Builder{str, large, bin, plain, d32, d16} {
		defer b.Release()
	}
	for i := range n + 10 {
		if null(i) {
			str.AppendNull()
			large.AppendNull()
			bin.AppendNull()
			d32.AppendNull()
		} else {
			str.Append(value(i))
			large.Append(value(i + 1))
			bin.Append([]byte(value(i + 2)))
			if err := d32.AppendString(value(i + 3)); err != nil {
				t.Fatal(err)
			}
		}
		plain.Append(value(i))
		if err := d16.AppendString(value(i + 4)); err != nil {
			t.Fatal(err)
		}
	}
	var cols []arrow.Array
	for _, b := range []array.Builder{str, large, bin, plain, d32, d16} {
		a := b.NewArray()
		defer a.Release()
		s := array.NewSlice(a, 10, n+10) // offsets and indices from row 10
		defer s.Release()
		cols = append(cols, s)
	}
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: fmt.Sprint("c", i), Type: c.DataType(), Nullable: true}
	}
	rec := array.NewRecord(arrow.NewSchema(fields, nil), cols, n)
	defer rec.Release()

	b := &pipeline.Batch{Rec: rec, Decisions: make([]evidence.Decision, n), Hits: make([][]evidence.Hit, n)}
	for i := range n {
		if i%3 == 0 {
			continue
		}
		b.Decisions[i] = evidence.Decision{Flagged: true, Priority: evidence.PriorityLow, Reasons: []evidence.Reason{evidence.EndUserCountryMismatch}}
		for k := range i % 4 {
			b.Hits[i] = append(b.Hits[i], evidence.Hit{Reason: evidence.EndUserCountryMismatch, Role: evidence.RoleEndUser,
				EntryName: value(i + k), Explanation: value(i * k), Score: 0.6})
		}
	}
	d := &directWriter{nIn: len(cols), dicts: make([]*dictLeaf, len(cols))}
	for _, c := range []int{0, 1, 2, 4, 5} {
		d.dicts[c] = &dictLeaf{}
	}
	var sel []int
	for i := range n {
		if i%3 != 0 || i%9 == 0 {
			sel = append(sel, i)
		}
	}
	for round := range 2 { // the second reuses the scratch
		got := d.rowSizes(b, sel)
		if len(got) != len(sel) {
			t.Fatalf("%d sizes for %d rows", len(got), len(sel))
		}
		for j, r := range sel {
			if want := rowSizeBefore(d, b, r); got[j] != want {
				t.Fatalf("round %d, row %d: %+v, want %+v", round, r, got[j], want)
			}
		}
	}
}
