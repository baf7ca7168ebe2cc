package pipeline_test

import (
	"fmt"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/pipeline"
)

// BenchmarkExtract is the normalise step on one 8,192-row batch of every
// canonical column, as plain Arrow strings (what a Parquet file written
// by most tools reads as), names in several scripts, a third of the end
// users and most control codes null.
func BenchmarkExtract(b *testing.B) {
	var fields []arrow.Field
	for f := pipeline.Field(0); f < pipeline.NumFields; f++ {
		t := arrow.DataType(arrow.BinaryTypes.String)
		if f == pipeline.FieldValueEUR {
			t = arrow.PrimitiveTypes.Float64
		}
		fields = append(fields, arrow.Field{Name: f.String(), Type: t, Nullable: true})
	}
	schema := arrow.NewSchema(fields, nil)
	names := []string{"Harrington Instruments Ltd", "Müller Präzisionstechnik GmbH", "华为技术有限公司", "ООО Ромашка", "Acme Tools Ltd."}
	rb := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer rb.Release()
	const n = 8192
	for i := range n {
		for f := pipeline.Field(0); f < pipeline.NumFields; f++ {
			if f == pipeline.FieldValueEUR {
				rb.Field(int(f)).(*array.Float64Builder).Append(float64(i))
				continue
			}
			sb := rb.Field(int(f)).(*array.StringBuilder)
			switch {
			case f == pipeline.FieldShipmentID:
				sb.Append(fmt.Sprintf("S%09d", i))
			case (f == pipeline.FieldEndUserName || f == pipeline.FieldEndUserCountry) && i%3 != 0,
				f == pipeline.FieldControlCode && i%30 != 0:
				sb.AppendNull()
			case f == pipeline.FieldConsigneeName || f == pipeline.FieldEndUserName || f == pipeline.FieldExporterName:
				sb.Append(names[(i*int(f))%len(names)])
			case f == pipeline.FieldGoods:
				sb.Append("frequency changers (inverters) for gas centrifuges")
			default:
				sb.Append("DE")
			}
		}
	}
	rec := rb.NewRecord()
	defer rec.Release()
	cols, err := pipeline.ResolveColumns("bench.parquet", schema, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rec.Retain()
		bt := &pipeline.Batch{Rec: rec, File: "bench.parquet", Cols: cols}
		if err := pipeline.Extract(bt); err != nil {
			b.Fatal(err)
		}
		bt.Release()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}
