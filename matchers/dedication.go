package matchers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dedication is the honorific name a Soviet or Russian enterprise carries
// after the person it is named after: "NPP START IM. A. I. YASKINA AO",
// "AO NPP ISTOK IM. SHOKINA", "Zavod imeni Sverdlova", "Plant named after
// Ia. M. Sverdlov", "им. А. И. Яскина". Like a legal form, publishers keep
// it or drop it at will: OFAC lists "NPP Start" and "NPP START IM. A. I.
// YASKINA AO" for one firm, and the dedicatee's name, rare and matched by
// nothing, then weighs against the shorter name. It is not dropped from
// the name, though: for "Zavod imeni Sverdlova" the dedicatee is all that
// tells the plant apart. So a name with a dedication is also indexed and
// screened without it (dedicationVariant), and the entry keeps its best.

// dedicationTitles may stand between the marker and the dedicatee's
// initials: "NAMED AFTER ACADEMICIAN A.A. RASPLETIN", "IMENI AKADEMIKA P.
// D. GRUSHINA".
var dedicationTitles = map[string]bool{
	"academician": true, "academic": true, "akademik": true, "akademika": true, "akad": true,
	"академика": true, "академик": true, "акад": true,
}

// wordSpan is one word of a raw name: its byte offsets and whether a full
// stop follows it at once ("IM." is a dedication, the Korean surname "Im"
// is not).
type wordSpan struct {
	start, end int
	dot        bool
}

// mayHoldDedication is a cheap test, without allocating, before
// dedicationVariant splits the name into words: a marker begins a word
// ("im." or "imeni", "named after", "им." or "имени" in any case). Kim,
// Ibrahim and Import do not pass it.
func mayHoldDedication(v string) bool {
	for i := 0; i+1 < len(v); i++ {
		if i > 0 && !wordBoundary(v[i-1]) {
			continue
		}
		r := v[i:]
		switch {
		case r[0]|0x20 == 'i' && r[1]|0x20 == 'm':
			if markerTail(r[2:], "eni") {
				return true
			}
		case len(r) >= 4 && r[0] == 0xD0 && (r[1] == 0xB8 || r[1] == 0x98) && r[2] == 0xD0 && (r[3] == 0xBC || r[3] == 0x9C): // им, ИМ
			if markerTail(r[4:], "ени") || markerTail(r[4:], "ЕНИ") {
				return true
			}
		case len(r) >= 11 && strings.EqualFold(r[:11], "named after"):
			return true
		}
	}
	return false
}

// wordBoundary reports a byte that cannot be part of a word: ASCII that is
// no letter or digit.
func wordBoundary(b byte) bool {
	return b < 0x80 && !('a' <= b|0x20 && b|0x20 <= 'z') && !('0' <= b && b <= '9')
}

// markerTail reports whether what follows "im" (or "им") completes a
// marker: a full stop, or the rest of "imeni" ending the word.
func markerTail(r, rest string) bool {
	if r != "" && r[0] == '.' {
		return true
	}
	if len(r) < len(rest) || !strings.EqualFold(r[:len(rest)], rest) {
		return false
	}
	return len(r) == len(rest) || wordBoundary(r[len(rest)])
}

// dedicationVariant returns v without its dedication: the marker ("named
// after", "imeni", "im.", "имени", "им."), a title, the initials and the
// surname that follow; what comes after the surname ("AO", "of the
// Russian Academy of Sciences") stays. It returns "" when v has no
// dedication, when the marker opens the name, or when what is left names
// no firm of its own: "Zavod imeni Sverdlova" without its dedication is
// only "Zavod", a word every plant has.
func dedicationVariant(v string) string {
	if !mayHoldDedication(v) {
		return ""
	}
	words := spanWords(v)
	for k := 1; k < len(words); k++ {
		after := k + dedicationMarker(v, words, k)
		if after == k {
			continue
		}
		for after < len(words) && dedicationTitles[lowerWord(v, words[after])] {
			after++
		}
		// initials (one or two letters: "A. I.", "Ia. M.", "VI"), then the
		// surname of three letters or more
		for after+1 < len(words) && utf8.RuneCountInString(v[words[after].start:words[after].end]) <= 2 {
			after++
		}
		if after >= len(words) || utf8.RuneCountInString(v[words[after].start:words[after].end]) < 3 {
			return ""
		}
		cut := strings.TrimSpace(v[:words[k].start]) + " " + strings.TrimSpace(v[words[after].end:])
		if !namesAFirm(strings.TrimSpace(cut)) {
			return ""
		}
		return strings.TrimSpace(cut)
	}
	return ""
}

// dedicationMarker returns how many words the dedication marker at
// words[k] takes: 2 for "named after", 1 for "imeni" or "имени", and for
// "im" or "им" written with a full stop; 0 when there is none.
func dedicationMarker(v string, words []wordSpan, k int) int {
	switch w := lowerWord(v, words[k]); w {
	case "imeni", "имени":
		return 1
	case "im", "им":
		if words[k].dot {
			return 1
		}
	case "named":
		if k+1 < len(words) && lowerWord(v, words[k+1]) == "after" {
			return 2
		}
	}
	return 0
}

// namesAFirm reports whether the name holds a legal form or a type of
// enterprise, which sets the firm's own name apart from its dedication
// ("NPP START ... AO"; without one, "Radio Technical Institute named after
// A. L. Mints" is a generic name and the dedicatee's the one that tells),
// and a word that is neither a
// legal form (nor one read as a word for want of a name beside it) nor a
// word organisation names are made of: what is left of
// a name without its dedication must still say which firm it is.
func namesAFirm(name string) bool {
	nw := getNormWork()
	defer putNormWork(nw)
	toks := nw.normalise(name, nil).Tokens
	legal := false
	for _, t := range toks {
		legal = legal || t.Kind == TokLegal
	}
	if !legal {
		return false
	}
	for _, t := range toks {
		if t.Kind != TokWord || orgWordCanon[t.Text] {
			continue
		}
		// a guarded form kept as a word ("AO NPO" alone is no firm's name)
		if _, form := legalPhrases.single[t.Text]; !form && !ambiguousForms[t.Text] {
			return true
		}
	}
	return false
}

// spanWords splits v into its words of letters and digits.
func spanWords(v string) []wordSpan {
	var out []wordSpan
	start := -1
	for i, r := range v {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, wordSpan{start: start, end: i, dot: r == '.'})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, wordSpan{start: start, end: len(v)})
	}
	return out
}

func lowerWord(v string, w wordSpan) string { return strings.ToLower(v[w.start:w.end]) }
