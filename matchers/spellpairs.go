package matchers

import (
	"slices"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
)

// One name word is often romanised two ways that the scorer aligns only
// fuzzily (hamsho~hamcho 0.74 in all, the French ch for sh) or not at all,
// so the pair falls under the threshold as soon as anything else differs.
// The lists know many such writings: one entry's names are often one name
// spelt several ways (OFAC's aka's, the UN's and the EU's spellings). The
// index reads them off the lists (listedSpellings): two names of one
// entry, person or organisation, that hold the same words but for one or
// two, each spelt like a word of the other (Jaro-Winkler minSpellingJW or
// more, at most maxSpellingEdits edits apart) without being it. A pair
// counts when the lists write it so in minSpellingContexts names that
// differ in what else they hold: one party's typo, copied by every list
// that names it, teaches nothing. A query word equal to one side then
// aligns with the other at Tuning.SpellingKeySim.
//
// The bounds were swept on the development set's tuning part against the
// false-flag check: shorter words (roman / raman, the Belarusian Raman,
// which then flags "Roman Inc."), pairs of two common words (salim /
// salem, khalaf / khalif: each a name of its own, that the lists write for
// the other in a few entries) and single contexts flag innocent names.
const (
	// minSpellingContexts is how many differently named entries must
	// write a pair.
	minSpellingContexts = 3
	// minSpellingJW is how alike two words must be spelt.
	minSpellingJW = 0.8
	// maxSpellingEdits bounds the edits between the two writings: words
	// further apart are translations (technical / technology, fund /
	// foundation), not spellings.
	maxSpellingEdits = 2
	// maxSpellingDiffs is how many words two names may differ by.
	maxSpellingDiffs = 2
	// minSpellingLen: shorter words are name parts of their own (abd /
	// abu) or common words.
	minSpellingLen = 6
	// maxSpellingDF: one side must be written in at most this many names;
	// two common words are two names (salem / salih).
	maxSpellingDF = 20
)

// listedSpellings returns, by vocabulary id, the words the lists spell
// for each other (see above), from the published names of the entries the
// index holds.
func (ix *Index) listedSpellings(entries []*lists.Entry, norms [][]variantNorm) map[int32][]int32 {
	contexts := pairContexts{}
	var xa, yb []string
	anyEntry := func(*lists.Entry) bool { return true }
	eachNamePair(entries, norms, anyEntry, func(x, y []string) {
		xa, yb = sortedDifference(xa[:0], yb[:0], x, y)
		if len(xa) == 0 || len(xa) > maxSpellingDiffs {
			return
		}
		// The most alike words pair first.
		for len(xa) > 0 {
			bi, bj, best := -1, -1, 0.0
			for p, a := range xa {
				for q, b := range yb {
					if s := jaroWinkler(a, b); s > best {
						bi, bj, best = p, q, s
					}
				}
			}
			if best < minSpellingJW {
				break
			}
			if a, b := xa[bi], yb[bj]; spellable(a) && spellable(b) && editsWithin(a, b, maxSpellingEdits) {
				contexts.add(a, b, restOf(x, a))
			}
			xa = slices.Delete(xa, bi, bi+1)
			yb = slices.Delete(yb, bj, bj+1)
		}
	})
	return ix.pairsByID(contexts, minSpellingContexts, maxSpellingDF)
}

// spellable reports the words listedSpellings pairs: of minSpellingLen
// letters or more, without digits.
func spellable(w string) bool {
	if runeLen(w) < minSpellingLen {
		return false
	}
	return !strings.ContainsAny(w, "0123456789")
}

// editsWithin reports whether a and b are at most n edits apart.
func editsWithin(a, b string, n int) bool {
	var ba, bb runeBuf
	return levenshteinRunes(toRunes(&ba, a), toRunes(&bb, b)) <= n
}

// listedSpelling reports whether vocabulary words u and v are a pair the
// lists spell for each other.
func (ix *Index) listedSpelling(u, v int32) bool {
	return slices.Contains(ix.spellPairs[u], v)
}
