package matchers

// In a company's name a word of three letters or fewer without a vowel is
// an abbreviation (NPK, RSB, GPM, TPK), and an abbreviation one letter off
// is another one: "NPK International Inc." is not "NPC INTERNATIONAL
// COMPANY", though k and c sound alike. Such a word of the query aligns
// only with the same word (or, left over, as the initials of a run of
// words: acronyms.go) when the query carries a legal form. Persons' names
// are left alone: their short syllables (Wu / U, Shi / Chi) are
// spellings of one name.

// isAbbreviation reports whether a word token is a short abbreviation: at
// most three letters, none of them a vowel.
func isAbbreviation(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return false
		}
	}
	return true
}
