// Package listgen sizes restricted-party lists for the list-size scaling
// runs: a sample of the real lists for sizes below them, and the real lists
// plus synthetic entries recombined from real names above them. Sizes count
// name variants (primary names and aliases), the unit every matcher pays
// for.
package listgen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
)

// Key identifies an entry across lists.
func Key(list, id string) string { return list + "\x00" + id }

// CountNames returns the number of name variants of entries.
func CountNames(entries []*lists.Entry) int {
	n := 0
	for _, e := range entries {
		n += len(e.Names)
	}
	return n
}

// Sized returns entries holding about names name variants. Entries whose Key
// is in keep are always included (the planted truth must stay findable).
// Below the real size it samples whole entries; above it, it adds synthetic
// entries (list "synthetic") whose names recombine the words of real names
// of the same type, so they have the token statistics of real lists
// without copying any one name. The same seed gives the same entries.
func Sized(real []*lists.Entry, keep map[string]bool, names int, seed uint64) ([]*lists.Entry, error) {
	if names <= 0 {
		return nil, fmt.Errorf("listgen: size %d must be positive", names)
	}
	r := rand.New(rand.NewPCG(seed, seed^0x1e57))
	var out []*lists.Entry
	total := 0
	var rest []*lists.Entry
	for _, e := range real {
		if keep[Key(e.List, e.ID)] {
			out = append(out, e)
			total += len(e.Names)
		} else {
			rest = append(rest, e)
		}
	}
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	for _, e := range rest {
		if total >= names {
			return out, nil
		}
		out = append(out, e)
		total += len(e.Names)
	}
	words := wordsByType(real)
	for i := 0; total < names; i++ {
		tmpl := real[r.IntN(len(real))]
		w := words[tmpl.Type]
		if len(w) == 0 || len(tmpl.Names) == 0 {
			continue
		}
		e := &lists.Entry{List: "synthetic", ID: fmt.Sprintf("SYN-%07d", i), Type: tmpl.Type, Countries: tmpl.Countries, Programs: []string{"SYNTHETIC"}}
		for k, n := range tmpl.Names {
			if k >= 3 { // three variants per entry keep the size in names predictable
				break
			}
			e.Names = append(e.Names, lists.Name{Value: recombine(r, n.Value, w), Kind: n.Kind, Lang: n.Lang})
		}
		out = append(out, e)
		total += len(e.Names)
	}
	return out, nil
}

// recombine replaces about half of the words of name (at least one) with
// words of other real names of the same entry type.
func recombine(r *rand.Rand, name string, words []string) string {
	toks := strings.Fields(name)
	if len(toks) == 0 {
		return words[r.IntN(len(words))]
	}
	replaced := false
	for i := range toks {
		if r.IntN(2) == 0 {
			toks[i] = words[r.IntN(len(words))]
			replaced = true
		}
	}
	if !replaced {
		toks[r.IntN(len(toks))] = words[r.IntN(len(words))]
	}
	return strings.Join(toks, " ")
}

func wordsByType(entries []*lists.Entry) map[lists.EntryType][]string {
	out := map[lists.EntryType][]string{}
	for _, e := range entries {
		for _, n := range e.Names {
			out[e.Type] = append(out[e.Type], strings.Fields(n.Value)...)
		}
	}
	return out
}
