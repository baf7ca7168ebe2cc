package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestApply(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // restore whatever was set
	t.Setenv("GOMEMLIMIT", "")
	held := make([]byte, 64<<20) // a live heap of at least 64 MiB
	for i := range held {
		held[i] = byte(i)
	}
	limit := Apply(32 << 20)
	if limit < 96<<20 || limit > 1<<30 {
		t.Fatalf("Apply = %d, want the live heap (≥ 64 MiB) plus 32 MiB", limit)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("soft limit %d, want %d", got, limit)
	}
	runtime.KeepAlive(held)
	if Apply(0) != 0 {
		t.Error("Apply(0) set a limit")
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	if Apply(32<<20) != 0 {
		t.Error("Apply set a limit although GOMEMLIMIT is set")
	}
}
