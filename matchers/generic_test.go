package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// A query naming only a place, a kind of firm and a legal form names no
// firm: against a listed name with a word of its own it leaves out, it
// scores at most GenericCap, and it is still found by the listed name
// itself, or by one as generic as it is.
func TestGenericQueryCapped(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{
		firmEntry("eu_journal", "1", "CHINA YAYANG TRADING CO., LTD."),
		firmEntry("eu_journal", "2", "RUSSIAN TRADING COMPANY LLC"),
	}, "eu_journal", 8, "TRADING LLC", "CHINA CO LTD")
	// A cap under what this small index scores the generic queries at
	// (about 0.3; on the real lists, with places and trades common, they
	// reach the threshold), so that it shows.
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	for _, tt := range []struct {
		query, id string
		atMost    float64 // 0: at least the threshold
	}{
		{"CHINA TRADING CO LTD", "1", capped},
		{"China Trading Company Limited", "1", capped},
		{"CHINA YAYANG TRADING CO LTD", "1", 0}, // its own word: not generic
		{"RUSSIAN TRADING COMPANY LLC", "2", 0}, // the listed name, as generic
		{"Russian Trading Co., Ltd.", "2", 0},   // the same, legal form aside
	} {
		s, expl := scoreOf(m, tt.query, tt.id)
		if tt.atMost > 0 && s > tt.atMost+1e-9 {
			t.Errorf("%q vs %s: %.3f, want at most %.2f: %s", tt.query, tt.id, s, tt.atMost, expl)
		}
		if tt.atMost > 0 && (s == 0 || !strings.Contains(expl, "no word of its own")) {
			t.Errorf("%q vs %s: the cap is not explained: %s", tt.query, tt.id, expl)
		}
		if tt.atMost == 0 && (s < DefaultThreshold || strings.Contains(expl, "no word of its own")) {
			t.Errorf("%q vs %s: %.3f, want flagged: %s", tt.query, tt.id, s, expl)
		}
	}
}

// The trades Turkish and Spanish firms list in their names are
// organisation words, and the Azerbaijani limited liability company a
// legal form: two firms sharing trades are not one firm.
func TestTradeWordsAndAzerbaijaniLLC(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ADEMHAN MAKINE TARIM INSAAT GIDA NAKLIYAT ITHALAT IHRACAAT SANAYI VE TICARET LTD STI", "ademhan machines agriculture construction gida transport import export industrial trading llc"},
		{"CENNET İNŞAAT İTH. İHR. LTD. ŞTİ.", "cennet construction import export llc"},
		{"ROPRUCSA CONTRATISTAS GENERALES S.A.", "roprucsa contracting generales jsc"},
		{"“Interyer İnşaat” Məhdud Məsuliyyətli Cəmiyyəti", "interyer construction llc"},
		{"Constructora Andrade Gutiérrez S.A.", "construction andrade gutierrez jsc"},
	} {
		var got []string
		for _, tk := range Normalise(tt.in).Tokens {
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}
