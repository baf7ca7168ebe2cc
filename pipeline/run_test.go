package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

var demoNames = []string{"Harrington Instruments Ltd", "Rosoboronexport", "", "Müller Präzisionstechnik GmbH", "华为技术有限公司", "Mahan Air"}

func TestRunKeepsInputOrderAndMatchesEachNameOnce(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	m := newExactMatcher("Rosoboronexport", "Mahan Air", "华为技术有限公司")
	src := &memSource{mem: mem, names: demoNames, n: 10_000, bs: 97}
	sink := &recordSink{}
	party := pipeline.NewPartyStage(m, pipeline.PartyOptions{})
	sum, err := pipeline.Run(t.Context(), src, sink, pipeline.Options{Stages: []pipeline.Stage{slowStage{}, party}, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if !sink.committed || sink.aborted || !src.closed {
		t.Fatalf("committed=%v aborted=%v closed=%v", sink.committed, sink.aborted, src.closed)
	}
	if len(sink.rows) != 10_000 {
		t.Fatalf("wrote %d rows, want 10000", len(sink.rows))
	}
	for i, id := range sink.rows {
		if want := fmt.Sprintf("S%07d", i); id != want {
			t.Fatalf("row %d is %s, want %s: output not in input order", i, id, want)
		}
	}
	// Rows 1, 4 and 5 of each cycle of 6 are listed; 10,000 = 6×1666 + 4.
	if want := int64(10_000/6*3 + 1); sum.Flagged != want {
		t.Errorf("flagged %d rows, want %d", sum.Flagged, want)
	}
	if sum.ByReason[evidence.PartyMatch] != sum.Flagged || sum.ByList["inhouse"] != sum.Flagged {
		t.Errorf("summary by reason %v, by list %v", sum.ByReason, sum.ByList)
	}
	if sink.flagged[0] != "S0000001:E1" {
		t.Errorf("first flagged %s, want S0000001:E1", sink.flagged[0])
	}
	m.calls.Range(func(k, v any) bool {
		if n := v.(*atomic.Int64).Load(); n != 1 {
			t.Errorf("name %q matched %d times, want once per run", k, n)
		}
		return true
	})
	lookups, distinct := party.CacheStats()
	if distinct != 5 || lookups != sum.Rows-int64(10_000/6+1) {
		t.Errorf("cache stats: %d lookups, %d distinct; want 5 distinct", lookups, distinct)
	}
}

func TestRunBoundedCacheStillCorrect(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	var names []string
	for i := range 500 {
		names = append(names, fmt.Sprintf("Consignee %d GmbH", i))
	}
	m := newExactMatcher("Consignee 7 GmbH")
	src := &memSource{mem: mem, names: names, n: 5_000, bs: 128}
	sink := &recordSink{}
	// 64 entries (one per shard) for 500 names: most lookups evict.
	party := pipeline.NewPartyStage(m, pipeline.PartyOptions{CacheEntries: 64})
	sum, err := pipeline.Run(t.Context(), src, sink, pipeline.Options{Stages: []pipeline.Stage{party}, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Flagged != 10 {
		t.Errorf("flagged %d, want 10 (rows 7, 507, …)", sum.Flagged)
	}
	if _, distinct := party.CacheStats(); distinct <= 500 {
		t.Errorf("matched %d times with a 64-entry cache over 500 names: expected re-matching after eviction", distinct)
	}
}

func TestRunCancelAbortsAndReturnsCanceled(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	src := &memSource{mem: mem, names: demoNames, n: 1_000_000, bs: 100}
	sink := &cancelSink{cancelAt: 5, cancel: cancel}
	_, err := pipeline.Run(ctx, src, sink, pipeline.Options{Stages: []pipeline.Stage{pipeline.NewPartyStage(newExactMatcher("Mahan Air"), pipeline.PartyOptions{})}, Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sink.committed || !sink.aborted {
		t.Fatalf("committed=%v aborted=%v; want aborted only", sink.committed, sink.aborted)
	}
	if src.next >= src.n {
		t.Fatalf("read all %d rows despite cancel", src.n)
	}
}

type cancelSink struct {
	recordSink
	cancelAt int
	cancel   func()
}

func (s *cancelSink) Write(ctx context.Context, b *pipeline.Batch) error {
	if s.writes++; s.writes == s.cancelAt {
		s.cancel()
	}
	return nil
}

func TestRunSinkErrorAborts(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	src := &memSource{mem: mem, names: demoNames, n: 50_000, bs: 100}
	sink := &recordSink{failAt: 3}
	_, err := pipeline.Run(t.Context(), src, sink, pipeline.Options{Workers: 4})
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("err = %v, want the sink's error", err)
	}
	if sink.committed || !sink.aborted {
		t.Fatalf("committed=%v aborted=%v", sink.committed, sink.aborted)
	}
}

func TestRunInputErrorNamesRowAndColumn(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	src := &memSource{mem: mem, names: demoNames, n: 10, bs: 10, nullIDs: map[int]bool{3: true}}
	sink := &recordSink{}
	_, err := pipeline.Run(t.Context(), src, sink, pipeline.Options{Workers: 2})
	var ie *pipeline.InputError
	if !errors.As(err, &ie) || !errors.Is(err, pipeline.ErrNullValue) {
		t.Fatalf("err = %v, want InputError ErrNullValue", err)
	}
	if ie.File != "mem.parquet" || ie.Row != 4 || ie.Column != "shipment_id" {
		t.Errorf("location %s row %d column %s, want mem.parquet row 4 shipment_id", ie.File, ie.Row, ie.Column)
	}
	if want := `mem.parquet: row 4, column "shipment_id": null or empty value in a required column`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if !sink.aborted {
		t.Error("sink not aborted")
	}
}

func TestDefaultDecider(t *testing.T) {
	cases := []struct {
		name   string
		scores []float64
		want   evidence.Decision
	}{
		{"no hits", nil, evidence.Decision{}},
		{"exact", []float64{1}, evidence.Decision{Flagged: true, RiskScore: 1, Priority: evidence.PriorityHigh, Reasons: []evidence.Reason{evidence.PartyMatch}}},
		{"at high boundary", []float64{0.91, pipeline.HighPriorityScore}, evidence.Decision{Flagged: true, RiskScore: 0.95, Priority: evidence.PriorityHigh, Reasons: []evidence.Reason{evidence.PartyMatch}}},
		{"medium", []float64{0.90}, evidence.Decision{Flagged: true, RiskScore: 0.9, Priority: evidence.PriorityMedium, Reasons: []evidence.Reason{evidence.PartyMatch}}},
		{"low", []float64{0.86}, evidence.Decision{Flagged: true, RiskScore: 0.86, Priority: evidence.PriorityLow, Reasons: []evidence.Reason{evidence.PartyMatch}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var hits []evidence.Hit
			for _, s := range c.scores {
				hits = append(hits, evidence.Hit{Reason: evidence.PartyMatch, Score: s})
			}
			got := pipeline.DefaultDecider{}.Decide(&evidence.Shipment{}, hits)
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
