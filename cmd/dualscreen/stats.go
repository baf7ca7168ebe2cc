package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dualscreen/dualscreen/report"
)

const statsSynopsis = `stats [--out FILE.csv] [--map destination_country=COL,...] RUN_OUTPUT...

Aggregates the output of one or more screen runs (.parquet, .jsonl or .csv)
for transparency reporting in the spirit of Art. 26 of Regulation (EU)
2021/821: shipments, flagged shipments and declared value by destination,
Annex I category (the first character of the control code) and entry,
reason code and value band, with cyber-surveillance flags by destination
apart. Run screen with --all so unflagged shipments are counted too.

Output columns: dimension,key,shipments,flagged,value_eur,flagged_value_eur`

func runStats(ctx context.Context, e *env, args []string) error {
	fset := newFlagSet(e, "stats", statsSynopsis)
	out := fset.String("out", "", "write the CSV to `FILE` (atomically) instead of standard output")
	var maps multiFlag
	fset.Var(&maps, "map", "read a column under another name: `destination_country=COL,control_code=COL,...` (repeatable)")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		return usagef("stats: give at least one run output file")
	}
	cols := report.DefaultStatsColumns
	for _, m := range maps {
		for _, kv := range strings.Split(m, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || v == "" {
				return usagef("stats: --map %q: want column=NAME", kv)
			}
			switch strings.TrimSpace(k) {
			case "destination_country":
				cols.Destination = v
			case "control_code":
				cols.ControlCode = v
			case "value_eur":
				cols.Value = v
			case "flagged":
				cols.Flagged = v
			case "reasons":
				cols.Reasons = v
			default:
				return usagef("stats: --map %q: stats reads destination_country, control_code, value_eur, flagged and reasons", k)
			}
		}
	}
	s := report.NewStats()
	for _, p := range fset.Args() {
		if err := report.ReadRunStats(ctx, p, cols, s); err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			return inputError(err)
		}
	}
	if *out == "" {
		return s.WriteCSV(e.stdout)
	}
	if err := report.WriteStatsFile(*out, s); err != nil {
		return fmt.Errorf("stats: writing %s: %w", *out, err)
	}
	return nil
}
