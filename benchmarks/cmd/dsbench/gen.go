package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/lists"
)

const (
	defaultLists = "/work/shared/data/restricted_parties"
	defaultSEC   = "/work/shared/data/shipments/company_names/sec_company_tickers.json"
)

// batchFiles are the files of a generated batch directory.
type batchFiles struct{ dir string }

func (b batchFiles) parquet() string { return filepath.Join(b.dir, "shipments.parquet") }
func (b batchFiles) truth() string   { return filepath.Join(b.dir, "truth.csv") }
func (b batchFiles) meta() string    { return filepath.Join(b.dir, "meta.json") }

func loadAll(ctx context.Context, dir string) ([]*lists.Entry, error) {
	ls, err := lists.LoadDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	var es []*lists.Entry
	for _, l := range ls {
		es = append(es, l.Entries...)
	}
	return es, nil
}

func runGen(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	rows := fs.Int("rows", 1_000_000, "shipments")
	distinct := fs.Float64("distinct", 0.02, "distinct party names as a fraction of rows")
	seed := fs.Uint64("seed", 821, "seed")
	local := fs.Float64("end-user-local", 0, "share of named end users drawn in the destination country (0: all from the whole pool, the standard batches)")
	out := fs.String("out", "", "output `DIR`")
	listDir := fs.String("lists", defaultLists, "restricted-party lists to plant names from")
	sec := fs.String("sec", defaultSEC, "SEC company tickers JSON (innocent names)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("gen: -out is required")
	}
	return generate(ctx, *out, gen.Options{Rows: *rows, DistinctFrac: *distinct, Seed: *seed, EndUserLocal: *local}, *listDir, *sec)
}

func generate(ctx context.Context, dir string, o gen.Options, listDir, sec string) error {
	t := time.Now()
	es, err := loadAll(ctx, listDir)
	if err != nil {
		return err
	}
	o.Entries = es
	if sec != "" {
		if o.SEC, err = gen.LoadSECNames(sec); err != nil {
			return err
		}
	}
	pool, st, err := gen.Pool(o)
	if err != nil {
		return err
	}
	st.Rows = o.Rows
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b := batchFiles{dir}
	if err := writeAtomic(b.truth(), func(f *os.File) error { return gen.WriteTruth(f, pool) }); err != nil {
		return err
	}
	if err := writeAtomic(b.parquet(), func(f *os.File) error { return gen.Generate(ctx, f, o, pool) }); err != nil {
		return err
	}
	meta, _ := json.MarshalIndent(map[string]any{"options": map[string]any{"rows": o.Rows, "distinct_frac": o.DistinctFrac, "seed": o.Seed, "end_user_local": o.EndUserLocal}, "stats": st, "seconds": time.Since(t).Seconds()}, "", "  ")
	fmt.Fprintf(os.Stderr, "gen %s: %d rows, %d distinct names (%d planted, %d innocent; %d listed innocents dropped) in %.1fs\n",
		dir, st.Rows, st.Distinct, st.Planted, st.Innocent, st.ExcludedInnocents, time.Since(t).Seconds())
	return os.WriteFile(b.meta(), meta, 0o644)
}

// writeAtomic writes path through a temporary file renamed on success.
func writeAtomic(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
