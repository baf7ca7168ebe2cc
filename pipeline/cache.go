package pipeline

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dualscreen/dualscreen/matchers"
)

// DefaultCacheEntries bounds the name cache: the most distinct party
// names a run remembers the matches of (screen's --name-cache). Past it a
// full part of the cache is emptied and names are matched again when they
// recur: the same output, more time. At the bound the tables take 85 MiB
// (a 64-byte slot per name, at most three quarters full), inside the
// memory budget; a 20M-row batch with 400,000 distinct names took 277.7 s
// when the cache could not grow past 262,144 names (9.6M matchings) and
// 59.4 s growing (benchmarks/README.md, "Rows beyond the name cache").
const DefaultCacheEntries = 1 << 20

// initialCacheEntries is what the cache's tables hold from the first
// rows: 21 MiB, none of it scanned by the collector. A shard's table is
// made at its share of this when first used, and doubles only when that
// share is full, up to its share of the bound. So every run with up to
// ~262,144 distinct names (the 10M-row benchmark batch has 200,000) holds
// the same tables whatever its length: a 1M-row run already holds what a
// 10M-row run does (measured: a cache that grew from small was the largest
// part of what the 10M run held and the 1M run did not, with old and new
// table both live while one doubled). Pages no name hashes to are never
// written.
const initialCacheEntries = 1 << 18

const cacheShards = 64 // enough that workers on many cores rarely share a lock

// nameCache maps a party name and country to the matches found for it, so
// each distinct party is matched once per run while it stays in the cache.
//
// It is looked up twice per row (consignee and end user), 20 million
// times in a 10M-row run, over up to a few hundred thousand names: far
// more than the processor's caches hold, so what a lookup costs is the
// cache lines it touches. A Go map of string keys touched four or five
// (the control word, the slot, the stored key's bytes, the entry) and
// held five pointers per name for the collector to trace on every cycle.
// Here each shard is an open-addressing table of 64-byte slots that hold
// the key's bytes inline and say whether the name had matches: a lookup
// of a known name without matches, nearly every lookup, reads one slot.
// The slots contain no pointers, so the collector never scans them; only
// names with matches (and names whose key does not fit a slot, or that
// are being matched) keep an entry.
//
// It is bounded: a full shard doubles its table up to its share of the
// bound, and a shard full at the bound is emptied and refills with the
// names that still recur. Since matching is deterministic, that never
// changes output, only how often a name is matched again.
type nameCache struct {
	seed       maphash.Seed
	startNames int // names a shard's first table holds
	maxNames   int // names a shard holds at most: past them it is emptied
	shards     [cacheShards]cacheShard
	misses     atomic.Int64
	// resets counts full shards emptied: a run whose distinct names
	// outnumber the bound matches the names it sees again anew, and the
	// CLI says so (screen's --name-cache).
	resets atomic.Int64
}

// cacheShard is padded to its own cache lines: two workers locking
// neighbouring shards would otherwise keep stealing one line from each
// other.
type cacheShard struct {
	mu      sync.Mutex
	lookups int64         // counted under mu: a shared atomic counter costs a contended cache line per row
	used    int           // occupied slots
	room    int           // names the current table holds before it grows or is emptied
	free    []uint32      // unused indices of entries
	entries []*cacheEntry // referred to by cacheSlot.ref-1
	slots   []cacheSlot   // open addressing, linear probing; tableLen slots
	// table is slots for prefetch, which reads it without mu. Slots are
	// replaced, never cleared, and a slot's tag is written atomically once
	// the table is published.
	table atomic.Pointer[[]cacheSlot]
	_     [16]byte // to 128 bytes
}

// inlineKey is how many bytes of name and country a slot holds.
const inlineKey = 48

// cacheSlot is one cache line. A name and country of up to inlineKey
// bytes together are compared here alone; longer keys compare their
// first inlineKey bytes here and the rest through their entry.
type cacheSlot struct {
	tag  uint64 // partyHash of the key; 0 marks an empty slot
	ref  uint32 // 1 + index of the slot's entry in cacheShard.entries; 0: matched, no matches, key inline
	nlen uint16 // length of the name (capped: longer names have an entry)
	clen uint16 // length of the country (likewise)
	key  [inlineKey]byte
}

// cacheKey is a party's name and country.
type cacheKey struct{ name, country string }

func (k cacheKey) fits() bool {
	return len(k.name)+len(k.country) <= inlineKey
}

// cacheEntry is computed once even when many workers ask at the same time.
// It holds its own copy of the key (which may be longer than a slot's).
type cacheEntry struct {
	once    sync.Once
	key     cacheKey
	matches []matchers.Match
}

func newNameCache(entries int) *nameCache {
	if entries <= 0 {
		entries = DefaultCacheEntries
	}
	return newNameCacheSized(min(entries, initialCacheEntries), entries)
}

// newNameCacheSized returns a cache whose tables start with room for
// start names and grow to room for bound.
func newNameCacheSized(start, bound int) *nameCache {
	maxNames := max(1, bound/cacheShards)
	return &nameCache{seed: maphash.MakeSeed(), startNames: min(maxNames, max(1, start/cacheShards)), maxNames: maxNames}
}

// tableLen is the slots a table needs to hold n names at most three
// quarters full, and at least 16. Not rounded up to a power of two: at the
// default bound that would be 8,192 slots for 4,096 names, 32 MiB in all
// instead of 21, and on the 10M-row batch's 200,000 names the larger table
// cost each lookup ~10% more (cache and TLB misses; BenchmarkPartyLookups).
func tableLen(n int) int {
	return max(16, (n*4+2)/3)
}

// slotOf maps a tag to a slot of a table of n slots by multiplying its low
// 32 bits, uniform for any n (the shard comes from the top bits).
func slotOf(tag uint64, n int) int {
	return int(uint64(uint32(tag)) * uint64(n) >> 32)
}

// partyHash is the slot tag of a key: never 0. The shard is taken from
// its top bits and the slot from its low bits, so the two are independent.
func (c *nameCache) partyHash(key cacheKey) uint64 {
	h := maphash.String(c.seed, key.name) ^ uint64(len(key.country))
	for i := 0; i < len(key.country) && i < 8; i++ {
		h ^= uint64(key.country[i]) << (8 * i)
	}
	h *= 0x9E3779B97F4A7C15
	h ^= h >> 29
	if h == 0 {
		h = 1
	}
	return h
}

// prefetch reads the slots where keys with these tags would be, without
// the shard locks, and get is then called for each. A lookup's cost is
// the memory read of its slot: taken one by one under a lock, whose
// atomic instruction is a full fence, each read waits for the one before;
// here they are independent loads that the processor overlaps, and get
// finds the slots in its cache. What prefetch reads decides nothing.
func (c *nameCache) prefetch(tags []uint64) (sum uint64) {
	for _, tag := range tags {
		t := c.shards[(tag>>58)%cacheShards].table.Load()
		if t == nil {
			continue
		}
		sum += atomic.LoadUint64(&(*t)[slotOf(tag, len(*t))].tag)
	}
	return sum
}

// get returns the matches for key, calling compute at most once per key
// while the key stays cached. key may point into an Arrow buffer: the
// cache keeps copies of its bytes, never the strings. tag is
// partyHash(key).
func (c *nameCache) get(tag uint64, key cacheKey, compute func() []matchers.Match) []matchers.Match {
	sh := &c.shards[(tag>>58)%cacheShards]
	sh.mu.Lock()
	sh.lookups++
	i, found := sh.find(tag, key)
	if found && sh.slots[i].ref == 0 {
		sh.mu.Unlock()
		return nil // matched before, nothing found
	}
	var e *cacheEntry
	inserted := false
	if found {
		e = sh.entries[sh.slots[i].ref-1]
	} else {
		e = &cacheEntry{key: cloneKey(key)}
		if sh.insert(c.startNames, c.maxNames, tag, e) {
			c.resets.Add(1)
		}
		inserted = true
	}
	sh.mu.Unlock()
	e.once.Do(func() {
		c.misses.Add(1)
		e.matches = compute()
	})
	if inserted && len(e.matches) == 0 && key.fits() {
		// Most names match nothing: say so in the slot itself and drop the
		// entry, so later lookups touch nothing else.
		sh.mu.Lock()
		sh.settle(tag, e)
		sh.mu.Unlock()
	}
	return e.matches
}

// find returns the slot holding key, or the empty slot where it would go.
// The table is never full (it has room for sh.room names at three
// quarters used, and insert grows or empties a shard holding sh.room).
func (sh *cacheShard) find(tag uint64, key cacheKey) (int, bool) {
	if len(sh.slots) == 0 {
		return 0, false
	}
	n := len(sh.slots)
	for i := slotOf(tag, n); ; i++ {
		if i == n {
			i = 0
		}
		s := &sh.slots[i]
		if s.tag == 0 {
			return i, false
		}
		if s.tag == tag && sh.holds(s, key) {
			return i, true
		}
	}
}

// holds reports whether slot s, whose tag matched, is key's.
func (sh *cacheShard) holds(s *cacheSlot, key cacheKey) bool {
	if !key.fits() || int(s.nlen)+int(s.clen) > inlineKey {
		return s.ref != 0 && sh.entries[s.ref-1].key == key
	}
	n := int(s.nlen)
	return n == len(key.name) && int(s.clen) == len(key.country) &&
		string(s.key[:n]) == key.name && string(s.key[n:n+len(key.country)]) == key.country
}

// insert adds e's key under tag with a reference to e. The shard's table
// is made with room for startNames on first use; a shard already holding
// as many names as its table has room for doubles the table, up to room
// for maxNames, and a shard full at maxNames is emptied first: insert then
// reports true.
func (sh *cacheShard) insert(startNames, maxNames int, tag uint64, e *cacheEntry) (emptied bool) {
	switch {
	case len(sh.slots) == 0:
		sh.room = startNames
		sh.publish(make([]cacheSlot, tableLen(sh.room)))
	case sh.used >= sh.room && sh.room < maxNames:
		sh.room = min(2*sh.room, maxNames)
		sh.grow(tableLen(sh.room))
	case sh.used >= sh.room:
		emptied = true
		// A new table, not this one cleared: prefetch may be reading it.
		sh.publish(make([]cacheSlot, tableLen(sh.room)))
		clear(sh.entries)
		sh.entries, sh.free, sh.used = sh.entries[:0], sh.free[:0], 0
	}
	i, _ := sh.find(tag, e.key)
	s := &sh.slots[i]
	s.ref = sh.addEntry(e)
	s.nlen, s.clen = uint16(min(len(e.key.name), 1<<16-1)), uint16(min(len(e.key.country), 1<<16-1))
	n := copy(s.key[:], e.key.name)
	copy(s.key[n:], e.key.country)
	atomic.StoreUint64(&s.tag, tag) // last: a slot with a tag is complete
	sh.used++
	return emptied
}

// grow moves the shard's names to a new table of n slots. Entries keep
// their indices, so slots are copied whole. The new table is published
// only once filled: prefetch may still be reading the old one.
func (sh *cacheShard) grow(n int) {
	slots := make([]cacheSlot, n)
	for i := range sh.slots {
		s := &sh.slots[i]
		if s.tag == 0 {
			continue
		}
		j := slotOf(s.tag, n)
		for slots[j].tag != 0 {
			if j++; j == n {
				j = 0
			}
		}
		slots[j] = *s
	}
	sh.publish(slots)
}

// publish makes slots the shard's table, for get and for prefetch.
func (sh *cacheShard) publish(slots []cacheSlot) {
	sh.slots = slots
	sh.table.Store(&slots)
}

func (sh *cacheShard) addEntry(e *cacheEntry) uint32 {
	if n := len(sh.free); n > 0 {
		i := sh.free[n-1]
		sh.free = sh.free[:n-1]
		sh.entries[i] = e
		return i + 1
	}
	sh.entries = append(sh.entries, e)
	return uint32(len(sh.entries))
}

// settle marks e's slot as matched without matches and frees the entry,
// if the slot is still e's (the shard may have been emptied meanwhile).
func (sh *cacheShard) settle(tag uint64, e *cacheEntry) {
	i, found := sh.find(tag, e.key)
	if !found {
		return
	}
	s := &sh.slots[i]
	if s.ref == 0 || sh.entries[s.ref-1] != e {
		return
	}
	sh.entries[s.ref-1] = nil
	sh.free = append(sh.free, s.ref-1)
	s.ref = 0
}

// cloneKey copies both strings of key in one allocation. Not
// name+country: with an empty country that is name itself, still pointing
// into the caller's buffer.
func cloneKey(key cacheKey) cacheKey {
	var sb strings.Builder
	sb.Grow(len(key.name) + len(key.country))
	sb.WriteString(key.name)
	sb.WriteString(key.country)
	both := sb.String()
	return cacheKey{both[:len(key.name)], both[len(key.name):]}
}

// lookups is the number of get calls so far.
func (c *nameCache) lookups() int64 {
	var n int64
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		n += sh.lookups
		sh.mu.Unlock()
	}
	return n
}
