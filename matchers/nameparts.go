package matchers

import (
	"sort"
	"strings"
)

// nameVariants are standard spellings of the same given name or name part
// across romanisation conventions, written for dualscreen from common
// usage in sanctions lists (Arabic, Persian, Russian, Ukrainian,
// Belarusian). The normaliser writes every variant as the first spelling of
// its group, so "Mohamed", "Muhammad" and "Mukhammad" are one token and
// match exactly; the phonetic key catches what the table lacks. Only
// spellings of one name are grouped, never translations (Yusuf / Joseph).
var nameVariants = [][]string{
	{"muhammad", "mohammed", "mohammad", "mohamed", "muhamad", "mohamad", "muhammed", "mukhammad", "mukhammed", "mehmet", "mehmed", "mohd", "mouhamad", "mouhammad", "muhamed", "mohammod", "mahomed", "mahammad"},
	{"ahmad", "ahmed", "akhmed", "akhmad", "ahmet"},
	{"abd", "abdul", "abdel", "abdal", "abdoul", "abdol", "abdu", "abdoel", "abdur", "abdil"},
	{"abdullah", "abdallah", "abdulla", "abdalla", "abdollah", "abdoullah"},
	{"husayn", "hussein", "husein", "hussain", "husain", "huseyn", "hossein", "hosein", "husseyn", "khusein", "khussein", "khusain"},
	{"hasan", "hassan", "hasen", "hassen"},
	{"ibrahim", "ebrahim", "ibragim", "ibraheem", "brahim"},
	{"yusuf", "yousef", "youssef", "yusef", "yousif", "yossef", "yousuf", "yussuf"},
	{"mustafa", "mostafa", "moustafa", "mustapha", "mostapha"},
	{"mahmud", "mahmoud", "mahmood", "makhmud"},
	{"usama", "osama", "oussama"},
	{"umar", "omar", "omer"},
	{"uthman", "othman", "osman", "usman", "othmane"},
	{"khalid", "khaled", "chaled"},
	{"nasir", "nasser", "naser", "nassir"},
	{"jamal", "gamal", "djamal"},
	{"qasim", "qasem", "kasim", "kassem", "qassem", "qassim", "gasim"},
	{"yahya", "yahia", "yehia"},
	{"ali", "aly"},
	{"sulayman", "sulaiman", "suleiman", "soliman", "suleyman", "sulaymon", "souleymane"},
	{"rahman", "rehman", "rakhman"},
	{"rahim", "raheem", "rakhim"},
	{"jafar", "jaafar", "djafar", "dzhafar"},
	{"said", "saeed", "saied", "saiid"},
	{"abu", "abou", "abo"},
	{"musa", "moussa", "mousa", "mussa", "moussa"},
	{"majid", "majeed", "madjid", "majed"},
	{"khalil", "khaleel"},
	{"nur", "noor", "nour"},
	{"hamid", "hamed", "hameed"},
	{"salih", "saleh"},
	{"rashid", "rasheed", "rachid"},
	{"walid", "waleed", "oualid"},
	{"faisal", "faysal", "feisal"},
	{"tariq", "tarek", "tarik", "tareq"},
	{"hafiz", "hafez"},
	{"aziz", "azeez"},
	{"karim", "kareem"},
	{"jamil", "jameel", "djamil"},
	{"nabil", "nabeel"},
	{"adil", "adel"},
	{"bashir", "basheer", "bachir"},
	{"nadir", "nader"},
	{"zaid", "zeid", "zayd"},
	{"yasin", "yaseen", "yassin", "yassine"},
	{"ismail", "ismael", "esmail"},
	{"mansur", "mansour", "mansoor"},
	{"mahdi", "mehdi"},
	{"maung", "mg"}, // Burmese Maung, abbreviated Mg
	{"aleksandr", "alexander", "aleksander", "alexandr", "oleksandr", "aliaksandr", "alyaksandr", "aleksandar"},
	{"sergey", "sergei", "serhiy", "serhii", "sergiy", "siarhei", "sergej", "serguei"},
	{"yuriy", "yuri", "yury", "iurii", "yurii", "juri", "jurij"},
	{"dmitriy", "dmitri", "dmitry", "dmytro", "dzmitry", "dmitrij"},
	{"mikhail", "mykhailo", "mikhael", "michail", "mikhailo"},
	{"nikolay", "nikolai", "mykola", "mikalai", "nikolaj"},
	{"vladimir", "volodymyr", "uladzimir", "wladimir"},
	{"yevgeniy", "evgeny", "yevgeny", "evgeniy", "yevhen", "yevgeni", "evgenii", "yauhen", "jewgeni"},
	{"aleksey", "alexei", "aleksei", "alexey", "oleksiy", "oleksii", "aliaksei", "aleksej"},
	{"andrey", "andrei", "andriy", "andrii", "andrej"},
	{"pavel", "pavlo", "pawel"},
	{"igor", "ihor"},
	{"viktor", "victor", "wiktor"},
	{"konstantin", "kostiantyn", "kanstantsin", "konstantyn"},
	{"fedor", "fyodor", "fiodor", "fedir", "fjodor"},
	{"grigoriy", "grigory", "grigori", "hryhorii", "hryhoriy", "ryhor"},
	{"georgiy", "georgy", "georgi", "heorhiy", "heorhii"},
	{"oleg", "oleh", "aleh"},
	{"anatoliy", "anatoly", "anatolii", "anatoli"},
	{"vasiliy", "vasily", "vasyl", "vasili", "vasilii"},
	{"valeriy", "valery", "valerii", "valeri"},
	{"gennadiy", "gennady", "gennadii", "hennadiy"},
	{"arkadiy", "arkady", "arkadii"},
	{"vitaliy", "vitaly", "vitalii", "vitali"},
	{"ya", "ia"}, // the initial Я of Yakov or Yaroslav ("Ia. M. Sverdlov")
	{"yevgeniya", "evgenia", "yevgenia", "evgeniya"},
	{"natalya", "natalia", "nataliya"},
	{"tatyana", "tatiana", "tetiana", "tatsiana"},
	{"yelena", "elena", "olena", "alena"},
	{"ekaterina", "yekaterina", "kateryna", "katsiaryna"},
	// Korean surnames: North Korean (McCune-Reischauer, as the UN and
	// OFAC print DPRK names) against South Korean and popular spellings.
	{"cho", "jo"},
	{"choe", "choi", "chwe"},
	{"ri", "rhee", "yi", "lee"},
	{"pak", "park", "bak"},
	{"kim", "gim"},
	{"jong", "jeong", "chong", "chung", "jung"},
	{"kang", "gang"},
	{"ryu", "ryoo"},
	{"rim", "lim"},
	{"jang", "chang"},
	// Given-name syllables, McCune-Reischauer against Revised and popular
	// spellings (진 chin / jin, 신 sin / shin, 부 pu / bu, 섭 sop / sub / seop).
	{"jin", "chin"},
	{"sin", "shin"},
	{"pu", "bu"},
	{"sop", "sub", "seop"},
	{"sung", "seung"},
	{"un", "eun"},
	{"hyon", "hyeon", "hyun"},
	{"chol", "cheol", "chul"},
	{"kwang", "gwang"},
	{"kyong", "gyong", "kyung", "gyeong"},
	{"pong", "bong"},
	{"tok", "deok", "duk"},
}

// nameCanon maps each variant spelling to its group's first spelling.
var nameCanon = func() map[string]string {
	m := map[string]string{}
	for _, g := range append(append([][]string(nil), nameVariants...), orgWordVariants...) {
		for _, v := range g {
			m[v] = g[0]
		}
	}
	return m
}()

// patronymicSuffixes end Russian, Ukrainian and Belarusian patronymics
// (Sergeevich, Ivanovna, Oleksandrovych). Publishers include or omit them
// at will, so a missing patronymic on either side is weak evidence.
var patronymicSuffixes = []string{"ovich", "evich", "ovna", "evna", "ovych", "evych", "ivna", "yivna", "ichna", "ovitch", "evitch", "owitsch", "ewitsch"}

func isPatronymic(s string) bool {
	if len(s) < 7 {
		return false
	}
	for _, suf := range patronymicSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// nameSlip is a group of nameVariants or orgWordVariants whose spellings
// a slip of the pen turns a token into. A form of the table is shared by
// several spellings of a group (mohammad and mohammed both lose a letter
// to "mohammd"), so a token is checked against all of them.
type nameSlip struct {
	group []string // group[0] is the word's canonical spelling
	org   bool     // a word of orgWordVariants
}

// minNameSlip: shorter spellings are matched only as written; one letter
// changed in "karim" is "kasim", another name, and one added to "bank"
// is "banka" (a name part) or "banks".
const minNameSlip = 7

// nameSlips maps, by hashSkip, each spelling of seven or more letters of
// the words the normaliser writes one way (given names, nameVariants;
// organisation words, orgWordVariants), whole and with each letter left
// out, to its group's first spelling. A token is read as that word when
// it is one slip from the spelling: one letter changed or two neighbours
// swapped ("Mohmamad"), a letter left out ("Inersiones") or one added or
// doubled ("Alexxander"). Clerks misspell the common words of a name as
// often as its rare ones ("Idnustry", "Manuafcture"), and a common word
// left unread weighs as a rare one against the match. A form spellings of
// two different words share is dropped: the slip could be either.
//
// An organisation word is not read through one letter changed: there the
// changed letter is mostly another romanisation of a Russian word
// (Opitnoe / Opytnoe, Promyshlennaia / Promyshlennaya), and the lists
// translate those words each their own way (experimental or research,
// industrial or production), so reading them brought translations into
// conflict and lost true pairs; the slips of the hand (a swap, a letter
// more or less) it reads.
var nameSlips = func() map[uint64]nameSlip {
	m := map[uint64]nameSlip{}
	clash := map[uint64]bool{}
	add := func(h uint64, sl nameSlip) {
		if prev, ok := m[h]; ok && prev.group[0] != sl.group[0] {
			clash[h] = true
		}
		m[h] = sl
	}
	for k, g := range append(append([][]string(nil), nameVariants...), orgWordVariants...) {
		for _, v := range g {
			if len(v) < minNameSlip || !isASCII(v) {
				continue
			}
			sl := nameSlip{g, k >= len(nameVariants)}
			add(hashSkip(v, -1), sl)
			for i := range len(v) {
				add(hashSkip(v, i), sl)
			}
		}
	}
	for h := range clash {
		delete(m, h)
	}
	return m
}()

// nameSlipFilter screens probes of nameSlips (hashfilter.go).
var nameSlipFilter = newHashFilter(nameSlips)

// oneSlip reports whether a and b, of one length, differ in one letter or
// in two neighbours swapped.
func oneSlip(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := 0; i < len(a); i++ {
		if a[i] == b[i] {
			continue
		}
		if diff >= 0 {
			return i == diff+1 && a[i] == b[diff] && a[diff] == b[i] && a[i+1:] == b[i+1:]
		}
		diff = i
	}
	return diff >= 0
}

// oneMore reports whether long is short with one letter added inside it.
// A letter more or less at the end is an ending, not a slip: it makes a
// surname of a given name (Mikhailo / Mikhailov, Hossein / Hosseini) and
// a plural or another case of a word (Industria / Industrias).
func oneMore(long, short string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return i < len(short) && long[i+1:] == short[i:]
}

// minVowelSlip is the shortest word vowelLeftOut reads a vowel left out of.
const minVowelSlip = 6

// vowelLeftOut reports whether short is long, of minVowelSlip letters or
// more, with a vowel between two consonants left out inside it (Dcart /
// Decart). The gap leaves a run of consonants the word did not have, which
// is seldom how a name is coined, and where it is a spelling it is mostly
// a romanisation's short vowel, the same name; a consonant left out leaves
// a word as easy to say as the first and is as often another firm's name
// (Decat / Decart). The first letter and a letter less at the end (an
// ending, oneMore) are not read.
func vowelLeftOut(short, long string) bool {
	if len(long) < minVowelSlip || !oneMore(long, short) {
		return false
	}
	i := 0
	for long[i] == short[i] {
		i++
	}
	return i > 0 && isVowel(long[i]) && !isVowel(long[i-1]) && !isVowel(long[i+1])
}

// swapped reports whether a and b, of one length, differ only in two
// neighbours swapped.
func swapped(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// handSlip reports whether tok is v with a slip of the hand: two
// neighbours swapped, or a letter added or left out inside the word (not a
// letter changed: that is how words are coined from others).
func handSlip(tok, v string) bool {
	if len(tok) == len(v) {
		return swapped(tok, v)
	}
	return oneMore(tok, v) || oneMore(v, tok)
}

// slipOf reports whether tok is a slip that nameSlips reads of a spelling
// of sl's group of seven or more letters: a slip of the hand (handSlip),
// or, in a given name, a letter changed.
func slipOf(tok string, sl nameSlip) bool {
	for _, v := range sl.group {
		if len(v) < minNameSlip {
			continue
		}
		if handSlip(tok, v) || !sl.org && len(tok) == len(v) && oneSlip(tok, v) {
			return true
		}
	}
	return false
}

// canonNameSlip returns the word tok is a slip of (nameSlips), or "".
func canonNameSlip(tok string) string {
	if len(tok) < minNameSlip || !isASCII(tok) {
		return ""
	}
	for i := -1; i < len(tok); i++ {
		h := hashSkip(tok, i)
		if !nameSlipFilter.mayHave(h) {
			continue
		}
		if sl, ok := nameSlips[h]; ok && slipOf(tok, sl) {
			return sl.group[0]
		}
	}
	return ""
}

// joinedParticles are the name parts Arabic names join to the next one in
// some romanisations and not in others ("Abdelkader" / "Abd El Kader",
// "Abderrahmane" / "Abd al-Rahman", "Abubakar" / "Abu Bakr"), longest
// first, with the part they are written as.
var joinedParticles = []struct{ prefix, part string }{
	{"abdoul", "abd"}, {"abdul", "abd"}, {"abdel", "abd"}, {"abdal", "abd"}, {"abdol", "abd"},
	{"abdur", "abd"}, {"abder", "abd"}, {"abdou", "abd"}, {"abdu", "abd"},
	{"abou", "abu"}, {"abu", "abu"},
}

// minJoinedRest: what follows a joined particle must be a name of its own
// ("Abdelkader" → kader), not an ending ("Abdulla", "Abdou").
const minJoinedRest = 4

// shortJoinedRest reports whether r, under minJoinedRest letters, is a
// name part of its own after a joined particle: three letters, a
// consonant first and last (Abdulhaq → abd haq, Abdulbari's kin
// Abdulrab), where a vowel makes an ending (Abdoulaye, Abdulla, Abdou).
func shortJoinedRest(r string) bool {
	return len(r) == 3 && !isVowel(r[0]) && !isVowel(r[2])
}

// splitJoinedParticle returns the particle and the name part a token is
// made of ("abdelkader" → abd, kader), or ok false. A spelling the given
// names table knows (Abdullah, Abdallah) is a name of its own, and
// "abu" splits only before a consonant and a vowel (Abubakr, Abuhamza),
// so that "Abundance" stays a word.
func splitJoinedParticle(tok string) (part, rest string, ok bool) {
	if !mayBeJoined(tok) {
		return "", "", false
	}
	return cutJoinedParticle(tok)
}

// cutJoinedParticle is splitJoinedParticle for a word mayBeJoined lets
// through.
func cutJoinedParticle(tok string) (part, rest string, ok bool) {
	if _, known := nameCanon[tok]; known {
		return "", "", false
	}
	if r, ok := cutJoinedMuhammad(tok); ok {
		return "muhammad", r, true
	}
	for _, suf := range dinSuffixes {
		if stem, ok := strings.CutSuffix(tok, suf); ok && len(stem) >= 3 {
			return stem, "din", true
		}
	}
	for _, suf := range ullahSuffixes {
		if stem, ok := strings.CutSuffix(tok, suf); ok && len(stem) >= 3 {
			return stem, "ullah", true
		}
	}
	for _, jp := range joinedParticles {
		r, found := strings.CutPrefix(tok, jp.prefix)
		if !found {
			continue
		}
		if !isASCII(r) || len(r) < minJoinedRest && !shortJoinedRest(r) {
			// the longest particle that fits decides: a shorter one
			// would take its letters ("abdulhaq" is not abdu + lhaq)
			return "", "", false
		}
		if jp.part == "abu" && (isVowel(r[0]) || !isVowel(r[1])) {
			return "", "", false
		}
		if strings.HasPrefix(r, "ll") || strings.HasPrefix(r, "la") {
			return "", "", false // abdullah, abdallah written another way
		}
		if strings.HasSuffix(jp.prefix, "r") && isVowel(r[0]) {
			// "ur", "er" is the article assimilated to the r the name
			// begins with ("Abdurrahman"); written with one r
			// ("Abdurahman", "Abderazak") the r is still the name's.
			r = jp.prefix[len(jp.prefix)-1:] + r
		}
		return jp.part, r, true
	}
	return cutJoinedSlip(tok)
}

// joinedFirst and joinedLast mark the bytes a word cut by
// splitJoinedParticle begins with (a spelling of Muhammad, a joined
// particle) or ends with (al-Din, Allah, also with a letter doubled:
// doubledIn keeps the last letter).
var joinedFirst, joinedLast = func() (first, last [256]bool) {
	for _, p := range muhammadPrefixes {
		first[p[0]] = true
	}
	for _, jp := range joinedParticles {
		first[jp.prefix[0]] = true
	}
	for _, js := range joinedSuffixes {
		for _, suf := range js.sufs {
			last[suf[len(suf)-1]] = true
		}
	}
	return first, last
}()

// mayBeJoined reports whether splitJoinedParticle may cut tok, from its
// first and last bytes: most words of a name are neither, and are then
// not looked up in nameCanon nor tried against each prefix and suffix,
// twice per query word (normaliseRaw's passes).
func mayBeJoined(tok string) bool {
	return tok != "" && (joinedFirst[tok[0]] || joinedLast[tok[len(tok)-1]])
}

// joinedSuffixes are the suffixes splitJoinedParticle cuts, with the part
// each is written as.
var joinedSuffixes = []struct {
	sufs []string
	part string
}{{dinSuffixes, "din"}, {ullahSuffixes, "ullah"}}

// cutJoinedSlip cuts a joined al-Din or Allah (dinSuffixes, ullahSuffixes)
// written with one of its letters doubled, the slip of the hand that
// keeps the suffix whole: "Kheirullaah" is kheir ullah, as "Kheirullah"
// is. Left whole, the word matches neither the listed name's two parts
// nor, being unknown to the lists, any candidate. Only a doubled letter:
// with a letter left out or added the suffix is the ending of other words
// and names (Mujahidin, Karbalah, Shamallakh); the lists write a suffix
// with a letter doubled in one name only, the Somali Cabdullaah. A word
// that is a slip of a given name of its own (canonNameSlip) is left to
// that reading.
func cutJoinedSlip(tok string) (part, rest string, ok bool) {
	if !isASCII(tok) {
		return "", "", false
	}
	for _, js := range joinedSuffixes {
		for _, suf := range js.sufs {
			n := len(suf) + 1
			if len(tok)-n < 3 || !doubledIn(tok[len(tok)-n:], suf) {
				continue
			}
			if canonNameSlip(tok) != "" {
				return "", "", false
			}
			return tok[:len(tok)-n], js.part, true
		}
	}
	return "", "", false
}

// doubledIn reports whether long is short with one of its letters
// written twice.
func doubledIn(long, short string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return i > 0 && long[i] == long[i-1] && long[i+1:] == short[i:]
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// muhammadPrefixes are the spellings of Muhammad, longest first: Persian
// compound given names join it to the next name ("Mohammadreza" /
// "Mohammad Reza", "Mohammadhassan", "Mohamedali").
var muhammadPrefixes = func() []string {
	var ps []string
	for _, g := range nameVariants {
		if g[0] == "muhammad" {
			for _, v := range g {
				if len(v) >= 6 {
					ps = append(ps, v)
				}
			}
		}
	}
	sort.Slice(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) || len(ps[i]) == len(ps[j]) && ps[i] < ps[j] })
	return ps
}()

// cutJoinedMuhammad returns the name joined to a spelling of Muhammad,
// when it is one the given names table knows (Ali, Reza is not) or of
// four or more letters ("Mohammadian" is a surname of its own: ian).
func cutJoinedMuhammad(tok string) (string, bool) {
	for _, p := range muhammadPrefixes {
		if r, ok := strings.CutPrefix(tok, p); ok && isASCII(r) {
			_, known := nameCanon[r]
			return r, known || len(r) >= minJoinedRest
		}
	}
	return "", false
}

// dinSuffixes join al-Din ("of the faith") to the name before it, as
// Arabic, Persian and South Asian names are romanised: Ghiasuddin /
// Ghayasudin / Ghias ud Din, Nooruddin / Noor ud Din, Salaheddine.
var dinSuffixes = []string{"uddeen", "uddin", "eddine", "eddin", "iddin", "udin", "edin"}

// ullahSuffixes join Allah to the name before it (Atiqullah / Atiq Ullah,
// Hedayatollah, Nasrallah / Nasrullah).
var ullahSuffixes = []string{"ullah", "ollah", "allah", "ulla"}

// keyRows are the letter rows of a QWERTY keyboard, the layout most
// clerks type Latin names on (QWERTZ and AZERTY move a few letters: y
// and z, a and q, w and z).
var keyRows = [...]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keyNeighbours reports whether a and b are keys side by side on a row of
// a keyboard (keyRows): the key a finger strikes for the one it meant.
func keyNeighbours(a, b byte) bool {
	for _, r := range keyRows {
		if i := strings.IndexByte(r, a); i >= 0 {
			return i > 0 && r[i-1] == b || i+1 < len(r) && r[i+1] == b
		}
	}
	return false
}

// keySlip reports whether tok is v with one slip of the keys: a slip of
// the hand (handSlip: two neighbours swapped, a letter added or left out
// inside), one letter struck for the key beside it (Akjmed / Akhmed,
// Baseti / Baseri), or v's last letter left out (Iqba / Iqbal). A letter
// changed for one that is not its neighbour on the keyboard (Karim /
// Kasim) is not a slip of the keys: of the 2,817 pairs of words (four
// letters or more) of OFAC's listed persons one changed letter apart, 245
// (8.7%) differ by key neighbours, about what chance gives, while a
// finger's slip mostly does. A letter added at the end is no slip either:
// it makes another form of a name (Golikov / Golikova, Amin / Amini).
func keySlip(tok, v string) bool {
	if len(tok) != len(v) {
		return oneMore(tok, v) || oneMore(v, tok) || len(tok)+1 == len(v) && v[:len(tok)] == tok
	}
	i := 0
	for i < len(tok) && tok[i] == v[i] {
		i++
	}
	if i == len(tok) {
		return false
	}
	if tok[i+1:] == v[i+1:] {
		return keyNeighbours(tok[i], v[i])
	}
	return swapped(tok, v)
}

// nameGroups maps the first spelling of each nameVariants group to the
// group: the normaliser writes every spelling as the first, and a slip is
// made of the spelling the clerk copied (Akjmed is a slip of Akhmed, not
// of Ahmad).
var nameGroups = func() map[string][]string {
	m := map[string][]string{}
	for _, g := range nameVariants {
		m[g[0]] = g
	}
	return m
}()

// minKeySlip is the shortest word keySlipOfName reads through a slip.
const minKeySlip = 4

// keySlipOfName reports whether query word tok is one slip of the keys
// (keySlip) from listed word w or from a spelling of its given name's
// group (nameGroups), both of minKeySlip letters or more.
func keySlipOfName(tok, w string) bool {
	if len(tok) < minKeySlip || !isASCII(tok) {
		return false
	}
	if len(w) >= minKeySlip && keySlip(tok, w) {
		return true
	}
	for _, v := range nameGroups[w] {
		if v != w && len(v) >= minKeySlip && keySlip(tok, v) {
			return true
		}
	}
	return false
}
