package report

import (
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

func TestCollectorKeepsTopRowsInReviewOrder(t *testing.T) {
	rows := fixtureRows(500)
	c := NewCollector(CollectorOptions{MaxRows: 10})
	var flagged int64
	for _, r := range rows {
		c.Add(r)
		if r.Decision.Flagged {
			flagged++
		}
	}
	s := c.Summary()
	if s.Rows != 500 || s.Flagged != flagged {
		t.Fatalf("rows %d flagged %d, want 500 and %d", s.Rows, s.Flagged, flagged)
	}
	if len(s.Top) != 10 || s.NotShown != flagged-10 {
		t.Fatalf("kept %d, not shown %d; want 10 and %d", len(s.Top), s.NotShown, flagged-10)
	}
	// The kept rows are exactly the first 10 of all flagged rows sorted by review order.
	var all []Row
	for _, r := range rows {
		if r.Decision.Flagged {
			all = append(all, r)
		}
	}
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && better(&all[j], &all[j-1]); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	for i := range s.Top {
		if s.Top[i].Seq != all[i].Seq {
			t.Errorf("top[%d] is row %d, want %d", i, s.Top[i].Seq, all[i].Seq)
		}
	}
	if s.Top[0].Decision.Priority != evidence.PriorityHigh {
		t.Errorf("first row priority %q, want high", s.Top[0].Decision.Priority)
	}
}

func TestCollectorCountsAndCopies(t *testing.T) {
	c := NewCollector(CollectorOptions{MaxKeys: 2})
	hits := []evidence.Hit{{Reason: evidence.PartyMatch, List: "un_sc", EntryID: "KPe.001", Score: 0.93, QueryName: "Korea Mining"}}
	for i, dest := range []string{"KP", "KP", "IR", "SY"} {
		c.Add(Row{Seq: int64(i), Shipment: evidence.Shipment{Destination: dest}, Hits: hits,
			Decision: evidence.Decision{Flagged: true, Priority: evidence.PriorityHigh, RiskScore: 0.93, Reasons: []evidence.Reason{evidence.PartyMatch}}})
	}
	c.Add(Row{Seq: 4, Hits: []evidence.Hit{{Reason: evidence.SuppressedByDisposition, List: "un_sc"}}})
	hits[0].EntryName = "mutated after Add"
	s := c.Summary()
	want := []Count{{"KP", 2}, {"IR", 1}, {OtherKey, 1}}
	if len(s.ByDestination) != len(want) {
		t.Fatalf("by destination %v, want %v", s.ByDestination, want)
	}
	for i := range want {
		if s.ByDestination[i] != want[i] {
			t.Errorf("by destination %v, want %v", s.ByDestination, want)
		}
	}
	if s.Scores[18] != 4 { // 0.93 falls in [0.90, 0.95)
		t.Errorf("score bins %v: want 4 in bin 18", s.Scores)
	}
	if s.Suppressed != 1 || s.ByList[0] != (Count{"un_sc", 4}) {
		t.Errorf("suppressed %d, by list %v", s.Suppressed, s.ByList)
	}
	if s.Top[0].Hits[0].EntryName != "" {
		t.Errorf("collector kept the caller's hit slice: %q", s.Top[0].Hits[0].EntryName)
	}
}

func TestPartyKey(t *testing.T) {
	for in, want := range map[string]string{
		"  ROSOBORON-Trade, LLC ": "rosoboron trade llc",
		"Société Générale":        "societe generale",
		"=HYPERLINK(\"x\")":       "hyperlink x",
		"ＡＢＣ　Ltd.":                "abc ltd",
		"":                        "",
	} {
		if got := PartyKey(in); got != want {
			t.Errorf("PartyKey(%q) = %q, want %q", in, got, want)
		}
		if PartyKey(PartyKey(in)) != PartyKey(in) {
			t.Errorf("PartyKey not idempotent on %q", in)
		}
	}
}
