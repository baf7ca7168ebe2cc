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
	m sync.Map // word → *cachedWord
	n atomic.Int64
}

// cachedWord is one word's recorded calls.
type cachedWord struct{ calls []simCall }

// wordArena hands out what the cache keeps from large chunks, one arena
// per scratch (so per goroutine, no lock): two allocations per cached word
// fewer. A chunk lives as long as any word carved from it is cached.
type wordArena struct {
	words []cachedWord
	calls []simCall
}

const arenaChunk = 4096 // calls; a word rarely has more than a hundred

// keep returns a cachedWord holding a copy of calls.
func (a *wordArena) keep(calls []simCall) *cachedWord {
	if len(a.words) == cap(a.words) {
		a.words = make([]cachedWord, 0, arenaChunk/16)
	}
	a.words = append(a.words, cachedWord{})
	w := &a.words[len(a.words)-1]
	if len(calls) > arenaChunk/4 {
		w.calls = make([]simCall, len(calls))
		copy(w.calls, calls)
		return w
	}
	if len(a.calls)+len(calls) > cap(a.calls) {
		a.calls = make([]simCall, 0, arenaChunk)
	}
	start := len(a.calls)
	a.calls = append(a.calls, calls...)
	// full slice expression: the next word's calls must never be
	// appended into this one's
	w.calls = a.calls[start:len(a.calls):len(a.calls)]
	return w
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
	return v.(*cachedWord).calls, true
}

// put stores a copy of calls for word, kept in a.
func (c *tokenCache) put(word string, calls []simCall, a *wordArena) {
	if c.n.Add(1) > maxCachedTokens {
		c.m.Clear()
		c.n.Store(1)
	}
	c.m.Store(strings.Clone(word), a.keep(calls))
}

// len returns about how many words the cache holds.
func (c *tokenCache) len() int { return int(c.n.Load()) }
