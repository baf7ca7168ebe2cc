package eval

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// The check recombines tuning innocents and listed persons, never
// reproduces a listed name, an innocent or a held-out innocent, and is the
// same on every run.
func TestCheckPairs(t *testing.T) {
	l := &lists.List{ID: "ofac_sdn", Entries: []*lists.Entry{
		{List: "ofac_sdn", ID: "1", Type: lists.TypePerson, Names: []lists.Name{{Value: "PETROV, Ivan Sergeevich", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "2", Type: lists.TypePerson, Names: []lists.Name{{Value: "KARIMI, Hossein", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "3", Type: lists.TypePerson, Names: []lists.Name{{Value: "AL-SAYED, Omar", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "5", Type: lists.TypePerson, Names: []lists.Name{{Value: "NGUYEN, Van Thanh", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "6", Type: lists.TypePerson, Names: []lists.Name{{Value: "SOKOLOV, Dmitri", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "7", Type: lists.TypePerson, Names: []lists.Name{{Value: "MENDEZ, Carlos Alberto", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "4", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "IRON BIRD TRADING LLC", Kind: lists.NamePrimary}}},
	}}
	innocents := []string{"Iron Mountain Inc", "Blue Bird Corp", "Cascade Natural Gas Corp", "Glacier Bancorp, Inc.", "Trading Partners Holdings Ltd", "Sunrise Realty Trust", "Northwind Foods Co"}
	d := Derive([]*lists.List{l}, innocents, DevSetOptions{})
	o := CheckOptions{CompanyPerName: 6, Persons: 20}
	got := d.CheckPairs(o)
	if again := d.CheckPairs(o); !slices.EqualFunc(got, again, func(a, b Pair) bool { return a.Query == b.Query && a.Source == b.Source }) {
		t.Fatal("two runs differ")
	}
	held := map[string]bool{}
	for _, p := range d.Pairs {
		if p.HeldOut {
			held[p.Query] = true
		}
	}
	bySource := map[string]int{}
	for _, p := range got {
		bySource[p.Source]++
		if p.Label || p.HeldOut || len(p.Targets) > 0 {
			t.Errorf("%+v: want an innocent of the tuning part", p)
		}
		k := nameOnly(p.Query)
		if d.listed[k] || strings.EqualFold(p.Query, "Iron Bird Trading LLC") {
			t.Errorf("%q is a listed name", p.Query)
		}
		for _, n := range innocents {
			if nameOnly(n) == k {
				t.Errorf("%q is an innocent already", p.Query)
			}
		}
		if p.Source == SourceCheckCompany {
			for h := range held {
				head, _, _ := strings.Cut(h, " ")
				if strings.HasPrefix(p.Query, head+" ") {
					t.Errorf("%q takes its head from held-out %q", p.Query, h)
				}
			}
		}
		if p.Source == SourceCheckPerson && !strings.Contains(p.Query, ", ") {
			t.Errorf("person %q not written SURNAME, Given", p.Query)
		}
	}
	if bySource[SourceCheckCompany] == 0 || bySource[SourceCheckPerson] == 0 || bySource[SourceCheckPerson] > 20 {
		t.Errorf("by source %v", bySource)
	}
}

func TestCountCheck(t *testing.T) {
	pairs := []Pair{
		{Query: "a", Source: "innocent"},
		{Query: "b", Source: "innocent"},
		{Query: "c", Source: SourceCheckCompany},
		{Query: "d", Source: SourceCheckCompany},
		{Query: "e", Source: SourceCheckCompany},
		{Query: "p", Targets: []string{"l:1"}, Label: true, Source: "cross-id"},
	}
	out := []Outcome{{Other: 0.86}, {Other: 0.5}, {Other: 0.83}, {Target: 0.82, Other: 0.81}, {Other: 0.849}, {Target: 0.1}}
	got := CountCheck(pairs, out, 0.85)
	want := []CheckCount{{Source: SourceCheckCompany, Names: 3, Flagged: 0, Near: 3}, {Source: "innocent", Names: 2, Flagged: 1, Near: 0}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	var b bytes.Buffer
	if err := WriteCheck(&b, got, 0.85); err != nil || !strings.Contains(b.String(), "check-company        3        0      3") {
		t.Errorf("report %q, %v", b.String(), err)
	}
}
