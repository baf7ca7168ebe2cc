package textio

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// CSVSink writes a header and one record per row.
type CSVSink struct {
	out    output
	w      *csv.Writer
	all    bool
	input  *arrow.Schema
	isText []bool // neutralise this input column's cells
	rec    []string
	sel    []int
}

// NewCSVSink starts writing path (atomically); all writes every row, not
// only flagged ones.
func NewCSVSink(path string, input *arrow.Schema, all bool) (*CSVSink, error) {
	if err := pipeline.CheckOutputNames(input); err != nil {
		return nil, err
	}
	out, err := createOutput(path)
	if err != nil {
		return nil, err
	}
	s := &CSVSink{out: out, w: csv.NewWriter(out.buf), all: all, input: input}
	var header []string
	for _, f := range input.Fields() {
		header = append(header, Neutralise(f.Name))
		s.isText = append(s.isText, isTextType(f.Type))
	}
	header = append(header, pipeline.OutputFields...)
	if err := s.w.Write(header); err != nil {
		out.abort()
		return nil, err
	}
	return s, nil
}

// isTextType reports whether cells of dt are free text. Numbers are left
// alone: "-5" is a value, and prefixing it would change it.
func isTextType(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.BOOL, arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16,
		arrow.UINT32, arrow.UINT64, arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128,
		arrow.DECIMAL256, arrow.DATE32, arrow.DATE64, arrow.TIMESTAMP:
		return false
	case arrow.DICTIONARY:
		return isTextType(dt.(*arrow.DictionaryType).ValueType)
	}
	return true
}

// Neutralise makes a cell safe to open in a spreadsheet: a cell starting
// with = + - @, a tab or a carriage return would be read as a formula (CSV
// injection), so it gets a leading apostrophe, which spreadsheets show as
// text and do not evaluate.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Write implements pipeline.Sink.
func (s *CSVSink) Write(_ context.Context, b *pipeline.Batch) error {
	if err := checkColumns(s.input, b); err != nil {
		return err
	}
	s.sel = b.Selected(s.sel[:0], s.all)
	for _, r := range s.sel {
		s.rec = s.rec[:0]
		for c := range s.isText {
			col := b.Rec.Column(c)
			v := ""
			if col.IsValid(r) {
				v = col.ValueStr(r)
				if s.isText[c] {
					v = Neutralise(v)
				}
			}
			s.rec = append(s.rec, v)
		}
		d := b.Decisions[r]
		hits := b.Hits[r]
		if hits == nil {
			hits = []evidence.Hit{}
		}
		hj, err := json.Marshal(hits)
		if err != nil {
			return err
		}
		reasons := make([]string, len(d.Reasons))
		for i, x := range d.Reasons {
			reasons[i] = string(x)
		}
		s.rec = append(s.rec,
			strconv.FormatBool(d.Flagged),
			strconv.FormatFloat(d.RiskScore, 'g', -1, 64),
			string(d.Priority),
			Neutralise(strings.Join(reasons, ";")),
			Neutralise(string(hj)),
		)
		if err := s.w.Write(s.rec); err != nil {
			return err
		}
	}
	return s.w.Error()
}

// Commit publishes the file.
func (s *CSVSink) Commit() error {
	s.w.Flush()
	if err := s.w.Error(); err != nil {
		s.out.abort()
		return err
	}
	return s.out.commit()
}

// Abort removes the temporary file; safe after Commit.
func (s *CSVSink) Abort() error { return s.out.abort() }
