package rules

import "sync"

// memoEntries bounds each of the engine's memos. A batch repeats a few
// thousand country combinations, control-code cells and goods lines
// millions of times; 1<<14 distinct values of each is far more than a real
// book has, and at a few hundred bytes a value the memos stay under a few
// MiB each whatever the input.
const memoEntries = 1 << 14

// placeMemoEntries bounds the place memos, which need more: country
// combinations multiply (destination × end-user × consignee × exporter
// country), and the 10M-row benchmark batch has 20,512 of them. With room
// for 16,384 the memo emptied every few tens of thousands of rows and
// about half the rows resolved their countries again. A combination costs
// about 1 KiB with its kept hits, so 32 MiB at the very most.
const placeMemoEntries = 1 << 15

// memo remembers the value computed for each distinct key, so per-row work
// that depends on one or a few cells (parsing a control-code cell, resolving
// the countries of a shipment, classifying a goods description) is done once
// per distinct value instead of once per row. It is bounded: when full it is
// emptied and refills with the values that still recur, so memory does not
// grow with the input. Values must be immutable once stored: many goroutines
// read them at once. Since the values are pure functions of their keys,
// what the memo holds never changes a result, only how often it is
// computed.
type memo[K comparable, V any] struct {
	mu  sync.RWMutex
	m   map[K]V
	max int
}

func newMemo[K comparable, V any](max int) *memo[K, V] {
	return &memo[K, V]{m: make(map[K]V), max: max}
}

// get returns the value for k, calling compute when k is not stored.
// compute returns the key to store (a copy of k whose strings no longer
// point into an Arrow buffer) with the value.
func (c *memo[K, V]) get(k K, compute func() (K, V)) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	key, v := compute()
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[key] = v
	c.mu.Unlock()
	return v
}

// len is the number of values stored.
func (c *memo[K, V]) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
