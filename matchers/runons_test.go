package matchers

import (
	"strings"
	"testing"
)

// runOnEntries are listed names the run-on tests write without a space.
func runOnEntries() *Aligned {
	return NewAligned(append(withCommonFirms(nil, "x", 4, "TRADING LLC", "INDUSTRIES LTD"),
		firmEntry("ofac_sdn", "1", "LIMITED LIABILITY COMPANY KALEIDOSKOP"),
		firmEntry("ofac_sdn", "2", "PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION"),
		firmEntry("ofac_sdn", "3", "LAKOKRASKA OAO"),
		firmEntry("ofac_sdn", "4", "PEGASUS 88 LIMITED"),
		firmEntry("us_csl", "5", "MUJAHIDIN OF EASTERN INDONESIA"),
		firmEntry("ofac_sdn", "6", "GENERAL ARMAMENT DEPARTMENT"),
		firmEntry("eu_journal", "7", "Stark Industries Solutions Ltd."),
		firmEntry("us_csl", "8", "INDUSTRIAS AGROPECUARIAS EL EDEN S.A."),
		firmEntry("ofac_sdn", "9", "STONE COMPANY OOO"),
		firmEntry("ofac_sdn", "10", "ALEKTOR"),
		firmEntry("ofac_sdn", "11", "OCEAN FIRST GMBH"),
		firmEntry("ofac_sdn", "12", "KOTO MACHINRY CO., LTD"),
	), Options{Threshold: 0.1})
}

// checkRunOns checks each query against its entry: flagged, its run-on
// word read as two (split, or with a particle dropped). The run-together
// tests (runtogether_test.go) use it too.
func checkRunOns(t *testing.T, m *Aligned, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		got, why := scoreOf(m, c[0], c[1])
		if got < 0.85 || !strings.Contains(why, "read as two") {
			t.Errorf("%q against %s: %.3f (%s), want 0.85 or more, read as two words", c[0], c[1], got, why)
		}
	}
}

// A legal form's word run into a word or into another of its words is
// read apart, and the legal form then read whole (cutRunOns).
func TestRunOnLegalForm(t *testing.T) {
	m := runOnEntries()
	checkRunOns(t, m, [][2]string{
		{"LIMITEDLIABILITY COMPANY KALEIDOSKOP", "1"},
		{"LIMITED LIABILITYCOMPANY KALEIDOSKOP", "1"},
		{"UNITED AIRCRAFTCORPORATION", "2"},
		{"LAKOKRASKAOPEN JOINT-STOCK COMPANY", "3"},
	})
	// a short form run into a brand stays whole (STONECO LTD)
	if _, why := scoreOf(m, "STONECO LTD", "9"); strings.Contains(why, "read as two") {
		t.Errorf("STONECO LTD was cut: %s", why)
	}
}

// A number run into a listed word is read apart (cutRunOns).
func TestRunOnNumber(t *testing.T) {
	checkRunOns(t, runOnEntries(), [][2]string{{"PEGASUS88 LIMITED", "4"}})
}

// A particle run into the next word of a name, where it connects two
// words, or a particle of words run into a word, is read apart
// (cutRunOns); a short particle that begins a name is left alone.
func TestRunOnParticle(t *testing.T) {
	m := runOnEntries()
	checkRunOns(t, m, [][2]string{
		{"MUJAHIDIN OFEASTERN INDONESIA", "5"},
		{"GENERAL ARMAMENTDEPARTMENT", "6"},
	})
	if _, why := scoreOf(m, "ALEKTOR Inc.", "10"); strings.Contains(why, "read as two") {
		t.Errorf("ALEKTOR Inc. was cut: %s", why)
	}
}

// Two listed words a listed firm's name writes side by side, written
// together in a long word, are read apart (cutRunOns); a short brand
// stays whole.
func TestRunOnListedPair(t *testing.T) {
	m := runOnEntries()
	checkRunOns(t, m, [][2]string{
		{"Stark IndustriesSolutions Ltd.", "7"},
		{"INDUSTRIASAGROPECUARIAS EL EDEN S.A.", "8"},
		// the listed name's own slip (MACHINRY), which the normaliser
		// reads as machinery on both sides
		{"KOTOMACHINRY CO., LTD", "12"},
	})
	if _, why := scoreOf(m, "OCEANFIRST GMBH", "11"); strings.Contains(why, "read as two") {
		t.Errorf("OCEANFIRST GMBH was cut: %s", why)
	}
}
