package matchers

import (
	"strings"
	"unicode"

	"github.com/dualscreen/dualscreen/lists"
)

// A listed name written in another script reaches the lists romanised by
// one convention, and the same party's name reaches a shipment record
// romanised by another or written as the party's own Latin brand: the EU
// and OFAC list ДУКС as DUKS, the firm calls itself DUX; ЭНИКС is ENIKS
// and ENICS, КЛАСС is KLASS and CLASS, ЦМРБанк is TSMRBANK and CMRBank.
// Which letters alternate depends on the script the name came from, so
// the index keys a listed word by its romanisation only under the
// conventions of the script its entries are written in (romanOrigin), and
// a query word, whose origin is unknown, is keyed under each. A word with
// the same key is the same word romanised two ways: it aligns at
// Tuning.SpellingKeySim as spelling keys do, but also in words of four or
// five letters, which spelling keys leave out because across all origins
// short words spelt alike are too often different names (VICOR / Vikor,
// a Chinese firm). The key presumes a word romanised from Cyrillic; a
// query whose legal form is of another kind than the listed name's
// (Inc against OOO: legalkinds.go) is a firm written in English, so a
// match that rests on the key is then partial (restsOnRomanKey), not
// complete: "Macro Group Inc." is no romanisation of OOO MAKRO GRUPP.

// romanOrigin is a set of scripts a listed word may have been romanised
// from.
type romanOrigin uint8

const (
	// originCyrillic: Russian, Ukrainian, Belarusian, Bulgarian,
	// Serbian, Macedonian, Kazakh, Kyrgyz, Tajik and Mongolian names.
	originCyrillic romanOrigin = 1 << iota
	// originCyrillicTs keys a query word as originCyrillic does, but with
	// every c that is not ch, ck or before e, i or y read as Ц (ts):
	// CMRBank / TSMRBANK, Ц written the Polish or Czech way. Listed words
	// are never keyed so; the key is looked up among originCyrillic's.
	originCyrillicTs
	// originLoan keys a listed English word of a Cyrillic-writing entry
	// (QUANTORFORM, EUROTRANSEXPEDITION, ELECTROMECHANICS) as Russian
	// writes the word it borrowed, and a query word as a romanisation
	// of that Russian (KVANTORFORM, EVROTRANSEKSPEDITSIYA,
	// ELEKTROMECHANIKI): see loanKey.
	originLoan
	// originChinese: names romanised from Chinese characters (chineseEntry);
	// read by wadegiles.go, not keyed here.
	originChinese
)

// queryOrigins are the keys a query word is looked up by.
var queryOrigins = [...]romanOrigin{originCyrillic, originCyrillicTs, originLoan}

// minRomanKey: shorter keys are not compared: in three letters one
// alternation is another name (Koc / Kok). Dux keys as duks, four.
const minRomanKey = 4

// cyrillicCountries write their names in Cyrillic: an entry of one of them
// names itself in Cyrillic first, whatever the list prints.
var cyrillicCountries = map[string]bool{
	"RU": true, "BY": true, "UA": true, "BG": true, "RS": true, "MK": true,
	"KZ": true, "KG": true, "TJ": true, "MN": true,
}

// entryOrigins returns the scripts an entry's names come from: those of
// its countries, and those its names are written in.
func entryOrigins(e *lists.Entry) romanOrigin {
	for _, c := range e.Countries {
		if cyrillicCountries[c] {
			return originCyrillic
		}
	}
	for _, n := range e.Names {
		if hasScript(n.Value, unicode.Cyrillic) {
			return originCyrillic
		}
	}
	return 0
}

func hasScript(s string, tab *unicode.RangeTable) bool {
	for _, r := range s {
		if r >= 0x80 && unicode.Is(tab, r) {
			return true
		}
	}
	return false
}

// romanKeyOf appends the byte of origin o and the key of normalised word
// tok under o, or nothing when tok has no key under o; one map holds the
// keys of every origin apart. listed says whether tok is a listed word or
// a query word (see romanKey).
func romanKeyOf(dst []byte, o romanOrigin, tok string, listed bool) []byte {
	start := len(dst)
	prefix := o
	if o == originCyrillicTs {
		prefix = originCyrillic
	}
	dst = romanKey(append(dst, byte(prefix)), o, tok, listed)
	if len(dst)-start-1 < minRomanKey {
		return dst[:start]
	}
	return dst
}

// romanKey appends the key of tok under the conventions of origin o.
// A listed word is keyed only when it is written as the conventions write
// the script; a query word is keyed as it is. Acronyms (a word without a
// vowel: PNTZ, MRC) are not spelt by sound and get no key.
//
// Cyrillic: the romanisations the lists print (BGN/PCGN, ICAO, GOST,
// German) write К as k, КС as ks, Ц as ts or tz, В as v or w, and never
// use c outside ch, nor q or x; a brand or an English spelling writes c,
// ck, q and x for the same sounds. So the key folds c before e, i or y to
// ts (Centr / Tsentr), other c, ck and q to k, x to ks, tz to ts and w to
// v, and a listed word is keyed only when it has none of c (outside ch),
// q, x or w: "JSC SCAN" is an English word on a Russian firm, and SKAN is
// not its romanisation. An English brand a Russian firm writes in Cyrillic
// is romanised back with yu for its initial u and -is for its final -ice
// (Юнисервис, YUNISERVIS, is Uniservice), so the key reads a leading yu as
// u and a final ce as s.
func romanKey(dst []byte, o romanOrigin, tok string, listed bool) []byte {
	if !isASCII(tok) || !hasVowel(tok) {
		return dst
	}
	switch o {
	case originCyrillic:
		if listed && !cyrillicRomanised(tok) {
			return dst
		}
		return cyrillicKey(dst, tok, false)
	case originCyrillicTs:
		if listed || !hasBareC(tok) {
			return dst
		}
		return cyrillicKey(dst, tok, true)
	case originLoan:
		// the listed word is the English spelling, the query word
		// the romanised Russian one
		if listed == cyrillicRomanised(tok) {
			return dst
		}
		return loanKey(dst, tok, listed)
	}
	return dst
}

// loanKey appends the key of an English word as Russian borrows it
// (listed) or of a romanised Russian word (not listed), so that the two
// meet: Russian writes an English qu as kv (Кванторформ, Quantorform) and
// eu as ev (Евро, Euro), -tion as -tsiya (экспедиция, expedition) and
// -ics as -ika (электромеханика, electromechanics), and the lists
// romanise the Russian back letter by letter. Endings are folded to one
// stem, since the Russian word is inflected (elektromekhaniki, genitive).
// The Cyrillic key's folds (cyrillicKey) then apply. A listed word is
// keyed only when one of these borrowings is in it: with the Cyrillic
// folds alone an English word on a Russian firm (JSC SCAN) would meet
// an English query word (SKAN Inc.) as a romanisation of it, which
// romanKey's listed words are kept from.
func loanKey(dst []byte, tok string, listed bool) []byte {
	borrowed := false
	if listed {
		var b [2 * maxSimLen]byte
		w := b[:0]
		for i := 0; i < len(tok); i++ {
			c := tok[i]
			switch {
			case c == 'q' && i+1 < len(tok) && tok[i+1] == 'u':
				w = append(w, 'k', 'v') // Quantorform, Кванторформ
			case c == 'e' && i+1 < len(tok) && tok[i+1] == 'u':
				w = append(w, 'e', 'v') // Euro, Евро
			default:
				w = append(w, c)
				continue
			}
			borrowed = true
			i++
		}
		tok = string(w)
	}
	start := len(dst)
	dst = cyrillicKey(dst, tok, false)
	k := string(dst[start:])
	for _, e := range loanEndings {
		if stem, ok := strings.CutSuffix(k, e.from); ok && len(stem) >= minRomanKey {
			dst = append(dst[:start], stem+e.to...)
			borrowed = borrowed || e.english
			break
		}
	}
	if listed && !borrowed {
		return dst[:start]
	}
	return dst
}

// loanEndings are the endings loanKey folds, longest first: English
// -tion(s) and -ics and the Russian cases of -tsiya and -ika.
// english marks the English endings (after cyrillicKey, -ics is -iks).
var loanEndings = []struct {
	from, to string
	english  bool
}{
	{"tsiyu", "tsi", false}, {"tsiya", "tsi", false}, {"tsiey", "tsi", false}, {"tions", "tsi", true},
	{"tsii", "tsi", false}, {"tsiy", "tsi", false}, {"tsia", "tsi", false}, {"tion", "tsi", true},
	{"iks", "ik", true}, {"ika", "ik", false}, {"iki", "ik", false}, {"iku", "ik", false},
}

// cyrillicRomanised reports whether tok is written as the romanisations
// of Cyrillic write: no c outside ch, no q, x or w.
func cyrillicRomanised(tok string) bool {
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case 'c':
			if i+1 >= len(tok) || tok[i+1] != 'h' {
				return false
			}
		case 'q', 'x', 'w':
			return false
		}
	}
	return true
}

// hasBareC reports whether tok has a c outside ch and ck and not before
// e, i or y, which the Cyrillic key reads as ts already.
func hasBareC(tok string) bool {
	for i := 0; i < len(tok); i++ {
		if tok[i] != 'c' {
			continue
		}
		if i+1 >= len(tok) {
			return true
		}
		switch tok[i+1] {
		case 'h', 'k', 'e', 'i', 'y':
		default:
			return true
		}
	}
	return false
}

// cyrillicKey appends tok with the Latin spellings of one Cyrillic sound
// folded (romanKey); with cAsTs every c outside ch and ck becomes ts.
func cyrillicKey(dst []byte, tok string, cAsTs bool) []byte {
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		var next byte
		if i+1 < len(tok) {
			next = tok[i+1]
		}
		switch {
		case i == 0 && c == 'y' && next == 'u':
			// Ю of an English brand's u (Юнисервис is Uniservice,
			// Юнистрим Unistream), romanised yu
			dst = append(dst, 'u')
			i++
		case c == 'c' && next == 'e' && i+2 == len(tok):
			// an English word's final ce, -ис in Russian (Uniservice /
			// Yuniservis, Neftservice / Neftservis); only query words have it
			dst = append(dst, 's')
			i++
		case c == 'c' && next == 'h':
			dst = append(dst, 'c', 'h')
			i++
		case c == 'c' && next == 'k':
			dst = append(dst, 'k')
			i++
		case c == 'c' && (cAsTs || next == 'e' || next == 'i' || next == 'y'):
			dst = append(dst, 't', 's')
		case c == 'c' || c == 'q':
			dst = append(dst, 'k')
		case c == 'x':
			dst = append(dst, 'k', 's')
		case c == 't' && next == 'z':
			dst = append(dst, 't', 's')
			i++
		case c == 'w':
			dst = append(dst, 'v')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// hasVowel reports whether tok has a, e, i, o, u or y.
func hasVowel(tok string) bool {
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// romanisedAlike reports whether query word q and vocabulary token v have
// the same romanisation key under v's origin: what the explanation calls
// "romanised alike".
func (ix *Index) romanisedAlike(q string, v int32) bool {
	if ix.voc.origin[v]&originCyrillic == 0 {
		return false
	}
	var qb, vb [2*maxSimLen + 1]byte
	for _, lo := range [...]romanOrigin{originCyrillic, originLoan} {
		vk := romanKeyOf(vb[:0], lo, ix.voc.text[v], true)
		if len(vk) == 0 {
			continue
		}
		for _, o := range queryOrigins {
			if string(romanKeyOf(qb[:0], o, q, false)) == string(vk) {
				return true
			}
		}
	}
	return false
}

// restsOnRomanKey reports whether an aligned pair of the current
// alignment of name nt is one only the romanisation keys make alike (not
// equal, not spelt alike): the caller asks only for complete matches
// between companies of incompatible legal kinds, so this costs nothing on
// the common path.
func (ix *Index) restsOnRomanKey(s *scratch, nt []nameTok) bool {
	al := &s.al
	for i := range s.q {
		j := al.qm[i]
		if j < 0 || s.q[i].kind != TokWord || al.qs[i] >= 1 || s.q[i].id == nt[j].v {
			continue
		}
		if s.skeyBuf = spellingKeyOf(s.skeyBuf[:0], s.q[i].text); len(s.skeyBuf) > 0 && string(s.skeyBuf) == ix.voc.skey[nt[j].v] {
			continue
		}
		if ix.romanisedAlike(s.q[i].text, nt[j].v) {
			return true
		}
	}
	return false
}
