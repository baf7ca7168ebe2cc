package matchers

import (
	"runtime"
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
// The words of the lists themselves are computed when the matcher is
// built (newTokenCache: about 0.2 CPU-seconds and 4 MB for all shared
// lists), since a query word is most often one of them: so the first
// names of a batch cost no more than later ones. Other words are
// remembered on first sight, in a map shared by all goroutines of one
// matcher (sync.Map: written once per word, then only read) and bounded:
// when it holds maxCachedTokens words it is emptied and fills again with
// the words still in use.
type tokenCache struct {
	// known[v]: the calls of vocabulary word v are
	// knownCalls[knownAt[v]:knownAt[v+1]].
	knownAt    []uint32
	knownCalls []simCall

	m sync.Map // other word → *cachedWord
	n atomic.Int64
}

// newTokenCache records the neighbours of every vocabulary token, as
// wordNeighbours finds them with tuning t, on all cores. The result does
// not depend on their number.
func newTokenCache(ix *Index, t *Tuning) *tokenCache {
	nv := len(ix.voc.text)
	workers := max(1, min(runtime.GOMAXPROCS(0), nv/1024))
	type part struct {
		at    []uint32 // per id of the part: end of its calls in calls
		calls []simCall
	}
	parts := make([]part, workers)
	chunk := (nv + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newScratch(ix)
			p := &parts[w]
			for v := w * chunk; v < min(nv, (w+1)*chunk); v++ {
				if !ix.voc.joined[v] {
					// as prepare does for query word 0 of a one-word query
					s.stride, s.recording, s.rec = 1, true, s.rec[:0]
					ix.wordNeighbours(s, 0, ix.voc.text[v], int32(v), t)
					p.calls = append(p.calls, s.rec...)
					s.recording = false
					s.reset()
				}
				p.at = append(p.at, uint32(len(p.calls)))
			}
		}()
	}
	wg.Wait()
	c := &tokenCache{knownAt: make([]uint32, 1, nv+1)}
	for _, p := range parts {
		base := uint32(len(c.knownCalls))
		for _, end := range p.at {
			c.knownAt = append(c.knownAt, base+end)
		}
		c.knownCalls = append(c.knownCalls, p.calls...)
	}
	return c
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

// get returns the recorded calls of word, whose vocabulary id is id (-1:
// none, or only as two words written together); a nil cache has none.
func (c *tokenCache) get(word string, id int32) ([]simCall, bool) {
	if c == nil {
		return nil, false
	}
	if id >= 0 && int(id)+1 < len(c.knownAt) {
		return c.knownCalls[c.knownAt[id]:c.knownAt[id+1]], true
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
