package parquetio_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
	"github.com/dualscreen/dualscreen/rules"
)

// BenchmarkScreenPerRow is the per-row path of a screen without the
// matcher: read 200,000 demo rows (countries, goods and codes stored with
// small dictionaries, 10,000 consignees), Extract, the default rules and
// policy, and the flagged rows written to Parquet, with the small
// dictionaries read as dictionaries or as plain strings. One op is the
// whole file.
func BenchmarkScreenPerRow(b *testing.B) {
	in := writeDemo(b, b.TempDir(), 200_000)
	policy, err := rules.DefaultPolicy()
	if err != nil {
		b.Fatal(err)
	}
	for _, readDict := range []bool{false, true} {
		b.Run(fmt.Sprintf("readDict=%v", readDict), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "flagged.parquet")
			b.ReportAllocs()
			runtime.GC() // the demo writer's garbage is not this run's
			cpu := processCPU()
			for b.Loop() {
				engine, err := rules.NewEngine(policy)
				if err != nil {
					b.Fatal(err)
				}
				src, err := parquetio.Open(b.Context(), []string{in}, parquetio.Options{PassThrough: true, ReadDictionaries: readDict})
				if err != nil {
					b.Fatal(err)
				}
				sink, err := parquetio.NewSink(out, src.Schema(), parquetio.SinkOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := pipeline.Run(b.Context(), src, sink, pipeline.Options{Stages: []pipeline.Stage{pipeline.RuleStage{Checker: engine}}, Decider: policy}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64((processCPU()-cpu).Nanoseconds())/float64(b.N*200_000), "cpu-ns/row")
		})
	}
}
