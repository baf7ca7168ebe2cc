package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

func writePolicy(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "policy.toml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadPolicy(t *testing.T) {
	path := writePolicy(t, `
[thresholds]
party = 0.9
cyber_description = 0.5
priority_high = 0.75
priority_medium = 0.4

[rules]
END_USER_COUNTRY_MISMATCH = false

[weights]
DUAL_USE_LICENCE_REQUIRED = 0.3

[lists]
disabled = ["us_csl"]

[destinations]
human_rights_risk = ["Ägypten"]
arms_embargo = ["Nicaragua"]
enable = ["AM:arms_embargo"]
disable = ["SY:telecom_monitoring"]

[options]
military_end_use_without_code = true

[[keywords]]
lang = "en"
pattern = "stingray*"
weight = 1.0
category = "interception"
`)
	p, err := LoadPolicy(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.PartyThreshold != 0.9 || p.CyberDescriptionThreshold != 0.5 || p.HighAt != 0.75 || p.MediumAt != 0.4 {
		t.Errorf("thresholds = %v %v %v %v", p.PartyThreshold, p.CyberDescriptionThreshold, p.HighAt, p.MediumAt)
	}
	if p.Enabled[evidence.EndUserCountryMismatch] || !p.Enabled[evidence.EmbargoedDestination] {
		t.Errorf("enabled = %v", p.Enabled)
	}
	if p.Weights[evidence.DualUseLicenceRequired] != 0.3 || p.Origin("weights.DUAL_USE_LICENCE_REQUIRED") != path {
		t.Errorf("weight %v from %s", p.Weights[evidence.DualUseLicenceRequired], p.Origin("weights.DUAL_USE_LICENCE_REQUIRED"))
	}
	if p.Origin("thresholds.party") != path || p.Origin("weights.PARTY_MATCH") != "default" {
		t.Errorf("origins wrong: %q %q", p.Origin("thresholds.party"), p.Origin("weights.PARTY_MATCH"))
	}
	if p.ListCounted("us_csl") || !p.ListCounted("un_sc") {
		t.Error("list selection wrong")
	}
	codes, prov := p.HumanRightsRisk()
	has := func(c string) bool {
		for _, x := range codes {
			if x == c {
				return true
			}
		}
		return false
	}
	if !has("EG") || has("SY") || !has("IR") {
		t.Errorf("human-rights list = %v", codes)
	}
	if !strings.Contains(prov["EG"].Source, path) {
		t.Errorf("EG source = %q", prov["EG"].Source)
	}
	e, err := NewEngine(p)
	if err != nil {
		t.Fatal(err)
	}
	checkWant(t, e.Check(ship("Armenia", "5A002", ""), nil), []want{{evidence.MilitaryEndUseCatchAll, 1, 0.8, "", ""}})
	checkWant(t, e.Check(ship("NI", "", "tractor parts"), nil), []want{{evidence.MilitaryEndUseCatchAll, 1, 0.4, "", "without a control code"}})
	checkWant(t, e.Check(ship("EG", "", "Stingray II cell-site kit"), nil), []want{{evidence.CyberSurveillance, 1, 1, "", "stingray"}})
	checkWant(t, e.Check(&evidence.Shipment{ConsigneeName: "X", Destination: "AE", EndUserCountry: "RU"}, nil), []want{{evidence.EndUserCountryMismatch, 0, 0, "", ""}})
}

func TestLoadPolicyErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"unknown key", "[thresholds]\nparty_score = 0.9\n", "unknown key(s): thresholds.party_score"},
		{"threshold out of range", "[thresholds]\nparty = 1.5\n", "thresholds.party: 1.5 is not in [0, 1]"},
		{"unknown reason", "[rules]\nNO_SUCH_RULE = true\n", "rules.NO_SUCH_RULE: unknown reason"},
		{"bad weight", "[weights]\nPARTY_MATCH = -0.1\n", "weights.PARTY_MATCH"},
		{"unknown country", "[destinations]\nhuman_rights_risk = [\"Atlantis\"]\n", `"Atlantis" is not a recognised country`},
		{"unknown table row", "[destinations]\nenable = [\"FR:arms_embargo\"]\n", "no such row"},
		{"priorities crossed", "[thresholds]\npriority_high = 0.3\npriority_medium = 0.6\n", "priority_medium"},
		{"bad keyword weight", "[[keywords]]\npattern = \"x\"\nweight = 2\n", "keywords[0]"},
		{"TOML syntax", "[thresholds\n", "policy.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writePolicy(t, tt.body)
			_, err := LoadPolicy(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "policy.toml") {
				t.Fatalf("err = %v, want it to name the file and contain %q", err, tt.want)
			}
		})
	}
}

func TestDecide(t *testing.T) {
	p, err := DefaultPolicy()
	if err != nil {
		t.Fatal(err)
	}
	w := p.Weights
	party := func(score float64, list string) evidence.Hit {
		return evidence.Hit{Reason: evidence.PartyMatch, Role: evidence.RoleConsignee, List: list, Score: score}
	}
	hit := func(r evidence.Reason, score float64) evidence.Hit { return evidence.Hit{Reason: r, Score: score} }
	tests := []struct {
		name     string
		hits     []evidence.Hit
		flagged  bool
		risk     float64
		priority evidence.Priority
		reasons  []evidence.Reason
	}{
		{"nothing", nil, false, 0, evidence.PriorityNone, nil},
		{"party match at the threshold counts", []evidence.Hit{party(p.PartyThreshold, "un_sc")}, true,
			w[evidence.PartyMatch] * p.PartyThreshold, evidence.PriorityHigh, []evidence.Reason{evidence.PartyMatch}},
		{"party match just below the threshold does not", []evidence.Hit{party(p.PartyThreshold-0.001, "un_sc")}, false, 0, evidence.PriorityNone, nil},
		{"embargo beats a weak licence hit", []evidence.Hit{hit(evidence.DualUseLicenceRequired, 1), hit(evidence.EmbargoedDestination, 1)}, true,
			w[evidence.EmbargoedDestination], evidence.PriorityHigh, []evidence.Reason{evidence.DualUseLicenceRequired, evidence.EmbargoedDestination}},
		{"licence alone is medium", []evidence.Hit{hit(evidence.DualUseLicenceRequired, 1)}, true,
			w[evidence.DualUseLicenceRequired], evidence.PriorityMedium, []evidence.Reason{evidence.DualUseLicenceRequired}},
		{"incomplete record alone is low", []evidence.Hit{hit(evidence.IncompleteRecord, 1)}, true,
			w[evidence.IncompleteRecord], evidence.PriorityLow, []evidence.Reason{evidence.IncompleteRecord}},
		{"weights multiply scores", []evidence.Hit{hit(evidence.CyberSurveillance, 0.6)}, true,
			w[evidence.CyberSurveillance] * 0.6, evidence.PriorityMedium, []evidence.Reason{evidence.CyberSurveillance}},
		{"zero-weight reason does not flag", []evidence.Hit{hit(evidence.SuppressedByDisposition, 1)}, false, 0, evidence.PriorityNone, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := p.Decide(&evidence.Shipment{}, tt.hits)
			if d.Flagged != tt.flagged || d.Priority != tt.priority || !reflect.DeepEqual(d.Reasons, tt.reasons) {
				t.Errorf("Decide = %+v, want flagged %v priority %q reasons %v", d, tt.flagged, tt.priority, tt.reasons)
			}
			if diff := d.RiskScore - tt.risk; diff > 1e-6 || diff < -1e-6 {
				t.Errorf("risk %v, want %v", d.RiskScore, tt.risk)
			}
		})
	}
}

func TestDecideListSelection(t *testing.T) {
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	f := &File{}
	f.Lists.Enabled = []string{"eu_fsf"}
	p, err := NewPolicy(tb, f, "t")
	if err != nil {
		t.Fatal(err)
	}
	hits := []evidence.Hit{{Reason: evidence.PartyMatch, List: "ofac_sdn", Score: 1}}
	if d := p.Decide(&evidence.Shipment{}, hits); d.Flagged {
		t.Errorf("hit from a list outside [lists].enabled flagged: %+v", d)
	}
	hits[0].List = "eu_fsf"
	if d := p.Decide(&evidence.Shipment{}, hits); !d.Flagged {
		t.Errorf("hit from an enabled list not flagged")
	}
}

// TestEmbeddedTablesHonest checks invariants of the embedded tables that a
// careless edit could break: every EU001 country and member state is a
// country the lookup knows, rows that are off by default are unverified,
// and every Section I and Annex IV row was read in the legal text.
func TestEmbeddedTablesHonest(t *testing.T) {
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.EU001) != 10 || len(tb.EUMembers) != 27 {
		t.Errorf("EU001 %d rows (want 10 incl. LI), member states %d (want 27)", len(tb.EU001), len(tb.EUMembers))
	}
	if len(tb.EU002Destinations) != 4 || len(tb.EU002Items) != 28 {
		t.Errorf("EU002: %d destinations (want 4), %d items (want 28)", len(tb.EU002Destinations), len(tb.EU002Items))
	}
	for _, m := range tb.Destinations {
		if !m.Default && m.Status != "U" {
			t.Errorf("%s is off by default but status %s", m.Key(), m.Status)
		}
	}
	for _, e := range append(append(append([]CodeEntry{}, tb.SectionI...), tb.AnnexIV...), tb.EU002Items...) {
		if e.Status != "V" {
			t.Errorf("%s: %s status %s, want V", e.Source, e.Text, e.Status)
		}
	}
}

func TestExamplePolicyFileLoads(t *testing.T) {
	p, err := LoadPolicy("../data/rules/policy.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !p.measureOn("CN:arms_embargo") || p.Origin("destinations.CN:arms_embargo") == "default" {
		t.Error("example enables CN:arms_embargo but the policy does not show it")
	}
}

// FuzzLoadPolicy feeds arbitrary policy files: LoadPolicy either fails with
// an error naming the file, or returns a policy whose thresholds and
// weights are in range, whose priorities are ordered, and whose every
// destination measure and human-rights entry is a known ISO2 code.
func FuzzLoadPolicy(f *testing.F) {
	for _, s := range []string{
		"[thresholds]\nparty = 0.9\n",
		"[destinations]\nhuman_rights_risk = [\"Egypt\"]\nenable = [\"CN:arms_embargo\"]\n",
		"[[keywords]]\npattern = \"stingray*\"\nweight = 1.0\n",
		"[weights]\nPARTY_MATCH = 0.5\n[rules]\nINCOMPLETE_RECORD = false\n",
		"[thresholds\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(dir, "fuzz.toml")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := LoadPolicy(path)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.toml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, v := range []float64{p.PartyThreshold, p.CyberDescriptionThreshold, p.HighAt, p.MediumAt} {
			if v < 0 || v > 1 || v != v {
				t.Fatalf("threshold %v out of range", v)
			}
		}
		if p.MediumAt > p.HighAt {
			t.Fatalf("medium %v above high %v", p.MediumAt, p.HighAt)
		}
		for r, w := range p.Weights {
			if w < 0 || w > 1 || w != w {
				t.Fatalf("weight %s = %v", r, w)
			}
		}
		for _, m := range p.Measures() {
			if !iso2Pattern.MatchString(m.ISO2) || m.LegalBasis == "" {
				t.Fatalf("bad measure %+v", m)
			}
		}
		codes, _ := p.HumanRightsRisk()
		for _, c := range codes {
			if !iso2Pattern.MatchString(c) {
				t.Fatalf("bad human-rights code %q", c)
			}
		}
		if _, err := NewEngine(p); err != nil {
			t.Fatalf("loaded policy gives no engine: %v", err)
		}
	})
}
