package gen

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

var truthHeader = []string{"name", "country", "planted", "variant", "list", "entry_id", "source_name"}

// WriteTruth writes the pool as CSV: one row per distinct party name with
// its truth, the file every peer's output is scored against.
func WriteTruth(w io.Writer, pool []Name) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(truthHeader); err != nil {
		return err
	}
	for _, n := range pool {
		if err := cw.Write([]string{n.Name, n.Country, strconv.FormatBool(n.Planted), n.Variant, n.List, n.EntryID, n.Source}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadTruth reads what WriteTruth wrote. name is used in errors.
func ReadTruth(r io.Reader, name string) ([]Name, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(truthHeader)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	for i, h := range truthHeader {
		if head[i] != h {
			return nil, fmt.Errorf("%s: line 1, column %d: got %q, want %q", name, i+1, head[i], h)
		}
	}
	var out []Name
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		planted, err := strconv.ParseBool(rec[2])
		if err != nil {
			return nil, fmt.Errorf("%s: line %d, column planted: %w", name, line, err)
		}
		out = append(out, Name{Name: rec[0], Country: rec[1], Planted: planted, Variant: rec[3], List: rec[4], EntryID: rec[5], Source: rec[6]})
	}
}
