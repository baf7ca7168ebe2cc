package parquetio_test

import (
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/parquet/file"
)

// TestSinkDictionaryOnlyForFixedSets: the output fields whose values come
// from a fixed set are dictionary-encoded, each chunk with one dictionary
// and no fall-back to plain pages (a fall-back would make arrow write the
// chunk's encoding statistics in Go map order, so the bytes would vary);
// the names, explanations and passed-through columns are not.
func TestSinkDictionaryOnlyForFixedSets(t *testing.T) {
	dir := t.TempDir()
	in := writeDemo(t, dir, 20_000)
	out := filepath.Join(dir, "all.parquet")
	if _, err := screenCtx(t.Context(), nil, []string{in}, out, true, nil, 1000, nil); err != nil {
		t.Fatal(err)
	}
	rdr, err := file.OpenParquetFile(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	want := map[string]bool{
		"priority": true, "reasons.list.element": true,
		"hits.list.element.reason": true, "hits.list.element.role": true, "hits.list.element.list": true,
		"hits.list.element.entry_type": true, "hits.list.element.legal_basis": true,
		"hits.list.element.explanation": false, "hits.list.element.query_name": false,
		"hits.list.element.entry_name": false, "consignee_name": false, "shipment_id": false,
	}
	seen := map[string]bool{}
	for rg := 0; rg < rdr.NumRowGroups(); rg++ {
		meta := rdr.MetaData().RowGroup(rg)
		for c := 0; c < meta.NumColumns(); c++ {
			cc, err := meta.ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			path := cc.PathInSchema().String()
			dict, ok := want[path]
			if !ok {
				continue
			}
			seen[path] = true
			if got := cc.HasDictionaryPage(); got != dict {
				t.Errorf("row group %d %s: dictionary page %v, want %v", rg, path, got, dict)
			}
			if dict {
				for _, st := range cc.EncodingStats() {
					if st.Encoding.String() == "PLAIN" && st.PageType.String() == "DATA_PAGE" {
						t.Errorf("row group %d %s fell back to plain data pages", rg, path)
					}
				}
			}
		}
	}
	for path := range want {
		if !seen[path] {
			t.Errorf("no column %s in the output", path)
		}
	}
}
