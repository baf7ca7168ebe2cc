package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memTraceMetrics are the runtime's memory classes sampled by -memtrace:
// together with the OS view (VmRSS) they say, at the run's peak, whether
// resident memory is live heap, heap the collector has not reached yet,
// free heap not yet returned, or memory outside the heap. The last four
// say whether the collector's CPU limiter was on (it lets the heap pass
// the soft limit), how fast the run allocates and what the collector's
// share of the CPU was.
var memTraceMetrics = []string{
	"/gc/heap/live:bytes",
	"/gc/heap/goal:bytes",
	"/gc/cycles/total:gc-cycles",
	"/memory/classes/total:bytes",
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/heap/stacks:bytes",
	"/memory/classes/metadata/other:bytes",
	"/memory/classes/metadata/mspan/inuse:bytes",
	"/memory/classes/metadata/mcache/inuse:bytes",
	"/memory/classes/os-stacks:bytes",
	"/memory/classes/other:bytes",
	"/memory/classes/profiling/buckets:bytes",
	"/gc/limiter/last-enabled:gc-cycle",
	"/gc/heap/allocs:bytes",
	"/cpu/classes/gc/total:cpu-seconds",
	"/cpu/classes/total:cpu-seconds",
}

// startMemTrace writes one CSV row every interval to path until the
// returned stop is called: seconds since start, VmRSS, the soft memory
// limit, then memTraceMetrics. It exists to compare runs of different
// sizes class by class; sampling costs a metrics.Read and a read of
// /proc/self/status per row.
func startMemTrace(path string, interval time.Duration) (stop func() error, err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	head := []string{"sec", "rss", "limit"}
	for _, m := range memTraceMetrics {
		// "/memory/classes/heap/objects:bytes" -> "memory.classes.heap.objects"
		head = append(head, strings.ReplaceAll(strings.Trim(m[:strings.LastIndex(m, ":")], "/"), "/", "."))
	}
	fmt.Fprintln(w, strings.Join(head, ","))
	samples := make([]metrics.Sample, len(memTraceMetrics))
	for i, m := range memTraceMetrics {
		samples[i].Name = m
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	start := time.Now()
	row := func() {
		metrics.Read(samples)
		fmt.Fprintf(w, "%.2f,%d,%d", time.Since(start).Seconds(), vmRSS(), debug.SetMemoryLimit(-1))
		for _, s := range samples {
			switch s.Value.Kind() {
			case metrics.KindUint64:
				fmt.Fprintf(w, ",%d", s.Value.Uint64())
			case metrics.KindFloat64:
				fmt.Fprintf(w, ",%.3f", s.Value.Float64())
			default:
				fmt.Fprint(w, ",0")
			}
		}
		fmt.Fprintln(w)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				row()
			}
		}
	}()
	return func() error {
		cancel()
		wg.Wait()
		row()
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}

// vmRSS is this process's resident set now (VmRSS), in bytes, or 0.
func vmRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err == nil {
				return n << 10
			}
		}
	}
	return 0
}
