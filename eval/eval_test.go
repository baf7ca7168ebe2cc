package eval

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/lists"
)

func TestMeasure(t *testing.T) {
	pairs := []Pair{
		{Query: "a", Targets: []string{"l:1"}, Label: true},
		{Query: "b", Targets: []string{"l:2"}, Label: true},
		{Query: "c"}, // innocent
		{Query: "d"}, // innocent
		{Query: "e", Targets: []string{"l:3"}, Label: false}, // labelled non-match
	}
	out := []Outcome{{Target: 0.95}, {Target: 0.7}, {Other: 0.9}, {}, {Target: 0.6, Other: 0.99}}
	c := Measure("m", pairs, out, 0.5)
	p := c.At(0.85)
	if p.TP != 1 || p.FN != 1 || p.FP != 1 || p.TN != 2 {
		t.Fatalf("at 0.85: %+v", p)
	}
	if p.Precision != 0.5 || p.Recall != 0.5 || math.Abs(p.FPRate-1.0/3) > 1e-12 {
		t.Errorf("rates at 0.85: %+v", p)
	}
	q := c.At(0.6) // e's target now counts against
	if q.TP != 2 || q.FP != 2 {
		t.Errorf("at 0.6: %+v", q)
	}
	if r, ok := c.RecallAtFPRate(0); !ok || r.Recall != 0.5 || r.Threshold != 0.91 {
		t.Errorf("recall at no false positives: %+v %v", r, ok)
	}
}

func TestReadPairsErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"query,label\nx,1\n", `missing column "target"`},
		{"query,target,label\n,l:1,1\n", "line 2, column query"},
		{"query,target,label\nx,,1\n", "line 2, column target"},
		{"query,target,label\nx,l:1,2\n", "line 2, column label"},
	} {
		_, err := readPairs("p.csv", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "p.csv: ") {
			t.Errorf("%q: err %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestPairsRoundTrip(t *testing.T) {
	in := []Pair{{Query: `Acme "Co", Ltd`, Targets: []string{"a:1", "b:2"}, Label: true, Source: "cross-id", HeldOut: true}, {Query: "Innocent Inc", Source: "innocent"}}
	var b bytes.Buffer
	if err := WritePairsCSV(&b, in); err != nil {
		t.Fatal(err)
	}
	got, err := readPairs("x", &b)
	if err != nil || len(got) != 2 || got[0].Query != in[0].Query || len(got[0].Targets) != 2 || !got[0].HeldOut || got[1].Label {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
}

func TestSVGEscapes(t *testing.T) {
	c := Measure(`<script>"x"&`, []Pair{{Query: "a", Targets: []string{"l:1"}, Label: true}}, []Outcome{{Target: 0.9}}, 0.5)
	var b bytes.Buffer
	if err := WriteSVG(&b, []Curve{c}, 0.85); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") || !strings.Contains(b.String(), "&lt;script&gt;") {
		t.Errorf("matcher name not escaped:\n%s", b.String())
	}
}

// The development set derived from the real lists: every part present,
// one in five held out, and every target an indexed entry.
func TestDeriveRealData(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every list")
	}
	dir := testutil.SharedData(t, "restricted_parties")
	cn := testutil.SharedData(t, "shipments/company_names")
	ls, err := lists.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	names, err := ReadSECCompanyNames(filepath.Join(cn, "sec_company_tickers_exchange.json"))
	if err != nil {
		t.Fatal(err)
	}
	d := Derive(ls, names, DevSetOptions{})
	keys := map[string]bool{}
	for _, e := range d.Entries {
		keys[EntryKey(e.List, e.ID)] = true
	}
	held := 0
	for _, p := range d.Pairs {
		if p.HeldOut {
			held++
		}
		for _, k := range p.Targets {
			if !keys[k] {
				t.Fatalf("pair %+v: target %s not indexed", p, k)
			}
		}
	}
	for _, part := range []string{"cross-id tune", "alias-loo tune", "innocent tune", "cross-id heldout", "alias-loo heldout", "innocent heldout"} {
		if d.Counts[part] < 50 {
			t.Errorf("%s: %d pairs", part, d.Counts[part])
		}
	}
	if f := float64(held) / float64(len(d.Pairs)); f < 0.15 || f > 0.25 {
		t.Errorf("held out %.3f of pairs, want about 0.2", f)
	}
	t.Logf("%d pairs: %v", len(d.Pairs), d.Counts)
}

// TestCrossIDKeepsNames: entries linked by an identifier are a cross-id
// pair only when their names are variants of each other and both are
// persons or both are not. A vessel renamed under one IMO number, or a
// person whose entry cites the group's UN reference, is no name pair.
func TestCrossIDKeepsNames(t *testing.T) {
	ent := func(list, id string, typ lists.EntryType, name, ident string) *lists.Entry {
		return &lists.Entry{List: list, ID: id, Type: typ, Names: []lists.Name{{Value: name, Kind: lists.NamePrimary}},
			Identifiers: []lists.Identifier{{Type: "Registration Number", Value: ident}}}
	}
	ls := []*lists.List{
		{ID: "eu_journal", Entries: []*lists.Entry{
			ent("eu_journal", "1", lists.TypeOrganisation, "JSC Navis-Electronics", "1027739110851"),
			ent("eu_journal", "2", lists.TypeVessel, "Kemerovo", "IMO9256858"),
			ent("eu_journal", "3", lists.TypePerson, "Seka BALUKU", "CDe.001 1122334455"),
		}},
		{ID: "ofac_sdn", Entries: []*lists.Entry{
			ent("ofac_sdn", "10", lists.TypeOrganisation, "AKTSIONERNOE OBSHCHESTVO NAVIS ELEKTRONIKA", "1027739110851"),
			ent("ofac_sdn", "11", lists.TypeVessel, "NS COLUMBUS", "IMO9256858"),
			ent("ofac_sdn", "12", lists.TypeOrganisation, "BALUKU GROUP", "1122334455"),
		}},
	}
	d := Derive(ls, nil, DevSetOptions{})
	var got []string
	for _, p := range d.Pairs {
		if p.Source == "cross-id" {
			got = append(got, p.Query+" -> "+strings.Join(p.Targets, "|"))
		}
	}
	want := []string{"JSC Navis-Electronics -> ofac_sdn:10", "AKTSIONERNOE OBSHCHESTVO NAVIS ELEKTRONIKA -> eu_journal:1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cross-id pairs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Counts["cross-id link dropped"] != 4 {
		t.Errorf("dropped links = %d, want 4 (vessel renamed and person/organisation, both ways)", d.Counts["cross-id link dropped"])
	}
}

func TestWithoutEDGARSuffix(t *testing.T) {
	for in, want := range map[string]string{
		"Contemporary Amperex Technology Co., Limited/ADR": "Contemporary Amperex Technology Co., Limited",
		"BAE SYSTEMS PLC /FI/":                             "BAE SYSTEMS PLC",
		"APPLE INC":                                        "APPLE INC",
		"AT&T INC.":                                        "AT&T INC.",
		"/DE/":                                             "/DE/",
	} {
		if got := withoutEDGARSuffix(in); got != want {
			t.Errorf("withoutEDGARSuffix(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNamesakesAreNamesakes: an innocent is left out as a namesake only when
// it is a listed name with another legal form ("CARVANA CO." / "CARVANA
// COMPANY"), never because the matcher reads a firm's own initials as a
// type of enterprise and what is left is a word any firm uses ("TC ENERGY
// CORP" / "JSC Energiya", "NPK International Inc." / "DES INTERNATIONAL
// COMPANY LIMITED"): that would drop a false flag from the count.
func TestNamesakesAreNamesakes(t *testing.T) {
	org := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name, Kind: lists.NamePrimary}}}
	}
	ls := []*lists.List{{ID: "ofac_sdn", Entries: []*lists.Entry{
		org("1", "CARVANA COMPANY"), org("2", "JSC Energiya"), org("3", "DES INTERNATIONAL COMPANY LIMITED"),
	}}}
	d := Derive(ls, []string{"CARVANA CO.", "TC ENERGY CORP", "NPK International Inc.", "Apple Inc."}, DevSetOptions{})
	var kept []string
	for _, p := range d.Pairs {
		if p.Source == "innocent" {
			kept = append(kept, p.Query)
		}
	}
	sort.Strings(kept)
	want := []string{"Apple Inc.", "NPK International Inc.", "TC ENERGY CORP"}
	if strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("innocents kept %q, want %q", kept, want)
	}
	if d.Counts["innocent namesake removed"] != 1 {
		t.Errorf("namesakes removed: %d, want 1 (CARVANA CO.)", d.Counts["innocent namesake removed"])
	}
}

// The error listing says, for each missed positive, whether a target was
// among the candidates (candidate generation's miss, or scoring's), and
// nothing for a negative or when the matcher does not say.
func TestWriteErrorsCandidateColumn(t *testing.T) {
	pairs := []Pair{
		{Query: "Abdur Rehman", Targets: []string{"ofac_sdn:12922"}, Label: true, Source: "cross-id"},
		{Query: "JSC Kalashnikov", Targets: []string{"ofac_sdn:16911"}, Label: true, Source: "cross-id"},
		{Query: "Saab AB", Label: false, Source: "innocent"},
		{Query: "PALBASA", Targets: []string{"ofac_sdn:16179"}, Label: true, Source: "alias-loo"},
	}
	out := []Outcome{
		{CandidateKnown: true, Candidate: false},
		{Target: 0.523, CandidateKnown: true, Candidate: true},
		{Other: 0.91},
		{},
	}
	var b strings.Builder
	if err := WriteErrors(&b, pairs, out, 0.85); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || recs[0][12] != "candidate" {
		t.Fatalf("errors CSV:\n%s", b.String())
	}
	for i, want := range []string{"false", "true", "", ""} {
		if got := recs[i+1][12]; got != want {
			t.Errorf("%s: candidate %q, want %q", recs[i+1][3], got, want)
		}
	}
}
