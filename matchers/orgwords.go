package matchers

// orgWordVariants are the words company and institution names are made of,
// grouped with their inflections, their romanised Russian, Ukrainian and
// Belarusian forms and their spellings in other languages, as publishers
// write them for one party: "NEWAY TECHNOLOGIES LIMITED" / "NeWay
// Technology Ltd.", "JSC Navis-Electronics" / "AO NAVIS ELEKTRONIKA",
// "Botlikh Radio Plant" / "Botlikhski Radiozavod", "Experimental Design
// Bureau" / "Opytno Konstruktorskoe Byuro". The normaliser writes every
// word as the first of its group, so they match exactly and share one IDF.
// Written for dualscreen from the vocabulary of the lists themselves
// (OFAC and EU transliterations of Russian entity names). Only words of
// the same meaning are grouped, and only words that are never a person's
// name part.
var orgWordVariants = [][]string{
	{"technology", "technologies", "technologie", "technologii", "tekhnologii", "tekhnologiya", "tekhnologiy", "tekhnologi", "tecnologia", "tecnologias", "teknoloji", "teknolojileri", "technologia", "technological", "tekhnologicheskaya", "tekhnologicheskiy", "tekhnologicheskii", "tekhnologicheskoe"},
	{"electronics", "electronic", "elektronika", "elektronik", "electronica", "elektronnye", "elektroniki", "electronique", "elektronnoy", "elektronnoi"},
	{"service", "services", "servis", "servisez", "servisy", "servicos", "servicios", "servizi"},
	{"group", "groupe", "grupo", "gruppa", "grup", "gruppe", "groups"},
	{"plant", "zavod", "factory", "works", "fabrika", "plants", "zavody"},
	{"center", "centre", "tsentr", "centr", "centro", "merkezi", "centers", "centres"},
	{"institute", "institut", "instituto", "istituto"},
	{"bureau", "byuro", "buro"},
	{"research", "scientific", "nauchno", "nauchnyy", "nauchnyi", "nauchnoe", "issledovatelskiy", "issledovatelskii", "issledovatelsky"},
	{"production", "proizvodstvennoe", "proizvodstvennoye", "proizvodstvennaya", "proizvodstvennyy", "proizvodstvennyi", "proizvodstvenno"},
	{"association", "obedinenie", "obyedineniye", "obedineniye", "obedinenija", "associacion", "asociacion", "associazione"},
	{"enterprise", "enterprises", "predpriyatie", "predpriyatiye", "predpriyatiya", "pradpryemstva", "empresa", "entreprise"},
	{"holding", "holdings", "kholding", "kholdingovaya"},
	{"engineering", "inzhiniring", "ingenieria", "ingenierie"},
	{"automobile", "automotive", "avtomobilnyy", "avtomobilnyi", "avtomobilny", "automobiles"},
	{"aviation", "aviatsionnyy", "aviatsionnyi", "aviatsionny", "aviacion", "aviazione"},
	{"international", "internatsional", "internacional", "internationale", "internazionale", "mezhdunarodnyy", "mezhdunarodnaya", "mezhdunarodnyi", "uluslararasi"},
	{"trading", "trade", "torgovyy", "torgovaya", "torgovyi", "torgovoye", "torgovoe", "ticaret"},
	{"industrial", "industries", "industry", "promyshlennyy", "promyshlennaya", "promyshlennyi", "promyshlennoe", "sanayi", "industrie", "industria", "industriya", "industrias"},
	{"systems", "system", "sistemy", "sistema", "sistem", "sistemas", "systemy"},
	{"investment", "investments", "investitsii", "investitsionnaya", "investitsionnyy", "inversiones", "investimenti"},
	{"machines", "machine", "mashiny", "mashina", "mashin"},
	{"logistics", "logistika", "lojistik", "logistica", "logistique"},
	{"distribution", "distributsiya", "distribuciya", "distribucion", "distribuzione"},
	{"energy", "energiya", "energia", "energie"},
	{"special", "spetsialnoe", "spetsialnoye", "spetsialnyy", "spetsialnyi", "spetsialnaya", "especial"},
	{"experimental", "opytnoe", "opytno", "opytnyy", "opytnyi"},
	{"design", "konstruktorskoe", "konstruktorskoye", "konstruktorskiy", "konstruktorskii", "proektno", "proektnoe"},
	{"federal", "federalnoe", "federalnyy", "federalnyi", "federalnaya"},
	{"national", "natsionalnyy", "natsionalnaya", "natsionalnyi", "nacional", "nationale", "nazionale"},
	{"shipyard", "verf", "shipyards"},
	{"instruments", "instrument", "pribor", "pribory"},
}
