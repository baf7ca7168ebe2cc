package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dualscreen/dualscreen/evidence"
)

//go:embed report.html.tmpl
var reportTemplate string

//go:embed report.css
var reportCSS string

//go:embed report.js
var reportJS string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"short": func(s string) string {
		if len(s) > 12 {
			return s[:12]
		}
		return s
	},
}).Parse(reportTemplate))

// Meta describes the run for the report's header and summary.
type Meta struct {
	Title       string // default "dualscreen review report"
	ToolVersion string
	Generated   time.Time // shown as is; the zero time shows nothing
	ConfigHash  string
	Inputs      []string
	Lists       []ListRecord
	Delta       *DeltaRecord
	Skipped     int64 // shipments skipped by delta screening
	// EntryHash gives the current content hash of a list entry, for the
	// disposition line each party hit offers. Nil leaves the hash empty.
	EntryHash EntryHashFunc
}

// WriteHTMLFile writes the report atomically to path.
func WriteHTMLFile(path string, meta Meta, s Summary) error {
	return writeFileAtomic(path, func(f *os.File) error { return WriteHTML(f, meta, s) })
}

// WriteHTML renders the review report: one self-contained HTML document
// that loads nothing from the network. Its inline script is allowed by a
// Content-Security-Policy hash and nothing else may run, so even text that
// escaped escaping could not execute.
func WriteHTML(w io.Writer, meta Meta, s Summary) error {
	if meta.Title == "" {
		meta.Title = "dualscreen review report"
	}
	sum := sha256.Sum256([]byte(reportJS))
	v := view{
		Meta:   meta,
		S:      s,
		CSS:    template.CSS(reportCSS),
		Script: template.JS(reportJS),
		CSP: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src 'sha256-" +
			base64.StdEncoding.EncodeToString(sum[:]) + "'",
	}
	if !meta.Generated.IsZero() {
		v.Generated = meta.Generated.UTC().Format(time.RFC3339)
	}
	v.Charts = []chart{
		barChart("reason", "Flagged rows by reason", s.ByReason, 12),
		barChart("destination", "Flagged rows by destination", s.ByDestination, 15),
		barChart("list", "Hits by list", s.ByList, 12),
		histogram("score", "Party-match score distribution", s.Scores),
	}
	seenReason := map[string]bool{}
	seenPrio := map[string]bool{}
	for _, r := range s.Top {
		rv := newRowView(r, meta.EntryHash)
		v.Rows = append(v.Rows, rv)
		seenPrio[rv.Priority] = true
		for _, x := range rv.Reasons {
			seenReason[x] = true
		}
	}
	for _, c := range s.ByReason {
		if seenReason[c.Key] {
			v.Reasons = append(v.Reasons, c.Key)
		}
	}
	for _, p := range []string{"high", "medium", "low", "none"} {
		if seenPrio[p] || p != "none" {
			v.Priorities = append(v.Priorities, p)
		}
	}
	return tmpl.Execute(w, v)
}

type view struct {
	Meta       Meta
	S          Summary
	Generated  string
	CSS        template.CSS
	Script     template.JS
	CSP        string
	Charts     []chart
	Rows       []rowView
	Reasons    []string
	Priorities []string
}

type rowView struct {
	Seq, Seq1   int64
	S           evidence.Shipment
	Priority    string
	Risk        string
	Value       string
	Reasons     []string
	ReasonsAttr string
	Hits        []hitView
}

type hitView struct {
	evidence.Hit
	Party       bool // a list hit: show the matched name beside the query
	Score       string
	New         bool
	Suppressed  bool
	Disposition string
}

func newRowView(r Row, entryHash EntryHashFunc) rowView {
	rv := rowView{Seq: r.Seq, Seq1: r.Seq + 1, S: r.Shipment, Priority: string(r.Decision.Priority),
		Risk: strconv.FormatFloat(r.Decision.RiskScore, 'f', 2, 64)}
	if rv.Priority == "" {
		rv.Priority = "none"
	}
	if r.Shipment.HasValue {
		rv.Value = "EUR " + strconv.FormatFloat(r.Shipment.ValueEUR, 'f', 2, 64)
	}
	for _, x := range r.Decision.Reasons {
		rv.Reasons = append(rv.Reasons, string(x))
	}
	rv.ReasonsAttr = strings.Join(rv.Reasons, " ")
	for _, h := range r.Hits {
		hv := hitView{Hit: h, Party: h.List != "", New: IsNewHit(h), Suppressed: h.Reason == evidence.SuppressedByDisposition}
		if h.Reason == evidence.PartyMatch || h.Score > 0 {
			hv.Score = strconv.FormatFloat(h.Score, 'f', 3, 64)
		}
		if h.List != "" && h.EntryID != "" && !hv.Suppressed {
			hash := ""
			if entryHash != nil {
				hash, _ = entryHash(h.List, h.EntryID)
			}
			hv.Disposition = DispositionLine(h, hash, FalsePositive)
		}
		rv.Hits = append(rv.Hits, hv)
	}
	return rv
}

// chart is an SVG chart laid out in Go: the template only places the
// shapes, so no text is ever built into markup by hand.
type chart struct {
	ID, Title     string
	Width, Height int
	Bars          []bar
}

type bar struct {
	Label, Fill string
	Value       int64
	X, Y, W, H  int
	Text        string // axis label drawn for the bar
	TX, TY      int
	Anchor      string
	ValueText   string
	VX, VY      int
}

const (
	chartLabelW = 215
	chartBarW   = 220
	chartRowH   = 18
)

// barChart draws counts as horizontal bars, the first max keys and the
// rest summed as "(N more)".
func barChart(id, title string, counts []Count, max int) chart {
	shown := counts
	if len(counts) > max {
		shown = append([]Count(nil), counts[:max-1]...)
		var rest int64
		for _, c := range counts[max-1:] {
			rest += c.Count
		}
		shown = append(shown, Count{fmt.Sprintf("(%d more)", len(counts)-max+1), rest})
	}
	var top int64 = 1
	for _, c := range shown {
		if c.Count > top {
			top = c.Count
		}
	}
	ch := chart{ID: id, Title: title, Width: chartLabelW + chartBarW + 60, Height: len(shown)*chartRowH + 6}
	if len(shown) == 0 {
		ch.Height = 24
	}
	for i, c := range shown {
		y := 3 + i*chartRowH
		w := int(c.Count * chartBarW / top)
		if w < 1 && c.Count > 0 {
			w = 1
		}
		ch.Bars = append(ch.Bars, bar{
			Label: c.Key, Value: c.Count, Fill: "#3a6ea5",
			X: chartLabelW, Y: y + 2, W: w, H: chartRowH - 5,
			Text: truncate(c.Key, 32), TX: chartLabelW - 6, TY: y + 12, Anchor: "end",
			ValueText: strconv.FormatInt(c.Count, 10), VX: chartLabelW + w + 4, VY: y + 12,
		})
	}
	return ch
}

// histogram draws the 0.05-wide score bins as vertical bars with ticks at
// 0, 0.25, 0.5, 0.75 and 1.
func histogram(id, title string, bins [ScoreBins]int64) chart {
	const binW, plotH, base = 18, 120, 130
	ch := chart{ID: id, Title: title, Width: ScoreBins*binW + 20, Height: base + 20}
	var top int64 = 1
	for _, n := range bins {
		if n > top {
			top = n
		}
	}
	for i, n := range bins {
		h := int(n * plotH / top)
		if h < 1 && n > 0 {
			h = 1
		}
		lo := float64(i) / ScoreBins
		b := bar{
			Label: fmt.Sprintf("%.2f–%.2f", lo, lo+1.0/ScoreBins), Value: n, Fill: "#b86e00",
			X: 10 + i*binW, Y: base - h, W: binW - 2, H: h,
		}
		if i%5 == 0 {
			b.Text, b.TX, b.TY, b.Anchor = strconv.FormatFloat(lo, 'f', 2, 64), 10+i*binW, base+14, "start"
		}
		ch.Bars = append(ch.Bars, b)
	}
	return ch
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
