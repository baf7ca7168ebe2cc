package matchers

import "testing"

// The organisation words completed for the lists' languages: inflections,
// romanisations and translations of one word read as that word, and the
// company and corporation words of other languages read as those forms.
func TestOrgWordsCompleted(t *testing.T) {
	tests := []struct{ in, want string }{
		// Russian and Ukrainian, in Cyrillic and romanised.
		{"Государственная корпорация «Ростех»", "state corp rostech"},
		{"Комитет государственной безопасности", "committee state bezopasnosti"},
		{"Agentstvo Federalnoy Sluzhby", "agency federal service"},
		{"Центральный банк Российской Федерации", "central bank rossiyskoy federatsii"},
		{"Національна асоціація добувної промисловості", "national association dobuvnoi promyslovosti"},
		// Serbian and Croatian, Turkish.
		{"Nacionalna Korporacija Srbije", "national corp srbije"},
		{"Ulusal Savunma Sirketi", "national savunma co"},
		// Spanish, Portuguese, Italian, French, German.
		{"Corporación Cimex S.A.", "corp cimex jsc"},
		{"Companhia Vale do Rio Doce", "co vale rio doce"},
		{"Hermanos Castro Construcciones", "brothers castro construction"},
		{"Fratelli Rossi Industriale", "brothers rossi industrial"},
		{"Fondation Hirondelle", "foundation hirondelle"},
		{"Staatliche Gesellschaft Elektro", "state co elektro"},
		// Persian and Arabic romanised, Chinese pinyin.
		{"Shirkat Tajhiz", "co tajhiz"},
		{"Zhongxing Gongsi", "zhongxing co"},
	}
	for _, tt := range tests {
		if got := Normalise(tt.in).String(); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Trades in Russian, Portuguese and French say what a firm does, not
	// which firm it is.
	for _, w := range []string{"upravlenie", "proekt", "razvitiya", "solucoes", "kommercheskiy", "mondial"} {
		if isOwnWord(w) {
			t.Errorf("isOwnWord(%q) = true, want false (a trade)", w)
		}
	}
}
