package screenjob

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// part is the screened rows of one batch on their way from the screening
// workers to the shard writer: the selected input rows as an Arrow IPC
// stream of one record and, row for row, their decisions and hits. Beam moves it
// as bytes, so no Beam coder needs to know Arrow or the evidence types.
type part struct {
	RowGroup  int64 // RowGroup.Seq: the input position of the row group
	Batch     int   // batch number within the row group
	File      string
	Rows      []byte // Arrow IPC stream of the selected rows, all input columns
	Decisions []evidence.Decision
	Hits      [][]evidence.Hit
}

// newPart encodes rows sel of b.
func newPart(mem memory.Allocator, rowGroup int64, batch int, b *pipeline.Batch, sel []int) ([]byte, error) {
	rec, err := takeRows(mem, b.Rec, sel)
	if err != nil {
		return nil, fmt.Errorf("%s: selecting rows: %w", b.File, err)
	}
	defer rec.Release()
	var rows bytes.Buffer
	w := ipc.NewWriter(&rows, ipc.WithSchema(rec.Schema()), ipc.WithAllocator(mem))
	if err := w.Write(rec); err != nil {
		w.Close()
		return nil, fmt.Errorf("%s: encoding rows: %w", b.File, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("%s: encoding rows: %w", b.File, err)
	}
	p := part{RowGroup: rowGroup, Batch: batch, File: b.File, Rows: rows.Bytes(),
		Decisions: make([]evidence.Decision, len(sel)), Hits: make([][]evidence.Hit, len(sel))}
	for k, r := range sel {
		p.Decisions[k] = b.Decisions[r]
		p.Hits[k] = b.Hits[r]
	}
	var out bytes.Buffer
	if err := gob.NewEncoder(&out).Encode(&p); err != nil {
		return nil, fmt.Errorf("%s: encoding decisions: %w", b.File, err)
	}
	return out.Bytes(), nil
}

// takeRows returns rows sel of rec as one record: runs of consecutive rows
// are zero-copy slices, concatenated per column (dictionaries unified), as
// the Parquet sink selects rows. One record per part matters: writing
// thousands of one-row records made the sink 10× slower than the screening.
func takeRows(mem memory.Allocator, rec arrow.Record, sel []int) (arrow.Record, error) {
	if len(sel) == int(rec.NumRows()) {
		rec.Retain()
		return rec, nil
	}
	cols := make([]arrow.Array, 0, rec.NumCols())
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	var parts []arrow.Array
	for c := 0; c < int(rec.NumCols()); c++ {
		parts = parts[:0]
		for i := 0; i < len(sel); {
			j := i + 1
			for j < len(sel) && sel[j] == sel[j-1]+1 {
				j++
			}
			parts = append(parts, array.NewSlice(rec.Column(c), int64(sel[i]), int64(sel[j-1]+1)))
			i = j
		}
		var col arrow.Array
		var err error
		if len(parts) == 1 {
			col = parts[0]
			col.Retain()
		} else {
			col, err = array.Concatenate(parts, mem)
		}
		for _, p := range parts {
			p.Release()
		}
		if err != nil {
			return nil, err
		}
		cols = append(cols, col)
	}
	return array.NewRecord(rec.Schema(), cols, int64(len(sel))), nil
}

func decodePart(data []byte) (*part, error) {
	var p part
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&p); err != nil {
		return nil, fmt.Errorf("decoding screened rows: %w", err)
	}
	return &p, nil
}

// batches turns p back into pipeline batches for the sink, one per IPC
// record, each with the decisions and hits of its rows. The caller releases
// them.
func (p *part) batches(mem memory.Allocator) ([]*pipeline.Batch, error) {
	r, err := ipc.NewReader(bytes.NewReader(p.Rows), ipc.WithAllocator(mem))
	if err != nil {
		return nil, fmt.Errorf("%s: decoding rows: %w", p.File, err)
	}
	defer r.Release()
	var out []*pipeline.Batch
	release := func() {
		for _, b := range out {
			b.Release()
		}
	}
	row := 0
	for r.Next() {
		rec := r.Record()
		n := int(rec.NumRows())
		if row+n > len(p.Decisions) {
			release()
			return nil, fmt.Errorf("%s: %d decoded rows for %d decisions", p.File, row+n, len(p.Decisions))
		}
		rec.Retain()
		out = append(out, &pipeline.Batch{Rec: rec, File: p.File,
			Decisions: p.Decisions[row : row+n], Hits: p.Hits[row : row+n]})
		row += n
	}
	if err := r.Err(); err != nil {
		release()
		return nil, fmt.Errorf("%s: decoding rows: %w", p.File, err)
	}
	if row != len(p.Decisions) {
		release()
		return nil, fmt.Errorf("%s: %d decoded rows for %d decisions", p.File, row, len(p.Decisions))
	}
	return out, nil
}

// encodeSchema and decodeSchema carry the output's input schema into the
// shard writer, which must write a valid (possibly empty) file even when
// its shard received no rows.
func encodeSchema(s *arrow.Schema) ([]byte, error) {
	var buf bytes.Buffer
	// Close writes the schema message even when no record was written.
	if err := ipc.NewWriter(&buf, ipc.WithSchema(s)).Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeSchema(data []byte) (*arrow.Schema, error) {
	r, err := ipc.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decoding the output schema: %w", err)
	}
	defer r.Release()
	return r.Schema(), nil
}
