package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	stdhtml "html"
	"regexp"
	"strings"
	"testing"
	"time"
)

func renderFixture(t *testing.T, n, maxRows int) (string, Summary) {
	t.Helper()
	c := NewCollector(CollectorOptions{MaxRows: maxRows})
	for _, r := range fixtureRows(n) {
		c.Add(r)
	}
	s := c.Summary()
	var b bytes.Buffer
	meta := Meta{ToolVersion: "test", Generated: time.Date(2024, 5, 6, 7, 0, 0, 0, time.UTC),
		Lists:     []ListRecord{{ID: "ofac_sdn", Format: "ofac-sdn-csv", Date: "2024-05-03", Entries: 14964, Files: []FileRecord{{Path: "sdn.csv", SHA256: "ab12cd34ef56ab12cd34"}}}},
		EntryHash: func(list, id string) (string, bool) { return "hash-" + id, true }}
	if err := WriteHTML(&b, meta, s); err != nil {
		t.Fatal(err)
	}
	return b.String(), s
}

func TestWriteHTMLEscapesInputText(t *testing.T) {
	html, _ := renderFixture(t, 200, 100)
	if strings.Contains(html, `<script>document.title`) || strings.Contains(html, `<img src=x`) {
		t.Fatal("consignee payload written into the report unescaped")
	}
	if !strings.Contains(html, `&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;`) {
		t.Error("consignee payload not shown as escaped text")
	}
	if n := strings.Count(html, "<script"); n != 1 {
		t.Errorf("%d script elements, want exactly the one inline filter script", n)
	}
}

func TestWriteHTMLIsSelfContained(t *testing.T) {
	html, _ := renderFixture(t, 200, 100)
	// The only URL allowed is the SVG namespace, which browsers never fetch.
	rest := strings.ReplaceAll(html, "http://www.w3.org/2000/svg", "")
	for _, bad := range []string{"http://", "https://", "//fonts.", "@import", "<link"} {
		if strings.Contains(rest, bad) {
			t.Errorf("report refers to something outside itself: %q", bad)
		}
	}
	if m := regexp.MustCompile(`<[a-zA-Z]+[^>]*\s(src|href)=`).FindString(html); m != "" {
		t.Errorf("report has an element loading something: %s", m)
	}
	// The CSP pins the inline script by hash: the one in the page must match.
	m := regexp.MustCompile(`(?s)<script>(.*)</script>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no inline script")
	}
	sum := sha256.Sum256([]byte(m[1]))
	want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	if !strings.Contains(stdhtml.UnescapeString(html), want) {
		t.Errorf("CSP does not carry the inline script's hash %s", want)
	}
}

func TestWriteHTMLShowsHitsAndDispositionLines(t *testing.T) {
	html, s := renderFixture(t, 200, 5)
	if s.NotShown == 0 || !strings.Contains(html, `id="not-shown"`) {
		t.Errorf("report does not say that %d flagged rows are not listed", s.NotShown)
	}
	if got := strings.Count(html, `<article class="ship"`); got != 5 {
		t.Errorf("%d rows listed, want 5", got)
	}
	html, _ = renderFixture(t, 200, 100)
	for _, want := range []string{
		"ROSOBORON TRADE 1",                                           // matched name
		"Council Regulation (EU) No 269/2014",                         // legal basis
		"tokens rosoboron, trade aligned",                             // explanation
		"rosoboron trade 1,ofac_sdn,9001,hash-9001,false_positive,,,", // the line to add
		`id="chart-destination"`, `id="chart-score"`, `id="chart-list"`, `id="chart-reason"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
