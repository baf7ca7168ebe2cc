package countries

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestLookup(t *testing.T) {
	cases := []struct {
		in   string
		want string // "" means not recognised
	}{
		{"RU", "RU"}, {"ru", "RU"}, {"RUS", "RU"}, {"prk", "KP"},
		{"Russia", "RU"}, {"Russian Federation", "RU"}, {"RUSSIAN FEDERATION", "RU"}, {"Россия", "RU"},
		{"Russland", "RU"}, {"Russie", "RU"}, {"Rosja", "RU"}, {"俄罗斯", "RU"},
		{"Iran (Islamic Republic of)", "IR"}, {"Iran, Islamic Republic of", "IR"}, {"IRAN", "IR"}, {"ایران", "IR"},
		{"DPRK", "KP"}, {"North Korea", "KP"}, {"Korea, Democratic People's Republic of", "KP"}, {"Nordkorea", "KP"},
		{"Korea, Republic of", "KR"}, {"South Korea", "KR"}, {"Südkorea", "KR"},
		{"Türkiye", "TR"}, {"Turkey", "TR"}, {"Türkei", "TR"}, {"Turquie", "TR"},
		{"Belarus", "BY"}, {"Weißrussland", "BY"}, {"Biélorussie", "BY"}, {"Беларусь", "BY"},
		{"Deutschland", "DE"}, {"Allemagne", "DE"}, {"Germania", "DE"}, {"Niemcy", "DE"}, {"Γερμανία", "DE"},
		{"EL", "GR"}, {"UK", "GB"}, {"United Kingdom", "GB"}, {"Great Britain", "GB"},
		{"U.S.A.", "US"}, {"United States of America", "US"}, {"Vereinigte Staaten", "US"},
		{"Côte d'Ivoire", "CI"}, {"Cote d Ivoire", "CI"}, {"Ivory Coast", "CI"},
		{"Bosnia & Herzegovina", "BA"}, {"Hong Kong", "HK"}, {"Macao", "MO"},
		{"Congo, Democratic Republic of the", "CD"}, {"Viet Nam", "VN"}, {"Myanmar", "MM"}, {"Burma", "MM"},
		{"  syria  ", "SY"}, {"Syrian Arab Republic", "SY"}, {"Venezuela (Bolivarian Republic of)", "VE"},
		{"", ""}, {"XX", ""}, {"Atlantis", ""}, {"EU", ""}, {"YU", ""}, {"Korea", ""},
	}
	for _, c := range cases {
		got, ok := Lookup(c.in)
		if c.want == "" {
			if ok {
				t.Errorf("Lookup(%q) = %q, want not recognised", c.in, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestNameAndCodes(t *testing.T) {
	if got := Name("de"); got != "Germany" {
		t.Errorf("Name(de) = %q", got)
	}
	codes := Codes()
	if len(codes) < 245 || len(codes) > 252 {
		t.Errorf("Codes() has %d codes, want the ~249 ISO 3166-1 countries", len(codes))
	}
	for _, c := range codes {
		if got, ok := Lookup(c); !ok || got != c {
			t.Errorf("Lookup(%q) = %q, %v", c, got, ok)
		}
		if got, ok := Lookup(Name(c)); !ok || got != c {
			t.Errorf("Lookup(Name(%q)=%q) = %q, %v", c, Name(c), got, ok)
		}
	}
}

// TestSharedCountryTables checks every name in the shared i18n country
// table (an independent source, 40 languages) resolves to its own code, and
// reports the rate: CLDR and that table differ in a few spellings, so a
// small miss rate is tolerated but a wrong code never is.
func TestSharedCountryTables(t *testing.T) {
	path := filepath.Join(testutil.SharedData(t, "destinations/iso3166_world_countries"), "countries.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	langs := map[string]bool{"en": true, "de": true, "fr": true, "es": true, "it": true, "nl": true, "pl": true, "ru": true, "zh": true, "ar": true, "tr": true, "el": true}
	var total, missed, wrong int
	for _, row := range rows[1:] {
		want := strings.ToUpper(row[1])
		if got, ok := Lookup(row[2]); !ok || got != want {
			if _, retiredCode := retired[want]; !retiredCode {
				t.Errorf("alpha-3 %q: got %q, %v; want %q", row[2], got, ok, want)
			}
		}
		for i := 3; i < len(row); i++ {
			if !langs[header[i]] || row[i] == "" {
				continue
			}
			total++
			got, ok := Lookup(row[i])
			switch {
			case !ok:
				missed++
				t.Logf("not recognised: %s %q (%s)", header[i], row[i], want)
			case got != want:
				wrong++
				t.Errorf("%s name %q → %s, want %s", header[i], row[i], got, want)
			}
		}
	}
	t.Logf("%d names in 12 languages: %d not recognised (%.1f%%), %d wrong", total, missed, 100*float64(missed)/float64(total), wrong)
	if float64(missed) > 0.03*float64(total) {
		t.Errorf("%d of %d names not recognised: more than 3%%", missed, total)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"RU", "Russian Federation", "Iran (Islamic Republic of)", "Korea, Republic of", "Türkiye", "俄罗斯", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Lookup(s)
		if !ok {
			if got != "" {
				t.Fatalf("Lookup(%q) = %q with ok=false", s, got)
			}
			return
		}
		if len(got) != 2 || Name(got) == "" {
			t.Fatalf("Lookup(%q) = %q: not a known ISO2 code", s, got)
		}
		if again, ok2 := Lookup(got); !ok2 || again != got {
			t.Fatalf("Lookup is not idempotent on %q: %q then %q", s, got, again)
		}
	})
}

// TestLookupConcurrent guards the promise that Lookup may be called from
// many goroutines (run with -race).
func TestLookupConcurrent(t *testing.T) {
	names := []string{"Deutschland", "Russian Federation", "Côte d'Ivoire", "Türkiye", "Россия", "RU", "Atlantis"}
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func() {
			for i := 0; i < 200; i++ {
				s := names[i%len(names)]
				a, _ := Lookup(s)
				if b, _ := Lookup(s); a != b {
					t.Errorf("Lookup(%q) changed: %q then %q", s, a, b)
				}
			}
			done <- true
		}()
	}
	for w := 0; w < 4; w++ {
		<-done
	}
}
