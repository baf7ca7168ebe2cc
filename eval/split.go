package eval

import (
	"errors"
	"fmt"
	"hash/fnv"
)

// The parts of a development set. The tuning part is cut in two halves so
// that a researcher can study the errors of one half (tune-a) and see
// whether a change also moves the other (tune-b), which was never looked
// at: an estimate of how the change generalises that leaves the held-out
// part unseen. Rules written for one name improve tune-a alone; changes
// that generalise move both.
const (
	PartHeldOut = "heldout"
	PartTuneA   = "tune-a"
	PartTuneB   = "tune-b"
)

// Splits are the values SelectSplit accepts: a part, "tune" (both
// halves) or "all".
var Splits = []string{PartHeldOut, "tune", PartTuneA, PartTuneB, "all"}

// ErrSplit marks an unknown split name.
var ErrSplit = errors.New("unknown split")

// Part names the part a pair belongs to: PartHeldOut, or for a tuning
// pair PartTuneA or PartTuneB. The half is chosen by a hash of the pair's
// first target (of the query, for an innocent name), the key the held-out
// part is cut by, salted so that the halves are independent of that cut:
// the pairs of one target entry stay in one half.
func Part(p Pair) string {
	if p.HeldOut {
		return PartHeldOut
	}
	key := p.Query
	if p.SplitKey != "" {
		key = p.SplitKey
	} else if len(p.Targets) > 0 {
		key = p.Targets[0]
	}
	h := fnv.New32a()
	h.Write([]byte("tune-half\x00"))
	h.Write([]byte(key))
	if h.Sum32()%2 == 0 {
		return PartTuneA
	}
	return PartTuneB
}

// SelectSplit returns the pairs of one split (see Splits), in their
// order. It returns ErrSplit for an unknown name.
func SelectSplit(pairs []Pair, split string) ([]Pair, error) {
	in := func(p Pair) bool {
		switch split {
		case "all":
			return true
		case "tune":
			return !p.HeldOut
		}
		return Part(p) == split
	}
	known := false
	for _, s := range Splits {
		known = known || s == split
	}
	if !known {
		return nil, fmt.Errorf("%w %q: want one of %v", ErrSplit, split, Splits)
	}
	var out []Pair
	for _, p := range pairs {
		if in(p) {
			out = append(out, p)
		}
	}
	return out, nil
}
