package matchers

import "math/bits"

// delTable maps a deletion-neighbourhood hash (hashSkip) to its run of
// vocabulary ids in Index.del. A query token of length L probes it L+1
// times and most probes find nothing, so it is an open-addressing table
// with each slot holding the hash and its run together: one cache line
// per probe, where a Go map reads a control word and a slot, and the
// probes of one token are independent loads the processor overlaps.
type delTable struct {
	slots []delSlot
	mask  uint64
}

type delSlot struct {
	h        uint64
	start, n uint32 // n == 0: an empty slot
}

// newDelTable returns a table for n hashes, at most two thirds full.
func newDelTable(n int) delTable {
	size := 1 << bits.Len(uint(max(8, n+n/2)))
	return delTable{slots: make([]delSlot, size), mask: uint64(size - 1)}
}

// home spreads the FNV hash over the table: FNV's low bits depend
// mostly on the last bytes.
func (t *delTable) home(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> 32 & t.mask }

// add appends vocabulary position i (in Index.del) to the run of h. The
// positions of one hash must come in order and be consecutive.
func (t *delTable) add(h uint64, i uint32) {
	for p := t.home(h); ; p = (p + 1) & t.mask {
		sl := &t.slots[p]
		if sl.n == 0 {
			*sl = delSlot{h: h, start: i, n: 1}
			return
		}
		if sl.h == h {
			sl.n++
			return
		}
	}
}

// run returns the run of h in Index.del: start and length, 0 when absent.
func (t *delTable) run(h uint64) (start, n uint32) {
	for p := t.home(h); ; p = (p + 1) & t.mask {
		sl := &t.slots[p]
		if sl.n == 0 {
			return 0, 0
		}
		if sl.h == h {
			return sl.start, sl.n
		}
	}
}

// appendRuns appends the runs of tok's deletion neighbourhood that exist:
// tok itself first, then tok without each of its bytes in turn (the order
// the candidate search visits them in). All probes are issued before any
// run is read.
func (t *delTable) appendRuns(dst []delSlot, tok string) []delSlot {
	for j := -1; j < len(tok); j++ {
		if start, n := t.run(hashSkip(tok, j)); n > 0 {
			dst = append(dst, delSlot{start: start, n: n})
		}
	}
	return dst
}
