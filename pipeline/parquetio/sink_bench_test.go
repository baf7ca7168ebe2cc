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

// benchCountries are destinations and party countries as ISO code and name.
var benchCountries = [][2]string{{"US", "United States"}, {"CN", "China"}, {"TR", "Türkiye"}, {"AE", "United Arab Emirates"},
	{"IN", "India"}, {"RU", "Russia"}, {"KZ", "Kazakhstan"}, {"RS", "Serbia"}, {"DE", "Germany"}, {"BR", "Brazil"},
	{"JP", "Japan"}, {"GE", "Georgia"}, {"AM", "Armenia"}, {"MY", "Malaysia"}}

// benchGoods are goods lines as (description, CN code).
var benchGoods = [][2]string{{"hydraulic pumps", "84136031"}, {"ball bearings", "84821010"}, {"machining centres", "84571010"},
	{"oscilloscopes", "90302000"}, {"integrated circuits", "85423190"}, {"carbon fibre", "68151100"}, {"valves", "84818081"},
	{"frequency changers", "85044090"}, {"aluminium tubes", "76081000"}, {"gas turbines", "84118280"}}

// benchBatch is one 8,192-row batch shaped like the flagged rows of the
// benchmark batches (benchmarks/README.md, "Sink, session 4"): a third of
// the rows flagged, scattered; party names repeating (about 1,500 distinct
// consignees and end users, some rows without an end user), a dozen
// exporters, a year of dates, ten goods lines; most flagged rows carry one
// END_USER_COUNTRY_MISMATCH hit whose explanation names the two countries
// (a few hundred distinct), one in eight a party hit too, whose entry and
// explanation repeat per listed name.
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
	name := func(i int) string {
		return fmt.Sprintf("%s %d %s", []string{"Anadolu Makina", "Shenzhen Huaxin", "Gulf Star", "Volga Tekhnika", "Tashkent Trade"}[i%5], i, []string{"Sanayi ve Ticaret A.Ş.", "Co., Ltd.", "FZE", "OOO", "LLC"}[i%5])
	}
	for i := range n {
		dest := benchCountries[(i*7)%len(benchCountries)]
		goods := benchGoods[(i*3)%len(benchGoods)]
		cons, eu := (i*31)%750, 750+(i*17)%750
		endUser, endUserCountry := name(eu), benchCountries[eu%len(benchCountries)][0]
		if i%10 == 9 {
			endUser, endUserCountry = "", ""
		}
		control := ""
		if i%40 == 0 {
			control = "2B001.b"
		}
		vals := []string{fmt.Sprintf("S%09d", 3_000_000+i), fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+(i/12)%28),
			[]string{"Müller Antriebstechnik GmbH", "Schneider Präzisionsteile AG", "Hydraulik Nord KG"}[i%3], "DE",
			name(cons), benchCountries[cons%len(benchCountries)][0], endUser, endUserCountry, dest[0], goods[0], goods[1], control}
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
		if (i*7)%10 >= 3 || i%10 == 9 {
			continue
		}
		dest := benchCountries[(i*7)%len(benchCountries)]
		eu := 750 + (i*17)%750
		home := benchCountries[eu%len(benchCountries)]
		hits := []evidence.Hit{{Reason: evidence.EndUserCountryMismatch, Role: evidence.RoleEndUser, EntryType: "country",
			EntryName: home[1], MatchedName: home[0], QueryName: home[0], Score: 0.6,
			LegalBasis:  "Reg. (EU) 2021/821 Art. 12(4) (end-use statement) and Annex III boxes 9 and 12; sanctions apply to goods \"for use in\" a country [S, checked 2026-11-24]",
			Explanation: fmt.Sprintf("goods ship to %s (%s) but the end-user is in %s (%s): diversion risk", dest[1], dest[0], home[1], home[0])}}
		d := evidence.Decision{Flagged: true, RiskScore: 0.6, Priority: evidence.PriorityLow, Reasons: []evidence.Reason{evidence.EndUserCountryMismatch}}
		if i%8 == 0 {
			listed := (i * 13) % 120
			hits = append(hits, evidence.Hit{Reason: evidence.PartyMatch, Role: evidence.RoleConsignee, List: "ofac_sdn",
				EntryID: fmt.Sprint(30000 + listed), EntryName: name(listed), EntryType: "organisation", MatchedName: name(listed),
				QueryName: name((i * 31) % 750), Score: 0.91, Programs: "RUSSIA-EO14024", LegalBasis: "Council Regulation (EU) No 833/2014; US EO 14024",
				Explanation: fmt.Sprintf("consignee %q matches OFAC SDN entry %q (score 0.91)", name((i*31)%750), name(listed))})
			d = evidence.Decision{Flagged: true, RiskScore: 0.91, Priority: evidence.PriorityHigh, Reasons: []evidence.Reason{evidence.PartyMatch, evidence.EndUserCountryMismatch}}
		}
		batch.Hits[i] = hits
		batch.Decisions[i] = d
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
	cpu := processCPU()
	for b.Loop() {
		if err := sink.Write(b.Context(), batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := sink.Commit(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(batch.Len()*b.N)/b.Elapsed().Seconds(), "rows/s")
}
