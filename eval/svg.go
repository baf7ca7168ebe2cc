package eval

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// palette is distinguishable in print and for common colour blindness
// (Okabe-Ito).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

// WriteSVG draws two panels: precision against recall, and recall against
// the share of innocent names flagged (the reviewers' cost), one line per
// matcher, with the point at threshold t marked.
func WriteSVG(w io.Writer, curves []Curve, t float64) error {
	const (
		pw, ph    = 360.0, 300.0 // panel plot area
		left, top = 60.0, 40.0
		gap       = 90.0
		width     = left + pw + gap + pw + 30
		height    = top + ph + 60 + 18*7
	)
	maxFP := 0.0
	for _, c := range curves {
		for _, p := range c.Points {
			maxFP = max(maxFP, p.FPRate)
		}
	}
	maxFP = niceCeil(max(maxFP, 0.01))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	panel := func(x0 float64, title, xl, yl string, xmax float64, xfmt func(float64) string) {
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-weight="bold">%s</text>`+"\n", x0, top-15, html.EscapeString(title))
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" fill="none" stroke="#444"/>`+"\n", x0, top, pw, ph)
		for i := 0; i <= 5; i++ {
			f := float64(i) / 5
			x, y := x0+f*pw, top+ph-f*ph
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#ddd"/>`, x, top, x, top+ph)
			fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/>`+"\n", x0, y, x0+pw, y)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle">%s</text>`, x, top+ph+15, html.EscapeString(xfmt(f*xmax)))
			fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%.1f</text>`+"\n", x0-5, y+4, f)
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="middle">%s</text>`+"\n", x0+pw/2, top+ph+35, html.EscapeString(xl))
		fmt.Fprintf(&b, `<text transform="translate(%.0f %.0f) rotate(-90)" text-anchor="middle">%s</text>`+"\n", x0-40, top+ph/2, html.EscapeString(yl))
	}
	x2 := left + pw + gap
	panel(left, "Precision / recall", "recall", "precision", 1, func(x float64) string { return fmt.Sprintf("%.1f", x) })
	panel(x2, "Recall / innocent names flagged", "share of innocent names flagged", "recall", maxFP, func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) })
	for ci, c := range curves {
		col := palette[ci%len(palette)]
		var pr, rf []string
		for _, p := range c.Points {
			if p.TP+p.FP > 0 {
				pr = append(pr, fmt.Sprintf("%.1f,%.1f", left+p.Recall*pw, top+ph-p.Precision*ph))
			}
			rf = append(rf, fmt.Sprintf("%.1f,%.1f", x2+math.Min(p.FPRate/maxFP, 1)*pw, top+ph-p.Recall*ph))
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", col, strings.Join(pr, " "))
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", col, strings.Join(rf, " "))
		p := c.At(t)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/>`, left+p.Recall*pw, top+ph-p.Precision*ph, col)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/>`+"\n", x2+math.Min(p.FPRate/maxFP, 1)*pw, top+ph-p.Recall*ph, col)
		ly := top + ph + 60 + 18*float64(ci)
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="%s" stroke-width="3"/>`, left, ly-4, left+25, ly-4, col)
		label := fmt.Sprintf("%s: at threshold %.2f precision %.3f, recall %.3f, %.2f%% innocents flagged", c.Matcher, t, p.Precision, p.Recall, 100*p.FPRate)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s</text>`+"\n", left+32, ly, html.EscapeString(label))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// niceCeil rounds x up to 1, 2 or 5 times a power of ten.
func niceCeil(x float64) float64 {
	e := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*e >= x {
			return m * e
		}
	}
	return 10 * e
}
