package report

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/internal/hashspill"
	"github.com/dualscreen/dualscreen/lists"
)

// NewHitPrefix starts the explanation of a hit that delta screening found
// against an entry added or changed since the previous run. The output
// contract has no field for it, so it travels in the explanation, where the
// report and the analyst both see it.
const NewHitPrefix = "NEW since previous run: "

// IsNewHit reports whether delta screening marked h as new.
func IsNewHit(h evidence.Hit) bool { return strings.HasPrefix(h.Explanation, NewHitPrefix) }

// MarkNew marks every hit as new since the previous run.
func MarkNew(hits []evidence.Hit) {
	for i := range hits {
		if !IsNewHit(hits[i]) {
			hits[i].Explanation = NewHitPrefix + hits[i].Explanation
		}
	}
}

// IDHash is the 64-bit FNV-1a hash of a shipment id that the screened-ids
// sidecar stores. With n ids, two collide with probability about n²/2⁶⁵
// (3·10⁻⁸ at ten million), which delta screening accepts in exchange for
// 8 bytes per shipment instead of the ids themselves.
//
// It is FNV-1a written out over the string (the values of hash/fnv's
// New64a), because it runs once per screened row and New64a with a []byte
// copy of the id cost two allocations a row.
func IDHash(id string) uint64 {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= prime64
	}
	return h
}

// idsMagic starts a screened-ids sidecar; the version digit changes with the layout.
const idsMagic = "DSIDS1\n\x00"

// IDSet is a set of shipment-id hashes. A set read from a sidecar is held
// sorted in memory for Contains. Ids added during a run go to a
// hashspill collector (sorted runs in a temporary file past 2 MiB), so
// writing the next sidecar of a ten-million-row run needs a few MiB, not
// 8 bytes a row.
type IDSet struct {
	h       []uint64        // sorted and distinct
	added   *hashspill.Runs // ids added since the last Compact, unsorted
	addErr  error           // the first failure to spill added ids
	merged  []*IDSet        // sets merged in, unioned when written or compacted
	written int             // distinct ids of the last WriteIDSet
}

// idBuffer is how many added id hashes stay in memory before a sorted run
// is written (0: hashspill.DefaultBuffer, 2 MiB); tests lower it.
var idBuffer = 0

// Add adds a shipment id. Call Compact before Contains.
func (s *IDSet) Add(id string) {
	if s.added == nil {
		s.added = hashspill.New("", idBuffer)
	}
	if err := s.added.Add(IDHash(id)); err != nil && s.addErr == nil {
		s.addErr = err
	}
}

// Merge adds every id of o (which must stay unchanged until s is written
// or compacted).
func (s *IDSet) Merge(o *IDSet) {
	if o != nil {
		s.merged = append(s.merged, o)
	}
}

// Compact sorts and deduplicates everything added and merged into memory.
func (s *IDSet) Compact() {
	var out []uint64
	s.each(func(h uint64) error { out = append(out, h); return nil })
	s.h, s.merged = out, nil
	s.closeAdded()
}

// Len is the number of distinct ids after Compact or WriteIDSet.
func (s *IDSet) Len() int { return max(len(s.h), s.written) }

// Contains reports whether the id was added. The set must be compacted.
func (s *IDSet) Contains(id string) bool {
	if s == nil {
		return false
	}
	_, ok := slices.BinarySearch(s.h, IDHash(id))
	return ok
}

// each calls f with every distinct hash of s, its added ids and the sets
// merged in, in ascending order.
func (s *IDSet) each(f func(uint64) error) error {
	srcs := [][]uint64{s.h}
	for _, o := range s.merged {
		if o.added != nil || len(o.merged) > 0 {
			o.Compact()
		}
		srcs = append(srcs, o.h)
	}
	last, have := uint64(0), false
	emit := func(h uint64) error {
		if have && h == last {
			return nil
		}
		last, have = h, true
		return f(h)
	}
	// Interleave the sorted in-memory sources with the added ids' stream.
	upTo := func(h uint64, all bool) error {
		for {
			k := -1
			for i, src := range srcs {
				if len(src) > 0 && (all || src[0] <= h) && (k < 0 || src[0] < srcs[k][0]) {
					k = i
				}
			}
			if k < 0 {
				return nil
			}
			if err := emit(srcs[k][0]); err != nil {
				return err
			}
			srcs[k] = srcs[k][1:]
		}
	}
	if s.added != nil {
		if err := s.added.Sorted(func(h uint64) error {
			if err := upTo(h, false); err != nil {
				return err
			}
			return emit(h)
		}); err != nil {
			return err
		}
	}
	return upTo(0, true)
}

func (s *IDSet) closeAdded() {
	if s.added != nil {
		s.added.Close()
		s.added = nil
	}
}

// WriteIDSet writes the set (with everything added and merged) atomically:
// a magic line, the count and the hashes as little-endian uint64, streamed
// from the sorted runs. It frees the added ids and their temporary file.
func WriteIDSet(path string, s *IDSet) error {
	if s.addErr != nil {
		return fmt.Errorf("%s: screened ids: %w", path, s.addErr)
	}
	defer s.closeAdded()
	return writeFileAtomic(path, func(f *os.File) error {
		w := bufio.NewWriter(f)
		w.WriteString(idsMagic)
		var b [8]byte
		w.Write(b[:]) // the count, filled in below
		n := 0
		err := s.each(func(h uint64) error {
			binary.LittleEndian.PutUint64(b[:], h)
			_, err := w.Write(b[:])
			n++
			return err
		})
		if err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		binary.LittleEndian.PutUint64(b[:], uint64(n))
		if _, err := f.WriteAt(b[:], int64(len(idsMagic))); err != nil {
			return err
		}
		s.written = n
		return nil
	})
}

// ReadIDSet reads a sidecar written by WriteIDSet.
func ReadIDSet(path string) (*IDSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	head := make([]byte, len(idsMagic)+8)
	if _, err := io.ReadFull(r, head); err != nil || string(head[:len(idsMagic)]) != idsMagic {
		return nil, fmt.Errorf("%s: not a screened-ids file (bad header)", path)
	}
	n := binary.LittleEndian.Uint64(head[len(idsMagic):])
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if want := int64(len(head)) + int64(n)*8; st.Size() != want {
		return nil, fmt.Errorf("%s: header says %d ids, so %d bytes, but the file has %d", path, n, want, st.Size())
	}
	s := &IDSet{h: make([]uint64, n)}
	var b [8]byte
	for i := range s.h {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, fmt.Errorf("%s: id %d: %w", path, i, err)
		}
		s.h[i] = binary.LittleEndian.Uint64(b[:])
		if i > 0 && s.h[i] <= s.h[i-1] {
			return nil, fmt.Errorf("%s: id %d out of order: file is corrupt", path, i)
		}
	}
	return s, nil
}

// EntryKey names a list entry across lists.
type EntryKey struct{ List, ID string }

// EntryHashes maps every screened entry to its content hash; a run writes
// them beside its manifest so the next run can tell what changed.
type EntryHashes map[EntryKey]string

// HashEntries computes the content hash of every entry of ls.
func HashEntries(ls []*lists.List) EntryHashes {
	out := EntryHashes{}
	for _, l := range ls {
		for _, e := range l.Entries {
			list := e.List
			if list == "" {
				list = l.ID
			}
			out[EntryKey{list, e.ID}] = e.ContentHash()
		}
	}
	return out
}

// Lookup is an EntryHashFunc over h.
func (h EntryHashes) Lookup(list, id string) (string, bool) {
	x, ok := h[EntryKey{list, id}]
	return x, ok
}

func (h EntryHashes) sortedKeys() []EntryKey {
	keys := make([]EntryKey, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].List != keys[j].List {
			return keys[i].List < keys[j].List
		}
		return keys[i].ID < keys[j].ID
	})
	return keys
}

// WriteEntryHashes writes "list<TAB>id<TAB>hash" lines sorted by list and id, atomically.
func WriteEntryHashes(path string, h EntryHashes) error {
	return writeFileAtomic(path, func(f *os.File) error {
		w := bufio.NewWriter(f)
		for _, k := range h.sortedKeys() {
			if strings.ContainsAny(k.List+k.ID, "\t\n") {
				return fmt.Errorf("entry %s/%q: tab or newline in list or id", k.List, k.ID)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", k.List, k.ID, h[k])
		}
		return w.Flush()
	})
}

// ReadEntryHashes reads a file written by WriteEntryHashes.
func ReadEntryHashes(ctx context.Context, path string) (EntryHashes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := EntryHashes{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var line int64
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			return nil, fmt.Errorf("%s: line %d: want list<TAB>id<TAB>hash", path, line)
		}
		out[EntryKey{parts[0], parts[1]}] = parts[2]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", path, line+1, err)
	}
	return out, nil
}

// ListDelta is how the lists of this run differ from the previous run's.
type ListDelta struct {
	Added, Changed, Removed []EntryKey
	Unchanged               int
}

// Empty reports whether nothing changed.
func (d ListDelta) Empty() bool { return len(d.Added)+len(d.Changed)+len(d.Removed) == 0 }

// DiffEntries compares entry hashes of the previous and the current run.
func DiffEntries(prev, cur EntryHashes) ListDelta {
	var d ListDelta
	for _, k := range cur.sortedKeys() {
		old, ok := prev[k]
		switch {
		case !ok:
			d.Added = append(d.Added, k)
		case old != cur[k]:
			d.Changed = append(d.Changed, k)
		default:
			d.Unchanged++
		}
	}
	for _, k := range prev.sortedKeys() {
		if _, ok := cur[k]; !ok {
			d.Removed = append(d.Removed, k)
		}
	}
	return d
}

// ChangedEntries returns the entries of ls that d lists as added or
// changed, in list and file order: what delta screening matches against.
func ChangedEntries(ls []*lists.List, d ListDelta) []*lists.Entry {
	want := make(map[EntryKey]bool, len(d.Added)+len(d.Changed))
	for _, k := range d.Added {
		want[k] = true
	}
	for _, k := range d.Changed {
		want[k] = true
	}
	var out []*lists.Entry
	for _, l := range ls {
		for _, e := range l.Entries {
			list := e.List
			if list == "" {
				list = l.ID
			}
			if want[EntryKey{list, e.ID}] {
				out = append(out, e)
			}
		}
	}
	return out
}
