package listgen

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func realEntries() []*lists.Entry {
	var out []*lists.Entry
	names := []string{"Rosoboronexport JSC", "Sberbank Kapital LLC", "PUMA SECURITY AGENCY", "Kim Jong Sik", "Islamic Revolutionary Guard Corps", "Korea Mining Development Trading Corporation"}
	for i, n := range names {
		out = append(out, &lists.Entry{List: "x", ID: string(rune('a' + i)), Type: lists.TypeOrganisation, Names: []lists.Name{{Value: n}, {Value: strings.ToUpper(n)}}})
	}
	return out
}

func TestSized(t *testing.T) {
	keep := map[string]bool{Key("x", "c"): true}
	small, err := Sized(realEntries(), keep, 4, 1)
	if err != nil {
		t.Fatal(err)
	}
	if CountNames(small) != 4 || small[0].ID != "c" {
		t.Errorf("small: %d names, first %s; want 4 names with the kept entry first", CountNames(small), small[0].ID)
	}
	big, err := Sized(realEntries(), keep, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := CountNames(big); n < 100 || n > 102 {
		t.Errorf("big: %d names, want 100 (at most 2 over: entries are whole)", n)
	}
	orig := map[string]bool{}
	for _, e := range realEntries() {
		for _, n := range e.Names {
			orig[n.Value] = true
		}
	}
	synth := 0
	for _, e := range big {
		if e.List != "synthetic" {
			continue
		}
		synth++
		for _, n := range e.Names {
			if n.Value == "" {
				t.Errorf("%s has an empty name", e.ID)
			}
		}
	}
	if synth == 0 {
		t.Fatal("no synthetic entries above the real size")
	}
	again, _ := Sized(realEntries(), keep, 100, 1)
	for i := range big {
		if big[i].PrimaryName() != again[i].PrimaryName() {
			t.Fatalf("not deterministic at %d", i)
		}
	}
	if _, err := Sized(realEntries(), nil, 0, 1); err == nil {
		t.Error("size 0 accepted")
	}
}
