package eval

import (
	"slices"
	"sort"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// RuleOnePerParty: an alias-loo pair whose party (partyOf) shares an entry
// with the party of a pair drawn earlier in the sampling's hash order. Two
// pairs of one party each leave their alias out of the party's entries,
// so each takes a name from the other's targets: OFAC's "ABU ZEID,
// Abdelhamid" and the UN's "Abdelhamid Abou Zeid" are one man, and with
// both drawn OFAC's entry lost its primary name "ABOU ZEID, Abdelhamid"
// (the UN alias, folded alike) and neither pair could be found. The set
// asks whether a party is found by a name it is not indexed under; one
// such name per party is what it can ask without one question changing
// another's answer.
const RuleOnePerParty = "another alias of the party"

// RuleAliasQuestion: a cross-id pair whose query is, folded alike, the
// alias an alias-loo pair left out of the party's entries, among them this
// pair's targets. The EU's primary name "Aleksandr Valerievich POTAPOV"
// queries OFAC's entry, whose alias "POTAPOV, Aleksandr Valerievich" is
// the query of OFAC's alias-loo pair and was left out of both entries: the
// two pairs ask the same question of the same index, and the party would
// be counted twice (in two parts, when they are cut apart). The alias-loo
// pair is kept: it was drawn to ask it.
const RuleAliasQuestion = "query is an alias left out"

// partyOf is the entry at and the entries that are the same party
// republished, in load order: its copies (copiesOf: the CSL's copy of an
// OFAC entry, same-named entries of other lists) and its linked copies,
// entries of another publisher, of the same kind, sharing one of their own
// identifiers (links), the cross-id pairs' rule for one party. An
// alias-loo pair leaves its alias out of all of them, and they are its
// targets. The EU's "Spacety Co., Ltd." holds OFAC's alias "SPACETY CO.
// LTD" under another primary name: with the alias left out of OFAC's
// entry only, the query matched the EU's copy at 1.000 and was counted a
// miss. Named copies (namedCopies) are the third kind. The party is not
// closed transitively: a registration number two firms share (a parent
// and its subsidiary) would make them one.
func partyOf(all []*lists.Entry, at int, copies []int, links map[int]bool, named []int) []int {
	out := append([]int{at}, copies...)
	for _, j := range named {
		if !slices.Contains(out, j) {
			out = append(out, j)
		}
	}
	for j, own := range links {
		if own && sameKind(all[at], all[j]) && !slices.Contains(out, j) {
			out = append(out, j)
		}
	}
	sort.Ints(out)
	return out
}

// onePerParty marks with RuleOnePerParty every pair (not already removed)
// whose party shares an entry with a pair kept before it in the sampling's
// hash order (the hash of the entry key, then load order), so no pair
// takes a name from another's targets.
func onePerParty(drawn []*drawn) {
	byHash := slices.Clone(drawn)
	sort.SliceStable(byHash, func(i, j int) bool {
		if byHash[i].h != byHash[j].h {
			return byHash[i].h < byHash[j].h
		}
		return byHash[i].pick < byHash[j].pick
	})
	claimed := map[int]bool{}
	for _, dr := range byHash {
		if dr.rule != "" {
			continue
		}
		taken := false
		for _, m := range dr.members {
			taken = taken || claimed[m]
		}
		if taken {
			dr.rule = RuleOnePerParty
			continue
		}
		for _, m := range dr.members {
			claimed[m] = true
		}
	}
}

// minSharedNames: entries of two lists holding this many of the same
// names (namedCopies) are one party.
const minSharedNames = 2

// namedCopies finds, for each entry, the entries of other lists, of the
// same kind, that hold two or more of its names (folded and sorted by
// matchers.SortedKey; weak aliases, names that are only legal forms and
// names held by more than maxLinked entries aside). The UN lists "BI SIDI
// SOULEMAN" with the alias "Sidiki Abbas", OFAC the same man as "ABBAS,
// Sidiki" with "SOULEMAN, Bi Sidi", and neither cites the other: the
// query "Sidiki Abbas" matched OFAC's entry at 1.000 and counted a miss.
// One shared name is a namesake as often as a copy ("Abdul Baqi" is an
// alias of the UN's Abdul Baqi Basir Awal Shah and of OFAC's Abdul Baqi
// Bari); two distinct ones (a reordering folds alike, so it is one) are
// what a publisher copying another's entry leaves.
func namedCopies(all []*lists.Entry) map[int][]int {
	byName := map[string][]int{}
	for i, e := range all {
		seen := map[string]bool{}
		for _, n := range e.Names {
			if n.Kind == lists.NameWeak || onlyLegalForms(n.Value) {
				continue
			}
			k := matchers.SortedKey(n.Value)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			byName[k] = append(byName[k], i)
		}
	}
	byKey := map[string]int{}
	for i, e := range all {
		byKey[EntryKey(e.List, e.ID)] = i
	}
	// republishes reports whether b is the copy (same id, another list)
	// of an entry of a's list other than a: OFAC lists KINGS ROMANS
	// INTERNATIONAL (HK) and ZHAO WEI TCO apart, sharing the aliases
	// KINGS ROMANS GROUP and KINGS ROMANS CASINO, and the CSL's copy of
	// one is no copy of the other.
	republishes := func(b, a int) bool {
		c, ok := byKey[EntryKey(all[a].List, all[b].ID)]
		return ok && c != a
	}
	shared := map[[2]int]int{}
	for _, es := range byName {
		if len(es) < 2 || len(es) > maxLinked {
			continue
		}
		for _, a := range es {
			for _, b := range es {
				if a != b && all[a].List != all[b].List && sameKind(all[a], all[b]) && !republishes(b, a) && !republishes(a, b) {
					shared[[2]int{a, b}]++
				}
			}
		}
	}
	out := map[int][]int{}
	for ab, n := range shared {
		if n >= minSharedNames {
			out[ab[0]] = append(out[ab[0]], ab[1])
		}
	}
	for _, js := range out {
		sort.Ints(js)
	}
	return out
}

// dropAliasQuestions removes the cross-id pairs RuleAliasQuestion
// rejects: their query folds alike to the alias an alias-loo pair left
// out of one of their targets.
func (d *DevSet) dropAliasQuestions() {
	leftOut := map[string]map[string]bool{} // target key -> aliases left out
	for _, p := range d.Pairs {
		if p.Source != "alias-loo" {
			continue
		}
		for _, k := range p.Targets {
			if leftOut[k] == nil {
				leftOut[k] = map[string]bool{}
			}
			leftOut[k][matchers.SortedKey(p.Query)] = true
		}
	}
	kept := d.Pairs[:0]
	for _, p := range d.Pairs {
		asked := false
		if p.Source == "cross-id" {
			q := matchers.SortedKey(p.Query)
			for _, k := range p.Targets {
				asked = asked || leftOut[k][q]
			}
		}
		if !asked {
			kept = append(kept, p)
			continue
		}
		split := "tune"
		if p.HeldOut {
			split = "heldout"
		}
		d.Counts[p.Source+" "+split]--
		d.remove(p, RuleAliasQuestion)
	}
	d.Pairs = kept
}
