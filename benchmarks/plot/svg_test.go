package plot

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestSVG(t *testing.T) {
	c := Chart{
		Title: "Cost vs rows <2 cores & full lists>", XLabel: "rows", YLabel: "seconds", LogX: true, LogY: true,
		Series: []Series{
			{Name: "dualscreen", Points: [][2]float64{{1e6, 4.2}, {1e7, 31}}},
			{Name: "duckdb", Points: [][2]float64{{1e6, 1808}, {1e7, 18000}, {0, 5}}}, // x=0 cannot be drawn on a log axis
		},
	}
	b := c.SVG()
	d := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed XML: %v\n%s", err, b)
			}
			break
		}
	}
	s := string(b)
	if !strings.Contains(s, "&lt;2 cores &amp; full lists&gt;") {
		t.Errorf("title not escaped")
	}
	if n := strings.Count(s, "<circle"); n != 4 {
		t.Errorf("%d points drawn, want 4 (the x=0 point skipped)", n)
	}
	for _, tick := range []string{">1M<", ">10M<", ">10k<"} {
		if !strings.Contains(s, tick) {
			t.Errorf("tick label %s missing", tick)
		}
	}
}

func TestHuman(t *testing.T) {
	for v, want := range map[float64]string{1500: "1.5k", 2e6: "2M", 0.25: "0.25", 300000: "300k", 1e9: "1G"} {
		if got := human(v); got != want {
			t.Errorf("human(%g) = %q, want %q", v, got, want)
		}
	}
}
