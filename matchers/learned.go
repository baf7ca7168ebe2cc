package matchers

import (
	"math"

	"github.com/dualscreen/dualscreen/lists"
)

// A learned second-stage score: a logistic regression over what the
// aligned scorer already knows of a (query, listed name) pair, fitted on
// labelled pairs (package eval, `dualscreen eval --write-features` and
// `--learned-fit`). Every feature describes the evidence of the
// alignment, none the surface of a name (script, legal form present,
// country, word choice): the development set's innocents are American
// company names and its true pairs mostly not, so a feature of style
// would learn the data set instead of matching.

// Feature numbers: the positions in a Features vector.
const (
	FeatScore          = iota // the hand-made calibrated score (scoreName)
	FeatScoreLogit            // its log-odds, clamped to [0.01, 0.99]: a model starting from the hand-made ranking
	FeatQueryShare            // matched weight / the query's weight (num/qw)
	FeatListShare             // matched share of the listed name's weight (1 - gap/its weight)
	FeatEvidence              // 1 - exp(-x): the evidence factor of matched weight x (Tuning.Evidence)
	FeatRaw                   // num / (qw + λ·gap), before the evidence factor
	FeatMinSim                // the weakest aligned pair's similarity (0 when none aligned)
	FeatQueryOpen             // the largest weight of an unmatched query part, in units of an unseen word's
	FeatListOpen              // the same for the listed name's unmatched parts
	FeatAligned               // aligned query parts (legal forms aside), at most 4
	FeatQueryLeft             // unmatched query parts (legal forms aside), at most 4
	FeatListLeft              // unmatched listed parts (legal forms aside), at most 4
	FeatFuzzy                 // parts aligned by spelling, sound or romanisation, not equal, at most 4
	FeatInitial               // parts aligned as an initial to a word
	FeatJoined                // parts aligned as words written together or apart
	FeatAcronym               // parts aligned as initials of a run of words
	FeatComplete              // 1: a complete match (every part on both sides aligned at CompleteSim)
	FeatPerson                // 1: the entry is a person
	FeatWeakAlias             // 1: the name is a weak alias
	FeatLegalConflict         // 1: legal forms of incompatible kinds (legalkinds.go)
	FeatTypeMismatch          // 1: an organisation's query against a person's entry
	FeatNumberMismatch        // 1: numbers on both sides and they differ
	NumFeatures
)

// FeatureNames names the features in order, for files and explanations.
var FeatureNames = [NumFeatures]string{
	"score", "score_logit", "query_share", "list_share", "evidence", "raw", "min_sim", "query_open", "list_open",
	"aligned", "query_left", "list_left", "fuzzy", "initial", "joined", "acronym",
	"complete", "person", "weak_alias", "legal_conflict", "type_mismatch", "number_mismatch",
}

// Features is one scored pair's feature vector.
type Features [NumFeatures]float64

// LearnedScore is a fitted logistic regression that replaces the hand-made
// score of the names it applies to. Its probability is mapped to the
// reported score piecewise linearly through (0,0), (Cut,
// DefaultThreshold) and (1,1), so the default threshold keeps meaning the
// operating point it was fitted for.
type LearnedScore struct {
	Bias    float64
	Weights Features
	// Cut is the probability reported as DefaultThreshold: chosen so that
	// the fitting part's innocents flagged do not exceed the hand-made
	// score's.
	Cut float64
	// From: names whose hand-made score is under From keep it (the
	// learned score is fitted only on pairs that score at least that).
	From float64
	// OrgsOnly: names of persons keep the hand-made score. The
	// development set's innocents are all companies, so a fit has no
	// innocent person to learn from and lifts person matches for free
	// (the false-flag check's person names showed it).
	OrgsOnly bool
}

// Prob returns the fitted probability that f is a true pair.
func (l *LearnedScore) Prob(f *Features) float64 {
	z := l.Bias
	for i, w := range l.Weights {
		z += w * f[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Score maps a probability to the reported score.
func (l *LearnedScore) Score(p float64) float64 {
	if p <= l.Cut {
		return DefaultThreshold * p / l.Cut
	}
	return DefaultThreshold + (1-DefaultThreshold)*(p-l.Cut)/(1-l.Cut)
}

// usable reports whether l can score: a cut strictly inside (0, 1).
func (l *LearnedScore) usable() bool { return l != nil && l.Cut > 0 && l.Cut < 1 }

// features fills f for name n from the alignment scoreName left in s.al
// and its result r. It runs only where the learned score or eval asks for
// it, never on the hand-made path.
func (ix *Index) features(s *scratch, n int32, r *scoreResult, t *Tuning, f *Features) {
	*f = Features{}
	rec := &ix.names[n]
	nt := ix.ntok[rec.off : rec.off+rec.n]
	al := &s.al
	unseen := float64(ix.idfUnknown)
	f[FeatScore] = r.base
	c := min(0.99, max(0.01, r.base))
	f[FeatScoreLogit] = math.Log(c / (1 - c))
	if r.qw > 0 {
		f[FeatQueryShare] = r.num / r.qw
	}
	if t.Evidence > 0 {
		f[FeatEvidence] = 1 - math.Exp(-r.num/(t.Evidence*unseen))
	}
	if d := r.qw + r.lambda*r.gap; d > 0 {
		f[FeatRaw] = r.num / d
	}
	minSim, aligned, qLeft, qOpen := 1.0, 0, 0, 0.0
	var fuzzy, initial, joined, acronym int
	for i := range s.q {
		if s.q[i].kind == TokLegal {
			continue
		}
		if al.qm[i] == -1 {
			qLeft++
			qOpen = max(qOpen, float64(s.q[i].w)/unseen)
			continue
		}
		aligned++
		minSim = min(minSim, float64(al.qs[i]))
		switch al.how[i] {
		case alignFuzzy, alignKeySlip:
			fuzzy++
		case alignInitial:
			initial++
		case alignJoinName, alignJoinQuery:
			joined++
		case alignAcronymName, alignAcronymQuery:
			acronym++
		}
	}
	if aligned == 0 {
		minSim = 0
	}
	var listW, nOpen float64
	nLeft := 0
	for j := range nt {
		tk := &nt[j]
		if tk.kind == TokLegal {
			continue
		}
		w := float64(tk.idf)
		if tk.kind == TokInitial {
			w = t.InitialWeight
		} else if tk.patronymic {
			w *= t.Patronymic
		}
		listW += w
		if al.nm[j] == -1 {
			nLeft++
			nOpen = max(nOpen, w/unseen)
		}
	}
	if listW > 0 {
		f[FeatListShare] = max(0, 1-r.gap/listW)
	}
	cap4 := func(k int) float64 { return float64(min(k, 4)) }
	f[FeatMinSim] = minSim
	f[FeatQueryOpen], f[FeatListOpen] = qOpen, nOpen
	f[FeatAligned], f[FeatQueryLeft], f[FeatListLeft] = cap4(aligned), cap4(qLeft), cap4(nLeft)
	f[FeatFuzzy], f[FeatInitial], f[FeatJoined], f[FeatAcronym] = cap4(fuzzy), cap4(initial), cap4(joined), cap4(acronym)
	flag := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	f[FeatComplete] = flag(r.complete)
	f[FeatPerson] = flag(rec.person)
	f[FeatWeakAlias] = flag(rec.weak)
	f[FeatLegalConflict] = flag(r.legalConflict)
	f[FeatTypeMismatch] = flag(r.typeMis)
	f[FeatNumberMismatch] = flag(r.numMis)
}

// relearn replaces r's score by the learned one when the tuning has a
// learned score and the hand-made score reaches its From; it returns the
// probability (-1 when not applied). The country boost, which the
// development set cannot fit (its queries carry no country), is applied
// to the learned score as to the hand-made one.
func (ix *Index) relearn(s *scratch, n int32, r *scoreResult, t *Tuning) float64 {
	l := t.Learned
	if !l.usable() || r.below || r.score < l.From || (l.OrgsOnly && ix.names[n].person) {
		return -1
	}
	var f Features
	ix.features(s, n, r, t, &f)
	p := l.Prob(&f)
	sc := l.Score(p)
	if r.countryA {
		sc += (1 - sc) * t.CountryBoost
	}
	r.hand, r.score = r.score, min(1, max(0, sc))
	return p
}

// ScoredName is one candidate name of a query with its hand-made score
// and features: what eval writes to fit a learned score on.
type ScoredName struct {
	Entry     *lists.Entry
	NameIndex int
	Score     float64 // hand-made
	Features  Features
}

// ScoreCandidates calls f for every candidate name of q whose hand-made
// score is at least floor, with its features, for each name the query
// field holds (as Candidates). It scores every candidate in full and is
// for evaluation, not screening.
func (m *Aligned) ScoreCandidates(q Query, floor float64, f func(ScoredName)) {
	m.eachPrepared(q, func(pq Query, s *scratch) {
		for _, c := range m.ix.gather(s, &m.t) {
			r := m.ix.scoreName(s, c.name, pq, &m.t, 0)
			if r.score < floor {
				continue
			}
			rec := &m.ix.names[c.name]
			sn := ScoredName{Entry: m.ix.entries[rec.entry], NameIndex: int(rec.idx), Score: r.score}
			m.ix.features(s, c.name, &r, &m.t, &sn.Features)
			f(sn)
		}
	})
}
