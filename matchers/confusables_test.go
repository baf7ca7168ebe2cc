package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// A word that mixes Latin letters with Cyrillic or Greek look-alikes is
// read in one script: the script of the letters with no look-alike, or of
// most letters when all have one.
func TestMixedScriptWordsReadInOneScript(t *testing.T) {
	for _, c := range []struct{ mixed, right string }{
		{"ROSOBORОNЕХРОRТ", "ROSOBORONEXPORT"},                           // Cyrillic О Е Х Р О Т in a Latin word
		{"Рetrochina Trading Co., Ltd.", "Petrochina Trading Co., Ltd."}, // a Cyrillic Р
		{"ООО «Cпецмаш»", "ООО «Спецмаш»"},                               // a Latin C in a Cyrillic word
		{"ГИДРОМAШ", "ГИДРОМАШ"},                                         // a Latin A
		{"Bладимирович", "Владимирович"},                                 // as the EU journal writes it
		{"ΑLPHA ΤRADING", "ALPHA TRADING"},                               // Greek capitals
		{"СОCА", "СОСА"},                                                 // all look-alikes, three Cyrillic and a Latin C: Cyrillic
		{"INTRUSТ ЕАD", "INTRUST EAD"},                                   // a Latin D has no look-alike a Russian word is written with
	} {
		if a, b := Normalise(c.mixed).String(), Normalise(c.right).String(); a != b {
			t.Errorf("Normalise(%q) = %q, Normalise(%q) = %q", c.mixed, a, c.right, b)
		}
	}
	for _, w := range []string{"gazпром", "москва", "moscow", "sibirskiy"} {
		if got, ok := appendOneScript(nil, []byte(w)); ok {
			t.Errorf("appendOneScript(%q) = %q, want it left as written", w, got)
		}
	}
	m := NewAligned(withCommonFirms([]*lists.Entry{
		firmEntry("ofac_sdn", "1", "ROSOBORONEXPORT"),
		firmEntry("eu_journal", "2", "АО «Спецмаш»"),
	}, "ofac_sdn", 3, "TRADING LLC"), Options{Threshold: 0.1})
	for _, c := range [][2]string{{"ROSOBORОNЕХРОRТ", "1"}, {"АО «Cпецмаш»", "2"}} {
		if got, why := scoreOf(m, c[0], c[1]); got < 0.85 {
			t.Errorf("%s: %.3f (%s)", c[0], got, why)
		}
	}
}
