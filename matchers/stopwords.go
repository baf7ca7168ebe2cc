package matchers

// honorifics are titles, ranks and religious or honorary prefixes that lists
// and clerks add or leave out at will ("Haji", "Mullah", "Sheikh", "Dr",
// "General"). They are removed from the tokens that are scored and kept for
// the explanation. Written for dualscreen from common usage in sanctions
// lists; phrases are normalised at start-up like legal forms.
var honorifics = []string{
	"mr", "mrs", "ms", "miss", "mister", "madam", "madame", "mme", "monsieur", "herr", "frau",
	"sir", "dame", "lord", "lady", "hon", "honourable", "honorable", "his excellency", "her excellency", "excellency",
	"dr", "doctor", "prof", "professor", "eng", "engineer",
	"haji", "hajji", "hadji", "haj", "hajj", "alhaji", "alhaj", "al haj", "al hajj",
	"mullah", "mulla", "molla", "mawlawi", "maulvi", "moulvi", "maulana", "mawlana", "mufti", "qari", "imam",
	"sheikh", "shaikh", "shaykh", "sheik", "cheikh", "shaik",
	"ayatollah", "hojatoleslam", "hojjatoleslam", "sayyid", "sayyed",
	"general", "gen", "lieutenant general", "major general", "brigadier general", "brigadier",
	"colonel", "col", "lieutenant colonel", "lt col", "lieutenant", "lt", "major", "maj",
	"captain", "capt", "admiral", "vice admiral", "rear admiral", "commander", "cmdr", "marshal", "field marshal",
	"господин", "госпожа", "генерал", "полковник",
	"الحاج", "الشيخ", "شيخ", "ملا", "حاجی", "آیت الله",
}

// particles are connecting words inside names that publishers write or
// omit inconsistently ("Al-Qaida" / "Qaida", "Bank of X" / "X Bank", "bin"
// / "ibn"). They are dropped from scored tokens.
var particles = []string{
	"the", "of", "and", "for",
	"al", "el", "ul", "bin", "bn", "ibn", "bint", "ben", "bani", "ould",
	"de", "del", "della", "der", "des", "du", "la", "le", "les", "da", "di", "do", "dos", "das",
	"van", "von", "den", "et", "und",
	"aka", "fka", "nka",
}
