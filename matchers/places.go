package matchers

import "strings"

// An organisation's name often carries the country it works in or for,
// and publishers keep or leave it out at will: "Korea Daesong Bank" /
// "Taesong Bank", "FAU Glavgosekspertiza Rossii" / "Glavgosekspertiza",
// "Garantex Europe OU" / "Garantex". Such a word, left unaligned in an
// organisation's name on either side, still counts against the match by
// its weight, but does not make the match partial: the name is otherwise
// the same. In a person's name a country word is a name part like any
// other (Iran, Korea and China are not given names, but the rule is not
// needed there).

// placeWords are the countries whose name is one word, in English, a few
// of their adjectives, and the romanised Russian forms (Rossii, Belarusi)
// found in the names of listed organisations. Countries of several words
// are left out: their words (United, North, Saudi) are ordinary parts of
// firms' names.
var placeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
		bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia botswana brazil
		brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia
		cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
		finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti
		honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
		kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
		liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
		mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
		nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
		peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
		singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan
		tanzania thailand togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay
		uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
		dprk uae crimea europe eurasia
		korean iranian russian syrian chinese cuban iraqi european belarusian
		rossii rossiya rossiyskaya rossiiskoi belarusi`) {
		m[w] = true
	}
	return m
}()

// isPlaceWord reports whether a normalised token is one of placeWords.
func isPlaceWord(t string) bool { return placeWords[t] }
