package hashspill

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSort: the radix sort orders like slices.Sort, for random
// hashes, repeats, values sharing bytes (skipped passes), the extremes,
// and short inputs (insertion sort).
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	cases := map[string][]uint64{}
	for _, n := range []int{0, 1, 2, 255, 256, 257, 1000, 1 << 18} {
		a := make([]uint64, n)
		for i := range a {
			a[i] = r.Uint64()
		}
		cases[fmt.Sprintf("random %d", n)] = a
	}
	rep := make([]uint64, 5000)
	for i := range rep {
		rep[i] = uint64(r.IntN(7)) << 40 // one byte varies: the other passes are skipped
	}
	cases["repeats"] = rep
	ext := []uint64{^uint64(0), 0, 1, ^uint64(0) - 1, 1 << 63}
	for range 60 {
		ext = append(ext, ext[:5]...)
	}
	cases["extremes"] = ext
	for name, a := range cases {
		want := slices.Clone(a)
		slices.Sort(want)
		got := slices.Clone(a)
		radixSort(got, make([]uint64, len(got)))
		if !slices.Equal(got, want) {
			t.Errorf("%s (%d hashes): not sorted like slices.Sort", name, len(a))
		}
	}
}

// BenchmarkSort compares the radix sort with slices.Sort on one full
// buffer of random hashes.
func BenchmarkSort(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	src := make([]uint64, DefaultBuffer)
	for i := range src {
		src[i] = r.Uint64()
	}
	a, tmp := make([]uint64, len(src)), make([]uint64, len(src))
	b.Run("radix", func(b *testing.B) {
		for b.Loop() {
			copy(a, src)
			radixSort(a, tmp)
		}
	})
	b.Run("slices.Sort", func(b *testing.B) {
		for b.Loop() {
			copy(a, src)
			slices.Sort(a)
		}
	})
}
