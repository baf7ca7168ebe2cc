package eval

import (
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// The false-flag check: innocent names made from the tuning part's own
// material, many more than its 6,301 SEC names, so that a rule can be
// judged on what it does to innocents before the held-out part is run.
// Session 5 raised the tuning part's recall with its 28 innocents flagged
// unchanged, and the held-out part then flagged 10 of 1,534 instead of 7:
// 6,301 innocents are too few to see a rule that makes one innocent in a
// thousand a complete match. The check's names come only from what tuning
// may read (tuning innocents, list entries that are not held-out targets)
// and are never the held-out part's.
const (
	// SourceCheckCompany: the first word of one tuning innocent before the
	// rest of another ("IRON" + "Blue Bird Corp" = "IRON Bird Corp"): a
	// real distinctive word in a real-looking company name.
	SourceCheckCompany = "check-company"
	// SourceCheckPerson: one listed person's given names with another
	// listed person's one-word surname ("TIMOFEEV, Chui"), session 4's
	// person proxy. Each holds a listed person's full given names, so it is
	// a harsh test; what matters is whether a change moves its count.
	SourceCheckPerson = "check-person"
	// CheckMargin: an innocent scoring this close under the threshold is a
	// near miss, counted apart: a change that pushes innocents towards the
	// threshold is risky even when none crosses it.
	CheckMargin = 0.03
)

// CheckOptions size the check. Zero values take the defaults.
type CheckOptions struct {
	// CompanyPerName: recombined company names per tuning innocent (before
	// duplicates and listed names are dropped). Default 8.
	CompanyPerName int
	// Persons: recombined person names. Default 6,000.
	Persons int
}

func (o CheckOptions) withDefaults() CheckOptions {
	if o.CompanyPerName <= 0 {
		o.CompanyPerName = 8
	}
	if o.Persons <= 0 {
		o.Persons = 6000
	}
	return o
}

// CheckPairs returns the check's innocent names (label false, not held
// out) in a deterministic order. Names equal to a listed name once
// normalised, legal form aside, or to a SEC name, are left out: they are
// namesakes, not innocents.
func (d *DevSet) CheckPairs(o CheckOptions) []Pair {
	o = o.withDefaults()
	var tuning []string
	known := map[string]bool{}
	for _, p := range d.Pairs {
		if p.Source == "innocent" {
			known[nameOnly(p.Query)] = true
			if !p.HeldOut {
				tuning = append(tuning, p.Query)
			}
		}
	}
	sort.Strings(tuning)
	var out []Pair
	seen := map[string]bool{}
	add := func(q, source string) bool {
		k := nameOnly(q)
		if k == "" || seen[k] || known[k] || d.listed[k] {
			return false
		}
		seen[k] = true
		out = append(out, Pair{Query: q, Source: source})
		return true
	}
	for i, a := range tuning {
		head, ok := distinctiveHead(a)
		if !ok {
			continue
		}
		for k := range o.CompanyPerName {
			b := tuning[checkHash(a, k)%uint32(len(tuning))]
			if _, rest, ok := strings.Cut(b, " "); ok && b != tuning[i] {
				add(head+" "+strings.TrimSpace(rest), SourceCheckCompany)
			}
		}
	}
	persons := d.checkPersons()
	made := 0
	for k := 0; k < o.Persons*4 && len(persons) > 1 && made < o.Persons; k++ {
		g := persons[checkHash("given", k)%uint32(len(persons))]
		s := persons[checkHash("surname", k)%uint32(len(persons))]
		if g.surname == s.surname {
			continue
		}
		if add(s.surname+", "+g.given, SourceCheckPerson) {
			made++
		}
	}
	return out
}

// distinctiveHead returns a name's first word when it is one a name could
// be known by: three letters or more and not a legal form.
func distinctiveHead(name string) (string, bool) {
	head, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	if len([]rune(head)) < 3 {
		return "", false
	}
	toks := matchers.Normalise(head).Tokens
	if len(toks) != 1 || toks[0].Kind == matchers.TokLegal {
		return "", false
	}
	return head, true
}

type personName struct{ surname, given string }

// checkPersons returns the "SURNAME, Given Names" primary names of listed
// persons that are not held-out targets, with one-word surnames, sorted.
func (d *DevSet) checkPersons() []personName {
	var out []personName
	seen := map[personName]bool{}
	for _, e := range d.all {
		if e.Type != lists.TypePerson || heldOut(EntryKey(e.List, e.ID), d.o) {
			continue
		}
		sur, given, ok := strings.Cut(e.PrimaryName(), ",")
		sur, given = strings.TrimSpace(sur), strings.TrimSpace(given)
		if !ok || given == "" || strings.ContainsAny(sur, " -") || len([]rune(sur)) < 3 || strings.Contains(given, ",") {
			continue
		}
		p := personName{sur, given}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].surname != out[j].surname {
			return out[i].surname < out[j].surname
		}
		return out[i].given < out[j].given
	})
	return out
}

// checkHash picks the check's partners. FNV's low bits depend only on the
// low bits of its input, so two keys that differ in their prefix pick the
// same partner modulo a power of two; the finaliser (MurmurHash3's fmix)
// spreads every input bit over the result.
func checkHash(s string, k int) uint32 {
	h := fnv.New32a()
	fmt.Fprintf(h, "check\x00%s\x00%d", s, k)
	x := h.Sum32()
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	x *= 0xc2b2ae35
	x ^= x >> 16
	return x
}

// CheckCount is what the check found for the innocents of one source.
type CheckCount struct {
	Source  string
	Names   int
	Flagged int // best score at or above the threshold
	Near    int // best score in [threshold-CheckMargin, threshold)
}

// CountCheck counts, by source, the innocent pairs flagged at threshold t
// and those within CheckMargin under it. Positive pairs are ignored.
func CountCheck(pairs []Pair, out []Outcome, t float64) []CheckCount {
	by := map[string]*CheckCount{}
	var order []string
	for i, p := range pairs {
		if p.Label {
			continue
		}
		c := by[p.Source]
		if c == nil {
			c = &CheckCount{Source: p.Source}
			by[p.Source] = c
			order = append(order, p.Source)
		}
		c.Names++
		switch s := max(out[i].Target, out[i].Other); {
		case s >= t:
			c.Flagged++
		case s >= t-CheckMargin:
			c.Near++
		}
	}
	sort.Strings(order)
	res := make([]CheckCount, len(order))
	for i, s := range order {
		res[i] = *by[s]
	}
	return res
}

// WriteCheck prints CountCheck's counts, one line per source.
func WriteCheck(w io.Writer, cs []CheckCount, t float64) error {
	if _, err := fmt.Fprintf(w, "false-flag check at %.2f (near: within %.2f under it)\n%-14s %7s %8s %6s\n", t, CheckMargin, "source", "names", "flagged", "near"); err != nil {
		return err
	}
	for _, c := range cs {
		if _, err := fmt.Fprintf(w, "%-14s %7d %8d %6d\n", c.Source, c.Names, c.Flagged, c.Near); err != nil {
			return err
		}
	}
	return nil
}
