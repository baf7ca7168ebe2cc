package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func writeFixtureReport(t *testing.T) (string, Summary) {
	t.Helper()
	html, s := renderFixture(t, 400, 1000)
	p := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, s
}

func TestReportInChromiumScreenshotIsNotBlank(t *testing.T) {
	bin := testutil.Chromium(t)
	page, _ := writeFixtureReport(t)
	colours := testutil.ScreenshotColours(t, bin, "file://"+page)
	// A blank or error page has a handful of colours; the rendered report
	// has text, the dark header, bars and priority badges.
	if len(colours) < 50 {
		t.Fatalf("screenshot has %d distinct colours: looks blank", len(colours))
	}
	has := func(r, g, bl uint8) bool { _, ok := colours[[3]uint8{r, g, bl}]; return ok }
	if !has(0x3a, 0x6e, 0xa5) || !has(0x1d, 0x23, 0x30) {
		t.Errorf("screenshot lacks the chart bar or header colour: charts or header not drawn")
	}
}

var (
	shownRe   = regexp.MustCompile(`id="f-count" data-shown="(\d+)"`)
	articleRe = regexp.MustCompile(`<article class="ship"[^>]*>`)
)

func TestReportInChromiumFiltersByFragment(t *testing.T) {
	bin := testutil.Chromium(t)
	page, s := writeFixtureReport(t)
	var wantHighEmbargo, wantLowOrMediumParty int
	for _, r := range s.Top {
		has := func(x string) bool {
			for _, y := range r.Decision.Reasons {
				if string(y) == x {
					return true
				}
			}
			return false
		}
		if r.Decision.Priority == "high" && has("EMBARGOED_DESTINATION") {
			wantHighEmbargo++
		}
		if r.Decision.Priority != "high" && has("PARTY_MATCH") {
			wantLowOrMediumParty++
		}
	}
	for _, tc := range []struct {
		fragment string
		want     int
	}{
		{"", len(s.Top)},
		{"#reason=EMBARGOED_DESTINATION&priority=high", wantHighEmbargo},
		{"#reason=PARTY_MATCH&priority=medium,low", wantLowOrMediumParty},
		{"#priority=", 0},
	} {
		dom := string(testutil.RunChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", "file://"+page+tc.fragment))
		m := shownRe.FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("%q: filter counter not found in the DOM", tc.fragment)
		}
		if got, _ := strconv.Atoi(m[1]); got != tc.want {
			t.Errorf("%q: script says %d rows shown, want %d", tc.fragment, got, tc.want)
		}
		visible := 0
		for _, a := range articleRe.FindAllString(dom, -1) {
			if !strings.Contains(a, " hidden") {
				visible++
			}
		}
		if visible != tc.want {
			t.Errorf("%q: %d rows visible in the DOM, want %d", tc.fragment, visible, tc.want)
		}
	}
}

func TestReportInChromiumDoesNotRunInputText(t *testing.T) {
	bin := testutil.Chromium(t)
	page, _ := writeFixtureReport(t)
	dom := string(testutil.RunChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", "file://"+page))
	if !strings.Contains(dom, "<title>dualscreen review report</title>") || strings.Contains(dom, "pwned</title>") {
		t.Fatalf("the consignee payload ran: document title changed")
	}
	if !strings.Contains(dom, `&lt;script&gt;document.title="pwned"&lt;/script&gt;`) {
		t.Errorf("the consignee payload is not shown as text")
	}
	if strings.Contains(dom, `<img src="x"`) {
		t.Errorf("the consignee payload became an element")
	}
	if !shownRe.MatchString(dom) || !strings.Contains(dom, "listed rows shown") {
		t.Errorf("the report's own script did not run (CSP hash mismatch?)")
	}
}
