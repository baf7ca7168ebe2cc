package matchers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/unicode/norm"
)

// Transliteration into Latin, one table per script. The tables are our own,
// written from the published national and UN romanisation conventions
// (Russian passport / BGN-PCGN style, Ukrainian KMU 2010, Belarusian
// passport style, ELOT 743 for Greek, simplified UN/ALA-LC consonant
// skeletons for Arabic, Persian and Hebrew, ISO 9985-style Armenian, the
// Georgian national system, Revised Romanisation of Korean and pinyin).
// Romanisation of abjads is ambiguous (vowels are rarely written), so the
// scorer also compares phonetic skeletons: see phonetic.go.

// cyrillicLang picks the romanisation convention for Cyrillic text from the
// letters only that language has: Ukrainian і ї є ґ, Belarusian ў (and і
// without и). Russian is the default.
type cyrillicLang uint8

const (
	cyrRU cyrillicLang = iota
	cyrUK
	cyrBE
)

func detectCyrillic(s []byte) cyrillicLang {
	var hasI, hasY, hasUK, hasBE bool
	for _, r := range string(s) {
		switch unicode.ToLower(r) {
		case 'ї', 'є', 'ґ':
			hasUK = true
		case 'ў':
			hasBE = true
		case 'і':
			hasI = true
		case 'и':
			hasY = true
		}
	}
	switch {
	case hasBE:
		return cyrBE
	case hasUK || (hasI && hasY):
		return cyrUK
	case hasI:
		return cyrBE
	}
	return cyrRU
}

// cyrRussian is the Russian romanisation used on passports and by most
// sanctions lists (BGN/PCGN without diacritics).
var cyrRussian = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
	// Letters of other Cyrillic alphabets met in Russian-context names.
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u", 'ј': "j", 'љ': "lj", 'њ': "nj",
	'ћ': "c", 'ђ': "dj", 'џ': "dz", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	'қ': "k", 'ғ': "g", 'ү': "u", 'ұ': "u", 'ң': "n", 'һ': "h", 'ә': "a", 'ө': "o",
}

// cyrUkrainian overrides for the Ukrainian national system (KMU 2010):
// г is h, и is y, і is i; є ї й ю я are ye yi y yu ya at the start of a
// word and ie i i iu ia inside it (Київ → Kyiv, Європа → Yevropa).
var cyrUkrainian = map[rune]string{
	'г': "h", 'и': "y", 'і': "i", 'ї': "i", 'є': "ie", 'ґ': "g", 'х': "kh", 'й': "i",
	'ю': "iu", 'я': "ia",
}

var cyrUkrainianInitial = map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"}

// cyrBelarusian overrides for the Belarusian passport system: г is h, ў is w
// (written u by some publishers; the phonetic key folds w and v, u stays apart).
var cyrBelarusian = map[rune]string{
	'г': "h", 'і': "i", 'ў': "u", 'ы': "y", 'э': "e",
}

// greek is ELOT 743 (the Greek passport standard), simplified: no digraph
// special cases beyond ου.
var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps",
	'ω': "o",
}

// arabic covers Arabic and the Persian and Urdu extra letters. Short vowels
// come from harakat where written; long vowels from alif, waw and ya.
var arabic = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ء': "", 'ؤ': "u", 'ئ': "i",
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z",
	'ع': "", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n",
	'ه': "h", 'ة': "a", 'و': "w", 'ي': "y", 'ى': "a",
	// Persian and Urdu.
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ی': "y", 'ۀ': "e", 'ھ': "h",
	'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n", 'ے': "e",
	// Harakat: short vowels and gemination where the text writes them.
	'\u064E': "a", '\u064F': "u", '\u0650': "i", '\u064B': "an", '\u064C': "un", '\u064D': "in",
	'\u0651': "", '\u0652': "", '\u0670': "a",
	// Tatweel (kashida) stretches the line between two letters to justify
	// or adorn a word ("مـحـمـد"); it is no letter and must not split it.
	'\u0640': "",
}

// hebrew gives the consonant skeleton; vav and yod as vowels are left to the
// phonetic key, which folds them with u/o and i/y.
var hebrew = map[rune]string{
	'א': "a", 'ב': "b", 'ג': "g", 'ד': "d", 'ה': "h", 'ו': "v", 'ז': "z", 'ח': "kh",
	'ט': "t", 'י': "y", 'כ': "k", 'ך': "kh", 'ל': "l", 'מ': "m", 'ם': "m", 'נ': "n",
	'ן': "n", 'ס': "s", 'ע': "", 'פ': "p", 'ף': "f", 'צ': "ts", 'ץ': "ts", 'ק': "k",
	'ר': "r", 'ש': "sh", 'ת': "t",
}

// armenian follows the ISO 9985 / BGN-PCGN mapping without diacritics.
var armenian = map[rune]string{
	'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e", 'ը': "y",
	'թ': "t", 'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts", 'կ': "k", 'հ': "h",
	'ձ': "dz", 'ղ': "gh", 'ճ': "ch", 'մ': "m", 'յ': "y", 'ն': "n", 'շ': "sh", 'ո': "o",
	'չ': "ch", 'պ': "p", 'ջ': "j", 'ռ': "r", 'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r",
	'ց': "ts", 'ւ': "v", 'փ': "p", 'ք': "k", 'օ': "o", 'ֆ': "f", 'և': "ev",
}

// georgian is the Georgian national romanisation system (2002) without
// apostrophes for ejectives.
var georgian = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z", 'თ': "t",
	'ი': "i", 'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o", 'პ': "p", 'ჟ': "zh",
	'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u", 'ფ': "p", 'ქ': "k", 'ღ': "gh", 'ყ': "q",
	'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz", 'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j",
	'ჰ': "h",
}

// Korean: initials, medials and finals of a precomposed Hangul syllable
// (U+AC00 + (initial*21 + medial)*28 + final), romanised as sanctions lists
// write Korean names: Revised Romanisation consonants, but the vowels ㅓ ㅕ ㅡ
// without their breve (o, yo, u, as McCune-Reischauer prints them without
// diacritics) and a name-initial ㄱ ㄷ ㅂ as k t p ("Kim Jong Un", "Pak").
var (
	hangulInitial = [...]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulMedial  = [...]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
	hangulFinal   = [...]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// pinyinArgs produces toneless pinyin, one reading per character; the
// heteronym choice is the library's most common reading.
var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	a.Fallback = func(r rune, a pinyin.Args) []string { return nil }
	return a
}()

// isHan reports whether r is a CJK ideograph pinyin can read.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// transliterate appends s to b with every supported non-Latin letter written
// in Latin. Letters are lower-cased first. Each Han character and each
// Hangul syllable becomes its own space-separated syllable so that a
// romanised name written with or without spaces aligns (the scorer joins
// adjacent syllables). Other runes are appended as they are.
func transliterate(b []byte, s []byte) []byte {
	var cyr cyrillicLang
	cyrDetected := false
	prevHangul := false
	all := s
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		lr := unicode.ToLower(r)
		if lr >= 0x370 && lr < 0x3000 {
			lr = baseLetter(lr)
		}
		wasHangul := prevHangul
		prevHangul = lr >= 0xAC00 && lr <= 0xD7A3
		switch {
		case lr < 0x370:
			b = utf8.AppendRune(b, lr)
		case lr >= 0x400 && lr <= 0x52F:
			if !cyrDetected {
				cyr, cyrDetected = detectCyrillic(all), true
			}
			if t, ok := cyrUkrainianInitial[lr]; ok && cyr == cyrUK && !wordGoesOn(b) {
				b = append(b, cyrInitial(t, b, s)...)
			} else if t, ok := cyrLetter(lr, cyr); ok {
				b = append(b, cyrInitial(t, b, s)...)
			} else {
				b = utf8.AppendRune(b, lr)
			}
		case lr >= 0x370 && lr <= 0x3FF:
			if t, ok := greek[foldGreekTonos(lr)]; ok {
				b = append(b, t...)
			} else {
				b = utf8.AppendRune(b, lr)
			}
		case lr == '\u0651': // shadda: the consonant before it is doubled
			b = doubleLastConsonant(b)
		case lr == 'ع' && !wordGoesOn(b):
			b = append(b, 'a') // word-initial ain is written as its vowel: علي → Ali
		case lr >= 0x600 && lr <= 0x6FF:
			if t, ok := arabic[lr]; ok {
				b = append(b, t...)
			} else if lr >= 0x660 && lr <= 0x669 {
				b = append(b, byte('0'+lr-0x660))
			} else if lr >= 0x6F0 && lr <= 0x6F9 {
				b = append(b, byte('0'+lr-0x6F0))
			} else if unicode.Is(unicode.Mn, lr) {
				// other Arabic marks carry no letter
			} else {
				b = append(b, ' ')
			}
		case lr >= 0x5D0 && lr <= 0x5EA:
			b = append(b, hebrew[lr]...)
		case lr >= 0x531 && lr <= 0x587:
			if t, ok := armenian[lr]; ok {
				b = append(b, t...)
			}
		case lr >= 0x10D0 && lr <= 0x10FF:
			if t, ok := georgian[lr]; ok {
				b = append(b, t...)
			}
		case lr >= 0xAC00 && lr <= 0xD7A3:
			n := int(lr - 0xAC00)
			b = append(b, ' ')
			ini := hangulInitial[n/(21*28)]
			if !wasHangul {
				switch ini {
				case "g":
					ini = "k"
				case "d":
					ini = "t"
				case "b":
					ini = "p"
				}
			}
			b = append(b, ini...)
			b = append(b, hangulMedial[(n%(21*28))/28]...)
			b = append(b, hangulFinal[n%28]...)
			b = append(b, ' ')
		case isHan(lr):
			py := pinyin.SinglePinyin(lr, pinyinArgs)
			b = append(b, ' ')
			if len(py) > 0 {
				b = append(b, py[0]...)
			}
			b = append(b, ' ')
		default:
			b = utf8.AppendRune(b, lr)
		}
	}
	return b
}

func cyrLetter(r rune, l cyrillicLang) (string, bool) {
	switch l {
	case cyrUK:
		if t, ok := cyrUkrainian[r]; ok {
			return t, true
		}
	case cyrBE:
		if t, ok := cyrBelarusian[r]; ok {
			return t, true
		}
	}
	t, ok := cyrRussian[r]
	return t, ok
}

// foldGreekTonos maps accented Greek vowels to their plain letters; NFKD has
// already split most of them, this covers the precomposed leftovers.
func foldGreekTonos(r rune) rune {
	switch r {
	case 'ά':
		return 'α'
	case 'έ':
		return 'ε'
	case 'ή':
		return 'η'
	case 'ί', 'ϊ', 'ΐ':
		return 'ι'
	case 'ό':
		return 'ο'
	case 'ύ', 'ϋ', 'ΰ':
		return 'υ'
	case 'ώ':
		return 'ω'
	}
	return r
}

// wordGoesOn reports whether b ends inside a word (its last byte is a
// letter), so the next letter is not word-initial.
func wordGoesOn(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	c := b[len(b)-1]
	return c >= 0x80 || ('a' <= c && c <= 'z')
}

// doubleLastConsonant repeats the last consonant written to b (one letter,
// or a digraph such as "sh"), before a short vowel written after it: the
// shadda follows the fatha in canonical order (مَّ → mma).
func doubleLastConsonant(b []byte) []byte {
	n := len(b)
	vowel := 0
	if n > 0 && (b[n-1] == 'a' || b[n-1] == 'i' || b[n-1] == 'u') {
		vowel = 1
	}
	end := n - vowel
	if end == 0 || b[end-1] < 'a' || b[end-1] > 'z' {
		return b
	}
	start := end - 1
	if end >= 2 && b[end-1] == 'h' && strings.IndexByte("sktdgz", b[end-2]) >= 0 {
		start = end - 2
	}
	cons := string(b[start:end])
	tail := string(b[end:])
	return append(append(b[:end], cons...), tail...)
}

// baseLetter strips a precomposed non-Latin letter of its marks (Cyrillic
// ѐ → е, Greek ά → α) unless the table has it as it is (й, ё, ї keep
// their own romanisation).
func baseLetter(r rune) rune {
	if _, ok := cyrRussian[r]; ok {
		return r
	}
	if _, ok := cyrUkrainian[r]; ok {
		return r
	}
	var buf [16]byte
	d := norm.NFD.AppendString(buf[:0], string(r))
	b, _ := utf8.DecodeRune(d)
	if b == utf8.RuneError {
		return r
	}
	return b
}

// cyrInitial returns t, the romanisation of a Cyrillic letter, cut to its
// first letter when the letter is an initial: a word of its own followed
// by a dot (b is the text before it, rest the text after). "Гладышев А.
// Ю." is A. Yu. Gladyshev, whose given names begin with a and y; read as
// the word yu, the second initial matched nothing (Юрьевич is yurevich).
func cyrInitial(t string, b, rest []byte) string {
	if len(t) > 1 && len(rest) > 0 && rest[0] == '.' && !wordGoesOn(b) {
		return t[:1]
	}
	return t
}
