package eval

import (
	"errors"
	"fmt"
	"testing"
)

// The two halves of the tuning part partition it, keep the pairs of one
// target together, hold about half each, and leave held-out pairs alone.
func TestSelectSplitHalves(t *testing.T) {
	var pairs []Pair
	for i := range 400 {
		key := fmt.Sprintf("ofac_sdn:%d", 10000+i)
		pairs = append(pairs,
			Pair{Query: fmt.Sprintf("Alias %d", i), Targets: []string{key}, Label: true, HeldOut: i%5 == 0},
			Pair{Query: fmt.Sprintf("Other alias %d", i), Targets: []string{key}, Label: true, HeldOut: i%5 == 0},
			Pair{Query: fmt.Sprintf("INNOCENT HOLDINGS %d INC", i)})
	}
	tune, _ := SelectSplit(pairs, "tune")
	a, _ := SelectSplit(pairs, PartTuneA)
	b, _ := SelectSplit(pairs, PartTuneB)
	held, _ := SelectSplit(pairs, PartHeldOut)
	all, _ := SelectSplit(pairs, "all")
	if len(a)+len(b) != len(tune) || len(tune)+len(held) != len(pairs) || len(all) != len(pairs) {
		t.Fatalf("sizes: a %d + b %d vs tune %d; held %d; all %d of %d", len(a), len(b), len(tune), len(held), len(all), len(pairs))
	}
	// about half each (binomial, 1,040 tuning pairs: 40% is far outside chance)
	if len(a) < len(tune)*4/10 || len(b) < len(tune)*4/10 {
		t.Errorf("halves %d and %d of %d", len(a), len(b), len(tune))
	}
	half := map[string]string{}
	for _, p := range tune {
		part := Part(p)
		if part != PartTuneA && part != PartTuneB {
			t.Fatalf("%q in part %q", p.Query, part)
		}
		if len(p.Targets) == 0 {
			continue
		}
		if h, ok := half[p.Targets[0]]; ok && h != part {
			t.Errorf("pairs of %s in both halves", p.Targets[0])
		}
		half[p.Targets[0]] = part
	}
	for _, p := range held {
		if Part(p) != PartHeldOut {
			t.Errorf("held-out %q in part %q", p.Query, Part(p))
		}
	}
	if _, err := SelectSplit(pairs, "tune-c"); !errors.Is(err, ErrSplit) {
		t.Errorf("tune-c: %v, want ErrSplit", err)
	}
}
