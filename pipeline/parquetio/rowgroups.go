package parquetio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/pipeline"
)

// RowGroup is one row group of one input file: the unit of work that a
// distributed runner (the Apache Beam job in beam/) hands to a worker. Its
// fields are plain values so that any runner can encode it.
type RowGroup struct {
	File      string   // path of the Parquet file
	Partition []string // hive partition folders as "key=value" (value unescaped), outermost first
	Seq       int64    // position of this row group in the whole input, from 0
	Index     int      // row group index within File
	FirstRow  int64    // 0-based row number of its first row within File
	Rows      int64    // rows in the row group
}

// RowGroupsOf lists the row groups of every file of s in input order,
// reading each footer again (Open does not keep the files open). It is a
// function, not a method of Source, so that the linker drops it from
// binaries that do not call it: a Source is held in an interface, and the
// exported methods of such types are kept.
func RowGroupsOf(s *Source) ([]RowGroup, error) {
	var out []RowGroup
	for _, f := range s.files {
		rdr, _, err := s.openFile(f.path, nil, false) // inspected by Open
		if err != nil {
			return nil, err
		}
		var parts []string
		for _, p := range f.partition {
			parts = append(parts, p.key+"="+p.value)
		}
		first := int64(0)
		for i := 0; i < rdr.NumRowGroups(); i++ {
			n := rdr.MetaData().RowGroup(i).NumRows()
			out = append(out, RowGroup{File: f.path, Partition: parts, Seq: int64(len(out)), Index: i, FirstRow: first, Rows: n})
			first += n
		}
		rdr.Close()
	}
	return out, nil
}

// RowGroupSource reads the batches of one row group. It implements
// pipeline.Source with the same columns, partition values, row numbers and
// errors as Source gives for those rows.
type RowGroupSource struct {
	s    *Source
	g    RowGroup
	info fileInfo
	rdr  *file.Reader
	rr   pqarrow.RecordReader
	row  int64 // rows of the row group already returned
}

// OpenRowGroup opens row group g for reading with opts (the options the
// whole input was opened with). It checks the file's columns as Open does.
func OpenRowGroup(ctx context.Context, g RowGroup, opts Options) (*RowGroupSource, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.Mem == nil {
		opts.Mem = memory.DefaultAllocator
	}
	s := &Source{opts: opts}
	in := inputFile{path: g.File}
	for _, p := range g.Partition {
		k, v, _ := strings.Cut(p, "=")
		in.partition = append(in.partition, partitionValue{k, v})
	}
	info, _, err := s.inspect(in)
	if err != nil {
		return nil, err
	}
	rdr, fr, err := s.openFile(g.File, info.dict, false) // just inspected
	if err != nil {
		return nil, err
	}
	if g.Index < 0 || g.Index >= rdr.NumRowGroups() {
		rdr.Close()
		return nil, &pipeline.InputError{File: g.File, Err: fmt.Errorf("row group %d: the file has %d", g.Index, rdr.NumRowGroups())}
	}
	var leaves []int
	if info.fields != nil {
		if leaves, err = fr.Manifest.GetFieldIndices(info.fields); err != nil {
			rdr.Close()
			return nil, &pipeline.InputError{File: g.File, Err: err}
		}
	}
	rr, err := fr.GetRecordReader(ctx, leaves, []int{g.Index})
	if err != nil {
		rdr.Close()
		return nil, &pipeline.InputError{File: g.File, Err: fmt.Errorf("row group %d: %w", g.Index, err)}
	}
	return &RowGroupSource{s: s, g: g, info: info, rdr: rdr, rr: rr}, nil
}

// Next implements pipeline.Source. Batch.Seq is left 0: the caller orders
// batches by RowGroup.Seq and their position within the row group.
func (r *RowGroupSource) Next(ctx context.Context) (*pipeline.Batch, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.rr == nil {
		return nil, io.EOF
	}
	if !r.rr.Next() {
		err := r.rr.Err()
		r.Close()
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, &pipeline.InputError{File: r.g.File, Err: fmt.Errorf("reading rows after row %d: %w", r.g.FirstRow+r.row, err)}
		}
		return nil, io.EOF
	}
	rec := r.rr.Record()
	rec.Retain()
	rec = r.s.addPartitions(rec, r.info.partition)
	cols, err := pipeline.ResolveColumns(r.g.File, rec.Schema(), r.s.opts.Map)
	if err != nil {
		rec.Release()
		return nil, err
	}
	b := &pipeline.Batch{Rec: rec, File: r.g.File, FirstRow: r.g.FirstRow + r.row, Cols: cols}
	r.row += rec.NumRows()
	return b, nil
}

// Close releases the file; safe to call more than once.
func (r *RowGroupSource) Close() error {
	if r.rr != nil {
		r.rr.Release()
		r.rr = nil
	}
	if r.rdr != nil {
		r.rdr.Close()
		r.rdr = nil
	}
	return nil
}
