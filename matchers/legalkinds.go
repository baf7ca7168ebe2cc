package matchers

// Legal forms of incompatible kinds. A corporation (Inc, Corp), a limited
// company (Ltd, LLC, GmbH, OOO) and a partnership (LP, KG) are different
// legal persons, usually under different law: "IRON MOUNTAIN INC" and
// "IRON MOUNTAIN ENTERPRISES LIMITED" share two words, but not the kind of
// company. The classes "co" (company: a word, not a kind), "jsc" (a
// Russian JSC is written Corporation as often as not) and "soe" (a type of
// enterprise, used beside any form) tell nothing here. On tune-a of the
// development set, a partial match between a corporation and a limited
// company was never a true pair, and it was 35 of the 88 innocents
// scoring 0.6 to 0.85 and 5 of the 10 flagged between 0.85 and 0.9.
const (
	kindCorp uint8 = 1 << iota
	kindLLC
	kindLP
)

// legalKind returns the kind bit of a legal-form class token, 0 for the
// classes that name no exclusive kind.
func legalKind(class string) uint8 {
	switch class {
	case formCorp:
		return kindCorp
	case formLLC:
		return kindLLC
	case formLP:
		return kindLP
	}
	return 0
}

// legalConflict reports whether two names' kinds of company (legalKind
// bits, ORed over their legal forms) are known on both sides and share
// none: "XYZ Ltd & Co KG" and "XYZ LLC" share the limited company.
func legalConflict(q, n uint8) bool { return q != 0 && n != 0 && q&n == 0 }
