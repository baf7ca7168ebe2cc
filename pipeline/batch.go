package pipeline

import (
	"context"
	"sync"

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

	rows *rowSlices // the pooled arrays behind the three slices above, when Extract took them
}

// rowSlices are the per-row arrays of one batch. Release hands them back to
// rowPool for the next batch: at 8,192 rows they are about 2.5 MiB a
// batch, a tenth of everything a screen allocated per row, and all of it
// garbage one batch later.
type rowSlices struct {
	ships []evidence.Shipment
	hits  [][]evidence.Hit
	decs  []evidence.Decision
	arena hitArena // backing for rows' hits (RuleStage)
}

// hitChunk is the number of hits in one arena chunk: 1,024 hits are
// 184 KiB; a batch of the benchmark's standard mix fills about three.
const hitChunk = 1024

// hitArena hands out the hit slices of a batch's rows from a few large
// chunks instead of one allocation per row with hits. The rules stage
// adds a hit to about a third of the rows of a typical batch (an end user
// in another country than the destination), 3 million allocations of
// 184 bytes or more in a 10M-row run. The chunks go back to the pool with
// the batch, so a row's hits are valid only while its batch is, like the
// rest of the batch; a sink that keeps hits past Write must copy them.
type hitArena struct {
	chunks [][]evidence.Hit // each of capacity hitChunk; all but the last full
	n      int              // chunks in use by the current batch
}

// free returns the unused tail of the current chunk (length 0), moving to
// a new chunk when fewer than want hits are left.
func (a *hitArena) free(want int) []evidence.Hit {
	if a.n > 0 {
		c := a.chunks[a.n-1]
		if cap(c)-len(c) >= want {
			return c[len(c):len(c)]
		}
	}
	if a.n == len(a.chunks) {
		a.chunks = append(a.chunks, make([]evidence.Hit, 0, hitChunk))
	}
	a.n++
	return a.chunks[a.n-1][:0]
}

// took records that the last len(used) hits of free's slice are in use.
func (a *hitArena) took(used []evidence.Hit) {
	c := &a.chunks[a.n-1]
	*c = (*c)[:len(*c)+len(used)]
}

// reset clears the hits in use (they point into records and the lists)
// and makes every chunk free again.
func (a *hitArena) reset() {
	for i := range a.chunks[:a.n] {
		clear(a.chunks[i])
		a.chunks[i] = a.chunks[i][:0]
	}
	a.n = 0
}

var rowPool = sync.Pool{New: func() any { return new(rowSlices) }}

// useRows points b's three per-row slices at pooled arrays of n rows,
// cleared. Slices a caller set itself are left alone (they may be views of
// the caller's own arrays, which must not go to the pool).
//
// Arrays from the pool are already clear (Release clears them before it
// hands them back, and new ones are zero): at 8,192 rows clearing them
// again is 2.3 MiB of writes per batch. Only a batch whose arrays were
// used before (Extract run twice) clears them here.
func (b *Batch) useRows(n int) {
	fresh := false
	if b.rows == nil {
		if b.Shipments != nil || b.Hits != nil || b.Decisions != nil {
			return
		}
		b.rows = rowPool.Get().(*rowSlices)
		fresh = true
	}
	r := b.rows
	if cap(r.ships) < n {
		r.ships = make([]evidence.Shipment, n)
		r.hits = make([][]evidence.Hit, n)
		r.decs = make([]evidence.Decision, n)
		fresh = true
	}
	if !fresh { // before reslicing: all of the rows used before, however many
		clear(r.ships)
		clear(r.hits)
		clear(r.decs)
		r.arena.reset()
	}
	r.ships, r.hits, r.decs = r.ships[:n], r.hits[:n], r.decs[:n]
	b.Shipments, b.Hits, b.Decisions = r.ships, r.hits, r.decs
}

// Len is the number of rows in the batch.
func (b *Batch) Len() int { return int(b.Rec.NumRows()) }

// Release frees the record and returns the per-row arrays to the pool. The
// batch must not be used afterwards, nor its Shipments, Hits or Decisions
// slices (values copied out of them stay valid).
func (b *Batch) Release() {
	if b.Rec != nil {
		b.Rec.Release()
		b.Rec = nil
	}
	if r := b.rows; r != nil {
		b.rows = nil
		b.Shipments, b.Hits, b.Decisions = nil, nil, nil
		// Drop the references into the record and to hits. Past len the
		// arrays are still clear, so all of them are: useRows hands them
		// out again as they are.
		clear(r.ships)
		clear(r.hits)
		clear(r.decs)
		r.arena.reset()
		rowPool.Put(r)
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
