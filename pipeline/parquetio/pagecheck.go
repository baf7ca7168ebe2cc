package parquetio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v17/parquet/file"
)

// Page types of the Parquet format (parquet.thrift, PageType).
const (
	pageData       = 0
	pageDictionary = 2
	pageDataV2     = 3
)

// maxPageHeader bounds the bytes one page header is read from; arrow's own
// bound is 16 MiB, but a real header (sizes, counts, statistics of a few
// values) is tens of bytes.
const maxPageHeader = 64 << 10

// checkPages reads the header of every page of every column chunk before
// arrow does. Arrow v17's page reader skips a page of a type it does not
// read without skipping its body, reads the body as the next header, and
// defers a buffer's release on every turn: a 2 KB file sent it round that
// loop until memory ran out, with no panic to recover (found by
// FuzzSource, testdata/fuzz/FuzzSource/x-page-header-loop). Here each
// header must parse, have a type arrow reads (data, data v2, dictionary),
// sizes that are not negative, and a body inside the file. Encrypted
// chunks are left to arrow.
func checkPages(r io.ReaderAt, size int64, rdr *file.Reader) error {
	md := rdr.MetaData()
	buf := make([]byte, 0, 256)
	for g := range rdr.NumRowGroups() {
		rg := md.RowGroup(g)
		for c := range md.Schema.NumColumns() {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				return fmt.Errorf("row group %d, column %d: %w", g, c, err)
			}
			if cc.CryptoMetadata() != nil || cc.NumValues() == 0 {
				continue // arrow reads no page of a chunk without values
			}
			start := cc.DataPageOffset()
			if cc.HasDictionaryPage() && cc.DictionaryPageOffset() > 0 && cc.DictionaryPageOffset() < start {
				start = cc.DictionaryPageOffset()
			}
			end := start + cc.TotalCompressedSize()
			if start < 0 || cc.TotalCompressedSize() < 0 || end > size {
				return fmt.Errorf("row group %d, column %d: column chunk at %d of %d bytes outside the file's %d", g, c, start, cc.TotalCompressedSize(), size)
			}
			for pos := start; pos < end; {
				// Most headers fit in a few hundred bytes; read more only
				// when one does not.
				var h pageHeader
				var hlen int
				for want := int64(256); ; want *= 16 {
					n := min(want, int64(maxPageHeader), size-pos)
					if int64(cap(buf)) < n {
						buf = make([]byte, n)
					}
					buf = buf[:n]
					if _, err = r.ReadAt(buf, pos); err != nil && !errors.Is(err, io.EOF) {
						return err
					}
					h, hlen, err = readPageHeader(buf)
					if !errors.Is(err, errShort) || n < want {
						break
					}
				}
				if err != nil {
					return fmt.Errorf("row group %d, column %d: page header at byte %d: %w", g, c, pos, err)
				}
				switch {
				case h.typ != pageData && h.typ != pageDataV2 && h.typ != pageDictionary:
					return fmt.Errorf("row group %d, column %d: page at byte %d has type %d, which the reader cannot skip", g, c, pos, h.typ)
				case h.compressed < 0 || h.uncompressed < 0:
					return fmt.Errorf("row group %d, column %d: page at byte %d has sizes %d / %d", g, c, pos, h.compressed, h.uncompressed)
				}
				pos += int64(hlen) + int64(h.compressed)
				if pos > size {
					return fmt.Errorf("row group %d, column %d: a page of %d bytes runs past the end of the file", g, c, h.compressed)
				}
			}
		}
	}
	return nil
}

// pageHeader is what checkPages needs of a Parquet PageHeader.
type pageHeader struct {
	typ, uncompressed, compressed int32
}

// readPageHeader decodes the Thrift compact encoding of a PageHeader from
// the start of b and returns it with its length in bytes. Only the type and
// the sizes are kept; every other field is skipped, bounded by b. Written
// here because neither library at hand fits: arrow's Thrift code is
// internal, and parquet-go's decoder allocates whatever length a field
// claims when it reads from a stream, while its reader over bytes does not
// say how many it read.
func readPageHeader(b []byte) (pageHeader, int, error) {
	d := compactDecoder{b: b}
	var h pageHeader
	var seen [4]bool
	var id int16
	for {
		typ, fid, err := d.fieldHeader(&id)
		if err != nil {
			return h, 0, err
		}
		if typ == 0 {
			break
		}
		if typ == ctI32 && fid >= 1 && fid <= 3 {
			v, err := d.varint()
			if err != nil {
				return h, 0, err
			}
			v32 := int32(zigzag(v))
			switch fid {
			case 1:
				h.typ = v32
			case 2:
				h.uncompressed = v32
			case 3:
				h.compressed = v32
			}
			seen[fid] = true
			continue
		}
		if err := d.skip(typ, 0); err != nil {
			return h, 0, err
		}
	}
	if !seen[1] || !seen[2] || !seen[3] {
		return h, 0, errors.New("required field missing")
	}
	return h, d.off, nil
}

// Thrift compact protocol types.
const (
	ctTrue   = 1
	ctFalse  = 2
	ctByte   = 3
	ctI16    = 4
	ctI32    = 5
	ctI64    = 6
	ctDouble = 7
	ctBinary = 8
	ctList   = 9
	ctSet    = 10
	ctMap    = 11
	ctStruct = 12

	maxThriftDepth = 32
)

var errShort = errors.New("header cut short")

// compactDecoder reads Thrift compact encoding from b, never past it.
type compactDecoder struct {
	b   []byte
	off int
}

func (d *compactDecoder) byte() (byte, error) {
	if d.off >= len(d.b) {
		return 0, errShort
	}
	c := d.b[d.off]
	d.off++
	return c, nil
}

func (d *compactDecoder) varint() (uint64, error) {
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		return 0, errShort
	}
	d.off += n
	return v, nil
}

func zigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// fieldHeader reads a struct field's header: its type (0 at the struct's
// end) and id, given the previous field's id.
func (d *compactDecoder) fieldHeader(last *int16) (typ byte, id int16, err error) {
	c, err := d.byte()
	if err != nil || c == 0 {
		return 0, 0, err
	}
	typ = c & 0x0f
	if delta := int16(c >> 4); delta != 0 {
		*last += delta
	} else {
		v, err := d.varint()
		if err != nil {
			return 0, 0, err
		}
		*last = int16(zigzag(v))
	}
	return typ, *last, nil
}

// skip passes over a value of type typ.
func (d *compactDecoder) skip(typ byte, depth int) error {
	if depth > maxThriftDepth {
		return errors.New("nested too deep")
	}
	switch typ {
	case ctTrue, ctFalse:
		return nil
	case ctByte:
		_, err := d.byte()
		return err
	case ctI16, ctI32, ctI64:
		_, err := d.varint()
		return err
	case ctDouble:
		if len(d.b)-d.off < 8 {
			return errShort
		}
		d.off += 8
		return nil
	case ctBinary:
		n, err := d.varint()
		if err != nil {
			return err
		}
		if n > uint64(len(d.b)-d.off) {
			return errShort
		}
		d.off += int(n)
		return nil
	case ctList, ctSet:
		c, err := d.byte()
		if err != nil {
			return err
		}
		n, elem := uint64(c>>4), c&0x0f
		if n == 15 {
			if n, err = d.varint(); err != nil {
				return err
			}
		}
		if n > uint64(len(d.b)-d.off) { // every element takes a byte at least
			return errShort
		}
		for range n {
			if elem == ctTrue || elem == ctFalse {
				elem = ctByte // a list's booleans take a byte each
			}
			if err := d.skip(elem, depth+1); err != nil {
				return err
			}
		}
		return nil
	case ctMap:
		n, err := d.varint()
		if err != nil || n == 0 {
			return err
		}
		c, err := d.byte()
		if err != nil {
			return err
		}
		if n > uint64(len(d.b)-d.off) {
			return errShort
		}
		for range n {
			if err := d.skip(c>>4, depth+1); err != nil {
				return err
			}
			if err := d.skip(c&0x0f, depth+1); err != nil {
				return err
			}
		}
		return nil
	case ctStruct:
		var id int16
		for {
			t, _, err := d.fieldHeader(&id)
			if err != nil {
				return err
			}
			if t == 0 {
				return nil
			}
			if err := d.skip(t, depth+1); err != nil {
				return err
			}
		}
	}
	return fmt.Errorf("unknown Thrift type %d", typ)
}
