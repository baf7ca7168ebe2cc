package parquetio_test

import (
	"bytes"
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

	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

// screenDict screens in with the naive matcher over testList, reading
// small dictionaries as dictionaries when readDict is set, and returns the
// Parquet file written with sinkOpts.
func screenDict(t *testing.T, in string, readDict bool, sinkOpts parquetio.SinkOptions) ([]byte, error) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	src, err := parquetio.Open(t.Context(), []string{in}, parquetio.Options{PassThrough: true, Mem: mem, BatchSize: 1000, ReadDictionaries: readDict})
	if err != nil {
		return nil, err
	}
	out := filepath.Join(t.TempDir(), "out.parquet")
	sinkOpts.Mem = mem
	sink, err := parquetio.NewSink(out, src.Schema(), sinkOpts)
	if err != nil {
		src.Close()
		return nil, err
	}
	stage := pipeline.NewPartyStage(matchers.NewNaiveJW(testList, matchers.Options{}), pipeline.PartyOptions{})
	if _, err := pipeline.Run(t.Context(), src, sink, pipeline.Options{Stages: []pipeline.Stage{stage}}); err != nil {
		return nil, err
	}
	return os.ReadFile(out)
}

// columnTypes returns the Arrow type of each column of the first batch of
// in, by name, and the Source's schema's.
func columnTypes(t *testing.T, in string, readDict bool) (batch, schema map[string]arrow.DataType) {
	t.Helper()
	b, src, done := firstBatch(t, in, parquetio.Options{PassThrough: true, ReadDictionaries: readDict})
	defer done()
	batch, schema = map[string]arrow.DataType{}, map[string]arrow.DataType{}
	for i, f := range b.Rec.Schema().Fields() {
		batch[f.Name], schema[f.Name] = f.Type, src.Schema().Field(i).Type
	}
	return batch, schema
}

// The demo batch stores countries, goods, codes and (2,000) party names
// with small dictionaries, dates and ids plain and the destination as an
// Arrow dictionary. Read with ReadDictionaries the small ones arrive as
// dictionaries, the rest as before, and every writer writes the same bytes
// as from plain columns.
func TestReadDictionariesSameOutput(t *testing.T) {
	in := writeDemo(t, t.TempDir(), 40_000)
	got, schema := columnTypes(t, in, true)
	plain, _ := columnTypes(t, in, false)
	for _, name := range []string{"exporter_country", "consignee_country", "end_user_country", "goods_description", "cn_code", "control_code"} {
		if got[name].ID() != arrow.DICTIONARY || schema[name].ID() != arrow.STRING {
			t.Errorf("%s: batch %s, schema %s; want a dictionary of the schema's strings", name, got[name], schema[name])
		}
	}
	for _, name := range []string{"shipment_id", "declaration_date"} {
		if !arrow.TypeEqual(got[name], plain[name]) {
			t.Errorf("%s: read as %s with dictionaries, %s without (ids and plain columns stay as they are)", name, got[name], plain[name])
		}
	}
	if dt := got["destination_country"]; !arrow.TypeEqual(dt, plain["destination_country"]) || !arrow.TypeEqual(dt, schema["destination_country"]) {
		t.Errorf("destination_country (stored as an Arrow dictionary) read as %s, plain %s, schema %s", dt, plain["destination_country"], schema["destination_country"])
	}
	for _, opts := range []parquetio.SinkOptions{{}, {All: true}, {RowGroupRows: 3000}, parquetio.ViaArrow(parquetio.SinkOptions{All: true})} {
		t.Run(fmt.Sprintf("%+v", opts), func(t *testing.T) {
			want, err := screenDict(t, in, false, opts)
			if err != nil {
				t.Fatal(err)
			}
			gotBytes, err := screenDict(t, in, true, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gotBytes, want) {
				t.Errorf("output with dictionaries (%d bytes) differs from without (%d bytes)", len(gotBytes), len(want))
			}
		})
	}
}

// A file written without dictionaries (as DuckDB or pandas can write) is
// read as plain strings and screened as before.
func TestReadDictionariesPlainFile(t *testing.T) {
	dir := t.TempDir()
	demo := writeDemo(t, dir, 5_000)
	plainFile := rewrite(t, demo, filepath.Join(dir, "plain.parquet"), parquet.WithDictionaryDefault(false))
	got, _ := columnTypes(t, plainFile, true)
	for name, dt := range got {
		if dt.ID() == arrow.DICTIONARY && name != "destination_country" {
			t.Errorf("%s read as %s from a file without dictionaries", name, dt)
		}
	}
	want, err := screenDict(t, demo, false, parquetio.SinkOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	fromPlain, err := screenDict(t, plainFile, true, parquetio.SinkOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	sameRows(t, fromPlain, want)
}

// A column whose dictionary page is large (here 6,000 distinct consignees
// in one row group) is read plain: arrow copies a column's dictionary into
// every batch.
func TestReadDictionariesLargeStaysPlain(t *testing.T) {
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "shipment_id", Type: arrow.BinaryTypes.String},
		{Name: "consignee_name", Type: arrow.BinaryTypes.String},
		{Name: "consignee_country", Type: arrow.BinaryTypes.String},
	}, nil)
	rb := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer rb.Release()
	countries := []string{"DE", "CN", "TR"}
	for i := range 12_000 {
		rb.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("DE-2025-%06d", i))
		rb.Field(1).(*array.StringBuilder).Append(fmt.Sprintf("Handelskontor %04d Maschinenbau GmbH & Co. KG", i%6000))
		rb.Field(2).(*array.StringBuilder).Append(countries[i%3])
	}
	rec := rb.NewRecord()
	defer rec.Release()
	tbl := array.NewTableFromRecords(schema, []arrow.Record{rec})
	defer tbl.Release()
	var buf bytes.Buffer
	if err := pqarrow.WriteTable(tbl, &buf, 12_000, parquet.NewWriterProperties(), pqarrow.DefaultWriterProps()); err != nil {
		t.Fatal(err)
	}
	got, _ := columnTypes(t, writeFile(t, buf.Bytes()), true)
	if got["consignee_name"].ID() != arrow.STRING || got["consignee_country"].ID() != arrow.DICTIONARY {
		t.Errorf("consignee_name read as %s, consignee_country as %s; want the large dictionary plain, the small one a dictionary", got["consignee_name"], got["consignee_country"])
	}
}

// rewrite copies the Parquet file from to path with the writer properties
// props (and a stored Arrow schema), and returns path.
func rewrite(t *testing.T, from, path string, props ...parquet.WriterProperty) string {
	t.Helper()
	mem := memory.DefaultAllocator
	tbl := readParquet(t, mem, from)
	defer tbl.Release()
	var buf bytes.Buffer
	if err := pqarrow.WriteTable(tbl, &buf, 2000, parquet.NewWriterProperties(props...), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema())); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A dictionary entry that is not UTF-8 is reported at the first row that
// uses it, with the column's name, and rows with a null country stay null.
func TestReadDictionariesBadUTF8AndNulls(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "latin1.parquet")
	rows := append([]pgRow(nil), pgRows...)
	rows[4].ConsigneeCountry = sp("G\xfc") // Latin-1: not UTF-8
	writePG(t, in, rows)
	if got, _ := columnTypes(t, in, true); got["consignee_country"].ID() != arrow.DICTIONARY {
		t.Fatalf("consignee_country read as %s: the test no longer covers dictionaries", got["consignee_country"])
	}
	_, err := screenDict(t, in, true, parquetio.SinkOptions{})
	var ie *pipeline.InputError
	if !errors.As(err, &ie) || !errors.Is(err, pipeline.ErrBadUTF8) {
		t.Fatalf("err = %v, want ErrBadUTF8", err)
	}
	if ie.File != in || ie.Row != 5 || ie.Column != "consignee_country" {
		t.Errorf("location %s row %d column %s, want row 5 consignee_country", ie.File, ie.Row, ie.Column)
	}

	good := filepath.Join(dir, "good.parquet")
	writePG(t, good, pgRows)
	want, err := screenDict(t, good, false, parquetio.SinkOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := screenDict(t, good, true, parquetio.SinkOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("output with dictionaries differs from without")
	}
	tbl := readParquet(t, memory.DefaultAllocator, writeFile(t, got))
	defer tbl.Release()
	cc := tbl.Column(tbl.Schema().FieldIndices("consignee_country")[0]).Data().Chunk(0)
	if cc.DataType().ID() != arrow.STRING || !cc.IsNull(2) || cc.(*array.String).Value(3) != "CN" {
		t.Errorf("consignee_country written as %s, row 3 null=%v, row 4 %q", cc.DataType(), cc.IsNull(2), cc.ValueStr(3))
	}
}

// The Source reads each batch's dictionaries through the same reader as
// plain columns: ending a file early still names it.
func TestReadDictionariesAllRows(t *testing.T) {
	in := writeDemo(t, t.TempDir(), 12_345)
	src, err := parquetio.Open(t.Context(), []string{in}, parquetio.Options{PassThrough: true, ReadDictionaries: true, BatchSize: 999})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var rows int64
	for {
		b, err := src.Next(t.Context())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if b.FirstRow != rows {
			t.Fatalf("batch starts at row %d, want %d", b.FirstRow, rows)
		}
		if err := pipeline.Extract(b); err != nil {
			t.Fatal(err)
		}
		for i := range b.Shipments {
			if s := &b.Shipments[i]; s.Destination == "" || s.ExporterCountry == "" {
				t.Fatalf("row %d: destination %q exporter country %q", s.Row+1, s.Destination, s.ExporterCountry)
			}
		}
		rows += int64(b.Len())
		b.Release()
	}
	if rows != 12_345 {
		t.Errorf("%d rows, want 12,345", rows)
	}
}
