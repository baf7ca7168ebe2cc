package parquetio

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"

	"github.com/apache/arrow/go/v17/arrow/flight"
	"github.com/apache/arrow/go/v17/parquet"
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

// newParquetReader is file.NewParquetReader with a panic while parsing
// the footer turned into an error: arrow v17 panics on a schema element
// whose logical type it does not know ("invalid logical type", in
// schema.getLogicalType). Found by FuzzSource.
func newParquetReader(f *os.File, props *parquet.ReaderProperties) (rdr *file.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			rdr, err = nil, fmt.Errorf("footer does not parse: %v", p)
		}
	}()
	return file.NewParquetReader(f, file.WithReadProps(props))
}

// checkColumnChunks reads the metadata of every column chunk of rdr and
// turns the panic of a damaged footer into an error. Arrow reads this
// metadata again in goroutines of its own when a record reader starts
// (pqarrow's GetFieldReaders), where a panic cannot be recovered and ends
// the process: a column chunk without its metadata, or a row group with
// fewer chunks than the schema has columns, did (found by FuzzSource). It
// also checks that the row groups hold the rows the footer says.
func checkColumnChunks(rdr *file.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("corrupt column chunk metadata: %v", p)
		}
	}()
	md := rdr.MetaData()
	n := md.Schema.NumColumns()
	var rows int64
	for g := range rdr.NumRowGroups() {
		rg := md.RowGroup(g)
		if rg.NumColumns() != n {
			return fmt.Errorf("row group %d has %d column chunks, the schema %d columns", g, rg.NumColumns(), n)
		}
		if rg.NumRows() < 0 {
			return fmt.Errorf("row group %d claims %d rows", g, rg.NumRows())
		}
		rows += rg.NumRows()
		for c := range n {
			if _, err := rg.ColumnChunk(c); err != nil {
				return fmt.Errorf("row group %d, column %d: %w", g, c, err)
			}
		}
	}
	if rows != md.NumRows {
		// The reader reads row groups; the progress bar, the summary and
		// the end-of-run check count the footer's total. A file whose row
		// groups hold fewer rows than it says would end early and quietly
		// (found by FuzzSource: 32 rows said, one row group of 0).
		return fmt.Errorf("footer says %d rows, its row groups hold %d", md.NumRows, rows)
	}
	return nil
}

// checkArrowSchema checks the Arrow schema a writer may store in the
// footer (key ARROW:schema, base64 of an Arrow IPC message) before pqarrow
// reads it: arrow allocates whatever length the message claims, so a
// damaged one asked for 32 GiB and ended the process (found by
// FuzzSource). The message is decoded here with an allocator that refuses
// more than the message's own size (a schema message has no body), and a
// claimed length past the data is refused before that, as is a flatbuffer
// whose lists or offsets arrow's decoder would follow out of bounds
// (verifySchemaMessage).
func checkArrowSchema(rdr *file.Reader) (err error) {
	serialized := rdr.MetaData().KeyValueMetadata().FindValue("ARROW:schema")
	if serialized == nil {
		return nil
	}
	var decoded []byte
	if len(*serialized)%4 == 0 { // as pqarrow decodes it
		decoded, err = base64.StdEncoding.DecodeString(*serialized)
	}
	if len(decoded) == 0 || err != nil {
		if decoded, err = base64.RawStdEncoding.DecodeString(*serialized); err != nil {
			return nil // pqarrow reports it
		}
	}
	if len(decoded) < 8 {
		return fmt.Errorf("stored Arrow schema of %d bytes", len(decoded))
	}
	start, n := int64(4), int64(int32(binary.LittleEndian.Uint32(decoded)))
	if n == -1 { // continuation marker, then the length
		start, n = 8, int64(int32(binary.LittleEndian.Uint32(decoded[4:])))
	}
	if n < 0 || start+n > int64(len(decoded)) {
		return fmt.Errorf("stored Arrow schema claims %d bytes of %d", n, len(decoded)-int(start))
	}
	if err := verifySchemaMessage(decoded[start : start+n]); err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("stored Arrow schema does not decode: %v", p)
		}
	}()
	_, err = flight.DeserializeSchema(decoded, boundedAllocator{max: len(decoded)})
	return err
}

// boundedAllocator allocates from the Go heap and panics past max bytes.
type boundedAllocator struct{ max int }

func (a boundedAllocator) Allocate(size int) []byte {
	if size < 0 || size > a.max {
		panic(fmt.Sprintf("allocation of %d bytes for a %d-byte message", size, a.max))
	}
	return make([]byte, size)
}

func (a boundedAllocator) Reallocate(size int, b []byte) []byte {
	nb := a.Allocate(size)
	copy(nb, b)
	return nb
}

func (boundedAllocator) Free([]byte) {}
