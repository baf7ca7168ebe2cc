package parquetio_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

var updateFuzzSeeds = flag.Bool("update-fuzz-seeds", false, "rewrite testdata/fuzz/FuzzSource from fuzzSeedFiles")

// fuzzSeedFile is one small shipment file in a layout real writers produce.
type fuzzSeedFile struct {
	name string
	data func(t testing.TB) []byte
}

var dictString = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}

// fuzzSeedFiles cover the encodings the Source must decode: plain, large and
// dictionary strings, nulls, dates and numbers, several row groups, zero
// rows, compression, and the values Extract rejects.
var fuzzSeedFiles = []fuzzSeedFile{
	{"plain", func(t testing.TB) []byte {
		return fuzzParquet(t, 2, compress.Codecs.Uncompressed,
			fuzzCol("shipment_id", arrow.BinaryTypes.String, "S-1", "S-2", "S-3"),
			fuzzCol("consignee_name", arrow.BinaryTypes.String, "Rosoboronexport", nil, "  Harrington Instruments Ltd "),
			fuzzCol("destination_country", dictString, "RU", "GB", "RU"),
			fuzzCol("value_eur", arrow.PrimitiveTypes.Float64, 1250.5, nil, 99.0))
	}},
	{"large-snappy", func(t testing.TB) []byte {
		return fuzzParquet(t, 1, compress.Codecs.Snappy,
			fuzzCol("shipment_id", arrow.BinaryTypes.LargeString, "A1", "A2"),
			fuzzCol("consignee_name", arrow.BinaryTypes.LargeString, "Корея Рёнбон", "Mahan Air"),
			fuzzCol("end_user_name", dictString, nil, "Islamic Revolutionary Guard Corps"),
			fuzzCol("cn_code", arrow.PrimitiveTypes.Int64, int64(85423190), int64(90138000)))
	}},
	{"zero-rows", func(t testing.TB) []byte {
		return fuzzParquet(t, 1, compress.Codecs.Uncompressed,
			fuzzCol("shipment_id", arrow.BinaryTypes.String),
			fuzzCol("consignee_name", arrow.BinaryTypes.String))
	}},
	{"bad-utf8", func(t testing.TB) []byte {
		return fuzzParquet(t, 4, compress.Codecs.Uncompressed,
			fuzzCol("shipment_id", arrow.BinaryTypes.String, "S-1", "S-2"),
			fuzzCol("consignee_name", arrow.BinaryTypes.String, "ACME", "M\xfcller GmbH"))
	}},
	{"null-id", func(t testing.TB) []byte {
		return fuzzParquet(t, 4, compress.Codecs.Uncompressed,
			fuzzCol("shipment_id", arrow.BinaryTypes.String, "S-1", nil),
			fuzzCol("consignee_name", arrow.BinaryTypes.String, "ACME", "Tanchon Commercial Bank"))
	}},
	{"binary-names", func(t testing.TB) []byte {
		return fuzzParquet(t, 4, compress.Codecs.Gzip,
			fuzzCol("shipment_id", arrow.BinaryTypes.Binary, "B-1", "B-2"),
			fuzzCol("consignee_name", arrow.BinaryTypes.Binary, "Green Pine Associated Corporation", "=cmd|'/c calc'!A1"),
			fuzzCol("declaration_date", arrow.FixedWidthTypes.Date32, arrow.Date32(20089), nil))
	}},
}

type fuzzColumn struct {
	field  arrow.Field
	values []any // nil is null
}

func fuzzCol(name string, dt arrow.DataType, values ...any) fuzzColumn {
	return fuzzColumn{arrow.Field{Name: name, Type: dt, Nullable: true}, values}
}

// fuzzParquet writes the columns as one Parquet file with row groups of
// rowGroup rows.
func fuzzParquet(t testing.TB, rowGroup int64, codec compress.Compression, cols ...fuzzColumn) []byte {
	t.Helper()
	var fields []arrow.Field
	var values [][]any
	for _, c := range cols {
		fields = append(fields, c.field)
		values = append(values, c.values)
	}
	schema := arrow.NewSchema(fields, nil)
	rb := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer rb.Release()
	for i, vs := range values {
		for _, v := range vs {
			if v == nil {
				rb.Field(i).AppendNull()
				continue
			}
			switch b := rb.Field(i).(type) {
			case *array.StringBuilder:
				b.Append(v.(string))
			case *array.LargeStringBuilder:
				b.Append(v.(string))
			case *array.BinaryBuilder:
				b.AppendString(v.(string))
			case *array.BinaryDictionaryBuilder:
				if err := b.AppendString(v.(string)); err != nil {
					t.Fatal(err)
				}
			case *array.Float64Builder:
				b.Append(v.(float64))
			case *array.Int64Builder:
				b.Append(v.(int64))
			case *array.Date32Builder:
				b.Append(v.(arrow.Date32))
			default:
				t.Fatalf("no appender for %T", b)
			}
		}
	}
	rec := rb.NewRecord()
	defer rec.Release()
	tbl := array.NewTableFromRecords(schema, []arrow.Record{rec})
	defer tbl.Release()
	var buf bytes.Buffer
	props := parquet.NewWriterProperties(parquet.WithCompression(codec), parquet.WithDictionaryDefault(true))
	if err := pqarrow.WriteTable(tbl, &buf, rowGroup, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema())); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteFuzzSourceSeeds keeps testdata/fuzz/FuzzSource in step with
// fuzzSeedFiles: run with -update-fuzz-seeds after changing them.
func TestWriteFuzzSourceSeeds(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzSource")
	for _, s := range fuzzSeedFiles {
		path := filepath.Join(dir, s.name)
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s.data(t))
		if *updateFuzzSeeds {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("seed %s missing: run go test -run TestWriteFuzzSourceSeeds -update-fuzz-seeds ./pipeline/parquetio", path)
		}
	}
}

// FuzzSource feeds arbitrary bytes as a shipment file through the real
// Source and Extract. Properties: no panic; every failure is an InputError
// naming the file (and a row within the footer's count when it names one);
// a file that reads without error yields exactly the footer's row count,
// numbered in order, each with a trimmed, valid UTF-8 shipment_id; and no
// Arrow memory is leaked on either path.
func FuzzSource(f *testing.F) {
	for _, s := range fuzzSeedFiles {
		f.Add(s.data(f))
	}
	f.Add([]byte("PAR1"))
	f.Add([]byte("PAR1\x00\x00\x00\x00PAR1"))
	f.Add([]byte("shipment_id,consignee_name\nS1,ACME\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "shipments.parquet")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// Both ways of reading text columns: plain, and small dictionaries
		// as Arrow dictionaries (the seeds' strings are dictionary-encoded).
		for _, readDict := range []bool{false, true} {
			mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
			_, err := fuzzReadAll(t, path, mem, readDict)
			mem.AssertSize(t, 0)
			if err != nil {
				var ie *pipeline.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("readDict=%v: error %v (%T) is not an InputError", readDict, err, err)
				}
				if ie.File != path || !strings.Contains(err.Error(), path) {
					t.Fatalf("readDict=%v: error %q does not name %s", readDict, err, path)
				}
				if ie.Row < 0 {
					t.Fatalf("readDict=%v: error %q has row %d", readDict, err, ie.Row)
				}
			}
		}
	})
}

// fuzzReadAll reads every batch of path and checks each shipment.
func fuzzReadAll(t *testing.T, path string, mem memory.Allocator, readDict bool) (int64, error) {
	ctx := context.Background()
	src, err := parquetio.Open(ctx, []string{path}, parquetio.Options{PassThrough: true, BatchSize: 3, Mem: mem, ReadDictionaries: readDict})
	if err != nil {
		return 0, err
	}
	defer src.Close()
	total := src.TotalRows()
	var next int64
	for {
		b, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return next, err
		}
		err = pipeline.Extract(b)
		if err != nil {
			first, last := b.FirstRow+1, b.FirstRow+int64(b.Len())
			b.Release()
			var ie *pipeline.InputError
			if errors.As(err, &ie) && (ie.Row < first || ie.Row > last || ie.Column == "") {
				t.Fatalf("Extract error %q: row outside the batch's rows %d..%d or no column", err, first, last)
			}
			return next, err
		}
		for i := range b.Shipments {
			s := &b.Shipments[i]
			if s.Row != next {
				t.Fatalf("shipment %d numbered %d", next, s.Row)
			}
			next++
			for _, v := range []string{s.ShipmentID, s.ConsigneeName, s.EndUserName, s.Destination, s.Goods} {
				if !utf8.ValidString(v) || v != strings.TrimSpace(v) {
					t.Fatalf("row %d: value %q not trimmed valid UTF-8", s.Row, v)
				}
			}
			if s.ShipmentID == "" {
				t.Fatalf("row %d: empty shipment_id passed Extract", s.Row)
			}
		}
		b.Release()
	}
	if next != total {
		t.Fatalf("read %d rows without error, footer says %d", next, total)
	}
	return next, nil
}
