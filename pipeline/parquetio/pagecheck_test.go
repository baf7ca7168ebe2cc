package parquetio

import (
	"errors"
	"testing"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
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
