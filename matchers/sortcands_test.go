package matchers

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortCandsDesc orders as a generic sort by candLess does, best first,
// on heaps of candidates with ties, as gather hands them over.
func TestSortCandsDescAgreesWithSort(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2026))
	for round := range 200 {
		n := 1 + r.IntN(40)
		h := make([]cand, 0, n)
		for range n {
			// few distinct evidences, so that ties on it are common
			c := cand{name: int32(r.IntN(1000)), acc: float32(r.IntN(6)) * 0.5}
			h = append(h, c)
			heapUp(h, len(h)-1)
		}
		want := slices.Clone(h)
		slices.SortFunc(want, func(a, b cand) int {
			switch {
			case candLess(b, a):
				return -1
			case candLess(a, b):
				return 1
			}
			return 0
		})
		sortCandsDesc(h)
		if !slices.Equal(h, want) {
			t.Fatalf("round %d: got %v, want %v", round, h, want)
		}
	}
}
