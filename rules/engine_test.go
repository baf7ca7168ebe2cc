package rules

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

func mustEngine(t testing.TB, f *File) *Engine {
	t.Helper()
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPolicy(tb, f, "test policy")
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(p)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// ship is a complete shipment to dest with code; tests blank what they need.
func ship(dest, code, goods string) *evidence.Shipment {
	return &evidence.Shipment{ShipmentID: "S1", ConsigneeName: "Acme Trading LLC", Destination: dest, ControlCode: code, Goods: goods}
}

// hitsOf returns the hits with reason r.
func hitsOf(hs []evidence.Hit, r evidence.Reason) []evidence.Hit {
	var out []evidence.Hit
	for _, h := range hs {
		if h.Reason == r {
			out = append(out, h)
		}
	}
	return out
}

type want struct {
	reason evidence.Reason
	n      int     // number of hits with that reason
	score  float64 // score of the first, when n > 0
	role   evidence.Role
	expl   string // substring of the first explanation
}

func checkWant(t *testing.T, hs []evidence.Hit, ws []want) {
	t.Helper()
	for _, w := range ws {
		got := hitsOf(hs, w.reason)
		if len(got) != w.n {
			t.Errorf("%s: %d hits, want %d: %+v", w.reason, len(got), w.n, got)
			continue
		}
		if w.n == 0 {
			continue
		}
		h := got[0]
		if h.Score != w.score {
			t.Errorf("%s: score %v, want %v (%s)", w.reason, h.Score, w.score, h.Explanation)
		}
		if w.role != "" && h.Role != w.role {
			t.Errorf("%s: role %s, want %s", w.reason, h.Role, w.role)
		}
		if w.expl != "" && !strings.Contains(h.Explanation, w.expl) {
			t.Errorf("%s: explanation %q does not contain %q", w.reason, h.Explanation, w.expl)
		}
	}
	for _, h := range hs {
		if h.LegalBasis == "" || !strings.Contains(h.LegalBasis, "last checked") || h.Explanation == "" {
			t.Errorf("%s hit lacks legal basis with date or explanation: %+v", h.Reason, h)
		}
		if h.Score <= 0 || h.Score > 1 {
			t.Errorf("%s hit score %v out of (0,1]", h.Reason, h.Score)
		}
	}
}

func TestEmbargoedDestination(t *testing.T) {
	e := mustEngine(t, nil)
	off := false
	eNoUncoded := mustEngine(t, &File{Options: FileOptions{FlagUncodedToBanned: &off}})
	tests := []struct {
		name string
		e    *Engine
		s    *evidence.Shipment
		w    []want
	}{
		{"Annex I item to Russia by ISO2", e, ship("RU", "5A002.a", ""), []want{{evidence.EmbargoedDestination, 1, 1, evidence.RoleDestination, "all Annex I items are prohibited"}, {evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"Russia by official name", e, ship("Russian Federation", "3A001", ""), []want{{evidence.EmbargoedDestination, 1, 1, "", "Russia"}}},
		{"Russia by ISO3", e, ship("RUS", "3A001", ""), []want{{evidence.EmbargoedDestination, 1, 1, "", ""}}},
		{"Russia in Russian", e, ship("Россия", "3A001", ""), []want{{evidence.EmbargoedDestination, 1, 1, "", ""}}},
		{"Iran since re-imposition", e, ship("Iran (Islamic Republic of)", "6A003", ""), []want{{evidence.EmbargoedDestination, 1, 1, "", "since 2025-09-30"}}},
		{"DPRK", e, ship("DPRK", "2B350", ""), []want{{evidence.EmbargoedDestination, 1, 1, "", ""}}},
		{"Belarus as end-user country only", e, &evidence.Shipment{ConsigneeName: "X", Destination: "DE", EndUserCountry: "Belarus", ControlCode: "5A002"},
			[]want{{evidence.EmbargoedDestination, 1, 1, evidence.RoleEndUser, "end-user"}}},
		{"Belarus as consignee country only", e, &evidence.Shipment{ConsigneeName: "X", Destination: "LT", ConsigneeCountry: "BY", ControlCode: "5A002"},
			[]want{{evidence.EmbargoedDestination, 1, 1, evidence.RoleConsignee, ""}}},
		{"no code to Russia: may still be dual-use", e, ship("RU", "", "ball bearings"), []want{{evidence.EmbargoedDestination, 1, UncodedBanScore, "", "confirm"}}},
		{"declared not listed to Russia", e, ship("RU", "Y901", "ball bearings"), []want{{evidence.EmbargoedDestination, 1, UncodedBanScore, "", "declared not listed"}}},
		{"invalid code to Russia", e, ship("RU", "RUS", ""), []want{{evidence.EmbargoedDestination, 1, UncodedBanScore, "", `"RUS" is not one`}, {evidence.InvalidControlCode, 1, 1, "", ""}}},
		{"no code to Russia, policy off", eNoUncoded, ship("RU", "", "ball bearings"), []want{{evidence.EmbargoedDestination, 0, 0, "", ""}}},
		{"military item to Russia: arms embargo", e, ship("RU", "ML10", ""), []want{{evidence.EmbargoedDestination, 1, 1, "", "arms embargo"}}},
		{"military item to Iraq: targeted restrictions", e, ship("IQ", "ML1", ""), []want{{evidence.EmbargoedDestination, 1, 0.6, "", "targeted"}}},
		{"Myanmar: military end-user ban", e, ship("Burma", "5A002", ""), []want{{evidence.EmbargoedDestination, 1, 0.7, "", "end-user"}}},
		{"Annex I item to Myanmar without the end-use ban being certain", e, ship("MM", "", "spare parts"), []want{{evidence.EmbargoedDestination, 0, 0, "", ""}}},
		{"Annex I item to Turkey: no embargo", e, ship("Turkey", "5A002", ""), []want{{evidence.EmbargoedDestination, 0, 0, "", ""}}},
		{"Türkiye spelling", e, ship("Türkiye", "5A002", ""), []want{{evidence.EmbargoedDestination, 0, 0, "", ""}, {evidence.DualUseLicenceRequired, 1, 1, "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWant(t, tt.e.Check(tt.s, nil), tt.w)
		})
	}
}

func TestDualUseLicenceRequired(t *testing.T) {
	e := mustEngine(t, nil)
	on := true
	broad := mustEngine(t, &File{Options: FileOptions{FlagBroaderCodes: &on}})
	swiss := ship("CN", "5A002", "")
	swiss.ExporterCountry = "Switzerland"
	german := ship("CN", "5A002", "")
	german.ExporterCountry = "Deutschland"
	tests := []struct {
		name string
		e    *Engine
		s    *evidence.Shipment
		w    []want
	}{
		{"non-EU001 destination", e, ship("CN", "5A002", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, evidence.RoleGoods, "EU001 does not list CN"}}},
		{"two codes, two hits", e, ship("India", "5A002; 3A001", ""), []want{{evidence.DualUseLicenceRequired, 2, 1, "", ""}}},
		{"EU002 item to an EU002 destination", e, ship("South Korea", "3A001.a.3", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"EU002 sub-item inside a listed item", e, ship("AR", "1C003.b.1", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"EU002 destination, code broader than the listed sub-items", e, ship("ZA", "3A001", ""), []want{{evidence.DualUseLicenceRequired, 1, 0.7, "", "EU002 covers only 3A001.a.3"}}},
		{"EU002 destination, item not listed", e, ship("Turkey", "5A002", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, "", "EU002 does not list 5A002"}}},
		{"EU002 item to a non-EU002 destination", e, ship("Brazil", "3A001.a.3", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, "", "EU001 does not list BR"}}},
		{"EU001 destination covered", e, ship("US", "5A002", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"Liechtenstein covered with Switzerland", e, ship("LI", "6A003", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"EU001 but Section I item", e, ship("Japan", "1C351.a", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, "", "Annex II Section I"}}},
		{"EU001 but Section I sub-item", e, ship("Canada", "1C450.a.1", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, "", "1C450.a.1"}}},
		{"EU001 but Annex IV via Category 0", e, ship("United States of America", "0A001", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, "", "Annex IV"}}},
		{"EU001, 0C001 is Section I itself", e, ship("NO", "0C001", ""), []want{{evidence.DualUseLicenceRequired, 1, 1, "", "Annex II Section I"}}},
		{"EU001, code broader than Section I entry, default", e, ship("Australia", "1C450", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"EU001, code broader than Section I entry, policy on", broad, ship("Australia", "1C450", ""), []want{{evidence.DualUseLicenceRequired, 1, 0.5, "", "1C450.a.1"}}},
		{"intra-EU is not an export", e, ship("France", "5A002", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"export from outside the EU", e, swiss, []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"export from a member state by name", e, german, []want{{evidence.DualUseLicenceRequired, 1, 1, "", ""}}},
		{"military code needs no dual-use licence", e, ship("CN", "ML10", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
		{"banned destination: prohibited, not licensable", e, ship("BY", "5A002", ""), []want{{evidence.DualUseLicenceRequired, 0, 0, "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWant(t, tt.e.Check(tt.s, nil), tt.w)
		})
	}
}

func TestAnnexIVIntraEU(t *testing.T) {
	e := mustEngine(t, nil)
	domestic := ship("DE", "1C239", "")
	domestic.ExporterCountry = "Germany"
	tests := []struct {
		name string
		s    *evidence.Shipment
		w    []want
	}{
		{"Part I item to a member state", ship("DE", "1C239", ""), []want{{evidence.AnnexIVIntraEU, 1, 1, evidence.RoleGoods, "Part 1"}}},
		{"Part II item", ship("Frankreich", "1C351.d.4", ""), []want{{evidence.AnnexIVIntraEU, 1, 1, "", "Part 2"}}},
		{"Category 0 via the category row", ship("IT", "0B001.a", ""), []want{{evidence.AnnexIVIntraEU, 1, 1, "", "Part 2"}}},
		{"0C001 excluded from Annex IV", ship("IT", "0C001", ""), []want{{evidence.AnnexIVIntraEU, 0, 0, "", ""}}},
		{"conditional entry", ship("NL", "6A203", ""), []want{{evidence.AnnexIVIntraEU, 1, 0.7, "", "mechanical rotating mirror"}}},
		{"broader code may be Annex IV", ship("NL", "6A001", ""), []want{{evidence.AnnexIVIntraEU, 1, 0.5, "", "6A001.a.1.b"}}},
		{"not in Annex IV", ship("ES", "5A002", ""), []want{{evidence.AnnexIVIntraEU, 0, 0, "", ""}}},
		{"domestic is not a transfer", domestic, []want{{evidence.AnnexIVIntraEU, 0, 0, "", ""}}},
		{"export outside the EU is not intra-EU", ship("CH", "1C239", ""), []want{{evidence.AnnexIVIntraEU, 0, 0, "", ""}, {evidence.DualUseLicenceRequired, 1, 1, "", "Annex IV"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWant(t, e.Check(tt.s, nil), tt.w)
		})
	}
}

func TestCyberSurveillanceCatchAll(t *testing.T) {
	e := mustEngine(t, nil)
	withCN := mustEngine(t, func() *File {
		f := &File{}
		f.Destinations.HumanRightsRisk = []string{"China"}
		f.Destinations.HumanRightsRiskRemove = []string{"VE"}
		return f
	}())
	strict := mustEngine(t, func() *File {
		f := &File{}
		v := 0.71
		f.Thresholds.CyberDescription = &v
		return f
	}())
	tests := []struct {
		name string
		e    *Engine
		s    *evidence.Shipment
		w    []want
	}{
		{"listed cyber code to Iran", e, ship("IR", "5A001.j", ""), []want{{evidence.CyberSurveillance, 1, 1, evidence.RoleDestination, "5A001.j"}}},
		{"sub-item inside a cyber code", e, ship("IR", "5A001.f.1.a", ""), []want{{evidence.CyberSurveillance, 1, 1, "", "interception"}}},
		{"broader code may be cyber", e, ship("Venezuela", "5A001", ""), []want{{evidence.CyberSurveillance, 1, 0.6, "", "may cover"}}},
		{"jamming sub-item is not cyber-surveillance", e, ship("VE", "5A001.f.3", ""), []want{{evidence.CyberSurveillance, 0, 0, "", ""}}},
		{"description only, unlisted item", e, ship("VE", "", "IMSI catcher with vehicle kit"), []want{{evidence.CyberSurveillance, 1, 1, "", "imsi catcher"}}},
		{"German description to Belarus end-user", e, &evidence.Shipment{ConsigneeName: "X", Destination: "AM", EndUserCountry: "Weißrussland", Goods: "Software zur Telekommunikationsüberwachung"},
			[]want{{evidence.CyberSurveillance, 1, 1, evidence.RoleEndUser, "telekommunikationsuberwachung"}}},
		{"description exactly at the threshold", e, ship("VE", "", "surveillance monitoring unit"), []want{{evidence.CyberSurveillance, 1, 0.7, "", "score 0.70"}}},
		{"description at the threshold, stricter policy", strict, ship("VE", "", "surveillance monitoring unit"), []want{{evidence.CyberSurveillance, 0, 0, "", ""}}},
		{"shared word, innocent goods", e, ship("VE", "", "Cat6 network cable, 50 m"), []want{{evidence.CyberSurveillance, 0, 0, "", ""}}},
		{"cyber code to a destination not on the list", e, ship("CN", "5A001.j", ""), []want{{evidence.CyberSurveillance, 0, 0, "", ""}}},
		{"policy adds China", withCN, ship("CN", "5A001.j", ""), []want{{evidence.CyberSurveillance, 1, 1, "", ""}}},
		{"policy removes Venezuela", withCN, ship("VE", "5A001.j", ""), []want{{evidence.CyberSurveillance, 0, 0, "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWant(t, tt.e.Check(tt.s, nil), tt.w)
		})
	}
}

func TestMilitaryEndUseCatchAll(t *testing.T) {
	e := mustEngine(t, nil)
	withCN := mustEngine(t, func() *File {
		f := &File{}
		f.Destinations.Enable = []string{"CN:arms_embargo"}
		return f
	}())
	tests := []struct {
		name string
		e    *Engine
		s    *evidence.Shipment
		w    []want
	}{
		{"dual-use item to a whole-country embargo", e, ship("Sudan", "5A002", ""), []want{{evidence.MilitaryEndUseCatchAll, 1, 0.8, evidence.RoleDestination, "military end-use"}}},
		{"dual-use item to targeted restrictions", e, ship("IQ", "5A002", ""), []want{{evidence.MilitaryEndUseCatchAll, 1, 0.4, "", "targeted"}}},
		{"no code: off by default", e, ship("SD", "", "generators"), []want{{evidence.MilitaryEndUseCatchAll, 0, 0, "", ""}}},
		{"military item: embargo, not catch-all", e, ship("SD", "ML3", ""), []want{{evidence.MilitaryEndUseCatchAll, 0, 0, "", ""}, {evidence.EmbargoedDestination, 1, 1, "", ""}}},
		{"China off by default (unverified)", e, ship("CN", "5A002", ""), []want{{evidence.MilitaryEndUseCatchAll, 0, 0, "", ""}}},
		{"China enabled by policy", withCN, ship("CN", "5A002", ""), []want{{evidence.MilitaryEndUseCatchAll, 1, 0.8, "", ""}}},
		{"embargoed end-user country behind a clean destination", e, &evidence.Shipment{ConsigneeName: "X", Destination: "AE", EndUserCountry: "South Sudan", ControlCode: "7A003"},
			[]want{{evidence.MilitaryEndUseCatchAll, 1, 0.8, evidence.RoleEndUser, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWant(t, tt.e.Check(tt.s, nil), tt.w)
		})
	}
}

func TestEndUserMismatchIncompleteInvalid(t *testing.T) {
	e := mustEngine(t, nil)
	tests := []struct {
		name string
		s    *evidence.Shipment
		w    []want
	}{
		{"end-user in a sanctioned country", &evidence.Shipment{ConsigneeName: "X", Destination: "AE", EndUserCountry: "RU"},
			[]want{{evidence.EndUserCountryMismatch, 1, 1, evidence.RoleEndUser, "diversion"}}},
		{"end-user elsewhere", &evidence.Shipment{ConsigneeName: "X", Destination: "AE", EndUserCountry: "India"},
			[]want{{evidence.EndUserCountryMismatch, 1, 0.6, "", ""}}},
		{"both in the EU", &evidence.Shipment{ConsigneeName: "X", Destination: "DE", EndUserCountry: "France"},
			[]want{{evidence.EndUserCountryMismatch, 1, 0.3, "", "member states"}}},
		{"same country in two spellings", &evidence.Shipment{ConsigneeName: "X", Destination: "DE", EndUserCountry: "Deutschland"},
			[]want{{evidence.EndUserCountryMismatch, 0, 0, "", ""}}},
		{"no end-user country", &evidence.Shipment{ConsigneeName: "X", Destination: "DE"},
			[]want{{evidence.EndUserCountryMismatch, 0, 0, "", ""}, {evidence.IncompleteRecord, 0, 0, "", ""}}},
		{"no consignee", &evidence.Shipment{Destination: "DE"}, []want{{evidence.IncompleteRecord, 1, 1, evidence.RoleConsignee, "no consignee"}}},
		{"no destination", &evidence.Shipment{ConsigneeName: "X"}, []want{{evidence.IncompleteRecord, 1, 1, evidence.RoleDestination, "no destination"}}},
		{"unknown destination", &evidence.Shipment{ConsigneeName: "X", Destination: "Atlantis"}, []want{{evidence.IncompleteRecord, 1, 1, evidence.RoleDestination, "Atlantis"}}},
		{"unknown end-user country", &evidence.Shipment{ConsigneeName: "X", Destination: "DE", EndUserCountry: "Channel Islands"}, []want{{evidence.IncompleteRecord, 1, 1, evidence.RoleEndUser, ""}}},
		{"invalid code", ship("DE", "5X001; 5A002", ""), []want{{evidence.InvalidControlCode, 1, 1, evidence.RoleGoods, "A–E"}}},
		{"valid codes only", ship("DE", "5A002 / 4A005", ""), []want{{evidence.InvalidControlCode, 0, 0, "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWant(t, e.Check(tt.s, nil), tt.w)
		})
	}
}

func TestCheckAppendsAndDisabledRules(t *testing.T) {
	f := &File{Rules: map[string]bool{"EMBARGOED_DESTINATION": false}}
	e := mustEngine(t, f)
	prev := []evidence.Hit{{Reason: evidence.PartyMatch, Score: 0.9}}
	got := e.Check(ship("RU", "5A002", ""), prev)
	if len(got) < 1 || got[0].Reason != evidence.PartyMatch {
		t.Fatalf("Check did not append to dst: %+v", got)
	}
	if n := len(hitsOf(got, evidence.EmbargoedDestination)); n != 0 {
		t.Errorf("disabled rule still emitted %d hits", n)
	}
}
