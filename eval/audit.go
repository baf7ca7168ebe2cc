package eval

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// The audit: rules that the development set's own definition (variantOfAny,
// "The development set" in README.md) states but the drawing of pairs did
// not apply. Each rule is argued from the names and identifiers alone. They
// are applied after a pair is drawn, so that the set only loses pairs: the
// pairs kept are the ones measured before, in the same part, and figures
// before and after the audit are comparable.
const (
	// RuleCitedReference: the only identifiers two entries share are UN
	// references one of them cites as another party's (citedReferences),
	// and the query is not one of the target's names. A citation makes
	// the two related parties, the group and its leader or a father and
	// his sons, who share a family name: "ALI KONY" and "SALIM KONY" are
	// not "Joseph KONY", whose entry has the alias "Kony". Only the very
	// same name ("VIV ANSANM" on the UN and the EU list, both citing
	// the group's reference) says the two are one party.
	RuleCitedReference = "cited UN reference"
	// RuleLegalFormsOnly: the query, or the only name of the target it
	// is a variant of, is nothing but a legal form ("Joint Stock
	// Company", an EU journal row that lost its name): no part of it is a
	// name, and no name matcher can be asked to find a party by it.
	RuleLegalFormsOnly = "legal forms only"
	// RuleContraction: a part of one name is found in the other only as
	// a respelling (Jaro-Winkler) of a word it is not, while it is made
	// of the beginnings of two or more of the other name's words, in
	// order: INPESCA is IN(DUSTRIA DE) PESCA, CANALVE is CANAL(ES)
	// VE(NECIA). That is a contraction, an acronym of syllables, which the
	// definition excludes, not a respelling of PESCA or CANALES.
	RuleContraction = "contraction"
	// RuleShortParts: a person's name part of two or three letters (a
	// Korean or Chinese syllable, a short given name) has no counterpart
	// in the other name. The four-letter rule passes over such parts, so
	// "KIM, Hak Song" was a variant of "Kim Song Chol" through SONG alone,
	// and "JON, Yong Sang" of "Jon Myong Guk": other given names of the
	// same person, not respellings. A counterpart is the same part, a
	// Jaro-Winkler one, or one that keeps its first or its last letter, as
	// romanisations of one syllable do (Euk / Ok / kuk, Wu / Woo / U, Jin /
	// Chin, Sam / Saalim).
	RuleShortParts = "person's short part unmatched"
)

// auditRules are the audit's rules on names (variantUnder), as bits.
type auditRules uint8

const (
	ruleLegalForms auditRules = 1 << iota
	ruleContraction
	ruleShortParts
	allAuditRules = ruleLegalForms | ruleContraction | ruleShortParts
)

// nameRule returns the first audit rule on names under which query is no
// variant of e's names (name skip aside), or "".
func nameRule(query string, e *lists.Entry, skip int) string {
	if variantUnder(query, e, skip, allAuditRules) {
		return ""
	}
	if !variantUnder(query, e, skip, ruleLegalForms) {
		return RuleLegalFormsOnly
	}
	if !variantUnder(query, e, skip, ruleLegalForms|ruleContraction) {
		return RuleContraction
	}
	return RuleShortParts
}

// shortPartsFound reports whether every part of two or three letters of
// the name of a and b with fewer parts of two letters or more has a
// counterpart among the other's (RuleShortParts); of both, when they have
// as many. Counting every part, not only those of four letters, keeps a
// title or a particle on the longer name (KNOWLES, JR., Samuel / KNOWLES,
// Samuel; OO, Daw Thida / Thida Oo) from counting against it. Single
// letters are initials, which any part may stand for.
func shortPartsFound(a, b []string) bool {
	a, b = partsOf2(a), partsOf2(b)
	switch {
	case len(a) < len(b):
		return syllablesFound(a, b)
	case len(b) < len(a):
		return syllablesFound(b, a)
	}
	return syllablesFound(a, b) && syllablesFound(b, a)
}

func partsOf2(ps []string) []string {
	var out []string
	for _, p := range ps {
		if len([]rune(p)) >= 2 {
			out = append(out, p)
		}
	}
	return out
}

func syllablesFound(short, long []string) bool {
	for _, p := range short {
		if len([]rune(p)) > 3 {
			continue
		}
		found := false
		for _, q := range long {
			if syllableCounterpart(p, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// syllableCounterpart: q is p, a Jaro-Winkler respelling of it, or keeps
// its first or its last letter.
func syllableCounterpart(p, q string) bool {
	if p == q || jw.Compare(p, q) >= 0.85 {
		return true
	}
	pr, qr := []rune(p), []rune(q)
	return pr[0] == qr[0] || pr[len(pr)-1] == qr[len(qr)-1]
}

// contracted reports whether a part of short (the long parts of the name
// with fewer of them) is found in long only by a respelling that is in
// fact a contraction of the other name's words (RuleContraction), or a
// part of long one of short's words. A part found plainly (foundPlainly:
// equal, extended at its end, or two adjacent parts written together) is
// no contraction.
func contracted(short, long, shortWords, longWords []string) bool {
	for _, p := range short {
		if !foundPlainly(p, long) && isContraction(p, longWords) {
			return true
		}
	}
	for _, q := range long {
		for _, p := range short {
			if p != q && jw.Compare(p, q) >= 0.85 && !foundPlainly(p, long) && isContraction(q, shortWords) {
				return true
			}
		}
	}
	return false
}

// foundPlainly: p is one of long's parts, two adjacent ones written
// together, or begins one or is begun by one: a word extended at its end
// (ISIS, ISISWAP; KRYLOV, KRYLOVSKY) is an extension, which the definition
// keeps.
func foundPlainly(p string, long []string) bool {
	for i, q := range long {
		if strings.HasPrefix(q, p) || strings.HasPrefix(p, q) || (i+1 < len(long) && p == q+long[i+1]) {
			return true
		}
	}
	return false
}

// isContraction reports whether w is the beginnings of two or more of
// words, in their order (words may be passed over), at least one of them
// cut short: INPESCA of INDUSTRIA DE PESCA, FUNPAZCOR of FUNDACION PARA
// LA PAZ DE CORDOBA. Each beginning is all that w and the word share from
// there, and two letters or more: a respelling ends differently (SERGEI
// is SERGE(Y) and an I, AGRICULTURE is AGRICULTUR(AL) and an E; neither
// is a contraction). Whole words written together (ALBASHIR of AL
// BASHIR) are none either.
func isContraction(w string, words []string) bool {
	var try func(rest string, from, pieces int, cut bool) bool
	try = func(rest string, from, pieces int, cut bool) bool {
		if rest == "" {
			return pieces >= 2 && cut
		}
		for j := from; j < len(words); j++ {
			n := commonPrefix(rest, words[j])
			if n >= 2 && try(rest[n:], j+1, pieces+1, cut || n < len(words[j])) {
				return true
			}
		}
		return false
	}
	return try(w, 0, 0, false)
}

// commonPrefix is the length in bytes of the longest common prefix of a
// and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// onlyLegalForms reports whether every part of name, as the matchers
// normalise it, is a legal form.
func onlyLegalForms(name string) bool {
	toks := matchers.Normalise(name).Tokens
	for _, t := range toks {
		if t.Kind != matchers.TokLegal {
			return false
		}
	}
	return len(toks) > 0
}

// Removed is a pair the audit took out of the development set, with the
// rule that removed it.
type Removed struct {
	Pair
	Rule string
}

// auditCrossID returns the rule that rejects target as a cross-id target
// of query, or "". own says whether the two share an identifier that is
// their own rather than cited.
func auditCrossID(query string, target *lists.Entry, own bool) string {
	if !own && !hasName(target, query) {
		return RuleCitedReference
	}
	return nameRule(query, target, -1)
}

// hasName reports whether one of e's names is name, after the baseline's
// folding and sorting of parts.
func hasName(e *lists.Entry, name string) bool {
	key := matchers.SortedKey(name)
	for _, n := range e.Names {
		if matchers.SortedKey(n.Value) == key {
			return true
		}
	}
	return false
}

// audit adds p with only the targets kept, or records it as removed when
// none is. rules names the rule that rejected each other target. A pair
// that keeps some targets keeps its part: SplitKey is its first target
// before the audit.
func (d *DevSet) audit(p Pair, kept []string, rules map[string]string) {
	if len(kept) > 0 {
		for _, t := range p.Targets {
			if r, ok := rules[t]; ok {
				d.Counts["audit: target dropped "+Part(p)+" ("+r+")"]++
			}
		}
		p.SplitKey = p.Targets[0]
		p.Targets = kept
		d.add(p)
		return
	}
	d.remove(p, rules[p.Targets[0]])
}

// remove records p as removed by rule and counts it by source and part
// (counts only: the held-out pairs are never listed by the commands).
func (d *DevSet) remove(p Pair, rule string) {
	d.Removed = append(d.Removed, Removed{Pair: p, Rule: rule})
	d.Counts["audit: removed "+p.Source+" "+Part(p)+" ("+rule+")"]++
}

// WriteRemovedCSV writes removed pairs in WritePairsCSV's columns plus the
// pair's part and the rule that removed it.
func WriteRemovedCSV(w io.Writer, removed []Removed) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"query", "target", "label", "source", "part", "rule"}); err != nil {
		return err
	}
	for _, r := range removed {
		if err := cw.Write([]string{r.Query, strings.Join(r.Targets, "|"), "1", r.Source, Part(r.Pair), r.Rule}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// SelectRemoved returns the removed pairs of one split (see SelectSplit).
func SelectRemoved(rs []Removed, split string) ([]Removed, error) {
	var out []Removed
	for _, r := range rs {
		in, err := SelectSplit([]Pair{r.Pair}, split)
		if err != nil {
			return nil, err
		}
		if len(in) == 1 {
			out = append(out, r)
		}
	}
	return out, nil
}
