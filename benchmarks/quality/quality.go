// Package quality scores a peer's hits against a batch's truth: recall on
// the planted variants of list names and false positives on the innocents,
// counted per distinct name so that repetition does not weigh in.
package quality

import (
	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/benchmarks/peers"
)

// Score is the quality of one peer run at one threshold.
type Score struct {
	Threshold float64 `json:"threshold"`
	Planted   int     `json:"planted"`  // planted names screened
	Found     int     `json:"found"`    // planted names with any hit
	Correct   int     `json:"correct"`  // planted names whose hits include the entry they came from
	Innocent  int     `json:"innocent"` // innocent names screened
	FalsePos  int     `json:"false_pos"`
	// ByVariant counts found/planted per variant kind.
	ByVariant map[string][2]int `json:"by_variant"`
}

// Recall is Found/Planted.
func (s Score) Recall() float64 { return ratio(s.Found, s.Planted) }

// FPRate is FalsePos/Innocent.
func (s Score) FPRate() float64 { return ratio(s.FalsePos, s.Innocent) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Count scores r against truth at threshold t: a name counts as flagged
// when one of its hits scores at least t. Only the names r screened count.
func Count(truth []gen.Name, r *peers.Result, t float64) Score {
	s := Score{Threshold: t, ByVariant: map[string][2]int{}}
	var screened map[string]bool
	if r.Sampled {
		screened = make(map[string]bool, len(r.ScreenedNames))
		for _, n := range r.ScreenedNames {
			screened[n] = true
		}
	}
	for _, n := range truth {
		if screened != nil && !screened[n.Name] {
			continue
		}
		flagged, correct := false, false
		for _, h := range r.Hits[n.Name] {
			if h.Score >= t {
				flagged = true
				if h.List == n.List && h.EntryID == n.EntryID {
					correct = true
				}
			}
		}
		if n.Planted {
			s.Planted++
			v := s.ByVariant[n.Variant]
			v[1]++
			if flagged {
				s.Found++
				v[0]++
			}
			if correct {
				s.Correct++
			}
			s.ByVariant[n.Variant] = v
		} else {
			s.Innocent++
			if flagged {
				s.FalsePos++
			}
		}
	}
	return s
}

// OnSample scores full, a run that screened every name, on only the names
// sampled screened: how it did on exactly the names a sampled peer was
// asked about, so that the two recalls compare like with like.
func OnSample(truth []gen.Name, full, sampled *peers.Result, t float64) Score {
	return Count(truth, &peers.Result{Sampled: true, ScreenedNames: sampled.ScreenedNames, Hits: full.Hits}, t)
}
