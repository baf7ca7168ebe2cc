package pipeline

import (
	"hash/maphash"
	"sort"
	"strings"
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
	// DuplicateIDs counts rows whose shipment_id an earlier row already had
	// (in any input file). Such rows are still screened and written; the
	// CLI warns, because downstream systems keyed by id would merge them.
	DuplicateIDs int64
	// NoPartyRows counts rows with neither a consignee nor an end-user name:
	// nothing of them was screened against the lists. All rows like that
	// usually means a column mapped wrongly or exported empty.
	NoPartyRows int64
	// FirstDuplicate locates the first repeated id, for the warning.
	FirstDuplicate DuplicateID
	Elapsed        time.Duration

	seen   map[uint64]struct{} // hashes of the shipment ids read so far
	hasher maphash.Seed
}

// DuplicateID is one repeated shipment_id and where it was repeated.
type DuplicateID struct {
	ID   string
	File string
	Row  int64 // 1-based data row within File
}

func newSummary() *Summary {
	return &Summary{
		ByReason:   map[evidence.Reason]int64{},
		ByList:     map[string]int64{},
		ByPriority: map[evidence.Priority]int64{},
		ByEntry:    map[string]int64{},
		seen:       map[uint64]struct{}{},
		hasher:     maphash.MakeSeed(),
	}
}

func (s *Summary) add(b *Batch) {
	s.Rows += int64(b.Len())
	s.countDuplicates(b)
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

// countDuplicates remembers a 64-bit hash of every shipment id rather than
// the id itself: 8 bytes plus map overhead per row instead of the string,
// which keeps 20 million rows in a few hundred MiB. Two different ids share
// a hash with probability about n²/2⁶⁵ (10⁻⁵ at 20 million rows), which
// could at worst add one to a warning count.
func (s *Summary) countDuplicates(b *Batch) {
	for i := range b.Shipments {
		id := b.Shipments[i].ShipmentID
		h := maphash.String(s.hasher, id)
		if b.Shipments[i].ConsigneeName == "" && b.Shipments[i].EndUserName == "" {
			s.NoPartyRows++
		}
		if _, dup := s.seen[h]; !dup {
			s.seen[h] = struct{}{}
			continue
		}
		if s.DuplicateIDs == 0 {
			s.FirstDuplicate = DuplicateID{ID: strings.Clone(id), File: b.File, Row: b.Shipments[i].Row + 1}
		}
		s.DuplicateIDs++
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
