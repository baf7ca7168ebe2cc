package pipeline

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dualscreen/dualscreen/matchers"
)

// DefaultCacheEntries bounds the name cache. At roughly 200 bytes per entry
// (key, entry header, usually no matches) it holds about 50 MiB at most, and
// it covers the distinct consignees of even very large batches: real
// consignee names repeat heavily.
const DefaultCacheEntries = 1 << 18

const cacheShards = 64 // enough that workers on many cores rarely share a lock

// nameCache maps a party name and country to the matches found for it, so
// each distinct party is matched once per run while it stays in the cache.
// It is bounded: a full shard drops an arbitrary entry (Go's map order),
// which is cheap and, since matching is deterministic, never changes output,
// only how often a name is matched again.
type nameCache struct {
	seed     maphash.Seed
	perShard int
	shards   [cacheShards]cacheShard
	misses   atomic.Int64
}

// cacheShard is padded to its own cache lines: two workers locking
// neighbouring shards would otherwise keep stealing one line from each
// other.
type cacheShard struct {
	mu      sync.Mutex
	m       map[cacheKey]*cacheEntry
	lookups int64 // counted under mu: a shared atomic counter costs a contended cache line per row
	_       [40]byte
}

// cacheKey is a party's name and country. A struct key, not name+"\x00"+
// country, so a lookup allocates nothing.
type cacheKey struct{ name, country string }

// cacheEntry is computed once even when many workers ask at the same time.
type cacheEntry struct {
	once    sync.Once
	matches []matchers.Match
}

func newNameCache(entries int) *nameCache {
	if entries <= 0 {
		entries = DefaultCacheEntries
	}
	c := &nameCache{seed: maphash.MakeSeed(), perShard: max(1, entries/cacheShards)}
	for i := range c.shards {
		c.shards[i].m = make(map[cacheKey]*cacheEntry)
	}
	return c
}

// get returns the matches for key, calling compute at most once per key
// while the key stays cached. key may point into an Arrow buffer: it is
// cloned before it is stored.
func (c *nameCache) get(key cacheKey, compute func() []matchers.Match) []matchers.Match {
	sh := &c.shards[maphash.String(c.seed, key.name)%cacheShards]
	sh.mu.Lock()
	sh.lookups++
	e, ok := sh.m[key]
	if !ok {
		if len(sh.m) >= c.perShard {
			for k := range sh.m {
				delete(sh.m, k)
				break
			}
		}
		e = &cacheEntry{}
		// One copy for both (fewer objects for the collector). Not
		// name+country: with an empty country that is name itself, still
		// pointing into the Arrow buffer.
		var sb strings.Builder
		sb.Grow(len(key.name) + len(key.country))
		sb.WriteString(key.name)
		sb.WriteString(key.country)
		both := sb.String()
		sh.m[cacheKey{both[:len(key.name)], both[len(key.name):]}] = e
	}
	sh.mu.Unlock()
	e.once.Do(func() {
		c.misses.Add(1)
		e.matches = compute()
	})
	return e.matches
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
