package matchers

import (
	"slices"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// Each normalisation rule with real-looking names in their own scripts.
func TestNormalise(t *testing.T) {
	tests := []struct {
		rule, in, want string
		honorifics     []string
	}{
		// NFKC and case folding
		{"nfkc full-width", "ＴＯＹＯＴＡ　ＴＳＵＳＨＯ", "toyota tsusho", nil},
		{"nfkc ligature", "ﬁnance ﬂeet", "finance fleet", nil},
		{"case fold sharp s", "GROSSMANN Straße", "grossmann strasse", nil},
		// diacritics and Latin folds
		{"diacritics", "José Ramón Müller-Lüdenscheidt", "jose ramon muller ludenscheidt", nil},
		{"latin stroke letters", "Łukasz Øystein Ærøskøbing Đorđević", "lukasz oystein aeroskobing dordevic", nil},
		{"turkish dotless i", "IŞIK Yıldız", "isik yildiz", nil},
		// transliteration: Cyrillic by language
		{"russian", "Сергей Сергеевич Иванов", "sergey sergeevich ivanov", nil},
		{"russian shch and soft sign", "Щербаков Игорь Юрьевич", "shcherbakov igor yurevich", nil},
		{"ukrainian h and y", "Богдан Хмельницький, Київ", "bohdan khmelnytskyi kyiv", nil},
		{"ukrainian yi ye", "Київська Європейська", "kyivska yevropeiska", nil},
		{"belarusian u-short", "Лукашэнка Ўладзіслаў", "lukashenka uladzislau", nil},
		{"given-name variants", "Mohamed Abdel Sergei Aleksander Volodymyr", "muhammad abd sergey aleksandr vladimir", nil},
		// other scripts
		{"greek", "Αλέξης Τσίπρας", "alexis tsipras", nil},
		{"arabic consonant skeleton", "محمد بن سلمان", "mhmd slman", nil},
		{"arabic harakat give vowels", "مُحَمَّد", "muhammad", nil},
		// tatweel (kashida) only stretches the line between letters
		{"arabic tatweel is no letter", "مـحـمـد بن سـلـمـان", "mhmd slman", nil},
		{"persian letters", "حسن روحانی", "hsn rwhany", nil},
		{"hebrew", "בנימין נתניהו", "bnymyn ntnyhv", nil},
		{"armenian", "Սերժ Սարգսյան", "serzh sargsyan", nil},
		{"georgian", "მიხეილ სააკაშვილი", "mikhail saakashvili", nil},
		{"chinese pinyin per syllable", "习近平", "xi jin ping", nil},
		{"korean as lists write it", "김정은", "kim jong un", nil},
		{"korean surname pak", "박봉주", "pak pong ju", nil},
		{"arabic-indic digits", "مصنع ٧٧", "msn 77", nil},
		// more spellings of one given name
		{"given-name variants 2", "Moussa Majeed Khaleel Noor Hamed Saleh Khusein", "musa majid khalil nur hamid salih husayn", nil},
		// Korean given-name syllables, McCune-Reischauer and Revised
		{"korean syllables", "KIM, Kang-chin; SHIN Yong Il; CHOI Bu-il; KU Seung Sub; Ri Eun Song", "kim kang jin sin yong il choe pu il ku sung sop ri un song", nil},
		{"korean syllables 2", "Kim Hyeon Cheol, Gwang Gyeong Bong Deok", "kim hyon chol kwang kyong pong tok", nil},
		// particles joined to the next part of an Arabic name
		{"abdel joined", "ES SAYED, Abdelkader Mahmoud", "sayed abd kader mahmud", nil},
		{"abd spaced", "Abd El Kader Mahmoud", "abd kader mahmud", nil},
		{"abder joined", "Abderrahmane Ould el Amar", "abd rahmane amar", nil},
		{"abdur joined, one r", "Shamsurrahman Abdurahman; Abderazak", "shamsurrahman abd rahman abd razak", nil},
		{"abu joined", "TANTOUSH, Ibrahim Abubaker", "tantoush ibrahim abu baker", nil},
		{"muhammad joined", "TOULAI, Mohammadhassan; Mohammadreza; Mohamedali; Mahammadkazem", "toulai muhammad hasan muhammad reza muhammad ali muhammad kazem", nil},
		{"a surname from muhammad stays whole", "MOHAMMADIAN, Ali; MOHAMMADI", "mohammadian ali mohammadi", nil},
		{"al-din joined", "Pahlawan Shamsuddin; SAFIEDDINE; Ghayasudin", "pahlawan shams din safi din ghayas din", nil},
		{"al-din apart", "Noor ud Din Turabi", "nur din turabi", nil},
		{"allah joined", "Atiqullah; FARZADI, Hedayatollah; NASRALLAH", "atiq ullah farzadi hedayat ullah nasr ullah", nil},
		{"abdullah is a name of its own", "Abdullahi Abdulla Abdou", "abdullahi abdullah abdou", nil},
		{"abu before a vowel stays a word", "Abundance Holdings", "abundance holding", nil},
		// legal forms across languages and scripts
		{"ooo cyrillic", "ООО «Концерн «Сириус»", "llc concern sirius", nil},
		{"ooo romanised", "OOO Kontsern Sirius", "llc concern sirius", nil},
		{"numbered srz as shipyard", "JOINT-STOCK COMPANY 33 SRZ; AO 10 SRZ; 35-y SRZ", "jsc 33 shipyard jsc 10 shipyard 35 shipyard", nil},
		{"srz without a number kept", "SRZ PAO", "srz jsc", nil},
		{"exchange as a gerund", "AL-OMQY FOR EXCHANGING CO.; ASMA MONEY EXCHANGERS", "omqy exchange co asma money exchange", nil},
		{"russian long form", "Общество с ограниченной ответственностью «Ромашка»", "llc romashka", nil},
		{"romanised long form", "Obshchestvo s ogranichennoi otvetstvennostyu Romashka", "llc romashka", nil},
		{"ukrainian tov", "ТОВ «Укрспецекспорт»", "llc ukrspetseksport", nil},
		{"ukrainian long form", "Товариство з обмеженою відповідальністю «Ромашка»", "llc romashka", nil},
		{"joint stock", "Open Joint Stock Company Sirius", "jsc sirius", nil},
		{"pjsc", "PJSC Aeroflot", "jsc aeroflot", nil},
		{"initials spelling a form", "Sirius J.S.C.", "sirius jsc", nil},
		{"english", "Mahan Air Limited Liability Company", "mahan air llc", nil},
		{"gmbh", "Müller Maschinenbau GmbH", "muller maschinenbau llc", nil},
		{"polish", "Łódź Elektronika Sp. z o.o.", "lodz electronics llc", nil},
		{"chinese", "华为技术有限公司", "hua wei ji shu llc", nil},
		{"chinese joint stock", "中兴通讯股份有限公司", "zhong xing tong xun jsc", nil},
		{"japanese", "東芝株式会社", "dong zhi jsc", nil},
		{"korean", "삼성전자 주식회사", "sam song jon ja jsc", nil},
		{"company and co", "Anglo-Caribbean Co., Ltd.", "anglo caribbean llc", nil},
		{"slip in a long form", "Obschestvo s ogranichennoi otvestvennostyu Neobit", "llc neobit", nil},
		{"slip in a long form that another spelling shortens", "OBSHCHESTVO S OGRANICHENNOI OTVETSTSVENNOSTYU PSB LIZING", "llc psb leasing", nil},
		{"slip in joint stock", "JOINT STOCK COMMPANY VTB BANK", "jsc vtb bank", nil},
		// abbreviations of common words, English and romanised Russian
		{"shpg", "KOREA SAMMA SHPG CO", "korea samma shipping co", nil},
		{"gen trad cont", "ORCHIDIA REGIONAL GEN. TRAD. & CONT. CO.", "orchidia regional gen trading contracting co", nil},
		{"intl mfg assn", "Acme Intl Mfg Assn", "acme international manufacturing association", nil},
		{"lizing", "PSB LIZING OOO", "psb leasing llc", nil},
		{"tech", "Zhongke Tech Co., Ltd.", "zhongke technology llc", nil},
		{"armour", "JSC Armour Repair Plant No. 144", "jsc armored repair plant no 144", nil},
		{"navigatsionnye", "OOO NVS NAVIGATSIONNYE TEKHNOLOGII", "llc nvs navigation technology", nil},
		{"kosmonavtiki", "ZAO TEKHNOLOGICHESKII TSENTR KOSMONAVTIKI LINKOS", "jsc technology center cosmonautics linkos", nil},
		// the adjective of a place name in an organisation's name, any ending
		{"place adjective -sky", "JSC Zelenogradsky Nanotechnology Center", "jsc zelenograd nanotechnology center", nil},
		{"place noun -sk", "Zelenodolsk Design Bureau JSC", "zelenodol design bureau jsc", nil},
		{"place adjective -skoye", "DOLGOPRUDNENSKOYE NPP OAO", "dolgoprudnen soe jsc", nil},
		{"place adjective -ski", "JSC MYTISHCHINSKI MACHINE-BUILDING PLANT", "jsc mytishchin machines building plant", nil},
		{"a person's surname keeps its ending", "KOWALSKI, Jan Zelenogradsky", "kowalski jan zelenogradsky", nil},
		{"ao leading a two-part name", "AO MARPOSADKABEL", "jsc marposadkabel", nil},
		// Russian and Belarusian types of enterprise count as legal forms
		{"nii", "AO NII VEKTOR", "jsc soe vektor", nil},
		{"npk cyrillic", "АО «НПК «Макрооптика»", "jsc soe makrooptika", nil},
		{"rpa", "RPA RUSBITECH JSC", "soe rusbitech jsc", nil},
		{"republican unitary enterprise", "REPUBLICAN UNITARY ENTERPRISE BELTAMOZHSERVICE", "soe beltamozhservice", nil},
		{"rup", "РУП «Белтаможсервис»", "soe beltamozhservis", nil},
		{"fgbu of science", "Federal State Budgetary Institution of Science Institute of Physics", "soe institute physics", nil},
		{"ano romanised", "Avtonomnaya Nekommercheskaya Organizatsiya Eshelon", "soe eshelon", nil},
		{"sez", "JSC SEZ TECHNOPOLIS MOSCOW", "jsc soe technopolis moscow", nil},
		{"special economic zone", "JOINT STOCK COMPANY SPECIAL ECONOMIC ZONE TECHNOPOLIS MOSCOW", "jsc soe technopolis moscow", nil},
		{"mkooo", "CHLODWIG ENTERPRISES MKOOO", "chlodwig enterprise llc", nil},
		{"foreign trade association", "JOINT STOCK COMPANY FOREIGN TRADE ASSOCIATION ELEKTRONINTORG", "jsc soe elektronintorg", nil},
		{"state company romanised", "GOSUDARSTVENNAYA KOMPANIYA AVTODOR", "soe avtodor", nil},
		{"international spelt back from Russian", "LOGISTIK INTERNEYSHNL SERVIS OOO", "logistik international service llc", nil},
		{"tekh written tech", "AK MIKROTEKH; NPK TEKHMASH OAO", "ak mikrotech soe techmash jsc", nil},
		{"tekn (the h left out) written techn", "Volga Radioteknika; Volga Radiotekhnika", "volga radiotechnika volga radiotechnika", nil},
		{"state enterprise romanised", "Gosudarstvennoe Predpriyatie Universal-Avia", "soe universal avia", nil},
		{"gk state corporation", "GK AVTODOR ROSSII", "soe avtodor rossii", nil},
		{"initial ia is ya", "Plant named after Ia. M. Sverdlov", "plant ya m sverdlov", nil},
		{"burmese mg", "SWE, Khin Mg", "swe khin maung", nil},
		{"fc financial corporation", "Otkritie FC Bank", "otkritie corp bank", nil},
		{"financial corporation", "PJSC BANK FINANCIAL CORPORATION OTKRITIE", "jsc bank corp otkritie", nil},
		{"aozt", "AOZT Vega", "jsc vega", nil},
		{"okb spelt out", "LIMITED LIABILITY COMPANY EXPERIMENTAL DESIGN BUREAU TEKHNIKA", "llc soe technika", nil},
		{"okb romanised", "OOO OPYTNO KONSTRUKTORSKOE BYURO TEKHNIKA", "llc soe technika", nil},
		{"stc", "STC Orion LLC", "soe orion llc", nil},
		{"zavod compound", "AKTSIONERNOE OBSCHESTVO YAROSLAVSKIY RADIOZAVOD", "jsc yaroslav radio plant", nil},
		{"zavod alone", "Zavod Kirova", "plant kirova", nil},
		{"tk and tc", "OOO TK FLY BRIDGE", "llc co fly bridge", nil},
		{"two-letter type in a short name stays a word", "TC Energy", "tc energy", nil},
		{"no slip alone", "Limitex Trading", "limitex trading", nil},
		{"kazakh too", "TOO Elem Group", "lp elem group", nil},
		{"ambiguous form after a long part", "ENIKS AO", "eniks jsc", nil},
		{"ambiguous form before a short part", "AO Jin", "ao jin", nil},
		{"latvian sia", "ELEKTROOPTIKA SIA", "elektrooptika llc", nil},
		// offices and branches are the company; "head" only in "head office"
		{"head office", "ANGARSK REFINERY Head Office", "angarsk refinery", nil},
		{"branch in parentheses", "Iran Air (Moscow Branch)", "iran air moscow", nil},
		{"head as a name", "China Head Aerospace Group", "china head aerospace group", nil},
		// what a unit does, before the unit word that ends the name
		{"trading division", "QUANTLOG OY Trading Division", "quantlog jsc", nil},
		{"export sales department", "Rostekh Komplekt LLC Export Sales Department", "rostech komplekt llc", nil},
		{"procurement office", "Kuryonggang Trading Corporation Procurement Office", "kuryonggang trading corp", nil},
		{"unit word not at the end", "Export Department of the Ministry of Defence", "export ministry defence", nil},
		{"qualifier as a name word", "Yas Trading Office Complex", "yas trading complex", nil},
		{"organisation words", "Botlikhski Radiozavod Tekhnologii", "botlikh radio plant technology", nil},
		{"vietnamese", "Công ty Cổ phần An Phát Thương mại", "jsc an phat trading", nil},
		{"vietnamese tnhh", "Công ty TNHH Minh Long Xuất nhập khẩu", "llc minh long import export", nil},
		{"thai", "บริษัท สยามเทคโนโลยี จำกัด (มหาชน)", "co " + Normalise("สยามเทคโนโลยี").String() + " llc jsc", nil},
		{"russian bank form", "JOINT STOCK COMMERCIAL BANK NOVIKOMBANK", "jsc novikombank", nil},
		{"russian bank form in cyrillic", "Акционерный коммерческий банк «Новикомбанк»", "jsc novikombank", nil},
		{"turkish and", "Aslan Metal Sanayi ve Ticaret A.Ş.", "aslan metal industrial trading jsc", nil},
		{"spanish and", "Moreno y Gómez S.A.", "moreno gomez jsc", nil},
		{"given name with a slip", "FALLAHZADEH, Mohmamad Reza", "fallahzadeh muhammad reza", nil},
		{"another name one letter longer", "Ahmadi Abdullahi", "ahmadi abdullahi", nil},
		{"rank in an organisation", "General Department of Research and Intelligence", "general research intelligence", nil},
		// honorifics and particles
		{"joined abdul before a three-letter part", "AbdulHaq Wasiq", "abd haq wasiq", nil},
		{"joined abdoul before an ending", "Abdoulaye Diallo", "abdoulaye diallo", nil},
		{"haji", "Haji Khairullah Barakzai", "khair ullah barakzai", []string{"haji"}},
		{"title inside the name", "AL ZAWAHIRI, Dr. Ayman", "zawahiri ayman", []string{"dr"}},
		{"mullah and sheikh", "Mullah Sheikh Abdul Ghani", "abd ghani", []string{"mullah", "sheikh"}},
		{"ayatollah, which the normaliser reads as ayat ullah", "KHAMENEI, Ayatollah Ali", "khamenei ali", []string{"ayat", "ullah"}},
		// Sayyid in each of its spellings, as lists and clerks write it
		{"sayyid spelt seyed", "ADNANI, Seyed Mohammad", "adnani muhammad", []string{"seyed"}},
		{"sayyid spelt syed", "Syed Sadudin", "sad din", []string{"syed"}},
		{"rank phrase", "Lieutenant General Qasem Soleimani", "qasim soleimani", []string{"lieutenant", "general"}},
		{"honorific kept when it is the name", "General Dynamics", "general dynamics", nil},
		{"honorific kept in a company", "General Trading LLC", "general trading llc", nil},
		{"arabic honorific", "الشيخ محمد علي", "mhmd ali", []string{"alshykh"}},
		{"article al", "Al-Qaida in the Arabian Peninsula", "qaida arabian peninsula", nil},
		{"particles only are kept", "The", "the", nil},
		// numbers and punctuation
		{"apostrophe joins", "O'Brien Ja'far", "obrien jafar", nil},
		{"punctuation splits", "IVANOV,Sergei/Sergeevich (a.k.a. Iwanow)", "ivanov sergey sergeevich iwanow", nil},
		{"numbers kept", "Plant No. 7 of 12", "plant no 7 12", nil},
		// a firm's initials, spaced or hyphenated, are one word; a person's stay apart
		{"firm initials hyphenated", "Z-R GROUP SAL HOLDING", "zr group jsc holding", nil},
		{"firm initials dotted, a particle among them", "M.E.N.A. SUGAR COMPANY", "mena sugar co", nil},
		{"person initials", "TOLKIEN, J. R. R.", "tolkien j r r", nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got := Normalise(tt.in)
			if got.String() != tt.want {
				t.Errorf("Normalise(%q) = %q, want %q", tt.in, got.String(), tt.want)
			}
			if !slices.Equal(got.Honorifics, tt.honorifics) {
				t.Errorf("Normalise(%q) honorifics = %q, want %q", tt.in, got.Honorifics, tt.honorifics)
			}
			if again := Normalise(got.String()).String(); again != got.String() {
				t.Errorf("not idempotent: %q -> %q -> %q", tt.in, got.String(), again)
			}
		})
	}
}

func TestNormaliseTokenKinds(t *testing.T) {
	// (one initial: a firm's run of them is one word, joinLetterRuns)
	got := Normalise("J. Smith 1974 LLC").Tokens
	want := []Token{{"j", TokInitial}, {"smith", TokWord}, {"1974", TokNumber}, {"llc", TokLegal}}
	if !slices.Equal(got, want) {
		t.Fatalf("tokens = %v, want %v", got, want)
	}
}

func TestPhoneticKey(t *testing.T) {
	groups := [][]string{
		{"muhammad", "mohammed", "mohamed", "muhamad", "mhmd"},
		{"sergeevich", "sergejewitsch"},
		{"ivanov", "iwanow"},
		{"juhni", "jahani"},
		{"kontsern", "concern"},
		{"khalid", "khaled", "khld"},
		{"yusuf", "iusuf", "usuf"},
	}
	for _, g := range groups {
		want := string(phoneticKey(nil, g[0]))
		for _, s := range g[1:] {
			if got := string(phoneticKey(nil, s)); got != want {
				t.Errorf("phoneticKey(%q) = %q, want %q as for %q", s, got, want, g[0])
			}
		}
	}
	for _, pair := range [][2]string{{"ivanov", "petrov"}, {"ali", "omar"}, {"7406784", "7406785"}} {
		if a, b := string(phoneticKey(nil, pair[0])), string(phoneticKey(nil, pair[1])); a == b {
			t.Errorf("phoneticKey(%q) = phoneticKey(%q) = %q", pair[0], pair[1], a)
		}
	}
}

// A numbered ship repair plant written SRZ on one list and Shipyard on
// another is one yard, either way round; the letters alone (the Saratov
// Radio Instrument Plant's "SRZ PAO") are no shipyard.
func TestNumberedShipyard(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{
		firmEntry("ofac_sdn", "1", "AO 10 SRZ"),
		firmEntry("eu_journal", "2", "JSC 33 SHIPYARD"),
		firmEntry("ofac_sdn", "3", "SRZ PAO"),
	}, "ofac_sdn", 6, "SHIPYARD JSC", "TRADING LLC")
	m := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct {
		query, id string
		found     bool
	}{
		{"10 SHIPYARD", "1", true},
		{"JOINT-STOCK COMPANY 33 SRZ", "2", true},
		{"JSC SHIPYARD", "3", false},
	} {
		s, expl := scoreOf(m, tt.query, tt.id)
		if (s >= DefaultThreshold) != tt.found {
			t.Errorf("%q against %s: %.3f (%s), want found %v", tt.query, tt.id, s, expl, tt.found)
		}
	}
}

// A legal-form phrase read through a slip wins over the shorter phrase its
// first words make as written: "LIMITED LIABILTY COMPANY" is one form, not
// "limited" and two words left over that weigh against the match.
func TestLegalSlipLongerPhrase(t *testing.T) {
	for _, c := range []struct{ slip, right string }{
		{"YOOMONEY LIMITED LIABILLITY COMPANY", "YOOMONEY LIMITED LIABILITY COMPANY"},
		{"CARGO SERVICE LIMITED LIABILTY COMPANY", "CARGO SERVICE LIMITED LIABILITY COMPANY"},
		{"DUNIA LIMITED LIABILITY COMAPNY FOR INFORMATION", "DUNIA LIMITED LIABILITY COMPANY FOR INFORMATION"},
	} {
		if a, b := joinTokens(Normalise(c.slip).Tokens), joinTokens(Normalise(c.right).Tokens); a != b {
			t.Errorf("%q normalises to %q, %q to %q", c.slip, a, c.right, b)
		}
	}
}

// A Cyrillic initial whose romanisation has several letters (Ю yu, Ж zh,
// Ш sh) is one initial, as it is in the name it stands for.
func TestCyrillicInitialsOneLetter(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Гладышев А. Ю.", "gladyshev a y"},
		{"Ю. В. Андропов", "y v andropov"},
		{"Шаповал Ж. Ш.", "shapoval z s"},
		{"Юрий Андропов", "yuriy andropov"}, // a word keeps its letters
	} {
		if got := Normalise(tt.in).String(); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	m := NewAligned([]*lists.Entry{personEntry("eu_journal", "40", "Александр Юрьевич ГЛАДЫШЕВ")}, Options{Threshold: 0.1})
	if got, why := scoreOf(m, "ИП Гладышев А. Ю.", "40"); got < 0.85 {
		t.Errorf("ИП Гладышев А. Ю. against Александр Юрьевич ГЛАДЫШЕВ: %.3f (%s)", got, why)
	}
}

// A short word of a legal form (five or six letters) with a letter
// doubled or two neighbours swapped is the word inside a phrase with a
// word written right; other slips of short words, a swap of the first
// letter, and the word alone are left as written.
func TestLegalSlipShortWord(t *testing.T) {
	for _, c := range []struct{ slip, right string }{
		{"PUBLIC JOINT-SSTOCK COMPANY BANK VVB", "PUBLIC JOINT-STOCK COMPANY BANK VVB"},
		{"Volgotanker Joinnt Stock Company", "Volgotanker Joint Stock Company"},
		{"JOINT STOOCK COMPANY ELEMENT", "JOINT STOCK COMPANY ELEMENT"},
		{"EXPOBANK JONIT STOCK COMPANY", "EXPOBANK JOINT STOCK COMPANY"},
		{"JOINT STCOK COMPANY SHVABE", "JOINT STOCK COMPANY SHVABE"},
		{"VTB BANK PUBILC JOINT STOCK COMPANY", "VTB BANK PUBLIC JOINT STOCK COMPANY"},
	} {
		if a, b := joinTokens(Normalise(c.slip).Tokens), joinTokens(Normalise(c.right).Tokens); a != b {
			t.Errorf("%q normalises to %q, %q to %q", c.slip, a, c.right, b)
		}
	}
	for _, c := range []struct{ name, word string }{
		{"JOIT STOCK COMPANY ELEMENT", "joit"},    // a letter left out of a short word
		{"STOOCK ELEMENT", "stoock"},              // no phrase to complete
		{"JOINT STOOCK AND BARREL LTD", "stoock"}, // no phrase to complete
		{"OJINT STOCK COMPANY ELEMENT", "ojint"},  // the first letter moved
	} {
		found := false
		for _, tk := range Normalise(c.name).Tokens {
			found = found || tk.Text == c.word
		}
		if !found {
			t.Errorf("%q lost its word %q: %v", c.name, c.word, Normalise(c.name).Tokens)
		}
	}
}
