package demo_test

import (
	"bytes"
	"context"
	"testing"
	"unicode"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/data/demo"
)

func TestWriteIsDeterministicAndRealistic(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	var a, b bytes.Buffer
	st, err := demo.Write(context.Background(), &a, demo.Options{Rows: 30_000, Mem: mem})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Write(context.Background(), &b, demo.Options{Rows: 30_000, Mem: mem}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs with the same seed differ")
	}
	if st.Planted < 20 || st.Planted > 70 {
		t.Errorf("planted %d variants in 30,000 rows, want about 30000/700", st.Planted)
	}

	rdr, err := file.NewParquetReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 8192}, mem)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	if tbl.NumRows() != 30_000 {
		t.Fatalf("%d rows", tbl.NumRows())
	}
	counts := map[string]int{}
	scripts := map[string]bool{}
	dests := map[string]int{}
	controls := map[string]int{}
	for _, ch := range tbl.Column(4).Data().Chunks() {
		names := ch.(*array.String)
		for i := 0; i < names.Len(); i++ {
			n := names.Value(i)
			counts[n]++
			for _, r := range n {
				for _, s := range []string{"Latin", "Cyrillic", "Han", "Arabic", "Greek", "Hangul", "Hebrew"} {
					if unicode.Is(unicode.Scripts[s], r) {
						scripts[s] = true
					}
				}
			}
		}
	}
	for _, ch := range tbl.Column(8).Data().Chunks() {
		for i := 0; i < ch.Len(); i++ {
			dests[ch.ValueStr(i)]++
		}
	}
	for _, ch := range tbl.Column(11).Data().Chunks() {
		for i := 0; i < ch.Len(); i++ {
			if ch.IsValid(i) {
				controls[ch.ValueStr(i)]++
			}
		}
	}
	if len(scripts) < 7 {
		t.Errorf("consignee scripts %v, want Latin, Cyrillic, Han, Arabic, Greek, Hangul, Hebrew", scripts)
	}
	top := 0
	for _, c := range counts {
		top = max(top, c)
	}
	if top < 300 || len(counts) < 500 {
		t.Errorf("top consignee %d rows, %d distinct: want heavy repetition and a long tail", top, len(counts))
	}
	for _, d := range []string{"RU", "IR", "BY"} {
		if dests[d] == 0 || dests[d] > 300 {
			t.Errorf("%d shipments to %s: want a few", dests[d], d)
		}
	}
	for _, c := range []string{"5A002", "5A001.j", "4A005"} {
		if controls[c] == 0 {
			t.Errorf("no %s goods", c)
		}
	}
}
