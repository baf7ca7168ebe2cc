package matchers

import "testing"

// The filter never turns away a key of the tables it screens, so the
// slip lookups answer what the maps alone answered; and it turns away
// most probes of ordinary words, or it would save nothing.
func TestHashFilterKeepsEveryKey(t *testing.T) {
	for h := range legalWordSlips {
		if !legalSlipFilter.mayHave(h) {
			t.Fatalf("legal-form slip hash %x filtered out", h)
		}
	}
	for h := range nameSlips {
		if !nameSlipFilter.mayHave(h) {
			t.Fatalf("name slip hash %x filtered out", h)
		}
	}
	// Words the tables do not know: a known word is never probed.
	words := []string{"petrochina", "shenzhen", "mashinostroyeniya", "semiconductor", "pharmaceuticals",
		"kwangson", "benevolence", "rosoboronexport", "almazantey", "kalashnikov", "sinopec", "huawei"}
	probes, passed := 0, 0
	for _, w := range words {
		for i := -1; i < len(w); i++ {
			probes++
			if nameSlipFilter.mayHave(hashSkip(w, i)) {
				passed++
			}
		}
	}
	if passed*10 > probes {
		t.Errorf("%d of %d probes of ordinary words pass the name-slip filter", passed, probes)
	}
	// Slips are still read through the filter.
	if got := fixLegalSlip("commpany"); got != "company" {
		t.Errorf("fixLegalSlip(commpany) = %q, want company", got)
	}
	if got := canonNameSlip("mohmamad"); got == "" {
		t.Error("canonNameSlip(mohmamad) found no name")
	}
}
