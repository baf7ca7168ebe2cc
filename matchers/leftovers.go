package matchers

// alignLeftovers compares the words left unaligned on both sides once the
// neighbours found by the index are used up, and aligns the similar ones
// best first. The index finds a word's neighbours through one deletion on
// each side (one edit, or a swap) and through the phonetic and spelling
// keys; a name part spelt with two changes that no key folds (Udomdech /
// Udomdet, Mutebuzi / Mutebutsi, Benevolent / Benevolence) is then left
// out of the alignment and counted against the match, although the rest
// of the name has already brought the entry among the candidates. Here
// the pair is scored like any other (tokenSim: short words only by
// phonetic equality, a spelling difference lowered), so it counts for
// what it is.
//
// In a person's name, words of fewer than four letters, which the index
// pairs only when equal or of one phonetic key, are aligned here when
// they differ by one slip and keep their first letter
// (Tuning.ShortSlipSim): short syllables of Korean names and names
// written with one letter more or less (KANG, Phil Hun / KANG, P'il-Hun;
// Leo / Leon); not between a pinyin query and a pinyin or Han name, where
// wang and wan are two surnames (pinyin.go). Not in an
// organisation's: there a short word that differs by a letter is another
// word or acronym (NET Power / New Power, AIR / AIG, Nu / Nour flagged
// innocent companies when it was tried).
//
// A word cut short, whatever its length, aligns at Tuning.ShortFormSim
// with the word it begins, as an initial does with InitialSim: a clerk or
// a form's field cuts a long name part (Kakha / Kakhaber, Jay / Jayhoon,
// Deo / Deogratias, SP / Spetspostavka), and a compound keeps its first
// part (Akhund / Akhundzada, Baloch / Balochistan, Agro / Agroholding).
// In a person's name the shorter word has three letters or more: a
// syllable of two (Mo, Bi, Po of Burmese and Chinese names) begins many a
// given name and cuts none short ("AUNG, Momir" is not MYINT, Aung Mo).
//
// Only leftovers with the same first letter or phonetic key are compared
// (a name part spelt two ways keeps its first sound; the first letters
// are read from Index.first, which stays in cache), pairs the index
// compared already are skipped, and each pair is compared once per query
// however many candidate names hold it (leftSim).
func (ix *Index) alignLeftovers(s *scratch, rec *nameRec, nt []nameTok, t *Tuning) {
	if s.syllables {
		return
	}
	al := &s.al
	nq := len(s.q)
	open := false
	for i := range nq {
		if al.qm[i] == -1 && s.q[i].kind == TokWord && len(s.q[i].text) >= 2 {
			open = true
			break
		}
	}
	if !open {
		return
	}
	if len(s.lq) == 0 {
		s.prepareLeftovers(ix)
	}
	person := rec.person
	al.edges = al.edges[:0]
	for j := range nt {
		if al.nm[j] != -1 || nt[j].kind != TokWord {
			continue
		}
		v := nt[j].v
		row := s.simRow(v)
		first, key := nt[j].first, nt[j].key
		for i := range nq {
			qt := &s.q[i]
			if al.qm[i] != -1 || qt.kind != TokWord || qt.id == v || (row >= 0 && s.sims[row+i] > 0 && !ix.hkeyOnly(s, qt, v, s.sims[row+i], t)) {
				continue
			}
			// every alignment here needs the first letter or the phonetic key
			if sq := &s.lq[i]; sq.text == "" || (sq.text[0] != first && (sq.key < 0 || sq.key != key)) {
				continue
			}
			// (a pair the index compared and found too far is not
			// compared again, but may still be a short form or slip)
			if sim := s.leftSim(ix, i, v, person, row >= 0 && s.sims[row+i] < 0, t); sim > 0 {
				al.edges = append(al.edges, edge{int8(i), int8(j), sim})
			}
		}
	}
	if len(al.edges) == 0 {
		return
	}
	sortEdges(al.edges)
	for _, e := range al.edges {
		if al.qm[e.i] != -1 || al.nm[e.j] != -1 {
			continue
		}
		al.qm[e.i], al.nm[e.j], al.qs[e.i], al.how[e.i] = e.j, e.i, e.s, alignFuzzy
	}
}

// leftSim is tokenSim of query word i and vocabulary word v, remembered
// for the rest of the call: 0 for words of different first letter and
// phonetic key, and the tokenSim of a pair the index compared already
// (compared). A short word is compared by oneEdit, only in a person's name
// (person), and a short form by isShortForm; neither is remembered.
// The caller (alignLeftovers) has prepared the query words (s.lq).
func (s *scratch) leftSim(ix *Index, i int, v int32, person, compared bool, t *Tuning) float32 {
	sq := &s.lq[i]
	st := &ix.sim[v]
	short := float32(0)
	// One word begins the other and is two bytes shorter or more: known
	// from the record's first byte and length, before the text is read
	// (a cache miss per pair: the vocabulary is large) for isShortForm.
	if d := len(sq.text) - int(st.blen); sq.text[0] == st.first && (d >= 2 || d <= -2) && (!person || min(len(sq.text), int(st.blen)) >= 3) && isShortForm(sq.text, ix.voc.text[v]) {
		short = float32(t.ShortFormSim)
	}
	if sq.short || st.short {
		// A short word is compared only by its letters: one slip with
		// the first letter kept (Phil / P'il, Wang / Wan, Dajj / Daj).
		if person && sq.text[0] == st.first && oneEdit(sq.text, ix.voc.text[v]) {
			return max(short, float32(t.ShortSlipSim))
		}
		return short
	}
	if compared || (sq.text[0] != st.first && (sq.key < 0 || sq.key != st.key)) {
		return short
	}
	r := slotRow(v, s.stride, s.lslot, &s.lslotted, &s.lsims)
	p := &s.lsims[int(r-1)*s.stride+i]
	if *p == 0 {
		*p = -1
		if sim := ix.tokenSim(sq, v, t); sim > 0 {
			*p = sim
		} else if ss := min(soundSim(sq.runes, ix.runes[st.off:st.off+uint32(st.n)], t.CompleteSim), t.SpellingKeySim); ss >= t.CompleteSim {
			// letters of one sound class that the letter metrics found too
			// far apart (Suqayr / Sughayr)
			*p = float32(ss)
		}
	}
	return max(short, *p)
}

// isShortForm reports whether one of two words is the other cut short by
// two letters or more: Kakha / Kakhaber, Baloch / Balochistan, SP /
// Spetspostavka, Market / Marketplace; not when what is cut is a suffix
// that makes a surname of a name (Smith / Smithson).
func isShortForm(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 || len(b) < len(a)+2 || b[:len(a)] != a {
		return false
	}
	for _, suf := range surnameSuffixes {
		if b[len(a):] == suf {
			return false
		}
	}
	return true
}

// surnameSuffixes make another name of a name, not a longer writing of it:
// Smith / Smithson, Ivan / Ivanov, Petr / Petrovich, Karl / Karlsen.
var surnameSuffixes = []string{"son", "sen", "sson", "ov", "ova", "ev", "eva", "in", "ina", "ovich", "evich", "ovna", "evna", "enko", "ski", "sky", "ska", "ian", "yan"}

// prepareLeftovers readies every query token for tokenSim, once per call.
func (s *scratch) prepareLeftovers(ix *Index) {
	s.lqRunes = s.lqRunes[:0]
	for i := range s.q {
		text := s.q[i].text
		sq := simQuery{text: text, key: -1, short: true}
		if id := s.q[i].id; s.q[i].kind == TokWord && text != "" && id >= 0 && ix.voc.kind[id] == TokWord {
			// A word of the lists: what the lines below would compute
			// from its text, the index computed at build (simTok, the
			// vocabulary's phonetic key and its id).
			st := &ix.sim[id]
			sq = simQuery{text: text, runes: ix.runes[st.off : st.off+uint32(st.n) : st.off+uint32(st.n)], key: ix.voc.keyID[id],
				keyLen: len(ix.voc.key[id]), short: st.short, whole: st.whole}
		} else if s.q[i].kind == TokWord && text != "" {
			var buf runeBuf
			at := len(s.lqRunes)
			s.lqRunes = append(s.lqRunes, toRunes(&buf, text)...)
			s.keyBuf = phoneticKey(s.keyBuf[:0], text)
			sq = simQuery{text: text, runes: s.lqRunes[at:len(s.lqRunes):len(s.lqRunes)], key: -1, keyLen: len(s.keyBuf),
				short: runeLen(text) < minDelLen, whole: wholeASCII(text)}
			if len(s.keyBuf) >= 2 {
				if kid, ok := ix.keyIDs[string(s.keyBuf)]; ok {
					sq.key = kid
				}
			}
		}
		s.lq = append(s.lq, sq)
	}
}

// oneEdit reports whether ASCII words a and b differ by one letter
// inserted, left out or changed, or two neighbouring letters swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 || len(b)-len(a) > 1 || !isASCII(a) || !isASCII(b) || a == b {
		return false
	}
	if len(a) == len(b) {
		return oneSlip(a, b)
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return a[i:] == b[i+1:]
}
