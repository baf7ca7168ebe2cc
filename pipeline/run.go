package pipeline

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/dualscreen/dualscreen/evidence"
)

// Options configure Run.
type Options struct {
	// Stages run in order on every batch after Extract: typically the party
	// stage, then RuleStage when a RuleChecker is wired in.
	Stages []Stage
	// Decider turns hits into decisions. Default DefaultDecider.
	Decider Decider
	// Workers is the number of batches processed at once. Default
	// runtime.GOMAXPROCS(0): all cores.
	Workers int
	// InFlight bounds the batches that exist at once (read, queued, being
	// processed or waiting for their turn to be written): this, times the
	// batch size, bounds memory. Default 2×Workers+2.
	InFlight int
	// Progress, when set, is told the total row count (when the Source knows
	// it) and each written batch.
	Progress Progress
}

// TotalRower is implemented by sources that know their row count up front
// (Parquet metadata). Run passes it to Progress.SetTotal.
type TotalRower interface{ TotalRows() int64 }

// Run reads every batch of src, runs the stages and the decider on a pool of
// workers, writes the batches to sink in input order and commits it. On any
// error, or when ctx is cancelled, it aborts the sink (no output appears)
// and returns the error; cancellation returns ctx's error
// (context.Canceled). Run closes src.
func Run(ctx context.Context, src Source, sink Sink, opts Options) (sum *Summary, err error) {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	inflight := opts.InFlight
	if inflight <= 0 {
		inflight = 2*workers + 2
	}
	decider := opts.Decider
	if decider == nil {
		decider = DefaultDecider{}
	}
	if opts.Progress != nil {
		if t, ok := src.(TotalRower); ok {
			opts.Progress.SetTotal(t.TotalRows())
		}
	}
	// acc is the summary being filled; sum is what Run returns (nil on error).
	acc := newSummary()
	sum = acc
	defer func() {
		if cerr := src.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			sink.Abort()
			acc.discard() // its temporary id file, which Finish would have removed
			sum = nil
		}
	}()

	g, gctx := errgroup.WithContext(ctx)
	tokens := make(chan struct{}, inflight)
	work := make(chan *Batch, workers)
	done := make(chan *Batch, inflight)

	// Reader: one goroutine, because a Source is sequential.
	g.Go(func() error {
		defer close(work)
		for seq := int64(0); ; seq++ {
			select {
			case tokens <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			b, err := src.Next(gctx)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			b.Seq = seq
			select {
			case work <- b:
			case <-gctx.Done():
				b.Release()
				return gctx.Err()
			}
		}
	})

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for b := range work {
				if err := process(gctx, b, opts.Stages, decider); err != nil {
					b.Release()
					return err
				}
				select {
				case done <- b:
				case <-gctx.Done():
					b.Release()
					return gctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(done) }()

	// Writer: the reorder buffer. pending never holds more than InFlight
	// batches, because the reader waits for a token each writer pass frees.
	g.Go(func() error {
		pending := make(map[int64]*Batch, inflight)
		defer func() {
			for _, b := range pending {
				b.Release()
			}
		}()
		next := int64(0)
		for b := range done {
			pending[b.Seq] = b
			for {
				nb, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				err := sink.Write(gctx, nb)
				if err == nil {
					acc.add(nb)
					if opts.Progress != nil {
						opts.Progress.Add(int64(nb.Len()))
					}
				}
				nb.Release()
				if err != nil {
					return err
				}
				<-tokens
				next++
			}
		}
		return nil
	})

	err = g.Wait()
	// Every goroutine has returned; free what is still queued.
	for b := range work {
		b.Release()
	}
	for b := range done {
		b.Release()
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, err
	}
	if err := sink.Commit(); err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	sum.Finish()
	return sum, nil
}

// process runs Extract, the stages and the decider on one batch.
func process(ctx context.Context, b *Batch, stages []Stage, d Decider) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := Extract(b); err != nil {
		return err
	}
	n := b.Len()
	if b.rows == nil || len(b.Hits) != n { // not the pooled arrays Extract took
		b.Hits = make([][]evidence.Hit, n)
	}
	for _, st := range stages {
		if err := st.Apply(ctx, b); err != nil {
			return err
		}
	}
	if b.rows == nil || len(b.Decisions) != n {
		b.Decisions = make([]evidence.Decision, n)
	}
	for i := range b.Decisions {
		evidence.SortHits(b.Hits[i])
		b.Decisions[i] = d.Decide(&b.Shipments[i], b.Hits[i])
	}
	return nil
}
