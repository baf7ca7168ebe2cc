package parquetio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/pipeline"
)

// DefaultBatchSize is the rows per record batch. 8192 rows of a dozen short
// string columns is about 2–3 MiB: large enough that per-batch overhead
// vanishes, small enough that InFlight batches stay a few tens of MiB.
const DefaultBatchSize = 8192

// Options configure a Source.
type Options struct {
	// Map names the input columns of canonical fields (--map). Default none.
	Map pipeline.ColumnMap
	// PassThrough reads every column, for sinks that write all input columns.
	// When false only the canonical columns present are read. Default false.
	PassThrough bool
	// BatchSize is the rows per batch. Default DefaultBatchSize.
	BatchSize int
	// Mem allocates Arrow memory. Default memory.DefaultAllocator.
	Mem memory.Allocator
	// ReadDictionaries hands string columns with small dictionaries over
	// as Arrow dictionary arrays (see dictread.go); Schema stays the plain
	// one. Only for consumers that take both: Extract and this package's
	// Sink. Default false.
	ReadDictionaries bool
}

// Source streams shipments from Parquet files, one file after another.
type Source struct {
	opts   Options
	files  []fileInfo
	schema *arrow.Schema
	total  int64

	cur    int // index of the file being read
	rdr    *file.Reader
	fr     *pqarrow.FileReader
	leaves []int // leaf columns to read from the current file; nil reads all
	rg     int   // next row group of the current file
	rr     pqarrow.RecordReader
	cols   *pipeline.Columns // canonical column positions in the current file's batches
	row    int64             // rows of the current file already returned
	rgEnd  int64             // rows of the current file up to the end of the current row group, per the footer
}

type fileInfo struct {
	inputFile
	fields []int // top-level fields to read; nil reads all
	dict   []int // leaf columns read as Arrow dictionaries
	rows   int64
}

// Open finds the files behind specs and checks every footer: each file must
// be Parquet, hold the required columns with usable types and, when columns
// pass through, have the same columns as the first file. Errors are
// *pipeline.InputError naming the file (and column).
func Open(ctx context.Context, specs []string, opts Options) (*Source, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.Mem == nil {
		opts.Mem = memory.DefaultAllocator
	}
	files, err := expand(specs)
	if err != nil {
		return nil, err
	}
	s := &Source{opts: opts}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info, schema, err := s.inspect(f)
		if err != nil {
			return nil, err
		}
		if s.schema == nil {
			s.schema = schema
		} else if opts.PassThrough {
			if err := sameColumns(s.schema, schema); err != nil {
				return nil, &pipeline.InputError{File: f.path, Err: fmt.Errorf("%w (%s): %v", pipeline.ErrSchemaMismatch, files[0].path, err)}
			}
		}
		s.files = append(s.files, info)
		s.total += info.rows
	}
	return s, nil
}

func (s *Source) readProps() *parquet.ReaderProperties {
	p := parquet.NewReaderProperties(s.opts.Mem)
	// Stream column chunks through a buffer instead of loading each whole
	// chunk: a row group of millions of rows must not set the memory. The
	// buffer is allocated afresh for every column chunk and grows to hold
	// a page larger than it (Peek), so it is small: at 1 MiB a 10M-row
	// file of 39 row groups × 13 columns allocated 507 MB of buffers,
	// mostly for chunks of 100–300 KB; at 64 KiB reading the 1M batch
	// took 5–8% less CPU (read alone, six runs each).
	p.BufferedStreamEnabled = true
	p.BufferSize = 64 << 10
	return p
}

// openFile opens path for reading, the leaf columns dict as dictionaries.
// With verify it first checks the footer, the stored Arrow schema and every
// page header (guard.go, schemacheck.go, pagecheck.go), which reads the
// whole file's page headers; inspect does, once per file, so the opens that
// read a file Open or RowGroupsOf has inspected do not read them again.
func (s *Source) openFile(path string, dict []int, verify bool) (*file.Reader, *pqarrow.FileReader, error) {
	// Opened here, not with file.OpenParquetFile, which leaves the file
	// open when the footer does not parse (found by FuzzSource: "too many
	// open files" after some thousands of damaged inputs).
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &pipeline.InputError{File: path, Err: err}
	}
	rdr, err := newParquetReader(f, s.readProps())
	if err != nil {
		f.Close()
		return nil, nil, &pipeline.InputError{File: path, Err: pipeline.Wrap(pipeline.ErrNotParquet, err)}
	}
	if verify {
		if err := verifyFile(f, rdr); err != nil {
			rdr.Close()
			return nil, nil, &pipeline.InputError{File: path, Err: pipeline.Wrap(pipeline.ErrCorrupt, err)}
		}
	}
	props := pqarrow.ArrowReadProperties{BatchSize: int64(s.opts.BatchSize)}
	for _, leaf := range dict {
		props.SetReadDict(leaf, true)
	}
	fr, err := pqarrow.NewFileReader(rdr, props, s.opts.Mem)
	if err != nil {
		rdr.Close()
		return nil, nil, &pipeline.InputError{File: path, Err: err}
	}
	return rdr, fr, nil
}

// verifyFile runs the checks that keep a damaged file from crashing or
// exhausting arrow's reader: footer, stored Arrow schema, page headers.
func verifyFile(f *os.File, rdr *file.Reader) error {
	if err := checkColumnChunks(rdr); err != nil {
		return err
	}
	if err := checkArrowSchema(rdr); err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	return checkPages(f, st.Size(), rdr)
}

// inspect reads one footer, with every check of openFile's verify, and
// returns what to read from the file and the schema of the records the
// Source will yield for it.
func (s *Source) inspect(f inputFile) (fileInfo, *arrow.Schema, error) {
	rdr, fr, err := s.openFile(f.path, nil, true)
	if err != nil {
		return fileInfo{}, nil, err
	}
	defer rdr.Close()
	schema, err := fr.Schema()
	if err != nil {
		return fileInfo{}, nil, &pipeline.InputError{File: f.path, Err: err}
	}
	info := fileInfo{inputFile: f, rows: rdr.NumRows()}
	full := withPartitions(schema, f.partition)
	cols, err := pipeline.ResolveColumns(f.path, full, s.opts.Map)
	if err != nil {
		return fileInfo{}, nil, err
	}
	if s.opts.ReadDictionaries {
		info.dict = smallDictionaries(rdr, fr, schema, cols)
	}
	if s.opts.PassThrough {
		return info, full, nil
	}
	want := map[int]bool{}
	for _, idx := range cols.Index {
		if idx >= 0 && idx < schema.NumFields() {
			want[idx] = true
		}
	}
	fields := make([]arrow.Field, 0, len(want))
	for i := 0; i < schema.NumFields(); i++ {
		if want[i] {
			info.fields = append(info.fields, i)
			fields = append(fields, schema.Field(i))
		}
	}
	return info, withPartitions(arrow.NewSchema(fields, nil), f.partition), nil
}

// withPartitions appends the hive partition keys the file does not already
// hold as string columns.
func withPartitions(schema *arrow.Schema, parts []partitionValue) *arrow.Schema {
	if len(parts) == 0 {
		return schema
	}
	fields := schema.Fields()
	for _, p := range parts {
		if !schema.HasField(p.key) {
			fields = append(fields, arrow.Field{Name: p.key, Type: arrow.BinaryTypes.String, Nullable: true})
		}
	}
	return arrow.NewSchema(fields, nil)
}

// sameColumns reports how b's columns differ from a's, by name and type
// (nullability and metadata may differ between writers).
func sameColumns(a, b *arrow.Schema) error {
	if a.NumFields() != b.NumFields() {
		return fmt.Errorf("%d columns, want %d", b.NumFields(), a.NumFields())
	}
	for i := 0; i < a.NumFields(); i++ {
		fa, fb := a.Field(i), b.Field(i)
		if fa.Name != fb.Name || !arrow.TypeEqual(fa.Type, fb.Type) {
			return fmt.Errorf("column %d is %s %s, want %s %s", i+1, fb.Name, fb.Type, fa.Name, fa.Type)
		}
	}
	return nil
}

// Schema is the schema of the batches (the first file's, with partitions).
func (s *Source) Schema() *arrow.Schema { return s.schema }

// TotalRows is the row count of every file, from their footers.
func (s *Source) TotalRows() int64 { return s.total }

// Files returns the paths that will be read, in order.
func (s *Source) Files() []string {
	out := make([]string, len(s.files))
	for i, f := range s.files {
		out[i] = f.path
	}
	return out
}

// Next implements pipeline.Source. Each row group gets its own record
// reader, so a batch never spans row groups: pqarrow cannot join the
// different dictionaries of two row groups into one dictionary array.
func (s *Source) Next(ctx context.Context) (*pipeline.Batch, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if s.fr == nil {
			if s.cur >= len(s.files) {
				return nil, io.EOF
			}
			if err := s.openCurrent(); err != nil {
				return nil, err
			}
		}
		f := &s.files[s.cur]
		if s.rr == nil {
			if s.rg >= s.rdr.NumRowGroups() {
				s.closeCurrent()
				s.cur++
				continue
			}
			rr, err := s.fr.GetRecordReader(ctx, s.leaves, []int{s.rg})
			if err != nil {
				return nil, &pipeline.InputError{File: f.path, Err: fmt.Errorf("row group %d: %w", s.rg, err)}
			}
			s.rr = rr
			s.rgEnd += s.rdr.MetaData().RowGroup(s.rg).NumRows()
			s.rg++
		}
		ok, perr := nextRecord(s.rr)
		if perr != nil {
			s.closeCurrent()
			s.cur++
			return nil, &pipeline.InputError{File: f.path, Row: s.row + 1, Err: pipeline.Wrap(pipeline.ErrCorrupt, perr)}
		}
		if ok {
			rec := s.rr.Record()
			rec.Retain()
			rec = s.addPartitions(rec, f.partition)
			if s.cols == nil {
				// Once per file: every batch of a file has its schema.
				cols, err := pipeline.ResolveColumns(f.path, rec.Schema(), s.opts.Map)
				if err != nil {
					rec.Release()
					return nil, err
				}
				s.cols = cols
			}
			b := &pipeline.Batch{Rec: rec, File: f.path, FirstRow: s.row, Cols: s.cols}
			s.row += rec.NumRows()
			return b, nil
		}
		err := s.rr.Err()
		s.rr.Release()
		s.rr = nil
		if err != nil && !errors.Is(err, io.EOF) {
			// pqarrow reports a normal end as io.EOF from Err.
			return nil, &pipeline.InputError{File: f.path, Err: fmt.Errorf("reading rows after row %d: %w", s.row, err)}
		}
		if s.row != s.rgEnd {
			// A column chunk whose pages do not decode ends the reader as if
			// the row group were done; without this check its rows would vanish.
			return nil, &pipeline.InputError{File: f.path, Row: s.row + 1, Err: fmt.Errorf("%w: rows end after row %d but the footer says %d", pipeline.ErrCorrupt, s.row, s.rgEnd)}
		}
	}
}

func (s *Source) openCurrent() error {
	f := s.files[s.cur]
	rdr, fr, err := s.openFile(f.path, f.dict, false) // inspected by Open
	if err != nil {
		return err
	}
	var leaves []int
	if f.fields != nil {
		if leaves, err = fr.Manifest.GetFieldIndices(f.fields); err != nil {
			rdr.Close()
			return &pipeline.InputError{File: f.path, Err: err}
		}
	}
	s.rdr, s.fr, s.leaves, s.rg, s.row, s.rgEnd = rdr, fr, leaves, 0, 0, 0
	return nil
}

func (s *Source) closeCurrent() {
	if s.rr != nil {
		s.rr.Release()
		s.rr = nil
	}
	if s.rdr != nil {
		s.rdr.Close()
		s.rdr = nil
	}
	s.fr = nil
}

// addPartitions returns rec with the partition columns appended; it takes
// over the caller's reference to rec.
func (s *Source) addPartitions(rec arrow.Record, parts []partitionValue) arrow.Record {
	if len(parts) == 0 {
		return rec
	}
	schema := withPartitions(rec.Schema(), parts)
	if schema.NumFields() == int(rec.NumCols()) {
		return rec
	}
	n := int(rec.NumRows())
	cols := append([]arrow.Array(nil), rec.Columns()...)
	var extra []arrow.Array
	for _, p := range parts {
		if rec.Schema().HasField(p.key) {
			continue
		}
		bld := array.NewStringBuilder(s.opts.Mem)
		bld.Reserve(n)
		bld.ReserveData(n * len(p.value))
		for range n {
			bld.Append(p.value)
		}
		arr := bld.NewArray()
		bld.Release()
		extra = append(extra, arr)
	}
	out := array.NewRecord(schema, append(cols, extra...), int64(n))
	for _, a := range extra {
		a.Release()
	}
	rec.Release()
	return out
}

// Close releases the file being read.
func (s *Source) Close() error {
	s.closeCurrent()
	s.cur = len(s.files)
	return nil
}
