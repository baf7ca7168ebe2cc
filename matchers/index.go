package matchers

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dualscreen/dualscreen/lists"
)

// Index is the immutable candidate index over list entries: every name
// variant normalised once, its tokens interned to int32 ids, and three ways
// from a query token to the vocabulary (exact, deletion neighbourhood for
// typos, phonetic key for transliteration variants), then postings from
// vocabulary to names. It is safe for concurrent use.
type Index struct {
	entries []*lists.Entry
	names   []nameRec
	// rank[n] is what ranking candidates reads of name n, apart from
	// names: the touched names are read at random, eight to a cache line.
	rank []nameRank
	// entryFirst[e] is the first name of entry e; its names run to
	// entryFirst[e+1].
	entryFirst []int32
	toks       []int32 // token ids of every name, name after name
	// ntok is toks with what the scorer reads of each token (nametok.go).
	ntok []nameTok
	voc  vocabulary
	post [][]int32 // vocabulary id → name ids, ascending, while building
	// postings holds every vocabulary id's name ids, ascending, one run
	// after the other; postRun[v] says where v's run is and holds v's
	// IDF: gathering reads one 12-byte record per similar token, where
	// a slice header and the IDF from two arrays cost two cache misses.
	postings []int32
	postRun  []postRun
	del      []int32  // vocabulary ids of the deletion neighbourhood, grouped by hash
	delAt    delTable // hash → its run in del
	// keyIDs: phonetic key (phoneticKey, two bytes or more) → its id;
	// keyVoc[id] holds the vocabulary ids with that key.
	keyIDs map[string]int32
	keyVoc [][]int32
	// skeys: spelling key (spellingKey) → vocabulary ids, for spellings
	// of one word more than two edits apart (Inttraffic / Inttrafik).
	skeys map[string][]int32
	// rkeys: romanisation key under one origin (romanKeyOf) → vocabulary
	// ids of the listed words of that origin (romankeys.go).
	rkeys map[string][]int32
	// hkeys: a pinyin word → vocabulary ids of the words of listed
	// Chinese persons' names romanised by Wade-Giles or Cantonese that
	// read as it (wadegiles.go).
	hkeys map[string][]int32
	// sim and runes: what tokenSim needs of each vocabulary token
	// (tokensim.go).
	sim   []simTok
	runes []rune
	// tlen is each vocabulary token's length in bytes, 255 for that long
	// or longer: the scorer's joined-word check reads it, 111 KB that stay
	// in cache, before any text.
	tlen []uint8
	// first is each vocabulary token's first byte (0 for none): what the
	// words left over are first compared by (alignLeftovers), read from a
	// dense array that stays in cache rather than from sim's records.
	first []uint8
	// wordPairs: vocabulary id → the words the lists write for it, as
	// acronyms of two languages (wordpairs.go) or spellings of one word
	// (spellpairs.go).
	wordPairs map[int32][]int32
	// spellPairs: vocabulary id → the words the lists spell for it, as
	// two romanisations of one name word (spellpairs.go).
	spellPairs map[int32][]int32
	// pairWords screens two query words written together before voc.ids
	// is asked (wordfilter.go).
	pairWords wordFilter
	// idfUnknown weighs a query token the lists never use: as rare as a
	// token seen once.
	idfUnknown float32
	// idfCommon: tokens below it (in more than commonShare of all names)
	// are not used to gather candidates while the query has rarer ones.
	idfCommon float32

	// countries holds each entry's countries as ids (countries.go).
	countries countryIndex

	scratch sync.Pool
}

// postRun is a vocabulary id's run of postings and its IDF.
type postRun struct {
	at, n uint32
	idf   float32
}

// postingsOf returns the names of a vocabulary id's run of postings.
func (ix *Index) postingsOf(r postRun) []int32 { return ix.postings[r.at : r.at+r.n] }

// nameRank is a name's weight (nameRec) and the first name of its entry,
// which stands for the entry while candidates are ranked (gather).
type nameRank struct {
	w     float32
	first int32
}

// nameRec is one indexed name variant.
type nameRec struct {
	entry  int32
	idx    int16 // index into Entry.Names
	weak   bool
	legal  bool // has a legal form: the name is an organisation's
	person bool // its entry is a person (Entry.Type), kept here for the scorer
	// untyped: its entry's type is unknown (the BIS Denied Persons List
	// lists persons and firms alike)
	untyped bool
	// syllabic: the name is written in Han characters or in pinyin
	// (pinyinTokens); against a pinyin query its words align by their
	// letters, never by sound (pinyin.go)
	syllabic bool
	// romanised: a Chinese person's name written in Wade-Giles or
	// Cantonese (chineseName): the only names whose words a pinyin
	// query word reads as (Index.hkeys, wadegiles.go)
	romanised bool
	kinds     uint8 // legalKind bits of its legal forms (legalkinds.go)
	off, n    int32 // its tokens are toks[off:off+n]
	// w is the name's weight for ranking candidates: the IDF of its word
	// and number tokens (patronymics at defaultPatronymic, initials at
	// defaultInitialWeight, legal forms left out), as the scorer weighs
	// an unmatched listed token with the default tuning.
	w float32
}

type vocabulary struct {
	ids  map[string]int32
	text []string
	kind []TokenKind
	key  []string
	// keyID is the id of key (Index.keyIDs), -1 for keys shorter than two
	// bytes: comparing two ids costs one load, comparing two strings three.
	keyID []int32
	skey  []string // spelling key (spellingKey)
	// origin: the scripts the entries using the token are written in
	// (entryOrigins), which decide its romanisation keys.
	origin []romanOrigin
	df     []int32
	idf    []float32
	// patronymic marks Slavic patronymics, which weigh less.
	patronymic []bool
	// joined marks entries that exist only as two adjacent name tokens
	// written together ("petro china" indexed as "petrochina").
	joined []bool
}

type delEntry struct {
	h uint64
	v int32
}

// Index limits, with their reasons.
const (
	// maxNameTokens caps the tokens kept per name or query: the alignment is
	// quadratic and no real name has more parts (the longest OFAC names
	// have about 20).
	maxNameTokens = 24
	// minDelLen: tokens shorter than this are matched only exactly or by
	// phonetic key. One edit in a three-letter token is a different name
	// (Ali / Eli / Ari).
	minDelLen = 4
	// commonShare: a token in more than 2% of all names ("trading",
	// "company", "mohammed") gathers too many candidates to be useful
	// while the query has rarer tokens.
	commonShare = 0.02
	// minCommonDF: a token in fewer names than this is never common, however
	// small the list (in a 40-entry in-house list 2% is one name).
	minCommonDF = 64
	// minSpellingKey: shorter spelling keys are not compared: short names
	// spelt alike are too often different names (Dow / Dov, Coty / Koti).
	minSpellingKey = 6
)

// BuildIndex normalises and indexes every name of entries. Building uses all
// cores for normalisation; the result does not depend on their number.
func BuildIndex(entries []*lists.Entry) *Index {
	norms := normaliseAll(entries)
	ix := &Index{entries: entries, voc: vocabulary{ids: map[string]int32{}}, keyIDs: map[string]int32{}, skeys: map[string][]int32{}, rkeys: map[string][]int32{}, hkeys: map[string][]int32{}}
	rare := rareWordsOf(norms)
	var seen []string
	hanziListed := map[int32]bool{} // words of names hkeys reads
	counted := 0                    // names that count in document frequencies
	ix.entryFirst = make([]int32, len(entries)+1)
	for ei, e := range entries {
		ix.entryFirst[ei] = int32(len(ix.names))
		seen = seen[:0]
		origin := entryOrigins(e)
		if chineseEntry(e) {
			origin |= originChinese
		}
		for _, vn := range norms[ei] {
			ni, toks := vn.name, vn.norm.Tokens
			if len(toks) == 0 || vn.derived && !holdsRare(toks, rare, vn.spelt) {
				continue
			}
			key := joinTokens(toks)
			if slices.Contains(seen, key) {
				continue // the same name twice after normalisation
			}
			seen = append(seen, key)
			if len(toks) > maxNameTokens {
				toks = toks[:maxNameTokens]
			}
			rec := nameRec{entry: int32(ei), idx: int16(ni), weak: e.Names[ni].Kind == lists.NameWeak, person: e.Type == lists.TypePerson, untyped: e.Type == lists.TypeUnknown, off: int32(len(ix.toks)), n: int32(len(toks)), syllabic: vn.han || pinyinTokens(toks)}
			nameID := int32(len(ix.names))
			for _, t := range toks {
				id := ix.voc.intern(t.Text, t.Kind, false)
				ix.voc.origin[id] |= origin
				ix.toks = append(ix.toks, id)
				ix.addPosting(id, nameID, !vn.derived)
				if t.Kind == TokLegal {
					rec.legal = true
					rec.kinds |= legalKind(t.Text)
				}
			}
			for i := 0; i+1 < len(toks); i++ {
				if toks[i].Kind == TokWord && toks[i+1].Kind == TokWord {
					id := ix.voc.intern(toks[i].Text+toks[i+1].Text, TokWord, true)
					ix.addPosting(id, nameID, !vn.derived)
				}
			}
			if origin&originChinese != 0 && (rec.person || rec.untyped && !rec.legal) && chineseMarkedTokens(toks, hyphenatedName(e.Names[ni].Value)) {
				rec.romanised = true
				for _, id := range ix.toks[rec.off:] {
					hanziListed[id] = true
				}
			}
			ix.names = append(ix.names, rec)
			if !vn.derived {
				counted++
			}
		}
	}
	ix.entryFirst[len(entries)] = int32(len(ix.names))
	ix.wordPairs = ix.listedWordPairs(entries, norms)
	// One lookup per query word reads both tables (wordNeighbours); the
	// explanation tells them apart by spellPairs.
	ix.spellPairs = ix.listedSpellings(entries, norms)
	for u, vs := range ix.spellPairs {
		ix.wordPairs[u] = append(ix.wordPairs[u], vs...)
	}
	n := float64(counted)
	ix.voc.idf = make([]float32, len(ix.voc.text))
	for i, df := range ix.voc.df {
		ix.voc.idf[i] = idf(n, float64(df))
	}
	ix.flattenPostings()
	ix.idfUnknown = idf(n, 1)
	ix.idfCommon = idf(n, math.Max(minCommonDF, commonShare*n))
	ix.voc.key = make([]string, len(ix.voc.text))
	ix.voc.keyID = make([]int32, len(ix.voc.text))
	for id := range ix.voc.keyID {
		ix.voc.keyID[id] = -1
	}
	ix.voc.skey = make([]string, len(ix.voc.text))
	ix.voc.patronymic = make([]bool, len(ix.voc.text))
	for id, t := range ix.voc.text {
		ix.voc.patronymic[id] = ix.voc.kind[id] == TokWord && isPatronymic(t)
	}
	for i := range ix.names {
		rec := &ix.names[i]
		for _, v := range ix.toks[rec.off : rec.off+rec.n] {
			switch {
			case ix.voc.kind[v] == TokLegal:
			case ix.voc.kind[v] == TokInitial:
				rec.w += defaultInitialWeight
			case ix.voc.patronymic[v]:
				rec.w += defaultPatronymic * ix.voc.idf[v]
			default:
				rec.w += ix.voc.idf[v]
			}
		}
	}
	ix.rank = make([]nameRank, len(ix.names))
	for i, rec := range ix.names {
		ix.rank[i] = nameRank{rec.w, ix.entryFirst[rec.entry]}
	}
	var kb []byte
	var reads []string
	var dels []delEntry
	for id, t := range ix.voc.text {
		if ix.voc.joined[id] || ix.voc.kind[id] != TokWord {
			continue
		}
		kb = phoneticKey(kb[:0], t)
		k := string(kb)
		ix.voc.key[id] = k
		if len(k) >= 2 {
			kid, ok := ix.keyIDs[k]
			if !ok {
				kid = int32(len(ix.keyVoc))
				ix.keyIDs[k] = kid
				ix.keyVoc = append(ix.keyVoc, nil)
			}
			ix.keyVoc[kid] = append(ix.keyVoc[kid], int32(id))
			ix.voc.keyID[id] = kid
		}
		kb = spellingKeyOf(kb[:0], t)
		if len(kb) > 0 {
			sk := string(kb)
			ix.voc.skey[id] = sk
			ix.skeys[sk] = append(ix.skeys[sk], int32(id))
		}
		if ix.voc.origin[id]&originCyrillic != 0 {
			if kb = romanKeyOf(kb[:0], originCyrillic, t, true); len(kb) > 0 {
				ix.rkeys[string(kb)] = append(ix.rkeys[string(kb)], int32(id))
			}
			if kb = romanKeyOf(kb[:0], originLoan, t, true); len(kb) > 0 {
				ix.rkeys[string(kb)] = append(ix.rkeys[string(kb)], int32(id))
			}
		}
		if hanziListed[int32(id)] {
			for _, r := range chineseReadings(reads[:0], t) {
				ix.hkeys[r] = append(ix.hkeys[r], int32(id))
			}
		}
		if len(t) >= minDelLen {
			dels = append(dels, delEntry{hashSkip(t, -1), int32(id)})
			for i := range len(t) {
				dels = append(dels, delEntry{hashSkip(t, i), int32(id)})
			}
		}
	}
	slices.SortFunc(dels, func(a, b delEntry) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.v - b.v)
	})
	dels = slices.CompactFunc(dels, func(a, b delEntry) bool { return a == b })
	// A table from hash to a run of a flat array: one lookup per probe
	// instead of a binary search over a million entries.
	ix.del = make([]int32, len(dels))
	distinct := 0
	for i, d := range dels {
		if i == 0 || d.h != dels[i-1].h {
			distinct++
		}
	}
	ix.delAt = newDelTable(distinct)
	for i, d := range dels {
		ix.del[i] = d.v
		ix.delAt.add(d.h, uint32(i))
	}
	ix.buildSimToks()
	ix.pairWords = newWordFilter(&ix.voc)
	ix.buildNameToks()
	ix.countries = buildCountries(len(entries), func(e int) []string { return entries[e].Countries })
	ix.scratch.New = func() any { return newScratch(ix) }
	return ix
}

// flattenPostings moves the postings built per vocabulary id into one
// array (Index.postings, postRun) and drops the per-id slices.
func (ix *Index) flattenPostings() {
	total := 0
	for _, p := range ix.post {
		total += len(p)
	}
	ix.postings = make([]int32, 0, total)
	ix.postRun = make([]postRun, len(ix.voc.text))
	for v := range ix.postRun {
		var p []int32
		if v < len(ix.post) {
			p = ix.post[v]
		}
		ix.postRun[v] = postRun{at: uint32(len(ix.postings)), n: uint32(len(p)), idf: ix.voc.idf[v]}
		ix.postings = append(ix.postings, p...)
	}
	ix.post = nil
}

func idf(n, df float64) float32 { return float32(math.Log((n + 1) / (df + 0.5))) }

func (ix *Index) addPosting(id, name int32, count bool) {
	for int(id) >= len(ix.post) {
		ix.post = append(ix.post, nil)
	}
	p := ix.post[id]
	if len(p) > 0 && p[len(p)-1] == name {
		return // token repeated within one name
	}
	ix.post[id] = append(p, name)
	if count {
		ix.voc.df[id]++
	}
}

func (v *vocabulary) intern(s string, k TokenKind, joined bool) int32 {
	if id, ok := v.ids[s]; ok {
		if !joined {
			v.joined[id] = false // also a token in its own right
		}
		return id
	}
	id := int32(len(v.text))
	v.ids[s] = id
	v.text = append(v.text, s)
	v.kind = append(v.kind, k)
	v.df = append(v.df, 0)
	v.joined = append(v.joined, joined)
	v.origin = append(v.origin, 0)
	return id
}

// hashSkip is FNV-1a of s with byte skip left out (skip -1: all of s).
func hashSkip(s string, skip int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		if i == skip {
			continue
		}
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= uint64(len(s) - b2i(skip >= 0))
	return h
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// variantNorm is one normalised name variant of an entry. A name cell may
// hold several names (the UN list prints "Qasim Soleimani; Qasem
// Sulaimani; ..." as one alias): each is indexed on its own, all pointing
// at the same Names index (nameVariantsOf).
type variantNorm struct {
	name int
	norm Normalised
	// derived marks a name without its dedication (dedicationVariant):
	// it repeats words of its name, so it counts in no document frequency
	// and the IDF of every word stays what the published names make it.
	derived bool
	// spelt marks a name with a spelt-out type of enterprise read as its
	// class (speltTypeVariant)
	spelt bool
	// han: the name is written in Han characters, romanised one token
	// per syllable
	han bool
}

// NameVariants returns the names one list name cell or query field holds,
// as the matcher indexes and screens them: several separated by ";" or
// " / ", a trailing parenthesis, a group and its subsidiary, two scripts
// (nameVariantsOf), and each of them without a dedication to a person
// ("NPP START IM. A. I. YASKINA AO" is also "NPP START AO").
func NameVariants(v string) []string { return nameVariantsOf(v) }

// nameVariantsOf splits a name cell into the names it holds: each of
// several names separated by ";" or " / " (a parenthesis opening a list
// counts as a separator: "حسن غول (Hassan Ghul; Hasan Gul)", "Saeed
// AGHAJANI / Saeed Ara Jani"); otherwise the whole cell and what a trailing
// parenthesis adds (parenVariants). Queries are split the same way.
func nameVariantsOf(v string) []string { return appendNameVariants(nil, v) }

// appendNameVariants is nameVariantsOf appending to dst: Match asks it of
// every query with a buffer on its stack.
func appendNameVariants(dst []string, v string) []string {
	first := len(dst)
	dst = appendSplitNames(dst, v)
	// each name also without its dedication (dedication.go)
	for i, n := first, len(dst); i < n; i++ {
		if d := dedicationVariant(dst[i]); d != "" {
			dst = append(dst, d)
		}
	}
	return dst
}

// appendSplitNames appends the names v holds, dedications aside.
func appendSplitNames(dst []string, v string) []string {
	if i := careOf(v); i > 0 {
		// "X c/o Freight Forwarder": the party is X; the forwarder is
		// another party, screened in its own field.
		v = strings.TrimSpace(v[:i])
	}
	if i, j := tradingAs(v); i > 0 {
		// "X t/a Y": X and Y are both the party's names
		if x, y := strings.TrimSpace(v[:i]), strings.TrimSpace(v[j:]); x != "" && y != "" {
			dst = appendSplitNames(dst, x)
			return appendSplitNames(dst, y)
		}
	}
	if strings.Contains(v, " / ") {
		v = strings.ReplaceAll(v, " / ", ";")
	}
	if strings.Contains(v, ";") {
		v = strings.NewReplacer("(", ";", ")", " ").Replace(v)
		for p := range strings.SplitSeq(v, ";") {
			if strings.TrimSpace(p) != "" {
				dst = append(dst, p)
			}
		}
		return dst
	}
	dst = append(dst, v)
	for _, derived := range [3][]string{parenVariants(v), groupVariants(v), scriptVariants(v)} {
		for _, d := range derived {
			if namesAParty(d) {
				dst = append(dst, d)
			}
		}
	}
	return dst
}

// namesAParty reports whether a name taken out of a longer one holds a
// word of its own: one of two letters or more that is neither a legal
// form, a place nor a word organisation names are made of. The whole name
// is always kept; a part without such a word says only what kind of firm
// it is and where, and as a name of its own it matched every query of the
// same kind and place: "RUNNING BROOK, LLC (USA)" gave "LLC (USA)", which
// "Brightway Foods, LLC (USA)" matched at 1.000.
func namesAParty(name string) bool {
	w := getNormWork()
	defer putNormWork(w)
	w.part = w.normalise(name, w.part[:0]).Tokens
	for i, t := range w.part {
		if t.Kind != TokWord || !isOwnWord(t.Text) {
			continue
		}
		var prev, next string
		if i > 0 {
			prev = w.part[i-1].Text
		}
		if i+1 < len(w.part) {
			next = w.part[i+1].Text
		}
		if !inPlacePair(prev, t.Text, next) {
			return true
		}
	}
	return false
}

// isOwnWord reports whether a normalised word names a party rather than
// saying what kind of firm it is or where: two letters or more, and not a
// place, a country's abbreviation, a word organisation names are made
// of (orgwords.go) nor a trade (tradewords.go).
func isOwnWord(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && !isPlaceWord(w) && !countryAbbreviations[w] && !orgWordCanon[w] && !tradeWords[w]
}

// countryAbbreviations are the abbreviations of country names that firms
// write after their name, "(USA)", "(UK)", beside placeWords' names.
var countryAbbreviations = map[string]bool{"usa": true, "us": true, "uk": true, "prc": true}

// normaliseAll normalises every name of every entry, in parallel.
func normaliseAll(entries []*lists.Entry) [][]variantNorm {
	out := make([][]variantNorm, len(entries))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	chunk := (len(entries) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(entries))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			nw := getNormWork()
			defer putNormWork(nw)
			for i := lo; i < hi; i++ {
				ns := make([]variantNorm, 0, len(entries[i].Names))
				for j, n := range entries[i].Names {
					for _, part := range appendSplitNames(nil, n.Value) {
						first := len(ns)
						han := hasHan(part)
						ns = append(ns, variantNorm{name: j, norm: nw.normalise(part, nil), han: han})
						if d := dedicationVariant(part); d != "" {
							ns = append(ns, variantNorm{name: j, norm: nw.normalise(d, nil), derived: true, han: han})
						}
						for k, last := first, len(ns); k < last; k++ {
							if st, ok := speltTypeVariant(ns[k].norm); ok {
								ns = append(ns, variantNorm{name: j, norm: st, derived: true, spelt: true, han: han})
							}
						}
					}
				}
				out[i] = ns
			}
		}()
	}
	wg.Wait()
	return out
}

// Len returns the number of indexed name variants.
func (ix *Index) Len() int { return len(ix.names) }
