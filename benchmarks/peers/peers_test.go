package peers

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/lists"
)

func testLists() []*lists.Entry {
	return []*lists.Entry{
		{List: "ofac_sdn", ID: "7774", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "PUMA SECURITY AGENCY", Kind: lists.NamePrimary}}, Countries: []string{"BA"}},
		{List: "eu_fsf", ID: "EU.123.45", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Rosoboronexport JSC", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
		{List: "us_csl", ID: "20314", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "SIRITIA VENTURES LTD", Kind: lists.NamePrimary}}, Countries: []string{"CY"}},
	}
}

// batch writes a small generated batch and returns its path and pool.
func batch(t *testing.T) (string, []gen.Name) {
	t.Helper()
	o := gen.Options{Rows: 3000, DistinctFrac: 0.05, Planted: 3, Entries: testLists()}
	pool, _, err := gen.Pool(o)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "shipments.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.Generate(t.Context(), f, o, pool); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, pool
}

func TestDistinctNamesAndSample(t *testing.T) {
	path, pool := batch(t)
	rows, names, err := DistinctNames(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if rows != 3000 {
		t.Errorf("rows = %d", rows)
	}
	inPool := map[string]bool{}
	planted := map[string]bool{}
	for _, n := range pool {
		inPool[n.Name] = true
		if n.Planted {
			planted[n.Name] = true
		}
	}
	for _, n := range names {
		if !inPool[n] {
			t.Errorf("distinct name %q not in the pool", n)
		}
	}
	if len(names) < len(pool)*9/10 {
		t.Errorf("%d distinct names from a pool of %d", len(names), len(pool))
	}
	s := Sample(names, 40, planted)
	np := 0
	for _, n := range s {
		if planted[n] {
			np++
		}
	}
	if len(s) != 40 || np != 3 {
		t.Errorf("sample of %d with %d planted, want 40 with all 3 planted (quota 10)", len(s), np)
	}
	again := Sample(names, 40, planted)
	for i := range s {
		if s[i] != again[i] {
			t.Fatal("sample not deterministic")
		}
	}
}

// TestPeersAgreeOnExactNames runs the three peers on the same small batch:
// each must flag the planted names that are exact or case variants.
func TestPeersAgreeOnExactNames(t *testing.T) {
	if testing.Short() {
		t.Skip("runs DuckDB")
	}
	path, pool := batch(t)
	dir := t.TempDir()
	listNames := filepath.Join(dir, "names.parquet")
	if err := WriteListNames(listNames, testLists()); err != nil {
		t.Fatal(err)
	}
	c := Config{Batch: path, Threshold: 0.85, Threads: 2, ListNames: listNames,
		Entries: func(context.Context) ([]*lists.Entry, error) { return testLists(), nil }}
	for _, run := range []struct {
		name string
		f    func(context.Context, Config) (*Result, error)
	}{{"dualscreen", Dualscreen}, {"naive", Naive}, {"duckdb", DuckDB}} {
		c.Out = filepath.Join(dir, run.name+".parquet")
		res, err := run.f(t.Context(), c)
		if err != nil {
			t.Fatalf("%s: %v", run.name, err)
		}
		if res.Rows != 3000 || res.ListNames != 3 {
			t.Errorf("%s: rows %d, list names %d", run.name, res.Rows, res.ListNames)
		}
		found := 0
		for _, n := range pool {
			if n.Planted && len(res.Hits[n.Name]) > 0 {
				found++
			}
			if n.Planted && (n.Variant == gen.VarExact || n.Variant == gen.VarCase) && len(res.Hits[n.Name]) == 0 {
				t.Errorf("%s: missed %q (%s of %q)", run.name, n.Name, n.Variant, n.Source)
			}
		}
		if found == 0 {
			t.Errorf("%s: found none of the 3 planted names", run.name)
		}
	}
}
