package matchers

// wordFilter answers "certainly not a listed word" for two adjacent query
// words written together (prepare's pairs: Petro China / PETROCHINA)
// before the vocabulary's map is asked. Nearly every pair of a query is
// no listed word, and the map (110,000 strings, a few MB) missed the
// cache on each probe; a bit per hash bucket of the 40,000 listed words
// (64 KB) answers most of them with one load, about 7% go on to the map,
// whose answer is final.
type wordFilter []uint64

const wordFilterBits = 1 << 19

// newWordFilter sets the bits of the vocabulary's words that are words in
// their own right (not only two words written together), the only ones a
// pair may match.
func newWordFilter(v *vocabulary) wordFilter {
	f := make(wordFilter, wordFilterBits/64)
	for id, t := range v.text {
		if !v.joined[id] {
			b := wordBucket(hashPair(t, ""))
			f[b/64] |= 1 << (b % 64)
		}
	}
	return f
}

// hashPair is FNV-1a of a followed by b: the hash of their concatenation,
// without building it.
func hashPair(a, b string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= 1099511628211
	}
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

// wordBucket takes the hash's top bits: FNV-1a mixes upwards.
func wordBucket(h uint64) uint64 { return h >> (64 - 19) }

// mayHave reports whether a and b written together may be a word of the
// vocabulary in its own right; false means it is not.
func (f wordFilter) mayHave(a, b string) bool {
	bk := wordBucket(hashPair(a, b))
	return f[bk/64]&(1<<(bk%64)) != 0
}
