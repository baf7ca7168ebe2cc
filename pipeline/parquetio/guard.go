package parquetio

import (
	"fmt"

	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// nextRecord advances rr and turns a panic inside the Parquet decoder into
// an error. The arrow-go decoder trusts lengths and offsets read from the
// file and panics (index out of range, mismatched column lengths) on some
// corrupt files; one damaged file must fail with its name, not crash the
// whole nightly run. Found by FuzzSource.
func nextRecord(rr pqarrow.RecordReader) (ok bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			ok, err = false, fmt.Errorf("corrupt column data: decoder panicked: %v", p)
		}
	}()
	return rr.Next(), nil
}

// checkColumnChunks reads the metadata of every column chunk of rdr and
// turns the panic of a damaged footer into an error. Arrow reads this
// metadata again in goroutines of its own when a record reader starts
// (pqarrow's GetFieldReaders), where a panic cannot be recovered and ends
// the process: a column chunk without its metadata, or a row group with
// fewer chunks than the schema has columns, did (found by FuzzSource).
func checkColumnChunks(rdr *file.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("corrupt column chunk metadata: %v", p)
		}
	}()
	md := rdr.MetaData()
	n := md.Schema.NumColumns()
	for g := range rdr.NumRowGroups() {
		rg := md.RowGroup(g)
		if rg.NumColumns() != n {
			return fmt.Errorf("row group %d has %d column chunks, the schema %d columns", g, rg.NumColumns(), n)
		}
		for c := range n {
			if _, err := rg.ColumnChunk(c); err != nil {
				return fmt.Errorf("row group %d, column %d: %w", g, c, err)
			}
		}
	}
	return nil
}
