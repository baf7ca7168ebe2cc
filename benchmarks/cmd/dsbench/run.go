package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/benchmarks/peers"
	"github.com/dualscreen/dualscreen/benchmarks/quality"
)

// spec is one peer run of a plan.
type spec struct {
	Batch   string `json:"batch"` // batch name: 1m, 10m
	Peer    string `json:"peer"`
	Lists   string `json:"lists"` // full or a size in names
	Threads int    `json:"threads"`
	Sample  int    `json:"sample"`
	Group   string `json:"group"` // which table or curve the run belongs to
}

// record is one line of results.jsonl.
type record struct {
	Spec    spec            `json:"spec"`
	Repeat  int             `json:"repeat"`
	Result  *peers.Result   `json:"result"`
	Quality []quality.Score `json:"quality"`
	// DualscreenSameSample is, for a peer that screened a sample, how the
	// dualscreen run of the same batch, lists and cores scored on exactly
	// the names of that sample (at 0.85): "equal or better recall" is a
	// claim about the same names.
	DualscreenSameSample *quality.Score `json:"dualscreen_same_sample,omitempty"`
	When                 string         `json:"when"`
}

var batchRows = map[string]int{"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}

// plans: short is `make bench` (a few minutes); full is every table and
// curve of the README.
func plan(name string) ([]spec, error) {
	switch name {
	case "short":
		return []spec{
			{"1m", "dualscreen", "full", 2, 0, "peers"},
			{"1m", "duckdb", "full", 2, 300, "peers"},
			{"1m", "naive-jw", "full", 2, 60, "peers"},
		}, nil
	case "full":
		// Ordered by importance: on a shared machine the tail may be cut.
		return []spec{
			{"1m", "dualscreen", "full", 2, 0, "peers"},
			{"1m", "duckdb", "full", 2, 500, "peers"},
			{"1m", "naive-jw", "full", 2, 60, "peers"},
			{"10m", "dualscreen", "full", 2, 0, "peers"},
			{"10m", "duckdb", "full", 2, 500, "peers"},
			{"1m", "dualscreen", "full", 1, 0, "cores"},
			{"1m", "duckdb", "full", 1, 300, "cores"},
			{"1m", "dualscreen", "10000", 2, 0, "listsize"},
			{"1m", "dualscreen", "1000000", 2, 0, "listsize"},
			{"1m", "duckdb", "10000", 2, 500, "listsize"},
			{"1m", "duckdb", "1000000", 2, 100, "listsize"},
			{"1m", "naive-jw", "10000", 2, 100, "listsize"},
			{"1m", "naive-jw", "1000000", 2, 20, "listsize"},
			{"10m", "naive-jw", "full", 2, 60, "peers"},
			{"10m", "dualscreen", "full", 1, 0, "cores"},
		}, nil
	}
	return nil, fmt.Errorf("unknown plan %q (short, full)", name)
}

func runPlan(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	planName := fs.String("plan", "short", "short or full")
	out := fs.String("out", "out", "work `DIR` (batches, outputs, results.jsonl)")
	repeat := fs.Int("repeat", 1, "repeat each timing run")
	only := fs.String("only", "", "run only specs whose group or peer or batch contains this")
	listDir := fs.String("lists", defaultLists, "restricted-party lists")
	sec := fs.String("sec", defaultSEC, "SEC company tickers JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	specs, err := plan(*planName)
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	resultsPath := filepath.Join(*out, "results.jsonl")
	// The last dualscreen result of each batch, lists and cores, kept for
	// scoring it on the samples the peers after it screen.
	dualscreen := map[spec]*peers.Result{}
	for _, s := range specs {
		if *only != "" && !strings.Contains(s.Group+" "+s.Peer+" "+s.Batch+" "+s.Lists, *only) {
			continue
		}
		b := batchFiles{filepath.Join(*out, "batch-"+s.Batch)}
		if _, err := os.Stat(b.meta()); err != nil {
			if err := generate(ctx, b.dir, gen.Options{Rows: batchRows[s.Batch]}, *listDir, *sec); err != nil {
				return err
			}
		}
		truth, err := readTruth(b.truth())
		if err != nil {
			return err
		}
		listNames := ""
		if s.Peer == "duckdb" {
			listNames = filepath.Join(*out, "lists", "names-"+s.Batch+"-"+s.Lists+".parquet")
			if _, err := os.Stat(listNames); err != nil {
				if err := writeListNames(ctx, listNames, s.Lists, *listDir, truth); err != nil {
					return err
				}
			}
		}
		for rep := range *repeat {
			res, err := child(ctx, self, s, b, listNames, *listDir, *out)
			if err != nil {
				return err
			}
			rec := record{Spec: s, Repeat: rep, Result: res, When: time.Now().UTC().Format(time.RFC3339)}
			for _, t := range []float64{0.85, 0.90, 0.95} {
				rec.Quality = append(rec.Quality, quality.Count(truth, res, t))
			}
			if full := dualscreen[spec{Batch: s.Batch, Peer: "dualscreen", Lists: s.Lists, Threads: s.Threads, Group: s.Group}]; full != nil && res.Sampled {
				same := quality.OnSample(truth, full, res, 0.85)
				rec.DualscreenSameSample = &same
			}
			q := rec.Quality[0]
			fmt.Fprintf(os.Stderr, "%-5s %-10s lists=%-7s T=%d sample=%-5d wall=%6.1fs cpu=%6.1fs est=%7.1fs rows/s=%10.0f names/s=%8.0f rss=%5dMiB recall=%.3f fp=%.4f\n",
				s.Batch, s.Peer, s.Lists, s.Threads, s.Sample, res.WallSec, res.CPUSec, res.EstFullSec, float64(res.Rows)/res.EstFullSec,
				float64(res.Distinct)/res.EstFullSec, res.PeakRSSKiB/1024, q.Recall(), q.FPRate())
			if s.Peer == "dualscreen" {
				kept := *res
				dualscreen[s] = &kept
			}
			res.Hits = nil // results.jsonl keeps figures, not evidence
			res.ScreenedNames = nil
			if err := appendJSON(resultsPath, rec); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeListNames(ctx context.Context, path, listSpec, listDir string, truth []gen.Name) error {
	load, err := entriesFor(listSpec, listDir, truth)
	if err != nil {
		return err
	}
	es, err := load(ctx)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return writeAtomic(path, func(f *os.File) error {
		name := f.Name()
		f.Close()
		return peers.WriteListNames(name, es)
	})
}

// child runs one peer in its own process, so that its peak RSS (from
// rusage) is its own, with GOMAXPROCS set to the spec's threads.
func child(ctx context.Context, self string, s spec, b batchFiles, listNames, listDir, out string) (*peers.Result, error) {
	// Names unique per spec, so two plans may run side by side.
	tag := fmt.Sprintf("%s-%s-%s-t%d", s.Batch, s.Peer, s.Lists, s.Threads)
	resPath := filepath.Join(out, "result-"+tag+".json")
	flagged := filepath.Join(out, "flagged-"+tag+".parquet")
	args := []string{"peer", "-peer", s.Peer, "-batch", b.dir, "-lists", s.Lists, "-list-dir", listDir,
		"-sample", strconv.Itoa(s.Sample), "-threads", strconv.Itoa(s.Threads), "-out", flagged, "-result", resPath}
	if listNames != "" {
		args = append(args, "-list-names", listNames)
	}
	cmd := exec.CommandContext(ctx, self, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(s.Threads))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s %s on %s: %w", s.Peer, s.Lists, s.Batch, err)
	}
	res, err := peers.Load(resPath)
	if err != nil {
		return nil, err
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		if res.PeakRSSKiB == 0 { // no /proc: rusage, which may include the parent's size (see peakRSSKiB)
			res.PeakRSSKiB = ru.Maxrss
		}
		res.CPUSec = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	os.Remove(resPath)
	os.Remove(flagged)
	return res, nil
}

func appendJSON(path string, v any) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
