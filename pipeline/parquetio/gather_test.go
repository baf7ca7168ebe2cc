package parquetio

import (
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// concatRuns is the general path of take: the runs of sel sliced and
// concatenated. gather must give the same array.
func concatRuns(t *testing.T, mem memory.Allocator, arr arrow.Array, sel []int) arrow.Array {
	t.Helper()
	var parts []arrow.Array
	for _, i := range sel {
		parts = append(parts, array.NewSlice(arr, int64(i), int64(i+1)))
	}
	out, err := array.Concatenate(parts, mem)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		p.Release()
	}
	return out
}

func TestGatherMatchesConcatenate(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	valid := []bool{true, false, true, true, false, true, true}
	var arrs []arrow.Array
	{
		b := array.NewStringBuilder(mem)
		b.AppendValues([]string{"Rosoboronexport", "", "Müller GmbH", "", "x", "北京", "ООО Вектор"}, valid)
		arrs = append(arrs, b.NewArray())
		b.Release()
	}
	{
		b := array.NewLargeStringBuilder(mem)
		b.AppendValues([]string{"a", "b", "", "ccc", "d", "e", "f"}, valid)
		arrs = append(arrs, b.NewArray())
		b.Release()
	}
	{
		b := array.NewBinaryBuilder(mem, arrow.BinaryTypes.Binary)
		b.AppendValues([][]byte{[]byte("5A002"), nil, []byte("3A225"), {}, nil, []byte("ML10"), []byte("2B001.b")}, valid)
		arrs = append(arrs, b.NewArray())
		b.Release()
	}
	{
		b := array.NewFloat64Builder(mem)
		b.AppendValues([]float64{1.5, 0, 12000.25, -3, 0, 7, 9}, valid)
		arrs = append(arrs, b.NewArray())
		b.Release()
	}
	{
		b := array.NewInt32Builder(mem)
		b.AppendValues([]int32{84821010, 0, 85340011, 1, 0, 2, 3}, valid)
		arrs = append(arrs, b.NewArray())
		b.Release()
	}
	{
		b := array.NewBooleanBuilder(mem)
		b.AppendValues([]bool{true, false, false, true, true, false, true}, valid)
		arrs = append(arrs, b.NewArray())
		b.Release()
	}
	sels := [][]int{{0, 2, 5}, {1, 4}, {6}, {0, 1, 2, 3, 4, 5}, {3, 6}}
	for _, arr := range arrs {
		for _, sel := range sels {
			got, ok := gather(mem, arr, sel)
			if !ok {
				t.Fatalf("%s: gather does not handle the type", arr.DataType())
			}
			want := concatRuns(t, mem, arr, sel)
			if !array.Equal(got, want) || got.NullN() != want.NullN() {
				t.Errorf("%s rows %v: gather %v, concatenate %v", arr.DataType(), sel, got, want)
			}
			got.Release()
			want.Release()
		}
		arr.Release()
	}
	// Types gather does not know fall back to concatenation in take.
	b := array.NewDate32Builder(mem)
	b.AppendValues([]arrow.Date32{1, 2, 3}, nil)
	d := b.NewArray()
	b.Release()
	defer d.Release()
	if _, ok := gather(mem, d, []int{0, 2}); ok {
		t.Fatal("gather claims date32")
	}
	got, err := take(mem, d, []int{0, 2})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Release()
	if got.Len() != 2 || got.(*array.Date32).Value(1) != 3 {
		t.Fatalf("take of date32: %v", got)
	}
}
