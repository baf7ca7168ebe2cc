package pipeline_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/pipeline"
)

// discardSink counts rows and keeps nothing.
type discardSink struct{ rows int64 }

func (s *discardSink) Write(_ context.Context, b *pipeline.Batch) error {
	s.rows += int64(b.Len())
	return nil
}
func (s *discardSink) Commit() error { return nil }
func (s *discardSink) Abort() error  { return nil }

// BenchmarkRun measures the pipeline's own overhead per row (extract, cache
// lookups, decide, reorder) with a trivial matcher, over cache hit rates.
func BenchmarkRun(b *testing.B) {
	for _, distinct := range []int{100, 10_000} {
		b.Run(fmt.Sprintf("distinct=%d", distinct), func(b *testing.B) {
			names := make([]string, distinct)
			for i := range names {
				names[i] = fmt.Sprintf("Consignee %d Handels GmbH", i)
			}
			const rows = 100_000
			b.ReportAllocs()
			for b.Loop() {
				src := &memSource{mem: memory.DefaultAllocator, names: names, n: rows, bs: 8192}
				party := pipeline.NewPartyStage(newExactMatcher("Consignee 7 Handels GmbH"), pipeline.PartyOptions{})
				if _, err := pipeline.Run(b.Context(), src, &discardSink{}, pipeline.Options{Stages: []pipeline.Stage{party}}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
