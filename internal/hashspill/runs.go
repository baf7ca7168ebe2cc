// Package hashspill collects 64-bit hashes (one per shipment row) in
// bounded memory and hands them back in sorted order: the buffer is sorted
// and written to a temporary file as a run whenever it fills, and the runs
// are merged when read. Counting repeated shipment ids and writing the set
// of screened ids both need every row's hash sorted, and kept in memory
// that was 8 bytes per row: 80 MiB at ten million rows, growing without
// bound. With runs on disk the memory is the buffer plus a small read
// buffer per run, whatever the row count.
package hashspill

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// DefaultBuffer is the number of hashes kept in memory before a run is
// written: 2 MiB, and as much again for sorting once a run is written. The Go heap target doubles whatever stays live, and a
// screen keeps two such collectors (duplicate check and screened ids);
// 16 million rows still make only 64 runs (4 MiB of read buffers to merge).
const DefaultBuffer = 1 << 18

// readBuffer is the read buffer per run while merging.
const readBuffer = 64 << 10

// Runs collects hashes. The zero value is not usable; call New.
type Runs struct {
	dir  string
	max  int
	buf  []uint64
	tmp  []uint64 // radixSort's scratch, as long as buf once it spills
	f    *os.File
	runs []span // each run's place in f, in hashes
	n    int64
}

type span struct{ off, n int64 }

// New returns a collector that keeps up to buffer hashes in memory (<= 0:
// DefaultBuffer) and writes its runs to a temporary file in dir ("": the
// system's temporary directory).
func New(dir string, buffer int) *Runs {
	if buffer <= 0 {
		buffer = DefaultBuffer
	}
	return &Runs{dir: dir, max: buffer}
}

// Len is the number of hashes added.
func (r *Runs) Len() int64 { return r.n }

// Spilled reports whether any run went to disk.
func (r *Runs) Spilled() bool { return len(r.runs) > 0 }

// Add adds one hash. It fails only when a full buffer cannot be written to
// the temporary file; the hash is then not added.
func (r *Runs) Add(h uint64) error {
	if len(r.buf) == r.max {
		if err := r.spill(); err != nil {
			return err
		}
	}
	if len(r.buf) == cap(r.buf) { // grow by doubling up to the bound, never past it
		nb := make([]uint64, len(r.buf), min(r.max, max(4096, 2*cap(r.buf))))
		copy(nb, r.buf)
		r.buf = nb
	}
	r.buf = append(r.buf, h)
	r.n++
	return nil
}

// spill sorts the buffer and appends it to the file as one run.
func (r *Runs) spill() error {
	if r.f == nil {
		f, err := os.CreateTemp(r.dir, "dualscreen-hashes-*")
		if err != nil {
			return fmt.Errorf("hash runs: %w", err)
		}
		r.f = f
	}
	r.sortBuf()
	var off int64
	if k := len(r.runs); k > 0 {
		off = r.runs[k-1].off + r.runs[k-1].n
	}
	w := bufio.NewWriterSize(io.NewOffsetWriter(r.f, off*8), readBuffer)
	var b [8]byte
	for _, h := range r.buf {
		binary.LittleEndian.PutUint64(b[:], h)
		w.Write(b[:])
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("hash runs: %s: %w", r.f.Name(), err)
	}
	r.runs = append(r.runs, span{off, int64(len(r.buf))})
	r.buf = r.buf[:0]
	return nil
}

// sortBuf sorts the buffer in place.
func (r *Runs) sortBuf() {
	if len(r.tmp) < len(r.buf) {
		r.tmp = make([]uint64, cap(r.buf))
	}
	radixSort(r.buf, r.tmp)
}

// Sorted calls f with every hash added, in ascending order, repeats
// included, and stops at the first error f returns. The collector can be
// read more than once and added to afterwards.
func (r *Runs) Sorted(f func(h uint64) error) error {
	r.sortBuf()
	if len(r.runs) == 0 {
		for _, h := range r.buf {
			if err := f(h); err != nil {
				return err
			}
		}
		return nil
	}
	m := make(mergeHeap, 0, len(r.runs)+1)
	for _, s := range r.runs {
		c := &cursor{r: bufio.NewReaderSize(io.NewSectionReader(r.f, s.off*8, s.n*8), int(min(readBuffer, s.n*8))), left: s.n}
		if err := c.next(); err != nil {
			return fmt.Errorf("hash runs: %s: %w", r.f.Name(), err)
		}
		if c.ok {
			m = append(m, c)
		}
	}
	if len(r.buf) > 0 {
		c := &cursor{mem: r.buf}
		c.next()
		m = append(m, c)
	}
	heap.Init(&m)
	for len(m) > 0 {
		c := m[0]
		if err := f(c.head); err != nil {
			return err
		}
		if err := c.next(); err != nil {
			return fmt.Errorf("hash runs: %s: %w", r.f.Name(), err)
		}
		if c.ok {
			heap.Fix(&m, 0)
		} else {
			heap.Pop(&m)
		}
	}
	return nil
}

// Close removes the temporary file and frees the buffer.
func (r *Runs) Close() error {
	r.buf, r.tmp, r.runs, r.n = nil, nil, nil, 0
	if r.f == nil {
		return nil
	}
	name := r.f.Name()
	err := errors.Join(r.f.Close(), os.Remove(name))
	r.f = nil
	return err
}

// cursor is the next hash of one run, from the file or from memory.
type cursor struct {
	r    *bufio.Reader
	left int64
	mem  []uint64
	head uint64
	ok   bool
}

func (c *cursor) next() error {
	if c.r == nil {
		c.ok = len(c.mem) > 0
		if c.ok {
			c.head, c.mem = c.mem[0], c.mem[1:]
		}
		return nil
	}
	if c.left == 0 {
		c.ok = false
		return nil
	}
	var b [8]byte
	if _, err := io.ReadFull(c.r, b[:]); err != nil {
		c.ok = false
		return err
	}
	c.head, c.ok = binary.LittleEndian.Uint64(b[:]), true
	c.left--
	return nil
}

type mergeHeap []*cursor

func (m mergeHeap) Len() int           { return len(m) }
func (m mergeHeap) Less(i, j int) bool { return m[i].head < m[j].head }
func (m mergeHeap) Swap(i, j int)      { m[i], m[j] = m[j], m[i] }
func (m *mergeHeap) Push(x any)        { *m = append(*m, x.(*cursor)) }
func (m *mergeHeap) Pop() any {
	old := *m
	c := old[len(old)-1]
	*m = old[:len(old)-1]
	return c
}
