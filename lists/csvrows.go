package lists

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvTable holds the scaffolding the CSV list readers share: a column map
// from the header and a row loop that turns damaged rows into problems
// rather than failing the whole list. Readers whose header needs its own
// handling (a date line above it, a fixed layout, no header at all) build
// the table themselves and use only next.
type csvTable struct {
	cr    *csv.Reader
	path  string
	col   map[string]int // trimmed header name → index
	width int            // fields every row must have
	// widthf is the problem for a row of another width, given the wanted
	// and the actual field count; readers word it for their format.
	widthf string
	n      int // rows read, for the periodic ctx check
}

// newCSVReader returns a csv.Reader for a list: rows of any width (next
// reports the odd ones as problems instead of failing) and a reused record,
// since readers copy what they keep.
func newCSVReader(r io.Reader, comma rune) *csv.Reader {
	cr := csv.NewReader(r)
	if comma != 0 {
		cr.Comma = comma
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}

// newCSVTable reads the header from cr and checks it has the columns in
// need. what names the format for errors, with its article ("a US CSL
// CSV"): a file without the header is some other file, not a damaged list.
func newCSVTable(cr *csv.Reader, path, what string, need ...string) (*csvTable, error) {
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: not %s: reading header: %w", path, what, err)
	}
	t := csvTableOf(cr, path, header)
	if err := t.require(what, need...); err != nil {
		return nil, err
	}
	return t, nil
}

// csvTableOf makes the table for a header the reader has read and checked
// itself; rows must be as wide as the header.
func csvTableOf(cr *csv.Reader, path string, header []string) *csvTable {
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	return &csvTable{cr: cr, path: path, col: col, width: len(header), widthf: "want %d fields as in the header, got %d"}
}

// require checks the header has the columns in need, for readers that
// learn which columns they need from the header itself.
func (t *csvTable) require(what string, need ...string) error {
	for _, c := range need {
		if _, ok := t.col[c]; !ok {
			return fmt.Errorf("%s: line 1: not %s: missing column %q", t.path, what, c)
		}
	}
	return nil
}

// has reports whether the header has column name.
func (t *csvTable) has(name string) bool {
	_, ok := t.col[name]
	return ok
}

// get returns the field of column name in rec, trimmed; "" when the header
// has no such column or name is "" (layouts leave optional columns "").
func (t *csvTable) get(rec []string, name string) string {
	if i, ok := t.col[name]; ok && name != "" && i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// next returns the next well-formed row and its line, or io.EOF at the end.
// A row the csv package cannot parse, or one whose width differs from the
// table's, is recorded in probs and skipped: one bad row should not cost
// the rest of the list. ctx is checked every 4096 rows.
func (t *csvTable) next(ctx context.Context, probs *problems) ([]string, int, error) {
	for {
		n := t.n
		t.n++
		rec, err := t.cr.Read()
		if errors.Is(err, io.EOF) {
			return nil, 0, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, 0, fmt.Errorf("%s: %w", t.path, err)
			}
			probs.addf(int64(pe.StartLine), "%v", pe.Err)
			continue
		}
		line, _ := t.cr.FieldPos(0)
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		if len(rec) != t.width {
			probs.addf(int64(line), t.widthf, t.width, len(rec))
			continue
		}
		return rec, line, nil
	}
}
