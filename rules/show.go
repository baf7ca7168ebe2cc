package rules

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// ShowSections are the parts WriteRules can print, in order.
var ShowSections = []string{"policy", "destinations", "eu001", "eu002", "section-i", "annex-iv", "cyber-codes", "keywords"}

// WriteRules prints the effective rules of p, each with its source (table
// row or policy file), legal basis, status and last-checked date. sections
// limits the output to some of ShowSections; none means all. It is what
// `dualscreen rules show` prints.
func WriteRules(w io.Writer, p *Policy, sections ...string) error {
	want := map[string]bool{}
	for _, s := range sections {
		ok := false
		for _, k := range ShowSections {
			ok = ok || k == s
		}
		if !ok {
			return fmt.Errorf("unknown section %q (known: %s)", s, strings.Join(ShowSections, ", "))
		}
		want[s] = true
	}
	show := func(s string) bool { return len(want) == 0 || want[s] }
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	// Table text is ours or the user's policy; strip control characters so
	// a policy value cannot rewrite the terminal.
	row := func(cols ...string) {
		for i, c := range cols {
			cols[i] = clean(c)
		}
		fmt.Fprintln(tw, strings.Join(cols, "\t"))
	}
	head := func(title string) {
		tw.Flush()
		fmt.Fprintf(w, "\n== %s\n", title)
	}
	fmt.Fprintf(w, "# dualscreen rules: policy %s\n", clean(p.Source))
	fmt.Fprintln(w, "# status: V verified against the legal text, S secondary source, U unverified (see data/rules/README.md)")
	if show("policy") {
		head("policy")
		row("setting", "value", "source")
		row("thresholds.party", fmt.Sprint(p.PartyThreshold), p.Origin("thresholds.party"))
		row("thresholds.cyber_description", fmt.Sprint(p.CyberDescriptionThreshold), p.Origin("thresholds.cyber_description"))
		row("thresholds.priority_high", fmt.Sprint(p.HighAt), p.Origin("thresholds.priority_high"))
		row("thresholds.priority_medium", fmt.Sprint(p.MediumAt), p.Origin("thresholds.priority_medium"))
		row("options.flag_uncoded_to_banned", fmt.Sprint(p.FlagUncodedToBanned), p.Origin("options.flag_uncoded_to_banned"))
		row("options.flag_broader_codes", fmt.Sprint(p.FlagBroaderCodes), p.Origin("options.flag_broader_codes"))
		row("options.military_end_use_without_code", fmt.Sprint(p.MilitaryEndUseWithoutCode), p.Origin("options.military_end_use_without_code"))
		lists := "all"
		if len(p.EnabledLists) > 0 {
			lists = "only " + strings.Join(p.EnabledLists, ", ")
		}
		if len(p.DisabledLists) > 0 {
			lists += "; not " + strings.Join(p.DisabledLists, ", ")
		}
		row("lists", lists, p.Origin("lists"))
		tw.Flush()
		fmt.Fprintln(w)
		row("reason", "enabled", "weight", "source")
		for _, r := range ruleReasons {
			src := p.Origin("rules." + string(r))
			if o := p.Origin("weights." + string(r)); o != defaultSource {
				src = o
			}
			row(string(r), fmt.Sprint(p.Enabled[r]), fmt.Sprintf("%.2f", p.Weights[r]), src)
		}
	}
	if show("destinations") {
		head("destination measures (screened for destination, end-user and consignee countries)")
		row("iso2", "country", "measure", "regime", "since", "status", "checked", "legal basis", "source")
		for _, m := range p.measures {
			row(m.ISO2, m.Country, string(m.Measure), m.Regime, dash(m.Since), m.Status, dash(m.LastChecked), m.LegalBasis, m.Source)
		}
		off := []string{}
		for _, m := range p.tables.Destinations {
			if !p.measureOn(m.Key()) {
				off = append(off, m.Key())
			}
		}
		tw.Flush()
		if len(off) > 0 {
			fmt.Fprintf(w, "off (enable in the policy file under [destinations] enable): %s\n", strings.Join(off, ", "))
		}
		codes, prov := p.HumanRightsRisk()
		fmt.Fprintln(w, "\nArt. 5 human-rights-risk destinations:")
		for _, c := range codes {
			row("  "+c, prov[c].Source)
		}
	}
	if show("eu001") {
		head("EU001 destinations (Annex II Section A): Annex I items need no individual licence, except Section I")
		row("iso2", "country", "status", "checked", "legal basis", "source")
		for _, c := range p.tables.EU001 {
			row(c.ISO2, c.Country, c.Status, c.LastChecked, c.LegalBasis, c.Source)
		}
	}
	if show("eu002") {
		head("EU002 (Annex II Section B): these items to these destinations need no individual licence")
		row("kind", "value", "status", "checked", "legal basis", "source")
		for _, c := range p.tables.EU002Destinations {
			row("destination", c.ISO2, c.Status, c.LastChecked, c.LegalBasis, c.Source)
		}
		for _, c := range p.tables.EU002Items {
			row("item", c.Text, c.Status, c.LastChecked, c.LegalBasis, c.Source)
		}
	}
	codeTable := func(title string, es []CodeEntry) {
		head(title)
		row("code", "part", "category", "description", "condition", "status", "checked", "source")
		for _, e := range es {
			row(e.Text, dash(e.Part), dash(e.Category), e.Description, dash(e.Condition), e.Status, e.LastChecked, e.Source)
		}
	}
	if show("section-i") {
		codeTable("Annex II Section I (no UGEA; also every Annex IV item)", p.tables.SectionI)
	}
	if show("annex-iv") {
		codeTable("Annex IV (intra-EU transfer licence, Art. 11); the longest matching entry wins", p.tables.AnnexIV)
	}
	if show("cyber-codes") {
		codeTable("cyber-surveillance control codes (Art. 2(20))", p.tables.CyberCodes)
	}
	if show("keywords") {
		head(fmt.Sprintf("cyber-surveillance description keywords (flag at score >= %v)", p.CyberDescriptionThreshold))
		byLang := map[string]int{}
		row("lang", "pattern", "weight", "category", "source")
		for _, k := range p.keywords {
			byLang[k.Lang]++
			row(k.Lang, k.Pattern, fmt.Sprintf("%+.1f", k.Weight), k.Category, k.Source)
		}
		tw.Flush()
		langs := make([]string, 0, len(byLang))
		for l, n := range byLang {
			langs = append(langs, fmt.Sprintf("%s %d", l, n))
		}
		sort.Strings(langs)
		fmt.Fprintf(w, "keywords per language: %s\n", strings.Join(langs, ", "))
	}
	return tw.Flush()
}

func (p *Policy) measureOn(key string) bool {
	for _, m := range p.measures {
		if m.Key() == key {
			return true
		}
	}
	return false
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clean drops control characters (tabs included, which would break the
// columns) from text shown on a terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}
