package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

// countingChecker gives row r (by Shipment.Row) r%12 hits, each naming
// its row and position: rows with none, a few, and more than the 8 the
// arena offers each row up front.
type countingChecker struct{}

func (countingChecker) Check(s *evidence.Shipment, dst []evidence.Hit) []evidence.Hit {
	for k := range int(s.Row % 12) {
		dst = append(dst, evidence.Hit{Reason: evidence.EndUserCountryMismatch, Explanation: fmt.Sprintf("row %d hit %d", s.Row, k)})
	}
	return dst
}

// TestRuleStageArena: rows given their hits from the batch's arena keep
// their own hits, in order; appending to one row's hits (as a later stage
// may) never writes over the next row's; rows that had hits before the
// stage keep them first.
func TestRuleStageArena(t *testing.T) {
	const n = 3000 // several chunks
	b := &Batch{}
	b.useRows(n)
	defer b.Release()
	for i := range b.Shipments {
		b.Shipments[i].Row = int64(i)
	}
	b.Hits[5] = []evidence.Hit{{Reason: evidence.PartyMatch, Explanation: "party"}}
	if err := (RuleStage{Checker: countingChecker{}}).Apply(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	for i := range b.Hits {
		b.Hits[i] = append(b.Hits[i], evidence.Hit{Explanation: "appended later"})
	}
	for i, hs := range b.Hits {
		k0 := 0
		if i == 5 {
			if hs[0].Explanation != "party" {
				t.Fatalf("row 5 lost its party hit: %v", hs[0])
			}
			k0 = 1
		}
		want := i%12 + k0 + 1
		if len(hs) != want {
			t.Fatalf("row %d has %d hits, want %d", i, len(hs), want)
		}
		for k := k0; k < want-1; k++ {
			if w := fmt.Sprintf("row %d hit %d", i, k-k0); hs[k].Explanation != w {
				t.Fatalf("row %d hit %d is %q, want %q", i, k, hs[k].Explanation, w)
			}
		}
		if hs[want-1].Explanation != "appended later" {
			t.Fatalf("row %d: last hit %q", i, hs[want-1].Explanation)
		}
	}
	if b.rows.arena.n < 2 {
		t.Errorf("%d arena chunks used for %d rows' hits, want several", b.rows.arena.n, n)
	}
}
