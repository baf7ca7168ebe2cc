package eval

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/adrg/strutil/metrics"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// DevSetOptions control the derivation of the development set.
type DevSetOptions struct {
	// HeldOutOneIn: one pair in this many is held out of all tuning, chosen
	// by a hash of the target entry key (of the name, for innocent names),
	// so an entry never sits in both parts. Default 5.
	HeldOutOneIn int
	// MaxAliasPairs caps the alias leave-one-out pairs per list (a
	// deterministic sample by hash). Default 2000.
	MaxAliasPairs int
	// AliasLists are the list ids whose aliases are left out one at a time.
	// Default: every list whose id starts with "ofac_sdn" or "un_".
	AliasLists func(listID string) bool
}

func (o DevSetOptions) withDefaults() DevSetOptions {
	if o.HeldOutOneIn <= 0 {
		o.HeldOutOneIn = 5
	}
	if o.MaxAliasPairs <= 0 {
		o.MaxAliasPairs = 2000
	}
	if o.AliasLists == nil {
		o.AliasLists = func(id string) bool { return strings.HasPrefix(id, "ofac_sdn") || strings.HasPrefix(id, "un_") }
	}
	return o
}

// DevSet is a derived development set: the entries to index (with the
// left-out aliases removed) and the labelled pairs.
type DevSet struct {
	Entries []*lists.Entry
	Pairs   []Pair
	// Counts by source and split, for the report.
	Counts map[string]int
	// Removed are the pairs the audit took out after they were drawn
	// (audit.go), with the rule that removed each, in the order drawn.
	Removed []Removed

	// What CheckPairs recombines and must not reproduce: every loaded
	// entry, and every listed name's variants without legal forms.
	all    []*lists.Entry
	listed map[string]bool
	o      DevSetOptions
}

// Derive builds the development set from loaded lists and innocent names:
//
//   - cross-id: entries of different publishers (EU, UN, US, UK, ...) that
//     share an identifier (INN, OGRN, IMO, passport or registration number,
//     UN reference) are the same party; each one's primary name is a query
//     whose targets are the others. Real spelling variation between
//     publishers, with nothing made up.
//   - alias-loo: an alias of an OFAC SDN or UN entry is the query, with that
//     alias removed from the indexed entries of its party (partyOf: the
//     entry and its copies), which are the targets; one pair per party
//     (RuleOnePerParty). Only
//     aliases that are a spelling variant of a remaining name (they share a
//     name part, compared with the baseline's folding) are used: an
//     acronym or a former name is a different name, which no name matcher
//     can be asked to find. Former names (f.k.a.) and weak aliases are not
//     used.
//   - innocent: real company names, which should match nothing. Names equal
//     to a listed name after normalisation, legal forms aside (SEC's
//     "CARVANA CO." and OFAC's "CARVANA COMPANY"), are namesakes that every
//     name matcher must flag and are left out, as are the namesakes
//     reviewed by hand (namesakes.go).
//
// The positives are drawn by the variant rule as it stood before session
// 8's audit (variantOfAny); the audit (audit.go) then removes the pairs
// and cross-id targets that the definition's own rules reject, so that
// the set only loses pairs and each keeps its part (DevSet.Removed).
//
// Queries carry no country: the innocent names have none, and giving one
// only to the positives would let country agreement, which is supporting
// evidence only, separate them for the wrong reason.
func Derive(ls []*lists.List, innocents []string, o DevSetOptions) *DevSet {
	o = o.withDefaults()
	d := &DevSet{Counts: map[string]int{}}
	var all []*lists.Entry
	for _, l := range ls {
		all = append(all, l.Entries...)
	}
	links := identifierLinks(all)
	crossIDPairs(all, links, d, o)
	d.Entries = aliasPairs(all, links, d, o)
	d.dropAliasQuestions()
	listed := map[string]bool{}
	for _, e := range all {
		for _, n := range e.Names {
			for _, v := range matchers.NameVariants(n.Value) {
				listed[nameOnly(v)] = true
			}
		}
	}
	d.all, d.listed, d.o = all, listed, o
	stripped := make([]string, len(innocents))
	for i, n := range innocents {
		stripped[i] = withoutEDGARSuffix(n)
	}
	for _, n := range dedupNames(stripped) {
		if listed[nameOnly(n)] {
			// The same name as a listed one, legal form aside: any name
			// matcher must flag it, and only other evidence can clear it.
			d.Counts["innocent namesake removed"]++
			continue
		}
		if namesakes[strings.ToUpper(strings.TrimSpace(n))] {
			d.Counts["innocent namesake removed"]++
			continue
		}
		d.add(Pair{Query: n, Source: "innocent", HeldOut: heldOut(n, o)})
	}
	return d
}

// AddInnocents adds innocent names of another source than the SEC's
// (ReadDebarred: SourceInnocentPerson, SourceInnocentFirm), held out by a
// hash of the name as the company innocents are. Names equal to a listed
// name once normalised (titles, legal forms and name order aside: "MR. LI
// YI" and OFAC's "LI, Yi") are namesakes any name matcher must flag, and
// are left out and counted.
func (d *DevSet) AddInnocents(source string, names []string) {
	for _, n := range dedupNames(names) {
		if d.listed[nameOnly(n)] {
			d.Counts[source+" namesake removed"]++
			continue
		}
		d.add(Pair{Query: n, Source: source, HeldOut: heldOut(n, d.o)})
	}
}

// edgarSuffix matches what EDGAR appends to a filer's name: the state or
// country of incorporation ("/DE/", "/FI/") and "/ADR". No shipment
// carries it.
var edgarSuffix = regexp.MustCompile(`(\s*/[A-Za-z]{2,3}/?)+\s*$`)

func withoutEDGARSuffix(n string) string {
	if s := strings.TrimSpace(edgarSuffix.ReplaceAllString(n, "")); s != "" {
		return s
	}
	return n
}

// nameOnly is a name's normal form without legal forms: "CARVANA CO." and
// "CARVANA COMPANY" are the same name.
func nameOnly(s string) string {
	var parts []string
	for _, t := range matchers.Normalise(s).Tokens {
		if t.Kind != matchers.TokLegal {
			parts = append(parts, t.Text)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

func (d *DevSet) add(p Pair) {
	d.Pairs = append(d.Pairs, p)
	split := "tune"
	if p.HeldOut {
		split = "heldout"
	}
	d.Counts[p.Source+" "+split]++
}

func heldOut(key string, o DevSetOptions) bool {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()%uint32(o.HeldOutOneIn) == 0
}

// publisher groups list ids by who publishes them, so that two US lists
// (OFAC SDN and the CSL, which copies it) never make a cross-publisher pair.
func publisher(listID string) string {
	p, _, _ := strings.Cut(listID, "_")
	switch p {
	case "ofac", "us", "bis":
		return "us"
	}
	return p
}

var (
	unRef   = regexp.MustCompile(`\b([A-Z]{2,3}[ie])\.(\d{3})\b`)
	idToken = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9\-/]{5,}[A-Za-z0-9]`)
)

// identifiers returns the normalised identifiers of e: its identifier
// values and the numbers in its remarks that look like registry, tax,
// vessel or passport numbers (seven or more characters, six or more of
// them digits), and UN reference numbers.
func identifiers(e *lists.Entry) []string {
	var out []string
	scan := func(s string) {
		for _, m := range unRef.FindAllStringSubmatch(s, -1) {
			out = append(out, "UN:"+strings.ToUpper(m[1])+m[2])
		}
		for _, t := range idToken.FindAllString(s, -1) {
			var b strings.Builder
			digits := 0
			for _, r := range t {
				if unicode.IsDigit(r) {
					digits++
				}
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					b.WriteRune(unicode.ToUpper(r))
				}
			}
			if b.Len() >= 7 && digits >= 6 {
				out = append(out, b.String())
			}
		}
	}
	for _, id := range e.Identifiers {
		scan(id.Value)
	}
	scan(e.Remarks)
	if strings.HasPrefix(e.List, "un_") {
		scan(e.ID) // the UN reference number is the entry id
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// citedReferences are the UN reference numbers a UN entry's remarks cite
// that are not its own: the UN gives every party its own reference (the
// entry id), so another one in the remarks names a different party, the
// group the person leads or a relative ("the son of LRA leader Joseph Kony
// (CFi.009)"). Other publishers write the party's own UN reference in
// their remarks, so theirs are not told apart.
func citedReferences(e *lists.Entry) map[string]bool {
	if !strings.HasPrefix(e.List, "un_") {
		return nil
	}
	own := map[string]bool{}
	for _, m := range unRef.FindAllStringSubmatch(e.ID, -1) {
		own["UN:"+strings.ToUpper(m[1])+m[2]] = true
	}
	out := map[string]bool{}
	for _, m := range unRef.FindAllStringSubmatch(e.Remarks, -1) {
		if k := "UN:" + strings.ToUpper(m[1]) + m[2]; !own[k] {
			out[k] = true
		}
	}
	return out
}

// maxLinked: an identifier shared by more entries than this is a group
// number or a placeholder, not one party's.
const maxLinked = 8

// identifierLinks returns, for each entry, the entries of other
// publishers it shares an identifier with: linked[a][b] is true when one
// they share is their own, false when every one they share is a UN
// reference one of them cites (citedReferences). Identifiers held by more
// than maxLinked entries link nothing.
func identifierLinks(all []*lists.Entry) map[int]map[int]bool {
	byID := map[string][]int{}
	cited := map[int]map[string]bool{}
	for i, e := range all {
		for _, id := range identifiers(e) {
			byID[id] = append(byID[id], i)
		}
		if c := citedReferences(e); len(c) > 0 {
			cited[i] = c
		}
	}
	linked := make(map[int]map[int]bool)
	for id, es := range byID {
		if len(es) < 2 || len(es) > maxLinked {
			continue
		}
		for _, a := range es {
			for _, b := range es {
				if a != b && publisher(all[a].List) != publisher(all[b].List) {
					if linked[a] == nil {
						linked[a] = map[int]bool{}
					}
					linked[a][b] = linked[a][b] || (!cited[a][id] && !cited[b][id])
				}
			}
		}
	}
	return linked
}

// crossIDPairs adds a pair for each entry linked by identifier to entries
// of other publishers: its primary name is the query, they are the targets.
func crossIDPairs(all []*lists.Entry, linked map[int]map[int]bool, d *DevSet, o DevSetOptions) {
	qs := make([]int, 0, len(linked))
	for a := range linked {
		qs = append(qs, a)
	}
	sort.Ints(qs)
	seen := map[string]bool{}
	for _, a := range qs {
		e := all[a]
		if e.PrimaryName() == "" {
			continue
		}
		// The link is drawn by the rules as they were before the audit,
		// so that the pairs and their parts stay those measured before;
		// the audit (audit.go) then takes out the targets its rules reject.
		var targets []string
		var kept []string
		rules := map[string]string{}
		for b, own := range linked[a] {
			if !sameKind(e, all[b]) || !variantOfAny(e.PrimaryName(), all[b], -1) {
				d.Counts["cross-id link dropped"]++
				continue
			}
			k := EntryKey(all[b].List, all[b].ID)
			targets = append(targets, k)
			if rule := auditCrossID(e.PrimaryName(), all[b], own); rule != "" {
				rules[k] = rule
				continue
			}
			kept = append(kept, k)
		}
		if len(targets) == 0 {
			continue
		}
		sort.Strings(targets)
		sort.Strings(kept)
		// One pair per (query name, targets): the EU journal repeats a
		// party once per legal act.
		k := matchers.SortedKey(e.PrimaryName()) + "\x00" + strings.Join(targets, "|")
		if seen[k] {
			continue
		}
		seen[k] = true
		p := Pair{Query: e.PrimaryName(), Targets: targets, Label: true, Source: "cross-id", HeldOut: heldOut(targets[0], o)}
		if len(kept) < len(targets) {
			d.audit(p, kept, rules)
			continue
		}
		d.add(p)
	}
}

// aliasPairs adds the leave-one-out pairs and returns the entries to index:
// all entries, with a copy (alias removed) in place of each entry of a
// sampled pair's party. The pairs are drawn as before session 10's party
// rules; the audit then removes those its rules reject, in draw order.
func aliasPairs(all []*lists.Entry, links map[int]map[int]bool, d *DevSet, o DevSetOptions) []*lists.Entry {
	out := slices.Clone(all)
	copies := copiesOf(all)
	named := namedCopies(all)
	var order []*drawn
	type pick struct {
		at   int
		name int
		h    uint32
	}
	byList := map[string][]pick{}
	for i, e := range all {
		if !o.AliasLists(e.List) || len(e.Names) < 2 {
			continue
		}
		key := EntryKey(e.List, e.ID)
		var usable []int
		for ni := 1; ni < len(e.Names); ni++ {
			n := e.Names[ni]
			if n.Kind == lists.NameWeak || n.Kind == lists.NameFKA || !spellingVariant(e, ni) {
				continue
			}
			usable = append(usable, ni)
		}
		if len(usable) == 0 {
			continue
		}
		h := fnv.New32a()
		h.Write([]byte(key))
		s := h.Sum32()
		byList[e.List] = append(byList[e.List], pick{i, usable[int(s%uint32(len(usable)))], s})
	}
	listIDs := make([]string, 0, len(byList))
	for l := range byList {
		listIDs = append(listIDs, l)
	}
	sort.Strings(listIDs)
	for _, l := range listIDs {
		ps := byList[l]
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].h != ps[j].h {
				return ps[i].h < ps[j].h
			}
			return ps[i].at < ps[j].at
		})
		if len(ps) > o.MaxAliasPairs {
			ps = ps[:o.MaxAliasPairs]
		}
		sort.Slice(ps, func(i, j int) bool { return ps[i].at < ps[j].at })
		for _, p := range ps {
			e := all[p.at]
			targets := []string{EntryKey(e.List, e.ID)}
			for _, c := range copies[p.at] {
				targets = append(targets, EntryKey(all[c].List, all[c].ID))
			}
			sort.Strings(targets)
			// The tuning half stays the one cut by the targets before
			// session 10 added the linked copies and the party (Part).
			splitKey := targets[0]
			members := partyOf(all, p.at, copies[p.at], links[p.at], named[p.at])
			targets = targets[:0]
			for _, c := range members {
				targets = append(targets, EntryKey(all[c].List, all[c].ID))
			}
			sort.Strings(targets)
			pair := Pair{Query: e.Names[p.name].Value, Targets: targets, Label: true, Source: "alias-loo", HeldOut: heldOut(EntryKey(e.List, e.ID), o)}
			if targets[0] != splitKey {
				pair.SplitKey = splitKey
			}
			// Drawn by the rule as it was; the audit removes the pairs its
			// rules reject, and their entries keep the alias.
			dr := drawn{pair: pair, pick: p.at, alias: matchers.SortedKey(e.Names[p.name].Value), members: members, h: p.h}
			dr.rule = nameRule(pair.Query, e, p.name)
			dr.named = len(members) > len(partyOf(all, p.at, copies[p.at], links[p.at], nil))
			order = append(order, &dr)
		}
	}
	onePerParty(order)
	for _, dr := range order {
		switch {
		case dr.rule != "":
			d.remove(dr.pair, dr.rule)
		default:
			for _, c := range dr.members {
				out[c] = withoutName(out[c], dr.alias)
			}
			if dr.named {
				d.Counts["audit: targets added "+Part(dr.pair)+" (named copy)"]++
			}
			d.add(dr.pair)
		}
	}
	return out
}

// drawn is an alias-loo pair as drawn, before the audit's party rule.
type drawn struct {
	pair    Pair
	pick    int    // the entry whose alias is the query
	alias   string // the alias, folded and sorted (matchers.SortedKey)
	members []int  // the party's entries: the targets
	h       uint32 // the sampling hash (the order the first pair is taken in)
	rule    string // the audit rule on names that removes it, or ""
	named   bool   // namedCopies added targets
}

// withoutName returns a copy of e without the names that fold to key.
func withoutName(e *lists.Entry, key string) *lists.Entry {
	c := *e
	c.Names = nil
	for _, n := range e.Names {
		if matchers.SortedKey(n.Value) != key {
			c.Names = append(c.Names, n)
		}
	}
	return &c
}

// copiesOf finds, for each entry, the entries of other lists that are the
// same party republished: the CSL's copy of an OFAC entry (same id), or an
// entry of another list whose primary name folds to the same key. Leaving
// an alias out of one copy but not the other would let the query match
// the copy and measure nothing (see linkedCopies for the third kind).
func copiesOf(all []*lists.Entry) map[int][]int {
	byID := map[string][]int{}
	byName := map[string][]int{}
	for i, e := range all {
		byID[e.ID] = append(byID[e.ID], i)
		if n := e.PrimaryName(); n != "" {
			k := matchers.SortedKey(n)
			byName[k] = append(byName[k], i)
		}
	}
	out := map[int][]int{}
	for i, e := range all {
		seen := map[int]bool{i: true}
		add := func(j int) {
			if !seen[j] && all[j].List != e.List {
				seen[j] = true
				out[i] = append(out[i], j)
			}
		}
		for _, j := range byID[e.ID] {
			add(j)
		}
		if n := e.PrimaryName(); n != "" {
			if js := byName[matchers.SortedKey(n)]; len(js) <= maxLinked {
				for _, j := range js {
					add(j)
				}
			}
		}
		sort.Ints(out[i])
	}
	return out
}

// spellingVariant reports whether name ni of e is a respelling,
// reordering, shortening or extension of another of its names rather than
// a different name (variantOfAny).
func spellingVariant(e *lists.Entry, ni int) bool {
	return variantOfAny(e.Names[ni].Value, e, ni)
}

// variantOfAny reports whether name is a respelling, reordering,
// shortening or extension of one of e's names (name skip aside) rather than
// a different name. After the baseline's folding (accents, case,
// punctuation), every part of four or more letters of the name with fewer
// such parts must have a counterpart in the other: a part with
// Jaro-Winkler similarity 0.85 or more, or two adjacent parts written
// together. So "PLAKSINA, Olga Vladimirovna" is a variant of "PLAKSINA,
// Olga" and "Dawood Ebrahim" of "DAWOOD IBRAHIM KASKAR", while "ABRAMOV,
// Mikhail" is not one of "BURCHIK, Mikhail Leonidovich", nor an acronym, a
// translation or a former name of its full name. The other name must not
// be a weak alias: "CARIBBEAN EXPORT ENTERPRISE" is no variant of the weak
// "CARIBEX". A name equal to one of e's after folding is left out: there
// is nothing to find. The same rule keeps cross-id pairs to names: a
// vessel renamed under the same IMO number, or a person whose UN entry
// cites the group's reference number, is linked by identifier but not by
// name, and no name matcher can be asked to find it.
func variantOfAny(name string, e *lists.Entry, skip int) bool {
	return variantUnder(name, e, skip, 0)
}

// variantUnder is variantOfAny with the audit's rules (audit.go) on top:
// variantOfAny draws the pairs as they were drawn before the audit, and
// variantUnder with every rule says which of them the definition keeps.
func variantUnder(name string, e *lists.Entry, skip int, rules auditRules) bool {
	if rules&ruleLegalForms != 0 && onlyLegalForms(name) {
		return false
	}
	key := matchers.SortedKey(name)
	a := longParts(name)
	found := false
	for nj, n := range e.Names {
		if nj == skip || (rules&ruleLegalForms != 0 && onlyLegalForms(n.Value)) {
			continue
		}
		if matchers.SortedKey(n.Value) == key {
			return skip < 0 // cross-id: the same name is found; alias: nothing to find
		}
		if n.Kind == lists.NameWeak || found {
			continue
		}
		b := longParts(n.Value)
		short, long := a, b
		shortName, longName := name, n.Value
		if len(b) < len(a) {
			short, long = b, a
			shortName, longName = n.Value, name
		}
		if len(short) == 0 || !allFound(short, long) {
			continue
		}
		if rules&ruleContraction != 0 && contracted(short, long, nameParts(shortName), nameParts(longName)) {
			continue
		}
		if rules&ruleShortParts != 0 && e.Type == lists.TypePerson && !shortPartsFound(nameParts(name), nameParts(n.Value)) {
			continue
		}
		found = true
	}
	return found
}

// sameKind: a person and an organisation or vessel are never one party,
// whatever identifier links them; unknown types agree with anything.
func sameKind(a, b *lists.Entry) bool {
	if a.Type == lists.TypeUnknown || b.Type == lists.TypeUnknown || a.Type == "" || b.Type == "" {
		return true
	}
	return (a.Type == lists.TypePerson) == (b.Type == lists.TypePerson)
}

// longParts are the folded name parts of four or more letters, in order.
func longParts(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(foldForVariant(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(p)) >= 4 {
			out = append(out, p)
		}
	}
	return out
}

// nameParts are the folded name parts of any length, in order.
func nameParts(s string) []string {
	return strings.FieldsFunc(foldForVariant(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// foldForVariant is the baseline's folding without its sorting.
func foldForVariant(s string) string { return strings.Join(strings.Fields(matchers.FoldKey(s)), " ") }

func allFound(short, long []string) bool {
	for _, p := range short {
		found := false
		for i, q := range long {
			if jw.Compare(p, q) >= 0.85 || (i+1 < len(long) && p == q+long[i+1]) {
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

var jw = metrics.NewJaroWinkler()

func dedupNames(ns []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range ns {
		k := strings.ToUpper(strings.TrimSpace(n))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, strings.TrimSpace(n))
	}
	return out
}

// ReadSECCompanyNames reads the company names of the SEC EDGAR ticker files
// (company_tickers.json: {"0":{"title":...}}; company_tickers_exchange.json:
// {"fields":[...,"name",...],"data":[[...]]}), in file order.
func ReadSECCompanyNames(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var exch struct {
		Fields []string `json:"fields"`
		Data   [][]any  `json:"data"`
	}
	if err := json.Unmarshal(b, &exch); err == nil && len(exch.Fields) > 0 {
		col := slices.Index(exch.Fields, "name")
		if col < 0 {
			return nil, fmt.Errorf("%s: no \"name\" field in %v", path, exch.Fields)
		}
		var out []string
		for i, row := range exch.Data {
			if col >= len(row) {
				return nil, fmt.Errorf("%s: data row %d: %d fields, want more than %d", path, i+1, len(row), col)
			}
			s, ok := row[col].(string)
			if !ok {
				return nil, fmt.Errorf("%s: data row %d, field name: not a string", path, i+1)
			}
			out = append(out, s)
		}
		return out, nil
	}
	var byIdx map[string]struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(b, &byIdx); err != nil {
		return nil, fmt.Errorf("%s: neither SEC ticker layout: %w", path, err)
	}
	keys := make([]string, 0, len(byIdx))
	for k := range byIdx {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if t := byIdx[k].Title; t != "" {
			out = append(out, t)
		}
	}
	return out, nil
}
