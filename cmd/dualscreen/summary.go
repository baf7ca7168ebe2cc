package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/pipeline"
)

// summaryView is what the one-screen summary shows.
type summaryView struct {
	*pipeline.Summary
	Files         []string
	Lists         []*lists.List
	Out           string
	All           bool
	NameLookups   int64
	DistinctNames int64
}

// writeSummary prints the end-of-run summary: what was read, what was
// flagged and why, which lists and entries were hit, and the speed. Text
// from lists and inputs is cleaned of control characters first.
func writeSummary(w io.Writer, s summaryView) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	files := "file"
	if len(s.Files) != 1 {
		files = "files"
	}
	p("Screened %s rows from %d %s in %s (%s rows/s)\n", group(s.Rows), len(s.Files), files,
		s.Elapsed.Round(1e6), group(int64(s.RowsPerSecond())))
	for _, l := range s.Lists {
		p("  list %-12s %s entries from %s", clean(l.ID), group(int64(len(l.Entries))), clean(strings.Join(l.Files, ", ")))
		if len(l.Problems) > 0 {
			p(" (%d rows skipped: see `dualscreen lists`)", len(l.Problems))
		}
		p("\n")
	}
	p("  party names      %s distinct names matched for %s lookups\n", group(s.DistinctNames), group(s.NameLookups))
	pct := 0.0
	if s.Rows > 0 {
		pct = 100 * float64(s.Flagged) / float64(s.Rows)
	}
	what := "flagged rows"
	if s.All {
		what = "all rows"
	}
	p("Flagged %s rows (%.2f%%); %s written to %s\n", group(s.Flagged), pct, what, clean(s.Out))
	if s.Flagged == 0 {
		return
	}
	p("  by priority      high %s, medium %s, low %s\n", group(s.ByPriority[evidence.PriorityHigh]),
		group(s.ByPriority[evidence.PriorityMedium]), group(s.ByPriority[evidence.PriorityLow]))
	p("  by reason\n")
	for _, c := range pipeline.Top(s.ByReason, 0) {
		p("    %-34s %10s\n", clean(c.Key), group(c.N))
	}
	p("  top lists hit\n")
	for _, c := range pipeline.Top(s.ByList, 5) {
		p("    %-34s %10s\n", clean(c.Key), group(c.N))
	}
	p("  top entries hit\n")
	for _, c := range pipeline.Top(s.ByEntry, 8) {
		p("    %-50s %6s\n", truncate(clean(c.Key), 50), group(c.N))
	}
}

// clean replaces control and format characters (terminal escapes,
// bidirectional overrides) so list or input text cannot rewrite the screen.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return '?'
		}
		return r
	}, s)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// group formats n with thousands separators: 1234567 → 1,234,567.
func group(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
