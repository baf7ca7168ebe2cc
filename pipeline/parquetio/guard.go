package parquetio

import (
	"fmt"

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
