package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/data/demo"
)

// relColumn is one column of a hand-written shipment file: its field and
// its values, one per row. For string-like types a value is a string or nil
// (null); for float64 a float64 or nil.
type relColumn struct {
	field  arrow.Field
	values []any
}

func relStrings(name string, values ...any) relColumn {
	return relColumn{arrow.Field{Name: name, Type: arrow.BinaryTypes.String, Nullable: true}, values}
}

// relParquet encodes the columns as a Parquet file (the writer Spark and
// DuckDB files look like to us: one row group, plain strings).
func relParquet(t testing.TB, cols ...relColumn) []byte {
	t.Helper()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = c.field
	}
	schema := arrow.NewSchema(fields, nil)
	rb := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer rb.Release()
	rows := 0
	for i, c := range cols {
		rows = len(c.values)
		for _, v := range c.values {
			b := rb.Field(i)
			if v == nil {
				b.AppendNull()
				continue
			}
			switch b := b.(type) {
			case *array.StringBuilder:
				b.Append(v.(string))
			case *array.Float64Builder:
				b.Append(v.(float64))
			case *array.Int64Builder:
				b.Append(v.(int64))
			case *array.BinaryDictionaryBuilder:
				if err := b.AppendString(v.(string)); err != nil {
					t.Fatal(err)
				}
			default:
				t.Fatalf("relParquet: no appender for %T", b)
			}
		}
	}
	rec := rb.NewRecord()
	defer rec.Release()
	tbl := array.NewTableFromRecords(schema, []arrow.Record{rec})
	defer tbl.Release()
	var buf bytes.Buffer
	if err := pqarrow.WriteTable(tbl, &buf, int64(max(rows, 1)), parquet.NewWriterProperties(), pqarrow.DefaultWriterProps()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// relGoodShipments is a small realistic batch: one row matches the demo
// list (Rosoboronexport), the others are ordinary European buyers.
func relGoodShipments(t testing.TB) []byte {
	return relParquet(t,
		relStrings("shipment_id", "S-2025-0001", "S-2025-0002", "S-2025-0003", "S-2025-0004"),
		relStrings("consignee_name", "Harrington Instruments Ltd", "Rosoboronexport", "Müller Präzisionstechnik GmbH", "Société Générale d'Optique SA"),
		relStrings("consignee_country", "GB", "RU", "DE", "FR"),
		relStrings("destination_country", "GB", "RU", "DE", "FR"),
		relStrings("goods_description", "oscilloscope", "=HYPERLINK(\"http://evil.example\",\"click\")", "-5+3 machining centre", "@SUM(A1:A9) infrared camera"),
	)
}

func relWrite(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// relDemoList writes the embedded demo list (in-house CSV) into dir.
func relDemoList(t testing.TB, dir string) string {
	return relWrite(t, filepath.Join(dir, "list.csv"), demo.ListCSV)
}

func relEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, &out, &errb
}

// relDirNames lists a directory, "" entries for none; a missing directory
// is empty.
func relDirNames(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}
