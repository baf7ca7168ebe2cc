package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
)

var testSchema = arrow.NewSchema([]arrow.Field{
	{Name: "shipment_id", Type: arrow.BinaryTypes.String},
	{Name: "consignee_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "consignee_country", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "end_user_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

// memSource yields n rows in batches of size, consignees cycling through
// names; it counts batches still alive so tests can check Release.
type memSource struct {
	mem     memory.Allocator
	names   []string
	n, bs   int
	next    int
	closed  bool
	nullIDs map[int]bool // rows whose shipment_id is null
}

func (s *memSource) Next(ctx context.Context) (*pipeline.Batch, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.next >= s.n {
		return nil, io.EOF
	}
	rb := array.NewRecordBuilder(s.mem, testSchema)
	defer rb.Release()
	first := s.next
	for i := 0; i < s.bs && s.next < s.n; i++ {
		if s.nullIDs[s.next] {
			rb.Field(0).(*array.StringBuilder).AppendNull()
		} else {
			rb.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("S%07d", s.next))
		}
		name := s.names[s.next%len(s.names)]
		if name == "" {
			rb.Field(1).(*array.StringBuilder).AppendNull()
		} else {
			rb.Field(1).(*array.StringBuilder).Append(name)
		}
		rb.Field(2).(*array.StringBuilder).Append("DE")
		rb.Field(3).(*array.StringBuilder).AppendNull()
		rb.Field(4).(*array.Float64Builder).Append(float64(s.next))
		s.next++
	}
	rec := rb.NewRecord()
	cols, err := pipeline.ResolveColumns("mem.parquet", rec.Schema(), nil)
	if err != nil {
		rec.Release()
		return nil, err
	}
	return &pipeline.Batch{Rec: rec, File: "mem.parquet", FirstRow: int64(first), Cols: cols}, nil
}

func (s *memSource) Close() error { s.closed = true; return nil }

// exactMatcher reports list entries whose primary name equals the query,
// ignoring case, and counts its calls per name.
type exactMatcher struct {
	entries map[string]*lists.Entry
	calls   sync.Map // name -> *atomic.Int64
	delay   time.Duration
}

func newExactMatcher(names ...string) *exactMatcher {
	m := &exactMatcher{entries: map[string]*lists.Entry{}}
	for i, n := range names {
		m.entries[strings.ToLower(n)] = &lists.Entry{List: "inhouse", ID: fmt.Sprintf("E%d", i+1), Type: lists.TypeOrganisation,
			Names: []lists.Name{{Value: n, Kind: lists.NamePrimary}}, Programs: []string{"TEST"}}
	}
	return m
}

func (m *exactMatcher) Match(q matchers.Query, dst []matchers.Match) []matchers.Match {
	c, _ := m.calls.LoadOrStore(q.Name, new(atomic.Int64))
	c.(*atomic.Int64).Add(1)
	if m.delay > 0 {
		time.Sleep(m.delay)
	}
	if e, ok := m.entries[strings.ToLower(q.Name)]; ok {
		dst = append(dst, matchers.Match{Entry: e, Score: 1, Explanation: "exact"})
	}
	return dst
}

// recordSink keeps what it is given, to check order and content.
type recordSink struct {
	rows      []string // shipment ids written, in order
	flagged   []string
	committed bool
	aborted   bool
	failAt    int // fail the Write of this batch number (1-based); 0 never
	writes    int
}

func (s *recordSink) Write(_ context.Context, b *pipeline.Batch) error {
	s.writes++
	if s.failAt == s.writes {
		return fmt.Errorf("disk full")
	}
	for i, sh := range b.Shipments {
		s.rows = append(s.rows, sh.ShipmentID)
		if b.Decisions[i].Flagged {
			s.flagged = append(s.flagged, sh.ShipmentID+":"+b.Hits[i][0].EntryID)
		}
	}
	return nil
}
func (s *recordSink) Commit() error { s.committed = true; return nil }
func (s *recordSink) Abort() error  { s.aborted = true; return nil }

// slowStage sleeps on some batches so that workers finish out of order.
type slowStage struct{}

func (slowStage) Apply(ctx context.Context, b *pipeline.Batch) error {
	if b.Seq%3 == 0 {
		time.Sleep(2 * time.Millisecond)
	}
	return nil
}

var _ = evidence.PartyMatch
