package parquetio_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

// benchBatch is one 8192-row batch in the canonical columns with every
// third-ish row flagged (scattered, as rule hits fall) and one hit on each
// flagged row carrying a rule's usual legal basis and explanation.
func benchBatch(b *testing.B) *pipeline.Batch {
	b.Helper()
	const n = 8192
	var fields []arrow.Field
	for _, name := range pipeline.CanonicalNames[:pipeline.FieldValueEUR] {
		fields = append(fields, arrow.Field{Name: name, Type: arrow.BinaryTypes.String, Nullable: true})
	}
	fields = append(fields, arrow.Field{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64, Nullable: true})
	schema := arrow.NewSchema(fields, nil)
	rb := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer rb.Release()
	countries := []string{"US", "CN", "TR", "AE", "IN", "RU", "KZ", "RS"}
	for i := range n {
		c := countries[i%len(countries)]
		vals := []string{fmt.Sprintf("B%010d", i), "2025-03-14", "Müller Antriebstechnik GmbH", "DE",
			fmt.Sprintf("Consignee %d Trading Co., Ltd.", i%3000), c, "", "", c, "hydraulic pumps", "84136031", ""}
		for f, v := range vals {
			sb := rb.Field(f).(*array.StringBuilder)
			if v == "" {
				sb.AppendNull()
			} else {
				sb.Append(v)
			}
		}
		rb.Field(12).(*array.Float64Builder).Append(float64(i%977) * 13.5)
	}
	batch := &pipeline.Batch{Rec: rb.NewRecord(), File: "bench.parquet"}
	b.Cleanup(batch.Release)
	batch.Hits = make([][]evidence.Hit, n)
	batch.Decisions = make([]evidence.Decision, n)
	for i := range n {
		if (i*7)%10 >= 3 {
			continue
		}
		batch.Hits[i] = []evidence.Hit{{Reason: evidence.EndUserCountryMismatch, Role: evidence.RoleEndUser, EntryType: "country",
			EntryName: "Kazakhstan", MatchedName: "KZ", QueryName: "KZ", Score: 0.6,
			LegalBasis:  "Reg. (EU) 2021/821 Art. 12(4) (end-use statement) and Annex III boxes 9 and 12 [S, checked 2026-11-24]",
			Explanation: fmt.Sprintf("goods ship to Türkiye (TR) but the end-user is in Kazakhstan (KZ): diversion risk (row %d)", i)}}
		batch.Decisions[i] = evidence.Decision{Flagged: true, RiskScore: 0.6, Priority: evidence.PriorityLow, Reasons: []evidence.Reason{evidence.EndUserCountryMismatch}}
	}
	return batch
}

// BenchmarkSinkWrite is the Parquet sink per batch: take the flagged rows
// of every input column, build the decision columns, encode and compress.
func BenchmarkSinkWrite(b *testing.B) {
	batch := benchBatch(b)
	sink, err := parquetio.NewSink(filepath.Join(b.TempDir(), "flagged.parquet"), batch.Rec.Schema(), parquetio.SinkOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := sink.Write(b.Context(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if err := sink.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(batch.Len()*b.N)/b.Elapsed().Seconds(), "rows/s")
}
