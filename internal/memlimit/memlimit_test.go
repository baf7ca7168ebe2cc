package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestApply(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // restore whatever was set
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	held := make([]byte, 64<<20) // a live heap of at least 64 MiB
	for i := range held {
		held[i] = byte(i)
	}
	limit, restore := Apply(32 << 20)
	if limit < 96<<20 || limit > 1<<30 {
		t.Fatalf("Apply = %d, want the live heap (≥ 64 MiB) plus 32 MiB", limit)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("soft limit %d, want %d", got, limit)
	}
	if got := gcPercent(); got != -1 {
		t.Errorf("GC percent %d under the limit, want -1 (collect at the limit only)", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("soft limit after restore %d, want none", got)
	}
	if got := gcPercent(); got != 100 {
		t.Errorf("GC percent after restore %d, want 100", got)
	}
	runtime.KeepAlive(held)

	if l, _ := Apply(0); l != 0 {
		t.Error("Apply(0) set a limit")
	}
	t.Setenv("GOGC", "200")
	if l, restore := Apply(32 << 20); l == 0 {
		t.Error("Apply set no limit with GOGC set")
	} else {
		if got := gcPercent(); got != 100 {
			t.Errorf("GC percent %d with GOGC set, want it left at 100", got)
		}
		restore()
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	if l, _ := Apply(32 << 20); l != 0 {
		t.Error("Apply set a limit although GOMEMLIMIT is set")
	}
}

// gcPercent reads the collector's GOGC setting, leaving it as it was.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}
