package eval

import (
	"slices"
	"sort"

	"github.com/dualscreen/dualscreen/lists"
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

// partyOf is the entry at and the entries that are the same party
// republished, in load order: its copies (copiesOf: the CSL's copy of an
// OFAC entry, same-named entries of other lists) and its linked copies,
// entries of another publisher, of the same kind, sharing one of their own
// identifiers (links), the cross-id pairs' rule for one party. An
// alias-loo pair leaves its alias out of all of them, and they are its
// targets. The EU's "Spacety Co., Ltd." holds OFAC's alias "SPACETY CO.
// LTD" under another primary name: with the alias left out of OFAC's
// entry only, the query matched the EU's copy at 1.000 and was counted a
// miss. The party is not closed transitively: a registration number two
// firms share (a parent and its subsidiary) would make them one.
func partyOf(all []*lists.Entry, at int, copies []int, links map[int]bool) []int {
	out := append([]int{at}, copies...)
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
