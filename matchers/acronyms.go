package matchers

// Publishers and clerks shorten a run of words of an organisation's name to
// its initials, in one writing and not in another: "ALCOTECH IT DMCC" /
// "ALCOTECH INTERNATIONAL TRADING DMCC", "LAREDO DTO" / "LAREDO DRUG
// TRAFFICKING ORGANIZATION". The rest of the name has brought the entry
// among the candidates; alignAcronyms then aligns a word left over on one
// side with the run of words left over on the other whose initials spell
// it, at Tuning.AcronymSim. Such a match is never complete (AcronymSim is
// under CompleteSim): the evidence factor still asks for rare parts
// beside it, so a short acronym alone matches nothing.

// Acronyms of two to six letters are compared.
const (
	minRunAcronym = 3
	maxRunAcronym = 6
)

// alignAcronyms aligns query words left over with runs of name words left
// over that they abbreviate, and runs of query words with name words.
// Only in an organisation's name: the initials of a person's name are
// compared as initials.
func (ix *Index) alignAcronyms(s *scratch, rec *nameRec, nt []nameTok, t *Tuning) {
	if rec.person || s.han {
		return
	}
	al := &s.al
	nq, nn := len(s.q), len(nt)
	// a query word abbreviating name words
	for i := range nq {
		qt := &s.q[i]
		k := len(qt.text)
		if al.qm[i] != -1 || qt.kind != TokWord || k < minRunAcronym || k > maxRunAcronym || k > nn {
			continue
		}
		for j := 0; j+k <= nn; j++ {
			if nameRunSpells(al, nt[j:j+k], j, qt.text) {
				al.qm[i], al.qs[i], al.how[i] = int8(j), float32(t.AcronymSim), alignAcronymName
				for r := j; r < j+k; r++ {
					al.nm[r] = int8(i)
				}
				break
			}
		}
	}
	// a name word abbreviating query words
	for j := range nt {
		k := int(nt[j].tlen)
		if al.nm[j] != -1 || k < minRunAcronym || k > maxRunAcronym || k > nq || nt[j].kind != TokWord {
			continue
		}
		// The word's text is read (a cache miss: the vocabulary is large)
		// only for a query word its first letter, from the token record,
		// may start a run at: queryRunSpells fails at once for the others.
		first := nt[j].first
		vt := ""
		for i := 0; i+k <= nq; i++ {
			if q := &s.q[i]; len(q.text) < 2 || q.text[0] != first {
				continue
			}
			if vt == "" {
				vt = ix.voc.text[nt[j].v]
			}
			if queryRunSpells(s, i, vt) {
				al.nm[j] = int8(i)
				al.qm[i], al.qs[i], al.how[i] = int8(j), float32(t.AcronymSim), alignAcronymQuery
				for r := i + 1; r < i+k; r++ {
					al.qm[r], al.qs[r], al.how[r] = -2, float32(t.AcronymSim), alignAcronymQuery
				}
				break
			}
		}
	}
}

// nameRunSpells reports whether the name words run, starting at position
// j and all unaligned, are words whose first letters spell acr.
func nameRunSpells(al *alignment, run []nameTok, j int, acr string) bool {
	for r := range run {
		// first letters and lengths from the name's token records, read
		// already; most runs fail on the first word
		if tk := &run[r]; tk.first != acr[r] || tk.tlen < 2 || al.nm[j+r] != -1 || !acronymPart(tk.kind, r == 0 || r == len(run)-1) {
			return false
		}
	}
	return true
}

// queryRunSpells reports whether the query words from i on, all unaligned,
// are len(acr) words whose first letters spell acr.
func queryRunSpells(s *scratch, i int, acr string) bool {
	for r := range len(acr) {
		q := &s.q[i+r]
		if s.al.qm[i+r] != -1 || !acronymPart(q.kind, r == 0 || r == len(acr)-1) || len(q.text) < 2 || q.text[0] != acr[r] {
			return false
		}
	}
	return true
}

// acronymPart reports whether a word of kind k may stand in a run that an
// acronym spells: a word, or, first or last in the run, a legal form read
// by the first letter of its canonical form (co, corp, ltd, inc): "PMC" is
// a Private Military Company, "NIOC" a National Iranian Oil Company, "CVG"
// the Corporación Venezolana de Guayana (a state corporation's name begins
// with its form).
func acronymPart(k TokenKind, end bool) bool {
	return k == TokWord || end && k == TokLegal
}
