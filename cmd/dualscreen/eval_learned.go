package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dualscreen/dualscreen/eval"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// evalLearnedFlags are eval's options for the learned second-stage score
// (matchers/learned.go): writing the features to fit on, and fitting.
type evalLearnedFlags struct {
	writeFeatures string
	fitFrom       string
	l2            float64
	from          float64
	orgs          bool
	allInnocent   bool
	drop          string
}

func (f *evalLearnedFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
	Float64Var(p *float64, name string, value float64, usage string)
	BoolVar(p *bool, name string, value bool, usage string)
}) {
	fs.BoolVar(&f.allInnocent, "learned-all-innocent", false, "fit on every candidate name of an innocent pair, not only its best-scoring one")
	fs.BoolVar(&f.orgs, "learned-orgs", false, "the learned score re-scores organisations' names only (persons keep the hand-made score), and is fitted on those")
	fs.StringVar(&f.writeFeatures, "write-features", "", "write every candidate name scoring at least 0.3 of every pair of --split, with the aligned matcher's features and the training rows marked, to this CSV")
	fs.StringVar(&f.fitFrom, "learned-fit", "", "fit a learned second-stage score on this --write-features CSV (fit on tune-a's only) and evaluate the aligned matcher with it")
	fs.Float64Var(&f.l2, "learned-l2", 1, "L2 penalty of the learned score's fit (standardised features)")
	fs.Float64Var(&f.from, "learned-from", eval.FeatureFloor, "the learned score re-scores only names whose hand-made score is at least this, and is fitted on those")
	fs.StringVar(&f.drop, "learned-drop", "", "features left out of the learned fit, comma-separated (have "+strings.Join(matchers.FeatureNames[:], ", ")+")")
}

// tuning returns the aligned matcher's options for this run: with the
// learned score fitted on --learned-fit's rows, the fit printed to w.
func (f *evalLearnedFlags) tuning(w io.Writer, threshold float64) (matchers.Tuning, error) {
	var t matchers.Tuning
	if f.fitFrom == "" {
		return t, nil
	}
	if f.l2 <= 0 {
		return t, usagef("eval: --learned-l2 %.3g must be positive", f.l2)
	}
	if f.from < eval.FeatureFloor || f.from > threshold {
		// under the floor no features were written; over the threshold
		// the learned score could only lower flags it never saw
		return t, usagef("eval: --learned-from %.2f outside [%.2f, --threshold %.2f]", f.from, eval.FeatureFloor, threshold)
	}
	var drop []int
	for _, name := range strings.Split(f.drop, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		k := -1
		for i, n := range matchers.FeatureNames {
			if n == name {
				k = i
			}
		}
		if k < 0 {
			return t, usagef("eval: --learned-drop: no feature %q", name)
		}
		drop = append(drop, k)
	}
	rows, err := eval.ReadFeaturesCSV(f.fitFrom)
	if err != nil {
		return t, inputError(err)
	}
	fit, err := eval.FitLearned(rows, eval.LearnedOptions{L2: f.l2, Threshold: threshold, From: f.from, OrgsOnly: f.orgs, AllInnocent: f.allInnocent, Drop: drop})
	if err != nil {
		return t, inputError(fmt.Errorf("%s: %w", f.fitFrom, err))
	}
	fmt.Fprintf(w, "learned fit on %s: %d positive and %d innocent rows, %d Newton steps, L2 %g; innocents flagged on its rows: hand-made %d, learned %d at probability %.4f\n",
		f.fitFrom, fit.Positives, fit.Innocents, fit.Iterations, f.l2, fit.HandFlagged, fit.LearnedFlagged, fit.Score.Cut)
	fmt.Fprintf(w, "  bias %.4f\n", fit.Score.Bias)
	for i, c := range fit.Score.Weights {
		fmt.Fprintf(w, "  %-16s %9.4f\n", matchers.FeatureNames[i], c)
	}
	t.Learned = &fit.Score
	return t, nil
}

// writeFeaturesFor writes the features of pairs as the aligned matcher
// over entries scores them, when --write-features asks.
func (f *evalLearnedFlags) writeFeaturesFor(ctx context.Context, entries []*lists.Entry, pairs []eval.Pair, t matchers.Tuning) error {
	if f.writeFeatures == "" {
		return nil
	}
	t.Learned = nil // features are of the hand-made score
	m := matchers.NewAligned(entries, matchers.Options{Threshold: eval.FeatureFloor, Tuning: t})
	rows, err := eval.CollectFeatures(ctx, m, pairs)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := eval.WriteFeaturesCSV(&buf, rows); err != nil {
		return err
	}
	return evalWriteFile(f.writeFeatures, buf.Bytes())
}
