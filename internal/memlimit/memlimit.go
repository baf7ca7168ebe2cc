// Package memlimit bounds a run's memory with Go's soft memory limit: what
// the run holds once it is set up (the lists and their index, which grow
// with the lists, not with the input) plus a fixed working budget for
// everything that streams (batches in flight, the name cache, the sink's
// row group, the rules' memos).
//
// Under the limit the proportional collector (GOGC) is switched off, so
// the collector runs when the heap reaches the limit and not before. That
// is what makes memory flat in rows: with GOGC on, the heap's target is
// twice what is live, and what is live grows over a run until the bounded
// structures are full (the rules' place memo, the reader's buffers), so a
// 1M-row run whose live heap stays small peaked well under a 10M-row run
// held at the limit (561 against 653 MiB). With the limit as the only
// trigger, every run that allocates its budget's worth of garbage, which a
// run of a few hundred thousand rows does, reaches the same bound.
//
// A soft limit is not a cap: past it the collector runs more often (never
// using more than about half the CPU), and the run goes on.
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// DefaultBudget is the working budget above the live heap after set-up:
// room for the pipeline's bounded queues, the name cache (its 21 MiB of
// tables, made whole when the first rows arrive), the rules' memos, the
// reader's buffers and a Parquet row group of flagged rows. Measured on
// the 10M-row benchmark batch with every shared list (dsbench peer; see
// benchmarks/README.md, "Flat memory, session 6"): 384 MiB made the
// collector run so often that the run took 45% more CPU; 512 MiB costs
// nothing measurable. Go's memory then rises to the limit (set-up's
// 108 MiB + 512) in every run of 1M rows or more and stays there: peak
// RSS is the limit plus ~30 MiB of program and runtime (955 MiB at 10M
// rows without a limit).
const DefaultBudget = 512 << 20

// Apply sets the soft memory limit to the live heap now plus budget,
// switches the proportional collector off under it (see the package
// comment) and returns the limit and a function that restores both
// settings (for tests and library callers that go on after the run). It
// does nothing, and returns 0, when budget is not positive or the
// GOMEMLIMIT environment variable is set (the user's choice wins); a GOGC
// environment variable likewise keeps the collector's setting as the user
// chose it. Call it once set-up is done: it runs a collection to measure
// the live heap.
func Apply(budget int64) (limit int64, restore func()) {
	if budget <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return 0, func() {}
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := int64(0)
	if s[0].Value.Kind() == metrics.KindUint64 {
		v := s[0].Value.Uint64()
		if v < math.MaxInt64/2 {
			live = int64(v)
		}
	}
	limit = live + budget
	oldLimit := debug.SetMemoryLimit(limit)
	userGOGC := os.Getenv("GOGC") != ""
	oldPercent := 0
	if !userGOGC {
		oldPercent = debug.SetGCPercent(-1)
	}
	return limit, func() {
		if !userGOGC {
			debug.SetGCPercent(oldPercent)
		}
		debug.SetMemoryLimit(oldLimit)
	}
}
