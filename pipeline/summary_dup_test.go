package pipeline_test

import (
	"os"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// dupBatch is a screened batch of the given ids from file, first row first.
func dupBatch(t *testing.T, file string, first int64, ids ...string) *pipeline.Batch {
	t.Helper()
	bld := array.NewStringBuilder(memory.DefaultAllocator)
	bld.AppendValues(ids, nil)
	col := bld.NewArray()
	bld.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "shipment_id", Type: arrow.BinaryTypes.String}}, nil)
	rec := array.NewRecord(schema, []arrow.Array{col}, int64(len(ids)))
	col.Release()
	b := &pipeline.Batch{Rec: rec, File: file, FirstRow: first}
	for i, id := range ids {
		b.Shipments = append(b.Shipments, evidence.Shipment{Row: first + int64(i), ShipmentID: id, ConsigneeName: "ACME GmbH"})
	}
	b.Hits = make([][]evidence.Hit, len(ids))
	b.Decisions = make([]evidence.Decision, len(ids))
	t.Cleanup(b.Release)
	return b
}

func TestSummaryCountsDuplicateShipmentIDs(t *testing.T) {
	s := pipeline.NewSummary()
	s.Add(dupBatch(t, "a.parquet", 0, "DE-2025-001", "DE-2025-002", "DE-2025-001"))
	s.Add(dupBatch(t, "b.parquet", 0, "DE-2025-003", "DE-2025-002", "DE-2025-002"))
	s.Finish()
	if s.DuplicateIDs != 3 {
		t.Errorf("DuplicateIDs = %d, want 3 (one repeat of 001, two of 002)", s.DuplicateIDs)
	}
	want := pipeline.DuplicateID{ID: "DE-2025-001", File: "a.parquet", Row: 3}
	if s.FirstDuplicate != want {
		t.Errorf("FirstDuplicate = %+v, want %+v", s.FirstDuplicate, want)
	}
	if s.Rows != 6 || s.NoPartyRows != 0 {
		t.Errorf("rows %d, no-party rows %d", s.Rows, s.NoPartyRows)
	}

	clean := pipeline.NewSummary()
	clean.Add(dupBatch(t, "a.parquet", 0, "1", "2", "3"))
	clean.Finish()
	if clean.DuplicateIDs != 0 || clean.FirstDuplicate.ID != "" {
		t.Errorf("distinct ids counted as duplicates: %d %+v", clean.DuplicateIDs, clean.FirstDuplicate)
	}
}

// TestSummaryDuplicateCheckIsBounded: past the cap ids are no longer
// collected (memory stays flat), repeats after it are not counted, and the
// summary says how many rows the count covers.
func TestSummaryDuplicateCheckIsBounded(t *testing.T) {
	s := pipeline.NewSummary()
	pipeline.SetDuplicateCap(s, 3)
	s.Add(dupBatch(t, "a.parquet", 0, "DE-1", "DE-2", "DE-1", "DE-2", "DE-2"))
	s.Finish()
	if s.DuplicateCheckedRows != 3 || s.Rows != 5 {
		t.Errorf("checked %d of %d rows, want 3 of 5", s.DuplicateCheckedRows, s.Rows)
	}
	if s.DuplicateIDs != 1 {
		t.Errorf("DuplicateIDs = %d, want 1 (only the repeat within the first 3 rows)", s.DuplicateIDs)
	}
}

// TestSummaryDuplicatesAcrossSpilledRuns: ids past the in-memory buffer go
// to sorted runs on disk; a repeat whose first occurrence is in an earlier
// run is still counted, and Finish removes the temporary file.
func TestSummaryDuplicatesAcrossSpilledRuns(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s := pipeline.NewSummary()
	pipeline.SetDuplicateBuffer(s, 4)
	s.Add(dupBatch(t, "a.parquet", 0, "A1", "A2", "A3", "A4", "A5"))
	s.Add(dupBatch(t, "a.parquet", 5, "A6", "A7", "A1", "A8", "A9"))
	s.Add(dupBatch(t, "a.parquet", 10, "A9", "A2", "B1"))
	if n := tempFiles(t); n != 1 {
		t.Fatalf("%d temporary files while collecting, want 1 (the runs)", n)
	}
	s.Finish()
	if s.DuplicateIDs != 3 || s.DuplicateCheckedRows != 13 || s.DuplicateCheckErr != nil {
		t.Errorf("DuplicateIDs %d over %d rows (err %v), want 3 over 13", s.DuplicateIDs, s.DuplicateCheckedRows, s.DuplicateCheckErr)
	}
	if n := tempFiles(t); n != 0 {
		t.Errorf("%d temporary files left after Finish", n)
	}
}

func tempFiles(t *testing.T) int {
	t.Helper()
	es, err := os.ReadDir(os.Getenv("TMPDIR"))
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}
