package pipeline

import (
	"cmp"
	"hash/maphash"
	"sort"
	"strings"
	"time"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/internal/hashspill"
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
	// Finish sets it (Run calls Finish).
	DuplicateIDs int64
	// DuplicateCheckedRows is how many rows (from the first) the duplicate
	// count covers: at most MaxDuplicateCheckRows, and fewer when
	// DuplicateCheckErr is set.
	DuplicateCheckedRows int64
	// DuplicateCheckErr is why the duplicate check stopped early, when the
	// id hashes could not be written to their temporary file (see
	// hashspill); nil normally.
	DuplicateCheckErr error
	// NoPartyRows counts rows with neither a consignee nor an end-user name:
	// nothing of them was screened against the lists. All rows like that
	// usually means a column mapped wrongly or exported empty.
	NoPartyRows int64
	// FirstDuplicate is a repeated id noticed while reading, for the
	// warning: the first repeat of an id still in the recent-id cache. It is
	// empty when every repeat was too far from its first occurrence to be
	// noticed before Finish counted it.
	FirstDuplicate DuplicateID
	Elapsed        time.Duration

	ids     *hashspill.Runs // a hash of every shipment id read, in sorted runs beyond 2 MiB
	idsDone bool            // the cap or an error stopped collecting
	recent  []uint64        // direct-mapped cache of recent id hashes, to name an example duplicate
	hashes  []uint64        // the current batch's id hashes (reused)
	hasher  maphash.Seed
	idCap   int // MaxDuplicateCheckRows unless a test lowers it
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

// recentIDs is the size of the cache that catches a repeated id while its
// string is still at hand (2^20 hashes, 8 MiB): repeats within about a
// million rows of each other are named in the warning.
const recentIDs = 1 << 20

// MaxDuplicateCheckRows bounds the duplicate-id check: past this many rows
// (2^24, about 16.8 million) ids are no longer collected, and the summary
// says how many rows the count covers. Memory does not depend on it (the
// hashes go to a temporary file in sorted runs past 2 MiB); the bound keeps
// that file at 128 MiB.
const MaxDuplicateCheckRows = 1 << 24

// countDuplicates adds a 64-bit hash of every shipment id, up to
// MaxDuplicateCheckRows; Finish merges them in order and counts the
// repeats. That is 8 bytes per row checked, on disk past the first 2^18
// rows, instead of a map of the strings. Two different ids share a hash
// with probability about n²/2⁶⁵ (10⁻⁵ at 20 million rows), which could at
// worst add one to a warning count.
func (s *Summary) countDuplicates(b *Batch) {
	if s.recent == nil {
		s.recent = make([]uint64, recentIDs)
		s.ids = hashspill.New("", 0)
	}
	limit := int64(cmp.Or(s.idCap, MaxDuplicateCheckRows))
	hashes := s.hashes[:0]
	for i := range b.Shipments {
		sh := &b.Shipments[i]
		if sh.ConsigneeName == "" && sh.EndUserName == "" {
			s.NoPartyRows++
		}
		h := maphash.String(s.hasher, sh.ShipmentID) | 1 // never 0, the empty slot
		hashes = append(hashes, h)
		if !s.idsDone {
			if s.ids.Len() >= limit {
				s.idsDone = true
			} else if err := s.ids.Add(h); err != nil {
				s.DuplicateCheckErr, s.idsDone = err, true
			}
		}
	}
	s.hashes = hashes
	// The recent-id table is 8 MiB written at random: in a loop of its own,
	// with nothing else between its reads, the processor overlaps their
	// cache misses instead of taking them one by one.
	for i, h := range hashes {
		slot := &s.recent[h%recentIDs]
		if *slot == h && s.FirstDuplicate.ID == "" {
			sh := &b.Shipments[i]
			s.FirstDuplicate = DuplicateID{ID: strings.Clone(sh.ShipmentID), File: b.File, Row: sh.Row + 1}
		}
		*slot = h
	}
}

// Finish counts the duplicate shipment ids from the hashes collected and
// frees them (and their temporary file). Run calls it once the output is
// committed; callers that use Add themselves call it after the last batch.
func (s *Summary) Finish() {
	if s.ids == nil {
		return
	}
	s.DuplicateCheckedRows = s.ids.Len()
	var prev uint64
	var n, dups int64
	err := s.ids.Sorted(func(h uint64) error {
		if n > 0 && h == prev {
			dups++
		}
		prev = h
		n++
		return nil
	})
	if err != nil && s.DuplicateCheckErr == nil {
		s.DuplicateCheckErr = err
		s.DuplicateCheckedRows = n // the repeats counted cover the hashes read back
	}
	s.DuplicateIDs = dups
	s.discard()
}

// discard frees the id hashes and removes their temporary file.
func (s *Summary) discard() {
	if s.ids != nil {
		s.ids.Close()
		s.ids = nil
	}
	s.recent, s.hashes = nil, nil
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
