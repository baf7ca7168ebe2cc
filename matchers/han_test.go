package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// Chinese company names romanise to one token per syllable and share the
// city and the trade (深圳 Shenzhen, 光电 optoelectronics, 电子 electronics,
// 科技 technology). Innocent names that share only those syllables must
// not match; the listed name, a one-word variant of it and its pinyin must.
func TestHanNames(t *testing.T) {
	entries := []*lists.Entry{
		{List: "inhouse", ID: "H1", Type: lists.TypeOrganisation, Countries: []string{"CN"},
			Names: []lists.Name{{Value: "Shenzhen Jinhong Photonics Co. Ltd.", Kind: lists.NamePrimary}, {Value: "深圳金鸿光电有限公司", Kind: lists.NameAKA}}},
		{List: "inhouse", ID: "H3", Type: lists.TypeOrganisation, Countries: []string{"CN"},
			Names: []lists.Name{{Value: "北京兴华恒成科技有限公司", Kind: lists.NamePrimary}}},
		{List: "inhouse", ID: "H2", Type: lists.TypeOrganisation, Countries: []string{"CN"},
			Names: []lists.Name{{Value: "Hangzhou Hikvision Digital Technology Co., Ltd.", Kind: lists.NamePrimary}, {Value: "杭州海康威视数字技术股份有限公司", Kind: lists.NameAKA}}},
	}
	m := NewAligned(entries, Options{})
	finds := []struct{ query, want string }{
		{"深圳金鸿光电有限公司", "H1"},
		{"深圳金鸿光电科技有限公司", "H1"}, // one word (科技) added
		{"深圳市金鸿光电有限公司", "H1"},  // 市 (city) added
		{"Shenzhen Jinhong Guangdian Youxian Gongsi", "H1"},
		{"杭州海康威视数字技术股份有限公司", "H2"},
	}
	for _, f := range finds {
		got := m.Match(Query{Name: f.query, Country: "CN"}, nil)
		if len(got) == 0 || got[0].Entry.ID != f.want {
			t.Errorf("Match(%q) = %v, want %s", f.query, ids(got), f.want)
		}
	}
	innocents := []string{
		"深圳市瑞丰光电科技有限公司", // Shenzhen + guangdian, a different firm
		"深圳市中科电子有限公司",   // zhong~hong is another character, not a typo
		"杭州华强电子有限公司",    // qiang~kang likewise
		"杭州盛世电子有限公司",    // hang zhou … shi … zi scattered
		"天津宏达光电科技有限公司",  // 津 jin and 宏 hong are homophones of 金 and 鸿
		"北京宏达科技有限公司",    // 达 reads "da", a name particle normalising drops: it still counts
	}
	for _, q := range innocents {
		if got := m.Match(Query{Name: q, Country: "CN"}, nil); len(got) > 0 {
			t.Errorf("Match(%q) = %s at %.3f (%s), want no match", q, got[0].Entry.ID, got[0].Score, got[0].Explanation)
		}
	}
}

func ids(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Entry.ID
	}
	return out
}
