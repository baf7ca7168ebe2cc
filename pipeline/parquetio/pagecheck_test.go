package parquetio

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"github.com/dualscreen/dualscreen/pipeline"
)

// readPageHeader against parquet-go's own Thrift encoder: the sizes and the
// type come back, the statistics and the nested data-page header are
// skipped, the length is the encoded length, and a header cut short says so.
func TestReadPageHeader(t *testing.T) {
	hdr := format.PageHeader{
		Type:                 format.DataPage,
		UncompressedPageSize: 1 << 20,
		CompressedPageSize:   312_455,
		CRC:                  -17,
		DataPageHeader: thrift.New(format.DataPageHeader{
			NumValues: 8192, Encoding: format.RLEDictionary,
			Statistics: format.Statistics{MinValue: []byte("ACME Trading"), MaxValue: []byte("Рособоронэкспорт"), NullCount: 3},
		}),
	}
	b, err := thrift.Marshal(new(thrift.CompactProtocol), &hdr)
	if err != nil {
		t.Fatal(err)
	}
	body := append(append([]byte(nil), b...), "page body bytes"...)
	h, n, err := readPageHeader(body)
	if err != nil {
		t.Fatal(err)
	}
	if h != (pageHeader{typ: pageData, uncompressed: 1 << 20, compressed: 312_455}) || n != len(b) {
		t.Errorf("got %+v and %d bytes, want the header's sizes and %d bytes", h, n, len(b))
	}
	for _, cut := range []int{0, 1, len(b) / 2, len(b) - 1} {
		if _, _, err := readPageHeader(b[:cut]); !errors.Is(err, errShort) {
			t.Errorf("header cut to %d of %d bytes: err %v, want errShort", cut, len(b), err)
		}
	}
	dict := format.PageHeader{Type: format.DictionaryPage, UncompressedPageSize: 640, CompressedPageSize: 211,
		DictionaryPageHeader: thrift.New(format.DictionaryPageHeader{NumValues: 40, Encoding: format.Plain})}
	if b, err = thrift.Marshal(new(thrift.CompactProtocol), &dict); err != nil {
		t.Fatal(err)
	}
	if h, _, err := readPageHeader(b); err != nil || h != (pageHeader{typ: pageDictionary, uncompressed: 640, compressed: 211}) {
		t.Errorf("dictionary page: %+v, %v", h, err)
	}
}

// Damaged footers and page headers FuzzSource found are refused with an
// error naming the file, where the reader had ended after 0 of 32 rows
// without an error (x-rowgroup-rows-short) or gone round arrow's page
// header loop until memory ran out (x-page-header-loop).
func TestDamagedFooterAndPagesNameFile(t *testing.T) {
	for seed, want := range map[string]string{
		"x-rowgroup-rows-short": "footer says 32 rows, its row groups hold 0",
		"x-page-header-loop":    "which the reader cannot skip",
	} {
		b, err := os.ReadFile("testdata/fuzz/FuzzSource/" + seed)
		if err != nil {
			t.Fatal(err)
		}
		lit := string(b)
		lit = lit[strings.Index(lit, "[]byte(")+len("[]byte(") : strings.LastIndex(lit, ")")]
		data, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "declarations.parquet")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = Open(t.Context(), []string{path}, Options{PassThrough: true})
		var ie *pipeline.InputError
		if !errors.As(err, &ie) || !errors.Is(err, pipeline.ErrCorrupt) || ie.File != path {
			t.Fatalf("%s: err = %v, want an InputError wrapping ErrCorrupt for %s", seed, err, path)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to say %q", seed, err, want)
		}
	}
}
