package matchers

import "strings"

// tradeWords say what a firm does, where it works or how it is organised,
// not which firm it is: "GENERAL CONTRACTING AND TRADE", "OVERSEAS
// PROJECT SERVICES", "ENVIRONMENTAL & WASTE SERVICES". Unlike
// orgWordVariants they are not folded into one another (their spellings
// are one word each, and folding moves every name's IDF); they only stop
// counting as a word of the firm's own (isOwnWord), so that two firms
// that share their trades but not their names are not taken for one
// (ownWordsApart), and a part of a name made of them is no name
// (namesAParty). Words that name a party on the lists by themselves
// (Mansudae, Orchid) are of course not here; nor are words that are
// also given names or surnames. Written for dualscreen from the trades of
// construction, engineering and trading firms' names in English, Spanish,
// Portuguese and French.
var tradeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		general generales generale genel overseas project projects proyectos projetos
		consulting consultants consultancy consultores consultoria conseil
		development desarrollo developpement management gestion environmental ambiental
		waste solutions soluciones supplies supply suministros equipment equipos
		infrastructure civil civiles works obras travaux building builders
		commercial comercial comercializadora communications telecommunications telecom
		real estate inmobiliaria properties property
		engineers ingenieros engenharia
		branch sucursal regional global worldwide
		upravlenie upravleniya menedzhment gerenciamento razvitie razvitiya
		proekt proekty proekta proektov projekat projekt solution solucoes soluzioni
		generalnyy generalnaya generalnoe generalnogo generalnoy generalnykh
		globalnyy globalnaya globalnye globalnogo mondial mondiale kuresel regionales
		kommercheskiy kommercheskaya kommercheskoe kommercheskogo kommercheskoy kommercheskikh
		commerciale commerciaux`) {
		m[w] = true
	}
	return m
}()
