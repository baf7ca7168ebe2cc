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
// After the first collection the limit steps down by the runtime's own
// headroom (3%), so that later collections, on a heap that collection
// after collection fragments, map no more than the first one did (see
// Apply).
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
	"sync"
)

// DefaultBudget is the working budget above the live heap after set-up:
// room for the pipeline's bounded queues, the name cache (its 21 MiB of
// tables, made whole when the first rows arrive), the rules' memos, the
// reader's buffers and a Parquet row group of flagged rows. Measured on
// the 10M-row benchmark batch with every shared list (dsbench peer; see
// benchmarks/README.md, "Flat memory, session 6"): 384 MiB made the
// collector run so often that the run took 45% more CPU; 512 MiB costs
// nothing measurable. Go's memory then rises to the limit (set-up's
// 108 MiB + 512) in every run of 1M rows or more and, after the first
// collection, stays at settledPercent of it (see Apply): peak RSS is
// that plus ~30–35 MiB of program and runtime (955 MiB at 10M rows
// without a limit).
const DefaultBudget = 512 << 20

// settledPercent is the share of the limit that Go may map once the first
// collection after Apply is over (see Apply). 97 mirrors the runtime's own
// headroom (memoryLimitHeapGoalHeadroomPercent in runtime/mgcpacer.go):
// the heap's goal under a limit is 3% below what the limit leaves, which is
// where a first collection on an unfragmented heap stops.
const settledPercent = 97

// Apply sets the soft memory limit to the live heap now plus budget,
// switches the proportional collector off under it (see the package
// comment) and returns the limit and a function that restores both
// settings (for tests and library callers that go on after the run). It
// does nothing, and returns 0, when budget is not positive or the
// GOMEMLIMIT environment variable is set (the user's choice wins); a GOGC
// environment variable likewise keeps the collector's setting as the user
// chose it. Call it once set-up is done: it runs a collection to measure
// the live heap.
//
// Once the first collection after Apply has run, the limit steps down to
// settledPercent of itself, for the rest of the run. Why: the runtime
// aims the heap 3% below the limit, and the first collection, on a heap
// not yet fragmented, stops there (a 1M-row run collects only two or
// three times more). Every later collection leaves free pages that later
// allocations cannot use, and a run that collects dozens of times (10M
// rows: ~50) crept up to the limit itself, where the runtime held it by
// returning pages: Go's mapped memory, and with it peak RSS, grew with
// the number of collections, so with rows (10M rows 655 MiB, 1M rows
// 626–638). With the step-down no later collection may map more than the
// first one did, in every run long enough to reach the limit (10M rows
// 635–639 MiB; benchmarks/README.md, "Flat memory, session 7"). With the
// proportional collector off, that first collection is the one at the
// limit, or the runtime's forced one after two minutes without any, which
// only lowers the bound sooner. The cost is a heap goal ~3% lower for the
// rest of the run. The returned limit is the one set first.
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
	step := stepDownAfterNextGC(limit / 100 * settledPercent)
	return limit, func() {
		step.cancel()
		if !userGOGC {
			debug.SetGCPercent(oldPercent)
		}
		debug.SetMemoryLimit(oldLimit)
	}
}

// stepDown lowers the soft limit once, from a cleanup the collector runs
// after the first cycle that finds its sentinel unreachable, unless it is
// cancelled first.
type stepDown struct {
	mu        sync.Mutex // held by the cleanup while it sets the limit, so cancel waits for it
	cancelled bool
}

// stepDownAfterNextGC arranges for the soft limit to become to once the
// next collection has run. The sentinel is larger than the tiny
// allocator's 16 bytes so that it is freed, and its cleanup run, by the
// first cycle after this call.
func stepDownAfterNextGC(to int64) *stepDown {
	sd := &stepDown{}
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(sd *stepDown) {
		sd.mu.Lock()
		defer sd.mu.Unlock()
		if !sd.cancelled {
			debug.SetMemoryLimit(to)
		}
	}, sd)
	return sd
}

// cancel keeps the step-down from happening if it has not yet.
func (sd *stepDown) cancel() {
	sd.mu.Lock()
	sd.cancelled = true
	sd.mu.Unlock()
}
