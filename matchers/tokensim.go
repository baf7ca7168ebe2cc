package matchers

import "slices"

// The candidate search compares each query token with dozens of vocabulary
// neighbours (deletion neighbourhood, phonetic key). Those comparisons were
// most of a query's cost, and most of that was fetching the neighbour's
// text, decoding it to runes and comparing phonetic keys as strings. So the
// index keeps, per vocabulary token, one small record with everything the
// comparison needs (simTok) and the token's runes decoded once, and a
// cheap upper bound from the two lengths rejects pairs that cannot reach
// Tuning.MinTokenSim before Jaro-Winkler and Levenshtein run.

// simTok is what tokenSim needs of one vocabulary token.
type simTok struct {
	off  uint32 // its runes are Index.runes[off : off+n]
	blen uint32 // length in bytes (oneSlip compares bytes)
	key  int32  // phonetic key id (Index.keyIDs), -1 when it has none
	n    uint8  // runes, at most maxSimLen (what the metrics compare)
	// short: fewer than minDelLen runes in all (not only the first
	// maxSimLen), the length below which only exact or phonetic equality
	// counts.
	short bool
	word  bool // TokWord: the only kind compared fuzzily
	// whole: the text is ASCII and no longer than maxSimLen, so its runes
	// are its bytes, all of them (oneSlip can run on the runes).
	whole bool
	first byte // first byte of the text
}

// simQuery is one query token prepared for comparison with its neighbours.
type simQuery struct {
	text  string
	runes []rune // the first maxSimLen runes
	key   int32  // its phonetic key's id, -1 when no vocabulary token has it
	// keyLen is the length of its phonetic key, which decides how far a
	// shared key lifts the similarity.
	keyLen int
	short  bool
	whole  bool // as simTok.whole
}

// buildSimToks fills ix.sim and ix.runes from the vocabulary; the phonetic
// key ids (ix.voc.keyID) must be set.
func (ix *Index) buildSimToks() {
	ix.sim = make([]simTok, len(ix.voc.text))
	ix.tlen = make([]uint8, len(ix.voc.text))
	ix.first = make([]uint8, len(ix.voc.text))
	total := 0
	for _, t := range ix.voc.text {
		total += min(len(t), maxSimLen)
	}
	ix.runes = make([]rune, 0, total)
	var buf runeBuf
	for id, t := range ix.voc.text {
		r := toRunes(&buf, t)
		st := simTok{off: uint32(len(ix.runes)), blen: uint32(len(t)), key: ix.voc.keyID[id], n: uint8(len(r)),
			short: runeLen(t) < minDelLen, word: ix.voc.kind[id] == TokWord, whole: wholeASCII(t)}
		if len(t) > 0 {
			st.first = t[0]
		}
		ix.runes = append(ix.runes, r...)
		ix.sim[id] = st
		ix.tlen[id] = uint8(min(len(t), 255))
		ix.first[id] = st.first
	}
}

// tokenSim is the similarity of query token q to vocabulary token v, 0 when
// they are too far apart to be the same name part. It averages
// Jaro-Winkler (forgiving at the end of a word) and Levenshtein (counting
// every edit), lifts pairs with the same phonetic key, and lets short tokens
// through only by exact or phonetic equality: the error budget grows with
// length.
func (ix *Index) tokenSim(q *simQuery, v int32, t *Tuning) float32 {
	st := &ix.sim[v]
	if !st.word {
		return 0
	}
	keyEq := q.key >= 0 && st.key == q.key
	if !keyEq && (q.short || st.short) {
		return 0
	}
	sameFirst := q.text[0] == st.first
	// Upper bound from the lengths alone: Levenshtein distance is at least
	// the length difference, Jaro matches at most the shorter length. If
	// even the bound stays below MinTokenSim the pair is not compared.
	la, lb := len(q.runes), int(st.n)
	oneSlipLen := int(st.blen) == len(q.text)
	if la != lb && !oneSlipLen && la > 0 && lb > 0 {
		mn, mx := float64(min(la, lb)), float64(max(la, lb))
		levUB := 1 - (mx-mn)/mx
		jaroUB := (mn/float64(la) + mn/float64(lb) + 1) / 3
		jwUB := jaroUB + 0.4*(1-jaroUB)
		// The margin covers rounding: the bound must never fall below
		// what the exact computation would give.
		if finishTokenSim(0.5*jwUB+0.5*levUB+1e-9, keyEq, q.keyLen, sameFirst, t) == 0 {
			return 0
		}
	}
	rb := ix.runes[st.off : st.off+uint32(st.n)]
	jw, lev := jwLevRunes(q.runes, rb)
	if oneSlipLen && ix.oneSlipTo(q, st, rb, v) {
		// two neighbouring letters swapped is one slip of the hand, like
		// one letter changed, not two edits (Neoibt / Neobit)
		lev = 1 - 1/float64(max(1, la))
	}
	return float32(finishTokenSim(0.5*jw+0.5*lev, keyEq, q.keyLen, sameFirst, t))
}

// oneSlipTo is oneSlip(q.text, the text of v), read from the runes the
// comparison has loaded already when both are whole ASCII.
func (ix *Index) oneSlipTo(q *simQuery, st *simTok, rb []rune, v int32) bool {
	if !q.whole || !st.whole {
		return oneSlip(q.text, ix.voc.text[v])
	}
	a := q.runes
	diff := -1
	for i := range a {
		if a[i] == rb[i] {
			continue
		}
		if diff >= 0 {
			return i == diff+1 && a[i] == rb[diff] && a[diff] == rb[i] && slices.Equal(a[i+1:], rb[i+1:])
		}
		diff = i
	}
	return diff >= 0
}

// wholeASCII reports whether s is ASCII and at most maxSimLen bytes long.
func wholeASCII(s string) bool { return len(s) <= maxSimLen && isASCII(s) }

// finishTokenSim lifts the letter similarity sim of two tokens with the same
// phonetic key towards Tuning.PhoneticSim, lowers it for a spelling
// difference that is no sound-alike, and returns 0 below MinTokenSim. It is
// non-decreasing in sim, which the upper bound in tokenSim relies on.
func finishTokenSim(sim float64, keyEq bool, keyLen int, sameFirst bool, t *Tuning) float64 {
	switch {
	case keyEq && keyLen >= 3 && sameFirst:
		// Same sound skeleton and first letter: halfway to PhoneticSim.
		// Only halfway, because short skeletons collide (Aecom / Aqim).
		sim = max(sim, 0.5*sim+0.5*t.PhoneticSim)
	case keyEq && keyLen >= 3:
		sim = max(sim, 0.65*sim+0.35*t.PhoneticSim)
	case keyEq:
		sim = max(sim, 0.75*sim+0.25*t.PhoneticSim)
	default:
		// A spelling difference that is no sound-alike (Tetra / Terra)
		// is weaker evidence than the similarity of the letters says.
		sim -= t.SpellingPenalty
	}
	if sim < t.MinTokenSim {
		return 0
	}
	return sim
}
