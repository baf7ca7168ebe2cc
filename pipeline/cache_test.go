package pipeline

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/matchers"
)

var heapBuf []byte

// TestNameCacheOwnsItsKeys: names reach the cache as views of Arrow
// buffers that are reused after the batch; what the cache keeps must be
// copies, also when the country is empty. Overwriting the buffer must not
// change what a cached name answers.
func TestNameCacheOwnsItsKeys(t *testing.T) {
	buf := []byte("Rosoboronexport JSCRU")
	heapBuf = buf // on the heap, like an Arrow buffer (Go copies stack strings it concatenates)
	lo := uintptr(unsafe.Pointer(&buf[0]))
	c := newNameCache(1 << 12)
	calls := 0
	listed := []matchers.Match{{Score: 0.99}}
	compute := func() []matchers.Match { calls++; return listed } // a match keeps the entry
	c.lookup(cacheKey{unsafe.String(&buf[0], 19), ""}, compute)
	c.lookup(cacheKey{unsafe.String(&buf[0], 19), unsafe.String(&buf[19], 2)}, compute)
	c.lookup(cacheKey{"Rosoboronexport JSC", ""}, compute) // same key as the first, from elsewhere
	if calls != 2 {
		t.Errorf("computed %d times for 2 distinct keys", calls)
	}
	n := 0
	for i := range c.shards {
		for _, e := range c.shards[i].entries {
			if e == nil {
				continue
			}
			n++
			for _, s := range []string{e.key.name, e.key.country} {
				if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && p >= lo && p < lo+uintptr(len(buf)) {
					t.Errorf("cached key %q points into the caller's buffer", s)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d keys cached, want 2", n)
	}
	copy(buf, "Acme Tools Ltd.     DE")
	if ms := c.lookup(cacheKey{"Rosoboronexport JSC", "RU"}, compute); calls != 2 || len(ms) != 1 {
		t.Errorf("after the buffer was reused: %d matches, computed %d times; want the cached match", len(ms), calls)
	}
	if l := c.lookups(); l != 4 {
		t.Errorf("%d lookups counted, want 4", l)
	}
}

// TestNameCacheNoMatchesLeaveNoEntry: a name that matched nothing is
// answered from its slot alone, and answered again without matching.
func TestNameCacheNoMatchesLeaveNoEntry(t *testing.T) {
	c := newNameCache(1 << 12)
	calls := 0
	compute := func() []matchers.Match { calls++; return nil }
	for range 3 {
		if ms := c.lookup(cacheKey{"Acme Tools Ltd.", "DE"}, compute); ms != nil {
			t.Fatalf("got %v, want no matches", ms)
		}
	}
	if calls != 1 {
		t.Errorf("matched %d times, want once", calls)
	}
	for i := range c.shards {
		for _, e := range c.shards[i].entries {
			if e != nil {
				t.Errorf("an entry for %q was kept although it matched nothing", e.key.name)
			}
		}
	}
}

// TestNameCacheLongKeys: names longer than a slot's inline bytes that
// share those bytes are still told apart, and each is matched once.
func TestNameCacheLongKeys(t *testing.T) {
	c := newNameCache(1 << 12)
	prefix := strings.Repeat("Joint Stock Company Scientific Production ", 2) // 84 bytes
	calls := map[string]int{}
	for range 2 {
		for _, tail := range []string{"Association Almaz-Antey", "Association Vega", "Association Almaz-Antey"} {
			name := prefix + tail
			ms := c.lookup(cacheKey{name, "RU"}, func() []matchers.Match {
				calls[name]++
				if tail == "Association Vega" {
					return []matchers.Match{{Explanation: name}}
				}
				return nil
			})
			if tail == "Association Vega" && (len(ms) != 1 || ms[0].Explanation != name) {
				t.Errorf("%q: got %v", tail, ms)
			}
			if tail != "Association Vega" && len(ms) != 0 {
				t.Errorf("%q got the matches of another name: %v", tail, ms)
			}
		}
	}
	for name, n := range calls {
		if n != 1 {
			t.Errorf("%q matched %d times, want once", name, n)
		}
	}
	if len(calls) != 2 {
		t.Errorf("%d names matched, want 2", len(calls))
	}
}

// TestNameCacheSameTag: two keys in one slot chain with the same tag (a
// hash collision) keep their own answers: the key bytes decide, not the
// hash.
func TestNameCacheSameTag(t *testing.T) {
	var sh cacheShard
	const tag = 0x5eed
	a := &cacheEntry{key: cacheKey{"Mahan Air", "IR"}, matches: []matchers.Match{{Score: 1}}}
	b := &cacheEntry{key: cacheKey{"Mahan Air", "AE"}}
	long := &cacheEntry{key: cacheKey{strings.Repeat("Long Name Trading ", 4), "AE"}}
	for _, e := range []*cacheEntry{a, b, long} {
		sh.insert(100, 100, tag, e)
	}
	for _, e := range []*cacheEntry{a, b, long} {
		i, found := sh.find(tag, e.key)
		if !found || sh.entries[sh.slots[i].ref-1] != e {
			t.Errorf("%v: found=%v, not its own slot", e.key, found)
		}
	}
	sh.settle(tag, b)
	if i, found := sh.find(tag, a.key); !found || sh.slots[i].ref == 0 {
		t.Error("settling one key of a tag settled another")
	}
	if _, found := sh.find(tag, cacheKey{"Mahan Air", "RU"}); found {
		t.Error("found a key never inserted")
	}
}

// TestNameCacheTableAtBound: a shard's table has room for its share of
// initialCacheEntries from the first name and does not change size while
// names arrive under that, so the cache takes the same memory for 20,000
// distinct names as for 200,000 (the 1M- and 10M-row benchmark batches).
func TestNameCacheTableAtBound(t *testing.T) {
	for _, tc := range []struct{ names, want int }{{1, 16}, {12, 16}, {13, 18}, {3, 16}, {4096, 5462}, {6144, 8192}} {
		if got := tableLen(tc.names); got != tc.want {
			t.Errorf("tableLen(%d) = %d, want %d", tc.names, got, tc.want)
		}
	}
	for n := 1; n <= 10000; n++ {
		if l := tableLen(n); l*3 < n*4 {
			t.Fatalf("tableLen(%d) = %d: more than three quarters full", n, l)
		}
	}
	c := newNameCache(0)
	want := (initialCacheEntries/cacheShards*4 + 2) / 3
	sizes := map[int]bool{}
	for i := range 40000 {
		c.lookup(cacheKey{fmt.Sprintf("Consignee %d Ltd", i), "GB"}, func() []matchers.Match { return nil })
		if i == 0 || i == 39999 {
			for k := range c.shards {
				if n := len(c.shards[k].slots); n != 0 {
					sizes[n] = true
				}
			}
		}
	}
	if len(sizes) != 1 {
		t.Fatalf("shard tables of %d sizes after 1 and 40,000 names, want one size: %v", len(sizes), sizes)
	}
	for n := range sizes {
		if n != want {
			t.Errorf("shard table of %d slots, want room for %d names at three quarters", n, initialCacheEntries/cacheShards)
		}
	}
}

// TestNameCacheBounded: a shard that reaches its share of the bound is
// emptied, so the table never grows past it, and answers stay right.
func TestNameCacheBounded(t *testing.T) {
	c := newNameCache(cacheShards * 8) // 8 names per shard
	lookupRounds(t, c, 3, 2000, "Consignee %d GmbH", 7)
	for i := range c.shards {
		sh := &c.shards[i]
		if sh.used > 8 || len(sh.slots) > 16 {
			t.Errorf("shard %d: %d names in %d slots, want at most 8 in 16", i, sh.used, len(sh.slots))
		}
		live := 0
		for _, e := range sh.entries {
			if e != nil {
				live++
			}
		}
		if live > sh.used {
			t.Errorf("shard %d keeps %d entries for %d names", i, live, sh.used)
		}
	}
	if m := c.misses.Load(); m <= 2000 {
		t.Errorf("matched %d times over 6,000 lookups of 2,000 names with room for 512: want re-matching", m)
	}
}

// lookupRounds looks up names format(0..names-1) rounds times; every
// every-th name has a match, which names it. Each answer must be the
// name's own, whether cached or matched again.
func lookupRounds(t *testing.T, c *nameCache, rounds, names int, format string, every int) {
	t.Helper()
	for round := range rounds {
		for i := range names {
			name := fmt.Sprintf(format, i)
			ms := c.lookup(cacheKey{name, "DE"}, func() []matchers.Match {
				if i%every == 0 {
					return []matchers.Match{{Explanation: name}}
				}
				return nil
			})
			if (i%every == 0) != (len(ms) == 1) || (len(ms) == 1 && ms[0].Explanation != name) {
				t.Fatalf("round %d, %s: got %v", round, name, ms)
			}
		}
	}
}

// TestNameCacheGrows: a shard whose table is full doubles it, up to its
// share of the bound, keeping every name and answer, so a run with more
// distinct names than the first tables hold matches each name once; only
// at the bound is a shard emptied.
func TestNameCacheGrows(t *testing.T) {
	c := newNameCacheSized(cacheShards*4, cacheShards*64) // 4 names per shard at first, 64 at most
	if c.startNames != 4 || c.maxNames != 64 {
		t.Fatalf("start %d, max %d names per shard; want 4 and 64", c.startNames, c.maxNames)
	}
	const names = 1000 // ~16 per shard: every shard grows, none reaches 64
	lookupRounds(t, c, 3, names, "Consignee %d Sp. z o.o.", 5)
	if m, r := c.misses.Load(), c.resets.Load(); m != names || r != 0 {
		t.Errorf("matched %d times with %d resets for %d names in three rounds; want each name once, no reset", m, r, names)
	}
	grown := 0
	for i := range c.shards {
		sh := &c.shards[i]
		if sh.used > 4 {
			grown++
			if sh.room < sh.used || len(sh.slots) != tableLen(sh.room) || sh.room > 64 {
				t.Errorf("shard %d: %d names, room for %d in %d slots", i, sh.used, sh.room, len(sh.slots))
			}
		}
	}
	if grown == 0 {
		t.Fatal("no shard held more than its first table's 4 names: the test grew nothing")
	}
}

// TestNameCacheConcurrent: many goroutines asking for the same names at
// once still match each name exactly once (run with -race).
func TestNameCacheConcurrent(t *testing.T) {
	c := newNameCache(0)
	var calls sync.Map
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3000 {
				name := fmt.Sprintf("Party %d", (i*7+g)%1000)
				ms := c.lookup(cacheKey{name, "CN"}, func() []matchers.Match {
					n, _ := calls.LoadOrStore(name, new(atomic.Int64))
					n.(*atomic.Int64).Add(1)
					if strings.HasSuffix(name, "3") {
						return []matchers.Match{{Explanation: name}}
					}
					return nil
				})
				if strings.HasSuffix(name, "3") != (len(ms) == 1) {
					t.Errorf("%s: got %v", name, ms)
					return
				}
			}
		}()
	}
	wg.Wait()
	calls.Range(func(k, v any) bool {
		if n := v.(*atomic.Int64).Load(); n != 1 {
			t.Errorf("%v matched %d times, want once", k, n)
		}
		return true
	})
	if l := c.lookups(); l != 8*3000 {
		t.Errorf("%d lookups, want %d", l, 8*3000)
	}
}

// TestBatchRowsPooled: a released batch's per-row arrays serve the next
// batch, cleared; slices a caller set itself are never taken for the pool.
func TestBatchRowsPooled(t *testing.T) {
	b := &Batch{}
	b.useRows(4)
	b.Shipments[0].ShipmentID = "S1"
	b.Hits[1] = append(b.Hits[1], evidence.Hit{List: "un_sc"})
	b.Decisions[2].Flagged = true
	r := b.rows
	b.Release()
	if b.Shipments != nil || b.Hits != nil || b.Decisions != nil || b.rows != nil {
		t.Fatal("a released batch still points at its row arrays")
	}
	if r.ships[0].ShipmentID != "" || r.hits[1] != nil || r.decs[2].Flagged {
		t.Fatal("released row arrays keep their rows")
	}
	mine := make([]evidence.Shipment, 3)
	c := &Batch{Shipments: mine}
	c.useRows(3)
	if c.rows != nil || &c.Shipments[0] != &mine[0] {
		t.Fatal("a caller's Shipments were replaced by pooled ones")
	}
	c.Release()
	if c.Shipments == nil {
		t.Fatal("Release took a caller's Shipments")
	}
}

func TestCacheLayout(t *testing.T) {
	if s := unsafe.Sizeof(cacheSlot{}); s != 64 {
		t.Errorf("cacheSlot is %d bytes, want one 64-byte cache line", s)
	}
	if s := unsafe.Sizeof(cacheShard{}); s%64 != 0 {
		t.Errorf("cacheShard is %d bytes, want a multiple of 64", s)
	}
}

// TestBatchRowsReleasedClear: useRows hands pooled arrays out without
// clearing them, so Release must leave them clear over their whole
// capacity, also when the batch shrank (Extract run again on fewer rows).
func TestBatchRowsReleasedClear(t *testing.T) {
	b := &Batch{}
	for _, n := range []int{8, 4} {
		b.useRows(n)
		for i := range b.Shipments {
			b.Shipments[i].ConsigneeName = "Mahan Air"
			b.Hits[i] = []evidence.Hit{{List: "un_sc"}}
			b.Decisions[i].Flagged = true
		}
	}
	if len(b.Shipments) != 4 || b.Shipments[3].ConsigneeName != "Mahan Air" {
		t.Fatal("useRows did not hand out 4 rows")
	}
	r := b.rows
	b.rows.arena.took(b.rows.arena.free(3)[:2])
	b.Release() // puts r in the pool once: never touch r in a batch again
	ships, hits, decs := r.ships[:cap(r.ships)], r.hits[:cap(r.hits)], r.decs[:cap(r.decs)]
	for i := range ships {
		if ships[i].ConsigneeName != "" || hits[i] != nil || decs[i].Flagged {
			t.Fatalf("row %d of the released arrays is not clear", i)
		}
	}
	if r.arena.n != 0 || len(r.arena.chunks[0]) != 0 {
		t.Fatal("the released arena still has hits in use")
	}
}

// lookup is get with the tag computed, as PartyStage.Apply computes it.
// It reads the slot ahead as Apply does, so that the concurrent tests
// (run with -race) cover prefetch's reads without the locks.
func (c *nameCache) lookup(key cacheKey, compute func() []matchers.Match) []matchers.Match {
	tag := c.partyHash(key)
	c.prefetch([]uint64{tag})
	return c.get(tag, key, compute)
}

// TestNameCacheConcurrentEvicting: workers reading slots ahead while
// others insert, grow and empty shards (a bound far below the names)
// still get each name's own answer.
func TestNameCacheConcurrentEvicting(t *testing.T) {
	c := newNameCache(cacheShards * 4)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5000 {
				name := fmt.Sprintf("Party %d", (i*13+g)%1500)
				ms := c.lookup(cacheKey{name, "CN"}, func() []matchers.Match {
					if strings.HasSuffix(name, "7") {
						return []matchers.Match{{Explanation: name}}
					}
					return nil
				})
				if strings.HasSuffix(name, "7") != (len(ms) == 1) || (len(ms) == 1 && ms[0].Explanation != name) {
					t.Errorf("%s: got %v", name, ms)
					return
				}
			}
		}()
	}
	wg.Wait()
}
