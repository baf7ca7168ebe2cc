package peers

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/dualscreen/dualscreen/matchers"
)

// Naive is the baseline a Go programmer writes first: every distinct name
// against every list name with strutil's Jaro-Winkler on token-sorted,
// accent-folded keys (matchers.NaiveJW), on all cores. It reads the names
// and matches them; it writes no flagged file (WriteSec stays 0).
func Naive(ctx context.Context, c Config) (*Result, error) {
	res := &Result{Peer: "naive-jw", Threads: c.Threads, FlaggedRows: -1}
	t0 := time.Now()
	entries, err := c.Entries(ctx)
	if err != nil {
		return nil, err
	}
	m := matchers.NewNaiveJW(entries, matchers.Options{Threshold: c.Threshold})
	res.ListNames = countNames(entries)
	res.SetupSec = time.Since(t0).Seconds()

	t1 := time.Now()
	rows, names, err := DistinctNames(ctx, c.Batch)
	if err != nil {
		return nil, err
	}
	res.Rows, res.Distinct = rows, len(names)
	res.ScanSec = time.Since(t1).Seconds()
	screen := Sample(names, c.Sample, c.Planted)
	res.Screened, res.Sampled = len(screen), len(screen) < len(names)
	if res.Sampled {
		res.ScreenedNames = screen
	}

	t2 := time.Now()
	res.Hits = map[string][]Hit{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan string)
	workers := c.Threads
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []matchers.Match
			for name := range next {
				dst = m.Match(matchers.Query{Name: name}, dst[:0])
				if len(dst) == 0 {
					continue
				}
				mu.Lock()
				for _, h := range dst {
					res.Hits[name] = append(res.Hits[name], Hit{List: h.Entry.List, EntryID: h.Entry.ID, Score: h.Score})
				}
				mu.Unlock()
			}
		}()
	}
	for _, name := range screen {
		if ctx.Err() != nil {
			break
		}
		next <- name
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.MatchSec = time.Since(t2).Seconds()
	return res, nil
}
