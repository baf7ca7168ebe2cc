package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/report"
)

var shownRe = regexp.MustCompile(`id="f-count" data-shown="(\d+)"`)

func shownIn(t *testing.T, dom string) int {
	t.Helper()
	m := shownRe.FindStringSubmatch(dom)
	if m == nil {
		t.Fatal("filter counter not in the DOM")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestDemoReportInChromium renders the demo run's report in headless
// Chromium: the screenshot is not blank, the report lists the 300 rows it
// was asked for, and the reason and priority filter shows exactly the
// high-priority party matches of the run's output.
func TestDemoReportInChromium(t *testing.T) {
	bin := testutil.Chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	out := filepath.Join(dir, "flagged.jsonl")
	runCLI(t, "demo", "--dir", dir, "--rows", "5000", "--quiet", "--report", page, "--report-rows", "300", "--out", out)
	m, err := report.ReadManifest(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Rows.Flagged <= 300 || m.FlagsByPriority["high"] >= 300 {
		t.Fatalf("demo run flagged %d rows, %d high: the test needs more than 300 flagged and fewer than 300 high", m.Rows.Flagged, m.FlagsByPriority["high"])
	}
	wantHighParty := 0
	for _, r := range readJSONL(t, out) {
		if r.Priority == "high" && contains(r.Reasons, "PARTY_MATCH") {
			wantHighParty++
		}
	}
	if cs := testutil.ScreenshotColours(t, bin, "file://"+page); len(cs) < 50 {
		t.Fatalf("screenshot of the demo report has %d colours: blank", len(cs))
	}
	all := shownIn(t, string(testutil.RunChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", "file://"+page)))
	high := shownIn(t, string(testutil.RunChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", "file://"+page+"#reason=PARTY_MATCH&priority=high")))
	if all != 300 || high != wantHighParty || high == 0 {
		t.Errorf("filter shows %d of %d listed rows for high PARTY_MATCH; want %d of 300", high, all, wantHighParty)
	}
}

// TestScreenReportDoesNotRunInputText screens a consignee whose name is a
// script, against a list entry with the same hostile name, and checks in
// Chromium that the report shows both as text and runs neither.
func TestScreenReportDoesNotRunInputText(t *testing.T) {
	bin := testutil.Chromium(t)
	dir := t.TempDir()
	payload := `<script>document.title='pwned'</script>`
	list := filepath.Join(dir, "inhouse.csv")
	os.WriteFile(list, []byte("id,name,aliases,type,countries,programs,notes\n"+
		`IH-666,"`+payload+`",,organisation,IR,INHOUSE,hostile name test`+"\n"+
		"IH-001,Tehran Precision Instruments Co,,organisation,IR,INHOUSE,\n"), 0o644)
	ships := filepath.Join(dir, "ships.parquet")
	writeShipments(t, ships, []string{"X-1", "X-2", "X-3"}, []string{payload, "Tehran Precision Instruments Co.", "Hamburg Feinmechanik GmbH"})
	page := filepath.Join(dir, "report.html")
	runCLI(t, "screen", "--shipments", ships, "--list", list, "--out", filepath.Join(dir, "out.jsonl"), "--quiet", "--report", page)
	dom := string(testutil.RunChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", "file://"+page))
	if strings.Contains(dom, "pwned</title>") || !strings.Contains(dom, "<title>dualscreen review report</title>") {
		t.Fatal("the consignee's script ran: the document title changed")
	}
	if got := strings.Count(dom, `&lt;script&gt;document.title='pwned'&lt;/script&gt;`); got < 2 {
		t.Errorf("the hostile name is shown as text %d times, want it as consignee and as matched list name", got)
	}
	if shownIn(t, dom) != 2 || !strings.Contains(dom, "listed rows shown") {
		t.Errorf("the report's own filter script did not run or counts wrong rows")
	}
}
