package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Point is every count and rate at one threshold.
type Point struct {
	Threshold float64
	TP, FN    int // positive pairs whose target was / was not found at or above Threshold
	FP, TN    int // negative pairs that were / were not flagged
	Precision float64
	Recall    float64
	F1        float64
	// FPRate is the share of negative pairs flagged: for innocent names,
	// how many a reviewer would see.
	FPRate float64
}

// Curve is a matcher's points at every threshold step, ascending.
type Curve struct {
	Matcher string
	Points  []Point
	// CandidateRecall is the share of positive pairs whose target was among
	// the candidates; NaN when the matcher does not gather candidates (it
	// scores every list name).
	CandidateRecall float64
	Positives       int
	Negatives       int
}

// Steps are the thresholds of tables and curves: floor to 1 by 0.01.
func Steps(floor float64) []float64 {
	var s []float64
	for i := int(math.Round(floor * 100)); i <= 100; i++ {
		s = append(s, float64(i)/100)
	}
	return s
}

// Measure turns outcomes into a curve. A negative pair with targets is
// flagged when a target scores at or above the threshold; one without
// (an innocent name) when anything does.
func Measure(name string, pairs []Pair, out []Outcome, floor float64) Curve {
	c := Curve{Matcher: name, CandidateRecall: math.NaN()}
	candKnown, candHit := 0, 0
	for i, p := range pairs {
		if p.Label {
			c.Positives++
			if out[i].CandidateKnown {
				candKnown++
				if out[i].Candidate {
					candHit++
				}
			}
		} else {
			c.Negatives++
		}
	}
	if candKnown > 0 {
		c.CandidateRecall = float64(candHit) / float64(candKnown)
	}
	for _, t := range Steps(floor) {
		pt := Point{Threshold: t}
		for i, p := range pairs {
			o := out[i]
			switch {
			case p.Label && o.Target >= t:
				pt.TP++
			case p.Label:
				pt.FN++
			case len(p.Targets) > 0 && o.Target >= t, len(p.Targets) == 0 && max(o.Target, o.Other) >= t:
				pt.FP++
			default:
				pt.TN++
			}
		}
		pt.Precision = ratio(pt.TP, pt.TP+pt.FP)
		pt.Recall = ratio(pt.TP, pt.TP+pt.FN)
		if pt.Precision+pt.Recall > 0 {
			pt.F1 = 2 * pt.Precision * pt.Recall / (pt.Precision + pt.Recall)
		}
		pt.FPRate = ratio(pt.FP, pt.FP+pt.TN)
		c.Points = append(c.Points, pt)
	}
	return c
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// At returns the point at threshold t (the nearest step at or below it).
func (c Curve) At(t float64) Point {
	best := c.Points[0]
	for _, p := range c.Points {
		if p.Threshold <= t+1e-9 {
			best = p
		}
	}
	return best
}

// RecallAtFPRate returns the best recall the matcher reaches at any
// threshold whose false-positive rate does not exceed r, with that point.
// It compares matchers at the same cost to reviewers.
func (c Curve) RecallAtFPRate(r float64) (Point, bool) {
	var best Point
	found := false
	for _, p := range c.Points {
		if p.FPRate <= r+1e-12 && (!found || p.Recall > best.Recall) {
			best, found = p, true
		}
	}
	return best, found
}

// WriteTable writes the threshold table of several curves as CSV: one row
// per matcher and threshold.
func WriteTable(w io.Writer, curves []Curve) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"matcher", "threshold", "tp", "fn", "fp", "tn", "precision", "recall", "f1", "fp_rate", "candidate_recall"}); err != nil {
		return err
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, c := range curves {
		cr := ""
		if !math.IsNaN(c.CandidateRecall) {
			cr = f(c.CandidateRecall)
		}
		for _, p := range c.Points {
			if err := cw.Write([]string{c.Matcher, strconv.FormatFloat(p.Threshold, 'f', 2, 64),
				strconv.Itoa(p.TP), strconv.Itoa(p.FN), strconv.Itoa(p.FP), strconv.Itoa(p.TN),
				f(p.Precision), f(p.Recall), f(p.F1), f(p.FPRate), cr}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteSummary writes, per matcher, its figures at threshold t and, for
// every matcher after the first, its best recall at the first matcher's
// false-positive rate: the side-by-side comparison at equal reviewer cost.
func WriteSummary(w io.Writer, curves []Curve, t float64) error {
	if len(curves) == 0 {
		return nil
	}
	ref := curves[0].At(t)
	fmt.Fprintf(w, "%d positive and %d negative pairs; threshold %.2f\n", curves[0].Positives, curves[0].Negatives, t)
	fmt.Fprintf(w, "%-12s %9s %9s %9s %9s %9s  %s\n", "matcher", "precision", "recall", "f1", "fp_rate", "cand_rec", "recall at "+pct(ref.FPRate)+" flagged innocents")
	for i, c := range curves {
		p := c.At(t)
		cr := "n/a"
		if !math.IsNaN(c.CandidateRecall) {
			cr = strconv.FormatFloat(c.CandidateRecall, 'f', 4, 64)
		}
		cmp := "(reference)"
		if i > 0 {
			if q, ok := c.RecallAtFPRate(ref.FPRate); ok {
				cmp = fmt.Sprintf("%.4f (threshold %.2f)", q.Recall, q.Threshold)
			} else {
				cmp = "none: flags more at every threshold"
			}
		}
		if _, err := fmt.Fprintf(w, "%-12s %9.4f %9.4f %9.4f %9s %9s  %s\n", c.Matcher, p.Precision, p.Recall, p.F1, pct(p.FPRate), cr, cmp); err != nil {
			return err
		}
	}
	return nil
}

func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 2, 64) + "%" }
