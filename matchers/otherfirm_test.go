package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// Two firms that share only where they sit, what they do and their legal
// forms are two firms: a query none of whose own words is aligned, against
// a listed name with an own word of its own left out, scores at most
// GenericCap. Places include China's provinces and cities and two-word
// places (Inner Mongolia), which on the lists are rare words.
func TestOtherFirmCapped(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{
		firmEntry("us_csl", "1", "Inner Mongolia First Machinery Group Co., Ltd."),
		firmEntry("us_csl", "2", "Huawei Technologies Service Co., Ltd., Langfang, Hebei"),
		firmEntry("us_csl", "3", "Inner Circle Trading LLC"),
	}, "us_csl", 8, "ENERGY GROUP CO LTD", "CONSTRUCTION CO LTD")
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	checkCapped(t, m, capped, []capCase{
		{"INNER MONGOLIA YUANSHAN ENERGY CO., LTD.", "1", true},
		{"Inner Mongolia Yuhe Construction Engineering Co., Ltd.", "1", true},
		{"HEBEI CONSTRUCTION GROUP CORPORATION LIMITED LANGFANG BRANCH", "2", true},
		{"Inner Mongolia First Machinery Co., Ltd.", "1", false}, // its own words: first, machinery
		{"HUAWEI TECHNOLOGIES SERVICE CO., LTD.", "2", false},
		{"INNER CIRCLE ENERGY LTD", "3", false}, // inner is a place only before Mongolia
	})
}

// A part taken out of a longer name that is only a two-word place and a
// legal form names no party; one holding "inner" as an ordinary word does.
func TestPlacePairsNameNoParty(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Inner Mongolia Co., Ltd.", false},
		{"New Zealand Limited", false},
		{"Hebei Langfang Co.", false},
		{"Inner Circle LLC", true},
		{"New Power Company", true},
	} {
		if got := namesAParty(tt.name); got != tt.want {
			t.Errorf("namesAParty(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A generic query (a continent and a trade) is capped against a listed
// name that says more than it does, even with no word of its own, and is
// not against the same name.
func TestGenericQueryAgainstLongerGenericName(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{firmEntry("ofac_sdn", "1", "ASIA TRADING & CONSTRUCTION PTE LTD")},
		"ofac_sdn", 6, "ASIA TRADING PTE LTD", "CONSTRUCTION LLC")
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	if s, expl := scoreOf(m, "ASIA CONSTRUCTION", "1"); s > capped+1e-9 || !strings.Contains(expl, "says more") {
		t.Errorf("ASIA CONSTRUCTION: %.3f, want capped at %.2f: %s", s, capped, expl)
	}
	if s, expl := scoreOf(m, "Asia Trading and Construction Pte. Ltd.", "1"); s < DefaultThreshold {
		t.Errorf("the listed name itself: %.3f, want flagged: %s", s, expl)
	}
}

// A listed name that is only a place (the 1260H list's alias "Inner
// Monoglia", misspelt) is no match for a firm named after more than that
// place; the place itself still matches it.
func TestPlaceListedCapped(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{firmEntry("us_dod_1260h", "1", "Inner Mongolia First Machinery Group Co., Ltd.", "Inner Monoglia")},
		"ofac_sdn", 6, "ENERGY CO LTD", "MONGOLIA LLC")
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	if s, expl := scoreOf(m, "Inner Mongolia Yuanshan Energy Co., Ltd.", "1"); s > capped+1e-9 || !strings.Contains(expl, "at most") {
		t.Errorf("a firm of Inner Mongolia: %.3f, want capped at %.2f: %s", s, capped, expl)
	}
	if s, expl := scoreOf(m, "INNER MONOGLIA", "1"); s < DefaultThreshold {
		t.Errorf("the listed alias itself: %.3f, want flagged: %s", s, expl)
	}
}

// Two firms sharing their trades (general contracting, waste and
// environmental services, overseas projects) but not their own names are
// two firms: trade words are no word of a firm's own.
func TestSharedTradesCapped(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{
		firmEntry("ofac_sdn", "1", "ORCHID REGIONAL COMPANY FOR GENERAL TRADING AND CONTRACTING"),
		firmEntry("ofac_sdn", "2", "MIRAGE FOR WASTE MANAGEMENT AND ENVIRONMENTAL SERVICES"),
		firmEntry("ofac_sdn", "3", "MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL AND TECHNICAL SERVICES"),
	}, "ofac_sdn", 6, "TRADING AND CONTRACTING CO", "SERVICES LLC")
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	checkCapped(t, m, capped, []capCase{
		{"AL THUHAT COMPANY, GENERAL CONTRACTING AND TRADE", "1", true},
		{"CNE ENVIRONMENTAL & WASTE SERVICES", "2", true},
		{"OVERSEAS PROJECT SERVICES LTD.", "3", true},
		{"ORCHID GENERAL TRADING AND CONTRACTING", "1", false},
		{"Mirage Waste Management Services", "2", false},
		{"Mansudae Overseas Projects", "3", false},
	})
}

// Firms named after different places are different firms: a partial
// match whose sides each name a place the other leaves out, sharing none,
// is lowered by PlaceConflict; one sharing its place is not.
func TestPlaceConflict(t *testing.T) {
	es := withCommonFirms([]*lists.Entry{firmEntry("eu_journal", "1", "CHINA COMMUNICATIONS CONSTRUCTION GROUP (LIMITED)")},
		"eu_journal", 6, "CONSTRUCTION GROUP LTD")
	off := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{PlaceConflict: 1}})
	on := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct {
		query    string
		conflict bool
	}{
		{"Xinjiang Communications Construction Group Co., Ltd.", true},
		{"SHANDONG COMMUNICATIONS CONSTRUCTION GROUP", true},
		{"China Communications Construction Co., Ltd.", false}, // the same place
		{"Communications Construction Group Co., Ltd.", false}, // no place of its own
	} {
		s0, _ := scoreOf(off, tt.query, "1")
		s1, expl := scoreOf(on, tt.query, "1")
		if s0 == 0 {
			t.Fatalf("%q: not found", tt.query)
		}
		if got := strings.Contains(expl, "places differ"); got != tt.conflict {
			t.Errorf("%q: places differ %v, want %v: %s", tt.query, got, tt.conflict, expl)
		}
		if tt.conflict && s1 > 0.9*s0+1e-9 {
			t.Errorf("%q: %.3f, want at most 0.9 × %.3f", tt.query, s1, s0)
		}
	}
}
