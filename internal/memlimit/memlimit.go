// Package memlimit bounds a run's memory with Go's soft memory limit: what
// the run holds once it is set up (the lists and their index, which grow
// with the lists, not with the input) plus a fixed working budget for
// everything that streams (batches in flight, the name cache, the sink's
// row group). Without a limit the collector lets the heap grow to twice
// what is live, so a 10M-row run that caches ten times more names than a
// 1M-row run also ends up with a larger heap target and peak RSS, though
// both are bounded. A soft limit is not a cap: past it the collector runs
// more often (never using more than about half the CPU), and the run goes
// on.
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
// tables, made whole when the first rows arrive) and a Parquet row group
// of flagged rows. Measured on the 10M-row benchmark batch with every
// shared list (dsbench peer): 384 MiB made the collector run so often that
// the run took 45% more CPU; 512 MiB costs nothing measurable. Go's memory
// then stays at the limit (set-up's 108 MiB + 512) however long the run:
// peak RSS 650–654 MiB at 10M rows and 604–618 MiB at 1M, whose run ends after
// a few collections at the limit (955 MiB at 10M without a limit).
const DefaultBudget = 512 << 20

// Apply sets the soft memory limit to the live heap now plus budget and
// returns the limit. It does nothing, and returns 0, when budget is not
// positive or the GOMEMLIMIT environment variable is set (the user's
// choice wins). Call it once set-up is done: it runs a collection to
// measure the live heap.
func Apply(budget int64) int64 {
	if budget <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return 0
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
	limit := live + budget
	debug.SetMemoryLimit(limit)
	return limit
}
