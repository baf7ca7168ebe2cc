package matchers

// speltTypes are the Russian types of enterprise written out, as the
// normaliser leaves them (orgwords.go folds "nauchno-proizvodstvennoe",
// "scientific" and "research" to research; legal forms are class tokens):
// "LIMITED LIABILITY COMPANY NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE
// RADIOVOLNA" is the "NPO RADIOVOLNA" of another list, "RESEARCH AND
// PRODUCTION CORPORATION ISTOK" the "NPP Istok". Folded into the type
// class (legalforms.go: NPO, NPP, NII, SKB are soe), they would stop
// matching another translation of the same type ("Scientific and
// Production Enterprise" / "Research and Production Association"), which
// session 3 measured as a loss. So a listed name holding one is indexed
// twice: as written, and with the run read as its abbreviation
// (speltTypeVariant). Only runs that name one type are here: "Research and
// Development Enterprise" and "Design Bureau" (KB is also a commercial
// bank) are left as words, and so are the research institute, the special
// design bureau and the research and technical centre: written out, they
// are named after their field ("Software Research Institute"), and read
// as NII the field alone would be the name ("Software Inc." scored 0.998).
var speltTypes = [][]string{
	{"research", "production", "association"}, // NPO
	{"research", "production", "enterprise"},  // NPP
	{"research", "production", formCorp},      // NPK, NPO
	{"research", "production", formCo},
	{"research", "production", "concern"},
	{"research", "production", "center"}, // NPTs
	{"research", "production", "complex"},
	{"research", "production", "kompleks"},
	{"research", "production", "firm"}, // NPF
	{"research", "production", "firma"},
}

// speltTypeVariant returns n with the first spelt-out type of enterprise
// read as its class (soe), or false when n has none or when nothing
// besides legal forms, organisation words and places would be left.
func speltTypeVariant(n Normalised) (Normalised, bool) {
	toks := n.Tokens
	for i := range toks {
		if toks[i].Text != "research" {
			continue
		}
		for _, run := range speltTypes {
			if !tokensAre(toks[i:], run) {
				continue
			}
			out := make([]Token, 0, len(toks)-len(run)+1)
			out = append(out, toks[:i]...)
			out = append(out, Token{Text: formSOE, Kind: TokLegal})
			out = append(out, toks[i+len(run):]...)
			for _, t := range out {
				if t.Kind == TokWord && !orgWordCanon[t.Text] && !isPlaceWord(t.Text) {
					return Normalised{Tokens: out}, true
				}
			}
			return Normalised{}, false
		}
	}
	return Normalised{}, false
}

// tokensAre reports whether toks begins with the texts of run.
func tokensAre(toks []Token, run []string) bool {
	if len(toks) < len(run) {
		return false
	}
	for k, w := range run {
		if toks[k].Text != w {
			return false
		}
	}
	return true
}

// derivedRareDF: a derived name (without its dedication, or with its type
// of enterprise read as an abbreviation) is indexed only when it keeps a
// word in at most this many published names, as recall10's listed phrases
// ask (phraseRareDF). Without it "Software Research Institute" became
// "soe software" and flagged "Software Inc." (0.998), and "... Center of
// Automatics and Instrument Building" flagged "AUTOMATIC INSTRUMENTS INC":
// ordinary words that the type of enterprise or the dedication set apart.
const derivedRareDF = phraseRareDF

// rareWordsOf returns the words (not legal forms, organisation words or
// places) in at most derivedRareDF of the published names of norms.
func rareWordsOf(norms [][]variantNorm) map[string]bool {
	df := map[string]int{}
	for _, ns := range norms {
		for _, vn := range ns {
			if vn.derived {
				continue
			}
			for _, t := range vn.norm.Tokens {
				if t.Kind == TokWord && !orgWordCanon[t.Text] && !isPlaceWord(t.Text) {
					df[t.Text]++
				}
			}
		}
	}
	rare := make(map[string]bool, len(df))
	for w, n := range df {
		if n <= derivedRareDF {
			rare[w] = true
		}
	}
	return rare
}

// holdsRare reports whether toks hold one of the rare words, or with all
// set, whether every word (not an organisation word or a place) is rare.
func holdsRare(toks []Token, rare map[string]bool, all bool) bool {
	found := false
	for _, t := range toks {
		if t.Kind != TokWord || orgWordCanon[t.Text] || isPlaceWord(t.Text) {
			continue
		}
		if !rare[t.Text] {
			if all {
				return false
			}
			continue
		}
		found = true
	}
	return found
}
