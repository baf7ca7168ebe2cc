package pipeline

import "context"

// Screen runs Extract, the stages and the decider on one batch: exactly what
// each worker of Run does. It is exported for runners that distribute the
// batches themselves (the Apache Beam job in beam/), so that a row is
// screened the same way whoever schedules it. A nil d is DefaultDecider. On
// success b.Shipments, b.Hits (sorted) and b.Decisions are filled; b stays
// owned by the caller.
func Screen(ctx context.Context, b *Batch, stages []Stage, d Decider) error {
	if d == nil {
		d = DefaultDecider{}
	}
	return process(ctx, b, stages, d)
}

// NewSummary returns an empty Summary for callers that count screened
// batches themselves with Summary.Add.
func NewSummary() *Summary { return newSummary() }

// Add counts one screened batch into s, as Run's writer does for every
// batch it writes.
func (s *Summary) Add(b *Batch) { s.add(b) }
