package matchers

// An organisation's name often carries the country it works in or for,
// and publishers keep or leave it out at will: "Korea Daesong Bank" /
// "Taesong Bank", "FAU Glavgosekspertiza Rossii" / "Glavgosekspertiza",
// "Garantex Europe OU" / "Garantex". Such a word, left unaligned in an
// organisation's name on either side, still counts against the match by
// its weight, but does not make the match partial: the name is otherwise
// the same. In a person's name a country word is a name part like any
// other (Iran, Korea and China are not given names, but the rule is not
// needed there).

// placeWords are countries, regions and their adjectives as they appear,
// in English or romanised Russian, in the names of listed organisations.
var placeWords = map[string]bool{
	"korea": true, "korean": true, "dprk": true, "iran": true, "iranian": true,
	"russia": true, "russian": true, "rossii": true, "rossiya": true, "rossiyskaya": true, "rossiiskoi": true, "rf": true,
	"belarus": true, "belarusi": true, "belarusian": true, "syria": true, "syrian": true,
	"china": true, "chinese": true, "europe": true, "european": true, "eurasia": true,
	"turkey": true, "turkiye": true, "cuba": true, "cuban": true, "venezuela": true,
	"lebanon": true, "iraq": true, "iraqi": true, "afghanistan": true, "pakistan": true,
	"crimea": true, "ukraine": true, "emirates": true, "uae": true, "india": true,
	"armenia": true, "kazakhstan": true, "kyrgyzstan": true, "uzbekistan": true, "myanmar": true,
}

// isPlaceWord reports whether a normalised token is one of placeWords.
func isPlaceWord(t string) bool { return placeWords[t] }
