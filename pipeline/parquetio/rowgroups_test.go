package parquetio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/pipeline"
)

// rgWriteFile writes n shipments with ids prefix-0.. in row groups of
// groupRows rows.
func rgWriteFile(t *testing.T, path, prefix string, n, groupRows int) {
	t.Helper()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "shipment_id", Type: arrow.BinaryTypes.String},
		{Name: "consignee_name", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	}, nil)
	bld := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer bld.Release()
	for i := range n {
		bld.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("%s-%d", prefix, i))
		bld.Field(1).(*array.StringBuilder).Append(fmt.Sprintf("Consignee %d GmbH", i%7))
		bld.Field(2).(*array.Float64Builder).Append(float64(i) * 10)
	}
	rec := bld.NewRecord()
	defer rec.Release()
	tbl := array.NewTableFromRecords(schema, []arrow.Record{rec})
	defer tbl.Release()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pqarrow.WriteTable(tbl, f, int64(groupRows), parquet.NewWriterProperties(), pqarrow.DefaultWriterProps()); err != nil {
		t.Fatal(err)
	}
}

// rgRows drains src into "file|row|id|partition" lines.
func rgRows(t *testing.T, src pipeline.Source) []string {
	t.Helper()
	var out []string
	for {
		b, err := src.Next(context.Background())
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		ids := b.Rec.Column(b.Cols.Index[pipeline.FieldShipmentID]).(*array.String)
		part := b.Rec.Column(int(b.Rec.NumCols()) - 1).(*array.String)
		for i := 0; i < b.Len(); i++ {
			out = append(out, fmt.Sprintf("%s|%d|%s|%s", filepath.Base(b.File), b.FirstRow+int64(i), ids.Value(i), part.Value(i)))
		}
		b.Release()
	}
}

// TestRowGroupsCoverTheSource checks that reading every row group on its
// own gives the rows, row numbers and partition values of the whole Source,
// in the same order: what a distributed runner relies on.
func TestRowGroupsCoverTheSource(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	dir := t.TempDir()
	rgWriteFile(t, filepath.Join(dir, "destination_country=RU", "a.parquet"), "a", 250, 100)
	rgWriteFile(t, filepath.Join(dir, "destination_country=T%C3%BCrkiye", "b.parquet"), "b", 130, 40)
	opts := Options{PassThrough: true, BatchSize: 32, Mem: mem}

	src, err := Open(context.Background(), []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := RowGroupsOf(src)
	if err != nil {
		t.Fatal(err)
	}
	want := rgRows(t, src)
	src.Close()

	if len(groups) != 3+4 {
		t.Fatalf("got %d row groups, want 7: %+v", len(groups), groups)
	}
	last := groups[len(groups)-1]
	if last.Seq != 6 || last.Index != 3 || last.FirstRow != 120 || last.Rows != 10 || last.Partition[0] != "destination_country=Türkiye" {
		t.Errorf("last row group = %+v", last)
	}
	var got []string
	for _, g := range groups {
		r, err := OpenRowGroup(context.Background(), g, opts)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rgRows(t, r)...)
		r.Close()
	}
	if len(got) != 380 || len(got) != len(want) {
		t.Fatalf("got %d rows, Source gave %d, want 380", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("row %d: row groups give %q, Source gives %q", i, got[i], want[i])
		}
	}
}

func TestOpenRowGroupErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.parquet")
	rgWriteFile(t, path, "a", 10, 10)
	var ie *pipeline.InputError
	_, err := OpenRowGroup(context.Background(), RowGroup{File: path, Index: 1}, Options{})
	if !errors.As(err, &ie) || ie.File != path {
		t.Errorf("row group past the end: got %v, want an InputError naming %s", err, path)
	}
	_, err = OpenRowGroup(context.Background(), RowGroup{File: filepath.Join(dir, "gone.parquet")}, Options{})
	if !errors.As(err, &ie) || filepath.Base(ie.File) != "gone.parquet" {
		t.Errorf("missing file: got %v, want an InputError naming gone.parquet", err)
	}
}
