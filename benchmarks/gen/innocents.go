package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"unicode"
	"unicode/utf8"
)

// locale makes company names for one country in the script the country
// writes them in, from ordinary words: a family or place name, a sector and
// a legal form. The parts are common words on purpose, so innocents look
// like real consignees (and, for transliterated Chinese or Russian names,
// share tokens with listed parties the way real ones do).
type locale struct {
	iso    string
	weight float64 // share of the innocent pool
	parts  [][]string
	format string // fmt verbs, one per part; "" when the last part is the format
}

func (l locale) name(r *rand.Rand) string {
	args := make([]any, len(l.parts))
	for i, p := range l.parts {
		args[i] = p[r.IntN(len(p))]
	}
	return fmt.Sprintf(l.format, args...)
}

// combos is how many distinct names the locale can make.
func (l locale) combos() int {
	n := 1
	for _, p := range l.parts {
		n *= len(p)
	}
	return n
}

var (
	deFamily = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Huber", "Kaiser", "Fuchs", "Peters", "Möller", "Scholz", "Jung", "Hahn", "Vogel", "Keller"}
	dePlace  = []string{"Stuttgarter", "Kölner", "Bremer", "Dresdner", "Leipziger", "Hamburger", "Münchner", "Nürnberger", "Badische", "Schwäbische", "Rheinische", "Westfälische", "Sächsische", "Bayerische", "Hessische"}
	deSector = []string{"Maschinenbau", "Elektrotechnik", "Präzisionstechnik", "Antriebstechnik", "Messtechnik", "Hydraulik", "Sensorik", "Kunststofftechnik", "Logistik", "Industriebedarf", "Werkzeugbau", "Oberflächentechnik", "Verpackungstechnik", "Feinmechanik", "Anlagenbau", "Gießerei", "Stahlhandel", "Elektronik"}
	deForm   = []string{"GmbH", "AG", "GmbH & Co. KG", "KG", "e.K.", "SE"}

	frFamily = []string{"Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Garnier", "Faure", "André", "Blanchard", "Gauthier", "Perrin", "Morel", "Roux", "Lambert", "Barbier", "Lemoine", "Renaud", "Picard", "Clément"}
	frSector = []string{"Électronique", "Industrie", "Mécanique de Précision", "Systèmes", "Instruments", "Technologies", "Chaudronnerie", "Équipements Industriels", "Logistique", "Composites", "Optique", "Automatismes"}
	frForm   = []string{"SA", "SAS", "SARL", "SNC"}

	itFamily = []string{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani"}
	itSector = []string{"Meccanica", "Elettronica", "Automazione", "Strumenti", "Sistemi", "Componenti", "Oleodinamica", "Carpenteria", "Trasporti", "Impianti", "Utensileria", "Plastica"}
	itForm   = []string{"S.p.A.", "S.r.l.", "S.n.c.", "S.a.s."}

	esFamily = []string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil"}
	esSector = []string{"Ingeniería", "Componentes", "Electrónica", "Suministros Industriales", "Tecnología", "Logística", "Automatización", "Metalúrgica", "Instrumentación", "Maquinaria"}
	esForm   = []string{"S.A.", "S.L.", "S.L.U.", "S.A. de C.V."}

	plFamily = []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski"}
	plSector = []string{"Elektronika", "Technika", "Automatyka", "Systemy", "Przemysł", "Maszyny", "Hydraulika", "Logistyka", "Narzędzia", "Konstrukcje"}
	plForm   = []string{"Sp. z o.o.", "S.A.", "Sp.k."}

	trFamily = []string{"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek"}
	trSector = []string{"Makine", "Elektronik", "Otomotiv", "Tekstil", "Lojistik", "Mühendislik", "Metal", "Plastik", "Enerji", "Kimya"}
	trForm   = []string{"A.Ş.", "Ltd. Şti.", "Sanayi ve Ticaret A.Ş.", "San. Tic. Ltd. Şti."}

	nlFamily = []string{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen"}
	nlSector = []string{"Techniek", "Installatietechniek", "Machinebouw", "Logistiek", "Elektrotechniek", "Handelsonderneming", "Metaalbewerking", "Transport"}
	nlForm   = []string{"B.V.", "N.V.", "V.O.F."}

	enFamily = []string{"Harrington", "Whitfield", "Ashford", "Caldwell", "Pemberton", "Sterling", "Blackwood", "Granger", "Holloway", "Kensington", "Maxwell", "Redfield", "Summit", "Pinecrest", "Riverside", "Lakeshore", "Bradford", "Cromwell", "Fairbanks", "Hargreaves", "Lockwood", "Northgate", "Oakridge", "Prescott", "Sutton", "Thornbury", "Wexford", "Yardley", "Brookfield", "Eastwood"}
	enSector = []string{"Instruments", "Electronics", "Engineering", "Components", "Industrial Supply", "Technologies", "Controls", "Photonics", "Precision Parts", "Systems", "Logistics", "Fabrication", "Hydraulics", "Laboratories", "Plastics", "Metals", "Tooling", "Packaging"}
	usForm   = []string{"Inc.", "LLC", "Corp.", "Co.", "Corporation", "Incorporated"}
	gbForm   = []string{"Ltd", "Limited", "plc", "LLP"}

	ruRoot  = []string{"Техно", "Электро", "Прибор", "Спец", "Пром", "Энерго", "Гидро", "Радио", "Авто", "Строй", "Агро", "Нефте", "Мед", "Транс", "Тепло", "Газ"}
	ruTail  = []string{"снаб", "сервис", "комплект", "систем", "торг", "маш", "ресурс", "монтаж", "проект", "инвест", "техника", "логистик"}
	ruCity  = []string{"Уральский", "Сибирский", "Волжский", "Северный", "Южный", "Балтийский", "Невский", "Донской", "Камский", "Окский"}
	ruForm  = []string{"ООО", "АО", "ПАО", "ЗАО"}
	kzForm  = []string{"ТОО", "АО"}
	uaForm  = []string{"ТОВ", "ПрАТ", "ПП"}
	uaRoot  = []string{"Київ", "Дніпро", "Харків", "Львів", "Одеса", "Поділ", "Слобожан", "Запоріж", "Чернігів", "Полтав"}
	uaTail  = []string{"агро", "буд", "маш", "постач", "сервіс", "трейд", "енерго", "прилад"}
	rsForm  = []string{"д.о.о.", "а.д."}
	rsRoot  = []string{"Београд", "Нови Сад", "Ниш", "Крагујевац", "Суботица", "Чачак"}
	rsTail  = []string{"Инжењеринг", "Трговина", "Електро", "Машинство", "Транспорт", "Градња"}
	elRoot  = []string{"Αθηναϊκή", "Μακεδονική", "Ελληνική", "Θεσσαλική", "Κρητική", "Ηπειρωτική", "Αιγαίου", "Ιονική"}
	elTail  = []string{"Τεχνική", "Ηλεκτρονική", "Εμπορική", "Βιομηχανική", "Ναυτιλιακή", "Κατασκευαστική", "Μεταλλουργική"}
	elForm  = []string{"Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε."}
	cnCity  = []string{"深圳市", "上海", "北京", "广州", "苏州", "杭州", "宁波", "东莞", "成都", "天津", "青岛", "厦门", "武汉", "南京", "佛山", "无锡"}
	cnBrand = []string{"华强", "新科", "恒通", "宏达", "联创", "瑞丰", "永盛", "鑫源", "天成", "博远", "盛世", "金桥", "东方", "明辉", "佳和", "恒信", "润泽", "德邦", "安达", "远航", "正泰", "飞龙", "汇丰", "嘉诚"}
	cnTrade = []string{"电子有限公司", "科技有限公司", "贸易有限公司", "精密机械有限公司", "光电科技有限公司", "进出口有限公司", "实业有限公司", "五金制品有限公司", "塑胶制品有限公司", "物流有限公司"}
	cnLCity = []string{"Shenzhen", "Shanghai", "Ningbo", "Dongguan", "Suzhou", "Xiamen", "Hangzhou", "Qingdao", "Foshan", "Wuxi", "Guangzhou", "Tianjin"}
	cnLBrnd = []string{"Huaqiang", "Xinke", "Hengtong", "Hongda", "Lianchuang", "Ruifeng", "Yongsheng", "Tiancheng", "Boyuan", "Jinqiao", "Minghui", "Jiahe", "Hengxin", "Runze", "Anda", "Yuanhang", "Feilong", "Jiacheng"}
	cnLTail = []string{"Electronics Co., Ltd.", "Technology Co., Ltd.", "Trading Co., Ltd.", "Import & Export Co., Ltd.", "Precision Machinery Co., Ltd.", "Industrial Co., Ltd.", "Hardware Products Co., Ltd.", "Plastic Products Co., Ltd.", "Logistics Co., Ltd."}
	twBrand = []string{"台灣", "台北", "新竹", "台中", "高雄", "桃園"}
	twTail  = []string{"精密工業股份有限公司", "電子股份有限公司", "科技股份有限公司", "光電股份有限公司", "機械股份有限公司"}
	jpFam   = []string{"山田", "田中", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本", "松本", "井上", "木村", "林", "清水", "山口", "森", "池田"}
	jpTail  = []string{"製作所", "工業", "商事", "精機", "電機", "化学", "産業", "技研", "物産", "電子"}
	jpForm  = []string{"株式会社%s%s", "%s%s株式会社", "有限会社%s%s"}
	jpLFam  = []string{"Yamada", "Tanaka", "Sato", "Suzuki", "Takahashi", "Ito", "Watanabe", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamamoto", "Matsumoto", "Inoue", "Kimura", "Shimizu"}
	jpLTail = []string{"Seisakusho Co., Ltd.", "Kogyo K.K.", "Shoji Co., Ltd.", "Seiki Co., Ltd.", "Denki K.K.", "Sangyo Co., Ltd.", "Giken Co., Ltd."}
	koFam   = []string{"대한", "한국", "삼성", "동양", "세진", "우진", "한빛", "대성", "신흥", "태양", "현대", "미래", "서울", "부산", "경남", "동아"}
	koTail  = []string{"정밀", "전자", "산업", "기계", "상사", "테크", "화학", "물산", "엔지니어링", "금속"}
	koForm  = []string{"주식회사 %s%s", "%s%s 주식회사", "(주)%s%s"}
	arFam   = []string{"الخليج", "النور", "الفجر", "الأمل", "الرواد", "الصفوة", "المستقبل", "الريادة", "الشرق", "الوطنية", "الاتحاد", "الهلال", "البحر", "النخيل", "الواحة"}
	arTail  = []string{"للتجارة", "للمقاولات", "للصناعات", "للإلكترونيات", "للتقنية", "للخدمات اللوجستية", "للاستيراد والتصدير", "للمعدات"}
	arLFam  = []string{"Al Khaleej", "Al Noor", "Al Fajr", "Al Amal", "Al Rowad", "Al Safwa", "Al Mustaqbal", "Al Riyada", "Al Sharq", "Al Wataniya", "Al Ittihad", "Al Hilal", "Al Nakheel", "Al Waha"}
	arLTail = []string{"Trading LLC", "General Trading L.L.C.", "Contracting Co.", "Industries FZE", "Electronics FZCO", "Technical Services LLC", "Equipment Trading Est."}
	heFam   = []string{"אלקטרו", "טכנו", "מערכות", "הנדסה", "גליל", "כרמל", "נגב", "שרון"}
	heTail  = []string{"בע\"מ", "תעשיות בע\"מ", "אחזקות בע\"מ", "סחר בע\"מ"}
	hiFam   = []string{"भारत", "गंगा", "सूर्या", "श्री राम", "लक्ष्मी", "हिमालय", "कावेरी", "नर्मदा"}
	hiTail  = []string{"इंजीनियरिंग", "इलेक्ट्रॉनिक्स", "उद्योग", "ट्रेडर्स", "टेक्नोलॉजीज़", "मशीनरी"}
	hiForm  = []string{"प्राइवेट लिमिटेड", "लिमिटेड"}
	inFam   = []string{"Bharat", "Ganga", "Surya", "Shree Ram", "Lakshmi", "Himalaya", "Kaveri", "Narmada", "Tata", "Mahalaxmi", "Sai", "Balaji", "Shakti", "Vishwa", "Om"}
	inTail  = []string{"Engineering", "Electronics", "Industries", "Traders", "Technologies", "Machinery", "Exports", "Enterprises", "Forgings", "Polymers"}
	inForm  = []string{"Pvt. Ltd.", "Private Limited", "Ltd.", "LLP"}
	thFam   = []string{"สยาม", "ไทย", "กรุงเทพ", "เจริญ", "รุ่งเรือง", "ศรี", "บูรพา", "ล้านนา"}
	thTail  = []string{"อิเล็กทรอนิกส์", "วิศวกรรม", "เทรดดิ้ง", "อุตสาหกรรม", "เทคโนโลยี"}
	thForm  = []string{"บริษัท %s%s จำกัด", "บริษัท %s%s จำกัด (มหาชน)"}
	viFam   = []string{"Phú Thành", "Hòa Bình", "Tân Phát", "Việt Tiến", "Minh Long", "Thành Công", "Đại Dương", "Hưng Thịnh", "An Phát", "Sao Mai"}
	viTail  = []string{"Thương mại", "Điện tử", "Cơ khí", "Xuất nhập khẩu", "Công nghệ", "Vận tải"}
	viForm  = []string{"Công ty TNHH %s %s", "Công ty Cổ phần %s %s"}
	brFam   = []string{"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Araújo"}
	brTail  = []string{"Indústria e Comércio", "Comércio de Peças", "Engenharia", "Equipamentos Industriais", "Eletrônica", "Logística", "Máquinas", "Importação e Exportação"}
	brForm  = []string{"Ltda.", "S.A.", "EIRELI", "ME"}
	svFam   = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindqvist", "Bergström"}
	svTail  = []string{"Mekaniska Verkstad", "Elektronik", "Industri", "Teknik", "Automation", "Hydraulik", "Verktyg"}
	svForm  = []string{"AB", "Aktiebolag", "HB"}
	csFam   = []string{"Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Pokorný", "Marek"}
	csTail  = []string{"Strojírny", "Elektro", "Technik", "Obchodní", "Slévárna", "Automatizace", "Kovovýroba"}
	csForm  = []string{"s.r.o.", "a.s.", "spol. s r.o."}
)

// locales are weighted roughly like the consignee mix of an EU exporter:
// mostly EU and OECD partners, a long tail of other markets and scripts.
var locales = []locale{
	{"DE", 10, [][]string{deFamily, deSector, deForm}, "%s %s %s"},
	{"DE", 4, [][]string{dePlace, deSector, deForm}, "%s %s %s"},
	{"AT", 2, [][]string{deFamily, deFamily, deForm}, "%s & %s %s"},
	{"FR", 6, [][]string{frFamily, frSector, frForm}, "%s %s %s"},
	{"IT", 5, [][]string{itFamily, itSector, itForm}, "%s %s %s"},
	{"ES", 4, [][]string{esFamily, esSector, esForm}, "%s %s %s"},
	{"MX", 1, [][]string{esFamily, esFamily, esForm}, "%s y %s %s"},
	{"PL", 3, [][]string{plFamily, plSector, plForm}, "%s %s %s"},
	{"CZ", 2, [][]string{csFam, csTail, csForm}, "%s %s %s"},
	{"NL", 3, [][]string{nlFamily, nlSector, nlForm}, "%s %s %s"},
	{"SE", 2, [][]string{svFam, svTail, svForm}, "%s %s %s"},
	{"TR", 3, [][]string{trFamily, trSector, trForm}, "%s %s %s"},
	{"US", 8, [][]string{enFamily, enSector, usForm}, "%s %s %s"},
	{"GB", 5, [][]string{enFamily, enSector, gbForm}, "%s %s %s"},
	{"BR", 2, [][]string{brFam, brTail, brForm}, "%s %s %s"},
	{"RU", 2, [][]string{ruForm, ruRoot, ruTail}, "%s «%s%s»"},
	{"RU", 1, [][]string{ruCity, ruRoot, ruTail, ruForm}, "%s %s%s %s"},
	{"KZ", 1, [][]string{kzForm, ruRoot, ruTail}, "%s \"%s%s\""},
	{"UA", 1, [][]string{uaForm, uaRoot, uaTail}, "%s \"%s%s\""},
	{"RS", 1, [][]string{rsRoot, rsTail, rsForm}, "%s %s %s"},
	{"GR", 1, [][]string{elRoot, elTail, elForm}, "%s %s %s"},
	{"CN", 6, [][]string{cnCity, cnBrand, cnTrade}, "%s%s%s"},
	{"CN", 5, [][]string{cnLCity, cnLBrnd, cnLTail}, "%s %s %s"},
	{"TW", 1, [][]string{twBrand, cnBrand, twTail}, "%s%s%s"},
	{"JP", 2, [][]string{jpFam, jpTail, jpForm}, ""},
	{"JP", 2, [][]string{jpLFam, jpLTail}, "%s %s"},
	{"KR", 2, [][]string{koFam, koTail, koForm}, ""},
	{"AE", 2, [][]string{arFam, arTail}, "%s %s"},
	{"AE", 2, [][]string{arLFam, arLTail}, "%s %s"},
	{"IL", 1, [][]string{heFam, heTail}, "%s %s"},
	{"IN", 1, [][]string{hiFam, hiTail, hiForm}, "%s %s %s"},
	{"IN", 3, [][]string{inFam, inTail, inForm}, "%s %s %s"},
	{"TH", 1, [][]string{thFam, thTail, thForm}, ""},
	{"VN", 1, [][]string{viFam, viTail, viForm}, ""},
}

// localeName draws one name. Locales without a fixed format (Japanese,
// Korean, Thai, Vietnamese) draw their format as the last part: the legal
// form wraps the name, before or after it.
//
// Two names in five join two words of the locale's main word list
// ("Müller-Schmidt", "山田田中"), as partnerships and merged firms do; this
// gives each locale enough distinct names for a 10M-row batch's pool.
func localeName(r *rand.Rand, l locale) string {
	if r.IntN(5) < 2 {
		l = doubled(r, l)
	}
	if l.format != "" {
		return l.name(r)
	}
	a := l.parts[0][r.IntN(len(l.parts[0]))]
	b := l.parts[1][r.IntN(len(l.parts[1]))]
	f := l.parts[2][r.IntN(len(l.parts[2]))]
	return fmt.Sprintf(f, a, b)
}

// doubled returns l with its longest word list replaced by one pair of its
// words, joined by a hyphen, or directly in scripts written without spaces.
func doubled(r *rand.Rand, l locale) locale {
	k := 0
	for i, p := range l.parts {
		if len(p) > len(l.parts[k]) && !(l.format == "" && i == len(l.parts)-1) {
			k = i
		}
	}
	a, b := l.parts[k][r.IntN(len(l.parts[k]))], l.parts[k][r.IntN(len(l.parts[k]))]
	if a == b {
		return l
	}
	join := "-"
	if first, _ := utf8.DecodeRuneInString(a); unicode.In(first, unicode.Han, unicode.Hangul, unicode.Thai, unicode.Hiragana, unicode.Katakana) {
		join = ""
	}
	parts := append([][]string(nil), l.parts...)
	parts[k] = []string{a + join + b}
	l.parts = parts
	return l
}

// LoadSECNames reads the SEC EDGAR company list
// (shipments/company_names/sec_company_tickers.json): real, mostly
// US-registered filers, used as innocent consignees. Names come back sorted
// and distinct so the generator's draw does not depend on map order.
func LoadSECNames(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows map[string]struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := make(map[string]bool, len(rows))
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		if r.Title != "" && !seen[r.Title] {
			seen[r.Title] = true
			out = append(out, r.Title)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no company titles", path)
	}
	sort.Strings(out)
	return out, nil
}
