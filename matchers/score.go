package matchers

import "math"

// Tuning holds the scorer's weights. Zero fields take the defaults given
// (DefaultTuning), which were chosen on the tuning part of the development
// set (eval package); the held-out part never influenced them.
type Tuning struct {
	// Candidates is how many entries, ranked by gathered evidence, have
	// their names scored in full per query. Default 24: on the tuning part
	// of the development set 24, 32, 48 and 96 give the same recall and
	// false positives, and 24 halves the time per query.
	Candidates int
	// CandidateGap: when ranking candidates, a name's evidence is lowered
	// by this share of its weight that gathered nothing, so that among
	// the many names sharing a query's rare token the ones made of little
	// else come first ("SAEED, Muhammad" must reach "Muhammad Saeed"
	// before the hundred longer names with "Saeed" in them). Default 0.2.
	CandidateGap float64
	// RareReserve: entries beyond Candidates that hold the query's
	// rarest word (reserve.go) and are scored too. Default 2; a
	// negative value turns the reserve off.
	RareReserve int
	// MaxKeyNeighbours: a phonetic key shared by more vocabulary tokens than
	// this gathers nothing (too common to tell names apart). Default 64.
	MaxKeyNeighbours int
	// MinTokenSim: token pairs less similar than this do not align. Default 0.75.
	MinTokenSim float64
	// PhoneticSim: the similarity tokens with the same phonetic key and
	// first letter are lifted halfway towards (Iwanow / Ivanov). Default 0.9.
	PhoneticSim float64
	// SpellingKeySim is the similarity of two tokens with the same
	// spelling key (spellingKey): one word spelt two ways. Default 0.95.
	SpellingKeySim float64
	// SpellingPenalty is subtracted from the similarity of tokens that
	// differ in spelling without sounding alike. Default 0.05.
	SpellingPenalty float64
	// ListGap is how much an unmatched listed token counts against a match
	// relative to an unmatched query token: a missing middle name or
	// patronymic is weak evidence against, an extra query word strong.
	// Default 0.2.
	ListGap float64
	// ConflictGap replaces ListGap when the query and a person's listed
	// name each leave a part unaligned that cannot be the other's written
	// another way (conflict.go): two people of one family. Default 0.4,
	// twice ListGap: on the development set 1 (as fully as an extra
	// query part) lost a tune-b pair, 0.5 raised the false-flag check's
	// person near misses by one, 0.4 and 0.35 cost nothing and 0.4 kept
	// more persons out (eval/README.md, session 11).
	ConflictGap float64
	// OrgListGap replaces ListGap when the query carries a legal form: extra
	// words in a listed company name ("APPLE TRADING CO" for "Apple Inc")
	// are stronger evidence against than a missing middle name. Default 0.6.
	OrgListGap float64
	// LegalWeight is the weight of a legal-form token. Default 0.3.
	LegalWeight float64
	// InitialWeight is the weight of an initial ("J."). Default 0.8.
	InitialWeight float64
	// InitialSim is the similarity of an initial to a word it begins. Default 0.75.
	InitialSim float64
	// JoinSim is the similarity of a word to two adjacent words written
	// together (PetroChina / Petro China). Default 0.95.
	JoinSim float64
	// Patronymic multiplies the weight of a patronymic (Sergeevich,
	// Ivanovna), which publishers include or leave out at will. Default 0.4.
	Patronymic float64
	// TypeMismatch multiplies the score when the query names an
	// organisation (it has a legal form) and the entry is a person. Default 0.7.
	TypeMismatch float64
	// TypeMismatchComplete replaces TypeMismatch when the person's whole
	// name is matched completely: a business in a listed person's name
	// ("ABSALAN, Parviz LLC"). Default 0.95.
	TypeMismatchComplete float64
	// WeakAlias multiplies the score of a match on a weak alias. Default 0.9.
	WeakAlias float64
	// CountryBoost is the share of the remaining distance to 1 added when
	// the query's country is among the entry's. Default 0.15.
	CountryBoost float64
	// Evidence is the matched weight, in units of the weight of a token
	// found in one name only, at which a partial or fuzzy match counts as
	// well evidenced: its score is multiplied by 1-exp(-matched/(Evidence ×
	// that weight)). So a partial
	// match on one shared token, however rare, does not flag a longer name
	// ("RH" / "RH INTERNATIONAL"), while one on several rare parts keeps
	// its rank. A complete match (every name part on both sides equal after
	// normalisation) is exempt: the same name is always reported. Negative
	// turns it off. Default 4.6.
	Evidence float64
	// NumberMismatch multiplies the score when the query and the name both
	// hold a number and they differ: a different number is usually a
	// different vessel, plant or company ("SEA STAR 7" / "Sea Star 8").
	// Default 0.6.
	NumberMismatch float64
	// PersonExtra is the share of its weight an unaligned query part
	// counts when the entry is a person, the query has no legal form and
	// every part of the listed name is aligned: lists often leave out a
	// middle name or second surname. Default 0.5.
	PersonExtra float64
	// PhraseExtra is the share of its weight an unaligned query part
	// counts when an organisation's listed name, holding a rare word,
	// stands whole in the query (listedPhrase: "KHAZAR STEEL ROLLING" /
	// KHAZAR STEEL CO.); an extra group or holding counts fully
	// (groupWord). Default 0.5, as PersonExtra: 0.7 and 0.8 gain less,
	// and without the rare word 0.8 already flagged an innocent company
	// ("Golden Star Enterprises Ltd." / GOLDEN STAR CO).
	PhraseExtra float64
	// PersonRun is the share of Evidence that counts when a person is
	// named by a run of their listed parts (personRun: "Abdul Habib" /
	// "Abdul Habib Alizai", "ALI, Hamed" / "ALI, Ahmed Mohammed Hamed"):
	// issue #4's subset match, a person named by two of their four names.
	// Default 0.8 (0.7 and 0.6 find the same pairs on the tuning part).
	PersonRun float64
	// ShortSlipSim is the similarity of two words of a person's name left
	// unaligned on both sides, one of them shorter than four letters, that
	// differ by one slip and share their first letter (Phil / P'il; not
	// in pinyin names, pinyin.go): the index pairs such short words only when equal or sounding alike, and
	// alignLeftovers then compares what is left. Default 0.8 (0.85 and
	// 0.9 found the same pairs on the tuning part).
	ShortSlipSim float64
	// ShortFormSim is the similarity of a word left unaligned on both
	// sides to another it begins, two letters shorter or more: a name
	// part cut short (Kakha / Kakhaber, SP / Spetspostavka) or the first
	// part of a compound (Baloch / Balochistan). Default 0.75, as
	// InitialSim (0.7 to 0.85 found the same pairs on the tuning part).
	ShortFormSim float64
	// AcronymSim is the similarity of a word of an organisation's name to
	// the run of words on the other side whose initials spell it
	// (acronyms.go). Default 0.8.
	AcronymSim float64
	// LegalConflict multiplies the score of a match that is not complete
	// when the query and the listed name are companies of incompatible
	// kinds (legalkinds.go: a corporation and a limited company). Default
	// 0.9: 0.94 to 0.8 flag the same names on the tuning part, and 0.9
	// also takes them out of the near misses.
	LegalConflict float64
	// PlaceConflict multiplies the score of a match that is not complete
	// when the query and the listed name each name a place the other
	// leaves out, and share none ("XINJIANG COMMUNICATIONS CONSTRUCTION
	// GROUP" / "CHINA COMMUNICATIONS CONSTRUCTION GROUP"): firms named
	// after different places are different firms. Default 0.9, as
	// LegalConflict.
	PlaceConflict float64
	// CompleteSim: a match whose every part aligned at least this similar
	// counts as complete and is exempt from Evidence. Default 0.9.
	CompleteSim float64
	// GenericCap bounds the score of a query with no word of its own, only
	// a kind of firm, a place and legal forms ("RUSSIAN COMPANY LLC",
	// "CHINA TRADING CO"), against a listed name that has a word of its
	// own the query leaves unaligned ("RUSSIAN FINANCIAL CORPORATION"
	// scored 0.987), or any other word it leaves out ("ASIA CONSTRUCTION"
	// / "ASIA TRADING & CONSTRUCTION PTE LTD"): such a query names no
	// firm, and only a listed name as generic as itself can be its match.
	// Continents are places (placeWords). The same cap holds a query whose
	// own words all go unaligned against a listed name with its own
	// (ownWordsApart). Default 0.8, under the threshold and within reach
	// of a lowered one.
	GenericCap float64
	// Knot calibrates: the raw evidence score that maps to the default
	// threshold 0.85. Scores are piecewise linear through (0,0), (Knot,
	// 0.85) and (1,1), so 0.85 means the operating point chosen on the
	// tuning part of the development set (about 0.5% of innocent company
	// names flagged) on every list. Default 0.178.
	Knot float64
	// HanShare: a query written in Han characters is romanised one token
	// per syllable, and Chinese company names share many syllables (the
	// city, the trade: 深圳 Shenzhen, 光电 optoelectronics, 科技
	// technology). When less than this share of such a query's syllables
	// is matched, the score is scaled by share/HanShare, so
	// 深圳市瑞丰光电科技有限公司 no longer matches 深圳金鸿光电有限公司 on
	// shen, zhen, guang and dian alone (0.88 → below 0.7), while a
	// variant that adds one word (科技) keeps its score. Only syllables in
	// aligned runs of two or more count (hanShare), and syllables of such a
	// query match only exactly (pairSim). Default 0.8.
	HanShare float64
	// Learned, when set, replaces the hand-made score of the names
	// scoring at least its From by a fitted one (learned.go). nil: off.
	Learned *LearnedScore
}

// Defaults the index needs too: it weighs names for ranking candidates
// before any Tuning is known.
const (
	defaultInitialWeight = 0.8
	defaultPatronymic    = 0.4
)

// DefaultTuning returns the defaults of every Tuning field.
func DefaultTuning() Tuning { return Tuning{}.withDefaults() }

func (t Tuning) withDefaults() Tuning {
	def := func(p *float64, v float64) {
		if *p == 0 {
			*p = v
		}
	}
	if t.Candidates <= 0 {
		t.Candidates = 24
	}
	if t.RareReserve == 0 {
		t.RareReserve = 2
	}
	if t.MaxKeyNeighbours <= 0 {
		t.MaxKeyNeighbours = 64
	}
	def(&t.CandidateGap, 0.2)
	def(&t.MinTokenSim, 0.75)
	def(&t.SpellingPenalty, 0.05)
	def(&t.SpellingKeySim, 0.95)
	def(&t.PhoneticSim, 0.9)
	def(&t.ListGap, 0.2)
	def(&t.ConflictGap, 0.4)
	def(&t.OrgListGap, 0.6)
	def(&t.LegalWeight, 0.3)
	def(&t.InitialWeight, defaultInitialWeight)
	def(&t.InitialSim, 0.75)
	def(&t.JoinSim, 0.95)
	def(&t.TypeMismatch, 0.7)
	def(&t.TypeMismatchComplete, 0.95)
	def(&t.Patronymic, defaultPatronymic)
	def(&t.WeakAlias, 0.9)
	def(&t.CountryBoost, 0.15)
	def(&t.Knot, 0.178)
	def(&t.GenericCap, 0.8)
	def(&t.HanShare, 0.8)
	def(&t.NumberMismatch, 0.6)
	def(&t.CompleteSim, 0.9)
	def(&t.LegalConflict, 0.9)
	def(&t.PlaceConflict, 0.9)
	def(&t.AcronymSim, 0.8)
	def(&t.ShortSlipSim, 0.8)
	def(&t.ShortFormSim, 0.75)
	def(&t.PersonExtra, 0.5)
	def(&t.PhraseExtra, 0.5)
	def(&t.PersonRun, 0.8)
	def(&t.Evidence, 4.6)
	return t
}

// alignment is the per-candidate working state of the scorer, reused
// across candidates of one call.
type alignment struct {
	qm    [maxNameTokens]int8    // query token i aligned to name token qm[i], -1 none, -2 joined
	nm    [maxNameTokens]int8    // name token j aligned to query token nm[j], -1 none
	qs    [maxNameTokens]float32 // similarity of query token i's alignment
	how   [maxNameTokens]uint8   // how query token i aligned (explanation)
	edges []edge
}

type edge struct {
	i, j int8
	s    float32
}

// alignment kinds, for the explanation
const (
	alignNone uint8 = iota
	alignExact
	alignFuzzy
	alignInitial
	alignLegal
	alignJoinName  // query token = two adjacent name tokens
	alignJoinQuery // two adjacent query tokens = one name token
	// alignAcronymName: a query word = the initials of adjacent name
	// words; alignAcronymQuery: the initials of adjacent query words (the
	// first holds the alignment, the rest -2) = one name word.
	alignAcronymName
	alignAcronymQuery
	// alignFormAbbrev: a query's company abbreviation = the name's word
	// before its company form and the form (formabbrev.go)
	alignFormAbbrev
	// alignKeySlip: a query word the lists do not know = a word of a
	// person's name with one slip of the keys (alignKeySlips)
	alignKeySlip
)

// scoreResult is a scored name before calibration.
type scoreResult struct {
	raw     float64 // token evidence only
	score   float64 // calibrated, with type, alias and country adjustments
	typeMis bool
	// typeFactor is what typeMis multiplied the score by.
	typeFactor float64
	countryA   bool
	complete   bool // every name part on both sides aligned (CompleteSim)
	// slipped: complete only through a query word typed with two
	// letters swapped or a vowel left out (slipComplete)
	slipped bool
	// run: a person named by a run of their listed parts (personRun);
	// Evidence counted at Tuning.PersonRun
	run     bool
	numMis  bool // both hold numbers and they differ
	generic bool // a query with no word of its own, capped at GenericCap
	// otherFirm: the query's words of its own are all left out and the
	// listed name has one left out too; capped at GenericCap
	otherFirm bool
	// legalConflict: the match is partial and the two are companies of
	// incompatible kinds (legalkinds.go)
	legalConflict bool
	// placeConflict: the match is partial and each side names a place the
	// other leaves out, sharing none
	placeConflict bool
	// below: the score is certainly under the caller's floor and was not
	// computed (score 0)
	below bool
	// num, qw and gap are the evidence terms (matched weight, the query's
	// weight, the listed name's unmatched weight), and base the score
	// before the country boost: what the learned score's features read.
	num, qw, gap, base float64
	// lambda is the share of gap that counted (ListGap, OrgListGap or
	// ConflictGap)
	lambda float64
	// hand is the hand-made score when a learned one replaced it.
	hand float64
}

// boundable reports whether belowFloor's bound holds for tuning t: every
// adjustment factor at most 1, the country boost in [0, 1], the knot in
// (0, 1), and ConflictGap, applied after the bound, at least ListGap.
func boundable(t *Tuning) bool {
	return t.TypeMismatch <= 1 && t.TypeMismatchComplete <= 1 && t.WeakAlias <= 1 && t.LegalConflict <= 1 && t.PlaceConflict <= 1 && t.NumberMismatch <= 1 &&
		t.CountryBoost >= 0 && t.CountryBoost <= 1 && t.Knot > 0 && t.Knot < 1 && t.ConflictGap >= t.ListGap
}

// belowFloor reports whether a partial match of raw evidence raw, before
// the evidence factor 1-exp(-x), certainly scores under floor, however
// the adjustments fall. 1-exp(-x) is at most x (and at most 1): as
// computed, within 2.3e-16 of that, so x+1e-15 bounds it. The
// adjustments multiply by factors of at most 1 with the default tuning
// (type, weak alias, legal kinds, numbers, Han share), so only the
// country boost, which raises a score, is applied to the bound; with a
// tuning whose factors exceed 1 (or whose knot leaves (0, 1), where
// calibrate is not monotone) nothing is skipped (boundable). The margin
// of 1e-9 covers calibrate's rounding at its knot. What is skipped costs an
// exponential and the adjustments of nearly every candidate, of which a
// query scores 35 to report about one.
// The caller passes floor 0 for a tuning that boundable rejects.
func belowFloor(raw, x float64, country bool, t *Tuning, floor float64) bool {
	ub := calibrate(raw*min(1, x+1e-15), t.Knot)
	if country {
		ub += (1 - ub) * t.CountryBoost
	}
	return ub < floor-1e-9
}

// ownWordUnaligned reports whether the listed name has a word of its own
// (isOwnWord) that no query part is aligned with.
func (ix *Index) ownWordUnaligned(al *alignment, nt []nameTok) bool {
	for j := range nt {
		if nt[j].kind == TokWord && al.nm[j] < 0 && ix.listedOwnWord(nt, j) {
			return true
		}
	}
	return false
}

// listedOwnWord reports whether the listed name's part j is a word of its
// own: isOwnWord, and no word of a two-word place (placePairs).
func (ix *Index) listedOwnWord(nt []nameTok, j int) bool {
	prev, w, next := ix.listedWords(nt, j)
	return isOwnWord(w) && !inPlacePair(prev, w, next)
}

// listedWords returns the listed name's part j with its neighbours ("" at
// either end): what a two-word place (placePairs) is read from.
func (ix *Index) listedWords(nt []nameTok, j int) (prev, w, next string) {
	w = ix.voc.text[nt[j].v]
	if j > 0 {
		prev = ix.voc.text[nt[j-1].v]
	}
	if j+1 < len(nt) {
		next = ix.voc.text[nt[j+1].v]
	}
	return prev, w, next
}

// placesDiffer reports whether the query and the listed name each hold a
// place left unaligned and no place of either is aligned.
func (ix *Index) placesDiffer(s *scratch, al *alignment, nt []nameTok) bool {
	qOpen, nOpen := false, false
	for i := range s.q {
		if s.q[i].kind != TokWord || !s.queryPlace(i) {
			continue
		}
		if al.qm[i] != -1 {
			return false
		}
		qOpen = true
	}
	if !qOpen {
		return false
	}
	for j := range nt {
		if nt[j].kind != TokWord || !ix.listedPlace(nt, j) {
			continue
		}
		if al.nm[j] != -1 {
			return false
		}
		nOpen = true
	}
	return nOpen
}

// listedPlace reports whether the listed name's part j is a place: one of
// placeWords or a word of a two-word place (placePairs).
func (ix *Index) listedPlace(nt []nameTok, j int) bool {
	prev, w, next := ix.listedWords(nt, j)
	return isPlaceWord(w) || inPlacePair(prev, w, next)
}

// queryPlace reports whether the query's part i is a place, as listedPlace
// reads the listed name's.
func (s *scratch) queryPlace(i int) bool {
	prev, w, next := s.queryWords(i)
	return isPlaceWord(w) || inPlacePair(prev, w, next)
}

// queryWords returns the query's part i with its neighbours ("" at either
// end), as listedWords does for a listed name.
func (s *scratch) queryWords(i int) (prev, w, next string) {
	w = s.q[i].text
	if i > 0 {
		prev = s.q[i-1].text
	}
	if i+1 < len(s.q) {
		next = s.q[i+1].text
	}
	return prev, w, next
}

// queryOwnWord reports whether the query's part i is a word of its own, as
// listedOwnWord reads the listed name's.
func (s *scratch) queryOwnWord(i int) bool {
	if s.q[i].kind != TokWord {
		return false
	}
	prev, w, next := s.queryWords(i)
	return isOwnWord(w) && !inPlacePair(prev, w, next)
}

// ownWordsApart reports whether the query and the listed name each have
// a word of its own (isOwnWord) and none of the query's is aligned: all
// they share is where the firms sit, what they do and their legal forms
// ("INNER MONGOLIA YUANSHAN ENERGY CO., LTD." / "Inner Mongolia First
// Machinery Group Co., Ltd."). A firm is named by its own word; two firms
// whose own words differ are two firms, however much else they share.
// The query's own words are read as GenericCap's are, so a query with none
// is GenericCap's case, not this one.
func (ix *Index) ownWordsApart(s *scratch, al *alignment, nt []nameTok) bool {
	for i := range s.q {
		if al.qm[i] != -1 && s.queryOwnWord(i) {
			return false
		}
	}
	return ix.ownWordUnaligned(al, nt)
}

// placeListed reports whether the listed name is only a place while the
// query leaves a word of its own unaligned: "Inner Monoglia", an alias
// the 1260H list prints for Inner Mongolia First Machinery Group, names a
// province, and a firm named after something more is not that province's
// listed firm. A listed word aligned with a query place is read as that
// place (monoglia as mongolia). Listed names that are a kind of firm
// ("TRADING") are left alone: capping them cost pairs on the tuning part.
func (ix *Index) placeListed(s *scratch, al *alignment, nt []nameTok) bool {
	words := 0
	for j := range nt {
		if nt[j].kind == TokLegal {
			continue
		}
		words++
		if nt[j].kind == TokWord && ix.listedPlace(nt, j) {
			continue
		}
		if i := al.nm[j]; i >= 0 && s.q[i].kind == TokWord && s.queryPlace(int(i)) {
			continue
		}
		return false
	}
	if words == 0 {
		return false
	}
	for i := range s.q {
		if al.qm[i] == -1 && s.queryOwnWord(i) {
			return true
		}
	}
	return false
}

// allListedAligned reports whether every part of the listed name, legal
// forms and patronymics aside, is aligned with a query part.
func allListedAligned(al *alignment, nt []nameTok) bool {
	for j := range nt {
		if nt[j].kind == TokLegal || nt[j].patronymic {
			continue
		}
		if al.nm[j] == -1 {
			return false
		}
	}
	return true
}

// alignedParts counts the listed name's parts aligned with a query part.
func alignedParts(al *alignment, nn int) int {
	n := 0
	for j := range nn {
		if al.nm[j] >= 0 {
			n++
		}
	}
	return n
}

// completeMatch reports whether every non-legal part of the query and of
// the listed name (patronymics of the list aside) aligned exactly.
func completeMatch(s *scratch, nt []nameTok, minSim float32) bool {
	al := &s.al
	for i := range s.q {
		if s.q[i].kind == TokLegal {
			continue
		}
		if al.qm[i] == -1 || al.qs[i] < minSim {
			return false
		}
	}
	return allListedAligned(al, nt)
}

// personRun reports whether the query names a listed person by a run of
// their parts: two query words or more, every query part a word aligned at
// minSim or better (not as an initial), and the listed parts they align
// with side by side in the listed name, read round its end ("ALI, Hamed"
// takes Hamed, the last part, and ALI, the first: SURNAME, Given as the
// lists print it). Issue #4 asks for this subset match: a person named
// by two of their four names. It weighs the evidence a little more
// (Tuning.PersonRun), so two rare parts in a row of a longer name
// suffice, where parts scattered over the name ("Ahmed Hamed" against
// the second and the fourth of five) do not.
func personRun(s *scratch, nt []nameTok, minSim float32) bool {
	al := &s.al
	words := 0
	for i := range s.q {
		if s.q[i].kind != TokWord || al.how[i] == alignInitial || al.qm[i] == -1 || al.qs[i] < minSim {
			return false
		}
		words++
	}
	if words < 2 {
		return false
	}
	// the listed parts (legal forms aside) as a ring: aligned ones must
	// form one arc, so the ring has at most one step from aligned to not
	n, steps, aligned := 0, 0, 0
	var first, prev bool
	for j := range nt {
		if nt[j].kind == TokLegal {
			continue
		}
		on := al.nm[j] >= 0
		if n == 0 {
			first = on
		} else if prev && !on {
			steps++
		}
		if on {
			aligned++
		}
		prev = on
		n++
	}
	if n > 0 && prev && !first {
		steps++
	}
	return aligned >= 2 && aligned < n && steps == 1
}

// minSwapSlip is the shortest listed word slipComplete reads a swap in.
const minSwapSlip = 5

// slipComplete reports whether a match that completeMatch rejects is
// complete but for slips of the hand: every part on both sides is
// aligned, and each query word aligned under minSim is one the lists do
// not know, typed from its listed word of minSwapSlip letters or more
// with two neighbours swapped after the first letter (MAOJRY / MAJORY,
// NEOIBT / NEOBIT; swapRespelt: INTEHK / intech, the listed INTEKH) or
// with a vowel between two consonants left out (vowelLeftOut: DCART /
// DECART). The token similarity puts such a pair at 0.85 to 0.9 in a
// word of five to eight letters, and the evidence factor then leaves
// one such word beside a legal form far under the threshold (MAOJRY LLP /
// MAJORY LLP 0.686). Another part must agree exactly, a legal form or a
// word: a brand coined from a listed name's letters stands alone or under
// a form of its own (Serina Inc. / Sernia, INTEL CORP / NITEL JSC), and
// it moves the first letter as often (Ramaco / ARMACO, ENDRA / NEDRA),
// which a slip of the hand keeps. Another letter left out, a letter added
// or changed is not read: that is also how firms' names are coined from
// others (DECAT / DECART). Only organisations' and untyped entries'
// names: persons' names have their own slip rules (nameparts.go).
func (ix *Index) slipComplete(s *scratch, nt []nameTok, minSim float32) bool {
	al := &s.al
	slip, exact := false, false
	for i := range s.q {
		qt := &s.q[i]
		if al.qs[i] == 1 {
			exact = true
		}
		if qt.kind == TokLegal {
			continue
		}
		j := al.qm[i]
		if j < 0 {
			return false
		}
		if al.qs[i] >= minSim {
			continue
		}
		if qt.id >= 0 || qt.kind != TokWord || al.how[i] != alignFuzzy || nt[j].kind != TokWord {
			return false
		}
		v := ix.voc.text[nt[j].v]
		if len(v) < minSwapSlip || qt.text[0] != v[0] || !(len(qt.text) == len(v) && swapped(qt.text, v) || vowelLeftOut(qt.text, v) || swapRespelt(qt.text, v)) {
			return false
		}
		slip = true
	}
	return slip && exact && allListedAligned(al, nt)
}

// warm reads, for every candidate name, its record and the ends of its
// token records, before the scorer needs them. Scoring a name starts with
// two cache misses (Index.names, then Index.ntok) and then works long on
// what they bring, so one name's misses were waited for in turn; loaded
// here in two tight loops of independent reads, the misses of all the
// candidates overlap. What is read is kept in s.warmSink only so that the
// reads are not left out.
func (ix *Index) warm(s *scratch, cands []cand) {
	var sink int32
	for _, c := range cands {
		sink += ix.names[c.name].n
	}
	for _, c := range cands {
		rec := &ix.names[c.name]
		sink += ix.ntok[rec.off].v + ix.ntok[rec.off+rec.n-1].v
	}
	s.warmSink = sink
}

// scoreName aligns the prepared query with name n and scores it. The
// alignment is left in s.al for the explanation.
//
// floor is the lowest score the caller keeps: when an upper bound of the
// score falls below it, scoreName returns with r.score 0 and r.below set,
// before the evidence factor's exponential and the adjustments (nearly
// every candidate of a query ends there). 0 scores in full.
func (ix *Index) scoreName(s *scratch, n int32, q Query, t *Tuning, floor float64) scoreResult {
	rec := &ix.names[n]
	nt := ix.ntok[rec.off : rec.off+rec.n]
	al := &s.al
	nq, nn := len(s.q), len(nt)
	for i := range nq {
		al.qm[i], al.qs[i], al.how[i] = -1, 0, alignNone
	}
	for j := range nn {
		al.nm[j] = -1
	}
	s.romanisedName = rec.romanised
	// a name in pinyin or, in Wade-Giles or Cantonese, against a query
	// written in pinyin or read as such a name (wadegiles.go)
	s.syllables = s.han || (rec.syllabic || rec.romanised) && (s.chineseQ || s.pinyinQuery())
	// Candidate token pairs, best first; greedy one-to-one assignment is
	// what matchers/reference checks against exhaustive search.
	// Name token outside, so that its kind and its row of similarities
	// are looked up once; sortEdges orders the edges in full, whatever
	// order they come in.
	al.edges = al.edges[:0]
	for j := range nt {
		v, vk := nt[j].v, nt[j].kind
		row := s.simRow(v)
		qs := s.qAll
		if row < 0 && vk != TokLegal && vk != TokInitial {
			// A word or number no query token is similar to, or equal
			// to (prepare records every known query token's own id):
			// pairSim is 0 for every query token but an initial.
			qs = s.qInitials
		}
		for _, i := range qs {
			if sim := ix.pairSim(s, &s.q[i], int(i), v, vk, row, t); sim > 0 {
				al.edges = append(al.edges, edge{i, int8(j), sim})
			}
		}
	}
	sortEdges(al.edges)
	for _, e := range al.edges {
		if al.qm[e.i] != -1 || al.nm[e.j] != -1 {
			continue
		}
		al.qm[e.i], al.nm[e.j], al.qs[e.i] = e.j, e.i, e.s
		al.how[e.i] = pairKind(&s.q[e.i], nt[e.j].kind, e.s)
	}
	// Joined and split words among what is left.
	for i := range nq {
		if al.qm[i] != -1 || s.q[i].kind != TokWord {
			continue
		}
		for j := 0; j+1 < nn; j++ {
			if al.nm[j] != -1 || al.nm[j+1] != -1 {
				continue
			}
			// lengths first, from a byte per word (255: that long or
			// longer): most pairs fail there without reading either text
			if la, lb := nt[j].tlen, nt[j+1].tlen; la < 255 && lb < 255 && int(la)+int(lb) != len(s.q[i].text) {
				continue
			}
			a, b := ix.voc.text[nt[j].v], ix.voc.text[nt[j+1].v]
			if len(a)+len(b) == len(s.q[i].text) && s.q[i].text[:len(a)] == a && s.q[i].text[len(a):] == b {
				al.qm[i], al.nm[j], al.nm[j+1], al.qs[i], al.how[i] = int8(j), int8(i), int8(i), float32(t.JoinSim), alignJoinName
				break
			}
		}
	}
	for _, p := range s.pairs {
		if al.qm[p.i] != -1 || al.qm[p.i+1] != -1 {
			continue
		}
		for j := range nt {
			if nt[j].v == p.v && al.nm[j] == -1 {
				al.qm[p.i], al.qm[p.i+1], al.nm[j] = int8(j), -2, int8(p.i)
				al.qs[p.i], al.qs[p.i+1] = float32(t.JoinSim), float32(t.JoinSim)
				al.how[p.i], al.how[p.i+1] = alignJoinQuery, alignJoinQuery
				break
			}
		}
	}
	if rec.romanised {
		ix.alignReadJoins(s, nt, t)
	}
	if s.norm.formAbbrevs != "" {
		alignFormAbbrevs(s, nt)
	}
	ix.alignAcronyms(s, rec, nt, t)
	ix.alignLeftovers(s, rec, nt, t)
	if rec.person {
		ix.alignKeySlips(s, nt, t)
	}
	if s.chineseQ || s.romanisedName {
		ix.partialReadings(s, nt, t)
	}
	// Evidence: matched weight over the query's weight plus a share of the
	// listed name's unmatched weight.
	var num, qw, gap float64
	queryOrg := false
	for i := range nq {
		queryOrg = queryOrg || s.q[i].kind == TokLegal
	}
	// A person's listed name is often shorter than the name on a document
	// (a middle name or second surname left out: "Tariq Aziz" / "Tariq
	// Mikhail Aziz"). When every listed part is aligned, an extra query
	// part counts PersonExtra of its weight.
	extra, phrase := 1.0, false
	if !queryOrg && rec.person && allListedAligned(al, nt) {
		extra = t.PersonExtra
	} else if !rec.person && queryOpen(s) && ix.listedPhrase(s, nt, float32(t.CompleteSim)) {
		// an organisation's listed name standing whole in the query
		// (phrase.go): the query's extra words say what the firm does,
		// unless they name a group of firms
		extra, phrase = t.PhraseExtra, true
	}
	for i := range nq {
		qt := &s.q[i]
		w := float64(qt.w)
		if al.qm[i] == -1 && !(phrase && groupWord(qt.text)) {
			w *= extra
		}
		if al.how[i] == alignInitial {
			// an initial against a word is evidence of an initial's weight,
			// however rare the word (V.P. Properties / Vici Properties)
			w = min(w, t.InitialWeight)
		} else if j := al.qm[i]; j >= 0 && qt.id < 0 && qt.kind == TokWord {
			// a token the lists do not know, matched fuzzily: it is as
			// rare as the token it matched
			w = float64(nt[j].idf)
		}
		qw += w
		num += w * float64(al.qs[i])
	}
	for j := range nt {
		tk := &nt[j]
		if tk.kind == TokLegal {
			continue // a listed legal form the query leaves out is no evidence
		}
		w := float64(tk.idf)
		if tk.kind == TokInitial {
			w = t.InitialWeight
		} else if tk.patronymic {
			w *= t.Patronymic
		}
		if i := al.nm[j]; i >= 0 {
			if al.how[i] == alignInitial {
				w = min(w, t.InitialWeight)
			}
			gap += w * (1 - float64(al.qs[i]))
		} else {
			gap += w
		}
	}
	lambda := t.ListGap
	if queryOrg {
		lambda = t.OrgListGap
	}
	r := scoreResult{num: num, qw: qw, gap: gap, lambda: lambda}
	if qw > 0 {
		r.raw = num / (qw + lambda*gap)
	}
	r.complete = completeMatch(s, nt, float32(t.CompleteSim))
	if !r.complete && !rec.person && ix.slipComplete(s, nt, float32(t.CompleteSim)) {
		r.complete, r.slipped = true, true
	}
	if r.complete && legalConflict(s.qKinds, rec.kinds) && ix.restsOnRomanKey(s, nt) {
		// A word read as the romanisation of a Cyrillic one (romankeys.go)
		// is no proof of the same firm when the query's legal form is of
		// another kind than the listed name's: "Macro Group Inc." is an
		// American corporation written in English, not OOO MAKRO GRUPP
		// romanised (the false-flag check's only new flag with the keys).
		r.complete = false
	}
	x := 0.0
	if t.Evidence > 0 && !r.complete {
		ev := t.Evidence
		if t.PersonRun < 1 && !queryOrg && rec.person && personRun(s, nt, float32(t.CompleteSim)) {
			ev *= t.PersonRun
			r.run = true
		}
		x = num / (ev * float64(ix.idfUnknown))
		// (ConflictGap, below, can only lower raw: boundable)
		if floor > 0 && belowFloor(r.raw, x, q.Country != "", t, floor) {
			r.below = true
			return r
		}
	}
	if !queryOrg && (rec.person || rec.untyped && !rec.legal) && extra == 1 && qw > 0 && ix.conflictingParts(s, nt) {
		// each side names a part the other lacks (conflict.go); an entry
		// of unknown type without a legal form may be a person. Asked
		// only of the few candidates the bound above keeps.
		r.lambda = t.ConflictGap
		r.raw = num / (qw + r.lambda*gap)
	}
	if t.Evidence > 0 && !r.complete {
		r.raw *= 1 - math.Exp(-x)
	}
	sc := calibrate(r.raw, t.Knot)
	if s.han && qw > 0 {
		if share := hanShare(s, al, nq); share < t.HanShare {
			sc *= share / t.HanShare
		}
	}
	if queryOrg && rec.person && !rec.legal {
		// (a listed person name with a legal-form-like part, "GHALI, Iyad
		// ag", is no organisation)
		// A company named after a listed person ("ABSALAN, Parviz LLC"),
		// name complete, is the person's business: only lightly lowered.
		r.typeFactor = t.TypeMismatch
		if r.complete && allListedAligned(al, nt) && alignedParts(al, nn) >= 2 {
			r.typeFactor = t.TypeMismatchComplete
		}
		sc *= r.typeFactor
		r.typeMis = true
	}
	if rec.weak {
		sc *= t.WeakAlias
	}
	if !r.complete && legalConflict(s.qKinds, rec.kinds) {
		sc *= t.LegalConflict
		r.legalConflict = true
	}
	if !r.complete && s.qPlace && ix.placesDiffer(s, al, nt) {
		sc *= t.PlaceConflict
		r.placeConflict = true
	}
	if numberMismatch(s, nt) {
		sc *= t.NumberMismatch
		r.numMis = true
	}
	if s.generic && sc > t.GenericCap && (ix.ownWordUnaligned(al, nt) || !allListedAligned(al, nt)) {
		sc = t.GenericCap
		r.generic = true
	} else if sc > t.GenericCap && !r.complete && !s.generic && (ix.ownWordsApart(s, al, nt) || ix.placeListed(s, al, nt)) {
		sc = t.GenericCap
		r.otherFirm = true
	}
	r.base = min(1, max(0, sc))
	if q.Country != "" && ix.countries.has(rec.entry, s.countryID(ix, q.Country)) {
		sc += (1 - sc) * t.CountryBoost
		r.countryA = true
	}
	r.score = min(1, max(0, sc))
	return r
}

// hanShare is the share of a Han query's syllables that align in runs: a
// syllable counts when a neighbour of it aligns with the neighbouring
// syllable of the name too (a shared two-character word). A syllable
// matched on its own is usually another word that shares a character's
// reading (华 in 华强 and in 兴华). Syllables are counted, not weighed by
// IDF: the IDF of a romanised syllable mixes every character read that way
// and says little about the word. Legal forms are left out of both sides.
func hanShare(s *scratch, al *alignment, nq int) float64 {
	var inRun, all int
	for i := 0; i < nq; i++ {
		if s.q[i].kind == TokLegal {
			continue
		}
		all++
		j := al.qm[i]
		if j < 0 {
			continue
		}
		if (i+1 < nq && al.qm[i+1] == j+1) || (i > 0 && al.qm[i-1] >= 0 && al.qm[i-1] == j-1) {
			inRun++
		}
	}
	// Syllables normalising dropped (particles such as da, de) still count.
	all = max(all, s.hanChars)
	if all == 0 {
		return 1
	}
	return float64(inRun) / float64(all)
}

// pairSim is the similarity of query token i to name token v, of kind vk,
// whose similarities to the query tokens are s.sims[row:] (row -1: none).
func (ix *Index) pairSim(s *scratch, qt *qtok, i int, v int32, vk TokenKind, row int, t *Tuning) float32 {
	switch {
	case qt.kind == TokLegal || vk == TokLegal:
		if qt.kind == vk {
			if qt.id == v {
				return 1
			}
			return 0.6 // both legal forms, different classes
		}
		return 0
	case qt.kind == TokInitial:
		vt := ix.voc.text[v]
		if vk == TokInitial && vt == qt.text {
			return 1
		}
		if vk == TokWord && len(vt) > 0 && vt[0] == qt.text[0] {
			return float32(t.InitialSim)
		}
		return 0
	case vk == TokInitial:
		if qt.kind == TokWord && qt.text[0] == ix.voc.text[v][0] {
			return float32(t.InitialSim)
		}
		return 0
	}
	if qt.id == v {
		return 1
	}
	if s.han {
		// Each syllable of a Han query is one character: qiang and kang, or
		// zhong and hong, are different characters, not a misspelling.
		return 0
	}
	if row < 0 {
		return 0
	}
	if s.syllables && s.sims[row+i] > 0 {
		// a pinyin query and a pinyin or Han name: letters, not sounds
		// (pinyin.go); so too a Chinese name in Wade-Giles or Cantonese
		// against one, or against a pinyin query, where a word read as
		// the other's pinyin aligns as one spelt two ways (wadegiles.go)
		if s.sims[row+i] == float32(t.SpellingKeySim) && (s.chineseQ || s.romanisedName) && ix.readAlike(s, i, v) {
			return float32(t.SpellingKeySim)
		}
		return pinyinSim(qt.text, ix.voc.text[v], t)
	}
	if ix.hkeyOnly(s, qt, v, s.sims[row+i], t) {
		// a word of a Chinese name written in Wade-Giles or Cantonese
		// reads as this pinyin only in such a name (wadegiles.go): in
		// SHEN YANG JING CHENG MACHINERY, cheng is pinyin
		return ix.plainSim(qt.text, v, t)
	}
	if qt.abbr && s.qLegal {
		// an abbreviation in a company's name: one letter off is another
		// one (abbrev.go); equal tokens returned 1 above
		return 0
	}
	return max(0, s.sims[row+i])
}

func pairKind(qt *qtok, vk TokenKind, sim float32) uint8 {
	switch {
	case qt.kind == TokLegal:
		return alignLegal
	case qt.kind == TokInitial || vk == TokInitial:
		if sim == 1 {
			return alignExact
		}
		return alignInitial
	case sim == 1:
		return alignExact
	}
	return alignFuzzy
}

// sortEdges sorts by similarity, best first, then by position, so the greedy
// assignment is deterministic. Insertion sort: there are a few dozen edges.
func sortEdges(e []edge) {
	for i := 1; i < len(e); i++ {
		for j := i; j > 0 && edgeLess(e[j], e[j-1]); j-- {
			e[j], e[j-1] = e[j-1], e[j]
		}
	}
}

func edgeLess(a, b edge) bool {
	if a.s != b.s {
		return a.s > b.s
	}
	if a.i != b.i {
		return a.i < b.i
	}
	return a.j < b.j
}

// countryID returns the id of the query's country c (countryIndex),
// looked up on the first candidate of a call and kept while the
// scratch's queries name the same country.
func (s *scratch) countryID(ix *Index, c string) int32 {
	if !s.countrySet || s.country != c {
		s.country, s.countryIx, s.countrySet = c, ix.countries.lookup(c), true
	}
	return s.countryIx
}

// calibrate maps raw evidence to the reported score: piecewise linear
// through (0,0), (knot, DefaultThreshold) and (1,1).
func calibrate(raw, knot float64) float64 {
	if raw <= knot {
		return DefaultThreshold * raw / knot
	}
	return DefaultThreshold + (1-DefaultThreshold)*(raw-knot)/(1-knot)
}

// numberMismatch reports whether the query and the name both hold numbers
// and one of them is left unaligned.
func numberMismatch(s *scratch, nt []nameTok) bool {
	qNum, qOpen, nNum, nOpen := false, false, false, false
	for i := range s.q {
		if s.q[i].kind == TokNumber {
			qNum = true
			qOpen = qOpen || s.al.qm[i] == -1
		}
	}
	for j := range nt {
		if nt[j].kind == TokNumber {
			nNum = true
			nOpen = nOpen || s.al.nm[j] == -1
		}
	}
	return qNum && nNum && (qOpen || nOpen)
}

// alignKeySlips reads, in a person's listed name, a query word that no
// listed name has as one slip of the keys (keySlipOfName) of the listed
// word it is aligned with, or of one left unaligned: that word aligns at
// Tuning.CompleteSim, as a name written right does. A clerk's slip in a
// given name or a surname (Akjmed for Akhmed, Baseti for Baseri, Zeni
// for Zein) is then no longer scored as a different word: the letter
// metrics put one edit in a word of four to six letters at 0.8 to 0.85,
// a name with one part under CompleteSim is scored as a partial match,
// and a given name the normaliser writes as its group's first spelling
// (akhmed → ahmad) is no longer compared with the spelling the clerk
// copied. A word the lists know is left as it aligned: two listed words
// one slip apart (Ivanov / Ivanova, Kamal / Jamal) are mostly two names,
// and a slip rarely makes a word some listed name has. Not in a query
// with a legal form (a firm's word one slip from a person's is no
// person), nor between a pinyin query and a pinyin name.
func (ix *Index) alignKeySlips(s *scratch, nt []nameTok, t *Tuning) {
	if s.syllables {
		return // pinyin: ming and ning are two syllables (pinyin.go)
	}
	for i := range s.q {
		if s.q[i].kind == TokLegal {
			return
		}
	}
	al := &s.al
	for i := range s.q {
		qt := &s.q[i]
		if qt.kind != TokWord || qt.id >= 0 || len(qt.text) < minKeySlip {
			continue
		}
		switch j := al.qm[i]; {
		case j >= 0:
			if al.how[i] == alignFuzzy && al.qs[i] < float32(t.CompleteSim) && keySlipOfName(qt.text, ix.voc.text[nt[j].v]) {
				al.qs[i], al.how[i] = float32(t.CompleteSim), alignKeySlip
			}
		case j == -1:
			for j := range nt {
				if al.nm[j] == -1 && nt[j].kind == TokWord && keySlipOfName(qt.text, ix.voc.text[nt[j].v]) {
					al.qm[i], al.nm[j], al.qs[i], al.how[i] = int8(j), int8(i), float32(t.CompleteSim), alignKeySlip
					break
				}
			}
		}
	}
}
