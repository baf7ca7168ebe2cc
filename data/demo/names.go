package demo

import (
	"fmt"
	"math/rand/v2"
)

// countryNames builds plausible company names for one country from word
// parts, in the script the country writes them in. The parts are ordinary
// words, so that innocent names rarely resemble a listed party.
type countryNames struct {
	iso    string
	weight float64 // share of consignees; a few sanctioned destinations are rare on purpose
	make   func(r *rand.Rand) string
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func parts(a, b, c []string, format string) func(r *rand.Rand) string {
	return func(r *rand.Rand) string { return fmt.Sprintf(format, pick(r, a), pick(r, b), pick(r, c)) }
}

var (
	deFamily = []string{"Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange", "Braun"}
	deSector = []string{"Elektronik", "Maschinenbau", "Präzisionstechnik", "Automation", "Messtechnik", "Antriebstechnik", "Hydraulik", "Sensorik", "Industriebedarf"}
	deForm   = []string{"GmbH", "AG", "GmbH & Co. KG", "KG"}

	frName   = []string{"Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet", "Rousseau", "Fontaine", "Chevalier", "Mercier"}
	frSector = []string{"Électronique", "Industrie", "Mécanique de Précision", "Systèmes", "Instruments", "Technologies"}
	frForm   = []string{"SA", "SAS", "SARL"}

	itName   = []string{"Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti"}
	itSector = []string{"Meccanica", "Elettronica", "Automazione", "Strumenti", "Sistemi", "Componenti"}
	itForm   = []string{"S.p.A.", "S.r.l."}

	esName   = []string{"García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"}
	esSector = []string{"Ingeniería", "Componentes", "Electrónica", "Suministros Industriales", "Tecnología"}
	esForm   = []string{"S.A.", "S.L."}

	plName   = []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański"}
	plSector = []string{"Elektronika", "Technika", "Automatyka", "Systemy", "Przemysł"}
	plForm   = []string{"Sp. z o.o.", "S.A."}

	enName   = []string{"Harrington", "Whitfield", "Ashford", "Caldwell", "Pemberton", "Sterling", "Blackwood", "Granger", "Holloway", "Kensington", "Maxwell", "Redfield", "Summit", "Pinecrest", "Riverside", "Lakeshore"}
	enSector = []string{"Instruments", "Electronics", "Engineering", "Components", "Industrial Supply", "Technologies", "Controls", "Photonics", "Precision Parts", "Systems"}
	usForm   = []string{"Inc.", "LLC", "Corp.", "Co."}
	gbForm   = []string{"Ltd", "Limited", "plc"}

	ruRoot  = []string{"Техно", "Электро", "Прибор", "Спец", "Пром", "Энерго", "Гидро", "Радио", "Авто", "Стро"}
	ruTail  = []string{"снаб", "сервис", "комплект", "систем", "торг", "маш", "ресурс", "монтаж"}
	ruForm  = []string{"ООО", "АО", "ПАО"}
	ruLatin = []string{"Tekhno", "Elektro", "Pribor", "Spets", "Prom", "Energo", "Gidro", "Radio"}
	ruLTail = []string{"snab", "servis", "komplekt", "sistem", "torg", "mash", "resurs", "montazh"}

	cnCity  = []string{"深圳市", "上海", "北京", "广州", "苏州", "杭州", "宁波", "东莞", "成都", "天津"}
	cnBrand = []string{"华强", "新科", "恒通", "宏达", "联创", "中科", "瑞丰", "永盛", "鑫源", "天成", "博远", "盛世"}
	cnTrade = []string{"电子有限公司", "科技有限公司", "贸易有限公司", "精密机械有限公司", "光电科技有限公司", "进出口有限公司"}
	cnLatin = []string{"Shenzhen", "Shanghai", "Ningbo", "Dongguan", "Suzhou", "Xiamen"}
	cnLBrnd = []string{"Huaqiang", "Xinke", "Hengtong", "Hongda", "Lianchuang", "Ruifeng", "Yongsheng", "Tiancheng"}
	cnLTail = []string{"Electronics Co., Ltd.", "Technology Co., Ltd.", "Trading Co., Ltd.", "Import & Export Co., Ltd."}

	arWord   = []string{"الخليج", "النور", "الأمل", "الشرق", "الفجر", "الريان", "الواحة", "السلام", "المستقبل", "البحر"}
	arSector = []string{"للتجارة العامة", "للإلكترونيات", "للتقنية", "للشحن والتخليص", "للمعدات الصناعية"}
	arForm   = []string{"ذ.م.م", "ش.م.م", "المحدودة"}

	faWord   = []string{"پارس", "آریا", "کاوه", "صنعت", "نوین", "البرز"}
	faSector = []string{"الکترونیک", "تجارت", "فناوری", "صنایع"}

	grWord   = []string{"Αθηναϊκή", "Ελληνική", "Μακεδονική", "Αιγαίο", "Ολυμπιακή", "Κρητική"}
	grSector = []string{"Τεχνική", "Ηλεκτρονική", "Εμπορική", "Βιομηχανική"}
	grForm   = []string{"Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε."}

	jpWord   = []string{"山田", "東京", "大阪", "日本", "富士", "北陸", "中央", "高橋"}
	jpSector = []string{"電機", "精密", "工業", "計測", "電子"}

	krWord   = []string{"한빛", "대한", "미래", "세진", "동양", "한결"}
	krSector = []string{"전자", "테크", "산업", "정밀"}

	trWord   = []string{"Anadolu", "Ege", "Marmara", "Kuzey", "Yıldız", "Akdeniz", "Başkent"}
	trSector = []string{"Elektronik", "Makina", "Teknoloji", "Endüstri", "Dış Ticaret"}
	trForm   = []string{"A.Ş.", "Ltd. Şti."}

	hiWord   = []string{"Shree", "Bharat", "Ganesh", "Sai", "Krishna", "Vardhman", "Om"}
	hiSector = []string{"Engineering Works", "Electronics", "Industries", "Instruments", "Technologies"}
	hiForm   = []string{"Pvt. Ltd.", "Ltd", "LLP"}

	ptName   = []string{"Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida"}
	ptSector = []string{"Indústria", "Eletrônica", "Equipamentos", "Tecnologia"}
	ptForm   = []string{"Ltda.", "S.A."}

	heWord   = []string{"אורות", "גליל", "כרמל", "נגב", "שחר"}
	heSector = []string{"מערכות", "אלקטרוניקה", "הנדסה"}
)

// countries is the consignee mix: EU partners and large markets dominate,
// with a thin tail of destinations under embargo (RU, BY, IR, KP).
var countries = []countryNames{
	{"DE", 14, parts(deFamily, deSector, deForm, "%s %s %s")},
	{"FR", 7, parts(frName, frSector, frForm, "%[1]s %[2]s %[3]s")},
	{"IT", 6, parts(itName, itSector, itForm, "%s %s %s")},
	{"ES", 4, parts(esName, esSector, esForm, "%s %s %s")},
	{"PL", 4, parts(plName, plSector, plForm, "%s %s %s")},
	{"NL", 3, parts(enName, enSector, []string{"B.V.", "N.V."}, "%s %s %s")},
	{"US", 12, parts(enName, enSector, usForm, "%s %s %s")},
	{"GB", 6, parts(enName, enSector, gbForm, "%s %s %s")},
	{"CN", 10, func(r *rand.Rand) string {
		if r.IntN(3) == 0 {
			return fmt.Sprintf("%s %s %s", pick(r, cnLatin), pick(r, cnLBrnd), pick(r, cnLTail))
		}
		return pick(r, cnCity) + pick(r, cnBrand) + pick(r, cnTrade)
	}},
	{"HK", 2, parts(cnLatin, cnLBrnd, cnLTail, "%s %s %s")},
	{"JP", 4, parts(jpWord, jpSector, []string{"株式会社"}, "%[3]s%[1]s%[2]s")},
	{"KR", 3, parts(krWord, krSector, []string{"주식회사"}, "%[1]s%[2]s %[3]s")},
	{"TR", 4, parts(trWord, trSector, trForm, "%s %s %s")},
	{"AE", 3, parts(arWord, arSector, arForm, "شركة %s %s %s")},
	{"SA", 1, parts(arWord, arSector, arForm, "مؤسسة %s %s %s")},
	{"GR", 2, parts(grWord, grSector, grForm, "%s %s %s")},
	{"IN", 4, parts(hiWord, hiSector, hiForm, "%s %s %s")},
	{"BR", 2, parts(ptName, ptSector, ptForm, "%s %s %s")},
	{"IL", 1, parts(heWord, heSector, []string{"בע\"מ"}, "%s %s %s")},
	{"KZ", 1, parts(ruRoot, ruTail, []string{"ТОО"}, "%[3]s «%[1]s%[2]s»")},
	{"RS", 1, parts(ruLatin, ruLTail, []string{"d.o.o."}, "%s%s %s")},
	{"UA", 1, parts(ruRoot, ruTail, []string{"ТОВ"}, "%[3]s «%[1]s%[2]s»")},
	{"RU", 0.35, func(r *rand.Rand) string {
		if r.IntN(2) == 0 {
			return fmt.Sprintf("OOO %s%s", pick(r, ruLatin), pick(r, ruLTail))
		}
		return fmt.Sprintf("%s «%s%s»", pick(r, ruForm), pick(r, ruRoot), pick(r, ruTail))
	}},
	{"BY", 0.1, parts(ruRoot, ruTail, []string{"ОАО", "ЗАО"}, "%[3]s «%[1]s%[2]s»")},
	{"IR", 0.1, parts(faWord, faSector, []string{"شرکت"}, "%[3]s %[1]s %[2]s")},
	{"KP", 0.02, parts([]string{"Korea", "Pyongyang", "Chosun"}, []string{"Trading", "General", "Machinery"}, []string{"Corporation", "Company"}, "%s %s %s")},
}

// exporters are the EU companies shipping the goods: a handful, as in a
// real export department's data.
var exporters = []struct{ name, country string }{
	{"Schmidt Industrietechnik GmbH", "DE"},
	{"Schmidt Industrietechnik GmbH", "DE"},
	{"Schmidt Industrietechnik GmbH", "DE"},
	{"Schmidt Sensorsysteme GmbH", "DE"},
	{"Nordlicht Photonics AG", "DE"},
	{"Lumière Systèmes SAS", "FR"},
	{"Vasconi Automazione S.p.A.", "IT"},
	{"Delta Kryptotechnik B.V.", "NL"},
	{"Helix Secure Networks Oy", "FI"},
	{"Wisła Elektronika Sp. z o.o.", "PL"},
}

// goods pairs a description with its CN code and EU dual-use control code
// (empty when not listed). Most shipments are ordinary goods.
var goods = []struct {
	desc, cn, control string
	weight            float64
}{
	{"Ball bearings, steel", "84821010", "", 9},
	{"Industrial valves", "84818081", "", 8},
	{"Printed circuit boards, multilayer", "85340011", "", 8},
	{"Pressure transmitters", "90262020", "", 6},
	{"Lithium-ion battery packs", "85076000", "", 6},
	{"Laboratory glassware", "70171000", "", 4},
	{"Office furniture, metal", "94031058", "", 3},
	{"Hydraulic pumps", "84136031", "", 5},
	{"Kugellager und Ersatzteile", "84821090", "", 3},
	{"Capteurs de température", "90251920", "", 3},
	{"Quartz crystal oscillators", "85416000", "", 4},
	{"Servo motors", "85015100", "", 4},
	{"Encrypted IP network router", "85176200", "5A002", 2.5},
	{"Hardware security module", "84718000", "5A002", 1.5},
	{"Verschlüsselungs-Gateway für Behördennetze", "85176200", "5A002", 1},
	{"IP network communications surveillance system", "85176200", "5A001.j", 0.4},
	{"Lawful interception monitoring centre", "84714900", "5A001.j", 0.2},
	{"Intrusion software command and delivery platform", "84718000", "4A005", 0.15},
	{"High-performance computing cluster", "84714100", "4A003", 0.6},
	{"Five-axis machining centre", "84571010", "2B001", 0.8},
	{"Thermal imaging camera module", "85258900", "6A003", 0.8},
	{"Caméra thermique infrarouge refroidie", "85258900", "6A003", 0.3},
	{"Frequency changer for gas centrifuges", "85044084", "3A225", 0.1},
	{"Carbon fibre prepreg", "68151900", "1C010", 0.5},
	{"Triethanolamine", "29221500", "1C350", 0.4},
	{"Digital sampling oscilloscope", "90302000", "3A002", 0.7},
	{"Microwave frequency synthesiser", "85432000", "3A002", 0.4},
	{"Unmanned aerial vehicle, fixed wing", "88062200", "9A012", 0.2},
}
