package matchers

import (
	"math"
	"slices"
	"strings"
)

// qtok is one query token with what the index knows of it.
type qtok struct {
	text string
	kind TokenKind
	// abbr: a word of at most three letters and no vowel (abbrev.go)
	abbr bool
	id   int32   // vocabulary id, or -1 when the lists never use it
	w    float32 // its weight when unmatched
}

// scratch is one Match call's working memory, taken from the index's pool:
// dense per-name and per-vocabulary arrays, reset through the lists of
// touched slots so a call costs what it touches, not the index size.
type scratch struct {
	acc     []nameAcc // per name: gathered evidence, with its entry and weight
	touched []int32   // names with acc > 0
	slot    []int32   // per vocabulary id: 1 + its row in sims, 0 when unset
	// slotBits has a bit per vocabulary id, set when slot is: the scorer
	// asks for the row of every token of every candidate name, and most
	// have none; 14 KB of bits stay in cache where slot's 440 KB do not.
	slotBits []uint64
	slotted  []int32   // vocabulary ids with a slot
	sims     []float32 // row r holds the similarity of vocabulary id slotted[r] to each query token
	stride   int       // row length: the number of query tokens
	pairs    []qpair   // adjacent query tokens written together that the vocabulary knows
	reads    []string  // pinyin readings of a query word (readChinese)
	hzPairs  []qpair   // query word i and listed word v readChinese read alike
	q        []qtok
	// qcap holds, per query token, the most evidence a similar listed
	// token may gather for it (gather): the query token's own IDF when the
	// lists know it, else no bound.
	qcap []float32
	// qAll lists the query tokens' positions, qInitials those of its
	// initials: the scorer pairs a name token no query token is similar
	// to with the initials only.
	qAll, qInitials []int8
	norm            Normalised
	// splitWords: the query words read as two words written together
	// ("hassanseifi hassan seifi"), for the explanation.
	splitWords []string
	// splitOn asks prepare to split the query's run-together words
	// (splitRunTogether); splittable reports, when it did not, that the
	// query has one.
	splitOn, splittable bool
	rawCut              []string // the raw tokens with run-on words cut (cutRunOns)
	han                 bool     // the query is written in Han characters (one token per syllable)
	qKinds              uint8    // legalKind bits of the query's legal forms
	qLegal              bool     // the query carries a legal form
	// syllables: the query is written in Han characters, or in pinyin and
	// the name being scored in pinyin or Han: its words are syllables,
	// compared by their letters, never by sound (pinyin.go). With
	// pinyinState in what was padding, so the hot fields below keep
	// their place.
	syllables bool
	// pinyinState: 0 not yet known, 1 the query is written in pinyin, 2
	// it is not (pinyinQuery)
	pinyinState int8
	// romanisedName: the name being scored is nameRec.romanised
	romanisedName bool
	// chineseQ: the query is a Chinese name written in Wade-Giles or
	// Cantonese (chineseName), read by readChinese
	chineseQ bool
	hanChars int // its Han characters outside legal forms: syllables, even those normalising drops
	// generic: the query has no word of its own (isOwnWord), only a kind
	// of firm, a place and legal forms ("RUSSIAN COMPANY LLC").
	generic bool
	// qPlace: the query holds a place (queryPlace), which placesDiffer
	// needs before it reads any listed name
	qPlace     bool
	cands      []cand
	warmSink   int32 // what warm read
	heap       []cand
	entTouched []int32 // entries ranked, by their first name (nameAcc.ebest)
	best       []int32 // Match: the best name id of each reported entry
	ids        []int32 // vocabulary id of each of norm's tokens (lookupIDs)
	keyBuf     []byte
	skeyBuf    []byte
	qRunes     runeBuf   // the query token being prepared, as runes
	runs       []delSlot // its deletion neighbourhood's runs in Index.del
	// rec collects the setSim calls of one query word for tokenCache
	// while recording is set.
	rec       []simCall
	recording bool
	arena     wordArena // where the cache keeps what this scratch records
	// the query country's id (countryID) while country is the same
	country    string
	countryIx  int32
	countrySet bool
	// per-candidate alignment state
	al alignment
	// leftovers (alignLeftovers): the query tokens ready for tokenSim
	// (empty until first needed), and the similarities computed, in rows
	// of stride like sims, slotted by vocabulary id in lslot.
	lq       []simQuery
	lqRunes  []rune
	lslot    []int32
	lslotted []int32
	lsims    []float32
	// skel holds the consonant skeletons of the query's tokens, token i's
	// ending at skelEnd[i], once skelReady (conflict.go)
	skel      []byte
	skelEnd   [maxNameTokens]int32
	skelReady bool
}

type qpair struct {
	i int   // the pair is q[i], q[i+1]
	v int32 // the vocabulary id of their concatenation
}

// cand is a candidate name (or, while ranking, entry) and its evidence.
type cand struct {
	name int32
	acc  float32
}

// nameAcc is a name's gathered evidence beside what ranking reads of the
// name (nameRank, copied from the index): ranking a touched name then
// reads the cache line that gathering has just written. The record of an
// entry's first name also holds the entry's standing while candidates are
// ranked (ebest): usually on that same line, since an entry's names are
// numbered together, where a separate array per entry cost a cache miss
// per touched entry. 16 bytes, four to a line.
type nameAcc struct {
	acc float32
	nameRank
	// ebest, in the record of an entry's first name, is the entry's best
	// name's rank (always > 0; 0: untouched), negated when a name of the
	// entry is made only of what the query holds ("full").
	ebest float32
}

// entBest returns an entry's best rank and whether it is full (ebest).
func entBest(e float32) (best float32, full bool) {
	if e < 0 {
		return -e, true
	}
	return e, false
}

func newScratch(ix *Index) *scratch {
	acc := make([]nameAcc, len(ix.names))
	for n, r := range ix.rank {
		acc[n].nameRank = r
	}
	return &scratch{acc: acc, slot: make([]int32, len(ix.voc.text)), slotBits: make([]uint64, (len(ix.voc.text)+63)/64), lslot: make([]int32, len(ix.voc.text))}
}

func (s *scratch) reset() {
	for _, n := range s.touched {
		s.acc[n].acc = 0
	}
	clearSlots(s.slot, s.slotted)
	for _, v := range s.slotted {
		s.slotBits[v>>6] = 0
	}
	for _, e := range s.entTouched {
		s.acc[e].ebest = 0
	}
	s.entTouched = s.entTouched[:0]
	clearSlots(s.lslot, s.lslotted)
	s.lslotted, s.lsims, s.lq = s.lslotted[:0], s.lsims[:0], s.lq[:0]
	s.touched, s.slotted, s.sims, s.pairs, s.cands = s.touched[:0], s.slotted[:0], s.sims[:0], s.pairs[:0], s.cands[:0]
	s.skelReady, s.pinyinState = false, 0
	s.splitOn = false
}

// slotRow returns 1 + the row of vocabulary id v in a table of rows of
// stride similarities (sims), numbered by slot, adding a zero row at the
// end for an id that has none. The leftovers' similarities (lslot,
// lsims) are kept this way, and the query's (slot, sims) the same way by
// setSim, which asks slotBits first: only the ids a query meets get a
// row, and reset clears only those.
func slotRow(v int32, stride int, slot []int32, slotted *[]int32, sims *[]float32) int32 {
	r := slot[v]
	if r == 0 {
		*slotted = append(*slotted, v)
		r = int32(len(*slotted))
		slot[v] = r
		for range stride {
			*sims = append(*sims, 0)
		}
	}
	return r
}

// clearSlots unsets the slots of ids, the ids slotRow gave rows.
func clearSlots(slot, ids []int32) {
	for _, v := range ids {
		slot[v] = 0
	}
}

// setSim records that vocabulary id v is sim-similar to query token i.
//
// Whether v has a row is asked of slotBits, set exactly when slot is:
// a new id's slot is then only written, and slot (440 KB, rarely in
// cache) is read only for ids seen before in this call, whose slot was
// just written. Replaying a word's recorded calls waited on a cache miss
// per call before.
func (s *scratch) setSim(v int32, i int, sim float32) bool {
	var r int32
	if bit := uint64(1) << (v & 63); s.slotBits[v>>6]&bit == 0 {
		s.slotBits[v>>6] |= bit
		s.slotted = append(s.slotted, v)
		r = int32(len(s.slotted))
		s.slot[v] = r
		for range s.stride {
			s.sims = append(s.sims, 0)
		}
	} else {
		r = s.slot[v]
	}
	if s.recording {
		s.rec = append(s.rec, simCall{v, sim})
	}
	p := &s.sims[int(r-1)*s.stride+i]
	if sim <= 0 {
		if *p == 0 {
			*p = -1
		}
		return false
	}
	if sim <= *p {
		return false
	}
	*p = sim
	return true
}

// simOf returns the recorded similarity of vocabulary id v to query token
// i: 0 when not computed, -1 when computed and too far.
func (s *scratch) simOf(v int32, i int) float32 {
	if row := s.simRow(v); row >= 0 {
		return s.sims[row+i]
	}
	return 0
}

// simRow returns where the similarities of vocabulary id v to the query
// tokens start in s.sims, -1 when none was recorded.
func (s *scratch) simRow(v int32) int {
	if s.slotBits[v>>6]&(1<<(v&63)) == 0 {
		return -1
	}
	r := s.slot[v]
	if r == 0 {
		return -1
	}
	return int(r-1) * s.stride
}

// prepare normalises the query and finds, for each of its tokens, the
// vocabulary tokens similar to it (exact, one or two edits by deletion
// neighbourhood, same phonetic key), with their similarity.
//
// tc, when not nil, remembers each word's neighbours across calls: it must
// only ever be used with the same t.
func (ix *Index) prepare(s *scratch, name string, t *Tuning, tc *tokenCache) {
	nw := getNormWork()
	s.han = hasHan(name)
	if s.han {
		s.hanChars = countHanOutsideLegalForms(name)
	}
	s.norm = nw.normalise(name, s.norm.Tokens)
	putNormWork(nw)
	// Each token's vocabulary id, looked up once for splitLegalRunOn and
	// the loop below (the map is large: a probe is a cache miss).
	s.ids = ix.lookupIDs(s.ids[:0], s.norm.Tokens)
	// words run together with a legal form, a particle or a number, or
	// two words the lists write side by side (cutRunOns): read again
	// from the raw tokens with the space put back
	s.splitWords = s.splitWords[:0]
	if ix.hasUnknownWord(s.norm.Tokens, s.ids) {
		nw := getNormWork()
		if raw, ok := ix.cutRunOns(nw.splitTokens(nw.foldedText(name)), &s.rawCut, !personLike(s.norm.Tokens), &s.splitWords); ok {
			s.norm = nw.normaliseRaw(raw, s.norm.Tokens)
			s.ids = ix.lookupIDs(s.ids[:0], s.norm.Tokens)
		}
		putNormWork(nw)
	}
	if split := ix.splitLegalRunOn(s.norm.Tokens, s.ids); len(split) != len(s.norm.Tokens) {
		s.norm.Tokens = split
		s.ids = ix.lookupIDs(s.ids[:0], split)
	}
	// two words the lists know, written together (HassanSeifi)
	s.splittable = false
	if personLike(s.norm.Tokens) {
		if !s.splitOn {
			s.splittable = ix.hasRunTogether(s.norm.Tokens, s.ids)
		} else {
			// a word read as one (a particle dropped) keeps the length
			n := len(s.splitWords)
			if split := ix.splitRunTogether(s.norm.Tokens, s.ids, &s.splitWords); len(s.splitWords) > n {
				s.norm.Tokens = split
				s.ids = ix.lookupIDs(s.ids[:0], split)
			}
		}
	}
	// a firm's initials spelt by the letters' names (letternames.go)
	s.norm.Tokens = ix.readLetterNames(s.norm.Tokens, s.ids)
	toks := s.norm.Tokens
	if len(toks) > maxNameTokens {
		toks = toks[:maxNameTokens]
	}
	s.stride = max(1, len(toks))
	s.q = s.q[:0]
	s.qKinds, s.qLegal = 0, false
	for i, tk := range toks {
		id := s.ids[i]
		ok := id >= 0
		joinedID := int32(-1)
		if ok && ix.voc.joined[id] {
			// the query writes together two words a listed name writes
			// apart (Nirumandtumaj / NIRUMAND TUMAJ)
			joinedID, id = id, -1
		} else if !ok {
			id = -1
		}
		w := ix.idfUnknown
		switch {
		case tk.Kind == TokLegal:
			w = float32(t.LegalWeight)
		case tk.Kind == TokInitial:
			w = float32(t.InitialWeight)
		case id >= 0:
			w = ix.voc.idf[id]
		}
		if tk.Kind == TokWord && isPatronymic(tk.Text) {
			w *= float32(t.Patronymic)
		}
		s.q = append(s.q, qtok{text: tk.Text, kind: tk.Kind, id: id, w: w, abbr: tk.Kind == TokWord && isAbbreviation(tk.Text)})
		if tk.Kind == TokLegal {
			s.qKinds |= legalKind(tk.Text)
			s.qLegal = true
		}
		if tk.Kind == TokLegal || tk.Kind == TokInitial {
			continue
		}
		if id >= 0 {
			s.setSim(id, i, 1)
		}
		if joinedID >= 0 {
			s.setSim(joinedID, i, float32(t.JoinSim))
		}
		if tk.Kind != TokWord {
			continue // numbers match only exactly
		}
		if calls, ok := tc.get(tk.Text, id); ok {
			for _, c := range calls {
				s.setSim(c.v, i, c.sim)
			}
			continue
		}
		s.rec, s.recording = s.rec[:0], tc != nil
		ix.wordNeighbours(s, i, tk.Text, id, t)
		if s.recording {
			tc.put(tk.Text, s.rec, &s.arena)
			s.recording = false
		}
	}
	s.chineseQ, s.hzPairs = false, s.hzPairs[:0]
	if !s.qLegal {
		ix.readChinese(s, t, hyphenatedName(name))
	}
	s.generic = len(s.q) > 0
	for i := range s.q {
		if s.queryOwnWord(i) {
			s.generic = false
			break
		}
	}
	s.qPlace = false
	for i := range s.q {
		if s.q[i].kind == TokWord && s.queryPlace(i) {
			s.qPlace = true
			break
		}
	}
	s.qAll, s.qInitials = s.qAll[:0], s.qInitials[:0]
	for i := range s.q {
		s.qAll = append(s.qAll, int8(i))
		if s.q[i].kind == TokInitial {
			s.qInitials = append(s.qInitials, int8(i))
		}
	}
	for i := 0; i+1 < len(s.q); i++ {
		a, b := s.q[i], s.q[i+1]
		if a.kind != TokWord || b.kind != TokWord {
			continue
		}
		if !ix.pairWords.mayHave(a.text, b.text) {
			continue
		}
		s.keyBuf = append(append(s.keyBuf[:0], a.text...), b.text...)
		// Only a listed word: a joined-only entry stands for names that
		// write the two words apart, which the words themselves gather.
		if v, ok := ix.voc.ids[string(s.keyBuf)]; ok && !ix.voc.joined[v] {
			s.pairs = append(s.pairs, qpair{i: i, v: v})
		}
	}
}

// wordNeighbours records the vocabulary words similar to query word i
// (text, vocabulary id or -1) other than itself: the same spelling key,
// one or two edits away by the deletion neighbourhood, the same phonetic
// key. What it records depends on the text alone, never on the rest of the
// query: tokenCache relies on that.
func (ix *Index) wordNeighbours(s *scratch, i int, text string, id int32, t *Tuning) {
	if id >= 0 {
		for _, v := range ix.wordPairs[id] {
			s.setSim(v, i, float32(t.SpellingKeySim))
		}
	}
	s.skeyBuf = spellingKeyOf(s.skeyBuf[:0], text)
	if len(s.skeyBuf) > 0 {
		for _, v := range ix.skeys[string(s.skeyBuf)] {
			if v != id {
				s.setSim(v, i, float32(t.SpellingKeySim))
			}
		}
	}
	// a listed Chinese person's word romanised by Wade-Giles or Cantonese
	// that reads as this pinyin word (wadegiles.go)
	for _, v := range ix.hkeys[text] {
		if v != id {
			s.setSim(v, i, float32(t.SpellingKeySim))
		}
	}
	for _, o := range queryOrigins {
		if s.skeyBuf = romanKeyOf(s.skeyBuf[:0], o, text, false); len(s.skeyBuf) > 0 {
			for _, v := range ix.rkeys[string(s.skeyBuf)] {
				if v != id {
					s.setSim(v, i, float32(t.SpellingKeySim))
				}
			}
		}
	}
	s.keyBuf = phoneticKey(s.keyBuf[:0], text)
	sq := simQuery{text: text, runes: toRunes(&s.qRunes, text), key: -1, keyLen: len(s.keyBuf), short: runeLen(text) < minDelLen, whole: wholeASCII(text)}
	if len(s.keyBuf) >= 2 {
		if kid, ok := ix.keyIDs[string(s.keyBuf)]; ok {
			sq.key = kid
		}
	}
	visit := func(v int32) {
		if v != id && s.simOf(v, i) == 0 {
			// Too-far tokens are marked -1, so the other deletion
			// probes that reach them do not compute them again.
			s.setSim(v, i, ix.tokenSim(&sq, v, t))
		}
	}
	if len(text) >= minDelLen {
		s.runs = ix.delAt.appendRuns(s.runs[:0], text)
		for _, r := range s.runs {
			for _, v := range ix.del[r.start : r.start+r.n] {
				visit(v)
			}
		}
	}
	if sq.key >= 0 {
		vs := ix.keyVoc[sq.key]
		if len(vs) > t.MaxKeyNeighbours {
			vs = vs[:0] // a key this common says nothing
		}
		for _, v := range vs {
			visit(v)
		}
	}
}

// gather adds each query token's similar vocabulary tokens' postings to the
// per-name evidence and returns the touched names of the t.Candidates
// entries with the most evidence.
func (ix *Index) gather(s *scratch, t *Tuning) []cand {
	// Common tokens gather only when the query has something rarer: a
	// word of its own that is rare in the lists, or one they do not know
	// with a rare neighbour. A rare neighbour of a common word (hang for
	// hong) does not count, or "Li Wei Hong" would gather on it alone.
	// (IDFs are read from postRun, which the loops below read next: one
	// cache miss per similar token, not two.)
	rare := false
	for i := range s.q {
		if q := &s.q[i]; q.kind != TokLegal && q.id >= 0 && ix.postRun[q.id].idf >= ix.idfCommon {
			rare = true
			break
		}
	}
	for r, v := range s.slotted {
		if rare {
			break
		}
		if ix.postRun[v].idf < ix.idfCommon {
			continue
		}
		for i, sim := range s.sims[r*s.stride : (r+1)*s.stride] {
			if sim > 0 && s.q[i].id < 0 && s.q[i].kind == TokWord {
				rare = true
				break
			}
		}
	}
	s.qcap = s.qcap[:0]
	for i := range s.q {
		c := float32(math.MaxFloat32)
		if q := &s.q[i]; q.id >= 0 {
			c = ix.postRun[q.id].idf
		}
		s.qcap = append(s.qcap, c)
	}
	for r, v := range s.slotted {
		pr := ix.postRun[v]
		w := pr.idf
		if rare && w < ix.idfCommon {
			continue
		}
		add := rowEvidence(s.sims[r*s.stride:(r+1)*s.stride], s.qcap, w)
		if add <= 0 {
			continue // computed and too far from every query token
		}
		s.touched = addPostings(s.acc, s.touched, ix.postingsOf(pr), add)
	}
	if rare {
		// Common tokens add to the names the rare ones found, so that
		// "Muhammad Saeed" outranks "Saeed Ahmed" for "SAEED, Muhammad",
		// but reach no name of their own.
		for r, v := range s.slotted {
			pr := ix.postRun[v]
			w := pr.idf
			if w >= ix.idfCommon {
				continue
			}
			add := rowEvidence(s.sims[r*s.stride:(r+1)*s.stride], s.qcap, w)
			if add <= 0 {
				continue
			}
			for _, n := range ix.postingsOf(pr) {
				if a := &s.acc[n]; a.acc > 0 {
					a.acc += add
				}
			}
		}
	}
	for _, p := range s.pairs {
		pr := ix.postRun[p.v]
		w := pr.idf
		s.touched = addPostings(s.acc, s.touched, ix.postingsOf(pr), w)
	}
	// Rank entries by their best name's evidence, so that an entry with
	// twenty aliases, or republished on three lists, takes one place among
	// the candidates, not twenty. The best t.Candidates are kept sorted,
	// worst first (keepTop): no full sort.
	heap := s.heap[:0]
	s.entTouched = rankEntries(s.acc, s.touched, s.entTouched, float32(t.CandidateGap))
	// Entries are ranked by their first name's id, which orders them as
	// their entry ids do.
	k := t.Candidates
	for _, e := range s.entTouched {
		best, _ := entBest(s.acc[e].ebest)
		if c := (cand{e, best}); len(heap) < k || candLess(heap[0], c) {
			heap = keepTop(heap, c, k)
		}
	}
	if len(heap) == t.Candidates && s.acc[heap[0].name].ebest < 0 && allTied(heap) {
		// Never cut a tie at the top of names made only of what the
		// query holds: the same name on thirty entries is reported
		// thirty times. Up to maxTied entries in all.
		last := heap[0].acc
		inHeap := make(map[int32]bool, len(heap))
		for _, c := range heap {
			inHeap[c.name] = true
		}
		for _, e := range s.entTouched {
			if len(heap) >= maxTied {
				break
			}
			if best, full := entBest(s.acc[e].ebest); best == last && full && !inHeap[e] {
				heap = append(heap, cand{e, last})
			}
		}
	} else if len(heap) == t.Candidates {
		// slots of the query's rarest word's own (reserve.go)
		heap = ix.reserveRare(s, heap, t)
	}
	sortCandsDesc(heap)
	for _, c := range heap {
		// The entry's names follow its first one, and name the same first
		// name: the records read for acc tell where the entry ends.
		for n := c.name; n < int32(len(s.acc)) && s.acc[n].first == c.name; n++ {
			if acc := s.acc[n].acc; acc > 0 {
				s.cands = append(s.cands, cand{n, acc})
			}
		}
	}
	s.heap = heap
	return s.cands
}

// addPostings adds add to the evidence of every name in posts and returns
// touched with the names it reached first appended. Without a branch on
// the evidence read: each name is written at the end of touched, which
// then grows by one only if the name was untouched. A branch that guessed
// wrong at every other name held back the independent reads of acc that
// the processor could otherwise overlap.
func addPostings(acc []nameAcc, touched, posts []int32, add float32) []int32 {
	touched = slices.Grow(touched, len(posts))
	k := len(touched)
	buf := touched[:k+len(posts)]
	for _, n := range posts {
		a := &acc[n]
		buf[k] = n
		k += b2i(a.acc == 0)
		a.acc += add
	}
	return touched[:k]
}

// rankEntries records in the first name's record of each touched name's
// entry (nameAcc.ebest) the entry's best rank so far, negated when one of
// its names is made only of what the query holds, and returns entTouched
// with the entries it reached first appended.
//
// A name's rank is its evidence less gap times its weight that gathered
// nothing, kept positive, since 0 marks an untouched entry. Without a
// branch on what is read: whether the entry was untouched and whether the
// name is full went either way from one name to the next, and each wrong
// guess held back the reads of the names after it (the same reasoning as
// addPostings). The values are those of the branching code: the max, the
// sign set by a bit and the length grown by 0 or 1.
func rankEntries(acc []nameAcc, touched, entTouched []int32, gap float32) []int32 {
	entTouched = slices.Grow(entTouched, len(touched))
	k := len(entTouched)
	buf := entTouched[:k+len(touched)]
	for _, n := range touched {
		nr := &acc[n]
		a, w, first := nr.acc, nr.w, nr.first
		rank := max(a-gap*max(0, w-a), 1e-6)
		es := &acc[first]
		// |ebest| is the best so far, its sign bit says full; a name made
		// only of what the query holds (a >= w) makes the entry full. On
		// their bits: positive floats order as their bits do, and the
		// read, the max and the write back are what a run of names of
		// one entry waits on in turn, so they are integer operations.
		// ebest is never -0 (a rank is positive): 0 bits are untouched.
		e := math.Float32bits(es.ebest)
		buf[k] = first
		k += b2i(e == 0)
		full := e&(1<<31) | uint32(b2i(a >= w))<<31
		es.ebest = math.Float32frombits(max(e&^(1<<31), math.Float32bits(rank)) | full)
	}
	return entTouched[:k]
}

// keepTop adds c to top, the best k candidates so far sorted worst
// first, unless k better ones are there, and returns it: top[0] is the
// least kept, where gather cuts. The set kept is the one a heap keeps
// (candLess is a total order); a heap moved candidates down by half a
// dozen comparisons that went either way, each a likely misprediction,
// where this shifts a few records in a predictable loop and leaves them
// in order for sortCandsDesc.
func keepTop(top []cand, c cand, k int) []cand {
	if len(top) < k {
		top = append(top, c)
		for j := len(top) - 1; j > 0 && candLess(top[j], top[j-1]); j-- {
			top[j], top[j-1] = top[j-1], top[j]
		}
		return top
	}
	if !candLess(top[0], c) {
		return top
	}
	p := 0
	for p+1 < len(top) && candLess(top[p+1], c) {
		top[p] = top[p+1]
		p++
	}
	top[p] = c
	return top
}

// sortCandsDesc sorts candidates best first (candLess, a total order, so
// the result is the one any sort gives), without a comparison callback:
// insertion sort, worst first, then reversed. The candidates come sorted
// worst first (keepTop) with the entries gather or reserveRare added
// after them, so few move.
func sortCandsDesc(h []cand) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && candLess(h[j], h[j-1]); j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
	slices.Reverse(h)
}

// candLess orders candidates by evidence, then by id (larger id is less),
// so the selection is deterministic.
func candLess(a, b cand) bool {
	if a.acc != b.acc {
		return a.acc < b.acc
	}
	return a.name > b.name
}

// rowEvidence is what a listed token with IDF w, whose similarities to
// the query's tokens are r, gathers: its best similarity times its IDF,
// the IDF bounded by the query token's own (qcap). A rare respelling of a
// common query word is evidence for that word, no more: without the bound
// "ABED AL RAHMAAN" (abed 7.7, rahmaan 10.2) outranked every listed
// "Abdur Rehman" (abd 3.7, rahman 5.1) for that very query, and the
// candidates filled with respellings while the exact name was cut.
func rowEvidence(r, qcap []float32, w float32) float32 {
	m := float32(0)
	for i, x := range r {
		m = max(m, x*min(w, qcap[i]))
	}
	return m
}

// allTied reports whether every candidate has the same evidence.
func allTied(h []cand) bool {
	for _, c := range h[1:] {
		if c.acc != h[0].acc {
			return false
		}
	}
	return true
}

// maxTied bounds the candidate entries a tie at the cut may bring in.
const maxTied = 256

// legalAbbrevs are the short written legal forms a clerk runs into the
// next word ("NPOMashinostroyeniya", "INTERNATIONALPVT LTD"), with their
// classes; a form that ends another comes after it (OJSC before JSC:
// "BIOTECHPROMOJSC" is biotechprom + OJSC).
var legalAbbrevs = []struct{ text, class string }{
	{"npo", formSOE}, {"npp", formSOE}, {"ooo", formLLC}, {"oao", formJSC}, {"zao", formJSC},
	{"pao", formJSC}, {"ojsc", formJSC}, {"pjsc", formJSC}, {"cjsc", formJSC}, {"jsc", formJSC}, {"llc", formLLC}, {"ltd", formLLC}, {"pvt", formLLC},
	{"gmbh", formLLC}, {"inc", formCorp}, {"corp", formCorp},
}

// lookupIDs appends the vocabulary id of each token (-1: none; a joined
// entry's id too) to dst.
func (ix *Index) lookupIDs(dst []int32, toks []Token) []int32 {
	for _, tk := range toks {
		id, ok := ix.voc.ids[tk.Text]
		if !ok {
			id = -1
		}
		dst = append(dst, id)
	}
	return dst
}

// splitLegalRunOn splits a query word the lists do not know into a legal
// form and a word they do know, when it is one run into the other
// ("npomashinostroyeniya" → npo + mashinostroyeniya). ids holds the
// tokens' vocabulary ids (lookupIDs). It returns toks itself when nothing
// needs splitting, and otherwise a slice one token longer.
func (ix *Index) splitLegalRunOn(toks []Token, ids []int32) []Token {
	split := -1
	var cls, rest string
	before := false
	for i, tk := range toks {
		if tk.Kind != TokWord || len(tk.Text) < 7 {
			continue
		}
		if ids[i] >= 0 {
			continue
		}
		for _, a := range legalAbbrevs {
			if r, ok := strings.CutPrefix(tk.Text, a.text); ok && ix.knownWord(r) {
				split, cls, rest, before = i, a.class, r, true
				break
			}
			if r, ok := strings.CutSuffix(tk.Text, a.text); ok && ix.knownWord(r) {
				split, cls, rest, before = i, a.class, r, false
				break
			}
		}
		if split >= 0 {
			break // one per name: a clerk's slip, not a pattern
		}
	}
	if split < 0 {
		return toks
	}
	legal, word := Token{Text: cls, Kind: TokLegal}, Token{Text: rest, Kind: TokWord}
	out := make([]Token, 0, len(toks)+1)
	out = append(out, toks[:split]...)
	if before {
		out = append(out, legal, word)
	} else {
		out = append(out, word, legal)
	}
	return append(out, toks[split+1:]...)
}

// splitRunTogether splits each query word the lists do not know into two
// words they do know, when it is the two written together: "HassanSeifi",
// "ElenaBorisovna SHUMILOVA", "Stark IndustriesSolutions Ltd.", as
// clerks and systems that drop spaces write them. The lists' own joined
// pairs (Nirumandtumaj / NIRUMAND TUMAJ) are found as vocabulary words
// already; this reads a join the lists never wrote, and the parts take
// their standard spellings (nameCanon: Hossein → husayn) as the listed
// words do, which a joined pair of the lists' spellings would miss. Each
// part has four letters or more and is a word of the lists (knownWord);
// where several cuts give two known words, the one whose rarer part is
// rarest wins. A particle run into a listed word (ElPocho, Abdallahal) is
// read as the word alone (twoKnownWords). note gets one "word part part"
// line per split. It returns toks itself when nothing is split.
func (ix *Index) splitRunTogether(toks []Token, ids []int32, note *[]string) []Token {
	var out []Token
	for i, tk := range toks {
		a, b, ok := ix.twoKnownWords(tk, ids[i])
		if !ok {
			if out != nil {
				out = append(out, tk)
			}
			continue
		}
		if out == nil {
			out = make([]Token, 0, len(toks)+2)
			out = append(out, toks[:i]...)
		}
		out = append(out, Token{Text: a, Kind: TokWord})
		if b != "" {
			out = append(out, Token{Text: b, Kind: TokWord})
		} else {
			b = "(a particle dropped)"
		}
		*note = append(*note, tk.Text+" "+a+" "+b)
	}
	if out == nil {
		return toks
	}
	return out
}

// hasRunTogether reports whether splitRunTogether would split a word of
// toks.
func (ix *Index) hasRunTogether(toks []Token, ids []int32) bool {
	for i, tk := range toks {
		if _, _, ok := ix.twoKnownWords(tk, ids[i]); ok {
			return true
		}
	}
	return false
}

// personLike reports whether a name may be a person's: no legal form, no
// word organisation names are made of, no number. Firms run words
// together on purpose (OCEANFIRST, LiveWire, GLOBALINK), and read apart
// they matched other firms' words (FIRST OCEAN GMBH 0.998); a person's
// name run together is a slip.
func personLike(toks []Token) bool {
	for _, tk := range toks {
		if tk.Kind == TokLegal || tk.Kind == TokNumber || tk.Kind == TokWord && orgWordCanon[tk.Text] {
			return false
		}
	}
	return true
}

// minRunTogether is the shortest query word splitRunTogether cuts: two
// parts of four letters or more.
const minRunTogether = 8

// minParticleRunOn is the shortest query word twoKnownWords reads as a
// particle and a listed word: two letters and four.
const minParticleRunOn = 6

// twoKnownWords returns the two words of the lists query word tk (with
// vocabulary id id) is written together of, if it is (splitRunTogether),
// or else, with "" for the second, the word of the lists it is with a
// particle of two or three letters run into its start or end: a person's
// article run into the name (El Pocho, Abdallah al-Jazairi). The split
// reading is the other reading, so names that are written that way
// (Labolo, Alayan) keep theirs.
func (ix *Index) twoKnownWords(tk Token, id int32) (string, string, bool) {
	w := tk.Text
	if tk.Kind != TokWord || id >= 0 || len(w) < minParticleRunOn || !isASCII(w) {
		return "", "", false
	}
	var ba, bb string
	best := float32(-1)
	for k := 4; k <= len(w)-4 && len(w) >= minRunTogether; k++ {
		a, b := canonPart(w[:k]), canonPart(w[k:])
		if !ix.knownWord(a) || !ix.knownWord(b) {
			continue
		}
		if r := min(ix.voc.idf[ix.voc.ids[a]], ix.voc.idf[ix.voc.ids[b]]); r > best {
			ba, bb, best = a, b, r
		}
	}
	if best >= 0 {
		return ba, bb, true
	}
	// a particle run into a listed name (ElPocho, Abdallahal): the name
	// alone, the particle dropped as the normaliser drops it
	for k := 2; k <= 3 && k <= len(w)-4; k++ {
		if a, b := w[:k], canonPart(w[k:]); particleSet[a] && ix.knownWord(b) {
			return b, "", true
		}
		if a, b := canonPart(w[:len(w)-k]), w[len(w)-k:]; trailingArticles[b] && ix.knownWord(a) {
			return a, "", true
		}
	}
	return "", "", false
}

// trailingArticles are the particles read at a word's end: the Arabic
// article of the next word run onto the one before it ("Abdallahal-
// Jazairi"). Other short particles end words as endings do: Spanish and
// French plurals (Componentes is not component + es), Slavic and Latin
// cases (-de, -da, -la, -in).
var trailingArticles = map[string]bool{"al": true, "el": true, "ul": true}

// canonPart is a word's standard spelling as the normaliser gives it
// (nameCanon), or the word.
func canonPart(w string) string {
	if c, ok := nameCanon[w]; ok {
		return c
	}
	return w
}

// knownWord reports whether w is a word of the lists (not only two words
// written together).
func (ix *Index) knownWord(w string) bool {
	id, ok := ix.voc.ids[w]
	return ok && len(w) >= 4 && !ix.voc.joined[id] && ix.voc.kind[id] == TokWord
}

// minRunOn is the shortest raw word cutRunOns cuts.
const minRunOn = 5

// hasUnknownWord reports whether a word of toks (vocabulary ids ids) is one
// the lists do not know that cutRunOns might cut: only then does prepare
// read the raw tokens again, most unknown words having no legal form's
// word, particle or number in them.
func (ix *Index) hasUnknownWord(toks []Token, ids []int32) bool {
	for i, tk := range toks {
		if (ids[i] < 0 || ix.voc.joined[ids[i]]) && tk.Kind == TokWord && mayRunOn(tk.Text) {
			return true
		}
	}
	return false
}

// mayRunOn reports whether word w may have a part cutRunOns cuts off: a
// legal form's word or a particle at either end, a number, or the length
// of two listed words (a slip of a legal form's long word among them).
func mayRunOn(w string) bool {
	if len(w) < minRunOn {
		return false
	}
	if len(w) >= minListedRunOn || digitBoundary(w) > 0 {
		return true
	}
	// no more than runOnCut may cut: a legal form's word of minLegalPart
	// letters, a particle at the start, a word's particle at the end
	for k := 2; k <= len(w)-2; k++ {
		a, b := w[:k], w[k:]
		if particleSet[a] || particleSet[b] && len(b) >= minWordParticle ||
			legalWords[a] && len(a) >= minLegalPart || legalWords[b] && len(b) >= minLegalPart {
			return true
		}
	}
	return false
}

// cutRunOns puts back the space a clerk left out of a raw query word (step
// 4's tokens) the lists do not know, when the evidence says it is a slip
// of spacing and not a brand, in this order:
//
//   - a legal form's word run into a word or into another of its words
//     ("LIMITEDLIABILITY COMPANY ALIS", "UNITED AIRCRAFTCORPORATION",
//     "LAKOKRASKAOPEN JOINT-STOCK COMPANY"): the part then completes a
//     legal form with its neighbours, and the other part is a word of the
//     lists, a number or a legal form's word too (minLegalPart,
//     minOneWordForm: the short words and abbreviations end brands,
//     StoneCo, NIOCORP);
//   - a number run into a word of the lists ("PEGASUS88 LIMITED");
//   - a particle run into a word of the lists of four letters or more,
//     where it connects two words ("MUJAHIDIN OFWESTERN INDONESIA"), or
//     a particle of words ("GENERAL ARMAMENTDEPARTMENT");
//   - when firms is set (a name that is not a person's: persons have
//     splitRunTogether's reading both ways), two words of the lists that a
//     listed name writes side by side, in their standard spellings
//     ("Stark IndustriesSolutions Ltd." / Stark Industries Solutions:
//     industrial+solutions is a joined pair of the index), the word
//     twelve letters or longer (minListedRunOn). A brand written together
//     (OceanFirst, LiveWire, Startech) is shorter and stays whole.
//
// A legal form, a particle or a number run into a word is not how firms
// write brands; two plain words are, hence the listed pair. firms says the
// name is not a person's (personLike); buf holds the cut tokens; note gets
// one "word part part" line per cut. It reports whether a word was cut.
func (ix *Index) cutRunOns(raw []string, buf *[]string, firms bool, note *[]string) ([]string, bool) {
	cut := false
	out := (*buf)[:0]
	for i, r := range raw {
		k := -1
		if ix.mayCut(r) {
			k = ix.runOnCut(raw, i, firms)
		}
		if k < 0 {
			out = append(out, r)
			continue
		}
		out = append(out, r[:k], r[k:])
		*note = append(*note, r+" "+r[:k]+" "+r[k:])
		cut = true
	}
	*buf = out
	return out, cut
}

// mayCut reports whether raw word r is one cutRunOns may cut: long enough,
// Latin letters and digits, and nothing the normaliser or the lists read
// as it is (a word of the lists, a legal form's word or a slip of one, a
// particle, a given name's spelling, an organisation word, a joined
// particle).
func (ix *Index) mayCut(r string) bool {
	if len(r) < minRunOn || !isASCII(r) || legalWords[r] || particleSet[r] {
		return false
	}
	if id, ok := ix.voc.ids[r]; ok && !ix.voc.joined[id] {
		return false
	}
	if _, ok := nameCanon[r]; ok {
		return false
	}
	if n, _ := orgPhrases.match([]string{r}); n > 0 {
		return false
	}
	if _, _, ok := splitJoinedParticle(r); ok {
		return false
	}
	return fixLegalSlip(r) == r
}

// runOnCut returns where raw word i is cut (cutRunOns), or -1.
func (ix *Index) runOnCut(raw []string, i int, firms bool) int {
	r := raw[i]
	for _, slips := range []bool{false, true} {
		for k := 2; k <= len(r)-2; k++ {
			if ix.legalRunOn(raw, i, k, slips) {
				return k
			}
		}
	}
	if id, ok := ix.voc.ids[r]; ok && ix.voc.joined[id] {
		// two listed words written together: the scorer reads the
		// join as such (JoinSim)
		return -1
	}
	if k := digitBoundary(r); k > 0 {
		a, b := r[:k], r[k:]
		if isDigits(a) && ix.listedWord(b, 3) || isDigits(b) && ix.listedWord(a, 3) {
			return k
		}
	}
	// A particle of words (department, branch, office) is not how a name
	// begins or ends; a short one (al, de, in) is, in brands (Alector,
	// Interra, Forafric) and persons' names (Labolo) alike, so it is cut
	// off only as the start of a word that follows another, where it
	// connects two words, and then in a firm's name, or in any name if it
	// is an English connecting word (OFWESTERN, OFRUSSIA), which no name
	// begins with.
	before := i > 0 && plainRaw(raw[i-1])
	for k := 2; k <= len(r)-2; k++ {
		a, b := r[:k], r[k:]
		if particleSet[a] && ix.listedWord(b, 4) && (len(a) >= minWordParticle || before && (firms || connectives[a])) ||
			particleSet[b] && len(b) >= minWordParticle && ix.listedWord(a, 4) {
			return k
		}
	}
	if !firms || len(r) < minListedRunOn {
		return -1
	}
	for k := 4; k <= len(r)-4; k++ {
		a, b := rawCanon(r[:k]), rawCanon(r[k:])
		if !ix.listedWord(a, 4) || !ix.listedWord(b, 4) {
			continue
		}
		if id, ok := ix.voc.ids[a+b]; ok && ix.voc.joined[id] {
			return k
		}
	}
	return -1
}

// legalRunOn reports whether cutting raw word i at k gives a legal form's
// word that completes a legal form where it stands, the other part being
// a word of the lists, a number or a legal form's word (cutRunOns); with
// slips, a part may be a legal form's long word with a slip of the pen.
func (ix *Index) legalRunOn(raw []string, i, k int, slips bool) bool {
	r := raw[i]
	a, b := r[:k], r[k:]
	if slips {
		a, b = legalPart(a), legalPart(b)
	}
	la, lb := legalWords[a] && len(a) >= minLegalPart, legalWords[b] && len(b) >= minLegalPart
	if !la && !lb {
		return false
	}
	other := func(p string, legal bool) bool {
		if legal || isDigits(p) {
			return true
		}
		id, ok := ix.voc.ids[p]
		return ok && !ix.voc.joined[id]
	}
	if !other(a, la) || !other(b, lb) {
		return false
	}
	// the raw tokens around the cut, with the cut made
	lo, hi := max(0, i-maxLegalWords+1), min(len(raw), i+maxLegalWords)
	var win [2*maxLegalWords + 1]string
	n := 0
	for j := lo; j < hi; j++ {
		if j == i {
			win[n], win[n+1] = a, b
			n += 2
			continue
		}
		win[n] = fixLegalSlip(raw[j])
		n++
	}
	at := i - lo // a's place in win; b's is at+1
	for j := 0; j < n; j++ {
		m, _ := matchLegalPhrase(win[j:n])
		if m == 0 || j > at+1 || j+m <= at {
			continue
		}
		if m >= 2 || len(win[j]) >= minOneWordForm {
			return true // a phrase over a or b, or a long one-word form
		}
	}
	return false
}

// minLegalPart is the shortest legal form's word legalRunOn cuts off:
// the short ones (co, sa, ag, ao) end and begin brands (StoneCo) and
// names, and splitLegalRunOn reads the common abbreviations where the
// rest is a listed word.
const minLegalPart = 4

// legalPart is part p of a cut word with a slip of a legal form's long
// word fixed (OTVETSVENNOSTYU).
func legalPart(p string) string {
	if len(p) >= minSlipLen {
		return fixLegalSlip(p)
	}
	return p
}

// minOneWordForm is the shortest legal form of one word legalRunOn cuts
// off (company, limited): the abbreviations (corp, gmbh) end brands
// (NIOCORP), and splitLegalRunOn reads them where the rest is a listed
// word.
const minOneWordForm = 6

// minListedRunOn is the shortest run-on word runOnCut cuts into two
// plain words a listed name writes side by side: brands written together
// are short coinages (OceanFirst, Startech, GreenPower, Globalstar: ten
// letters or fewer; cut, "Startech Global Ltd." came near GLOBAL STAR), a
// slip of spacing joins a name's words whatever their length
// (IndustriesSolutions, BrosOverseas).
const minListedRunOn = 12

// connectives are the English words that join the words of a name (Bank
// of China, Trade and Development, Fund for Peace).
var connectives = map[string]bool{"of": true, "and": true, "for": true, "the": true}

// minWordParticle is the length from which a particle is a word's
// (department, branch, office), not a name's (al, del, bin).
const minWordParticle = 5

// plainRaw reports whether raw token t is a word of a name: not a legal
// form's word, a particle or a number.
func plainRaw(t string) bool {
	return !legalWords[t] && !particleSet[t] && !isDigits(t)
}

// maxLegalWords bounds the words of a legal-form phrase legalRunOn looks
// across.
const maxLegalWords = 8

// digitBoundary returns the one place raw word r changes between letters
// and digits, or 0 if it changes at none or at more than one.
func digitBoundary(r string) int {
	k := 0
	for j := 1; j < len(r); j++ {
		if isDigitByte(r[j]) != isDigitByte(r[j-1]) {
			if k > 0 {
				return 0
			}
			k = j
		}
	}
	return k
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for j := 0; j < len(s); j++ {
		if !isDigitByte(s[j]) {
			return false
		}
	}
	return s != ""
}

// rawCanon is a raw word's standard spelling as step 5 gives it alone: an
// organisation word's canonical word (industries → industrial) or a given
// name's (nameCanon), else the word.
func rawCanon(w string) string {
	if n, words := orgPhrases.match([]string{w}); n == 1 && !strings.Contains(words, " ") {
		return words
	}
	if c, ok := nameCanon[w]; ok {
		return c
	}
	if c := canonNameSlip(w); c != "" {
		return c // read through a slip, as step 5 reads it (MACHINRY)
	}
	return w
}

// listedWord reports whether w is a word of the lists (not only two words
// written together) of minLen letters or more, as written or in its
// standard spelling.
func (ix *Index) listedWord(w string, minLen int) bool {
	if len(w) < minLen {
		return false
	}
	id, ok := ix.voc.ids[rawCanon(w)]
	return ok && !ix.voc.joined[id] && ix.voc.kind[id] == TokWord
}
