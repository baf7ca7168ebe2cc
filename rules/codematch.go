package rules

// relation says how a declared code relates to a table entry.
type relation uint8

const (
	relNone relation = iota
	// relWithin: the declared code lies inside the entry ("5A001.j.1" in
	// "5A001.j"): the entry applies.
	relWithin
	// relBroader: the declared code is broader than the entry ("5A001"
	// against "5A001.j"): the entry may apply; the record does not say
	// which sub-item the goods fall under.
	relBroader
)

func hasPrefix(s, prefix []string) bool {
	if len(prefix) > len(s) {
		return false
	}
	for i := range prefix {
		if s[i] != prefix[i] {
			return false
		}
	}
	return true
}

// codeMatch is the outcome of looking a code up in a table.
type codeMatch struct {
	rel   relation
	entry *CodeEntry   // the most specific entry containing the code (relWithin)
	under []*CodeEntry // entries below the code (relBroader), in table order
}

// matchCode finds how c relates to the entries. The most specific entry
// that contains c wins, so an exclusion row ("0C001" with part none) beats
// the category row ("0") it sits under. Only when no entry contains c are
// entries below it reported as possible matches.
func matchCode(entries []CodeEntry, c Code) codeMatch {
	segs := c.segments()
	var m codeMatch
	best := -1
	for i := range entries {
		e := &entries[i]
		if hasPrefix(segs, e.segs) {
			if len(e.segs) > best {
				best = len(e.segs)
				m.entry = e
				m.rel = relWithin
			}
			continue
		}
		if hasPrefix(e.segs, segs) {
			m.under = append(m.under, e)
		}
	}
	if m.rel == relNone && len(m.under) > 0 {
		m.rel = relBroader
	}
	return m
}

// entryTexts lists up to max entry codes for an explanation.
func entryTexts(es []*CodeEntry, max int) string {
	s := ""
	for i, e := range es {
		if i == max {
			s += ", …"
			break
		}
		if i > 0 {
			s += ", "
		}
		s += e.Text
	}
	return s
}
