package eval

import (
	"slices"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

func person(list, id, remarks string, names ...string) *lists.Entry {
	e := &lists.Entry{List: list, ID: id, Type: lists.TypePerson, Remarks: remarks}
	for i, n := range names {
		k := lists.NameAKA
		if i == 0 {
			k = lists.NamePrimary
		}
		e.Names = append(e.Names, lists.Name{Value: n, Kind: k})
	}
	return e
}

func crossIDPairsOf(d *DevSet) []string {
	var got []string
	for _, p := range d.Pairs {
		if p.Source == "cross-id" {
			got = append(got, p.Query+" -> "+strings.Join(p.Targets, "|"))
		}
	}
	return got
}

// TestCitedReferenceIsNoLink: the UN entries of Joseph Kony's sons cite
// his reference number; the EU lists him with the alias "Kony". The sons
// are not he, however their names compare; the same name under a cited
// reference (the group's, cited by both publishers) is still one party.
func TestCitedReferenceIsNoLink(t *testing.T) {
	ls := []*lists.List{
		{ID: "un_sc", Entries: []*lists.Entry{
			person("un_sc", "CFi.009", "Kony is the founder and leader of the Lord's Resistance Army (LRA) (CFe.002).", "JOSEPH KONY", "Kony", "Joseph Rao Kony"),
			person("un_sc", "CFi.010", "Ali Kony is a deputy in the LRA (CFe.002) and the son of LRA leader Joseph Kony (CFi.009).", "ALI KONY"),
			person("un_sc", "CFi.011", "Salim Kony is a deputy in the LRA (CFe.002) and the son of LRA leader Joseph Kony (CFi.009).", "SALIM KONY"),
		}},
		{ID: "eu_journal", Entries: []*lists.Entry{
			person("eu_journal", "32014R0224/I.A/9", "UN reference: CFi.009. Founder of the LRA (CFe.002).", "Joseph KONY", "Kony", "Josef Kony"),
		}},
	}
	d := Derive(ls, nil, DevSetOptions{})
	got := strings.Join(crossIDPairsOf(d), "\n")
	want := strings.Join([]string{
		"JOSEPH KONY -> eu_journal:32014R0224/I.A/9",
		"Joseph KONY -> un_sc:CFi.009",
	}, "\n")
	if got != want {
		t.Errorf("cross-id pairs:\n%s\nwant:\n%s", got, want)
	}
	var removed []string
	for _, r := range d.Removed {
		removed = append(removed, r.Query+" ("+r.Rule+")")
	}
	if w := "ALI KONY (cited UN reference)\nSALIM KONY (cited UN reference)"; strings.Join(removed, "\n") != w {
		t.Errorf("removed:\n%s\nwant:\n%s", strings.Join(removed, "\n"), w)
	}
	// The EU query keeps its pair, without the son its link went through.
	for _, p := range d.Pairs {
		if p.Query == "Joseph KONY" && p.SplitKey != "un_sc:CFi.009" {
			t.Errorf("Joseph KONY: split key %q, want the first target before the audit", p.SplitKey)
		}
	}
}

func TestCitedReferences(t *testing.T) {
	un := person("un_sc", "CFi.010", "Son of Joseph Kony (CFi.009); deputy in the LRA (CFe.002); see also CFi.010.", "ALI KONY")
	got := citedReferences(un)
	if len(got) != 2 || !got["UN:CFI009"] || !got["UN:CFE002"] {
		t.Errorf("cited by the UN entry: %v, want CFi.009 and CFe.002, not its own CFi.010", got)
	}
	if eu := person("eu_journal", "1", "UN reference: CFi.009", "Joseph KONY"); citedReferences(eu) != nil {
		t.Errorf("an EU entry's UN reference is its own, not a citation")
	}
}

// TestLegalFormsOnlyIsNoName: an EU journal row whose name is only
// "Joint Stock Company", linked by its registration number to Shvabe, is
// no name pair either way; a name with a name beside its legal form is.
func TestLegalFormsOnlyIsNoName(t *testing.T) {
	org := func(list, id, ident string, names ...string) *lists.Entry {
		e := person(list, id, "", names...)
		e.Type = lists.TypeOrganisation
		e.Identifiers = []lists.Identifier{{Type: "Registration Number", Value: ident}}
		return e
	}
	ls := []*lists.List{
		{ID: "eu_journal", Entries: []*lists.Entry{
			org("eu_journal", "32014R0833/IV/1", "1156658049460", "Joint Stock Company"),
			org("eu_journal", "32014R0833/IV/2", "1027739110851", "JSC Navis-Electronics"),
		}},
		{ID: "ofac_sdn", Entries: []*lists.Entry{
			org("ofac_sdn", "18779", "1156658049460", "JOINT STOCK COMPANY SHVABE", "AKTSIONERNOE OBSHCHESTVO SHVABE", "AO SHVABE"),
			org("ofac_sdn", "10", "1027739110851", "AKTSIONERNOE OBSHCHESTVO NAVIS ELEKTRONIKA"),
		}},
	}
	d := Derive(ls, nil, DevSetOptions{})
	got := strings.Join(crossIDPairsOf(d), "\n")
	if want := "JSC Navis-Electronics -> ofac_sdn:10\nAKTSIONERNOE OBSHCHESTVO NAVIS ELEKTRONIKA -> eu_journal:32014R0833/IV/2"; got != want {
		t.Errorf("cross-id pairs:\n%s\nwant:\n%s", got, want)
	}
	if len(d.Removed) != 2 || d.Removed[0].Rule != RuleLegalFormsOnly || d.Removed[1].Rule != RuleLegalFormsOnly {
		t.Errorf("removed %+v, want both Shvabe pairs for %q", d.Removed, RuleLegalFormsOnly)
	}
	for name, want := range map[string]bool{"Joint Stock Company": true, "OOO": true, "Co., Ltd.": true, "B S COMPANY": false, "AO SHVABE": false, "": false} {
		if got := onlyLegalForms(name); got != want {
			t.Errorf("onlyLegalForms(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestContraction: INPESCA is IN(DUSTRIA DE) PESCA, CANALVE is CANAL(ES)
// VE(NECIA): contractions of the full name, not respellings of PESCA or
// CANALES, though Jaro-Winkler puts them at 0.9. Respellings, inflections
// and words written together are none: SERGEI (SERGE(Y) and an I),
// AGRICULTURE / AGRICULTURAL, KRYLOV / KRYLOVSKY, ALBASHIR / AL BASHIR,
// FUNPAZCOR / FUNDAZCOR (one word, both contractions), ISIS / ISISWAP.
func TestContraction(t *testing.T) {
	words := func(s string) []string { return nameParts(s) }
	for _, c := range []struct {
		w, of string
		want  bool
	}{
		{"INPESCA", "INDUSTRIA DE PESCA SOBRE EL PACIFICO S.A", true},
		{"CANALVE", "CANALES VENECIA LTDA.", true},
		{"FUNPAZCOR", "FUNDACION PARA LA PAZ DE CORDOBA", true},
		{"SERGEI", "NEVEROV, Sergey Ivanovich", false},
		{"AGRICULTURE", "Center for Agricultural Research and Nuclear Medicine", false},
		{"ALBASHIR", "AL BASHIR, Muhammad", false},
		{"FUNPAZCOR", "FUNDAZCOR", false},
		{"PESCA", "INDUSTRIA DE PESCA", false},
	} {
		if got := isContraction(foldForVariant(c.w), words(c.of)); got != c.want {
			t.Errorf("isContraction(%s, %s) = %v, want %v", c.w, c.of, got, c.want)
		}
	}
	org := func(names ...string) *lists.Entry {
		e := person("ofac_sdn", "1", "", names...)
		e.Type = lists.TypeOrganisation
		return e
	}
	for _, c := range []struct {
		query string
		e     *lists.Entry
		want  string
	}{
		{"INPESCA S.A.", org("INDUSTRIA DE PESCA SOBRE EL PACIFICO S.A"), RuleContraction},
		{"CANALVE LTDA.", org("CANALES VENECIA LTDA."), RuleContraction},
		{"FUNPAZCOR", org("FUNDACION PARA LA PAZ DE CORDOBA", "FUNDAZCOR"), ""},
		{"KRYLOVSKY STATE RESEARCH CENTER", org("KRYLOV STATE RESEARCH CENTER"), ""},
		{"Islamic State of Iraq and Syria West Africa Province (ISISWAP)", org("Islamic State of Iraq and Syria – West Africa (ISIS-WA)"), ""},
		{"NEVEROV, Sergei Ivanovich", person("ofac_sdn", "2", "", "NEVEROV, Sergey Ivanovich"), ""},
	} {
		if got := nameRule(c.query, c.e, -1); got != c.want {
			t.Errorf("nameRule(%q, %q) = %q, want %q", c.query, c.e.Names[0].Value, got, c.want)
		}
	}
}

// TestShortPartsOfPersons: "KIM, Hak Song" shares only SONG with "Kim Song
// Chol": other given names, not a respelling, though every part of four
// letters has a counterpart. Romanised syllables, titles and particles
// on the longer name do not count against a pair.
func TestShortPartsOfPersons(t *testing.T) {
	for _, c := range []struct {
		query string
		names []string
		want  string
	}{
		{"KIM, Hak Song", []string{"Kim Song Chol"}, RuleShortParts},
		{"JON, Yong Sang", []string{"Jon Myong Guk", "Cho 'n Myo 'ng-kuk"}, RuleShortParts},
		{"IO Musoni", []string{"Straton MUSONI"}, RuleShortParts},
		{"O, Chong Euk", []string{"O, Chong Ok", "O, Chong-kuk"}, ""},
		{"KIM, Hyon Wu", []string{"PARK, Jin Hyok", "KIM, Hyon Woo"}, ""},
		{"KNOWLES, JR., Samuel", []string{"KNOWLES, Samuel"}, ""},
		{"OO, Daw Thida", []string{"Thida Oo"}, ""},
		{"Zaia u Rahman Madani", []string{"Zia-ur-Rahman Madani"}, ""},
		{"NAMAN, Sam", []string{"NAMAN, Saalim"}, ""},
	} {
		e := person("ofac_sdn", "1", "", c.names...)
		if got := nameRule(c.query, e, -1); got != c.want {
			t.Errorf("nameRule(%q, %q) = %q, want %q", c.query, c.names, got, c.want)
		}
		if !variantOfAny(c.query, e, -1) {
			t.Errorf("%q is no variant of %q before the audit: the case tests nothing", c.query, c.names)
		}
	}
	// Organisations are not held to it: OOO SMART LNG / OOO SMART SPG is
	// judged by its four-letter parts alone.
	org := person("ofac_sdn", "2", "", "OOO SMART SPG")
	org.Type = lists.TypeOrganisation
	if got := nameRule("OOO SMART LNG", org, -1); got != "" {
		t.Errorf("organisation: %q", got)
	}
}

// TestWriteRemoved: the removed pairs of one part only, with part and rule.
func TestWriteRemoved(t *testing.T) {
	rs := []Removed{
		{Pair: Pair{Query: "ALI KONY", Targets: []string{"eu_journal:9"}, Label: true, Source: "cross-id"}, Rule: RuleCitedReference},
		{Pair: Pair{Query: "INPESCA S.A.", Targets: []string{"ofac_sdn:6824"}, Label: true, Source: "alias-loo", HeldOut: true}, Rule: RuleContraction},
	}
	tune, err := SelectRemoved(rs, "tune")
	if err != nil || len(tune) != 1 || tune[0].Query != "ALI KONY" {
		t.Fatalf("tune: %v, %v; want ALI KONY alone", tune, err)
	}
	if _, err := SelectRemoved(rs, "tune-c"); err == nil {
		t.Errorf("unknown split accepted")
	}
	var b strings.Builder
	if err := WriteRemovedCSV(&b, tune); err != nil {
		t.Fatal(err)
	}
	want := "query,target,label,source,part,rule\nALI KONY,eu_journal:9,1,cross-id," + Part(rs[0].Pair) + ",cited UN reference\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestAliasLeftOutOfLinkedCopies: OFAC lists SPACETY LUXEMBOURG's sister
// company with the alias "SPACETY CO. LTD"; the EU lists the same firm
// under another primary name with that alias too, and the two share a
// registration number. Leaving the alias out of OFAC's entry only let the
// query match the EU's copy at 1.000 and count as a miss: the EU's entry
// is the same party (the cross-id rule), so it loses the alias as well and
// is a target. An entry of the same publisher that holds the same alias
// under another id (OFAC gives "MEHR INTEREST-FREE BANK" to two entries)
// is no copy.
func TestAliasLeftOutOfLinkedCopies(t *testing.T) {
	org := func(list, id, remarks string, names ...string) *lists.Entry {
		e := person(list, id, remarks, names...)
		e.Type = lists.TypeOrganisation
		return e
	}
	ofac := org("ofac_sdn", "40477", "Registration Number 91430104MA4L1TGY0X (China).",
		"CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD", "SPACETY CO. LTD", "SPACETY CHINA")
	eu := org("eu_journal", "32014R0833/IV/653", "Registration number: 91430104MA4L1TGY0X.",
		"Changsha Tianyi Space Science & Technology Research Institute", "Spacety Co., Ltd.")
	sister := org("us_csl", "40478", "Registration Number 91430104MA4L1TGY0X (China).", "SPACETY LUXEMBOURG S.A.", "SPACETY CO. LTD")
	ls := []*lists.List{
		{ID: "ofac_sdn", Entries: []*lists.Entry{ofac}},
		{ID: "us_csl", Entries: []*lists.Entry{sister}},
		{ID: "eu_journal", Entries: []*lists.Entry{eu}},
	}
	d := Derive(ls, nil, DevSetOptions{AliasLists: func(id string) bool { return id == "ofac_sdn" }})
	var pair *Pair
	for i := range d.Pairs {
		if d.Pairs[i].Source == "alias-loo" && d.Pairs[i].Query == "SPACETY CO. LTD" && slices.Contains(d.Pairs[i].Targets, "ofac_sdn:40477") {
			pair = &d.Pairs[i]
		}
	}
	if pair == nil {
		t.Fatalf("no alias-loo pair; counts %v", d.Counts)
	}
	if want := "eu_journal:32014R0833/IV/653|ofac_sdn:40477"; strings.Join(pair.Targets, "|") != want {
		t.Errorf("targets of %q: %v, want %s", pair.Query, pair.Targets, want)
	}
	if pair.SplitKey != "ofac_sdn:40477" {
		t.Errorf("split key %q, want the entry's own key (its half before the linked copy)", pair.SplitKey)
	}
	alias := pair.Query
	for _, e := range d.Entries {
		held := false
		for _, n := range e.Names {
			held = held || strings.EqualFold(strings.ReplaceAll(strings.ReplaceAll(n.Value, ",", ""), ".", ""), strings.ReplaceAll(strings.ReplaceAll(alias, ",", ""), ".", ""))
		}
		switch {
		case e.ID == "40478" && !held:
			t.Errorf("OFAC's other entry lost %q: an entry of the same publisher is no copy", alias)
		case e.ID != "40478" && held:
			t.Errorf("%s:%s still holds %q", e.List, e.ID, alias)
		}
	}
}

// TestOneAliasPerParty: the UN and OFAC list Mohamad Iqbal Abdurrahman
// under the same name and national ID, each with the aliases "Fikiruddin
// Muqti" and "Fihiruddin Muqti". With a pair drawn from each entry, each
// left its alias out of the other's entries too, and each query lost the
// other spelling it was a variant of ("MUQTI, Fihiruddin" had only the
// Abdurrahman names left to be found by). One pair per
// party is kept, the first in the sampling's order; the other is removed
// by RuleOnePerParty, and the kept query is still a spelling variant of a
// name its party is indexed under.
func TestOneAliasPerParty(t *testing.T) {
	ofac := person("ofac_sdn", "7329", "National ID No. 3603251708570001; a.k.a. 'ABU JIBRIL'.",
		"ABDURRAHMAN, Mohamad Iqbal", "A RAHMAN, Mohamad Iqbal", "RAHMAN, Mohamad Iqbal", "MUQTI, Fihiruddin", "MUQTI, Fikiruddin", "ABDUL RAHMAN, Mohamad Iqbal")
	un := person("un_sc", "QDi.086", "Indonesian national identity card number 3603251708570001.",
		"MOHAMAD IQBAL ABDURRAHMAN", "Rahman, Mohamad Iqbal", "A Rahman, Mohamad Iqbal", "Fikiruddin Muqti", "Fihiruddin Muqti", "Abdul Rahman, Mohamad Iqbal")
	ls := []*lists.List{
		{ID: "ofac_sdn", Entries: []*lists.Entry{ofac}},
		{ID: "un_sc", Entries: []*lists.Entry{un}},
	}
	d := Derive(ls, nil, DevSetOptions{})
	var kept []Pair
	for _, p := range d.Pairs {
		if p.Source == "alias-loo" {
			kept = append(kept, p)
		}
	}
	var removed []string
	for _, r := range d.Removed {
		removed = append(removed, r.Query+" ("+r.Rule+")")
	}
	if len(kept) != 1 || len(removed) != 1 || !strings.HasSuffix(removed[0], "("+RuleOnePerParty+")") {
		t.Fatalf("kept %v, removed %v; want one pair kept and the other removed as %q", kept, removed, RuleOnePerParty)
	}
	if want := "ofac_sdn:7329|un_sc:QDi.086"; strings.Join(kept[0].Targets, "|") != want {
		t.Errorf("targets %v, want %s", kept[0].Targets, want)
	}
	for _, e := range d.Entries {
		if hasName(e, kept[0].Query) {
			t.Errorf("%s:%s still holds the query %q", e.List, e.ID, kept[0].Query)
		}
		if !variantOfAny(kept[0].Query, e, -1) {
			t.Errorf("%s:%s holds no name %q is a spelling of: %v", e.List, e.ID, kept[0].Query, e.Names)
		}
	}
}
