package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/benchmarks/plot"
)

// agg is every repeat of one spec.
type agg struct {
	spec spec
	recs []record
}

// median returns the median of f over the repeats.
func (a agg) median(f func(record) float64) float64 {
	v := make([]float64, len(a.recs))
	for i, r := range a.recs {
		v[i] = f(r)
	}
	sort.Float64s(v)
	return v[len(v)/2]
}

func (a agg) spread(f func(record) float64) (lo, hi float64) {
	lo, hi = f(a.recs[0]), f(a.recs[0])
	for _, r := range a.recs {
		lo, hi = min(lo, f(r)), max(hi, f(r))
	}
	return lo, hi
}

func loadResults(path string) ([]agg, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []agg
	idx := map[spec]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for line := 1; sc.Scan(); line++ {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, line, err)
		}
		i, ok := idx[r.Spec]
		if !ok {
			i = len(out)
			idx[r.Spec] = i
			out = append(out, agg{spec: r.Spec})
		}
		out[i].recs = append(out[i].recs, r)
	}
	return out, sc.Err()
}

func est(r record) float64     { return r.Result.EstFullSec }
func rowsPS(r record) float64  { return float64(r.Result.Rows) / r.Result.EstFullSec }
func namesPS(r record) float64 { return float64(r.Result.Distinct) / r.Result.EstFullSec }

// cpuRowsPS is rows per second of CPU time divided by threads: the rate
// the run would reach with its cores to itself, assuming they were kept
// busy as they were.
func cpuRowsPS(r record) float64 {
	cpu := r.Result.CPUSec
	if r.Result.Sampled && r.Result.Screened > 0 {
		cpu *= r.Result.EstFullSec / r.Result.WallSec
	}
	return float64(r.Result.Rows) / (cpu / float64(max(r.Spec.Threads, 1)))
}

// cpuSec is the run's CPU time, scaled to the whole batch for sampled runs.
func cpuSec(r record) float64 {
	return float64(r.Result.Rows) / cpuRowsPS(r) * float64(max(r.Spec.Threads, 1))
}

// cpuNamesPS is cpuRowsPS for distinct names.
func cpuNamesPS(r record) float64 {
	return cpuRowsPS(r) * float64(r.Result.Distinct) / float64(r.Result.Rows)
}

func rssMiB(r record) float64 { return float64(r.Result.PeakRSSKiB) / 1024 }

func runPlot(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("plot", flag.ContinueOnError)
	out := fs.String("out", "out", "work `DIR` holding results.jsonl")
	figs := fs.String("figs", "figures", "`DIR` for the SVG charts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	aggs, err := loadResults(filepath.Join(*out, "results.jsonl"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*figs, 0o755); err != nil {
		return err
	}
	report(os.Stdout, aggs)
	charts := map[string]plot.Chart{
		"rows.svg":     curve(aggs, "peers", "CPU cost vs rows (2 cores, full lists)", "shipments in batch", "CPU seconds (est. for sampled peers)", func(a agg) float64 { return float64(batchRows[a.spec.Batch]) }, cpuSec),
		"listsize.svg": curve(aggs, "listsize", "Distinct names/s vs list size (1M rows, 2 cores, CPU-time)", "list size (name variants)", "distinct names per second on own cores", func(a agg) float64 { return float64(a.recs[0].Result.ListNames) }, cpuNamesPS),
		"cores.svg":    coresCurve(aggs),
	}
	for name, c := range charts {
		if err := os.WriteFile(filepath.Join(*figs, name), c.SVG(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func curve(aggs []agg, group, title, xl, yl string, x func(agg) float64, y func(record) float64) plot.Chart {
	c := plot.Chart{Title: title, XLabel: xl, YLabel: yl, LogX: true, LogY: true}
	by := map[string]*plot.Series{}
	var order []string
	for _, a := range aggs {
		// The list-size curve's middle point is the full lists (~100k
		// names) of the peers table.
		inGroup := a.spec.Group == group || (group == "listsize" && a.spec.Group == "peers" && a.spec.Batch == "1m" && a.spec.Lists == "full")
		if !inGroup || a.spec.Threads != 2 {
			continue
		}
		s, ok := by[a.spec.Peer]
		if !ok {
			s = &plot.Series{Name: a.spec.Peer}
			by[a.spec.Peer] = s
			order = append(order, a.spec.Peer)
		}
		s.Points = append(s.Points, [2]float64{x(a), a.median(y)})
	}
	for _, p := range order {
		pts := by[p].Points
		sort.Slice(pts, func(i, j int) bool { return pts[i][0] < pts[j][0] })
		c.Series = append(c.Series, *by[p])
	}
	return c
}

func coresCurve(aggs []agg) plot.Chart {
	c := plot.Chart{Title: "Rows/s vs cores (GOMAXPROCS / DuckDB threads)", XLabel: "cores", YLabel: "shipments per second (log)", LogY: true}
	by := map[string]*plot.Series{}
	var order []string
	for _, a := range aggs {
		if a.spec.Lists != "full" || (a.spec.Group != "peers" && a.spec.Group != "cores") || a.spec.Peer == "naive-jw" {
			continue
		}
		key := a.spec.Peer + " " + a.spec.Batch
		s, ok := by[key]
		if !ok {
			s = &plot.Series{Name: key}
			by[key] = s
			order = append(order, key)
		}
		s.Points = append(s.Points, [2]float64{float64(a.spec.Threads), a.median(rowsPS)})
	}
	sort.Strings(order)
	for _, k := range order {
		pts := by[k].Points
		sort.Slice(pts, func(i, j int) bool { return pts[i][0] < pts[j][0] })
		c.Series = append(c.Series, *by[k])
	}
	return c
}

// report prints the README's tables in Markdown.
func report(w io.Writer, aggs []agg) {
	fmt.Fprintln(w, "| batch | peer | lists | cores | screened | runs | wall s (median, min–max) | est. full s | rows/s | distinct names/s | rows/s on own cores (CPU-time) | peak RSS MiB | recall@0.85 | FP@0.85 | recall@0.90 | FP@0.90 | dualscreen on this sample, recall@0.85 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, a := range aggs {
		r := a.recs[0].Result
		screened := "all " + strconv.Itoa(r.Distinct)
		if r.Sampled {
			screened = fmt.Sprintf("sample %d of %d", r.Screened, r.Distinct)
		}
		lo, hi := a.spread(func(r record) float64 { return r.Result.WallSec })
		q := a.recs[0].Quality
		same := ""
		if d := a.recs[0].DualscreenSameSample; d != nil {
			same = fmt.Sprintf("%.3f (%d/%d)", d.Recall(), d.Found, d.Planted)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %d | %s | %d | %.1f (%.1f–%.1f) | %.0f | %.0f | %.0f | %.0f | %.0f | %.3f (%d/%d) | %.4f (%d/%d) | %.3f | %.4f | %s |\n",
			a.spec.Batch, a.spec.Peer, a.spec.Lists, a.spec.Threads, screened, len(a.recs), a.median(func(r record) float64 { return r.Result.WallSec }), lo, hi,
			a.median(est), a.median(rowsPS), a.median(namesPS), a.median(cpuRowsPS), a.median(rssMiB),
			q[0].Recall(), q[0].Found, q[0].Planted, q[0].FPRate(), q[0].FalsePos, q[0].Innocent, q[1].Recall(), q[1].FPRate(), same)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Recall by variant kind at 0.85 (found/planted), first run of each peer on the 1M batch, full lists, 2 cores:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| peer | "+strings.Join(gen.VariantKinds, " | ")+" |")
	fmt.Fprintln(w, "|---|"+strings.Repeat("---|", len(gen.VariantKinds)))
	for _, a := range aggs {
		if a.spec.Batch != "1m" || a.spec.Lists != "full" || a.spec.Threads != 2 {
			continue
		}
		var cells []string
		for _, k := range gen.VariantKinds {
			v := a.recs[0].Quality[0].ByVariant[k]
			cells = append(cells, fmt.Sprintf("%d/%d", v[0], v[1]))
		}
		fmt.Fprintf(w, "| %s | %s |\n", a.spec.Peer, strings.Join(cells, " | "))
	}
}
