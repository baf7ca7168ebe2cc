package matchers

import "strings"

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
	{"technology", "tech", "technologies", "technologie", "technologii", "tekhnologii", "tekhnologiya", "tekhnologiy", "tekhnologi", "tecnologia", "tecnologias", "teknoloji", "teknolojileri", "technologia", "technological", "tekhnologicheskaya", "tekhnologicheskiy", "tekhnologicheskii", "tekhnologicheskoe"},
	{"electronics", "electronic", "elektronika", "elektronik", "electronica", "elektronnye", "elektroniki", "electronique", "elektronnoy", "elektronnoi"},
	{"service", "services", "servis", "servisez", "servisy", "servicos", "servicios", "servizi", "servicio", "servico", "servizio", "sluzhba", "sluzhby", "sluzhbi", "uslug", "uslugi", "obsluzhivaniya"},
	{"group", "groupe", "grupo", "gruppa", "grupp", "grup", "gruppe", "groups", "gruppy", "grupa", "gruppo", "hrupa", "groupement"},
	{"plant", "zavod", "factory", "works", "fabrika", "plants", "zavody"},
	{"center", "centre", "tsentr", "centr", "centro", "merkezi", "centers", "centres", "tsentrov"},
	{"institute", "institut", "instituto", "istituto", "instytut", "instituta", "institutu"},
	{"bureau", "byuro", "buro"},
	{"research", "scientific", "nauchno", "nauchnyy", "nauchnyi", "nauchnoe", "issledovatelskiy", "issledovatelskii", "issledovatelsky"},
	{"production", "proizvodstvennoe", "proizvodstvennoye", "proizvodstvennaya", "proizvodstvennyy", "proizvodstvennyi", "proizvodstvenno", "proizvodstvenny"},
	{"association", "assn", "assoc", "obedinenie", "obyedineniye", "obedineniye", "obedinenija", "associacion", "asociacion", "associazione", "associations", "associacao", "asociaciones", "assotsiatsiya", "assotsiatsii", "asotsiatsiya", "asotsiatsiia", "associaciya", "assotsiacija", "obyedinenie", "obyednannya", "obyednannia"},
	{"enterprise", "enterprises", "predpriyatie", "predpriyatiye", "predpriyatiya", "pradpryemstva", "empresa", "entreprise", "entreprises", "predpriyatiy", "pidpryiemstvo", "impresa"},
	{"holding", "holdings", "kholding", "kholdingovaya", "kholdyng"},
	{"engineering", "inzhiniring", "ingenieria", "ingenierie"},
	{"automobile", "automotive", "avtomobilnyy", "avtomobilnyi", "avtomobilny", "automobiles", "otomotiv"},
	{"aviation", "aviatsionnyy", "aviatsionnyi", "aviatsionny", "aviacion", "aviazione"},
	{"international", "intl", "internatsional", "interneshnl", "interneyshnl", "internacional", "internationale", "internazionale", "mezhdunarodnyy", "mezhdunarodnaya", "mezhdunarodnyi", "uluslararasi", "internationales", "internacionales", "internazionali", "internacionais", "internatsionalnyy", "internatsionalnaya", "internatsionalnye"},
	{"trading", "trade", "trad", "trdg", "torgovyy", "torgovaya", "torgovyi", "torgovoye", "torgovoe", "ticaret", "torgovlya", "torhivlya", "torgovo", "torgovye", "torgovykh", "torgovy", "treid", "treyd", "comercio", "commercio", "impex", "impeks"},
	{"industrial", "industries", "industry", "promyshlennyy", "promyshlennaya", "promyshlennyi", "promyshlennoe", "sanayi", "industrie", "industria", "industriya", "industrias", "promyshlennosti", "industrii", "industriia", "industrialnyy", "industrialnyi", "industriales", "industriel", "industrielle", "industriale", "industriali", "industriais", "industrija", "industrije", "endustri", "endustriyel"},
	{"systems", "system", "sistemy", "sistema", "sistem", "sistemas", "systemy", "systeme", "systemes"},
	{"investment", "investments", "investitsii", "investitsionnaya", "investitsionnyy", "inversiones", "investimenti"},
	{"machines", "machine", "machinery", "mashiny", "mashina", "mashin", "makine", "makina", "maquinaria"},
	// Money exchange houses name their trade as a noun or a gerund ("AL-OMQY
	// FOR EXCHANGING CO." / "AL-OMAQY EXCHANGE CORPORATION", "ASMA MONEY
	// EXCHANGER'S"), as trading and manufacturing firms do.
	{"exchange", "exchanges", "exchanging", "exchanger", "exchangers"},
	{"logistics", "logistika", "lojistik", "logistica", "logistique"},
	{"distribution", "distributsiya", "distribuciya", "distribucion", "distribuzione"},
	{"energy", "energiya", "energia", "energie", "enerji"},
	{"special", "spetsialnoe", "spetsialnoye", "spetsialnyy", "spetsialnyi", "spetsialnaya", "especial", "spetsialna", "spetsialne", "specijalni", "speciale"},
	{"experimental", "opytnoe", "opytno", "opytnyy", "opytnyi"},
	{"design", "konstruktorskoe", "konstruktorskoye", "konstruktorskiy", "konstruktorskii", "proektno", "proektnoe"},
	{"federal", "federalnoe", "federalnyy", "federalnyi", "federalnaya", "federalnogo", "federalnoy", "federalnye", "federalnykh", "federalnomu", "federalnym", "federalnom", "federalnymi", "federalna", "federalniy", "federalnoi", "federalne"},
	{"national", "natsionalnyy", "natsionalnaya", "natsionalnyi", "nacional", "nationale", "nazionale", "natsionalnye", "natsionalnogo", "natsionalnoy", "natsionalnykh", "natsionalnoe", "natsionalna", "nacionalnyy", "nacionalna", "ulusal"},
	{"shipyard", "verf", "shipyards"},
	{"instruments", "instrument", "pribor", "pribory"},
	// Abbreviations clerks and publishers write for common words ("KOREA
	// SAMMA SHPG CO", "GEN. TRAD. & CONT. CO.", "ACME MFG"), and English
	// words with the romanised Russian a list prints for them ("JSC Armour
	// Repair Plant" / "ARMORED REPAIR PLANT", "NVS Navigation
	// Technologies" / "NVS NAVIGATSIONNYE TEKHNOLOGII", "Technological Park
	// of Cosmonautics" / "TEKHNOLOGICHESKII PARK KOSMONAVTIKI").
	{"leasing", "lizing", "lizingovaya", "lizingovaia"},
	{"shipping", "shpg"},
	{"manufacturing", "mfg", "manufacture", "manufacturers", "manufacturer"},
	{"contracting", "contractors", "contractor", "cont", "contratistas", "contratista"},
	{"armored", "armoured", "armour", "armor", "bronetankovyy", "bronetankovyi", "bronetankovy"},
	{"navigation", "navigational", "navigatsionnye", "navigatsionnyy", "navigatsionnyi", "navigatsionnaya", "navigatsii", "navigatsiya"},
	{"cosmonautics", "kosmonavtiki", "kosmonavtika", "cosmonautika"},
	{"concern", "kontsern", "koncern", "konzern"},
	// The trades Turkish and Spanish firms list in their names ("ADEMHAN
	// MAKINE TARIM INSAAT GIDA NAKLIYAT ITHALAT IHRACAAT SANAYI VE TICARET",
	// "CONTRATISTAS GENERALES"): two firms sharing trades are not one firm.
	{"construction", "constructions", "insaat", "construcciones", "constructora", "construtora", "construcoes", "stroitelnaya", "stroitelnyy", "stroitelnyi", "stroitelstvo"},
	{"agriculture", "agricultural", "tarim", "agricola"},
	{"import", "ithalat", "ith", "importacion", "importaciones", "imports", "importy", "importa"},
	{"export", "ihracat", "ihracaat", "ihr", "exportacion", "exportaciones", "exports", "eksport", "eksporta", "eksportu", "eksporty"},
	{"transport", "nakliyat", "nakliye", "tasimacilik", "transportation", "transportnaya", "transportnyy", "transportnyi", "transportnoe", "transporte", "transporti"},
	{"technical", "tekhnicheskiy", "tekhnicheskii", "tekhnicheskaya", "tekhnicheskoe", "tekhnicheskogo", "tekhnichesky"},
	// What kind of body an organisation is, in the lists' languages
	// ("Gosudarstvennaya Korporatsiya Rostekh" / "State Corporation
	// Rostec", "Fundacion" / "Foundation"). Fund and foundation stay apart:
	// they are two kinds of body. Ministry is left a word: a ministry is
	// named by its field, which alone would then carry its name ("MINISTRY
	// OF PEOPLE'S SECURITY" came within 0.01 of "PEOPLES SE").
	{"organization", "organisation", "organizations", "organisations", "organizatsiya", "organizatsii", "orhanizatsiya", "orhanizatsiia", "organizacion", "organizacija", "organizacije", "organizzazione"},
	{"agency", "agence", "agentur", "agencia", "agenzia", "ajans", "agentstvo", "agentstva"},
	{"fund", "funds", "fond", "fondo", "fonds", "fundo"},
	{"foundation", "fondation", "fundacion", "fondacion", "fundacija", "stiftung"},
	{"committee", "committees", "komitet", "komiteta", "komitety", "komitetu"},
	{"institution", "uchrezhdenie", "institucija"},
	{"club", "clube", "klub", "kulup", "circolo"},
	{"consortium", "konsortsium", "consorcio"},
	{"brothers", "bros", "hermanos", "freres", "fratelli", "irmaos"},
	{"business", "businesses", "biznes"},
	{"state", "gosudarstvennoe", "gosudarstvennaya", "gosudarstvennyy", "gosudarstvennyi", "gosudarstvennogo", "gosudarstvennoy", "gosudarstvennykh", "gosudarstvennye", "gosudarstvennom", "gosudarstvennym", "staatlich", "staatliche", "staatliches"},
	{"government", "pravitelstvo", "gobierno", "gouvernement", "regierung"},
	{"central", "centrale", "tsentralnyy", "tsentralnaya", "tsentralnye", "tsentralnogo", "tsentralnoy"},
	{"republic", "republics", "respublika", "respubliki", "respublik", "republique", "repubblica", "republika", "republica", "cumhuriyet", "respublikanskiy", "respublikanskaya", "respublikanskogo", "respublikanskoy"},
	{"municipal", "munitsipalnyy", "munitsipalnaya", "munitsipalnoe", "munitsipalnogo", "munitsipalnoy", "munitsipalnykh", "munitsypalnyi", "munitsypalna"},
}

// orgWordPhrases are organisation words written as two or more words in
// their language, mapped to the English word(s) orgWordVariants uses:
// Vietnamese writes each syllable apart ("Công ty Cổ phần Thương mại Vận
// tải": trading, transport). Without them the syllables of a trade are
// rare words that two unrelated Vietnamese firms share.
var orgWordPhrases = map[string]string{
	"thuong mai":     "trading",
	"van tai":        "transport",
	"xuat nhap khau": "import export",
	"dien tu":        "electronics",
	"cong nghe":      "technology",
	"co khi":         "machines",
	"dau tu":         "investment",
	"xay dung":       "construction",
	"dich vu":        "service",
	"san xuat":       "production",
	"phat trien":     "development",
	"tap doan":       "group",
}

// orgWordCanon holds the word each group of orgWordVariants is written as:
// a name holding one is an organisation's.
var orgWordCanon = func() map[string]bool {
	m := make(map[string]bool, len(orgWordVariants))
	for _, g := range orgWordVariants {
		m[g[0]] = true
	}
	return m
}()

// placeAdjectiveEndings end the Russian adjective of a place name as lists
// romanise it (-sky, -skiy, -skii, -skaya, -skoe, -skogo), and the place
// name itself when it ends in -sk (Zelenodolsk).
var placeAdjectiveEndings = []string{"skogo", "skaya", "skaia", "skoye", "skoe", "skiy", "skii", "skij", "skyy", "skyi", "sky", "ski", "sk"}

// Lengths below which a word is left whole: a short stem ("om" of Omsky)
// is no name, and a short word ending in -sk or -ski is no adjective.
const (
	minPlaceAdjective = 8
	minPlaceStem      = 5
)

// placeStem returns a word of an organisation's name without the ending of
// a Russian place adjective: a firm is named after its town either way
// ("JSC Zelenogradsky Nanotechnology Center" / "JSC ZELENOGRAD
// NANOTECHNOLOGY CENTER", "Krylovsky State Research Center" / "KRYLOV STATE
// SCIENTIFIC CENTER", "Obukhovsky Plant"), and romanisations end the
// adjective four ways. Only organisation names are stemmed: in a person's
// name the ending belongs to the surname (Kowalski is not Kowal).
func placeStem(w string) string {
	if len(w) < minPlaceAdjective {
		return w
	}
	for _, e := range placeAdjectiveEndings {
		if stem, ok := strings.CutSuffix(w, e); ok && len(stem) >= minPlaceStem {
			return stem
		}
	}
	return w
}

// techSpelling writes the Russian romanisation "tekh" (тех, of technology
// and technical) as English does, "tech", in a word the tables do not
// know: firms coin names from it and publishers spell them both ways ("AK
// MIKROTEKH" / "AK MICROTECH", "RusBITekh" / "RusBITech", "NPK TEKHMASH" /
// "JSC SPC TECHMASH"). The spelling key folds k and c but keeps kh and ch
// apart, so they were not found. (Writing tech as tekh instead also finds
// TEKNODINAMIKA / TEKHNODINAMIKA, but flags GlobalTech against GLOBALTEK.)
func techSpelling(w string) string {
	if len(w) < 5 || !strings.Contains(w, "tek") {
		return w
	}
	return techReplacer.Replace(w)
}

// techReplacer also writes "tekn" (the h left out: "Radioteknika") as
// "techn", so it meets "radiotekhnika" written "radiotechnika".
var techReplacer = strings.NewReplacer("tekh", "tech", "tekn", "techn")

// swapRespelt reports whether tok, with two neighbours after its first
// letter swapped back, is a word techSpelling writes as v: a slip of the
// hand in a romanised "tekh" ("INTEHK" for INTEKH, which the lists' names
// read as intech) is tested against the word the normaliser made of the
// listed one, so the swap is undone before the spelling is.
func swapRespelt(tok, v string) bool {
	if len(tok) < 5 || len(v) != len(tok) && len(v) != len(tok)+1 || !strings.Contains(v, "tech") {
		return false
	}
	b := []byte(tok)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == b[i+1] {
			continue
		}
		b[i], b[i+1] = b[i+1], b[i]
		if techSpelling(string(b)) == v {
			return true
		}
		b[i], b[i+1] = b[i+1], b[i]
	}
	return false
}

// cutZavod returns what a Russian compound ending in -zavod (plant) is
// made of before it ("Radiozavod" / "Radio Plant", "Botlikhski
// Radiozavod" / "Botlikh Radio Plant"): publishers translate the word
// whole or in parts.
func cutZavod(w string) (string, bool) {
	stem, ok := strings.CutSuffix(w, "zavod")
	return stem, ok && len(stem) >= 4
}

// numberedShipyard reports whether raw[i] is SRZ, the Russian
// sudoremontny zavod (ship repair plant), in a name that holds a number:
// the Navy's yards are numbered, and lists write one yard either way ("AO
// 10 SRZ" / "10 SHIPYARD", "JOINT-STOCK COMPANY 33 SRZ" / "JSC 33
// SHIPYARD", "35-y SRZ" / "35th Ship Repair Plant"). Alone beside a legal
// form the letters name other plants ("AO SRZ", the Saratov Radio
// Instrument Plant), and read as shipyard there they would leave a name
// of a legal form and an organisation word that any shipyard matches.
func numberedShipyard(raw []string, i int) bool {
	if raw[i] != "srz" {
		return false
	}
	for _, w := range raw {
		if wordKind(w) == TokNumber {
			return true
		}
	}
	return false
}
