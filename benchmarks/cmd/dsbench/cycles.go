package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
)

// limitHeadroomPercent is the runtime's memoryLimitHeapGoalHeadroomPercent
// (runtime/mgcpacer.go): under a soft limit the heap's goal is
// (limit − non-heap memory) less 3%, where non-heap memory counts span
// fragmentation (heap/unused), metadata and stacks but not free pages.
const limitHeadroomPercent = 3

// cycleSlack is one collection cycle of a -memtrace run, at the sample
// where Go's mapped memory (total − released) was highest.
//
// Slack is limit − mapped. Under the limit's heap goal it splits exactly
// into Headroom + (Goal − Objects) − Free: span fragmentation does not
// appear, because the runtime subtracts it from the goal (more
// fragmentation means a lower goal and more collections, not more
// memory). What brings a cycle to the limit is free pages not reused at
// the moment the heap is fullest, once the heap gets close to its goal.
type cycleSlack struct {
	GC                    int64
	Sec                   float64
	Mapped, Limit, RSS    int64
	Goal, Objects, Unused int64
	Free                  int64
}

func (c cycleSlack) slack() int64 { return c.Limit - c.Mapped }
func (c cycleSlack) headroom() int64 {
	return c.Goal * limitHeadroomPercent / (100 - limitHeadroomPercent)
}

// readCycles reads a -memtrace CSV and returns, for each collection cycle
// run under a soft limit, its sample with the highest mapped memory, in
// cycle order.
func readCycles(path string) ([]cycleSlack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	cols := map[string]int{}
	for i, h := range head {
		cols[h] = i
	}
	need := []string{"sec", "rss", "limit", "gc.heap.goal", "gc.cycles.total", "memory.classes.total",
		"memory.classes.heap.objects", "memory.classes.heap.unused", "memory.classes.heap.free", "memory.classes.heap.released"}
	for _, n := range need {
		if _, ok := cols[n]; !ok {
			return nil, fmt.Errorf("%s: header lacks column %q (not a dsbench peer -memtrace file?)", path, n)
		}
	}
	best := map[int64]cycleSlack{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		num := func(col string) (int64, error) {
			v, err := strconv.ParseInt(rec[cols[col]], 10, 64)
			if err != nil {
				return 0, fmt.Errorf("%s: line %d, column %q: %q is not an integer", path, line, col, rec[cols[col]])
			}
			return v, nil
		}
		var v [9]int64
		for i, col := range need[1:] {
			if v[i], err = num(col); err != nil {
				return nil, err
			}
		}
		sec, err := strconv.ParseFloat(rec[cols["sec"]], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: line %d, column \"sec\": %q is not a number", path, line, rec[cols["sec"]])
		}
		rss, limit, goal, gc, total, objects, unused, free, released := v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]
		if limit <= 0 || limit == int64(^uint64(0)>>1) {
			continue // no soft limit yet (set-up)
		}
		c := cycleSlack{GC: gc, Sec: sec, Mapped: total - released, Limit: limit, RSS: rss,
			Goal: goal, Objects: objects, Unused: unused, Free: free}
		if b, ok := best[gc]; !ok || c.Mapped > b.Mapped {
			best[gc] = c
		}
	}
	out := make([]cycleSlack, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].GC < out[j].GC })
	return out, nil
}

// runCycles prints readCycles' table for each -memtrace file given: one
// line per cycle with the slack's terms, then how many cycles reached the
// limit. It answers "why did this run map more than that one" without a
// spreadsheet.
func runCycles(_ context.Context, args []string) error {
	fs := flag.NewFlagSet("cycles", flag.ContinueOnError)
	atLimit := fs.Float64("at-limit", 0.5, "a cycle whose slack is under this many `MB` counts as at the limit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("cycles: give one or more -memtrace CSV files")
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, path := range fs.Args() {
		cs, err := readCycles(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s (MB = 10^6 bytes; slack = headroom + goal-objects - free)\n", path)
		fmt.Fprintln(w, "gc\tsec\tmapped\tlimit\tslack\theadroom\tgoal-obj\tfree\tunused\trss\trss-mapped")
		n := 0
		var maxMapped, maxRSS int64
		for _, c := range cs {
			if float64(c.slack()) < *atLimit*1e6 {
				n++
			}
			maxMapped, maxRSS = max(maxMapped, c.Mapped), max(maxRSS, c.RSS)
			fmt.Fprintf(w, "%d\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.GC, c.Sec, mb(c.Mapped), mb(c.Limit), mb(c.slack()),
				mb(c.headroom()), mb(c.Goal-c.Objects), mb(c.Free), mb(c.Unused), mb(c.RSS), mb(c.RSS-c.Mapped))
		}
		fmt.Fprintf(w, "%d cycles under a limit, %d at it (slack < %.1f MB); highest mapped %s MB, highest sampled RSS %s MB\n\n",
			len(cs), n, *atLimit, mb(maxMapped), mb(maxRSS))
	}
	return nil
}

func mb(b int64) string { return strconv.FormatFloat(float64(b)/1e6, 'f', 1, 64) }
