package lists

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// Publishers ship some lists compressed (CSL as .csv.gz, OFAC Enhanced XML
// as .ZIP). Readers open every file through openList so that a list can be
// read as downloaded, without unpacking it first.

// openList opens path, transparently decompressing gzip and opening the one
// data member of a zip archive (the largest one whose name ends in one of
// exts, when exts are given). The reader skips a UTF-8 byte order mark.
func openList(p string, exts ...string) (io.ReadCloser, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	magic, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		return &stackCloser{Reader: skipBOM(zr), closers: []io.Closer{zr, f}}, nil
	case bytes.HasPrefix(magic, []byte("PK\x03\x04")):
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		zr, err := zip.NewReader(f, st.Size())
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		m := zipMember(zr, exts)
		if m == nil {
			f.Close()
			return nil, fmt.Errorf("%s: zip archive holds no %s file", p, strings.Join(exts, " or "))
		}
		rc, err := m.Open()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %s: %w", p, m.Name, err)
		}
		return &stackCloser{Reader: skipBOM(rc), closers: []io.Closer{rc, f}}, nil
	}
	return &stackCloser{Reader: skipBOM(br), closers: []io.Closer{f}}, nil
}

// peekHead returns the first bytes of a list file after decompression, for
// format detection of compressed files.
func peekHead(p string, n int) ([]byte, error) {
	rc, err := openList(p)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(rc, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:k], nil
}

func zipMember(zr *zip.Reader, exts []string) *zip.File {
	var best *zip.File
	for _, m := range zr.File {
		if m.FileInfo().IsDir() {
			continue
		}
		name := strings.ToLower(path.Base(m.Name))
		ok := len(exts) == 0
		for _, e := range exts {
			if strings.HasSuffix(name, e) {
				ok = true
			}
		}
		if ok && (best == nil || m.UncompressedSize64 > best.UncompressedSize64) {
			best = m
		}
	}
	return best
}

func skipBOM(r io.Reader) io.Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	return br
}

type stackCloser struct {
	io.Reader
	closers []io.Closer
}

func (s *stackCloser) Close() error {
	var first error
	for _, c := range s.closers {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// dosEOF ends a stream at a 0x1A (Ctrl-Z) byte, the DOS end-of-file marker
// OFAC still appends to its legacy CSV files; what follows it is not data.
type dosEOF struct {
	r    io.Reader
	done bool
}

func (d *dosEOF) Read(p []byte) (int, error) {
	if d.done {
		return 0, io.EOF
	}
	n, err := d.r.Read(p)
	if i := bytes.IndexByte(p[:n], 0x1a); i >= 0 {
		d.done = true
		return i, nil
	}
	return n, err
}

// readWith opens path with openList (plain, gzipped or zipped; exts name the
// member of a zip to read) and hands the stream to read, closing it after.
// Each format's ReadX is this with its own stream reader.
func readWith(ctx context.Context, path string, read func(context.Context, io.Reader, string) (*List, error), exts ...string) (*List, error) {
	rc, err := openList(path, exts...)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return read(ctx, rc, path)
}
