package matchers

import "strings"

// Country words in names. A place after a comma is where a branch sits,
// not a subsidiary's name ("ALFA HOLDING LTD., Limassol Cyprus Branch
// Office"), so groupVariants does not split on it. (Session 5 also let a
// country word left over keep an organisation's match complete; the
// false-flag check of eval/README.md, session 6, showed that rule flagging
// 35 more of 38,196 recombined company names, and it was not taken.)

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
