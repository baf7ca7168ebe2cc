package matchers

import (
	"strconv"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
)

// Aligned is dualscreen's matcher: candidates from the inverted index, then
// IDF-weighted token alignment of the query with each candidate name (see
// doc.go for the algorithm and its criteria).
type Aligned struct {
	ix   *Index
	opts Options
	t    Tuning
	// tokens remembers query words' neighbours across calls
	// (tokencache.go); nil turns that off.
	tokens *tokenCache
	// floor is the threshold when the scorer may stop at a bound under
	// it (belowFloor), 0 when the tuning allows no such bound.
	floor float64
}

// NewAligned indexes entries and returns the matcher.
func NewAligned(entries []*lists.Entry, opts Options) *Aligned {
	opts = opts.withDefaults()
	m := &Aligned{ix: BuildIndex(entries), opts: opts, t: opts.Tuning.withDefaults()}
	m.tokens = newTokenCache(m.ix, &m.t)
	if boundable(&m.t) {
		m.floor = opts.Threshold
		if l := m.t.Learned; l.usable() {
			// the learned score may lift any name the hand-made score
			// puts at From or above
			m.floor = min(m.floor, l.From)
		}
	}
	return m
}

// Index returns the matcher's candidate index.
func (m *Aligned) Index() *Index { return m.ix }

// Match implements Matcher: every entry whose best name variant scores at
// least the threshold, best first, each with its explanation.
func (m *Aligned) Match(q Query, dst []Match) []Match {
	var buf [4]string
	vs := appendNameVariants(buf[:0], q.Name)
	persons := len(vs)
	if v := commaInitialsVariant(q.Name); v != "" {
		vs = append(vs, v)
	} else if v := soleTraderVariant(q.Name); v != "" {
		vs = append(vs, v)
	}
	if len(vs) != 1 || vs[0] != q.Name {
		return m.matchEach(q, vs, persons, dst)
	}
	return m.matchOne(q, dst)
}

// matchOne matches a query field holding one name. A name with a word the
// lists do not know that is two of their words written together
// ("HassanSeifi") is matched both as written and with the word split
// (splitRunTogether), and each entry keeps its better score: the split is
// one reading of the name, not a correction of it ("SULEIMANOVICH" is one
// word spelt another way, not SULEIMAN and NOVICH).
func (m *Aligned) matchOne(q Query, dst []Match) []Match {
	start := len(dst)
	dst, splittable := m.matchReading(q, false, dst)
	if !splittable {
		return dst
	}
	n := len(dst)
	dst, _ = m.matchReading(q, true, dst)
	dst = mergeBest(dst, start, n, nil)
	sortMatches(dst[start:])
	return dst
}

// matchReading matches one reading of a name: as written, or with its run
// together words split (split). It reports whether the name has such a
// word, when read as written.
func (m *Aligned) matchReading(q Query, split bool, dst []Match) ([]Match, bool) {
	s := m.ix.scratch.Get().(*scratch)
	defer m.ix.scratch.Put(s)
	defer s.reset()
	s.splitOn = split
	m.ix.prepare(s, q.Name, &m.t, m.tokens)
	splittable := !split && s.splittable
	if len(s.q) == 0 {
		return dst, splittable
	}
	start := len(dst)
	s.best = s.best[:0]
	cands := m.ix.gather(s, &m.t)
	m.ix.warm(s, cands)
	for _, c := range cands {
		r := m.ix.scoreName(s, c.name, q, &m.t, m.floor)
		if m.t.Learned != nil {
			m.ix.relearn(s, c.name, &r, &m.t)
		}
		if r.score < m.opts.Threshold {
			continue
		}
		rec := &m.ix.names[c.name]
		e := m.ix.entries[rec.entry]
		found := false
		for k := start; k < len(dst); k++ {
			if dst[k].Entry == e {
				found = true
				if r.score > dst[k].Score || (r.score == dst[k].Score && int(rec.idx) < dst[k].NameIndex) {
					dst[k].Score, dst[k].NameIndex = r.score, int(rec.idx)
					s.best[k-start] = c.name
				}
				break
			}
		}
		if !found {
			dst = append(dst, Match{Entry: e, NameIndex: int(rec.idx), Score: r.score})
			s.best = append(s.best, c.name)
		}
	}
	// Explanations only for hits, before sorting while s.best lines up.
	for k := start; k < len(dst); k++ {
		dst[k].Explanation = m.explain(s, q, s.best[k-start])
	}
	sortMatches(dst[start:])
	return dst, splittable
}

// mergeBest merges the matches dst[n:] into dst[start:n], one per entry,
// the better score kept, and returns the merged dst. keep, when not nil,
// may change a new match and says whether it is kept at all.
func mergeBest(dst []Match, start, n int, keep func(*Match) bool) []Match {
	kept := dst[:n]
	for i := n; i < len(dst); i++ {
		// keep gets the element itself: a copy's address would move every
		// match to the heap
		if keep != nil && !keep(&dst[i]) {
			continue
		}
		nm := dst[i]
		found := false
		for k := start; k < len(kept); k++ {
			if kept[k].Entry == nm.Entry {
				found = true
				if nm.Score > kept[k].Score {
					kept[k] = nm
				}
				break
			}
		}
		if !found {
			kept = append(kept, nm)
		}
	}
	return kept
}

// matchEach matches each of the names one field holds (nameVariantsOf:
// "Azim Adhajani; Azim Agha-Jani", "North Drilling Company (NDC)") and
// keeps each entry's best match. The variants from index persons on are
// readings of the query as a person's name (commaInitialsVariant,
// soleTraderVariant): they match person entries only.
func (m *Aligned) matchEach(q Query, variants []string, persons int, dst []Match) []Match {
	start := len(dst)
	for v, part := range variants {
		if strings.TrimSpace(part) == "" {
			continue
		}
		pq := q
		pq.Name = part
		n := len(dst)
		dst = m.matchOne(pq, dst)
		var keep func(*Match) bool
		if v >= persons {
			keep = func(nm *Match) bool {
				if nm.Entry.Type != lists.TypePerson {
					return false
				}
				nm.Explanation = "read as the person " + strconv.Quote(part) + ": " + nm.Explanation
				return true
			}
		}
		dst = mergeBest(dst, start, n, keep)
	}
	sortMatches(dst[start:])
	return dst
}

// Candidates calls f for every entry among the query's scored candidates:
// what candidate recall is measured on. Like Match, it gathers for each
// name the field holds ("Tactical Missile Corporation, Joint Stock Company
// Elektrotyaga" is also "Joint Stock Company Elektrotyaga"), so an entry
// may be reported once per name.
func (m *Aligned) Candidates(q Query, f func(e *lists.Entry)) {
	m.eachPrepared(q, func(_ Query, s *scratch) {
		last := int32(-1)
		for _, c := range m.ix.gather(s, &m.t) {
			if e := m.ix.names[c.name].entry; e != last {
				f(m.ix.entries[e])
				last = e
			}
		}
	})
}

// eachPrepared calls f for each name the query field holds (as Match
// splits it; blank parts aside), with that name as the query and a pooled
// scratch it has been prepared in. Names that normalise to nothing are
// skipped. For the evaluation's walks (Candidates, ScoreCandidates); Match
// keeps its own loop on the hot path.
func (m *Aligned) eachPrepared(q Query, f func(pq Query, s *scratch)) {
	var buf [4]string
	vs := appendNameVariants(buf[:0], q.Name)
	for _, part := range vs {
		if len(vs) > 1 && strings.TrimSpace(part) == "" {
			continue
		}
		pq := q
		pq.Name = part
		s := m.ix.scratch.Get().(*scratch)
		m.ix.prepare(s, pq.Name, &m.t, m.tokens)
		if len(s.q) > 0 {
			f(pq, s)
		}
		s.reset()
		m.ix.scratch.Put(s)
	}
}
