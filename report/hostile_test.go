package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dualscreen/dualscreen/evidence"
)

// setStrings sets every string field of the struct v points to (typed
// strings such as evidence.Reason included) to s.
func setStrings(v any, s string) {
	rv := reflect.ValueOf(v).Elem()
	for i := 0; i < rv.NumField(); i++ {
		if f := rv.Field(i); f.Kind() == reflect.String && f.CanSet() {
			f.SetString(s)
		}
	}
}

// hostileHTML renders a report in which every piece of text that comes
// from the input, the lists or the command line is payload.
func hostileHTML(t testing.TB, payload string) string {
	t.Helper()
	c := NewCollector(CollectorOptions{})
	for i := range 3 {
		var s evidence.Shipment
		setStrings(&s, payload)
		s.Row, s.ValueEUR, s.HasValue = int64(i), 1200, true
		var h evidence.Hit
		setStrings(&h, payload)
		h.Reason, h.Score = evidence.PartyMatch, 0.9
		dest := h
		dest.Reason, dest.Role = evidence.Reason(payload), evidence.Role(payload)
		d := evidence.Decision{Flagged: true, RiskScore: 0.9, Priority: evidence.Priority(payload),
			Reasons: []evidence.Reason{evidence.PartyMatch, evidence.Reason(payload)}}
		c.Add(Row{Seq: int64(i), Shipment: s, Decision: d, Hits: []evidence.Hit{h, dest}})
	}
	meta := Meta{Title: payload, ToolVersion: payload, ConfigHash: payload, Inputs: []string{payload},
		Generated: time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC),
		Lists:     []ListRecord{{ID: payload, Format: payload, Date: payload, Entries: 3, Files: []FileRecord{{Path: payload, SHA256: payload}}}},
		Delta:     &DeltaRecord{Previous: payload, PreviousSHA256: payload, Mode: payload},
		EntryHash: func(list, id string) (string, bool) { return payload, true }}
	var b bytes.Buffer
	if err := WriteHTML(&b, meta, c.Summary()); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// FuzzHTMLEscapesEverything puts the fuzzer's text into every text field of
// the report (shipment, hit, decision, list and run metadata) and checks
// that it adds no markup: the report has exactly as many '<' as with
// harmless text. Escaped text never holds a raw '<' (&lt; in HTML and
// attributes, \u003c in scripts), so any extra one is injected markup.
func FuzzHTMLEscapesEverything(f *testing.F) {
	for _, s := range []string{
		`<script>document.title="pwned"</script>`,
		`"><img src=x onerror=alert(1)>`,
		`'><svg onload=alert(1)>`,
		`javascript:alert(document.cookie)`,
		`</style><script>alert(1)</script>`,
		`]]><!--<x-evil>-->`,
		"\u202e\u0000\x7f{{.}}",
		`=HYPERLINK("http://evil.example","x")`,
	} {
		f.Add(s)
	}
	base := strings.Count(hostileHTML(f, "harmless text"), "<")
	f.Fuzz(func(t *testing.T, payload string) {
		// Empty text and the codes the report branches on (a reason that
		// suppresses, a priority, a duplicate of another reason) change the
		// layout by design, not by injection: they are not payloads.
		if layoutCode(payload) {
			return
		}
		if g := strings.Count(hostileHTML(t, payload), "<"); g != base {
			t.Fatalf("payload %q: %d '<' in the report, %d with harmless text", payload, g, base)
		}
	})
}

// TestHostileHTMLShowsPayloadAsText guards the fuzz target: the payload
// must really reach the page in many places, as visible escaped text.
func TestHostileHTMLShowsPayloadAsText(t *testing.T) {
	html := hostileHTML(t, `<x-evil a="1">`)
	if strings.Contains(html, "<x-evil") {
		t.Fatal("payload written as markup")
	}
	if n := strings.Count(html, "&lt;x-evil a=&#34;1&#34;&gt;"); n < 10 {
		t.Errorf("payload shown as text %d times, want it in at least 10 fields", n)
	}
}

// layoutCode reports whether s is text the report deliberately branches on.
func layoutCode(s string) bool {
	switch evidence.Reason(s) {
	case "", evidence.PartyMatch, evidence.SuppressedByDisposition:
		return true
	}
	switch evidence.Priority(s) {
	case evidence.PriorityHigh, evidence.PriorityMedium, evidence.PriorityLow:
		return true
	}
	return s == "none" || strings.HasPrefix(s, NewHitPrefix)
}
