package matchers

// titles are personal, religious and honorary titles that lists and clerks
// add or leave out at will ("Haji", "Mullah", "Sheikh", "Dr"), wherever
// they stand: "AL ZAWAHIRI, Dr. Ayman". They are removed from the tokens
// that are scored (while two name parts remain) and kept for the
// explanation. Written for dualscreen from common usage in sanctions lists;
// phrases are normalised at start-up like legal forms.
var titles = []string{
	"mr", "mrs", "ms", "miss", "mister", "madam", "madame", "mme", "monsieur", "herr", "frau",
	"sir", "dame", "hon", "honourable", "honorable", "his excellency", "her excellency", "excellency",
	"dr", "doctor", "prof", "eng",
	"haji", "hajji", "hadji", "haj", "hajj", "alhaji", "alhaj", "al haj", "al hajj",
	"mullah", "mulla", "molla", "mawlawi", "maulvi", "moulvi", "maulana", "mawlana", "mufti", "qari",
	"sheikh", "shaikh", "shaykh", "sheik", "cheikh", "shaik",
	// Ayatollah is read as "ayat ullah" (nameparts.go splits a joined
	// -ullah off, as in Hedayatollah), so its table entry is that form.
	"ayatollah", "ayat ullah", "hojatoleslam", "hojjatoleslam", "sayyid", "sayyed", "seyed", "seyyed", "syed",
	"господин", "госпожа",
	"الحاج", "الشيخ", "شيخ", "ملا", "حاجی", "آیت الله",
}

// ranks are military ranks and professional titles that are also ordinary
// words of company names ("General Dynamics", "Captain Foods", "Professor
// Systems"): removed only at the start of a person-like name.
var ranks = []string{
	"lord", "lady", "professor", "engineer", "imam",
	"general", "gen", "lieutenant general", "major general", "brigadier general", "brigadier",
	"colonel", "col", "lieutenant colonel", "lt col", "lieutenant", "lt", "major", "maj",
	"captain", "capt", "admiral", "vice admiral", "rear admiral", "commander", "cmdr", "marshal", "field marshal",
	"генерал", "полковник",
}

// particles are connecting words inside names that publishers write or
// omit inconsistently ("Al-Qaida" / "Qaida", "Bank of X" / "X Bank", "bin"
// / "ibn"). They are dropped from scored tokens.
var particles = []string{
	"the", "of", "and", "for",
	"al", "el", "ul", "ud", "es", "ash", "ath", "adh", "bin", "bn", "ibn", "bint", "ben", "bani", "ould",
	"de", "del", "della", "der", "des", "du", "la", "le", "les", "da", "di", "do", "dos", "das",
	"van", "von", "den", "et", "und",
	"aka", "fka", "nka",
	// "ISIS in Yemen", "Plant named after Ia. M. Sverdlov" / "Zavod imeni
	// Sverdlova", "(formerly known as Resort ...)": connecting words.
	"in", "named", "after", "imeni", "formerly", "former", "known", "also",
	// "and" in Turkish, Spanish, Portuguese and Italian, Persian and Uzbek
	// ("Sanayi ve Ticaret", "Moreno y Gómez").
	"ve", "y", "e", "va",
}

// unitWords name a unit of a firm. A branch or representative office is
// the company itself for screening: "ANGARSK REFINERY Branch Office",
// "Iran Air (Moscow Branch)", "... Head Office", "... Trading Division".
// They are particles (dropped from scored tokens).
var unitWords = []string{
	"branch", "office", "representative", "filial", "filiale", "sucursal", "succursale", "predstavitelstvo",
	"division", "department", "dept", "departamento", "departement", "departament", "dipartimento", "abteilung", "otdel",
	"offices", "oficina", "ofis", "zweigstelle",
}

// unitQualifiers say what a firm's unit does. Before a unit word that ends
// the name they describe the unit, not the firm ("QUANTLOG OY Trading
// Division", "X LLC Export Department", "X GmbH Procurement Office"), and
// are dropped with it; anywhere else they are words of the name ("Yas
// Trading", "Export Development Bank"). Words that also make firms' names
// on their own (international, service, central) are left out.
var unitQualifiers = []string{
	"trading", "trade", "sales", "export", "import", "procurement", "purchasing", "logistics",
	"marketing", "supply", "commercial", "customs", "shipping", "regional", "foreign",
}
