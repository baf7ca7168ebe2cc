// Package countries turns the country values written on shipments and in
// list files — ISO 3166 alpha-2 or alpha-3 codes, or names in the EU
// languages and the main languages of trade — into ISO 3166-1 alpha-2 codes.
//
// Names come from the CLDR display names that golang.org/x/text ships, in
// every language of displayLanguages, so no country name is typed by hand.
// On top of those sits a short table of variants that official documents
// and clerks use but CLDR does not ("Russian Federation", "Iran (Islamic
// Republic of)", "DPRK", "Türkiye"), and the EU's own codes (EL, UK).
package countries

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// displayLanguages are the languages whose CLDR country names are accepted:
// the 24 official EU languages, then the main languages of trade and of the
// sanctioned destinations. Earlier languages win when two languages give the
// same name to different countries.
var displayLanguages = []string{
	"en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "el", "cs", "sk", "sl", "hr",
	"hu", "ro", "bg", "et", "lv", "lt", "mt", "ga",
	"ru", "uk", "be", "tr", "zh", "zh-Hant", "ja", "ko", "ar", "fa", "he", "hi", "ur", "id", "ms",
	"vi", "th", "sr", "sq", "mk", "ka", "hy", "az", "kk", "uz", "mn", "no", "is",
}

// retired maps codes that x/text still parses but ISO 3166-1 has withdrawn
// or never assigned to their current country, and the EU's exceptional
// codes (EL for Greece, UK for the United Kingdom). An empty value means the
// code names no single country today and is not accepted.
var retired = map[string]string{
	"EL": "GR", "UK": "GB", "BU": "MM", "TP": "TL", "ZR": "CD", "DY": "BJ", "HV": "BF", "RH": "ZW",
	"NH": "VU", "VD": "VN", "YD": "YE", "DD": "DE", "FX": "FR",
	"AC": "", "AN": "", "CP": "", "CQ": "", "CS": "", "CT": "", "DG": "", "EA": "", "EZ": "",
	"FQ": "", "IC": "", "JT": "", "MI": "", "NQ": "", "NT": "", "PC": "", "PU": "", "PZ": "",
	"SU": "", "TA": "", "UN": "", "WK": "", "YU": "",
}

// variants are names in official and commercial use that CLDR's display
// names do not give. Keys are matched after normalisation (see key).
var variants = map[string]string{
	"Russian Federation":                     "RU",
	"Iran (Islamic Republic of)":             "IR",
	"Islamic Republic of Iran":               "IR",
	"Persia":                                 "IR",
	"DPRK":                                   "KP",
	"D.P.R.K.":                               "KP",
	"Korea, Democratic People's Republic of": "KP",
	"Democratic People's Republic of Korea":  "KP",
	"Korea, North":                           "KP",
	"North Korea":                            "KP",
	"Korea, Republic of":                     "KR",
	"Republic of Korea":                      "KR",
	"Korea, South":                           "KR",
	"ROK":                                    "KR",
	"Türkiye":                                "TR",
	"Turkiye":                                "TR",
	"Republic of Turkey":                     "TR",
	"Syrian Arab Republic":                   "SY",
	"Viet Nam":                               "VN",
	"Lao People's Democratic Republic":       "LA",
	"Lao PDR":                                "LA",
	"Burma":                                  "MM",
	"Ivory Coast":                            "CI",
	"Cote d'Ivoire":                          "CI",
	"Czech Republic":                         "CZ",
	"Macedonia":                              "MK",
	"Macedonia, the former Yugoslav Republic of": "MK",
	"Former Yugoslav Republic of Macedonia":      "MK",
	"FYROM":                                      "MK",
	"Swaziland":                                  "SZ",
	"Eswatini":                                   "SZ",
	"Holland":                                    "NL",
	"Great Britain":                              "GB",
	"Britain":                                    "GB",
	"England":                                    "GB",
	"Scotland":                                   "GB",
	"Wales":                                      "GB",
	"Northern Ireland":                           "GB",
	"United Kingdom of Great Britain and Northern Ireland": "GB",
	"U.K.":                               "GB",
	"USA":                                "US",
	"U.S.A.":                             "US",
	"U.S.":                               "US",
	"United States of America":           "US",
	"America":                            "US",
	"UAE":                                "AE",
	"U.A.E.":                             "AE",
	"Emirates":                           "AE",
	"Palestine":                          "PS",
	"State of Palestine":                 "PS",
	"Occupied Palestinian Territories":   "PS",
	"West Bank":                          "PS",
	"Gaza":                               "PS",
	"Vatican":                            "VA",
	"Holy See":                           "VA",
	"Holy See (Vatican City State)":      "VA",
	"Cape Verde":                         "CV",
	"Cabo Verde":                         "CV",
	"East Timor":                         "TL",
	"Congo (Democratic Republic)":        "CD",
	"Congo, Democratic Republic of the":  "CD",
	"Democratic Republic of the Congo":   "CD",
	"Democratic Republic of Congo":       "CD",
	"DR Congo":                           "CD",
	"DRC":                                "CD",
	"Zaire":                              "CD",
	"Congo, Republic of the":             "CG",
	"Republic of the Congo":              "CG",
	"Congo":                              "CG",
	"Congo-Brazzaville":                  "CG",
	"Bolivia (Plurinational State of)":   "BO",
	"Venezuela (Bolivarian Republic of)": "VE",
	"Tanzania, United Republic of":       "TZ",
	"United Republic of Tanzania":        "TZ",
	"Moldova, Republic of":               "MD",
	"Republic of Moldova":                "MD",
	"Micronesia (Federated States of)":   "FM",
	"Micronesia, Federated States of":    "FM",
	"Brunei Darussalam":                  "BN",
	"Taiwan, Province of China":          "TW",
	"Republic of China":                  "TW",
	"Chinese Taipei":                     "TW",
	"People's Republic of China":         "CN",
	"PRC":                                "CN",
	"Mainland China":                     "CN",
	"Hong Kong":                          "HK",
	"Hong Kong SAR":                      "HK",
	"Macao":                              "MO",
	"Macau":                              "MO",
	"Libyan Arab Jamahiriya":             "LY",
	"Kyrgyz Republic":                    "KG",
	"Slovak Republic":                    "SK",
	"Gambia, The":                        "GM",
	"The Gambia":                         "GM",
	"Bahamas, The":                       "BS",
	"Saint Kitts and Nevis":              "KN",
	"Saint Lucia":                        "LC",
	"Saint Vincent and the Grenadines":   "VC",
	"Saint Helena":                       "SH",
	"Saint Pierre and Miquelon":          "PM",
	"Trinidad and Tobago":                "TT",
	"Antigua and Barbuda":                "AG",
	"Bosnia and Herzegovina":             "BA",
	"Bosnia-Herzegovina":                 "BA",
	"Bosnia":                             "BA",
	"Sao Tome and Principe":              "ST",
	"Turks and Caicos Islands":           "TC",
	"Heard Island and McDonald Islands":  "HM",
	"Wallis and Futuna":                  "WF",
	"Svalbard and Jan Mayen":             "SJ",
	"South Georgia and the South Sandwich Islands": "GS",
	"Falkland Islands (Malvinas)":                  "FK",
	"Virgin Islands, British":                      "VG",
	"Virgin Islands, U.S.":                         "VI",
	"Kosovo":                                       "XK",
	"Republic of Kosovo":                           "XK",
	"Crimea":                                       "UA",
	"Yemen, Republic of":                           "YE",
	"Egypt, Arab Republic of":                      "EG",
	"Iran, Islamic Republic of":                    "IR",
	"Myanmar (Burma)":                              "MM",
	"Curacao":                                      "CW",
	"Reunion":                                      "RE",
	"Aland Islands":                                "AX",
	"Weißrussland":                                 "BY",
	"Byelorussia":                                  "BY",
	"Cote d Ivoire":                                "CI",

	// Names in the UK Strategic Export Controls licence data
	// (shared/data/shipments/uk_strategic_export_licences). Left out on
	// purpose because they name no single country: "Channel Islands" (JE
	// and GG), "French Overseas Territory", "Netherlands Antilles" (dissolved
	// 2010 into CW, SX, BQ) and a bare "Continental Shelf".
	"Hong Kong Special Administrative Region": "HK", "Macao Special Administrative Region": "MO",
	"Republic of Guinea": "GN", "Republic of Congo": "CG", "St Vincent": "VC",
	"St Vincent and the Grenadines": "VC", "Svalbard": "SJ", "Svalbard Archipelago": "SJ",
	"Svelbard Archipelago": "SJ", // sic, as spelled in the UK data
	"Sarawak":              "MY", "Sabah": "MY", "British Antarctic Territory": "AQ",
	// Offshore installations on a state's continental shelf fall under that
	// state's jurisdiction.
	"Continental Shelf: United Kingdom sector": "GB", "Continental Shelf Netherlands Sector": "NL",
	"Continental Shelf Danish Sector": "DK", "Continental Shelf Norwegian Sector": "NO",

	// Newer or official names CLDR in x/text does not carry, in the
	// languages clerks write them in.
	"North Macedonia": "MK", "Republic of North Macedonia": "MK", "Nordmazedonien": "MK",
	"Macédoine du Nord": "MK", "Macedonia del Norte": "MK", "Macedonia del Nord": "MK",
	"Noord-Macedonië": "MK", "Macedonia Północna": "MK", "Северная Македония": "MK",
	"Kuzey Makedonya": "MK", "Βόρεια Μακεδονία": "MK", "北马其顿": "MK",
	"Эсватини": "SZ", "Esvatini": "SZ", "Εσουατίνι": "SZ", "إسواتيني": "SZ",
	"Birmania": "MM", "Birmanie": "MM", "Мьянма": "MM", "Mjanma": "MM", "Μιανμάρ": "MM", "ميانمار": "MM",
	"Elfenbeinküste": "CI", "Costa de Marfil": "CI", "Wybrzeże Kości Słoniowej": "CI",
	"República Checa": "CZ", "Tschechische Republik": "CZ", "République tchèque": "CZ", "Чешская Республика": "CZ",
	"République du Congo": "CG", "Republik Kongo": "CG", "Республика Конго": "CG",
	"République démocratique du Congo": "CD", "Demokratische Republik Kongo": "CD", "ДР Конго": "CD",
	"Демократическая Республика Конго": "CD", "RD Congo": "CD", "RDC": "CD",
	"США": "US", "Соединенные Штаты Америки": "US", "ЮАР": "ZA", "ЦАР": "CF", "ОАЭ": "AE", "阿联酋": "AE",
	"КНДР": "KP", "Северная Корея": "KP", "Южная Корея": "KR", "Республика Корея": "KR",
	"Korea, Nord": "KP", "Korea, Süd": "KR", "Volksrepublik China": "CN", "Rusya Federasyonu": "RU",
	"Российская Федерация": "RU", "Moldau": "MD", "Wit-Rusland": "BY", "Białoruś": "BY",
	"Iran, Islamische Republik": "IR", "Исламская Республика Иран": "IR", "Suriye Arap Cumhuriyeti": "SY",
	"Сирийская Арабская Республика": "SY", "Brunei Darüsselam": "BN", "Kore Demokratik Halk Cumhuriyeti": "KP",
	"Kore Cumhuriyeti": "KR", "Arabie saoudite": "SA", "السعودية": "SA",
}

type table struct {
	byKey   map[string]string // normalised name or code → ISO2
	names   map[string]string // ISO2 → English name
	iso3    map[string]string // ISO3 → ISO2
	allISO2 []string
}

var (
	once sync.Once
	tab  *table
)

func load() *table {
	once.Do(func() {
		t := &table{byKey: map[string]string{}, names: map[string]string{}, iso3: map[string]string{}}
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				code := string([]rune{a, b})
				r, err := language.ParseRegion(code)
				if err != nil || !r.IsCountry() || r.String() != code {
					continue
				}
				if _, old := retired[code]; old {
					continue
				}
				t.allISO2 = append(t.allISO2, code)
				t.names[code] = display.English.Regions().Name(r)
				if i3 := r.ISO3(); len(i3) == 3 && i3 != "ZZZ" {
					t.iso3[i3] = code
				}
			}
		}
		sort.Strings(t.allISO2)
		// Names from CLDR, language by language; a name already taken by an
		// earlier language for another country is ambiguous and dropped.
		ambiguous := map[string]bool{}
		for _, lang := range displayLanguages {
			namer := display.Regions(language.MustParse(lang))
			taken := map[string]string{}
			for _, code := range t.allISO2 {
				name := namer.Name(language.MustParseRegion(code))
				// "Мьянма (Бирма)" is also written without its parenthesis.
				for _, n := range []string{name, withoutParenthesis(name)} {
					k := key(n)
					if k == "" {
						continue
					}
					if prev, ok := taken[k]; ok && prev != code {
						ambiguous[k] = true
						continue
					}
					taken[k] = code
				}
			}
			for k, code := range taken {
				if _, ok := t.byKey[k]; !ok && !ambiguous[k] {
					t.byKey[k] = code
				}
			}
		}
		for name, code := range variants {
			t.byKey[key(name)] = code // variants override CLDR
		}
		tab = t
	})
	return tab
}

// foldPool holds accent-stripping transformers. A transform.Chain keeps
// state between calls, so one shared chain is a data race when Lookup runs
// on several goroutines (found by rules.TestCheckConcurrent -race); a new
// chain per call costs ~30 KB of buffers, hence the pool.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func foldMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s // nothing to strip: the common case of ISO codes and English names
	}
	t := foldPool.Get().(transform.Transformer)
	out, _, _ := transform.String(t, s)
	foldPool.Put(t)
	return out
}

// key normalises a country name for lookup: accents removed, lower case,
// "&" read as "and", punctuation as space, spaces collapsed.
func key(s string) string {
	s = foldMarks(s)
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\'' || r == '’' || r == '.' {
			continue // "People's", "U.S.A." read without their marks
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// Lookup returns the ISO 3166-1 alpha-2 code for s: an alpha-2 or alpha-3
// code in any case, or a country name in any of the supported languages.
// It reports false when s names no single country.
func Lookup(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	t := load()
	if len(s) == 2 || len(s) == 3 {
		up := strings.ToUpper(s)
		if len(up) == 2 {
			if repl, old := retired[up]; old {
				return repl, repl != ""
			}
			if _, ok := t.names[up]; ok {
				return up, true
			}
		} else if c, ok := t.iso3[up]; ok {
			return c, true
		}
	}
	k := key(s)
	if c, ok := t.byKey[k]; ok {
		return c, true
	}
	// "Korea, Republic of" → "Republic of Korea"; "Iran (Islamic Republic
	// of)" → "Iran"; a leading "the".
	for _, alt := range alternatives(s) {
		if c, ok := t.byKey[key(alt)]; ok {
			return c, true
		}
	}
	return "", false
}

func withoutParenthesis(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return ""
}

func alternatives(s string) []string {
	var out []string
	if p := withoutParenthesis(s); p != "" {
		out = append(out, p)
	}
	if head, tail, ok := strings.Cut(s, ","); ok {
		out = append(out, strings.TrimSpace(tail)+" "+strings.TrimSpace(head))
	}
	if low := strings.ToLower(s); strings.HasPrefix(low, "the ") {
		out = append(out, s[4:])
	}
	return out
}

// Name returns the English name of an ISO2 code, or "" if unknown.
func Name(iso2 string) string { return load().names[strings.ToUpper(iso2)] }

// Codes returns every accepted ISO2 code in sorted order.
func Codes() []string { return append([]string(nil), load().allISO2...) }
