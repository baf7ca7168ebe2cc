package pipeline

import (
	"fmt"
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

// BenchmarkSummaryDuplicates is the writer's per-row bookkeeping of
// shipment ids (countDuplicates) over batches of 8,192 distinct ids, the
// recent-id table at its full 8 MiB.
func BenchmarkSummaryDuplicates(b *testing.B) {
	const size = 8192
	batches := make([]*Batch, 32)
	for k := range batches {
		bt := &Batch{File: "bench.parquet", Shipments: make([]evidence.Shipment, size)}
		for i := range bt.Shipments {
			bt.Shipments[i] = evidence.Shipment{Row: int64(k*size + i), ShipmentID: fmt.Sprintf("SHP-2025-%09d", k*size+i), ConsigneeName: "Acme"}
		}
		batches[k] = bt
	}
	s := newSummary()
	s.idCap = 1 // the hashes are not kept: this measures the per-row work
	defer s.discard()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.countDuplicates(batches[i%len(batches)])
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*size), "ns/row")
}
