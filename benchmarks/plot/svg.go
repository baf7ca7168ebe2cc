// Package plot draws the benchmark curves as small self-contained SVG line
// charts (no dependencies), with optional log-scaled axes.
package plot

import (
	"bytes"
	"fmt"
	"html"
	"math"
)

// Series is one line of a chart.
type Series struct {
	Name   string
	Points [][2]float64 // (x, y), drawn in order
}

// Chart describes one chart.
type Chart struct {
	Title, XLabel, YLabel string
	LogX, LogY            bool
	Series                []Series
}

var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"}

const (
	width, height           = 640, 400
	left, right, top, below = 80, 170, 40, 60
)

// SVG renders c. Points with a non-positive coordinate on a log axis are
// skipped. Text is escaped.
func (c Chart) SVG() []byte {
	tx := func(v float64, log bool) (float64, bool) {
		if log {
			if v <= 0 {
				return 0, false
			}
			return math.Log10(v), true
		}
		return v, true
	}
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, p := range s.Points {
			x, okx := tx(p[0], c.LogX)
			y, oky := tx(p[1], c.LogY)
			if !okx || !oky {
				continue
			}
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	if math.IsInf(minX, 0) {
		minX, maxX, minY, maxY = 0, 1, 0, 1
	}
	if !c.LogY && minY > 0 {
		minY = 0
	}
	if c.LogY {
		minY, maxY = math.Floor(minY), math.Ceil(maxY)
	}
	if c.LogX {
		minX, maxX = math.Floor(minX), math.Ceil(maxX)
	}
	if maxX == minX {
		maxX = minX + 1
	}
	if maxY == minY {
		maxY = minY + 1
	}
	if !c.LogY {
		maxY *= 1.08
	}
	pw, ph := float64(width-left-right), float64(height-top-below)
	px := func(x float64) float64 { return float64(left) + (x-minX)/(maxX-minX)*pw }
	py := func(y float64) float64 { return float64(top) + ph - (y-minY)/(maxY-minY)*ph }
	var b bytes.Buffer
	esc := html.EscapeString
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%d" y="22" font-size="15" font-weight="bold">%s</text>`+"\n", left, esc(c.Title))
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%g" height="%g" fill="none" stroke="#444"/>`+"\n", left, top, pw, ph)
	ticks := func(lo, hi float64, log bool) []float64 {
		var t []float64
		if log {
			for v := lo; v <= hi+1e-9; v++ {
				t = append(t, v)
			}
			return t
		}
		step := niceStep((hi - lo) / 5)
		for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
			t = append(t, v)
		}
		return t
	}
	label := func(v float64, log bool) string {
		if log {
			v = math.Pow(10, v)
		}
		return human(v)
	}
	for _, v := range ticks(minX, maxX, c.LogX) {
		x := px(v)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%.1f" stroke="#ddd"/><text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", x, top, x, float64(top)+ph, x, float64(top)+ph+16, esc(label(v, c.LogX)))
	}
	for _, v := range ticks(minY, maxY, c.LogY) {
		y := py(v)
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", left, y, float64(left)+pw, y, left-6, y+4, esc(label(v, c.LogY)))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", float64(left)+pw/2, height-18, esc(c.XLabel))
	fmt.Fprintf(&b, `<text transform="translate(18 %.1f) rotate(-90)" text-anchor="middle">%s</text>`+"\n", float64(top)+ph/2, esc(c.YLabel))
	for i, s := range c.Series {
		col := palette[i%len(palette)]
		var path bytes.Buffer
		for _, p := range s.Points {
			x, okx := tx(p[0], c.LogX)
			y, oky := tx(p[1], c.LogY)
			if !okx || !oky {
				continue
			}
			cmd := "L"
			if path.Len() == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&path, "%s%.1f %.1f ", cmd, px(x), py(y))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"/>`+"\n", px(x), py(y), col)
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", bytes.TrimSpace(path.Bytes()), col)
		ly := top + 14 + 20*i
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/><text x="%d" y="%d">%s</text>`+"\n", width-right+12, ly, width-right+32, ly, col, width-right+38, ly+4, esc(s.Name))
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

// human writes 1500 as 1.5k, 2e6 as 2M.
func human(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return trim(v/1e9) + "G"
	case a >= 1e6:
		return trim(v/1e6) + "M"
	case a >= 1e3:
		return trim(v/1e3) + "k"
	}
	return trim(v)
}

func trim(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
