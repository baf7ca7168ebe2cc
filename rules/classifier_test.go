package rules

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func defaultClassifier(t testing.TB) *Classifier {
	t.Helper()
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClassifier(tb.Keywords)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The threshold the default policy uses.
const testThreshold = 0.7

func TestClassifierLanguages(t *testing.T) {
	c := defaultClassifier(t)
	tests := []struct {
		lang, desc string
		flagged    bool
		category   string // a category expected among the matches when flagged
	}{
		// English
		{"en", "Portable IMSI catcher with vehicle installation kit", true, "interception"},
		{"en", "Lawful interception management system for mobile operator", true, "interception"},
		{"en", "Deep packet inspection appliance, 100G, carrier grade", true, "ip_surveillance"},
		{"en", "Facial recognition software licence for city CCTV", true, "biometric"},
		{"en", "Mobile forensic extraction kit for smartphones", true, "forensic"},
		{"en", "Cat6 network cable, 50 m, shielded", false, ""},
		{"en", "Camera lens 50mm f/1.8 for DSLR", false, ""},
		{"en", "Network monitoring probe for quality of service and billing", false, ""},
		{"en", "Antivirus software with intrusion detection", false, ""},
		{"en", "SIM cards with IMSI range pre-provisioned", false, ""},
		{"en", "Baby monitor with camera and night vision", false, ""},
		{"en", "Grease interceptor with level monitoring", false, ""},
		{"en", "Telecommunications interception system", true, "interception"},
		{"en", "Exploit kit with zero-day payloads", true, "intrusion"},
		// German
		{"de", "Software zur Telekommunikationsüberwachung (TKÜ) mit Auswertezentrum", true, "interception"},
		{"de", "IMSI-Catcher, tragbar, mit Zubehör", true, "interception"},
		{"de", "Gesichtserkennungssoftware für Videoanalyse", true, "biometric"},
		{"de", "Netzwerkkabel Cat6, 20 m", false, ""},
		{"de", "Temperaturüberwachung für Kühlcontainer", false, ""},
		{"de", "Kameraobjektiv 35 mm", false, ""},
		// French
		{"fr", "Système d'interception légale pour opérateur mobile", true, "interception"},
		{"fr", "Logiciel espion pour smartphones", true, "intrusion"},
		{"fr", "Système de reconnaissance faciale pour aéroport", true, "biometric"},
		{"fr", "Câble réseau RJ45 catégorie 6", false, ""},
		{"fr", "Système d'exploitation pour caméra de surveillance", false, ""},
		{"fr", "Plateforme d'interception des communications", true, "interception"},
		{"fr", "Objectif de caméra grand angle", false, ""},
		// Spanish
		{"es", "Sistema de interceptación legal de comunicaciones", true, "interception"},
		{"es", "Software espía para teléfonos móviles", true, "intrusion"},
		{"es", "Cámara con reconocimiento facial", true, "biometric"},
		{"es", "Cable de red Cat6 de 10 metros", false, ""},
		{"es", "Lente para cámara fotográfica", false, ""},
		// Italian
		{"it", "Apparati per intercettazioni telefoniche", true, "interception"},
		{"it", "Captatore informatico per dispositivi mobili", true, "intrusion"},
		{"it", "Sistema di riconoscimento facciale", true, "biometric"},
		{"it", "Cavo di rete schermato", false, ""},
		{"it", "Obiettivo per fotocamera", false, ""},
		// Polish
		{"pl", "Urządzenie do podsłuchu telefonów komórkowych", true, "interception"},
		{"pl", "Oprogramowanie szpiegujące", true, "intrusion"},
		{"pl", "System rozpoznawania twarzy", true, "biometric"},
		{"pl", "Kabel sieciowy kategorii 6", false, ""},
		// Dutch
		{"nl", "Software voor gezichtsherkenning", true, "biometric"},
		{"nl", "Netwerkkabel 5 meter", false, ""},
		// Portuguese
		{"pt", "Sistema de reconhecimento facial", true, "biometric"},
		{"pt", "Equipamento de escuta telefónica", true, "interception"},
		{"pt", "Cabo de rede 10 m", false, ""},
		{"pt", "Sistema de interceptação de comunicações", true, "interception"},
		// Swedish
		{"sv", "Utrustning för avlyssning av mobiltelefoner", true, "interception"},
		{"sv", "Nätverkskabel 2 m", false, ""},
		// two medium cues make a flag; one does not
		{"en", "Covert surveillance kit", true, "surveillance"},
		{"en", "Surveillance drone spare propeller", false, ""},
	}
	langs := map[string]int{}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.desc, func(t *testing.T) {
			got := c.Classify(tt.desc)
			if flagged := got.Score >= testThreshold; flagged != tt.flagged {
				t.Fatalf("score %.2f (%s), flagged %v, want %v", got.Score, got.Explain(), flagged, tt.flagged)
			}
			if tt.flagged {
				cats := got.Categories()
				found := false
				for _, c := range cats {
					found = found || c == tt.category
				}
				if !found {
					t.Errorf("categories %v lack %s", cats, tt.category)
				}
				if got.Explain() == "" {
					t.Error("flagged without an explanation")
				}
			}
		})
		if tt.flagged {
			langs[tt.lang]++
		}
	}
	if len(langs) < 5 {
		t.Errorf("positives in %d languages, want at least 5", len(langs))
	}
}

func TestTokensFold(t *testing.T) {
	got := Tokens("Überwachung, PODSŁUCH & Straße—IMSI-Catcher")
	want := []string{"uberwachung", "podsluch", "strasse", "imsi", "catcher"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestClassifierDuplicatesCountOnce(t *testing.T) {
	c := defaultClassifier(t)
	// "spyware" is in the English and the Dutch rows; it counts once.
	got := c.Classify("spyware")
	if len(got.Matches) != 1 || got.Score != 1 {
		t.Errorf("Classify(spyware) = %+v", got)
	}
}

// FuzzClassify checks that scores stay in [0, 1], are deterministic, do not
// depend on case, and that every match's text is valid UTF-8 found in the
// folded description.
func FuzzClassify(f *testing.F) {
	c := defaultClassifier(f)
	for _, s := range []string{"IMSI catcher", "Telekommunikationsüberwachung", "network cable", "", "ŁÓDŹ podsłuch", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := c.Classify(s)
		if a.Score < 0 || a.Score > 1 || a.Score != a.Score {
			t.Fatalf("score %v out of range for %q", a.Score, s)
		}
		if b := c.Classify(s); !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic for %q", s)
		}
		if utf8.ValidString(s) {
			if u := c.Classify(strings.ToUpper(s)); u.Score != a.Score && strings.ToLower(strings.ToUpper(s)) == strings.ToLower(s) {
				t.Fatalf("case changes the score of %q: %v vs %v", s, a.Score, u.Score)
			}
		}
		folded := strings.Join(Tokens(s), " ")
		for _, m := range a.Matches {
			if !utf8.ValidString(m.Text) || !strings.Contains(folded, m.Text) {
				t.Fatalf("match %q not in folded %q", m.Text, folded)
			}
		}
	})
}
