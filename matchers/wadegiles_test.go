package matchers

import (
	"slices"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestWadeGilesTable(t *testing.T) {
	for _, tt := range []struct {
		wg   string
		want []string
	}{
		{"chang", []string{"chang", "zhang"}}, // ch'ang / chang once the apostrophe goes
		{"hsu", []string{"xu"}},
		{"hsieh", []string{"xie"}},
		{"chien", []string{"jian", "qian"}},
		{"tsai", []string{"cai", "zai"}},
		{"kuo", []string{"guo", "kuo"}},
		{"chih", []string{"chi", "zhi"}},
		{"tzu", []string{"ci", "zi"}},
		{"jung", []string{"rong"}},
		{"kuei", []string{"gui", "kui"}},
		{"yung", []string{"yong"}},
	} {
		if got := wadeGilesSyllables[tt.wg]; !slices.Equal(got, tt.want) {
			t.Errorf("wadeGilesSyllables[%q] = %v, want %v", tt.wg, got, tt.want)
		}
	}
	for _, w := range []string{"chang", "hsu", "wong", "kwok", "tsang", "hsiao", "tzu"} {
		if !readsAsChinese(w) {
			t.Errorf("readsAsChinese(%q) = false", w)
		}
	}
	for _, w := range []string{"krans", "ryong", "smith", "baker", "mohammed"} {
		if readsAsChinese(w) {
			t.Errorf("readsAsChinese(%q) = true", w)
		}
	}
}

func TestChineseName(t *testing.T) {
	nw := getNormWork()
	defer putNormWork(nw)
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"HSU, Kuo-chiang", true},
		{"CHANG, Wen-Fu", true}, // chang written jang: read through its group
		{"TSANG, Kwok-wai", true},
		{"WONG Siu Ming", true},
		{"ZHANG, Wenfu", false}, // pinyin: pinyin.go's
		{"KUO, Tai-ming", true}, // every word pinyin too, but the given name hyphenated
		{"KUO, Taiming", false}, // every word pinyin: no mark
		{"ZHANG, Wen Fu", false},
		{"KRANS, Ko Ko", false},      // a word of another language
		{"CHING, Chun-ryong", false}, // Korean: ryong is no syllable
		{"HSU TRADING CO., LTD.", false},
		{"Hsu", false}, // one word
	} {
		toks := nw.normalise(tt.name, nil).Tokens
		if got := chineseMarkedTokens(toks, hyphenatedName(tt.name)); got != tt.want {
			t.Errorf("chineseMarkedTokens(%q = %v) = %v, want %v", tt.name, toks, got, tt.want)
		}
	}
}

// wadeGilesEntries are Chinese persons as the lists print them, in pinyin,
// in Han characters and in Wade-Giles, and names of other peoples.
var wadeGilesEntries = []*lists.Entry{
	{List: "ofac_sdn", ID: "50001", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "XU, Guoqiang"}}},
	{List: "ofac_sdn", ID: "50002", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "ZHANG, Wenzhong"}}},
	{List: "ofac_sdn", ID: "50003", Type: lists.TypePerson, Countries: []string{"TW"}, Names: []lists.Name{{Value: "CHANG, Wen-Fu"}}},
	{List: "ofac_sdn", ID: "50004", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "LIANG, Zhiyuan"}}},
	{List: "cn_countersanctions", ID: "e1", Type: lists.TypePerson, Names: []lists.Name{{Value: "谢文辉"}}},
	{List: "ofac_sdn", ID: "50005", Type: lists.TypePerson, Countries: []string{"HK"}, Names: []lists.Name{{Value: "TSANG, Kwok-wai"}}},
	{List: "ofac_sdn", ID: "50006", Type: lists.TypeOrganisation, Countries: []string{"CN"}, Names: []lists.Name{{Value: "SHEN YANG JING CHENG MACHINERY CO., LTD."}}},
	{List: "ofac_sdn", ID: "50007", Type: lists.TypePerson, Countries: []string{"TW"}, Names: []lists.Name{{Value: "TSAI, Cheng-hsiung"}}},
	{List: "ofac_sdn", ID: "50008", Type: lists.TypePerson, Countries: []string{"KP"}, Names: []lists.Name{{Value: "JANG, Chol"}}},
}

// A Chinese name written in Wade-Giles or as Hong Kong writes its surname
// is found as the pinyin the lists print, and the other way round.
func TestWadeGilesNamesMatch(t *testing.T) {
	m := NewAligned(wadeGilesEntries, Options{Threshold: 0.85})
	for _, tt := range []struct{ query, want, pair string }{
		{"HSU, Kuo-chiang", "ofac_sdn:50001", "hsu~xu 0.95 (the same Chinese, romanised another way)"},
		{"Chang Wen-chung", "ofac_sdn:50002", "wen+jong~wenzhong"},
		{"ZHANG, Wenfu", "ofac_sdn:50003", "zhang~jang 0.95"},
		{"LEUNG, Chih-yuan", "ofac_sdn:50004", "leung~liang 0.95"},
		{"Hsieh Wen-hui", "cn_countersanctions:e1", "hsieh~xie 0.95"},
		{"TSENG, Kwok-wai", "ofac_sdn:50005", "tseng~tsang 0.95"},
		{"CAI, Zhengxiong", "ofac_sdn:50007", "zhengxiong~cheng+hsiung 0.95 (joined words)"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Errorf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
			continue
		}
		if !strings.Contains(got[0].Explanation, tt.pair) {
			t.Errorf("Match(%q): %.3f %q, want %s", tt.query, got[0].Score, got[0].Explanation, tt.pair)
		}
	}
}

// What the readings must not do: read a pinyin name as Wade-Giles (two
// pinyin names a syllable apart are two names), read a word of a name
// that is not written so, or read a firm.
func TestWadeGilesNotRead(t *testing.T) {
	m := NewAligned(wadeGilesEntries, Options{Threshold: 0.5})
	for _, tt := range []struct{ query, notPair string }{
		{"ZHENG, Jing", "zheng~cheng 0.95"},      // cheng of a firm's name is pinyin
		{"JIANG, Chol", "jiang~jang 0.95"},       // a Korean entry is not read
		{"KRANS, Kuo Chiang", "chiang"},          // a name of another language
		{"Hsu Trading Co., Ltd.", "hsu~xu"},      // a firm
		{"LIANG, Zhiyan", "zhiyan~zhiyuan 0.95"}, // pinyin against pinyin
	} {
		for _, h := range m.Match(Query{Name: tt.query}, nil) {
			if strings.Contains(h.Explanation, tt.notPair) {
				t.Errorf("Match(%q): %.3f %q aligns %s", tt.query, h.Score, h.Explanation, tt.notPair)
			}
		}
	}
}

// A name read as Wade-Giles is one name only whole: two of its syllables
// read as another person's given name, the surnames apart (partialReadings),
// or a surname one letter from another (syllables, compared as pinyin's
// are), flag nobody.
func TestWadeGilesWholeNamesOnly(t *testing.T) {
	entries := append([]*lists.Entry{
		{List: "ofac_sdn", ID: "50101", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "YAN, Xiaobing"}}},
		{List: "ofac_sdn", ID: "50102", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "LI, Jiangzhou"}}},
		{List: "ofac_sdn", ID: "50103", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "LIN, Zuoyou"}}},
	}, wadeGilesEntries...)
	m := NewAligned(entries, Options{Threshold: 0.85})
	for _, q := range []string{"CHANG, Hsiao-ping", "LO, Chiang-chou", "LIU, Tso-yu"} {
		if got := m.Match(Query{Name: q}, nil); len(got) > 0 {
			t.Errorf("Match(%q) = %.3f %q, want nothing", q, got[0].Score, got[0].Explanation)
		}
	}
	// the whole name still reads
	for _, tt := range []struct{ query, want string }{
		{"YEN, Hsiao-ping", "ofac_sdn:50101"},
		{"LI, Chiang-chou", "ofac_sdn:50102"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Errorf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// The one-letter syllables I (yi) and O (e) of a Wade-Giles name are
// syllables, not initials, and a reading is written as the normaliser
// writes the word (yi as ri, with the Korean surnames).
func TestWadeGilesSyllableInitials(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "50201", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "FEI, Yiren"}}},
		{List: "ofac_sdn", ID: "50202", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "WAN, Exiang"}}},
		{List: "ofac_sdn", ID: "50203", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "HE, Yi"}}},
		{List: "ofac_sdn", ID: "50204", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "ZHOU, Yishan"}}},
	}
	m := NewAligned(entries, Options{Threshold: 0.85})
	for _, tt := range []struct{ query, want string }{
		{"FEI, I-jen", "ofac_sdn:50201"},
		{"WAN, O-hsiang", "ofac_sdn:50202"},
		{"HO, I", "ofac_sdn:50203"},
		{"CHOU, I-shan", "ofac_sdn:50204"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Errorf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A hyphenated given name marks a name written as Taiwan's and Hong Kong's
// passports write it, though every word of it is pinyin too.
func TestWadeGilesHyphenatedGivenName(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "50301", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "GUO, Taiming"}}},
		{List: "ofac_sdn", ID: "50302", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "GAO, Lanfang"}}},
	}
	m := NewAligned(entries, Options{Threshold: 0.85})
	for _, tt := range []struct{ query, want, pair string }{
		{"KUO, Tai-ming", "ofac_sdn:50301", "kuo~guo 0.95"},
		{"KAO, Lan-fang", "ofac_sdn:50302", "kao~gao 0.95"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want || !strings.Contains(got[0].Explanation, tt.pair) {
			t.Errorf("Match(%q) = %v, want %s first, %s aligned", tt.query, got, tt.want, tt.pair)
		}
	}
	// written as pinyin writes it, the name stays pinyin: two names
	if got := m.Match(Query{Name: "KAO, Lanfang"}, nil); len(got) > 0 {
		t.Errorf("Match(KAO, Lanfang) = %.3f %q, want nothing", got[0].Score, got[0].Explanation)
	}
}

// A listed word that reads as a pinyin word in a name written in
// Cantonese (LAU, Kwok-wai: lau is liu) is, in a name not written so
// (LAU, Emily), the word its letters make, compared as before.
func TestWadeGilesKeepsOtherNames(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "50401", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "LAU, Emily"}}},
		{List: "ofac_sdn", ID: "50402", Type: lists.TypePerson, Countries: []string{"HK"}, Names: []lists.Name{{Value: "LAU, Kwok-wai"}}},
	}
	m := NewAligned(entries, Options{Threshold: 0.85})
	got := m.Match(Query{Name: "LIU, Emily"}, nil)
	if len(got) == 0 || got[0].Entry.ID != "50401" || !strings.Contains(got[0].Explanation, "liu~lau 0.80 (spelling)") {
		t.Errorf("Match(LIU, Emily) = %v, want 50401 with liu~lau 0.80 (spelling)", got)
	}
	if got := m.Match(Query{Name: "LIU, Guo Wei"}, nil); len(got) == 0 || got[0].Entry.ID != "50402" {
		t.Errorf("Match(LIU, Guo Wei) = %v, want 50402", got)
	}
}

// Lee, which the normaliser writes ri with the Korean surnames, is Hong
// Kong's spelling of 李 Li: a name with it is read as Cantonese.
func TestWadeGilesLee(t *testing.T) {
	entries := []*lists.Entry{
		{List: "ofac_sdn", ID: "50501", Type: lists.TypePerson, Countries: []string{"CN"}, Names: []lists.Name{{Value: "LI, Jiachao"}}},
		{List: "ofac_sdn", ID: "50502", Type: lists.TypePerson, Countries: []string{"KP"}, Names: []lists.Name{{Value: "RI, Jae Il"}}},
	}
	m := NewAligned(entries, Options{Threshold: 0.85})
	got := m.Match(Query{Name: "LEE, Jiachao"}, nil)
	if len(got) == 0 || got[0].Entry.ID != "50501" || !strings.Contains(got[0].Explanation, "ri~li 0.95") {
		t.Errorf("Match(LEE, Jiachao) = %v, want 50501 with ri~li 0.95", got)
	}
	// a Korean name stays Korean
	if got := m.Match(Query{Name: "LI, Jae Il"}, nil); len(got) > 0 && got[0].Entry.ID == "50502" && strings.Contains(got[0].Explanation, "0.95 (the same Chinese") {
		t.Errorf("Match(LI, Jae Il) = %.3f %q", got[0].Score, got[0].Explanation)
	}
}
