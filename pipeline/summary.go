package pipeline

import (
	"sort"
	"time"

	"github.com/dualscreen/dualscreen/evidence"
)

// Summary counts what a run read and found. Run fills it in input order on
// the writer goroutine, so it is deterministic apart from Elapsed.
type Summary struct {
	Rows       int64                       // rows read
	Flagged    int64                       // rows flagged
	ByReason   map[evidence.Reason]int64   // flagged rows per reason (a row counts once per reason)
	ByList     map[string]int64            // rows with a party hit on each list
	ByPriority map[evidence.Priority]int64 // flagged rows per priority
	ByEntry    map[string]int64            // rows per "list/entry_id entry_name" hit
	Elapsed    time.Duration
}

func newSummary() *Summary {
	return &Summary{
		ByReason:   map[evidence.Reason]int64{},
		ByList:     map[string]int64{},
		ByPriority: map[evidence.Priority]int64{},
		ByEntry:    map[string]int64{},
	}
}

func (s *Summary) add(b *Batch) {
	s.Rows += int64(b.Len())
	for i, d := range b.Decisions {
		if !d.Flagged {
			continue
		}
		s.Flagged++
		s.ByPriority[d.Priority]++
		for _, r := range d.Reasons {
			s.ByReason[r]++
		}
		var lists, entries []string // distinct per row, few
		for _, h := range b.Hits[i] {
			if h.List == "" {
				continue
			}
			lists = addOnce(lists, h.List)
			entries = addOnce(entries, h.List+"/"+h.EntryID+" "+h.EntryName)
		}
		for _, l := range lists {
			s.ByList[l]++
		}
		for _, e := range entries {
			s.ByEntry[e]++
		}
	}
}

func addOnce(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// RowsPerSecond is the throughput of the run.
func (s *Summary) RowsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Rows) / s.Elapsed.Seconds()
}

// Count is one line of a ranked table.
type Count struct {
	Key string
	N   int64
}

// Top returns the n largest counts of m, largest first, ties by key; n <= 0
// returns all.
func Top[K ~string](m map[K]int64, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{string(k), v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
