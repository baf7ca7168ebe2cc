package eval

import (
	"errors"
	"fmt"
	"slices"

	"github.com/dualscreen/dualscreen/matchers"
)

// LearnedFit is a learned second-stage score fitted on feature rows
// (CollectFeatures) and what it does on them.
type LearnedFit struct {
	Score matchers.LearnedScore
	// Positives and Innocents count the training rows of each label.
	Positives, Innocents int
	// HandFlagged is how many of the rows' innocent pairs the hand-made
	// score flags at the threshold; LearnedFlagged, how many the learned
	// score flags at its cut (never more).
	HandFlagged, LearnedFlagged int
	// Iterations is how many Newton steps the fit took.
	Iterations int
}

// LearnedOptions are FitLearned's choices.
type LearnedOptions struct {
	L2        float64 // penalty on the standardised weights
	Threshold float64 // the hand-made score's operating point (0.85)
	// From: only names whose hand-made score is at least From are
	// fitted on and re-scored (FeatureFloor at least).
	From float64
	// OrgsOnly: persons' names keep the hand-made score and are not fitted on.
	OrgsOnly bool
	// AllInnocent: every candidate name of an innocent pair is a training
	// row, not only its best (the learned score may rank another first).
	AllInnocent bool
	// Drop lists features left out (weight 0), by number.
	Drop []int
}

// FitLearned fits the learned score's logistic regression on the rows
// marked Train (LearnedOptions say which others, and which features),
// and chooses its cut: the lowest probability at
// which the rows' innocent pairs flagged (each at its best candidate's
// probability) are no more than the hand-made score flags at threshold.
// Only the rows given are read: pass one part of the development set's
// rows (tune-a), never the part the result is judged on.
func FitLearned(rows []FeatureRow, o LearnedOptions) (LearnedFit, error) {
	from, orgsOnly, threshold := max(o.From, FeatureFloor), o.OrgsOnly, o.Threshold
	var fit LearnedFit
	fit.Score.From, fit.Score.OrgsOnly = from, orgsOnly
	applies := func(r *FeatureRow) bool {
		return r.Score() >= from && !(orgsOnly && r.Features[matchers.FeatPerson] == 1)
	}
	var x [][]float64
	var y []bool
	for i := range rows {
		r := &rows[i]
		if !(r.Train || o.AllInnocent && !r.Label) || !applies(r) {
			continue
		}
		f := r.Features
		for _, d := range o.Drop {
			f[d] = 0
		}
		x = append(x, f[:])
		y = append(y, r.Label)
		if r.Label {
			fit.Positives++
		} else {
			fit.Innocents++
		}
	}
	if fit.Positives == 0 || fit.Innocents == 0 {
		return fit, fmt.Errorf("learned fit: %d positive and %d innocent training rows: need both", fit.Positives, fit.Innocents)
	}
	m, err := FitLogistic(x, y, o.L2)
	if err != nil {
		return fit, err
	}
	fit.Iterations = m.Iterations
	fit.Score.Bias = m.Bias
	copy(fit.Score.Weights[:], m.W)
	// each innocent pair's best hand-made score, and its best learned
	// probability or, when a name the learned score leaves alone flags it,
	// 2 (above every cut)
	hand, prob := map[int]float64{}, map[int]float64{}
	for i := range rows {
		r := &rows[i]
		if r.Label {
			continue
		}
		p := 0.0
		switch {
		case applies(r):
			p = fit.Score.Prob(&r.Features)
		case r.Score() >= threshold:
			p = 2
		}
		hand[r.Pair] = max(hand[r.Pair], r.Score())
		prob[r.Pair] = max(prob[r.Pair], p)
	}
	for _, s := range hand {
		if s >= threshold {
			fit.HandFlagged++
		}
	}
	ps := make([]float64, 0, len(prob))
	for _, p := range prob {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	slices.Reverse(ps)
	fixed := 0
	for _, p := range ps {
		if p > 1 {
			fixed++
		}
	}
	cut, err := cutFlagging(ps[fixed:], fit.HandFlagged-fixed)
	if err != nil {
		return fit, err
	}
	fit.Score.Cut = cut
	for _, p := range ps {
		if p >= cut {
			fit.LearnedFlagged++
		}
	}
	return fit, nil
}

// cutFlagging returns a cut that flags at most k of the probabilities ps
// (sorted, highest first): halfway between the last one flagged and the
// next, ties kept together below the cut.
func cutFlagging(ps []float64, k int) (float64, error) {
	if len(ps) == 0 {
		return 0, errors.New("learned fit: no innocent rows to choose the cut on")
	}
	k = max(k, 0)
	if k >= len(ps) {
		k = len(ps) - 1
	}
	for k > 0 && ps[k-1] == ps[k] {
		k--
	}
	if k == 0 {
		// nothing may be flagged: just above the highest innocent
		return ps[0] + (1-ps[0])/2, nil
	}
	return (ps[k-1] + ps[k]) / 2, nil
}
