package pipeline

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinels for InputError.Err. Callers branch on them with errors.Is.
var (
	ErrMissingColumn  = errors.New("missing required column")
	ErrBadType        = errors.New("unsupported column type")
	ErrBadUTF8        = errors.New("invalid UTF-8")
	ErrNullValue      = errors.New("null or empty value in a required column")
	ErrNotParquet     = errors.New("not a Parquet file")
	ErrCorrupt        = errors.New("corrupt Parquet data")
	ErrNoFiles        = errors.New("no Parquet files found")
	ErrSchemaMismatch = errors.New("columns differ from the first input file")
	ErrReservedColumn = errors.New("input column has the name of an output field")
)

// InputError is a problem with the user's input, with its location, in the
// manner of encoding/csv.ParseError. The CLI maps it to exit status 2.
type InputError struct {
	File   string
	Row    int64  // 1-based data row; 0 when not row-specific
	Column string // column or field name; "" when none
	Err    error  // one of the sentinels above, possibly wrapping the cause
}

// Error reads "orders.parquet: row 1204, column consignee_name: invalid UTF-8".
func (e *InputError) Error() string {
	s := e.File
	if s == "" {
		s = "input"
	}
	sep := ": "
	if e.Row > 0 {
		s += sep + "row " + strconv.FormatInt(e.Row, 10)
		sep = ", "
	}
	if e.Column != "" {
		s += sep + "column " + strconv.Quote(e.Column)
	}
	return s + ": " + e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// wrapf is fmt.Errorf for a sentinel plus its cause, keeping both in the chain.
func wrapf(sentinel error, cause error) error {
	if cause == nil {
		return sentinel
	}
	return fmt.Errorf("%w: %w", sentinel, cause)
}

// Wrap returns sentinel wrapped with cause so that errors.Is finds both.
func Wrap(sentinel, cause error) error { return wrapf(sentinel, cause) }
