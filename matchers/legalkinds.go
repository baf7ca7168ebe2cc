package matchers

// Legal forms of incompatible kinds. A corporation (Inc, Corp), a limited
// company (Ltd, LLC, GmbH, OOO) and a partnership (LP, KG) are different
// legal persons, usually under different law: "IRON MOUNTAIN INC" and
// "IRON MOUNTAIN ENTERPRISES LIMITED" share two words, but not the kind of
// company. The classes "co" (company: a word, not a kind), "jsc" (joint-
// stock companies are written Corporation too, and SA, AG or SAL where a
// list writes Ltd: corp / jsc and llc / jsc each cost a true pair) and
// "soe" (a type of enterprise, written beside any form) tell nothing
// here. On tune-a of the development set, no true pair scoring under 1
// aligned a corporation with a limited company, and 31 of the 95
// innocents scoring 0.6 to 0.85 and 5 of the 10 flagged between 0.85 and
// 0.9 did.
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
