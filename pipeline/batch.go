package pipeline

import (
	"context"

	"github.com/apache/arrow/go/v17/arrow"

	"github.com/dualscreen/dualscreen/evidence"
)

// Batch is a run of consecutive input rows and what the stages found about
// them. The Source fills Seq, Rec, File, FirstRow and Cols; the worker fills
// Shipments, Hits and Decisions.
type Batch struct {
	Seq      int64        // input position of the batch; the sink sees batches in Seq order
	Rec      arrow.Record // input columns (all of them when passing through); freed by Release
	File     string       // the file the rows came from, for error messages
	FirstRow int64        // 0-based row number of Rec's first row within File
	Cols     *Columns     // where the canonical columns are in Rec

	Shipments []evidence.Shipment // one per row, filled by Extract
	Hits      [][]evidence.Hit    // one slice per row, filled by stages, sorted before Decide
	Decisions []evidence.Decision // one per row, filled by the Decider
}

// Len is the number of rows in the batch.
func (b *Batch) Len() int { return int(b.Rec.NumRows()) }

// Release frees the record. The batch must not be used afterwards.
func (b *Batch) Release() {
	if b.Rec != nil {
		b.Rec.Release()
		b.Rec = nil
	}
}

// Selected returns the indices of the rows a sink writes: every row when all
// is set, otherwise the flagged ones. It appends to dst.
func (b *Batch) Selected(dst []int, all bool) []int {
	for i := range b.Decisions {
		if all || b.Decisions[i].Flagged {
			dst = append(dst, i)
		}
	}
	return dst
}

// A Source yields batches of shipments in input order. Next returns io.EOF
// after the last batch. The caller owns each batch and must call Release.
type Source interface {
	Next(ctx context.Context) (*Batch, error)
	Close() error
}

// A Stage adds evidence to the rows of b (b.Hits). It never drops or
// reorders rows and must not retain b after Apply returns. Stages run on
// many goroutines at once, each with its own batch.
type Stage interface {
	Apply(ctx context.Context, b *Batch) error
}

// A Sink writes batches in input order to a temporary file. Commit publishes
// it atomically (rename). Abort removes it and is safe to call after Commit
// and more than once. Write is called from one goroutine only and must not
// retain b.
type Sink interface {
	Write(ctx context.Context, b *Batch) error
	Commit() error
	Abort() error
}

// Progress receives the pipeline's progress; cmd renders it. Implementations
// must be safe for use from any goroutine.
type Progress interface {
	SetTotal(rows int64) // from Parquet metadata; 0 if unknown
	Add(rows int64)      // rows written (or passed over) since the last call
}

// RuleChecker adds destination and goods evidence for one shipment
// (rules.Engine implements it). It appends to dst and returns it.
type RuleChecker interface {
	Check(s *evidence.Shipment, dst []evidence.Hit) []evidence.Hit
}

// Decider turns a shipment's hits into its decision (rules.Policy
// implements it). hits are sorted with evidence.SortHits.
type Decider interface {
	Decide(s *evidence.Shipment, hits []evidence.Hit) evidence.Decision
}
