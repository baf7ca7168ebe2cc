package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func TestPinyinWord(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"lin", true}, {"lian", true}, {"zhuang", true}, {"zhiyong", true}, {"xiaoyang", true},
		{"xian", true}, {"wenhao", true}, {"lyu", true},
		// short words of other languages may read as pinyin (ri-da, a-li):
		// that is why a name needs all its words, two or more, to count
		{"rida", true}, {"ali", true},
		{"maria", false},    // ma-ri-a: a vowel-initial syllable inside a word
		{"khamis", false},   // kh is no pinyin initial
		{"gonzalez", false}, // nor are the finals of Spanish names
		{"erick", false}, {"kim", false}, {"singh", false}, {"harjit", false},
		{"zhangxiaoyangming", false}, // more than three syllables
		{"", false},
	} {
		if got := pinyinWord(tt.w); got != tt.want {
			t.Errorf("pinyinWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestPinyinTokens(t *testing.T) {
	nw := getNormWork()
	defer putNormWork(nw)
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Tian Xiaoyang", true},
		{"HAO, Zhiyong", true},
		{"TIAN XIANG 7", true}, // a vessel's number beside the words
		{"Yang", false},        // one word is too short a sample
		{"Rida Ali KHAMIS", false},
		{"Erick Rodolfo González Chávez", false},
		{"Tianjin Xiang Co., Ltd.", false}, // a legal form
		{"J. Wang", false},                 // an initial
	} {
		toks := nw.normalise(tt.name, nil).Tokens
		if got := pinyinTokens(toks); got != tt.want {
			t.Errorf("pinyinTokens(%q = %v) = %v, want %v", tt.name, toks, got, tt.want)
		}
	}
}

// pinyinEntries are Chinese names as the lists print them: in pinyin, in
// Han characters, a vessel; and names of other languages whose sound-alike
// matching must stay.
var pinyinEntries = []*lists.Entry{
	{List: "us_csl", ID: "c1", Type: lists.TypePerson, Names: []lists.Name{{Value: "Lian Yang"}}},
	{List: "ofac_sdn", ID: "40001", Type: lists.TypeVessel, Names: []lists.Name{{Value: "TIAN XIANG 7"}}},
	{List: "cn_countersanctions", ID: "d1", Type: lists.TypePerson, Names: []lists.Name{{Value: "庄文浩"}}},
	{List: "ofac_sdn", ID: "40002", Type: lists.TypePerson, Names: []lists.Name{{Value: "WAN, Exiang"}}},
	{List: "ofac_sdn", ID: "40003", Type: lists.TypePerson, Names: []lists.Name{{Value: "ZHANG, Xiaoping"}}},
	{List: "ofac_sdn", ID: "40004", Type: lists.TypePerson, Names: []lists.Name{{Value: "KHAMIS, Reda Ali"}}},
	{List: "ofac_sdn", ID: "40005", Type: lists.TypePerson, Names: []lists.Name{{Value: "LI, Zhiqiang"}}},
	{List: "ofac_sdn", ID: "40006", Type: lists.TypePerson, Names: []lists.Name{{Value: "KIM, Song Il"}}},
	{List: "un_sc", ID: "QDi.900", Type: lists.TypePerson, Names: []lists.Name{{Value: "Sergei Viktorovich IVANOV"}}},
}

// Two pinyin syllables that differ are two characters: a pinyin query
// aligns with a pinyin or Han name by equal words, words written
// together, or letters close enough, never by sound (the phonetic key
// drops the vowels that tell the finals apart) nor by a short slip.
func TestPinyinSyllablesDoNotSoundAlike(t *testing.T) {
	m := NewAligned(pinyinEntries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, notPair string }{
		{"YANG LIN", "lin~lian"},
		{"Tian Xiaoyang", "xiaoyang~xiang"},
		{"HAO, Zhiyong", "zhiyong~zhuang"},
		{"WANG, Exiang", "wang~wan"},
	} {
		for _, h := range m.Match(Query{Name: tt.query}, nil) {
			if strings.Contains(h.Explanation, tt.notPair) {
				t.Errorf("Match(%q): %.3f %q aligns %s", tt.query, h.Score, h.Explanation, tt.notPair)
			}
		}
	}
}

// What pinyinSim keeps: a pinyin name written together or apart, a long
// pinyin word a letter off, and sound-alike matching of every name that
// is not pinyin on both sides.
func TestPinyinNamesStillMatch(t *testing.T) {
	m := NewAligned(pinyinEntries, Options{Threshold: 0.3})
	for _, tt := range []struct{ query, want, pair string }{
		{"Zhang Xiao Ping", "ofac_sdn:40003", "xiao+ping"},
		{"ZHANG, Xiaopeng", "ofac_sdn:40003", "xiaopeng~xiaoping 0.8"},
		{"Li Zhi Qiang", "ofac_sdn:40005", "zhiqiang"},
		{"Rida Ali KHAMIS", "ofac_sdn:40004", "rida~reda"},
		{"Sergej Viktorovich Ivanov", "un_sc:QDi.900", "sergey=sergey"},
	} {
		got := m.Match(Query{Name: tt.query}, nil)
		if len(got) == 0 || got[0].Entry.List+":"+got[0].Entry.ID != tt.want {
			t.Fatalf("Match(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !strings.Contains(got[0].Explanation, tt.pair) {
			t.Errorf("Match(%q): %.3f %q, want %s aligned", tt.query, got[0].Score, got[0].Explanation, tt.pair)
		}
	}
}
