package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"time"

	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/benchmarks/listgen"
	"github.com/dualscreen/dualscreen/benchmarks/peers"
	"github.com/dualscreen/dualscreen/lists"
)

// listSeed fixes the sampled and synthetic list entries across peers.
const listSeed = 1260

// entriesFor returns the loader of a list spec: "full" is every list in
// dir; a number is that many name variants (listgen.Sized) keeping the
// entries planted in the batch.
func entriesFor(spec, dir string, truth []gen.Name) (func(context.Context) ([]*lists.Entry, error), error) {
	if spec == "full" {
		return func(ctx context.Context) ([]*lists.Entry, error) { return loadAll(ctx, dir) }, nil
	}
	n, err := strconv.Atoi(spec)
	if err != nil || n <= 0 {
		return nil, fmt.Errorf("list spec %q: want full or a positive number of names", spec)
	}
	keep := map[string]bool{}
	for _, t := range truth {
		if t.Planted {
			keep[listgen.Key(t.List, t.EntryID)] = true
		}
	}
	return func(ctx context.Context) ([]*lists.Entry, error) {
		es, err := loadAll(ctx, dir)
		if err != nil {
			return nil, err
		}
		return listgen.Sized(es, keep, n, listSeed)
	}, nil
}

func readTruth(path string) ([]gen.Name, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return gen.ReadTruth(f, path)
}

func runPeer(ctx context.Context, args []string) error {
	start := time.Now()
	fs := flag.NewFlagSet("peer", flag.ContinueOnError)
	peer := fs.String("peer", "dualscreen", "dualscreen, naive-jw or duckdb")
	batch := fs.String("batch", "", "batch `DIR` (from gen)")
	listSpec := fs.String("lists", "full", "full, or a list size in names")
	listDir := fs.String("list-dir", defaultLists, "restricted-party lists")
	listNames := fs.String("list-names", "", "Parquet list-name table for duckdb")
	sample := fs.Int("sample", 0, "screen only this many distinct names (0: all)")
	threshold := fs.Float64("threshold", 0.85, "score threshold")
	threads := fs.Int("threads", 0, "threads (0: GOMAXPROCS)")
	out := fs.String("out", "", "flagged output Parquet")
	result := fs.String("result", "", "result JSON `FILE`")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE`")
	memProfile := fs.String("memprofile", "", "write an allocation profile at the end to `FILE`")
	traceFile := fs.String("trace", "", "write a runtime execution trace of the run to `FILE` (go tool trace)")
	memTrace := fs.String("memtrace", "", "write the runtime's memory classes and VmRSS every 100 ms to CSV `FILE`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err != nil {
			return err
		}
		if err := trace.Start(f); err != nil {
			return err
		}
		defer func() { trace.Stop(); f.Close() }()
	}
	if *memTrace != "" {
		stop, err := startMemTrace(*memTrace, 100*time.Millisecond)
		if err != nil {
			return err
		}
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintln(os.Stderr, "dsbench peer: -memtrace:", err)
			}
		}()
	}
	if *memProfile != "" {
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	b := batchFiles{*batch}
	truth, err := readTruth(b.truth())
	if err != nil {
		return err
	}
	load, err := entriesFor(*listSpec, *listDir, truth)
	if err != nil {
		return err
	}
	planted := map[string]bool{}
	for _, t := range truth {
		if t.Planted {
			planted[t.Name] = true
		}
	}
	c := peers.Config{Batch: b.parquet(), Out: *out, Threshold: *threshold, Threads: *threads, Entries: load, ListNames: *listNames, Sample: *sample, Planted: planted}
	var res *peers.Result
	switch *peer {
	case "dualscreen":
		res, err = peers.Dualscreen(ctx, c)
	case "naive-jw":
		res, err = peers.Naive(ctx, c)
	case "duckdb":
		res, err = peers.DuckDB(ctx, c)
	default:
		return fmt.Errorf("peer: unknown peer %q", *peer)
	}
	if err != nil {
		return err
	}
	res.WallSec = time.Since(start).Seconds()
	res.PeakRSSKiB = peakRSSKiB()
	res.Finish()
	return res.Save(*result)
}
