package peers

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"sort"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// PartyColumns are the columns screened: consignee and end user.
var PartyColumns = []string{"consignee_name", "end_user_name"}

// DistinctNames reads the party columns of a Parquet batch and returns its
// row count and its distinct non-empty party names, sorted.
func DistinctNames(ctx context.Context, path string) (int64, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	props := parquet.NewReaderProperties(memory.DefaultAllocator)
	props.BufferedStreamEnabled = true
	rdr, err := file.NewParquetReader(f, file.WithReadProps(props))
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	defer rdr.Close()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	schema, err := fr.Schema()
	if err != nil {
		return 0, nil, err
	}
	var cols []int
	for _, c := range PartyColumns {
		idx := schema.FieldIndices(c)
		if len(idx) != 1 {
			return 0, nil, fmt.Errorf("%s: column %s: missing", path, c)
		}
		cols = append(cols, idx[0])
	}
	rr, err := fr.GetRecordReader(ctx, cols, nil)
	if err != nil {
		return 0, nil, err
	}
	defer rr.Release()
	seen := map[string]struct{}{}
	for rr.Next() {
		rec := rr.Record()
		for c := range cols {
			a, ok := rec.Column(c).(*array.String)
			if !ok {
				return 0, nil, fmt.Errorf("%s: column %s: not a string column (%s)", path, PartyColumns[c], rec.Column(c).DataType())
			}
			for i := range a.Len() {
				if a.IsValid(i) {
					if s := a.Value(i); s != "" {
						if _, ok := seen[s]; !ok {
							seen[string([]byte(s))] = struct{}{}
						}
					}
				}
			}
		}
	}
	if err := rr.Err(); err != nil && err.Error() != "EOF" {
		return 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return rdr.NumRows(), out, nil
}

// Sample returns n of names, the same n for every peer and run, sorted.
// Up to a quarter of them are names in planted (the names whose truth is
// known to be listed), so recall can still be counted on a small sample;
// the rest are the other names, each group in hash order. It returns all
// of names when n <= 0 or n >= len(names). Matching cost per name does not
// depend on whether it is planted, so the timing extrapolates.
func Sample(names []string, n int, planted map[string]bool) []string {
	if n <= 0 || n >= len(names) {
		return names
	}
	type hn struct {
		h uint64
		s string
	}
	var hp, ho []hn
	for _, s := range names {
		h := fnv.New64a()
		h.Write([]byte(s))
		if planted[s] {
			hp = append(hp, hn{h.Sum64(), s})
		} else {
			ho = append(ho, hn{h.Sum64(), s})
		}
	}
	byHash := func(x []hn) { sort.Slice(x, func(i, j int) bool { return x[i].h < x[j].h }) }
	byHash(hp)
	byHash(ho)
	np := min(len(hp), n/4)
	out := make([]string, 0, n)
	for _, x := range hp[:np] {
		out = append(out, x.s)
	}
	for _, x := range ho[:min(len(ho), n-np)] {
		out = append(out, x.s)
	}
	sort.Strings(out)
	return out
}
