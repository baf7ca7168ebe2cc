package evidence

import (
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// sortHitsBefore is SortHits as it was written before it took slices'
// sort: the order the output contract was made with.
func sortHitsBefore(h []Hit) {
	sort.SliceStable(h, func(i, j int) bool {
		a, b := &h[i], &h[j]
		if a.Reason != b.Reason {
			return a.Reason < b.Reason
		}
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.List != b.List {
			return a.List < b.List
		}
		if a.EntryID != b.EntryID {
			return a.EntryID < b.EntryID
		}
		return a.MatchedName < b.MatchedName
	})
}

// TestSortHitsSameOrder: random rows of hits, with ties on every key (the
// stable order keeps them as they came, told apart by Explanation) and NaN
// scores, come out of SortHits as they did before.
func TestSortHitsSameOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	scores := []float64{1, 0.9, 0.6, 0.6, 0.3, math.NaN()}
	for n := range 2000 {
		hits := make([]Hit, rng.IntN(9))
		for i := range hits {
			hits[i] = Hit{Reason: Reason(pick(string(PartyMatch), string(EndUserCountryMismatch), string(EmbargoedDestination))),
				Role: Role(pick(string(RoleConsignee), string(RoleEndUser))), Score: scores[rng.IntN(len(scores))],
				List: pick("", "ofac_sdn", "eu_fsf"), EntryID: pick("", "1", "2"), MatchedName: pick("", "A", "B"),
				Explanation: string(rune('a' + i))}
		}
		want := append([]Hit(nil), hits...)
		sortHitsBefore(want)
		SortHits(hits)
		for i := range hits {
			// NaN != NaN: compare the explanations, which tell every hit of
			// a row apart.
			if hits[i].Explanation != want[i].Explanation {
				t.Fatalf("row %d: order %v, want %v", n, explanations(hits), explanations(want))
			}
		}
	}
}

func explanations(h []Hit) []string {
	out := make([]string, len(h))
	for i := range h {
		out[i] = h[i].Explanation
	}
	return out
}

// TestSortHitsNoAllocation: SortHits runs on every row of a screen and
// must not allocate (sort.SliceStable did, once per call).
func TestSortHitsNoAllocation(t *testing.T) {
	hits := []Hit{{Reason: PartyMatch, Score: 0.9}, {Reason: EndUserCountryMismatch, Score: 0.6}, {Reason: EmbargoedDestination, Score: 1}}
	allocs := testing.AllocsPerRun(100, func() {
		hits[0], hits[2] = hits[2], hits[0]
		SortHits(hits)
	})
	if allocs != 0 {
		t.Errorf("SortHits: %v allocations per call, want 0", allocs)
	}
	if !reflect.DeepEqual([]Reason{hits[0].Reason, hits[1].Reason, hits[2].Reason}, []Reason{EmbargoedDestination, EndUserCountryMismatch, PartyMatch}) {
		t.Errorf("order %v", hits)
	}
}
