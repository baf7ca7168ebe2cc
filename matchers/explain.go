package matchers

import (
	"strconv"
	"strings"
)

// explain re-scores name n for the prepared query and writes, for a
// reviewer, which tokens aligned with which and how strongly, what was left
// unmatched on either side, and what raised or lowered the score. It runs
// only for hits: the fast path never builds strings.
func (m *Aligned) explain(s *scratch, q Query, n int32) string {
	ix := m.ix
	r := ix.scoreName(s, n, q, &m.t, 0)
	p := -1.0
	if m.t.Learned != nil {
		p = ix.relearn(s, n, &r, &m.t)
	}
	rec := &ix.names[n]
	e := ix.entries[rec.entry]
	ntoks := ix.toks[rec.off : rec.off+rec.n]
	al := &s.al
	// Written straight into one builder sized for a typical explanation:
	// every hit of a batch carries one, so it allocates once, not per
	// number and per word.
	var b strings.Builder
	b.Grow(256)
	var num [32]byte
	float := func(x float64, prec int) { b.Write(strconv.AppendFloat(num[:0], x, 'f', prec, 64)) }
	b.WriteString("matched ")
	appendQuoted(&b, e.Names[rec.idx].Value)
	if k := e.Names[rec.idx].Kind; k != "" {
		b.WriteString(" (")
		b.WriteString(string(k))
		b.WriteString(")")
	}
	b.WriteString(": ")
	first := true
	sep := func() {
		if !first {
			b.WriteString(", ")
		}
		first = false
	}
	for i := range s.q {
		j := al.qm[i]
		if j < 0 {
			continue
		}
		sep()
		qt := s.q[i].text
		nt := ix.voc.text[ntoks[j]]
		switch al.how[i] {
		case alignJoinQuery:
			qt += "+" + s.q[i+1].text
		case alignJoinName:
			nt += "+" + ix.voc.text[ntoks[j+1]]
		case alignAcronymQuery:
			for r := i + 1; r < len(s.q) && al.qm[r] == -2; r++ {
				qt += "+" + s.q[r].text
			}
		case alignAcronymName:
			for r := int(j) + 1; r < len(ntoks) && al.nm[r] == int8(i); r++ {
				nt += "+" + ix.voc.text[ntoks[r]]
			}
		case alignFormAbbrev:
			nt = ix.voc.text[ntoks[j-1]] + "+" + nt
		}
		b.WriteString(qt)
		if al.how[i] == alignExact || (al.how[i] == alignLegal || al.how[i] == alignFormAbbrev) && al.qs[i] == 1 {
			b.WriteString("=")
		} else {
			b.WriteString("~")
		}
		b.WriteString(nt)
		b.WriteString(" ")
		float(float64(al.qs[i]), 2)
		switch al.how[i] {
		case alignFuzzy:
			s.keyBuf = phoneticKey(s.keyBuf[:0], s.q[i].text)
			s.skeyBuf = spellingKeyOf(s.skeyBuf[:0], s.q[i].text)
			if s.q[i].id >= 0 && ix.listedSpelling(s.q[i].id, ntoks[j]) {
				b.WriteString(" (spelt so on the lists)")
			} else if s.q[i].id >= 0 && ix.listedPair(s.q[i].id, ntoks[j]) {
				b.WriteString(" (written for it on the lists)")
			} else if sk := ix.voc.skey[ntoks[j]]; sk != "" && string(s.skeyBuf) == sk {
				b.WriteString(" (spelt alike)")
			} else if ix.romanisedAlike(s.q[i].text, ntoks[j]) {
				b.WriteString(" (romanised alike)")
			} else if ix.chineseAlike(s, i, ntoks[j], al.qs[i], &m.t) {
				b.WriteString(" (the same Chinese, romanised another way)")
			} else if len(s.keyBuf) >= 2 && string(s.keyBuf) == ix.voc.key[ntoks[j]] && !s.syllables {
				b.WriteString(" (sounds alike)")
			} else {
				b.WriteString(" (spelling)")
			}
		case alignKeySlip:
			b.WriteString(" (a slip of the keys)")
		case alignInitial:
			b.WriteString(" (initial)")
		case alignLegal:
			b.WriteString(" (legal form)")
		case alignJoinName, alignJoinQuery:
			b.WriteString(" (joined words)")
		case alignAcronymName, alignAcronymQuery:
			b.WriteString(" (initials)")
		case alignFormAbbrev:
			b.WriteString(" (legal form, abbreviated with the word before it)")
		}
	}
	for i, n := 0, 0; i < len(s.q); i++ {
		if al.qm[i] == -1 {
			if n == 0 {
				b.WriteString("; query only (counts against): ")
			} else {
				b.WriteString(" ")
			}
			b.WriteString(s.q[i].text)
			n++
		}
	}
	for j, n := 0, 0; j < len(ntoks); j++ {
		if v := ntoks[j]; al.nm[j] == -1 && ix.voc.kind[v] != TokLegal {
			if n == 0 {
				b.WriteString("; list only (counts less): ")
			} else {
				b.WriteString(" ")
			}
			b.WriteString(ix.voc.text[v])
			n++
		}
	}
	for _, sw := range s.splitWords {
		w, parts, _ := strings.Cut(sw, " ")
		b.WriteString("; query word ")
		b.WriteString(w)
		b.WriteString(" read as two: ")
		b.WriteString(parts)
	}
	if r.run {
		b.WriteString("; a run of the listed person's parts (evidence ×")
		float(1/m.t.PersonRun, 2)
		b.WriteString(")")
	}
	if r.slipped {
		b.WriteString("; complete but for a slip of the hand in a word (two letters swapped or a vowel left out)")
	}
	if len(s.norm.Honorifics) > 0 {
		b.WriteString("; ignored titles: ")
		b.WriteString(strings.Join(s.norm.Honorifics, " "))
	}
	if r.typeMis {
		b.WriteString("; query is an organisation, entry a person ×")
		float(r.typeFactor, 2)
	}
	if rec.weak {
		b.WriteString("; weak alias ×")
		float(m.t.WeakAlias, 2)
	}
	if r.legalConflict {
		b.WriteString("; legal forms of different kinds ×")
		float(m.t.LegalConflict, 2)
	}
	if r.placeConflict {
		b.WriteString("; places differ ×")
		float(m.t.PlaceConflict, 2)
	}
	if r.numMis {
		b.WriteString("; numbers differ ×")
		float(m.t.NumberMismatch, 2)
	}
	if r.generic {
		b.WriteString("; query has no word of its own (a kind of firm, a place), the name has or says more: at most ")
		float(m.t.GenericCap, 2)
	}
	if r.otherFirm {
		b.WriteString("; no word of the query's own is in the name, which has its own: at most ")
		float(m.t.GenericCap, 2)
	}
	if r.countryA {
		b.WriteString("; country ")
		b.WriteString(q.Country)
		b.WriteString(" agrees")
	}
	if p >= 0 {
		// the learned score (learned.go) replaced the hand-made one
		b.WriteString("; learned score ")
		float(r.score, 3)
		b.WriteString(" (probability ")
		float(p, 3)
		b.WriteString(") from hand-made ")
		float(r.hand, 3)
		b.WriteString(" and the alignment")
	} else {
		b.WriteString("; score ")
		float(r.score, 3)
	}
	return b.String()
}

// appendQuoted writes v as strconv.Quote writes it. A name of printable
// ASCII without quote or backslash, as most listed names are, is written
// between quotes as it is, which is what Quote makes of it; Quote itself
// decides rune by rune whether to escape and was a quarter of an
// explanation's cost.
func appendQuoted(b *strings.Builder, v string) {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			var quoted [128]byte
			b.Write(strconv.AppendQuote(quoted[:0], v))
			return
		}
	}
	b.WriteByte('"')
	b.WriteString(v)
	b.WriteByte('"')
}
