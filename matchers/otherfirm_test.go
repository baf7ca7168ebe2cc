package matchers

import (
	"fmt"
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
	org := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "us_csl", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name}}}
	}
	es := []*lists.Entry{
		org("1", "Inner Mongolia First Machinery Group Co., Ltd."),
		org("2", "Huawei Technologies Service Co., Ltd., Langfang, Hebei"),
		org("3", "Inner Circle Trading LLC"),
	}
	for k, w := range []string{"ALFA", "VEGA", "ORION", "DELTA", "NOVA", "ZENIT", "ARKTIKA", "VOLGA"} {
		es = append(es, org(fmt.Sprintf("9%02d", k), w+" ENERGY GROUP CO LTD"), org(fmt.Sprintf("8%02d", k), w+" CONSTRUCTION CO LTD"))
	}
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	for _, tt := range []struct {
		query, id string
		capped    bool
	}{
		{"INNER MONGOLIA YUANSHAN ENERGY CO., LTD.", "1", true},
		{"Inner Mongolia Yuhe Construction Engineering Co., Ltd.", "1", true},
		{"HEBEI CONSTRUCTION GROUP CORPORATION LIMITED LANGFANG BRANCH", "2", true},
		{"Inner Mongolia First Machinery Co., Ltd.", "1", false}, // its own words: first, machinery
		{"HUAWEI TECHNOLOGIES SERVICE CO., LTD.", "2", false},
		{"INNER CIRCLE ENERGY LTD", "3", false}, // inner is a place only before Mongolia
	} {
		s, expl := scoreOf(m, tt.query, tt.id)
		capNoted := strings.Contains(expl, "at most")
		if tt.capped && (s > capped+1e-9 || !capNoted) {
			t.Errorf("%q vs %s: %.3f, want capped at %.2f: %s", tt.query, tt.id, s, capped, expl)
		}
		if !tt.capped && (s <= capped || capNoted) {
			t.Errorf("%q vs %s: %.3f, want not capped: %s", tt.query, tt.id, s, expl)
		}
	}
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
	es := []*lists.Entry{{List: "ofac_sdn", ID: "1", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "ASIA TRADING & CONSTRUCTION PTE LTD"}}}}
	for k, w := range []string{"ALFA", "VEGA", "ORION", "DELTA", "NOVA", "ZENIT"} {
		es = append(es, &lists.Entry{List: "ofac_sdn", ID: fmt.Sprintf("9%02d", k), Type: lists.TypeOrganisation,
			Names: []lists.Name{{Value: w + " ASIA TRADING PTE LTD"}, {Value: w + " CONSTRUCTION LLC"}}})
	}
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
	es := []*lists.Entry{{List: "us_dod_1260h", ID: "1", Type: lists.TypeOrganisation, Names: []lists.Name{
		{Value: "Inner Mongolia First Machinery Group Co., Ltd."}, {Value: "Inner Monoglia"}}}}
	for k, w := range []string{"ALFA", "VEGA", "ORION", "DELTA", "NOVA", "ZENIT"} {
		es = append(es, &lists.Entry{List: "ofac_sdn", ID: fmt.Sprintf("9%02d", k), Type: lists.TypeOrganisation,
			Names: []lists.Name{{Value: w + " ENERGY CO LTD"}, {Value: w + " MONGOLIA LLC"}}})
	}
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
	org := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "ofac_sdn", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name}}}
	}
	es := []*lists.Entry{
		org("1", "ORCHID REGIONAL COMPANY FOR GENERAL TRADING AND CONTRACTING"),
		org("2", "MIRAGE FOR WASTE MANAGEMENT AND ENVIRONMENTAL SERVICES"),
		org("3", "MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL AND TECHNICAL SERVICES"),
	}
	for k, w := range []string{"ALFA", "VEGA", "ORION", "DELTA", "NOVA", "ZENIT"} {
		es = append(es, org(fmt.Sprintf("9%02d", k), w+" TRADING AND CONTRACTING CO"), org(fmt.Sprintf("8%02d", k), w+" SERVICES LLC"))
	}
	const capped = 0.2
	m := NewAligned(es, Options{Threshold: 0.1, Tuning: Tuning{GenericCap: capped}})
	for _, tt := range []struct {
		query, id string
		capped    bool
	}{
		{"AL THUHAT COMPANY, GENERAL CONTRACTING AND TRADE", "1", true},
		{"CNE ENVIRONMENTAL & WASTE SERVICES", "2", true},
		{"OVERSEAS PROJECT SERVICES LTD.", "3", true},
		{"ORCHID GENERAL TRADING AND CONTRACTING", "1", false},
		{"Mirage Waste Management Services", "2", false},
		{"Mansudae Overseas Projects", "3", false},
	} {
		s, expl := scoreOf(m, tt.query, tt.id)
		capNoted := strings.Contains(expl, "at most")
		if tt.capped && (s > capped+1e-9 || !capNoted) {
			t.Errorf("%q vs %s: %.3f, want capped at %.2f: %s", tt.query, tt.id, s, capped, expl)
		}
		if !tt.capped && (s <= capped || capNoted) {
			t.Errorf("%q vs %s: %.3f, want not capped: %s", tt.query, tt.id, s, expl)
		}
	}
}

// Firms named after different places are different firms: a partial
// match whose sides each name a place the other leaves out, sharing none,
// is lowered by PlaceConflict; one sharing its place is not.
func TestPlaceConflict(t *testing.T) {
	org := func(id, name string) *lists.Entry {
		return &lists.Entry{List: "eu_journal", ID: id, Type: lists.TypeOrganisation, Names: []lists.Name{{Value: name}}}
	}
	es := []*lists.Entry{org("1", "CHINA COMMUNICATIONS CONSTRUCTION GROUP (LIMITED)")}
	for k, w := range []string{"ALFA", "VEGA", "ORION", "DELTA", "NOVA", "ZENIT"} {
		es = append(es, org(fmt.Sprintf("9%02d", k), w+" CONSTRUCTION GROUP LTD"))
	}
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
