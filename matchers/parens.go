package matchers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parenVariants returns the names a trailing parenthesis adds to v, beyond
// v itself: the name without it ("GLOBAL RELIEF FOUNDATION (GRF)" is also
// "GLOBAL RELIEF FOUNDATION"), and what it holds when that is a name of its
// own: two or more words ("Rostec (Russian Technologies State
// Corporation)", "OOO 'VO Technopromexport' (OOO 'VO TPE')", "PSB Bank
// (formerly PROMSVYAZBANK)", the connecting words being particles), or an
// acronym of four or more letters of the name before it ("Korea Kwangson
// Banking Corporation (KKBC)"). A single word that is no acronym of the rest ("Design Bureau
// of Navigation Systems (NAVIS)", "Inforos OOO (IA)") is left in the whole
// name only: on its own it would stand for a different, shorter name.
func parenVariants(v string) []string {
	t := strings.TrimSpace(v)
	if !strings.HasSuffix(t, ")") {
		return nil
	}
	i := strings.LastIndexByte(t, '(')
	if i <= 0 {
		return nil
	}
	outside, inside := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:len(t)-1])
	if outside == "" {
		return nil
	}
	out := []string{outside}
	words := letterWords(inside)
	switch {
	case len(words) >= 2:
		out = append(out, inside)
	case len(words) == 1 && utf8.RuneCountInString(words[0]) >= minAcronym && isAcronymOf(words[0], letterWords(outside)):
		out = append(out, inside)
	}
	return out
}

// minAcronym: shorter acronyms are not names of their own. Three letters
// name too many companies: "IAC Inc." is not "Iran Alumina Company (IAC)".
const minAcronym = 4

// letterWords splits s into its words of letters and digits, lower case.
func letterWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isAcronymOf reports whether acr is made of the first letters of words in
// order, where particles ("de", "of", "du") and legal forms may be skipped
// or count ("FDLR" / "Forces Democratiques de Liberation du Rwanda", "NDC"
// / "North Drilling Company").
func isAcronymOf(acr string, words []string) bool {
	a := []rune(acr)
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if i == len(a) {
			for ; j < len(words); j++ {
				if !skippable(words[j]) {
					return false
				}
			}
			return true
		}
		if j == len(words) {
			return false
		}
		first, _ := utf8.DecodeRuneInString(words[j])
		if first == a[i] && walk(i+1, j+1) {
			return true
		}
		return skippable(words[j]) && walk(i, j+1)
	}
	return len(words) >= len(a) && walk(0, 0)
}

// skippable words may be left out of an acronym.
func skippable(w string) bool {
	if particleSet[w] {
		return true
	}
	_, ok := legalPhrases.single[w]
	return ok
}
