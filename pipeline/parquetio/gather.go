package parquetio

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// gather copies the rows sel of arr into a new array of the same type, for
// the column types shipments come in (strings, binary, numbers, booleans).
// It reports false for any other type. When a batch's flagged rows are
// scattered (a third of the rows of the benchmark batch, mostly not next to
// each other) this is one pass with the output sized up front, where
// slicing every run and concatenating the slices built and freed an array
// per run: it was 12% of the CPU of a 10M-row screen.
func gather(mem memory.Allocator, arr arrow.Array, sel []int) (arrow.Array, bool) {
	switch a := arr.(type) {
	case *array.String:
		return gatherVar(array.NewStringBuilder(mem), a, sel, a.Value), true
	case *array.LargeString:
		return gatherVar(array.NewLargeStringBuilder(mem), a, sel, a.Value), true
	case *array.Binary:
		return gatherVar(array.NewBinaryBuilder(mem, a.DataType().(arrow.BinaryDataType)), a, sel, a.Value), true
	case *array.Float64:
		return gatherFixed(array.NewFloat64Builder(mem), a, sel, a.Value), true
	case *array.Float32:
		return gatherFixed(array.NewFloat32Builder(mem), a, sel, a.Value), true
	case *array.Int64:
		return gatherFixed(array.NewInt64Builder(mem), a, sel, a.Value), true
	case *array.Int32:
		return gatherFixed(array.NewInt32Builder(mem), a, sel, a.Value), true
	case *array.Boolean:
		return gatherFixed(array.NewBooleanBuilder(mem), a, sel, a.Value), true
	}
	return nil, false
}

// fixedBuilder is the part of a primitive Arrow builder gatherFixed uses.
type fixedBuilder[T any] interface {
	Reserve(n int)
	Append(v T)
	AppendNull()
	NewArray() arrow.Array
	Release()
}

func gatherFixed[T any](b fixedBuilder[T], a arrow.Array, sel []int, value func(int) T) arrow.Array {
	defer b.Release()
	b.Reserve(len(sel))
	for _, i := range sel {
		if a.IsNull(i) {
			b.AppendNull()
		} else {
			b.Append(value(i))
		}
	}
	return b.NewArray()
}

// varBuilder is the part of a variable-length Arrow builder (strings,
// binary) gatherVar uses.
type varBuilder[T any] interface {
	fixedBuilder[T]
	ReserveData(n int)
}

// varArray is a variable-length Arrow array: it knows each value's length.
type varArray interface {
	arrow.Array
	ValueLen(i int) int
}

// gatherVar is gatherFixed for variable-length values, with the value
// bytes reserved up front too.
func gatherVar[T any](b varBuilder[T], a varArray, sel []int, value func(int) T) arrow.Array {
	n := 0
	for _, i := range sel {
		n += a.ValueLen(i)
	}
	b.ReserveData(n)
	return gatherFixed[T](b, a, sel, value)
}

// gatherDictStrings copies the rows sel of a dictionary of strings into a
// plain string array: a column Source read as a dictionary
// (Options.ReadDictionaries), written as the schema's strings.
func gatherDictStrings(mem memory.Allocator, a *array.Dictionary, sel []int) (arrow.Array, error) {
	vals, ok := a.Dictionary().(*array.String)
	if !ok {
		return nil, fmt.Errorf("parquetio: dictionary of %s, want strings", a.Dictionary().DataType())
	}
	b := array.NewStringBuilder(mem)
	defer b.Release()
	n := 0
	for _, i := range sel {
		if a.IsValid(i) {
			n += vals.ValueLen(a.GetValueIndex(i))
		}
	}
	b.Reserve(len(sel))
	b.ReserveData(n)
	for _, i := range sel {
		if k := a.GetValueIndex(i); a.IsNull(i) || vals.IsNull(k) {
			b.AppendNull()
		} else {
			b.Append(vals.Value(k))
		}
	}
	return b.NewArray(), nil
}
