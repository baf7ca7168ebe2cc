package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestApply(t *testing.T) {
	defaultRuntime(t)
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

// TestStepDownAfterFirstCollection checks the step-down Apply arranges:
// once a collection has run, the limit is settledPercent of the first,
// and restore puts back the limit that was there before Apply.
func TestStepDownAfterFirstCollection(t *testing.T) {
	defaultRuntime(t)
	limit, restore := Apply(64 << 20)
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Fatalf("limit before any collection %d, want the first limit %d", got, limit)
	}
	want := limit / 100 * settledPercent
	if got := waitForLimit(want); got != want {
		t.Fatalf("limit after a collection %d, want %d%% of %d = %d", got, settledPercent, limit, want)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after restore %d, want none", got)
	}
}

// TestRestoreCancelsStepDown checks that a run that ends (restore) before
// any collection does not have the limit lowered afterwards, when the
// caller has gone on with its own setting.
func TestRestoreCancelsStepDown(t *testing.T) {
	defaultRuntime(t)
	sd := stepDownAfterNextGC(256 << 20)
	sd.cancel()
	if got := waitForLimit(256 << 20); got != math.MaxInt64 {
		t.Errorf("limit %d after a cancelled step-down, want it left as it was (none)", got)
	}
}

// waitForLimit runs collections until the soft limit is want or a second
// has passed (the cleanup that steps it down runs on its own goroutine
// after the collection), and returns the limit then.
func waitForLimit(want int64) int64 {
	deadline := time.Now().Add(time.Second)
	for {
		runtime.GC()
		got := debug.SetMemoryLimit(-1)
		if got == want || time.Now().After(deadline) {
			return got
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// defaultRuntime gives a test Go's defaults (GOGC 100, no memory limit, no
// GOGC or GOMEMLIMIT in the environment) and puts back at its end the
// settings it found.
func defaultRuntime(t *testing.T) {
	t.Helper()
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	oldPercent := debug.SetGCPercent(100)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
}
