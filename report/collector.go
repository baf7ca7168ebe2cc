package report

import (
	"container/heap"
	"sort"
	"strings"
	"sync"

	"github.com/dualscreen/dualscreen/evidence"
)

// Row is one screened shipment as the sink wrote it.
type Row struct {
	Seq      int64 // 0-based position in the run's input order; breaks ties deterministically
	Shipment evidence.Shipment
	Decision evidence.Decision
	Hits     []evidence.Hit
}

// CollectorOptions configure a Collector.
type CollectorOptions struct {
	// MaxRows is how many flagged rows the report lists in full, the highest
	// by priority then risk score. Default 5000: enough for a morning's
	// review, and a report of that size still opens quickly in a browser.
	MaxRows int
	// MaxKeys caps the distinct destinations (and lists) counted one by one;
	// further keys are counted under "(other)". Default 1000. Destinations
	// are free text in the input, so without a cap a malformed file could
	// grow the maps without bound.
	MaxKeys int
}

// DefaultMaxRows is the default CollectorOptions.MaxRows.
const DefaultMaxRows = 5000

const defaultMaxKeys = 1000

// OtherKey is the key that counts values past CollectorOptions.MaxKeys.
const OtherKey = "(other)"

// ScoreBins is the number of 0.05-wide bins of the match-score histogram.
const ScoreBins = 20

// Collector aggregates a run for the report. Add is safe for concurrent use;
// memory is bounded by MaxRows and MaxKeys, not by the number of rows.
type Collector struct {
	opts CollectorOptions

	mu            sync.Mutex
	rows          int64
	flagged       int64
	byPriority    map[evidence.Priority]int64
	byReason      map[evidence.Reason]int64
	byDestination map[string]int64
	byList        map[string]int64
	scores        [ScoreBins]int64
	suppressed    int64
	newHits       int64
	top           rowHeap
}

// NewCollector returns an empty collector.
func NewCollector(opts CollectorOptions) *Collector {
	if opts.MaxRows <= 0 {
		opts.MaxRows = DefaultMaxRows
	}
	if opts.MaxKeys <= 0 {
		opts.MaxKeys = defaultMaxKeys
	}
	return &Collector{
		opts:          opts,
		byPriority:    map[evidence.Priority]int64{},
		byReason:      map[evidence.Reason]int64{},
		byDestination: map[string]int64{},
		byList:        map[string]int64{},
	}
}

// Add counts one written row. It copies what it keeps, so the caller may
// reuse r.Hits and the memory behind r's strings after Add returns.
func (c *Collector) Add(r Row) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows++
	for i := range r.Hits {
		h := &r.Hits[i]
		if h.Reason == evidence.SuppressedByDisposition {
			c.suppressed++
			continue
		}
		if IsNewHit(*h) {
			c.newHits++
		}
		if h.List != "" {
			bump(c.byList, h.List, c.opts.MaxKeys)
		}
		if h.Reason == evidence.PartyMatch {
			c.scores[scoreBin(h.Score)]++
		}
	}
	if !r.Decision.Flagged {
		return
	}
	c.flagged++
	c.byPriority[r.Decision.Priority]++
	for _, reason := range r.Decision.Reasons {
		c.byReason[reason]++
	}
	bump(c.byDestination, r.Shipment.Destination, c.opts.MaxKeys)

	if len(c.top) == c.opts.MaxRows {
		if !better(&r, c.top[0]) {
			return
		}
		heap.Pop(&c.top)
	}
	heap.Push(&c.top, cloneRow(r))
}

func bump(m map[string]int64, k string, max int) {
	if k == "" {
		k = "(none)"
	}
	if _, ok := m[k]; !ok && len(m) >= max {
		k = OtherKey
	}
	m[k]++
}

func scoreBin(s float64) int {
	b := int(s * ScoreBins)
	if b < 0 || s != s { // NaN lands in the first bin rather than panicking
		return 0
	}
	if b >= ScoreBins {
		return ScoreBins - 1
	}
	return b
}

// PriorityRank orders priorities for review: high 3, medium 2, low 1, none 0.
func PriorityRank(p evidence.Priority) int {
	switch p {
	case evidence.PriorityHigh:
		return 3
	case evidence.PriorityMedium:
		return 2
	case evidence.PriorityLow:
		return 1
	}
	return 0
}

// better reports whether a is reviewed before b: higher priority, then
// higher risk score, then earlier in the input.
func better(a, b *Row) bool {
	if pa, pb := PriorityRank(a.Decision.Priority), PriorityRank(b.Decision.Priority); pa != pb {
		return pa > pb
	}
	if a.Decision.RiskScore != b.Decision.RiskScore {
		return a.Decision.RiskScore > b.Decision.RiskScore
	}
	return a.Seq < b.Seq
}

// rowHeap is a min-heap whose root is the kept row reviewed last, so a
// better row replaces it in O(log n).
type rowHeap []*Row

func (h rowHeap) Len() int           { return len(h) }
func (h rowHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h rowHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rowHeap) Push(x any)        { *h = append(*h, x.(*Row)) }
func (h *rowHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return x
}

// cloneRow deep-copies r: the pipeline may hand over strings that alias an
// Arrow buffer it releases after the write.
func cloneRow(r Row) *Row {
	s := r.Shipment
	for _, p := range []*string{&s.ShipmentID, &s.DeclarationDate, &s.ExporterName, &s.ExporterCountry,
		&s.ConsigneeName, &s.ConsigneeCountry, &s.EndUserName, &s.EndUserCountry, &s.Destination,
		&s.Goods, &s.CNCode, &s.ControlCode} {
		*p = strings.Clone(*p)
	}
	d := r.Decision
	d.Reasons = append([]evidence.Reason(nil), d.Reasons...)
	hits := make([]evidence.Hit, len(r.Hits))
	for i, h := range r.Hits {
		for _, p := range []*string{&h.List, &h.EntryID, &h.EntryName, &h.EntryType, &h.MatchedName,
			&h.QueryName, &h.Programs, &h.LegalBasis, &h.Explanation} {
			*p = strings.Clone(*p)
		}
		h.Reason = evidence.Reason(strings.Clone(string(h.Reason)))
		hits[i] = h
	}
	return &Row{Seq: r.Seq, Shipment: s, Decision: d, Hits: hits}
}

// Count is one key of an aggregate with its count.
type Count struct {
	Key   string
	Count int64
}

// Summary is a snapshot of a Collector.
type Summary struct {
	Rows, Flagged int64
	ByPriority    []Count // high, medium, low (and "" if any flagged row had none)
	ByReason      []Count // flagged rows carrying each reason, most first
	ByDestination []Count // flagged rows per destination as written, most first
	ByList        []Count // hits per list, most first
	Scores        [ScoreBins]int64
	// Suppressed counts hits cleared by a false_positive disposition.
	Suppressed int64
	// NewHits counts hits marked new by delta screening.
	NewHits int64
	// Top holds the flagged rows listed in full, in review order.
	Top []Row
	// NotShown is how many flagged rows are counted but not listed.
	NotShown int64
}

// Summary returns the aggregates and the kept rows in review order.
func (c *Collector) Summary() Summary {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := Summary{
		Rows:          c.rows,
		Flagged:       c.flagged,
		ByReason:      sortedCounts(c.byReason),
		ByDestination: sortedCounts(c.byDestination),
		ByList:        sortedCounts(c.byList),
		Scores:        c.scores,
		Suppressed:    c.suppressed,
		NewHits:       c.newHits,
		NotShown:      c.flagged - int64(len(c.top)),
	}
	for _, p := range []evidence.Priority{evidence.PriorityHigh, evidence.PriorityMedium, evidence.PriorityLow, evidence.PriorityNone} {
		if n, ok := c.byPriority[p]; ok || p != evidence.PriorityNone {
			s.ByPriority = append(s.ByPriority, Count{string(p), n})
		}
	}
	s.Top = make([]Row, len(c.top))
	for i, r := range c.top {
		s.Top[i] = *r
	}
	sort.Slice(s.Top, func(i, j int) bool { return better(&s.Top[i], &s.Top[j]) })
	return s
}

func sortedCounts[K ~string](m map[K]int64) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{string(k), n})
	}
	sort.Slice(out, func(i, j int) bool {
		if oi, oj := out[i].Key == OtherKey, out[j].Key == OtherKey; oi != oj {
			return oj // the catch-all goes last, whatever its count
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
