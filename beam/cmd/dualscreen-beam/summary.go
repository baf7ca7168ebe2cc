package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dualscreen/dualscreen/beam/screenjob"
	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// writeSummary prints the end-of-run summary from the job's metrics, in
// the layout of `dualscreen screen`'s summary.
func writeSummary(w io.Writer, plan *screenjob.Plan, res *screenjob.Result) {
	sum := res.Summary()
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p("Screened %d rows (%d row groups) from %d files in %s (%.0f rows/s), job %s\n",
		sum.Rows, len(plan.RowGroups), len(plan.Files), sum.Elapsed.Round(1e6), sum.RowsPerSecond(), clean(res.JobID))
	if sum.Rows != plan.Rows {
		p("  warning: the footers hold %d rows but the workers counted %d (a runner that does not report metrics?)\n", plan.Rows, sum.Rows)
	}
	for _, l := range plan.Lists {
		p("  list %-12s %d entries from %s\n", clean(l.ID), len(l.Entries), clean(strings.Join(l.Files, ", ")))
	}
	p("Flagged %d rows; written to %d shards in %s\n", sum.Flagged, len(res.Shards), clean(plan.Config.Out))
	if sum.Flagged == 0 {
		return
	}
	p("  by priority      high %d, medium %d, low %d\n", sum.ByPriority[evidence.PriorityHigh],
		sum.ByPriority[evidence.PriorityMedium], sum.ByPriority[evidence.PriorityLow])
	p("  by reason\n")
	for _, c := range pipeline.Top(sum.ByReason, 0) {
		p("    %-34s %10d\n", clean(c.Key), c.N)
	}
	p("  by list\n")
	for _, c := range pipeline.Top(sum.ByList, 0) {
		p("    %-34s %10d\n", clean(c.Key), c.N)
	}
}

// clean drops control characters from text that came from input files.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// warnListProblems tells stderr, even under --quiet, how many rows of each
// list were skipped, quoting the first three, as `dualscreen screen` does.
func warnListProblems(w io.Writer, plan *screenjob.Plan) {
	for _, l := range plan.Lists {
		if len(l.Problems) == 0 {
			continue
		}
		fmt.Fprintf(w, "dualscreen-beam: warning: list %s: %d malformed rows skipped\n", clean(l.ID), len(l.Problems))
		for _, p := range l.Problems[:min(len(l.Problems), 3)] {
			fmt.Fprintf(w, "  %s\n", clean(p.String()))
		}
	}
}
