package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestDedicationVariant(t *testing.T) {
	tests := []struct{ in, want string }{
		{"NPP START IM. A. I. YASKINA AO", "NPP START AO"},
		{"AO NPP ISTOK IM. SHOKINA", "AO NPP ISTOK"},
		{"JSC Concern Morinformsystem-Agat named after Academician A.A. Raspletin", "JSC Concern Morinformsystem-Agat"},
		{"AO NPO IMENI S.A. LAVOCHKINA", ""}, // NPO Lavochkin: nothing else names the firm
		{"Zavod imeni Sverdlova", ""},
		{"АО «НПП «Старт» им. А. И. Яскина»", "АО «НПП «Старт» »"},
		{"Lebedev Physical Institute Named After P.N. Lebedev of the Russian Academy of Sciences", ""}, // no legal form: the dedicatee may be what tells it apart
		{"FGUP Lebedev Physical Institute Named After P.N. Lebedev of the Russian Academy of Sciences", "FGUP Lebedev Physical Institute of the Russian Academy of Sciences"},
		{"IM Chol Su", ""},                  // a Korean surname, no full stop
		{"KIM, Im Chol", ""},                // nor here
		{"Named After Komintern Plant", ""}, // the marker opens the name
		{"Imex Trading named", ""},
	}
	for _, tt := range tests {
		if got := dedicationVariant(tt.in); got != tt.want {
			t.Errorf("dedicationVariant(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMayHoldDedication(t *testing.T) {
	for _, v := range []string{"NPP START IM. A. I. YASKINA AO", "Zavod imeni Sverdlova", "Plant Named After Ia. M. Sverdlov", "АО НПП «Старт» им. А. И. Яскина", "ЗАВОД ИМЕНИ СВЕРДЛОВА"} {
		if !mayHoldDedication(v) {
			t.Errorf("mayHoldDedication(%q) = false", v)
		}
	}
	for _, v := range []string{"KIM, Jong Un", "Ibrahim Import Co", "IM Chol Su", "Imeniko Trading", "Pim. Ltd", "Unnamed Aftermarket LLC", "Иманов Иван"} {
		if mayHoldDedication(v) {
			t.Errorf("mayHoldDedication(%q) = true", v)
		}
	}
}

// A firm listed with its dedication is found by the name it trades under,
// and the dedication stays a name of its own: an institute with a generic
// name and no legal form is told apart by its dedicatee only.
func TestDedicationMatches(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "37716", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "NPP START IM. A. I. YASKINA AO", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
		{List: "ofac_sdn", ID: "37697", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "AO NPP ISTOK IM. SHOKINA", Kind: lists.NamePrimary}}, Countries: []string{"RU"}},
		{List: "eu_journal", ID: "IV/101", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "Radio Technical Institute named after A. L. Mints", Kind: lists.NamePrimary}}},
		{List: "ofac_sdn", ID: "20007", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "ROSOBORONEXPORT"}}},
	}
	m := NewAligned(entries, Options{})
	best := func(q string) (string, float64) {
		got := m.Match(Query{Name: q}, nil)
		if len(got) == 0 {
			return "", 0
		}
		return got[0].Entry.List + ":" + got[0].Entry.ID, got[0].Score
	}
	for _, tt := range []struct{ query, want string }{
		{"NPP Start", "ofac_sdn:37716"},
		{"JSC NPP Istok", "ofac_sdn:37697"},
		{"Zavod NPP Start im. Yaskina", "ofac_sdn:37716"},
		{"Radiotechnical Institute named after Mints", "eu_journal:IV/101"},
	} {
		if k, s := best(tt.query); k != tt.want || s < DefaultThreshold {
			t.Errorf("Match(%q) = %s %.3f, want %s at %.2f or more", tt.query, k, s, tt.want, DefaultThreshold)
		}
	}
	if got := NameVariants("Radio Technical Institute named after A. L. Mints"); len(got) != 1 {
		t.Errorf("NameVariants(Radio Technical Institute named after A. L. Mints) = %q: the dedicatee is what names that institute", got)
	}
	if got := NameVariants("NPP START IM. A. I. YASKINA AO"); len(got) != 2 || got[1] != "NPP START AO" {
		t.Errorf("NameVariants(NPP START IM. A. I. YASKINA AO) = %q, want the name and NPP START AO", got)
	}
}
