package parquetio

import (
	"fmt"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/bitutil"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/metadata"
)

// levels are the definition and repetition levels of a column chunk.
type levels struct{ def, rep []int16 }

func (l *levels) reset() { l.def, l.rep = l.def[:0], l.rep[:0] }

// dictLeaf is one dictionary-encoded string column of the row group being
// written: its distinct values in first-seen order, and for each value
// written the index of its distinct value. The column is written in one go
// when the row group closes, as arrow's dictionary plus indices
// (PutDictionary, WriteDictIndices, as pqarrow writes an Arrow dictionary
// array).
//
// Why not let arrow's column writer dictionary-encode: it hashes every
// value through an interface (an allocation per value), which cost as much
// CPU as plain encoding and compressing saved; and when a chunk's
// dictionary reaches DictionaryPageSizeLimit it falls back to plain pages
// and writes the chunk's page-encoding statistics from a Go map, in random
// order, so the bytes would differ between runs. Written this way, a chunk
// never falls back (arrow checks the limit only when it hashes values
// itself), the dictionary is bounded by the row group's bytes (the sink
// starts a new row group before the values of its dictionary columns pass
// dictRowGroupBytes), and the order of the dictionary is the order of the
// rows, so the bytes are the same on every run.
type dictLeaf struct {
	leaf    int     // column index in the Parquet schema
	lv      *levels // this column's levels (shared by the hits fields)
	index   map[string]int32
	values  []string // distinct, in first-seen order
	indices []int32  // one per value; and one per null row of a flat column
	nulls   int      // null rows of a flat column (index 0, not valid)

	// The last value added: the decision fields repeat the same Go string
	// (a rule's legal basis, a cached explanation) row after row, and
	// comparing it (at once when it is the same string) spares hashing it.
	last    string
	lastIdx int32
}

func newDictLeaf(leaf int, lv *levels) *dictLeaf {
	return &dictLeaf{leaf: leaf, lv: lv, index: map[string]int32{}, lastIdx: -1}
}

// addString adds one value, s. A new value is copied: a hit's strings may
// be views of an input batch's buffers, which the dictionary should not
// keep for the rest of the row group.
func (d *dictLeaf) addString(s string) {
	if d.lastIdx >= 0 && s == d.last {
		d.indices = append(d.indices, d.lastIdx)
		return
	}
	i, ok := d.index[s]
	if !ok {
		i = int32(len(d.values))
		c := strings.Clone(s)
		d.values = append(d.values, c)
		d.index[c] = i
	}
	d.indices = append(d.indices, i)
	d.last, d.lastIdx = s, i
}

// addNull adds a null row of a flat column. arrow takes a flat column's
// indices "spaced": one per row, with a validity bitmap.
func (d *dictLeaf) addNull() {
	d.indices = append(d.indices, 0)
	d.nulls++
}

// addView adds one value, b, which the leaf copies when it is new (b is a
// view of an input record's buffer, freed after the batch).
func (d *dictLeaf) addView(b []byte) {
	d.indices = append(d.indices, d.indexOfView(b))
}

// indexOfView returns the index of value b, adding a copy of b when it is
// new.
func (d *dictLeaf) indexOfView(b []byte) int32 {
	i, ok := d.index[string(b)] // no copy: the compiler looks up without converting
	if !ok {
		i = int32(len(d.values))
		s := string(b)
		d.values = append(d.values, s)
		d.index[s] = i
	}
	return i
}

// flush writes the leaf's column chunk of the row group rgw and empties
// the leaf for the next row group.
func (d *dictLeaf) flush(rgw file.BufferedRowGroupWriter, mem memory.Allocator) error {
	cw, err := rgw.Column(d.leaf)
	if err != nil {
		return err
	}
	dict := d.dictionary(mem)
	defer dict.Release()
	var valid *memory.Buffer
	if d.nulls > 0 {
		// A flat column: its levels are 1 for a value, 0 for a null.
		bits := make([]byte, bitutil.BytesForBits(int64(len(d.indices))))
		for i, l := range d.lv.def {
			if l > 0 {
				bitutil.SetBit(bits, i)
			}
		}
		valid = memory.NewBufferBytes(bits)
	}
	idx := array.NewInt32Data(array.NewData(arrow.PrimitiveTypes.Int32, len(d.indices),
		[]*memory.Buffer{valid, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(d.indices))}, nil, d.nulls, 0))
	defer idx.Release()
	nonNull := len(d.indices) - d.nulls
	enc, ok := cw.CurrentEncoder().(interface{ PutDictionary(arrow.Array) error })
	if !ok {
		return fmt.Errorf("column %s is not dictionary-encoded", cw.Descr().Path())
	}
	if err := enc.PutDictionary(dict); err != nil {
		return err
	}
	def, rep := d.lv.def, d.lv.rep
	if cw.Descr().MaxDefinitionLevel() == 0 {
		def = nil
	}
	if cw.Descr().MaxRepetitionLevel() == 0 {
		rep = nil
	}
	// Statistics: every distinct value is used, so the minimum and maximum
	// of the dictionary are the chunk's. They go through Update, the path
	// of plainly written values, for the same order and because
	// UpdateFromArrow (what pqarrow uses for a dictionary) skips empty
	// strings, so a column whose least value is "" would get a wrong
	// minimum. They are exact for the page too: the row group holds at most
	// dictMaxValues values per leaf, whose indices fit in one data page.
	if st, ok := cw.PageStatistics().(*metadata.ByteArrayStatistics); ok && st != nil {
		vals := make([]parquet.ByteArray, len(d.values))
		for i, v := range d.values {
			vals[i] = bytesOf(v)
		}
		nulls := 0
		if def != nil {
			nulls = len(def) - nonNull
		}
		st.Update(vals, int64(nulls))                      // counts each distinct value once
		st.IncNumValues(int64(nonNull) - int64(len(vals))) // so count the rest
	}
	if err := cw.WriteDictIndices(idx, def, rep); err != nil {
		return err
	}
	clear(d.index)
	clear(d.values)
	d.values, d.indices, d.nulls, d.last, d.lastIdx = d.values[:0], d.indices[:0], 0, "", -1
	return nil
}

// dictionary is the leaf's distinct values as an Arrow string array.
func (d *dictLeaf) dictionary(mem memory.Allocator) arrow.Array {
	b := array.NewStringBuilder(mem)
	defer b.Release()
	n := 0
	for _, v := range d.values {
		n += len(v)
	}
	b.Reserve(len(d.values))
	b.ReserveData(n)
	for _, v := range d.values {
		b.Append(v)
	}
	return b.NewArray()
}
