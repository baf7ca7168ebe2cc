package matchers

// reserveRare returns heap, a full candidate heap of entries ranked by
// evidence (gather), with up to t.RareReserve more entries that the heap
// left out, best ranked first, taken from the names holding the query's
// rarest word exactly.
//
// Why: ranking adds up evidence, so a query made of a few rare-ish
// generic words and one distinctive word ("JOINT STOCK COMMERCIAL BANK
// NOVIKOMBANK", "LAREDO DTO") ranks first the dozens of entries sharing
// the generic words, and a listed name that holds little but the
// distinctive word ("Novikombank", "LAREDO DRUG TRAFFICKING
// ORGANIZATION") never becomes a candidate. The rarest word is what
// screening is about: the entries holding it keep a few slots of their
// own. Its postings are short by definition, so reading them costs little.
func (ix *Index) reserveRare(s *scratch, heap []cand, t *Tuning) []cand {
	if t.RareReserve <= 0 || len(heap) == 0 {
		return heap
	}
	v := ix.rarestWord(s)
	if v < 0 {
		return heap
	}
	cut := heap[0] // the heap's least candidate: entries ranked below it were left out
	start := len(heap)
	for _, n := range ix.postingsOf(ix.postRun[v]) {
		e := s.acc[n].first
		best, _ := entBest(s.acc[e].ebest)
		if c := (cand{e, best}); candLess(c, cut) {
			heap = keepBest(heap, start, c, t.RareReserve)
		}
	}
	return heap
}

// rarestWord returns the vocabulary id of the query's rarest word that may
// keep slots: a word (not a legal form, initial or number) in at most
// rareReserveMaxDF names and of rareReserveMinLen letters or more; -1 when
// there is none.
func (ix *Index) rarestWord(s *scratch) int32 {
	// A word's document frequency is the length of its postings, and
	// postRun holds both with its IDF: gather has just read it.
	v, vidf := int32(-1), float32(0)
	for i := range s.q {
		q := &s.q[i]
		if q.kind != TokWord || q.id < 0 || len(q.text) < rareReserveMinLen {
			continue
		}
		if pr := ix.postRun[q.id]; pr.n <= rareReserveMaxDF && (v < 0 || pr.idf > vidf) {
			v, vidf = q.id, pr.idf
		}
	}
	return v
}

// keepBest adds c to heap[start:], the best k entries found so far, best
// first, unless it is there already or k better ones are.
func keepBest(heap []cand, start int, c cand, k int) []cand {
	for _, h := range heap[start:] {
		if h.name == c.name {
			return heap
		}
	}
	switch {
	case len(heap)-start < k:
		heap = append(heap, c)
	case candLess(heap[len(heap)-1], c):
		heap[len(heap)-1] = c
	default:
		return heap
	}
	for j := len(heap) - 1; j > start && candLess(heap[j-1], heap[j]); j-- {
		heap[j], heap[j-1] = heap[j-1], heap[j]
	}
	return heap
}

const (
	// rareReserveMaxDF: a word in more names than this is not rare enough
	// to keep slots (and its postings would cost more to read).
	rareReserveMaxDF = 64
	// rareReserveMinLen: shorter words (syllables of Chinese and Korean
	// names, abbreviations) are rare in many unrelated names: with them,
	// "MURAD, Jing" was flagged against "JING MU MIANG COMPANY".
	rareReserveMinLen = 5
)
