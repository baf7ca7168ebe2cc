package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dualscreen/dualscreen/data/demo"
	"github.com/dualscreen/dualscreen/pipeline"
)

const demoSynopsis = `demo [--dir out] [--rows 200000] [--seed N] [flags]

Generates a deterministic demo batch of shipments (consignees in many
countries and scripts, CN and control codes, values, destinations, and a few
hundred planted variants of names on the embedded demo list), writes it to
DIR/demo_shipments.parquet and the list to DIR/demo_list.csv, screens it and
writes DIR/flagged.parquet plus the summary. Offline; nothing is downloaded.`

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "demo", demoSynopsis)
	dir := fs.String("dir", "out", "output `DIR` for the demo shipments, list and flagged rows")
	rows := fs.Int("rows", 200_000, "number of shipments to generate")
	seed := fs.Uint64("seed", demo.DefaultSeed, "generator seed (the same seed gives the same batch)")
	out := fs.String("out", "", "flagged output `FILE` (default DIR/flagged.parquet)")
	all := fs.Bool("all", false, "write every row with its decision, not only flagged rows")
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	workers := fs.Int("workers", 0, "worker goroutines (default: all cores)")
	var review reviewFlags
	review.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("demo: unexpected argument %q", fs.Arg(0))
	}
	if *rows <= 0 {
		return usagef("demo: --rows must be positive")
	}
	if *out == "" {
		*out = filepath.Join(*dir, "flagged.parquet")
	}
	listPath := filepath.Join(*dir, demo.ListFileName)
	if err := writeAtomic(listPath, func(f *os.File) error { _, err := f.Write(demo.ListCSV); return err }); err != nil {
		return err
	}
	shipPath := filepath.Join(*dir, "demo_shipments.parquet")
	start := time.Now()
	var st demo.Stats
	err := writeAtomic(shipPath, func(f *os.File) error {
		var err error
		st, err = demo.Write(ctx, f, demo.Options{Rows: *rows, Seed: *seed})
		return err
	})
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(e.stdout, "Generated %s shipments (%s consignees, %d planted list-name variants) in %s: %s\n",
			group(int64(st.Rows)), group(int64(st.Consignees)), st.Planted, time.Since(start).Round(time.Millisecond), shipPath)
	}
	_, err = screen(ctx, e, screenConfig{
		Shipments: []string{shipPath},
		Lists:     []string{listPath},
		Out:       *out,
		All:       *all,
		Quiet:     *quiet,
		Workers:   *workers,
		Review:    review,
	}.withDefaults())
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(e.stdout, "\nTry: dualscreen screen --shipments %s --list %s --out %s\n",
			shipPath, listPath, filepath.Join(*dir, "flagged.jsonl"))
	}
	return nil
}

// writeAtomic writes path through a temporary file renamed on success.
func writeAtomic(path string, write func(f *os.File) error) error {
	f, err := pipeline.CreateAtomic(path)
	if err != nil {
		return err
	}
	if err := write(f.File); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
