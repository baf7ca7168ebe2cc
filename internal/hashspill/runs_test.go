package hashspill

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// sorted collects what Sorted yields.
func sorted(t *testing.T, r *Runs) []uint64 {
	t.Helper()
	var out []uint64
	if err := r.Sorted(func(h uint64) error { out = append(out, h); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRunsMergeEqualsSort: whatever the buffer size (one run in memory,
// several on disk plus a partial buffer), Sorted yields exactly the added
// hashes in sorted order, repeats included.
func TestRunsMergeEqualsSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var want []uint64
	for range 10_000 {
		h := rng.Uint64()
		if rng.IntN(10) == 0 && len(want) > 0 {
			h = want[rng.IntN(len(want))] // a repeated shipment id
		}
		want = append(want, h)
	}
	sortedWant := slices.Sorted(slices.Values(want))
	for _, buffer := range []int{1, 7, 1000, 4096, 10_000, 1 << 20} {
		dir := t.TempDir()
		r := New(dir, buffer)
		for _, h := range want {
			if err := r.Add(h); err != nil {
				t.Fatal(err)
			}
		}
		if r.Len() != int64(len(want)) {
			t.Fatalf("buffer %d: Len %d, want %d", buffer, r.Len(), len(want))
		}
		if spill := buffer < len(want); r.Spilled() != spill {
			t.Fatalf("buffer %d: spilled %v, want %v", buffer, r.Spilled(), spill)
		}
		got := sorted(t, r)
		if !slices.Equal(got, sortedWant) {
			t.Fatalf("buffer %d: merged runs differ from the sorted input (%d vs %d hashes)", buffer, len(got), len(sortedWant))
		}
		if again := sorted(t, r); !slices.Equal(again, sortedWant) {
			t.Fatalf("buffer %d: a second read differs", buffer)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("buffer %d: Close left %d files in the temporary directory", buffer, len(left))
		}
	}
}

// TestRunsMemoryIsTheBuffer: a million hashes through a 10,000-hash buffer
// never hold more than the buffer in memory.
func TestRunsMemoryIsTheBuffer(t *testing.T) {
	r := New(t.TempDir(), 10_000)
	defer r.Close()
	for i := range 1_000_000 {
		if err := r.Add(uint64(i) * 0x9e3779b97f4a7c15); err != nil {
			t.Fatal(err)
		}
		if cap(r.buf) > 10_000 {
			t.Fatalf("buffer grew to %d", cap(r.buf))
		}
	}
	var n int64
	var last uint64
	if err := r.Sorted(func(h uint64) error {
		if n > 0 && h < last {
			t.Fatalf("out of order at %d", n)
		}
		last = h
		n++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 1_000_000 {
		t.Fatalf("read back %d hashes", n)
	}
}

// TestRunsUnwritableDir: a buffer that cannot be spilled is an error
// naming the problem, not a silent loss.
func TestRunsUnwritableDir(t *testing.T) {
	r := New("/nonexistent/dualscreen-test", 2)
	defer r.Close()
	r.Add(1)
	r.Add(2)
	if err := r.Add(3); err == nil {
		t.Fatal("spilling to a missing directory succeeded")
	}
	if r.Len() != 2 {
		t.Fatalf("Len %d after a failed Add, want 2", r.Len())
	}
}
