package eval

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// aliasPair returns the alias-loo pair drawn from the entry key, or nil.
func aliasPair(d *DevSet, key string) *Pair {
	for i, p := range d.Pairs {
		if p.Source == "alias-loo" && (p.SplitKey == key || (p.SplitKey == "" && p.Targets[0] == key)) {
			return &d.Pairs[i]
		}
	}
	return nil
}

// TestNamedCopies: the UN lists "BI SIDI SOULEMAN" with the alias
// "Sidiki Abbas", OFAC the same man as "SOULEYMANE, Bi Sidi" with "ABBAS,
// Sidiki" and "SOULEMAN, Bi Sidi", and neither cites the other's
// reference. Sharing two names, OFAC's entry is the same party: it loses
// the alias left out and is a target. "Abdul Baqi", an alias of the UN's
// Abdul Baqi Basir Awal Shah, is also "BAQI, Abdul", an alias of OFAC's
// Abdul Baqi Bari: one shared name is a namesake, and OFAC's entry keeps
// it. OFAC lists KINGS ROMANS INTERNATIONAL (HK) and ZHAO WEI TCO apart
// with two aliases in common: the CSL's copy of the one is no copy of the
// other.
func TestNamedCopies(t *testing.T) {
	org := func(list, id string, names ...string) *lists.Entry {
		e := person(list, id, "", names...)
		e.Type = lists.TypeOrganisation
		return e
	}
	unSidiki := person("un_sc", "CFi.014", "Bi Sidi Souleman leads the Central African Republic-based militia group 3R.",
		"BI SIDI SOULEMAN", "“General” Sidiki", "Sidiki Abbas", "Souleymane Bi Sidi", "Bi Sidi Soulemane")
	ofacSidiki := person("ofac_sdn", "28980", "DOB 20 Jul 1962; POB Bocaranga, Central African Republic.",
		"SOULEYMANE, Bi Sidi", "BI SIDI, Souleymane", "SOULEMAN, Bi Sidi", "SOULEMANE, Bi Sidi", "ABBAS, Sidiki", "ABASS, Sidiki", "SIDIKI, Abbas")
	unBaqi := person("un_sc", "TAi.038", "Taliban member responsible for Nangarhar Province as at 2008.", "ABDUL BAQI BASIR AWAL SHAH", "Abdul Baqi")
	ofacBaqi := person("ofac_sdn", "13157", "DOB 01 Jan 1953; POB Kandahar, Afghanistan.", "BARI, Abdul Baqi", "BARI, Haji Abdul", "BAQI, Abdul")
	kings := []string{"KINGS ROMANS INTERNATIONAL (HK) CO., LIMITED", "KINGS ROMANS CASINO", "KINGS ROMANS GROUP", "KINGS ROMAN INTERNATIONAL COMPANY, LIMITED"}
	zhao := []string{"ZHAO WEI TCO", "ZHAO WEI NARCOTICS TRAFFICKING GROUP", "KINGS ROMANS CASINO", "KINGS ROMANS GROUP"}
	ls := []*lists.List{
		{ID: "ofac_sdn", Entries: []*lists.Entry{ofacSidiki, ofacBaqi, org("ofac_sdn", "23652", kings...), org("ofac_sdn", "23648", zhao...)}},
		{ID: "un_sc", Entries: []*lists.Entry{unSidiki, unBaqi}},
		{ID: "us_csl", Entries: []*lists.Entry{org("us_csl", "23652", kings...), org("us_csl", "23648", zhao...)}},
	}
	d := Derive(ls, nil, DevSetOptions{AliasLists: func(id string) bool { return id == "un_sc" || id == "ofac_sdn" }})
	checks := []struct{ from, targets string }{
		{"un_sc:CFi.014", "ofac_sdn:28980|un_sc:CFi.014"},
		{"un_sc:TAi.038", "un_sc:TAi.038"},
	}
	for _, c := range checks {
		p := aliasPair(d, c.from)
		if p == nil {
			t.Errorf("%s: no alias-loo pair; removed %v", c.from, d.Removed)
			continue
		}
		if got := strings.Join(p.Targets, "|"); got != c.targets {
			t.Errorf("%q (from %s): targets %s, want %s", p.Query, c.from, got, c.targets)
		}
		for _, e := range d.Entries {
			if strings.Contains(c.targets, EntryKey(e.List, e.ID)) && hasName(e, p.Query) {
				t.Errorf("%q: the target %s:%s still holds it", p.Query, e.List, e.ID)
			}
		}
	}
	own := aliasPair(d, "ofac_sdn:13157") // OFAC's own pair leaves one of its aliases out
	if p := aliasPair(d, "un_sc:TAi.038"); p == nil || p.Query != "Abdul Baqi" || (own != nil && own.Query != "BAQI, Abdul" && !hasName(indexed(d, "ofac_sdn:13157"), "BAQI, Abdul")) {
		t.Errorf("OFAC's Abdul Baqi Bari, one shared name away, must keep \"BAQI, Abdul\"")
	}
	// OFAC's own pairs: the UN's entry holds two of Sidiki's names too,
	// so the later of the two pairs by the sampling's order is removed.
	if p := aliasPair(d, "ofac_sdn:23652"); p == nil || strings.Join(p.Targets, "|") != "ofac_sdn:23652|us_csl:23652" {
		t.Errorf("KINGS ROMANS (HK): %+v, want targets its own entry and the CSL's copy, not ZHAO WEI TCO's", p)
	}
	removed := 0
	for _, r := range d.Removed {
		if r.Rule == RuleOnePerParty {
			removed++
			if !strings.Contains(r.Query, "Sidi") && !strings.Contains(strings.ToUpper(r.Query), "SOULE") && !strings.Contains(r.Query, "ABBAS") && !strings.Contains(r.Query, "ABASS") {
				t.Errorf("removed %q: only Sidiki's party has two pairs", r.Query)
			}
		}
	}
	if removed != 1 {
		t.Errorf("%d pairs removed as %q, want Sidiki's second", removed, RuleOnePerParty)
	}
}

func indexed(d *DevSet, key string) *lists.Entry {
	for _, e := range d.Entries {
		if EntryKey(e.List, e.ID) == key {
			return e
		}
	}
	return nil
}

// TestAliasQuestionAskedOnce: the EU lists Aleksandr Potapov as
// "Aleksandr Valerievich POTAPOV", OFAC as "POTAPOV, Aleksandr
// Valeryevich" with the alias "POTAPOV, Aleksandr Valerievich", under one
// tax number. OFAC's alias-loo pair leaves the alias out of both entries;
// the EU's cross-id pair would then ask the very same name of OFAC's
// entry, the same question again, and is removed (RuleAliasQuestion). The
// OFAC primary name's own cross-id pair, a real respelling, stays.
func TestAliasQuestionAskedOnce(t *testing.T) {
	eu := person("eu_journal", "32014R0269/I.PERSONS/1603", "Director of Uralvagonzavod. Tax ID 770405465488.", "Aleksandr Valerievich POTAPOV", "Александр Валерьевич ПОТАПОВ")
	ofac := person("ofac_sdn", "46774", "DOB 23 Feb 1963; Tax ID No. 770405465488 (Russia); Linked To: URALVAGONZAVOD.", "POTAPOV, Aleksandr Valeryevich", "POTAPOV, Aleksandr Valerievich")
	ls := []*lists.List{
		{ID: "ofac_sdn", Entries: []*lists.Entry{ofac}},
		{ID: "eu_journal", Entries: []*lists.Entry{eu}},
	}
	d := Derive(ls, nil, DevSetOptions{})
	var got []string
	for _, p := range d.Pairs {
		got = append(got, p.Source+": "+p.Query+" -> "+strings.Join(p.Targets, "|"))
	}
	want := []string{
		"cross-id: POTAPOV, Aleksandr Valeryevich -> eu_journal:32014R0269/I.PERSONS/1603",
		"alias-loo: POTAPOV, Aleksandr Valerievich -> eu_journal:32014R0269/I.PERSONS/1603|ofac_sdn:46774",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pairs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Removed) != 1 || d.Removed[0].Rule != RuleAliasQuestion || d.Removed[0].Query != "Aleksandr Valerievich POTAPOV" {
		t.Errorf("removed %v, want the EU's cross-id pair as %q", d.Removed, RuleAliasQuestion)
	}
	if n := d.Counts["cross-id tune"] + d.Counts["cross-id heldout"]; n != 1 {
		t.Errorf("cross-id pairs counted: %d, want 1", n)
	}
}
