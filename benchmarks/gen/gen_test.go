package gen

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// entries is a small hand-written list in the shapes of the real ones.
func entries() []*lists.Entry {
	return []*lists.Entry{
		{List: "ofac_sdn", ID: "7774", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "PUMA SECURITY AGENCY", Kind: lists.NamePrimary}}, Countries: []string{"BA"}},
		{List: "us_csl", ID: "18669", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU SBERBANK KAPITAL", Kind: lists.NamePrimary}, {Value: "Sberbank Kapital LLC", Kind: lists.NameAKA}}, Countries: []string{"RU"}},
		{List: "un_sc", ID: "KPi.066", Type: lists.TypePerson, Names: []lists.Name{{Value: "Kim Jong Sik", Kind: lists.NamePrimary}, {Value: "KJS", Kind: lists.NameWeak}}, Countries: []string{"KP"}},
		{List: "eu_fsf", ID: "EU.123.45", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Rosoboronexport JSC", Kind: lists.NamePrimary}, {Value: "Рособоронэкспорт", Kind: lists.NameAKA, Lang: "ru"}}, Countries: []string{"RU"}},
		{List: "ofac_sdn", ID: "9999", Type: lists.TypeVessel, Names: []lists.Name{{Value: "OCEAN VOYAGER STAR", Kind: lists.NamePrimary}}},
		{List: "us_csl", ID: "555", Type: lists.TypePerson, Names: []lists.Name{{Value: "MENDOZA ROBLES, Eduardo", Kind: lists.NamePrimary}}, Countries: []string{"MX"}},
	}
}

func TestPoolTruth(t *testing.T) {
	o := Options{Rows: 20_000, Entries: entries(), SEC: []string{"NVIDIA CORP", "Apple Inc.", "PUMA SECURITY AGENCY"}}
	pool, st, err := Pool(o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Distinct != 400 || len(pool) != 400 {
		t.Fatalf("distinct = %d (pool %d), want 2%% of 20,000 = 400", st.Distinct, len(pool))
	}
	if st.Planted != 40 || st.Innocent != 360 {
		t.Errorf("planted %d innocent %d, want 40 and 360 (a tenth of a small pool)", st.Planted, st.Innocent)
	}
	byKey := map[string]*lists.Entry{}
	for _, e := range o.Entries {
		byKey[e.List+"/"+e.ID] = e
	}
	seen := map[string]bool{}
	for _, n := range pool {
		if seen[n.Name] {
			t.Errorf("name %q twice in the pool", n.Name)
		}
		seen[n.Name] = true
		if !n.Planted {
			if n.Name == "PUMA SECURITY AGENCY" {
				t.Errorf("a listed name was drawn as an innocent")
			}
			continue
		}
		e := byKey[n.List+"/"+n.EntryID]
		if e == nil {
			t.Fatalf("planted %q names entry %s/%s, not in the lists", n.Name, n.List, n.EntryID)
		}
		if e.Type == lists.TypeVessel {
			t.Errorf("planted %q from a vessel", n.Name)
		}
		found := false
		for _, nm := range e.Names {
			found = found || nm.Value == n.Source
			if nm.Value == n.Source && nm.Kind == lists.NameWeak {
				t.Errorf("planted %q from weak alias %q", n.Name, n.Source)
			}
		}
		if !found {
			t.Errorf("planted %q: source %q is not a name of %s/%s", n.Name, n.Source, n.List, n.EntryID)
		}
		if (n.Variant == VarExact) != (n.Name == n.Source) {
			t.Errorf("planted %q (%s) vs source %q", n.Name, n.Variant, n.Source)
		}
	}
	again, _, err := Pool(o)
	if err != nil {
		t.Fatal(err)
	}
	for i := range pool {
		if pool[i] != again[i] {
			t.Fatalf("pool differs at %d with the same seed: %+v vs %+v", i, pool[i], again[i])
		}
	}
}

func TestGenerateParquet(t *testing.T) {
	o := Options{Rows: 5_000, Entries: entries(), RowGroup: 2_000}
	pool, rdr, tbl := generated(t, o)
	if rdr.NumRows() != 5_000 || rdr.NumRowGroups() != 3 {
		t.Errorf("rows %d in %d row groups, want 5000 in 3", rdr.NumRows(), rdr.NumRowGroups())
	}
	for i, f := range Schema.Fields() {
		got := tbl.Schema().Field(i)
		if got.Name != f.Name || !arrow.TypeEqual(got.Type, f.Type) {
			t.Errorf("column %d: %s %s, want %s %s", i, got.Name, got.Type, f.Name, f.Type)
		}
	}
	// Every consignee comes from the pool, and most pool names occur.
	inPool := map[string]bool{}
	for _, n := range pool {
		inPool[n.Name] = true
	}
	col := tbl.Column(4)
	seen := map[string]bool{}
	for _, ch := range col.Data().Chunks() {
		for i := range ch.Len() {
			v := ch.ValueStr(i)
			if !inPool[v] {
				t.Fatalf("consignee %q is not in the pool", v)
			}
			seen[v] = true
		}
	}
	if len(seen) < len(pool)*9/10 {
		t.Errorf("%d of %d pool names occur as consignee; want nearly all", len(seen), len(pool))
	}
}

func TestVariants(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		kind, name string
		check      func(v string) bool
	}{
		{VarCase, "Rosoboronexport JSC", func(v string) bool { return strings.EqualFold(v, "Rosoboronexport JSC") }},
		{VarPunct, "MENDOZA ROBLES, Eduardo", func(v string) bool { return v == "MENDOZA ROBLES Eduardo" }},
		{VarLegalForm, "Sberbank Kapital LLC", func(v string) bool {
			return v == "Sberbank Kapital" || v == "Sberbank Kapital Limited Liability Company"
		}},
		{VarTypo, "PUMA SECURITY AGENCY", func(v string) bool {
			return strings.HasPrefix(v, "PUMA ") && len(strings.Fields(v)) == 3 && v != "PUMA SECURITY AGENCY"
		}},
		{VarReorder, "Kim Jong Sik", func(v string) bool { return matchers.SortedKey(v) == matchers.SortedKey("Kim Jong Sik") }},
		{VarAccents, "Müller Präzisionstechnik GmbH", func(v string) bool { return v == "Muller Prazisionstechnik GmbH" }},
		{VarSpacing, "PUMA SECURITY AGENCY", func(v string) bool {
			return strings.ReplaceAll(v, " ", "") == "PUMASECURITYAGENCY" && len(strings.Fields(v)) == 2
		}},
		{VarNoise, "PUMA SECURITY AGENCY", func(v string) bool { return strings.HasPrefix(v, "PUMA SECURITY AGENCY ") }},
	}
	for _, tc := range tests {
		for range 20 {
			v, ok := Variant(r, tc.kind, tc.name)
			if !ok || !tc.check(v) || v == tc.name {
				t.Errorf("Variant(%s, %q) = %q, %v", tc.kind, tc.name, v, ok)
			}
		}
	}
	if _, ok := Variant(r, VarReorder, "Rosoboronexport"); ok {
		t.Errorf("a one-word name was reordered")
	}
	if _, ok := Variant(r, VarAccents, "PUMA SECURITY AGENCY"); ok {
		t.Errorf("a name without accents lost them")
	}
}

func TestTruthRoundTrip(t *testing.T) {
	pool := []Name{
		{Name: `Al Noor "Trading", LLC`, Country: "AE"},
		{Name: "LLC Unikom", Country: "RU", Planted: true, Variant: VarReorder, List: "eu_journal", EntryID: "32014R0833/IV/861", Source: "Unikom LLC"},
	}
	var buf bytes.Buffer
	if err := WriteTruth(&buf, pool); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTruth(&buf, "truth.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != pool[0] || got[1] != pool[1] {
		t.Errorf("round trip: %+v", got)
	}
	_, err = ReadTruth(strings.NewReader("name,country,planted,variant,list,entry_id,source_name\nX,DE,maybe,,,,\n"), "t.csv")
	if err == nil || !strings.Contains(err.Error(), "t.csv: line 2, column planted") {
		t.Errorf("bad planted: err = %v", err)
	}
}

// TestEndUserLocal: with EndUserLocal 0.9 most named end users are in the
// destination country; by default (0) most are elsewhere.
func TestEndUserLocal(t *testing.T) {
	abroad := func(local float64) (mismatch, named int) {
		t.Helper()
		_, _, tbl := generated(t, Options{Rows: 20_000, Entries: entries(), EndUserLocal: local})
		euc, dest := tbl.Column(7).Data().Chunks(), tbl.Column(8).Data().Chunks()
		for c := range euc {
			for i := range euc[c].Len() {
				if euc[c].IsNull(i) {
					continue
				}
				named++
				if euc[c].ValueStr(i) != dest[c].ValueStr(i) {
					mismatch++
				}
			}
		}
		return mismatch, named
	}
	m0, n0 := abroad(0)
	m9, n9 := abroad(0.9)
	if n0 == 0 || n9 == 0 {
		t.Fatal("no end users")
	}
	if r := float64(m0) / float64(n0); r < 0.5 {
		t.Errorf("default: %.2f of end users abroad, want most", r)
	}
	if r := float64(m9) / float64(n9); r > 0.2 {
		t.Errorf("EndUserLocal 0.9: %.2f of end users abroad, want about a tenth", r)
	}
}

// generated builds o's pool, generates its batch in memory and reads it
// back whole; reader and table are closed and released when t ends.
func generated(t *testing.T, o Options) ([]Name, *file.Reader, arrow.Table) {
	t.Helper()
	pool, _, err := Pool(o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Generate(t.Context(), &buf, o, pool); err != nil {
		t.Fatal(err)
	}
	rdr, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rdr.Close() })
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tbl.Release)
	return pool, rdr, tbl
}
