package matchers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Letters of one script written inside a word of another: a Latin name
// typed with a Cyrillic О, Р or Е ("ROSOBORОNЕХРОRТ"), a Cyrillic one with a
// Latin C or A ("ООО «Cпецмаш»", "ГИДРОМAШ"). They come from a keyboard left
// on the other layout, from text copied between systems, and from names
// written on purpose so that a screen reading them letter by letter misses
// them; on screen the word looks right. Transliterated as written, each
// borrowed letter is read in its own script (Cyrillic Р is r, Latin C stays
// c), and the word matches nothing. A word that mixes Latin with Cyrillic or
// Greek is therefore written in one script before transliteration, the
// script of the letters that have no look-alike in the other (R, S and N
// make "ROSOBORОNЕХРОRТ" Latin; п, ц and ш make "Cпецмаш" Cyrillic), or,
// when every letter has one, the script of most of its letters. A word with
// letters of both scripts that have no look-alike ("GAZПРОМ") is left as
// written. The pairs are the letters whose capitals or small letters look
// alike (Unicode's confusables, read for the facts); the text is already
// case-folded here, so a Cyrillic capital Н, which looks like H, is н.

// latinLookAlike maps a Cyrillic or Greek letter, in lower case, to the
// Latin letter it looks like.
var latinLookAlike = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'н': 'h', 'і': 'i', 'ј': 'j', 'к': 'k',
	'м': 'm', 'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't', 'х': 'x', 'у': 'y', 'ԝ': 'w',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'ζ': 'z', 'η': 'h', 'ι': 'i', 'κ': 'k', 'μ': 'm', 'ν': 'n',
	'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'y', 'χ': 'x',
}

// cyrillicLookAlike and greekLookAlike map a Latin letter to the letter of
// that script it looks like: latinLookAlike read the other way, leaving out
// the letters of a few languages only (ԁ, һ, ј, ԛ, ѕ, ԝ), which are look-alikes
// to undo in a Latin word but nothing a Russian, Ukrainian or Belarusian
// word is written with, and which transliteration does not read: a Latin d
// in "ЕАD" is a Latin word's own letter.
var cyrillicLookAlike, greekLookAlike = func() (c, g map[rune]rune) {
	c, g = map[rune]rune{}, map[rune]rune{}
	for r, l := range latinLookAlike {
		switch {
		case unicode.Is(unicode.Greek, r):
			g[l] = r
		case !strings.ContainsRune("ԁһјԛѕԝ", r):
			c[l] = r
		}
	}
	return c, g
}()

// appendOneScript appends text to dst with every word that mixes Latin
// letters with Cyrillic or Greek ones written in one script (see above);
// ok is false, and dst unchanged, when no word was rewritten. text is
// case-folded UTF-8.
func appendOneScript(dst, text []byte) (_ []byte, ok bool) {
	if !mayMixScripts(text) {
		return dst, false
	}
	return appendRewritten(dst, text, func(word []byte) bool {
		_, mixed := wordScript(word)
		return mixed
	}, func(dst, word []byte) []byte {
		to, _ := wordScript(word)
		return appendInScript(dst, word, to)
	})
}

// appendRewritten appends text to dst with each word (a run of letters)
// for which rewrites is true written by write instead; ok is false, and
// dst unchanged, when no word was. The normaliser's rewrites of single
// words before transliteration (appendOneScript, appendCyrillicForms) go
// through it.
func appendRewritten(dst, text []byte, rewrites func(word []byte) bool, write func(dst, word []byte) []byte) (_ []byte, ok bool) {
	start := len(dst)
	done := 0 // text[:done] is in dst
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, n := utf8.DecodeRune(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if rewrites(text[i:j]) {
			dst = append(dst, text[done:i]...)
			dst = write(dst, text[i:j])
			done, ok = j, true
		}
		i = j
	}
	if !ok {
		return dst[:start], false
	}
	return append(dst, text[done:]...), true
}

// mayMixScripts reports whether text holds both an ASCII letter and a
// letter of the Greek or Cyrillic blocks: the cheap test before words are
// read one by one.
func mayMixScripts(text []byte) bool {
	ascii, other := false, false
	for _, c := range text {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			ascii = true
		case c >= 0xCD && c <= 0xD4: // lead bytes of U+0370–U+052F
			other = true
		}
		if ascii && other {
			return true
		}
	}
	return false
}

// wordScript returns the script word (Latin, Cyrillic or Greek letters
// mixed) is to be written in, and whether it mixes Latin with one other
// script in a way appendInScript can undo.
func wordScript(word []byte) (to *unicode.RangeTable, mixed bool) {
	var other *unicode.RangeTable
	var latin, nOther, latinOwn, otherOwn int
	for s := word; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r), unicode.Is(unicode.Greek, r):
			t := unicode.Cyrillic
			if unicode.Is(unicode.Greek, r) {
				t = unicode.Greek
			}
			if other != nil && other != t {
				return nil, false // three scripts: no reading
			}
			other = t
			nOther++
			if _, ok := latinLookAlike[r]; !ok {
				if !transliterable(r) {
					// a letter no reading makes Latin (Komi ԫ): the
					// word stays as written, or normalising its
					// normal form would rewrite it again
					return nil, false
				}
				otherOwn++
			}
		default:
			return nil, false
		}
	}
	if latin == 0 || nOther == 0 {
		return nil, false
	}
	lookAlike := cyrillicLookAlike
	if other == unicode.Greek {
		lookAlike = greekLookAlike
	}
	for s := word; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if _, ok := lookAlike[r]; unicode.Is(unicode.Latin, r) && !ok {
			latinOwn++
		}
	}
	switch {
	case latinOwn > 0 && otherOwn > 0:
		return nil, false
	case latinOwn > 0:
		return unicode.Latin, true
	case otherOwn > 0:
		return other, true
	case nOther > latin:
		return other, true
	default:
		return unicode.Latin, true
	}
}

// transliterable reports whether transliteration reads the Cyrillic or
// Greek letter r (translit.go's tables).
func transliterable(r rune) bool {
	if _, ok := cyrRussian[r]; ok {
		return true
	}
	_, ok := greek[foldGreekTonos(r)]
	return ok
}

// appendInScript appends word to dst with each letter not of script to
// written as its look-alike in to.
func appendInScript(dst, word []byte, to *unicode.RangeTable) []byte {
	lookAlike := latinLookAlike
	switch to {
	case unicode.Cyrillic:
		lookAlike = cyrillicLookAlike
	case unicode.Greek:
		lookAlike = greekLookAlike
	}
	for s := word; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if !unicode.Is(to, r) {
			if l, ok := lookAlike[r]; ok {
				r = l
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
