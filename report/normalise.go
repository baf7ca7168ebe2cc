package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// PartyKey is the normalised form of a party name that dispositions are keyed
// by: compatibility-decomposed, diacritics dropped, lower case, every run of
// non-letters and non-digits collapsed to one space.
//
// It is deliberately simpler than, and independent of, the matcher's own
// normaliser: an analyst's decision must not lapse because the matcher was
// tuned, and the key must be reproducible by hand from the report. It also
// keeps the key free of characters a spreadsheet would treat as a formula.
func PartyKey(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
