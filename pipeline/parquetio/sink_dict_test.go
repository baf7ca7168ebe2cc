package parquetio_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

// pages lists the data pages of every column chunk of the Parquet file
// data, by row group and column path: the encoding of each page, and
// "dictionary" first when the chunk has a dictionary page.
func pages(t *testing.T, data []byte) []map[string][]string {
	t.Helper()
	rdr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	var out []map[string][]string
	for rg := range rdr.NumRowGroups() {
		chunks := map[string][]string{}
		rgr := rdr.RowGroup(rg)
		for c := range rgr.NumColumns() {
			cc, err := rdr.MetaData().RowGroup(rg).ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			pr, err := rgr.GetColumnPageReader(c)
			if err != nil {
				t.Fatal(err)
			}
			var list []string
			for pr.Next() {
				p := pr.Page()
				if p.Type().String() == "DICTIONARY_PAGE" {
					list = append(list, "dictionary")
				} else {
					list = append(list, p.Encoding().String())
				}
			}
			if err := pr.Err(); err != nil {
				t.Fatal(err)
			}
			chunks[cc.PathInSchema().String()] = list
		}
		out = append(out, chunks)
	}
	return out
}

// TestSinkDictionaries: the decision and hit strings and the string columns
// of the contract but shipment_id and the party names are dictionary-encoded, each chunk in one
// dictionary page and one data page of indices, never falling back to
// plain pages (a fall-back would also make arrow write the chunk's encoding
// statistics in Go map order, so the bytes would vary); shipment_id, the
// names, the numbers and the demo's destination_country (an Arrow dictionary, written
// through pqarrow as before) are plain.
func TestSinkDictionaries(t *testing.T) {
	dir := t.TempDir()
	in := writeDemo(t, dir, 20_000)
	out := filepath.Join(dir, "all.parquet")
	if _, err := screenCtx(t.Context(), nil, []string{in}, out, true, nil, 1000, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"priority": true, "reasons.list.element": true,
		"hits.list.element.reason": true, "hits.list.element.role": true, "hits.list.element.list": true,
		"hits.list.element.entry_type": true, "hits.list.element.legal_basis": true,
		"hits.list.element.explanation": true, "hits.list.element.query_name": true,
		"hits.list.element.entry_name": true, "consignee_country": true, "exporter_name": true,
		"shipment_id": false, "consignee_name": false, "end_user_name": false, "destination_country": false, "risk_score": false, "hits.list.element.score": false,
	}
	for rg, chunks := range pages(t, data) {
		for path, dict := range want {
			list, ok := chunks[path]
			if !ok {
				t.Fatalf("no column %s in the output", path)
			}
			if dict && !slices.Equal(list, []string{"dictionary", "RLE_DICTIONARY"}) {
				t.Errorf("row group %d %s: pages %v, want a dictionary and one page of indices", rg, path, list)
			}
			if !dict && (len(list) == 0 || list[0] != "PLAIN") {
				t.Errorf("row group %d %s: pages %v, want plain", rg, path, list)
			}
		}
	}
}

// explanationBatch is n flagged rows of mixedSchema's columns, each with one
// hit whose explanation is distinct and explanationLen bytes long; when big
// > 0, row big's is bigLen bytes.
func explanationBatch(t *testing.T, mem memory.Allocator, n, explanationLen, big, bigLen int) *pipeline.Batch {
	t.Helper()
	rb := array.NewRecordBuilder(mem, mixedSchema)
	defer rb.Release()
	for i := range n {
		rb.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("S-%d", i))
		rb.Field(1).(*array.StringBuilder).Append(fmt.Sprintf("Consignee %d", i%40))
		rb.Field(2).(*array.LargeStringBuilder).AppendNull()
		rb.Field(3).(*array.BinaryDictionaryBuilder).AppendNull()
		rb.Field(4).(*array.Float64Builder).Append(float64(i))
		rb.Field(5).(*array.Date32Builder).Append(arrow.Date32(20000))
		rb.Field(6).(*array.BinaryBuilder).AppendNull()
	}
	b := &pipeline.Batch{Rec: rb.NewRecord(), File: "explanations.parquet"}
	b.Hits = make([][]evidence.Hit, n)
	b.Decisions = make([]evidence.Decision, n)
	for i := range n {
		size := explanationLen
		if big > 0 && i == big {
			size = bigLen
		}
		why := fmt.Sprintf("row %06d: ", i)
		why += strings.Repeat("diversion risk; ", size/16+1)[:size-len(why)]
		b.Hits[i] = []evidence.Hit{{Reason: evidence.PartyMatch, Role: evidence.RoleConsignee, List: "ofac_sdn", EntryID: "36", Score: 0.9, Explanation: why}}
		b.Decisions[i] = evidence.Decision{Flagged: true, RiskScore: 0.9, Priority: evidence.PriorityHigh, Reasons: []evidence.Reason{evidence.PartyMatch}}
	}
	return b
}

// writeBatch writes b with opts and returns the file.
func writeBatch(t *testing.T, b *pipeline.Batch, opts parquetio.SinkOptions) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "flagged.parquet")
	sink, err := parquetio.NewSink(out, b.Rec.Schema(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.Write(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	return commitAndRead(t, sink, out)
}

// commitAndRead commits sink, which writes out, and returns the file.
func commitAndRead(t *testing.T, sink *parquetio.Sink, out string) []byte {
	t.Helper()
	if err := sink.Commit(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDictionaryPastArrowsLimit: 3,000 distinct 600-byte explanations make
// a 1.8 MB dictionary, past arrow's DictionaryPageSizeLimit (1 MiB). Arrow's
// own dictionary encoding falls back to plain pages on them (shown here
// with pqarrow); the sink keeps one dictionary and one page of indices, the
// same bytes on every write, and the same rows as pqarrow's file.
func TestDictionaryPastArrowsLimit(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	b := explanationBatch(t, mem, 3000, 600, 0, 0)
	defer b.Release()
	data := writeBatch(t, b, parquetio.SinkOptions{Mem: mem})
	if again := writeBatch(t, b, parquetio.SinkOptions{Mem: mem}); !bytes.Equal(data, again) {
		t.Error("two writes of the same batch differ")
	}
	sameRows(t, data, writeBatch(t, b, parquetio.ViaArrow(parquetio.SinkOptions{Mem: mem})))
	chunks := pages(t, data)
	if len(chunks) != 1 {
		t.Fatalf("%d row groups, want 1", len(chunks))
	}
	const path = "hits.list.element.explanation"
	if list := chunks[0][path]; !slices.Equal(list, []string{"dictionary", "RLE_DICTIONARY"}) {
		t.Errorf("%s: pages %v, want a dictionary and one page of indices", path, list)
	}

	// The trap: the same table written by pqarrow with arrow's dictionary
	// encoding on falls back to plain pages in the explanations' chunk.
	tbl := readParquet(t, mem, writeFile(t, data))
	defer tbl.Release()
	var buf bytes.Buffer
	props := parquet.NewWriterProperties(parquet.WithDictionaryDefault(true), parquet.WithAllocator(mem))
	if err := pqarrow.WriteTable(tbl, &buf, 65536, props, pqarrow.NewArrowWriterProperties(pqarrow.WithAllocator(mem))); err != nil {
		t.Fatal(err)
	}
	if list := pages(t, buf.Bytes())[0][path]; !slices.Contains(list, "PLAIN") {
		t.Errorf("pqarrow's %s: pages %v, expected it to fall back to plain (the test no longer shows the trap)", path, list)
	}
}

// TestDictionaryRowGroupBound: with the bound on dictionary-encoded bytes
// per row group lowered to 64 KiB, 600 rows of 1,000-byte explanations are
// cut into row groups of at most 64 KiB of such values, a row whose
// explanation alone passes the bound gets a row group of its own, and the
// rows read back are pqarrow's.
func TestDictionaryRowGroupBound(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	const big = 300
	b := explanationBatch(t, mem, 600, 1000, big, 100_000)
	defer b.Release()
	data := writeBatch(t, b, parquetio.DictBytes(parquetio.SinkOptions{Mem: mem}, 64<<10))
	sameRows(t, data, writeBatch(t, b, parquetio.ViaArrow(parquetio.SinkOptions{Mem: mem})))
	rdr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	var rows []int64
	first := int64(0)
	for rg := range rdr.NumRowGroups() {
		n := rdr.MetaData().RowGroup(rg).NumRows()
		rows = append(rows, n)
		if first <= big && big < first+n && n != 1 {
			t.Errorf("row group %d holds the big row with %d others", rg, n-1)
		}
		first += n
	}
	// Each row: 1,000 bytes of explanation and 100-odd of other strings, so
	// at most 59 rows a row group (64 KiB), and 11 row groups or more.
	if len(rows) < 11 || slices.Max(rows) > 59 {
		t.Errorf("row groups of %v rows, want 11 or more of at most 59", rows)
	}
	for rg, chunks := range pages(t, data) {
		if list := chunks["hits.list.element.explanation"]; !slices.Equal(list, []string{"dictionary", "RLE_DICTIONARY"}) {
			t.Errorf("row group %d: explanations in pages %v, want a dictionary and one page of indices", rg, list)
		}
	}
}

// writeFile writes data to a temporary file and returns its path.
func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.parquet")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDictionaryValuesBound: with the bound on values per dictionary-encoded
// column lowered to 50, no row group of the mixed batches (up to three hits
// a row) holds more than 50 hits or 50 rows, and the rows read back are
// pqarrow's.
func TestDictionaryValuesBound(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	b := mixedBatch(t, mem, 0, 700)
	defer b.Release()
	data := writeBatch(t, b, parquetio.DictValues(parquetio.SinkOptions{Mem: mem}, 50))
	sameRows(t, data, writeBatch(t, b, parquetio.ViaArrow(parquetio.SinkOptions{Mem: mem})))
	stats := chunkStats(t, data)
	groups := 0
	for rg := 0; ; rg++ {
		hits, ok := stats[fmt.Sprintf("row group %d hits.list.element.explanation", rg)]
		if !ok {
			break
		}
		groups++
		rows := stats[fmt.Sprintf("row group %d shipment_id", rg)].values
		if rows > 50 || hits.values-hits.nulls > 50 {
			t.Errorf("row group %d: %d rows, %d hits; want at most 50 each", rg, rows, hits.values-hits.nulls)
		}
	}
	if groups < 8 {
		t.Errorf("%d row groups, want 8 or more (420 flagged rows, 50 values a group at most)", groups)
	}
}
