package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// pqRow reads named columns of one row of a record. Columns the file lacks
// read as null.
type pqRow struct {
	rec  arrow.Record
	i    int
	cols map[string]int
}

func (r pqRow) col(name string) (arrow.Array, bool) {
	c, ok := r.cols[name]
	if !ok || r.rec.Column(c).IsNull(r.i) {
		return nil, false
	}
	return r.rec.Column(c), true
}

// String returns the value of a string-like column ("" for null); numbers,
// booleans and timestamps are formatted, lists joined with ";".
func (r pqRow) String(name string) string {
	a, ok := r.col(name)
	if !ok {
		return ""
	}
	return valueString(a, r.i)
}

func valueString(a arrow.Array, i int) string {
	switch c := a.(type) {
	case *array.String:
		return c.Value(i)
	case *array.LargeString:
		return c.Value(i)
	case *array.Binary:
		return string(c.Value(i))
	case *array.Dictionary:
		return valueString(c.Dictionary(), c.GetValueIndex(i))
	case *array.Timestamp:
		unit := c.DataType().(*arrow.TimestampType).Unit
		return c.Value(i).ToTime(unit).UTC().Format("2006-01-02T15:04:05Z07:00")
	case *array.Date32:
		return c.Value(i).ToTime().Format("2006-01-02")
	case *array.Boolean:
		return strconv.FormatBool(c.Value(i))
	case *array.List, *array.LargeList:
		return strings.Join(listStrings(a, i), ";")
	}
	return a.ValueStr(i)
}

// Float returns a numeric column's value, and false for null or non-numeric.
func (r pqRow) Float(name string) (float64, bool) {
	a, ok := r.col(name)
	if !ok {
		return 0, false
	}
	switch c := a.(type) {
	case *array.Float64:
		return c.Value(r.i), true
	case *array.Float32:
		return float64(c.Value(r.i)), true
	case *array.Int64:
		return float64(c.Value(r.i)), true
	case *array.Int32:
		return float64(c.Value(r.i)), true
	}
	f, err := strconv.ParseFloat(valueString(a, r.i), 64)
	return f, err == nil
}

// Strings returns a list<string> column's values; a plain string column is
// split on ";".
func (r pqRow) Strings(name string) []string {
	a, ok := r.col(name)
	if !ok {
		return nil
	}
	return listStrings(a, r.i)
}

func listStrings(a arrow.Array, i int) []string {
	var vals arrow.Array
	var start, end int64
	switch c := a.(type) {
	case *array.List:
		start, end = c.ValueOffsets(i)
		vals = c.ListValues()
	case *array.LargeList:
		start, end = c.ValueOffsets(i)
		vals = c.ListValues()
	default:
		s := valueString(a, i)
		if s == "" {
			return nil
		}
		return strings.Split(s, ";")
	}
	out := make([]string, 0, end-start)
	for j := start; j < end; j++ {
		if !vals.IsNull(int(j)) {
			out = append(out, valueString(vals, int(j)))
		}
	}
	return out
}

// readParquetColumns streams the named top-level columns of a Parquet file,
// calling fn once per row with its 1-based row number. Columns in required
// must exist; missing optional ones read as null. Only the leaves of the
// named columns are decoded, so wide outputs with nested hits stay cheap.
func readParquetColumns(ctx context.Context, path string, required, optional []string, fn func(row int64, r pqRow) error) error {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 8192}, memory.DefaultAllocator)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	want := map[string]bool{}
	for _, n := range append(append([]string(nil), required...), optional...) {
		want[n] = true
	}
	var leaves []int
	found := map[string]bool{}
	for i := range fr.Manifest.Fields {
		f := &fr.Manifest.Fields[i]
		name := strings.ToLower(f.Field.Name)
		if want[name] && !found[name] {
			found[name] = true
			leaves = appendLeaves(leaves, f)
		}
	}
	for _, n := range required {
		if !found[n] {
			return fmt.Errorf("%s: column %s: missing", path, n)
		}
	}
	if len(leaves) == 0 {
		return nil
	}
	rr, err := fr.GetRecordReader(ctx, leaves, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer rr.Release()
	var row int64
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := rr.Read()
		if errors.Is(err, io.EOF) || (err == nil && rec == nil) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: row %d: %w", path, row+1, err)
		}
		cols := map[string]int{}
		for i, f := range rec.Schema().Fields() {
			cols[strings.ToLower(f.Name)] = i
		}
		for i := 0; i < int(rec.NumRows()); i++ {
			row++
			if err := fn(row, pqRow{rec: rec, i: i, cols: cols}); err != nil {
				return err
			}
		}
	}
}

// appendLeaves collects the leaf column indices below f. It tests for
// children rather than calling IsLeaf: arrow v17 leaves ColIndex at 0, not
// -1, on group fields such as a list, so IsLeaf reports them as leaves.
func appendLeaves(dst []int, f *pqarrow.SchemaField) []int {
	if len(f.Children) == 0 {
		return append(dst, f.ColIndex)
	}
	for i := range f.Children {
		dst = appendLeaves(dst, &f.Children[i])
	}
	return dst
}
