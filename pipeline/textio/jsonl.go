package textio

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// JSONLSink writes one JSON object per row.
type JSONLSink struct {
	out   output
	all   bool
	input *arrow.Schema
	keys  [][]byte // `"name":` per input column, marshalled once
	line  bytes.Buffer
	sel   []int
}

// NewJSONLSink starts writing path (atomically); all writes every row, not
// only flagged ones.
func NewJSONLSink(path string, input *arrow.Schema, all bool) (*JSONLSink, error) {
	if err := pipeline.CheckOutputNames(input); err != nil {
		return nil, err
	}
	out, err := createOutput(path)
	if err != nil {
		return nil, err
	}
	s := &JSONLSink{out: out, all: all, input: input}
	for _, f := range input.Fields() {
		k, _ := json.Marshal(f.Name) // a string always marshals
		s.keys = append(s.keys, append(k, ':'))
	}
	return s, nil
}

// Write implements pipeline.Sink.
func (s *JSONLSink) Write(_ context.Context, b *pipeline.Batch) error {
	if err := checkColumns(s.input, b); err != nil {
		return err
	}
	s.sel = b.Selected(s.sel[:0], s.all)
	for _, r := range s.sel {
		s.line.Reset()
		s.line.WriteByte('{')
		for c, key := range s.keys {
			s.line.Write(key)
			col := b.Rec.Column(c)
			if col.IsNull(r) {
				s.line.WriteString("null")
			} else if err := appendJSON(&s.line, col.GetOneForMarshal(r)); err != nil {
				return &pipeline.InputError{File: b.File, Row: b.FirstRow + int64(r) + 1, Column: s.input.Field(c).Name, Err: err}
			}
			s.line.WriteByte(',')
		}
		if err := appendDecision(&s.line, b.Decisions[r], b.Hits[r]); err != nil {
			return err
		}
		s.line.WriteString("}\n")
		if _, err := s.out.buf.Write(s.line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func appendJSON(buf *bytes.Buffer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	buf.Write(b)
	return nil
}

// decisionJSON fixes the key order of the decision fields.
type decisionJSON struct {
	Flagged   bool              `json:"flagged"`
	RiskScore float64           `json:"risk_score"`
	Priority  string            `json:"priority"`
	Reasons   []evidence.Reason `json:"reasons"`
	Hits      []evidence.Hit    `json:"hits"`
}

func appendDecision(buf *bytes.Buffer, d evidence.Decision, hits []evidence.Hit) error {
	v := decisionJSON{Flagged: d.Flagged, RiskScore: d.RiskScore, Priority: string(d.Priority), Reasons: d.Reasons, Hits: hits}
	if v.Reasons == nil {
		v.Reasons = []evidence.Reason{}
	}
	if v.Hits == nil {
		v.Hits = []evidence.Hit{}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	buf.Write(b[1 : len(b)-1]) // the fields without their braces
	return nil
}

// checkColumns guards against batches whose columns differ from the schema
// the sink was made for.
func checkColumns(input *arrow.Schema, b *pipeline.Batch) error {
	got := b.Rec.Schema()
	if got.NumFields() != input.NumFields() {
		return &pipeline.InputError{File: b.File, Err: fmt.Errorf("%w: %d columns, want %d", pipeline.ErrSchemaMismatch, got.NumFields(), input.NumFields())}
	}
	for i, f := range input.Fields() {
		if got.Field(i).Name != f.Name {
			return &pipeline.InputError{File: b.File, Column: got.Field(i).Name, Err: fmt.Errorf("%w: column %d is %s, want %s", pipeline.ErrSchemaMismatch, i+1, got.Field(i).Name, f.Name)}
		}
	}
	return nil
}

// Commit publishes the file.
func (s *JSONLSink) Commit() error { return s.out.commit() }

// Abort removes the temporary file; safe after Commit.
func (s *JSONLSink) Abort() error { return s.out.abort() }
