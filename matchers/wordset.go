package matchers

// wordSet is a small set of words (particles, the words of legal forms,
// the first words of phrases) with a filter of their shapes in front of
// its map. The normaliser and the run-on rules ask these sets about every
// word of a query, twice per normalisation, and about every cut of an
// unknown word (mayRunOn, runOnCut: four probes per letter); nearly every
// probe misses, and each miss hashed the whole string and read the map. A
// word whose shape (length, first two bytes and last byte) no member has
// is not a member: one bit (of 2 KB, in cache) answers most misses, and
// the rest go to the map, whose answer is final.
type wordSet struct {
	m      map[string]bool
	shapes [shapeBits / 64]uint64
}

const (
	shapeLog  = 14
	shapeBits = 1 << shapeLog
)

// shapeOf returns the bit of a non-empty word's shape.
func shapeOf(w string) uint32 {
	second := byte(0)
	if len(w) > 1 {
		second = w[1]
	}
	h := uint32(w[0]) | uint32(second)<<8 | uint32(w[len(w)-1])<<16 | uint32(min(len(w), 255))<<24
	return (h * 0x9E3779B1) >> (32 - shapeLog)
}

// newWordSet returns the set of m's words that map to true.
func newWordSet(m map[string]bool) *wordSet {
	s := &wordSet{m: m}
	for w, in := range m {
		if in && w != "" {
			b := shapeOf(w)
			s.shapes[b/64] |= 1 << (b % 64)
		}
	}
	return s
}

// mayHave reports whether non-empty w may be in the set; false means it
// is not.
func (s *wordSet) mayHave(w string) bool {
	b := shapeOf(w)
	return s.shapes[b/64]&(1<<(b%64)) != 0
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	if w != "" && !s.mayHave(w) {
		return false
	}
	return s.m[w]
}
