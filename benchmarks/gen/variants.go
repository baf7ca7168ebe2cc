package gen

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Variant kinds: how a planted name differs from the list name it came
// from. They are the differences a clerk's keyboard, a foreign registry or
// a freight forwarder's system introduce; each is one a screening tool
// should still catch.
const (
	VarExact     = "exact"      // verbatim list name (primary or alias)
	VarCase      = "case"       // upper, lower or title case
	VarPunct     = "punct"      // punctuation dropped or spaced differently
	VarLegalForm = "legal_form" // legal form added, dropped or spelled out
	VarTypo      = "typo"       // one keyboard slip in one longer word
	VarReorder   = "reorder"    // tokens in another order (family name first)
	VarAccents   = "accents"    // diacritics stripped
	VarSpacing   = "spacing"    // two words run together
	VarNoise     = "noise"      // a branch or address word appended ("… Branch Office")
)

// VariantKinds lists every kind in the order reports show them.
var VariantKinds = []string{VarExact, VarCase, VarPunct, VarLegalForm, VarTypo, VarReorder, VarAccents, VarSpacing, VarNoise}

var legalForms = [][2]string{
	{"LLC", "Limited Liability Company"},
	{"Ltd", "Limited"},
	{"Co., Ltd.", "Company Limited"},
	{"JSC", "Joint Stock Company"},
	{"OOO", "Obshchestvo s Ogranichennoy Otvetstvennostyu"},
	{"Inc.", "Incorporated"},
	{"Corp.", "Corporation"},
	{"GmbH", "Gesellschaft mit beschränkter Haftung"},
}

var noiseWords = []string{"Branch Office", "Head Office", "(Moscow Branch)", "Trading Division", "c/o Freight Forwarder", "Representative Office"}

// Variant rewrites name with the transformation kind and reports whether
// it could (a one-word name cannot be reordered, a name without accents
// cannot lose them). The result always differs from name except for
// VarExact.
func Variant(r *rand.Rand, kind, name string) (string, bool) {
	toks := strings.Fields(name)
	var out string
	switch kind {
	case VarExact:
		return name, true
	case VarCase:
		switch r.IntN(3) {
		case 0:
			out = strings.ToUpper(name)
		case 1:
			out = strings.ToLower(name)
		default:
			out = titleCase(name)
		}
	case VarPunct:
		if !strings.ContainsFunc(name, unicode.IsPunct) {
			if len(toks) < 2 {
				return "", false
			}
			out = strings.Join(toks[:len(toks)-1], " ") + ", " + toks[len(toks)-1]
		} else {
			out = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
				if unicode.IsPunct(r) {
					return ' '
				}
				return r
			}, name)), " ")
		}
	case VarLegalForm:
		out = swapLegalForm(r, name)
	case VarTypo:
		out = typo(r, toks)
	case VarReorder:
		if len(toks) < 2 {
			return "", false
		}
		if r.IntN(2) == 0 { // family name first, as many registries write persons
			out = toks[len(toks)-1] + " " + strings.Join(toks[:len(toks)-1], " ")
		} else {
			toks = append([]string(nil), toks...)
			i := r.IntN(len(toks) - 1)
			toks[i], toks[i+1] = toks[i+1], toks[i]
			out = strings.Join(toks, " ")
		}
	case VarAccents:
		out, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), name)
	case VarSpacing:
		if len(toks) < 2 {
			return "", false
		}
		i := r.IntN(len(toks) - 1)
		joined := append(append([]string(nil), toks[:i]...), toks[i]+toks[i+1])
		out = strings.Join(append(joined, toks[i+2:]...), " ")
	case VarNoise:
		out = name + " " + noiseWords[r.IntN(len(noiseWords))]
	default:
		return "", false
	}
	if out == "" || out == name {
		return "", false
	}
	return out, true
}

func titleCase(s string) string {
	toks := strings.Fields(strings.ToLower(s))
	for i, t := range toks {
		r, n := utf8.DecodeRuneInString(t)
		toks[i] = string(unicode.ToTitle(r)) + t[n:]
	}
	return strings.Join(toks, " ")
}

// swapLegalForm spells out an abbreviated legal form, abbreviates a spelled
// out one, drops a trailing one, or appends one.
func swapLegalForm(r *rand.Rand, name string) string {
	lower := strings.ToLower(name)
	for _, f := range legalForms {
		for k, form := range f {
			lf := strings.ToLower(form)
			if i := strings.LastIndex(lower, lf); i > 0 && i+len(lf) == len(lower) {
				if r.IntN(2) == 0 {
					return strings.TrimRight(strings.TrimSpace(name[:i]), ",")
				}
				return name[:i] + f[1-k]
			}
		}
	}
	f := legalForms[r.IntN(len(legalForms))]
	return name + " " + f[r.IntN(2)]
}

// typo applies one edit (swap, drop, double or replace a letter) inside a
// word of six letters or more, never its first letter: the slips people
// make when they copy a name by hand.
func typo(r *rand.Rand, toks []string) string {
	var long []int
	for i, t := range toks {
		if utf8.RuneCountInString(t) >= 6 {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return ""
	}
	i := long[r.IntN(len(long))]
	w := []rune(toks[i])
	p := 1 + r.IntN(len(w)-2)
	switch r.IntN(4) {
	case 0:
		w[p], w[p+1] = w[p+1], w[p]
	case 1:
		w = append(w[:p], w[p+1:]...)
	case 2:
		w = append(w[:p+1], w[p:]...)
	default:
		w[p] = nearKey(w[p])
	}
	out := append([]string(nil), toks...)
	out[i] = string(w)
	return strings.Join(out, " ")
}

// nearKey returns a neighbour on a QWERTY keyboard, or a vowel swap.
func nearKey(c rune) rune {
	const rows = "qwertyuiop asdfghjkl zxcvbnm"
	lc := unicode.ToLower(c)
	if i := strings.IndexRune(rows, lc); i >= 0 {
		n := rune(rows[(i+1)%len(rows)])
		if n == ' ' {
			n = rune(rows[(i+len(rows)-1)%len(rows)])
		}
		if unicode.IsUpper(c) {
			return unicode.ToUpper(n)
		}
		return n
	}
	if c == 'a' {
		return 'e'
	}
	return 'a'
}
