package rules

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/countries"
	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/internal/testutil"
)

// ambiguousUKNames are destination names in the UK licence data that name
// no single country; they are reported, not guessed (see countries/).
var ambiguousUKNames = map[string]bool{
	"Channel Islands":           true, // Jersey (JE) and Guernsey (GG)
	"French Overseas Territory": true, // several ISO codes
	"Netherlands Antilles":      true, // dissolved 2010 into CW, SX, BQ
	"Continental Shelf":         true, // no state named
}

// TestUKExportLicences screens the real UK Strategic Export Controls
// licence records (2008–2015: country names in English, real rating codes,
// values in GBP) with the default policy, as if they were EU exports today.
// The records publish no exporter or consignee, so every row is also an
// INCOMPLETE_RECORD for its consignee; that is counted separately.
func TestUKExportLicences(t *testing.T) {
	path := testutil.SharedData(t, "shipments/uk_strategic_export_licences/values.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := mustEngine(t, nil)
	p := e.Policy()
	banned := map[string]bool{}
	for _, m := range p.Measures() {
		if m.Measure == DualUseBan {
			banned[m.ISO2] = true
		}
	}
	eu001 := map[string]bool{}
	for _, c := range p.Tables().EU001 {
		eu001[c.ISO2] = true
	}

	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, c := range []string{"licence_group", "date", "rating", "value", "country"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("%s: no column %s", path, c)
		}
	}

	var (
		rows, dualUseRows, bannedDualUse, eu001Rows, noValue int
		rowsByReason                                         = map[evidence.Reason]int{}
		hitsByReason                                         = map[evidence.Reason]int{}
		byPriority                                           = map[evidence.Priority]int{}
		unknown                                              = map[string]int{}
		invalidCodes                                         = map[string]int{}
		eu001SectionI                                        = map[string]int{}
		incompleteByRole                                     = map[evidence.Role]int{}
		embargoByScore                                       = map[string]int{}
		hits                                                 []evidence.Hit
	)
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: line %d: %v", path, line, err)
		}
		rows++
		// Values are GBP; the rules do not read them. Some are empty.
		var value float64
		hasValue := rec[col["value"]] != ""
		if hasValue {
			if value, err = strconv.ParseFloat(rec[col["value"]], 64); err != nil {
				t.Fatalf("%s: line %d, column value: %v", path, line, err)
			}
		} else {
			noValue++
		}
		s := &evidence.Shipment{Row: int64(rows - 1), ShipmentID: rec[col["licence_group"]], DeclarationDate: rec[col["date"]],
			Destination: rec[col["country"]], ControlCode: rec[col["rating"]], ValueEUR: value, HasValue: hasValue}
		hits = e.Check(s, hits[:0])
		d := p.Decide(s, hits)
		byPriority[d.Priority]++

		iso, known := countries.Lookup(s.Destination)
		if !known {
			unknown[s.Destination]++
		}
		codes := ParseCodes(s.ControlCode)
		seen := map[evidence.Reason]bool{}
		var embargoed, licence []evidence.Hit
		for _, h := range hits {
			hitsByReason[h.Reason]++
			if !seen[h.Reason] {
				seen[h.Reason] = true
				rowsByReason[h.Reason]++
			}
			switch h.Reason {
			case evidence.EmbargoedDestination:
				embargoed = append(embargoed, h)
				embargoByScore[fmt.Sprintf("%.1f", h.Score)]++
			case evidence.DualUseLicenceRequired:
				licence = append(licence, h)
			case evidence.InvalidControlCode:
				invalidCodes[h.MatchedName]++
			case evidence.IncompleteRecord:
				incompleteByRole[h.Role]++
			}
		}
		if codes.HasAnnexI() {
			dualUseRows++
			if known && banned[iso] {
				bannedDualUse++
				ok := false
				for _, h := range embargoed {
					ok = ok || (h.Score == 1 && h.Role == evidence.RoleDestination)
				}
				if !ok {
					t.Errorf("line %d: dual-use %s to %s (%s), under a full dual-use ban, not flagged EMBARGOED_DESTINATION: %+v", line, s.ControlCode, s.Destination, iso, hits)
				}
			}
		}
		if known && eu001[iso] {
			eu001Rows++
			for _, h := range licence {
				// EU001 covers everything but Annex II Section I (which
				// includes all of Annex IV): nothing else may be flagged.
				if !strings.Contains(h.Explanation, "Annex II Section I") && !strings.Contains(h.Explanation, "Annex IV") {
					t.Errorf("line %d: %s to EU001 destination %s flagged DUAL_USE_LICENCE_REQUIRED outside Section I: %s", line, s.ControlCode, s.Destination, h.Explanation)
				}
				eu001SectionI[h.MatchedName]++
			}
		}
	}
	if rows < 90000 {
		t.Fatalf("read %d rows, expected the ~96k of the provenance note", rows)
	}
	for name, n := range unknown {
		if !ambiguousUKNames[name] {
			t.Errorf("country name %q (%d rows) not recognised", name, n)
		}
	}
	if bannedDualUse == 0 {
		t.Error("no dual-use rows to banned destinations: the check above tested nothing")
	}

	t.Logf("%d rows; %d with an Annex I code; %d of those to a full dual-use ban destination; %d rows to EU001 destinations; %d rows without a value", rows, dualUseRows, bannedDualUse, eu001Rows, noValue)
	t.Logf("unrecognised destination names (ambiguous, by design): %s", countMap(unknown))
	t.Logf("rows | hits by reason:")
	var reasons []string
	for r := range hitsByReason {
		reasons = append(reasons, string(r))
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		t.Logf("  %-28s %6d rows %6d hits", r, rowsByReason[evidence.Reason(r)], hitsByReason[evidence.Reason(r)])
	}
	t.Logf("EMBARGOED_DESTINATION hits by score: %s (1.0 Annex I to a full ban or military item to an arms embargo; 0.7 Myanmar; 0.6 no valid dual-use code to a ban, or military item to targeted restrictions)", countMap(embargoByScore))
	t.Logf("INCOMPLETE_RECORD by role: %v (the data publishes no consignee)", incompleteByRole)
	t.Logf("priority: high %d, medium %d, low %d, none %d", byPriority[evidence.PriorityHigh], byPriority[evidence.PriorityMedium], byPriority[evidence.PriorityLow], byPriority[evidence.PriorityNone])
	t.Logf("EU001 rows flagged as Annex II Section I / Annex IV items, by code: %s", countMap(eu001SectionI))
	t.Logf("invalid (non-EU) rating codes: %s", countMap(invalidCodes))
}

func countMap(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
