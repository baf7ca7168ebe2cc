package matchers

import (
	"strings"
	"testing"
)

// A word of a person's name that no listed name has, one slip of the keys
// from the listed word (a letter struck for its neighbour on the keyboard,
// two neighbours swapped, a letter added or left out inside), aligns as
// that word: the name scores as complete. A changed letter that is no key
// neighbour, a word the lists know and a firm's name are left as they
// were.
func TestKeySlipsInPersonNames(t *testing.T) {
	m := NewAligned(append(withCommonFirms(nil, "x", 4, "TRADING LLC"),
		personEntry("ofac_sdn", "1", "DUDAEV, Akhmed Makhmudovich"),
		personEntry("ofac_sdn", "2", "BASERI, Mohammad"),
		personEntry("ofac_sdn", "3", "EL ZEIN, Mohamed"),
		personEntry("ofac_sdn", "4", "'ALI, Isma'il"),
		personEntry("ofac_sdn", "5", "IVANOV, Pyotr"),
		personEntry("ofac_sdn", "6", "IVANOVA, Olga"),
		personEntry("ofac_sdn", "7", "KARIMOV, Rustam"),
		personEntry("ofac_sdn", "8", "HASHEMI, Reza"),
		personEntry("ofac_sdn", "9", "SALIMI, Omid"),
		personEntry("ofac_sdn", "10", "IQBAL, Muhammad"),
	), Options{Threshold: 0.1})
	for _, c := range [][2]string{
		{"DUDAEV, Akjmed Makhmudovich", "1"}, // j for h, in the spelling the normaliser writes ahmad
		{"BASETI, Mohammad", "2"},            // t for r
		{"EL ZENI, Mohamed", "3"},            // two neighbours swapped
		{"'ALI, Isa'il", "4"},                // a letter left out
		{"IQBA, Mohammad", "10"},             // the last letter left out
	} {
		got, why := scoreOf(m, c[0], c[1])
		if got < 0.85 || !strings.Contains(why, "a slip of the keys") {
			t.Errorf("%s: %.3f (%s), want flagged as a slip of the keys", c[0], got, why)
		}
	}
	for _, c := range [][2]string{
		{"BASEMI, Mohammad", "2"},   // m is no neighbour of r: another name
		{"IVANOV, Olga", "6"},       // ivanov is a listed word: another name
		{"BASETI TRADING LLC", "2"}, // a firm
	} {
		if _, why := scoreOf(m, c[0], c[1]); strings.Contains(why, "a slip of the keys") {
			t.Errorf("%s read as a slip: %s", c[0], why)
		}
	}
}

// A joined Allah or al-Din written with a letter doubled is cut as the
// suffix written right is (cutJoinedSlip), so the name is found; a suffix
// with a letter added or left out is the ending of other words and stays.
func TestJoinedSuffixDoubled(t *testing.T) {
	for _, c := range [][2]string{
		{"KHEIRULLAAH, Haji", "KHEIRULLAH, Haji"},
		{"ZARGHAMI, Ezzatollahh", "ZARGHAMI, Ezzatollah"},
		{"AFRIDI, Amanullahh", "AFRIDI, Amanullah"},
		{"Ghiasudddin", "Ghiasuddin"},
	} {
		if a, b := normText(c[0]), normText(c[1]); a != b {
			t.Errorf("%q normalises to %q, %q to %q", c[0], a, c[1], b)
		}
	}
	for _, w := range []string{"mujahidin", "karbalah", "shamallakh"} {
		if _, _, ok := splitJoinedParticle(w); ok {
			t.Errorf("%s was cut", w)
		}
	}
	m := NewAligned(append(withCommonFirms(nil, "x", 4, "TRADING LLC"),
		personEntry("ofac_sdn", "1", "KHEIRULLAH, Haji"),
		personEntry("ofac_sdn", "2", "HAQQANI, Khalil"),
	), Options{Threshold: 0.1})
	if got, why := scoreOf(m, "KHEIRULLAAH, Haji", "1"); got < 0.85 {
		t.Errorf("KHEIRULLAAH, Haji: %.3f (%s)", got, why)
	}
}
