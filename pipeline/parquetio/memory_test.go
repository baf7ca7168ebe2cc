//go:build !race

// The race detector multiplies memory and time, so this test runs without it.

package parquetio_test

import (
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// TestBoundedMemory screens 2,000,000 generated rows (20,000 distinct
// consignees, every column passed through) and samples the heap. The live
// heap (what the last GC found reachable, runtime/metrics
// /gc/heap/live:bytes) must peak under 300 MiB, whatever the row count.
// HeapAlloc, which also counts garbage not yet collected, is logged: with
// GOGC=100 it runs up to about twice the live heap, more when other
// processes starve the collector, so it is no measure of what the run keeps.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("screens 2,000,000 rows")
	}
	const rows = 2_000_000
	dir := t.TempDir()
	start := time.Now()
	in := writeDemo(t, dir, rows)
	genTime := time.Since(start)

	runtime.GC()
	var peak, peakAlloc uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			metrics.Read(live)
			peakAlloc = max(peakAlloc, ms.HeapAlloc)
			peak = max(peak, live[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start = time.Now()
	sum, err := screenFile(t, memory.DefaultAllocator, []string{in}, filepath.Join(dir, "flagged.parquet"), false, nil)
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != rows {
		t.Fatalf("screened %d rows, want %d", sum.Rows, rows)
	}
	const limit = 300 << 20
	t.Logf("generated %d rows in %s; screened in %s (%.0f rows/s); flagged %d; peak live heap %.1f MiB (peak HeapAlloc %.1f MiB)",
		rows, genTime.Round(time.Millisecond), elapsed.Round(time.Millisecond), float64(rows)/elapsed.Seconds(), sum.Flagged, float64(peak)/(1<<20), float64(peakAlloc)/(1<<20))
	if peak >= limit {
		t.Errorf("peak live heap %.1f MiB, want under 300 MiB", float64(peak)/(1<<20))
	}
}
