package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dualscreen/dualscreen/eval"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

const evalSynopsis = `eval [--lists DIR | --list FILE]... (--pairs FILE.csv | --devset --innocent FILE.json... [--debarred FILE.xlsx...] | --hits SCREEN.jsonl --pairs TRUTH.csv)
                [--matcher NAME[,NAME...]] [--threshold 0.85] [--split heldout|tune|tune-a|tune-b|all] [--out DIR] [--write-pairs FILE.csv] [--write-removed FILE.csv] [--check]

Measures name matchers on labelled pairs and prints precision, recall, F1, the share of innocent
names flagged and candidate recall at the threshold, for each matcher side by side; every matcher
after the first is also given its best recall at the first one's false-positive rate. With --out
it writes thresholds.csv (every threshold from 0.50 to 1.00) and curves.svg (precision/recall and
recall/innocents-flagged curves).

Pairs CSV: header with query,target,label (and optionally country,source,split); target is one or
more list entry keys LIST:ID or names separated by '|', empty for an innocent name; label 1 or 0.

--devset derives pairs from the loaded lists at run time: cross-publisher pairs linked by shared
identifiers, alias leave-one-out on OFAC SDN and UN, and innocent company names from --innocent
(SEC EDGAR company_tickers JSON). One pair in five is held out of all tuning (--split heldout); the
tuning part is cut in two halves by a hash of the target (--split tune-a, tune-b): study the errors of
tune-a and count a change as real only when it also moves tune-b. --check scores, instead of a split,
a false-flag check larger than the tuning part: its innocents, company names recombined from them
and person names recombined from listed persons, all from outside the held-out part; it prints, by
source, the names flagged at the threshold and those within 0.03 under it (near misses).

--debarred adds the individuals and firms of a development bank's debarment list (World Bank or
Inter-American Development Bank xlsx) as innocent names, held out one in five like the SEC names.
They are reported on lines of their own (innocent-person, innocent-firm), apart from the figures
above, whose innocents are the SEC company names; --check counts their tuning part by source.

--hits scores the pairs from a 'dualscreen screen --format jsonl' output instead of a matcher.`

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval", evalSynopsis)
	var listDirs, listFiles, innocent, debarred multiFlag
	fs.Var(&listDirs, "lists", "directory of list files (repeatable)")
	fs.Var(&listFiles, "list", "list file, or FORMAT=FILE (repeatable)")
	pairsPath := fs.String("pairs", "", "labelled pairs CSV (query,target,label[,country,source,split])")
	devset := fs.Bool("devset", false, "derive the development set from the loaded lists and --innocent names")
	fs.Var(&innocent, "innocent", "SEC company tickers JSON of innocent company names for --devset (repeatable)")
	fs.Var(&debarred, "debarred", "debarment list xlsx (World Bank, IDB) whose individuals and firms are innocent names for --devset, reported apart (repeatable)")
	hitsPath := fs.String("hits", "", "screening output (JSON lines) to score --pairs from, instead of a matcher")
	matcherNames := fs.String("matcher", strings.Join([]string{matchers.Kinds[0].Name, "naive-jw"}, ","), "matchers to compare, comma-separated (first is the reference); have "+strings.Join(evalKindNames(), ", "))
	threshold := fs.Float64("threshold", matchers.DefaultThreshold, "threshold the summary is reported at")
	floor := fs.Float64("floor", eval.Floor, "lowest score asked of the matchers; tables and curves start here")
	split := fs.String("split", "heldout", "which part of the pairs: "+strings.Join(eval.Splits, ", "))
	outDir := fs.String("out", "", "directory for thresholds.csv and curves.svg")
	writePairs := fs.String("write-pairs", "", "write the pairs evaluated (after --split) to this CSV")
	writeRemoved := fs.String("write-removed", "", "with --devset: write the pairs of --split that the development set's audit removed, with the rule, to this CSV")
	check := fs.Bool("check", false, "with --devset: score the false-flag check (tuning innocents, recombined company and person names) instead of --split, and count flags and near misses by source")
	writeErrors := fs.String("errors", "", "write the first matcher's misses and false flags at --threshold, with explanations, to this CSV")
	var learned evalLearnedFlags
	learned.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval: unexpected arguments %q", fs.Args())
	}
	if *floor <= 0 || *floor > 1 {
		return usagef("eval: --floor %.2f outside (0, 1]", *floor)
	}
	if *threshold < *floor || *threshold > 1 {
		return usagef("eval: --threshold %.2f outside [--floor %.2f, 1]", *threshold, *floor)
	}
	if (*pairsPath == "") == !*devset && *hitsPath == "" {
		return usagef("eval: give exactly one of --pairs or --devset")
	}
	if *devset && len(innocent) == 0 {
		return usagef("eval: --devset needs --innocent FILE.json (names that should match nothing)")
	}
	if len(debarred) > 0 && !*devset {
		return usagef("eval: --debarred needs --devset")
	}
	if *check && (!*devset || *hitsPath != "") {
		return usagef("eval: --check needs --devset (and no --hits)")
	}
	if *hitsPath != "" && *pairsPath == "" {
		return usagef("eval: --hits needs --pairs TRUTH.csv")
	}
	if *writeRemoved != "" && !*devset {
		return usagef("eval: --write-removed needs --devset")
	}
	if _, err := eval.SelectSplit(nil, *split); err != nil {
		return usagef("eval: --split: %v", err)
	}

	var pairs []eval.Pair
	var entries []*lists.Entry
	if *hitsPath == "" || *devset {
		ls, err := evalLoadLists(ctx, listDirs, listFiles)
		if err != nil {
			return err
		}
		entries, _ = lists.Entries(ls)
		if *devset {
			var names []string
			for _, p := range innocent {
				n, err := eval.ReadSECCompanyNames(p)
				if err != nil {
					return inputError(err)
				}
				names = append(names, n...)
			}
			d := eval.Derive(ls, names, eval.DevSetOptions{})
			for _, p := range debarred {
				persons, firms, err := eval.ReadDebarred(p)
				if err != nil {
					return inputError(err)
				}
				d.AddInnocents(eval.SourceInnocentPerson, persons)
				d.AddInnocents(eval.SourceInnocentFirm, firms)
			}
			entries, pairs = d.Entries, d.Pairs
			fmt.Fprintf(e.stdout, "development set: %s\n", evalFormatCounts(d.Counts))
			if *writeRemoved != "" {
				rs, _ := eval.SelectRemoved(d.Removed, *split) // the name was checked above
				var buf bytes.Buffer
				if err := eval.WriteRemovedCSV(&buf, rs); err != nil {
					return err
				}
				if err := evalWriteFile(*writeRemoved, buf.Bytes()); err != nil {
					return err
				}
			}
			if *check {
				pairs = evalCheckPairs(d)
			}
		}
	}
	if *pairsPath != "" {
		p, err := eval.ReadPairsCSV(*pairsPath)
		if err != nil {
			return inputError(err)
		}
		pairs = p
	}
	if !*check {
		pairs, _ = eval.SelectSplit(pairs, *split) // the name was checked above
	}
	var apart []eval.Pair
	if !*check {
		pairs, apart = evalSplitDebarred(pairs)
	}
	if len(pairs) == 0 {
		return inputError(fmt.Errorf("eval: no pairs in split %q", *split))
	}
	if *writePairs != "" {
		var buf bytes.Buffer
		if err := eval.WritePairsCSV(&buf, pairs); err != nil {
			return err
		}
		if err := evalWriteFile(*writePairs, buf.Bytes()); err != nil {
			return err
		}
	}

	tuning, err := learned.tuning(e.stdout, *threshold)
	if err != nil {
		return err
	}
	if err := learned.writeFeaturesFor(ctx, entries, pairs, tuning); err != nil {
		return err
	}
	var curves []eval.Curve
	var debarredCounts []evalApartCount
	if *hitsPath != "" {
		hits, err := eval.ReadScreenJSONL(*hitsPath)
		if err != nil {
			return inputError(err)
		}
		curves = append(curves, eval.Measure("screen-output", pairs, eval.OutcomesFromHits(hits, pairs), *floor))
	} else {
		for _, name := range strings.Split(*matcherNames, ",") {
			name = strings.TrimSpace(name)
			t0 := time.Now()
			m, err := matchers.New(name, entries, matchers.Options{Threshold: *floor, Tuning: tuning})
			if err != nil {
				return usagef("eval: %v", err)
			}
			built := time.Since(t0)
			t1 := time.Now()
			out, err := eval.Run(ctx, m, pairs)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "eval: %s: index %v, %d queries in %v\n", name, built.Round(time.Millisecond), len(pairs), time.Since(t1).Round(time.Millisecond))
			var debarredOut []eval.Outcome
			if len(apart) > 0 {
				if debarredOut, err = eval.Run(ctx, m, apart); err != nil {
					return err
				}
				debarredCounts = append(debarredCounts, evalApartCount{name, eval.CountCheck(apart, debarredOut, *threshold)})
			}
			if *writeErrors != "" && len(curves) == 0 {
				var buf bytes.Buffer
				all := append(slices.Clip(pairs), apart...)
				if err := eval.WriteErrors(&buf, all, append(slices.Clip(out), debarredOut...), *threshold); err != nil {
					return err
				}
				if err := evalWriteFile(*writeErrors, buf.Bytes()); err != nil {
					return err
				}
			}
			if *check && len(curves) == 0 {
				if err := eval.WriteCheck(e.stdout, eval.CountCheck(pairs, out, *threshold), *threshold); err != nil {
					return err
				}
				return nil
			}
			curves = append(curves, eval.Measure(name, pairs, out, *floor))
		}
	}
	if err := eval.WriteSummary(e.stdout, curves, *threshold); err != nil {
		return err
	}
	for _, pc := range debarredCounts {
		for _, c := range pc.counts {
			fmt.Fprintf(e.stdout, "%s: %s (apart from the figures above) at %.2f: %d of %d flagged (%.2f%%), %d near (within %.2f under it)\n",
				pc.matcher, c.Source, *threshold, c.Flagged, c.Names, 100*float64(c.Flagged)/float64(c.Names), c.Near, eval.CheckMargin)
		}
	}
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			return err
		}
		var tb, sb bytes.Buffer
		if err := eval.WriteTable(&tb, curves); err != nil {
			return err
		}
		if err := eval.WriteSVG(&sb, curves, *threshold); err != nil {
			return err
		}
		if err := evalWriteFile(filepath.Join(*outDir, "thresholds.csv"), tb.Bytes()); err != nil {
			return err
		}
		if err := evalWriteFile(filepath.Join(*outDir, "curves.svg"), sb.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// evalApartCount is what one matcher did with the debarred innocents.
type evalApartCount struct {
	matcher string
	counts  []eval.CheckCount
}

// evalSplitDebarred separates the debarred innocents from the other
// pairs: the figures of the summary, and the share of innocents flagged
// the target is stated in, are the SEC company names'.
func evalSplitDebarred(pairs []eval.Pair) (rest, apart []eval.Pair) {
	for _, p := range pairs {
		if p.Source == eval.SourceInnocentPerson || p.Source == eval.SourceInnocentFirm {
			apart = append(apart, p)
		} else {
			rest = append(rest, p)
		}
	}
	return rest, apart
}

// evalCheckPairs returns the false-flag check's names: the tuning part's
// innocents and the recombined ones of eval.CheckPairs.
func evalCheckPairs(d *eval.DevSet) []eval.Pair {
	var out []eval.Pair
	for _, p := range d.Pairs {
		if (p.Source == "innocent" || p.Source == eval.SourceInnocentPerson || p.Source == eval.SourceInnocentFirm) && !p.HeldOut {
			out = append(out, p)
		}
	}
	return append(out, d.CheckPairs(eval.CheckOptions{})...)
}

// evalLoadLists loads every --lists directory and --list file.
func evalLoadLists(ctx context.Context, dirs, files []string) ([]*lists.List, error) {
	if len(dirs)+len(files) == 0 {
		return nil, usagef("no lists given: use --lists DIR or --list FILE")
	}
	var out []*lists.List
	for _, d := range dirs {
		ls, err := lists.LoadDir(ctx, d)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return nil, err
			}
			return nil, inputError(err)
		}
		out = append(out, ls...)
	}
	for _, f := range files {
		l, err := lists.Load(ctx, f)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return nil, err
			}
			return nil, inputError(err)
		}
		out = append(out, l)
	}
	return out, nil
}

func evalKindNames() []string {
	out := make([]string, len(matchers.Kinds))
	for i, k := range matchers.Kinds {
		out[i] = k.Name
	}
	return out
}

func evalFormatCounts(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, c[k]))
	}
	return strings.Join(parts, ", ")
}

// evalWriteFile writes data to a temporary file beside path and renames
// it into place, so a reader never sees half a file.
func evalWriteFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
