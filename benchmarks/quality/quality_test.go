package quality

import (
	"testing"

	"github.com/dualscreen/dualscreen/benchmarks/gen"
	"github.com/dualscreen/dualscreen/benchmarks/peers"
)

func TestCount(t *testing.T) {
	truth := []gen.Name{
		{Name: "JOINT COMPANY STOCK VISMUT", Planted: true, Variant: gen.VarReorder, List: "ofac_sdn", EntryID: "47859"},
		{Name: "PUMA SECURITY AGENCY Branch Office", Planted: true, Variant: gen.VarNoise, List: "ofac_sdn", EntryID: "7774"},
		{Name: "siritia ventures ltd", Planted: true, Variant: gen.VarCase, List: "us_csl", EntryID: "20314"},
		{Name: "Müller Maschinenbau GmbH"},
		{Name: "Shenzhen Hengtong Electronics Co., Ltd."},
		{Name: "Apple Inc."},
	}
	r := &peers.Result{Hits: map[string][]peers.Hit{
		"JOINT COMPANY STOCK VISMUT":              {{List: "ofac_sdn", EntryID: "47859", Score: 0.97}},
		"PUMA SECURITY AGENCY Branch Office":      {{List: "us_csl", EntryID: "1", Score: 0.88}}, // found, wrong entry
		"Shenzhen Hengtong Electronics Co., Ltd.": {{List: "us_csl", EntryID: "2", Score: 0.91}},
	}}
	s := Count(truth, r, 0.85)
	if s.Planted != 3 || s.Found != 2 || s.Correct != 1 || s.Innocent != 3 || s.FalsePos != 1 {
		t.Errorf("at 0.85: %+v", s)
	}
	if s.ByVariant[gen.VarNoise] != [2]int{1, 1} || s.ByVariant[gen.VarCase] != [2]int{0, 1} {
		t.Errorf("by variant: %v", s.ByVariant)
	}
	if got := s.Recall(); got != 2.0/3 {
		t.Errorf("recall %v", got)
	}
	// A higher threshold drops the weaker hits.
	s = Count(truth, r, 0.95)
	if s.Found != 1 || s.FalsePos != 0 {
		t.Errorf("at 0.95: %+v", s)
	}
	// A sampled run counts only its screened names.
	r.Sampled, r.ScreenedNames = true, []string{"siritia ventures ltd", "Apple Inc."}
	s = Count(truth, r, 0.85)
	if s.Planted != 1 || s.Found != 0 || s.Innocent != 1 || s.FPRate() != 0 {
		t.Errorf("sampled: %+v", s)
	}
}

// TestOnSample: the full run is scored on the sampled run's names only.
func TestOnSample(t *testing.T) {
	truth := []gen.Name{
		{Name: "AL-SHAAAB", Planted: true, Variant: gen.VarTypo, List: "un_sc", EntryID: "SOe.001"},
		{Name: "ROSOBORONEKSPORT OAO", Planted: true, Variant: gen.VarLegalForm, List: "ofac_sdn", EntryID: "16000"},
		{Name: "Acme Widgets Inc."},
	}
	full := &peers.Result{Hits: map[string][]peers.Hit{
		"AL-SHAAAB":            {{List: "un_sc", EntryID: "SOe.001", Score: 0.86}},
		"ROSOBORONEKSPORT OAO": {{List: "ofac_sdn", EntryID: "16000", Score: 0.99}},
	}}
	sampled := &peers.Result{Sampled: true, ScreenedNames: []string{"ROSOBORONEKSPORT OAO", "Acme Widgets Inc."}}
	s := OnSample(truth, full, sampled, 0.85)
	if s.Planted != 1 || s.Found != 1 || s.Innocent != 1 || s.FalsePos != 0 {
		t.Errorf("on the sample: %+v, want 1 planted found, 1 innocent not flagged", s)
	}
}
