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
	r := ix.scoreName(s, n, q, &m.t)
	rec := &ix.names[n]
	e := ix.entries[rec.entry]
	ntoks := ix.toks[rec.off : rec.off+rec.n]
	al := &s.al
	var b strings.Builder
	b.WriteString("matched ")
	b.WriteString(strconv.Quote(e.Names[rec.idx].Value))
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
		}
		b.WriteString(qt)
		if al.how[i] == alignExact || al.how[i] == alignLegal && al.qs[i] == 1 {
			b.WriteString("=")
		} else {
			b.WriteString("~")
		}
		b.WriteString(nt)
		b.WriteString(" ")
		b.WriteString(strconv.FormatFloat(float64(al.qs[i]), 'f', 2, 64))
		switch al.how[i] {
		case alignFuzzy:
			qk := string(phoneticKey(nil, s.q[i].text))
			if sk := ix.voc.skey[ntoks[j]]; sk != "" && string(spellingKeyOf(nil, s.q[i].text)) == sk {
				b.WriteString(" (spelt alike)")
			} else if len(qk) >= 2 && qk == ix.voc.key[ntoks[j]] {
				b.WriteString(" (sounds alike)")
			} else {
				b.WriteString(" (spelling)")
			}
		case alignInitial:
			b.WriteString(" (initial)")
		case alignLegal:
			b.WriteString(" (legal form)")
		case alignJoinName, alignJoinQuery:
			b.WriteString(" (joined words)")
		}
	}
	var qOnly, nOnly []string
	for i := range s.q {
		if al.qm[i] == -1 {
			qOnly = append(qOnly, s.q[i].text)
		}
	}
	for j, v := range ntoks {
		if al.nm[j] == -1 && ix.voc.kind[v] != TokLegal {
			nOnly = append(nOnly, ix.voc.text[v])
		}
	}
	if len(qOnly) > 0 {
		b.WriteString("; query only (counts against): ")
		b.WriteString(strings.Join(qOnly, " "))
	}
	if len(nOnly) > 0 {
		b.WriteString("; list only (counts less): ")
		b.WriteString(strings.Join(nOnly, " "))
	}
	if len(s.norm.Honorifics) > 0 {
		b.WriteString("; ignored titles: ")
		b.WriteString(strings.Join(s.norm.Honorifics, " "))
	}
	if r.typeMis {
		b.WriteString("; query is an organisation, entry a person ×")
		b.WriteString(strconv.FormatFloat(r.typeFactor, 'f', 2, 64))
	}
	if rec.weak {
		b.WriteString("; weak alias ×")
		b.WriteString(strconv.FormatFloat(m.t.WeakAlias, 'f', 2, 64))
	}
	if r.numMis {
		b.WriteString("; numbers differ ×")
		b.WriteString(strconv.FormatFloat(m.t.NumberMismatch, 'f', 2, 64))
	}
	if r.countryA {
		b.WriteString("; country ")
		b.WriteString(q.Country)
		b.WriteString(" agrees")
	}
	b.WriteString("; score ")
	b.WriteString(strconv.FormatFloat(r.score, 'f', 3, 64))
	return b.String()
}
