package pipeline

import (
	"context"

	"github.com/dualscreen/dualscreen/evidence"
)

// Priority thresholds of DefaultDecider. A party score of 0.95 or more is
// close to an exact match of a listed name; 0.9 still needs a close look.
const (
	HighPriorityScore   = 0.95
	MediumPriorityScore = 0.90
)

// DefaultDecider is the decision used until a rules policy is wired in:
// a row is flagged when it has any hit; its risk score is the highest hit
// score; its priority is high from HighPriorityScore, medium from
// MediumPriorityScore, else low; its reasons are the distinct reasons of its
// hits in sorted order.
type DefaultDecider struct{}

// Decide implements Decider.
func (DefaultDecider) Decide(_ *evidence.Shipment, hits []evidence.Hit) evidence.Decision {
	if len(hits) == 0 {
		return evidence.Decision{}
	}
	d := evidence.Decision{Flagged: true, Reasons: evidence.ReasonsOf(hits)}
	for _, h := range hits {
		d.RiskScore = max(d.RiskScore, h.Score)
	}
	switch {
	case d.RiskScore >= HighPriorityScore:
		d.Priority = evidence.PriorityHigh
	case d.RiskScore >= MediumPriorityScore:
		d.Priority = evidence.PriorityMedium
	default:
		d.Priority = evidence.PriorityLow
	}
	return d
}

// RuleStage runs a RuleChecker over every row: the destination and goods
// stage.
type RuleStage struct{ Checker RuleChecker }

// Apply implements Stage. A row without party hits gets its hits in the
// batch's arena (see hitArena) when the batch has pooled rows: Check
// appends into the free tail of a chunk, and the row's slice is capped
// there so that a later append copies instead of writing over the next
// row's hits.
func (r RuleStage) Apply(_ context.Context, b *Batch) error {
	for i := range b.Shipments {
		if b.Hits[i] != nil || b.rows == nil {
			b.Hits[i] = r.Checker.Check(&b.Shipments[i], b.Hits[i])
			continue
		}
		a := &b.rows.arena
		dst := a.free(8) // few rows have more; those outgrow dst and allocate
		hs := r.Checker.Check(&b.Shipments[i], dst)
		if len(hs) == 0 {
			continue
		}
		if len(hs) <= cap(dst) { // appended in place
			a.took(hs)
			hs = hs[:len(hs):len(hs)]
		}
		b.Hits[i] = hs
	}
	return nil
}
