package matchers

// reserveRare returns heap, a full candidate heap of entries ranked by
// evidence (gather), with up to t.RareReserve more entries for each of the
// query's rarest words that the heap left out, best ranked first, taken
// from the names holding that word exactly.
//
// Why: ranking adds up evidence, so a query made of a few rare-ish
// generic words and one distinctive word ("Tactical Missile Corporation,
// Joint Stock Company Elektrotyaga", "JOINT STOCK COMMERCIAL BANK
// NOVIKOMBANK") ranks first the dozens of entries sharing the generic
// words, and a listed name that holds only the distinctive word
// ("AKTSIONERNOE OBSHCHESTVO ELEKTROTYAGA", "Novikombank") never becomes
// a candidate. The rarest word is what screening is about: the entries
// holding it keep a few slots of their own. Its postings are short by
// definition, so reading them costs little.
func (ix *Index) reserveRare(s *scratch, heap []cand, t *Tuning) []cand {
	if t.RareReserve <= 0 || len(heap) == 0 {
		return heap
	}
	cut := heap[0] // the heap's least candidate: entries ranked below it were left out
	var rare [rareReserveWords]int32
	nr := 0
	for i := range s.q {
		q := &s.q[i]
		if q.kind != TokWord || q.id < 0 || len(q.text) < rareReserveMinLen || ix.voc.idf[q.id] < ix.idfCommon || ix.voc.df[q.id] > rareReserveMaxDF {
			continue
		}
		// insert by rarity (higher IDF first), distinct ids only
		k := nr
		for j := 0; j < nr; j++ {
			if rare[j] == q.id {
				k = -1
				break
			}
		}
		if k < 0 {
			continue
		}
		for k > 0 && ix.voc.idf[rare[k-1]] < ix.voc.idf[q.id] {
			if k < rareReserveWords {
				rare[k] = rare[k-1]
			}
			k--
		}
		if k < rareReserveWords {
			rare[k] = q.id
			if nr < rareReserveWords {
				nr++
			}
		}
	}
	n0 := len(heap)
	for _, v := range rare[:nr] {
		start := len(heap)
		for _, n := range ix.postingsOf(ix.postRun[v]) {
			e := s.acc[n].first
			best, _ := entBest(s.acc[e].ebest)
			c := cand{e, best}
			if best == 0 || !candLess(c, cut) {
				continue // untouched (not possible for a query word), or in the heap
			}
			dup := false
			for _, h := range heap[n0:] {
				if h.name == e {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			// keep heap[start:] the best RareReserve, best first
			if len(heap)-start < t.RareReserve {
				heap = append(heap, c)
			} else if candLess(heap[len(heap)-1], c) {
				heap[len(heap)-1] = c
			} else {
				continue
			}
			for j := len(heap) - 1; j > start && candLess(heap[j-1], heap[j]); j-- {
				heap[j], heap[j-1] = heap[j-1], heap[j]
			}
		}
	}
	return heap
}

const (
	// rareReserveWords: how many of the query's rarest words keep slots.
	rareReserveWords = 1
	// rareReserveMaxDF: a word in more names than this is not rare enough
	// to keep slots (and its postings would cost too much to read).
	rareReserveMaxDF = 64
	// rareReserveMinLen: shorter words (syllables of Chinese and Korean
	// names, abbreviations) are rare in many unrelated names.
	rareReserveMinLen = 5
)
