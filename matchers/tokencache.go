package matchers

import (
	"strings"
	"sync"
	"sync/atomic"
)

// tokenCache remembers, per query word, the vocabulary neighbours
// prepare found for it and their similarities, in the order it recorded
// them. Finding them (deletion probes, phonetic key, Jaro-Winkler and
// Levenshtein against each) was the largest part of a query's cost, and
// the distinct names of a batch repeat their words: company words,
// given names, cities. Replaying the recorded calls leaves the scratch
// exactly as computing them would, including the order of its rows, on
// which the float sums of gather depend, so results are the same with
// or without the cache (TestTokenCacheSameResults).
//
// It is shared by all goroutines of one matcher (sync.Map: written once
// per word, then only read) and bounded: when it holds maxCachedTokens
// words it is emptied and fills again with the words still in use.
type tokenCache struct {
	m sync.Map // word → []simCall
	n atomic.Int64
}

// simCall is one recorded scratch.setSim call of a query word.
type simCall struct {
	v   int32
	sim float32
}

// maxCachedTokens bounds the cache: about 30 neighbours of 8 bytes per
// word, some 10 MB in all.
const maxCachedTokens = 1 << 15

// get returns the recorded calls of word; a nil cache has none.
func (c *tokenCache) get(word string) ([]simCall, bool) {
	if c == nil {
		return nil, false
	}
	v, ok := c.m.Load(word)
	if !ok {
		return nil, false
	}
	return v.([]simCall), true
}

// put stores a copy of calls for word.
func (c *tokenCache) put(word string, calls []simCall) {
	if c.n.Add(1) > maxCachedTokens {
		c.m.Clear()
		c.n.Store(1)
	}
	c.m.Store(strings.Clone(word), append([]simCall(nil), calls...))
}

// len returns about how many words the cache holds.
func (c *tokenCache) len() int { return int(c.n.Load()) }
