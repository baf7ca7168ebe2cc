package rules

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dualscreen/dualscreen/countries"
	"github.com/dualscreen/dualscreen/evidence"
)

var knownReason = map[evidence.Reason]bool{}

func init() {
	for _, r := range ruleReasons {
		knownReason[r] = true
	}
}

// FuzzCheck screens arbitrary shipments and checks properties that tie the
// country lookup, the code parser and the rules together: results are
// deterministic; every hit has a known reason, a score in (0, 1], a legal
// basis with its last-checked date and a valid explanation; an Annex I code
// to a destination the lookup resolves to a full dual-use ban is always
// EMBARGOED_DESTINATION; an unresolvable destination is always reported;
// each invalid part of the code cell gives exactly one INVALID_CONTROL_CODE
// hit; and Decide stays in range.
func FuzzCheck(f *testing.F) {
	e := mustEngine(f, nil)
	banned := map[string]bool{}
	for _, m := range e.Policy().Measures() {
		if m.Measure == DualUseBan {
			banned[m.ISO2] = true
		}
	}
	f.Add("RU", "", "5A001.j", "IMSI catcher")
	f.Add("Russian Federation", "Belarus", "5A002; PL5017", "")
	f.Add("Iran (Islamic Republic of)", "IR", "ML10", "network cable")
	f.Add("Atlantis", "Weißrussland", "5X001", "Gesichtserkennung")
	f.Add("US", "", "0A001", "")
	f.Add("DE", "CN", "6A001 1C239", "")
	f.Fuzz(func(t *testing.T, dest, endUser, code, goods string) {
		s := &evidence.Shipment{ConsigneeName: "Consignee", Destination: dest, EndUserCountry: endUser, ControlCode: code, Goods: goods}
		hits := e.Check(s, nil)
		if again := e.Check(s, nil); !reflect.DeepEqual(hits, again) {
			t.Fatalf("Check not deterministic for %+v", s)
		}
		invalid := 0
		for _, h := range hits {
			if !knownReason[h.Reason] || h.Score <= 0 || h.Score > 1 || !strings.Contains(h.LegalBasis, "last checked") ||
				h.Explanation == "" || !utf8.ValidString(h.Explanation) && utf8.ValidString(dest+endUser+code+goods) {
				t.Fatalf("bad hit %+v for %+v", h, s)
			}
			if h.Reason == evidence.InvalidControlCode {
				invalid++
			}
		}
		codes := ParseCodes(code)
		if invalid != len(codes.Invalid) {
			t.Fatalf("%d INVALID_CONTROL_CODE hits for %d invalid parts of %q", invalid, len(codes.Invalid), code)
		}
		iso, ok := countries.Lookup(dest)
		if ok && banned[iso] && codes.HasAnnexI() {
			found := false
			for _, h := range hits {
				found = found || (h.Reason == evidence.EmbargoedDestination && h.Score == 1)
			}
			if !found {
				t.Fatalf("Annex I %q to %q (%s) not EMBARGOED_DESTINATION: %+v", code, dest, iso, hits)
			}
		}
		if !ok && strings.TrimSpace(dest) != "" {
			found := false
			for _, h := range hits {
				found = found || (h.Reason == evidence.IncompleteRecord && h.Role == evidence.RoleDestination)
			}
			if !found {
				t.Fatalf("unrecognised destination %q not reported", dest)
			}
		}
		d := e.Policy().Decide(s, hits)
		if d.RiskScore < 0 || d.RiskScore > 1 || d.Flagged != (len(d.Reasons) > 0) {
			t.Fatalf("Decide = %+v", d)
		}
	})
}

// TestCheckConcurrent runs Check and Decide from several goroutines on
// shared engine and policy and compares with a sequential run (run with
// -race to check the "safe for concurrent use" promise).
func TestCheckConcurrent(t *testing.T) {
	e := mustEngine(t, nil)
	var ships []*evidence.Shipment
	dests := []string{"RU", "Deutschland", "Iran", "US", "China", "Sudan", "Venezuela", "Atlantis", ""}
	codes := []string{"5A001.j", "5A002", "0A001", "ML10", "", "5X001", "1C239"}
	for i := 0; i < 200; i++ {
		ships = append(ships, &evidence.Shipment{ShipmentID: fmt.Sprint(i), ConsigneeName: "C", Destination: dests[i%len(dests)],
			EndUserCountry: dests[(i/3)%len(dests)], ControlCode: codes[i%len(codes)], Goods: "IMSI catcher"})
	}
	type result struct {
		hits []evidence.Hit
		d    evidence.Decision
	}
	want := make([]result, len(ships))
	for i, s := range ships {
		h := e.Check(s, nil)
		want[i] = result{h, e.Policy().Decide(s, h)}
	}
	got := make([]result, len(ships))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(ships); i += 4 {
				h := e.Check(ships[i], nil)
				got[i] = result{h, e.Policy().Decide(ships[i], h)}
			}
		}(w)
	}
	wg.Wait()
	if !reflect.DeepEqual(got, want) {
		t.Error("concurrent results differ from sequential ones")
	}
}

func BenchmarkCheck(b *testing.B) {
	e := mustEngine(b, nil)
	s := &evidence.Shipment{ConsigneeName: "Acme", Destination: "Russian Federation", EndUserCountry: "Kazakhstan",
		ControlCode: "5A001.j; 4A005", Goods: "Carrier-class IP network monitoring system with deep packet inspection"}
	var hits []evidence.Hit
	b.ReportAllocs()
	for b.Loop() {
		hits = e.Check(s, hits[:0])
	}
}
