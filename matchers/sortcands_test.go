package matchers

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// descending is candidates sorted best first by a generic sort on candLess.
func descending(c []cand) []cand {
	d := slices.Clone(c)
	slices.SortFunc(d, func(a, b cand) int {
		switch {
		case candLess(b, a):
			return -1
		case candLess(a, b):
			return 1
		}
		return 0
	})
	return d
}

// keepTop keeps the best k of what it is given, as a full sort would
// choose them, and sortCandsDesc then orders them as a generic sort does,
// also with candidates appended after the kept ones, as gather and
// reserveRare append them; with ties on the evidence.
func TestKeepTopAndSortCandsDescAgreeWithSort(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2026))
	for round := range 500 {
		n, k := 1+r.IntN(80), 1+r.IntN(30)
		all := make([]cand, 0, n)
		var top []cand
		for i := range n {
			// few distinct evidences, so that ties on it are common;
			// distinct names, as entries are
			c := cand{name: int32(i*7 + r.IntN(7)), acc: float32(r.IntN(6)) * 0.5}
			all = append(all, c)
			top = keepTop(top, c, k)
		}
		want := descending(all)[:min(k, n)]
		if got := descending(top); !slices.Equal(got, want) {
			t.Fatalf("round %d: kept %v, want %v", round, got, want)
		}
		if !slices.IsSortedFunc(top, func(a, b cand) int {
			if candLess(a, b) {
				return -1
			}
			return 1
		}) {
			t.Fatalf("round %d: %v not sorted worst first", round, top)
		}
		extra := r.IntN(4)
		for e := range extra {
			top = append(top, cand{name: int32(1000 + e), acc: float32(r.IntN(6)) * 0.5})
		}
		want = descending(top)
		sortCandsDesc(top)
		if !slices.Equal(top, want) {
			t.Fatalf("round %d: sorted %v, want %v", round, top, want)
		}
	}
}
