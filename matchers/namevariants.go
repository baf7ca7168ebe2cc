package matchers

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parenVariants returns the names a trailing parenthesis adds to v, beyond
// v itself: the name without it ("GLOBAL RELIEF FOUNDATION (GRF)" is also
// "GLOBAL RELIEF FOUNDATION"), and what it holds when that is a name of its
// own: two or more words ("Rostec (Russian Technologies State
// Corporation)", "OOO 'VO Technopromexport' (OOO 'VO TPE')", "PSB Bank
// (formerly PROMSVYAZBANK)", the connecting words being particles), or an
// acronym of four or more letters of the name before it ("Korea Kwangson
// Banking Corporation (KKBC)"). A single word that is no acronym of the rest ("Design Bureau
// of Navigation Systems (NAVIS)", "Inforos OOO (IA)") is left in the whole
// name only: on its own it would stand for a different, shorter name.
func parenVariants(v string) []string {
	t := strings.TrimSpace(v)
	if !strings.HasSuffix(t, ")") {
		return nil
	}
	i := strings.LastIndexByte(t, '(')
	if i <= 0 {
		return nil
	}
	outside, inside := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:len(t)-1])
	if outside == "" {
		return nil
	}
	out := []string{outside}
	words := letterWords(inside)
	switch {
	case len(words) >= 2:
		out = append(out, inside)
	case len(words) == 1 && utf8.RuneCountInString(words[0]) >= minAcronym && isAcronymOf(words[0], letterWords(outside)):
		out = append(out, inside)
	}
	return out
}

// minAcronym: shorter acronyms are not names of their own. Three letters
// name too many companies: "IAC Inc." is not "Iran Alumina Company (IAC)".
const minAcronym = 4

// letterWords splits s into its words of letters and digits, lower case.
func letterWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isAcronymOf reports whether acr is made of the first letters of words in
// order, where particles ("de", "of", "du") and legal forms may be skipped
// or count ("FDLR" / "Forces Democratiques de Liberation du Rwanda", "NDC"
// / "North Drilling Company").
func isAcronymOf(acr string, words []string) bool {
	a := []rune(acr)
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if i == len(a) {
			for ; j < len(words); j++ {
				if !skippable(words[j]) {
					return false
				}
			}
			return true
		}
		if j == len(words) {
			return false
		}
		first, _ := utf8.DecodeRuneInString(words[j])
		if first == a[i] && walk(i+1, j+1) {
			return true
		}
		return skippable(words[j]) && walk(i, j+1)
	}
	return len(words) >= len(a) && walk(0, 0)
}

// skippable words may be left out of an acronym.
func skippable(w string) bool {
	if particleSet[w] {
		return true
	}
	_, ok := legalPhrases.single[w]
	return ok
}

// groupVariants returns the names "PARENT, LEGAL-FORM NAME" holds: the
// subsidiary and the group ("Tactical Missile Corporation, Joint Stock
// Company Salute" is "Joint Stock Company Salute" of the corporation). A
// comma followed by a legal form and a name is never "SURNAME, Given".
func groupVariants(v string) []string {
	head, tail, ok := strings.Cut(v, ",")
	if !ok || strings.TrimSpace(head) == "" {
		return nil
	}
	nw := getNormWork()
	defer putNormWork(nw)
	if !startsWithLegalWord(tail) {
		// "Tactical Missile Corporation, Smolensk Aviation Plant": a group
		// named with its legal form, then a subsidiary of two words or more
		if !endsWithLegalWord(head) {
			return nil
		}
		h := nw.normalise(head, nil)
		if len(h.Tokens) < 2 || h.Tokens[len(h.Tokens)-1].Kind != TokLegal || h.Tokens[0].Kind == TokLegal {
			return nil
		}
		t := nw.normalise(tail, nil)
		words := 0
		for _, tk := range t.Tokens {
			// (a place is no subsidiary: "..., Limassol Cyprus Branch")
			if tk.Kind == TokWord && !isPlaceWord(tk.Text) {
				words++
			}
		}
		if words < 2 {
			return nil
		}
		return []string{strings.TrimSpace(tail), strings.TrimSpace(head)}
	}
	n := nw.normalise(tail, nil)
	if len(n.Tokens) < 2 || n.Tokens[0].Kind != TokLegal {
		return nil
	}
	for _, t := range n.Tokens[1:] {
		if t.Kind != TokLegal {
			return []string{strings.TrimSpace(tail), strings.TrimSpace(head)}
		}
	}
	return nil
}

// scriptVariants splits a name written in Latin letters and in another
// script ("KARIMI Farzin فرزین کریمی", "Iran Air ایران ایر") into the two
// writings, each a name of its own: together they hold every part twice,
// and the romanisation of one never aligns with the other exactly.
func scriptVariants(v string) []string {
	if isASCII(v) {
		return nil
	}
	var latin, other strings.Builder
	nl, no := 0, 0
	for _, r := range v {
		switch {
		case !unicode.IsLetter(r):
			latin.WriteRune(r)
			other.WriteRune(r)
		case unicode.Is(unicode.Latin, r):
			// the Latin script, its extensions too: Vietnamese (Vận tải)
			// and scholarly romanisations (Muḥammad) write letters of
			// Latin Extended Additional, which are no other script
			latin.WriteRune(r)
			nl++
		default:
			other.WriteRune(r)
			no++
		}
	}
	if nl < 2 || no < 2 {
		return nil
	}
	return []string{latin.String(), other.String()}
}

// careOf returns where "c/o" (care of) starts in v, or -1.
func careOf(v string) int {
	for i := 1; i+4 <= len(v); i++ {
		if v[i] != ' ' {
			continue
		}
		r := v[i+1:]
		if len(r) >= 4 && (r[0]|0x20) == 'c' && r[1] == '/' && (r[2]|0x20) == 'o' && (r[3] == ' ' || r[3] == '.') {
			return i
		}
		if len(r) >= 8 && strings.EqualFold(r[:8], "care of ") {
			return i
		}
	}
	return -1
}

// tradingAsWords are the words that join a party's two names: the person
// or firm, and the name it trades under ("John Smith t/a Smith's Garage",
// "ACME HOLDINGS INC d/b/a ACME TOOLS"). Written with a space each side.
var tradingAsWords = []string{" t/a ", " trading as ", " d/b/a ", " doing business as "}

// tradingAs returns where the words joining a party's two names start and
// end in v ("Boris Rotenberg t/a Baltic Stroy Services"), or -1, -1. Both
// names are the party's: a sole trader is the person and trades under
// the name, so each is screened on its own (appendSplitNames); read as one
// name, the person's words counted against the trade name's and "as" was
// read as the form A.S.
func tradingAs(v string) (int, int) {
	for i := 1; i < len(v); i++ {
		if v[i] != ' ' {
			continue
		}
		for _, w := range tradingAsWords {
			if len(v)-i > len(w) && strings.EqualFold(v[i:i+len(w)], w) {
				return i, i + len(w)
			}
		}
	}
	return -1, -1
}

// endsWithLegalWord reports whether the last word of s, in Latin letters,
// is a legal form of one word (Corporation, Ltd, JSC): a cheap test
// before normalising.
func endsWithLegalWord(s string) bool {
	s = strings.TrimRight(s, " .\"'’”»")
	w := s[strings.LastIndexAny(s, " ,.\"'‘“«")+1:]
	if w == "" || !isASCII(w) {
		return false
	}
	_, ok := legalPhrases.single[strings.ToLower(w)]
	return ok
}

// startsWithLegalWord reports whether the first word of s could begin a
// legal form: a cheap test before normalising, so that "SURNAME, Given"
// costs nothing.
func startsWithLegalWord(s string) bool {
	s = strings.TrimLeft(s, " \"'‘“«")
	end := strings.IndexAny(s, " ,.")
	if end < 0 {
		end = len(s)
	}
	w := s[:end]
	if w == "" {
		return false
	}
	if isASCII(w) {
		w = strings.ToLower(w)
	} else {
		return true // another script: let the normaliser decide
	}
	_, ok := legalPhrases.byFirst[w]
	return ok
}

// commaInitialsVariant reads a query "SUNGKAR, S.A." the other way it can
// be read: as the person S. A. Sungkar, written surname first as the lists
// write persons, whose initials spell a legal form. It returns the
// initials moved before the surname ("S.A. SUNGKAR"), which the normaliser
// reads as a person's (leadingInitials), or "" when the name is not of
// that shape: one comma, one or two words before it, and after it only
// two or three letters each followed by a dot. The query's own reading (a
// firm RADA, S.A., as OFAC writes firms) is kept and matched too; the
// listed names get no such variant, since the lists spell persons' given
// names out.
func commaInitialsVariant(v string) string {
	before, after, ok := strings.Cut(v, ",")
	if !ok || strings.Contains(after, ",") {
		return ""
	}
	before, after = strings.TrimSpace(before), strings.TrimSpace(after)
	if n := countWords(before); n < 1 || n > 2 {
		return ""
	}
	// after: a letter and a dot, two or three times, spaces between; the
	// last dot may be left out ("S.A")
	letters, dotted := 0, true
	for _, r := range after {
		switch {
		case r == ' ':
			if !dotted {
				return ""
			}
		case r == '.':
			if dotted {
				return ""
			}
			dotted = true
		case unicode.IsLetter(r) && dotted:
			letters++
			dotted = false
		default:
			return ""
		}
	}
	if letters < 2 || letters > 3 {
		return ""
	}
	return after + " " + before
}

// countWords counts the space-separated words of s without allocating.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// soleTraderForms are the forms under which one person trades in their own
// name, as words in lower case: the Russian, Belarusian and Kazakh
// individual entrepreneur (ИП, ІП, ЖК), the Ukrainian ФОП, ФЛП and СПД,
// the Bulgarian ЕТ, the German eingetragener Kaufmann (e.K., e.Kfm.) and
// Einzelunternehmen, the English sole proprietor or trader, the French
// entreprise individuelle and the Polish PHU / F.H.U. (facts from ISO 20275
// and national registers; the romanisations are the ones clerks write).
// Where a form stands says as much as its letters: the German e.K. ends a
// name (before it, "E. K. Smith" has initials) and the Polish PHU opens it
// (after it, Phu is a Vietnamese given name: "Nguyen Van Phu"). The
// Brazilian MEI is left out: at a name's end it is as often the Chinese
// given name Mei ("Chen Xiao Mei", whose rest would be read as a person).
var soleTraderForms = []struct {
	words []string
	at    formPlace
}{
	{[]string{"ip"}, anywhere}, {[]string{"ип"}, anywhere}, {[]string{"іп"}, anywhere}, {[]string{"жк"}, anywhere},
	{[]string{"fop"}, anywhere}, {[]string{"фоп"}, anywhere}, {[]string{"flp"}, anywhere}, {[]string{"флп"}, anywhere},
	{[]string{"spd"}, anywhere}, {[]string{"спд"}, anywhere}, {[]string{"ет"}, anywhere},
	{[]string{"individual", "entrepreneur"}, anywhere}, {[]string{"индивидуальный", "предприниматель"}, anywhere},
	{[]string{"физическое", "лицо", "предприниматель"}, anywhere}, {[]string{"фізична", "особа", "підприємець"}, anywhere},
	{[]string{"e", "k"}, atEnd}, {[]string{"e", "kfm"}, atEnd}, {[]string{"e", "kfr"}, atEnd},
	{[]string{"eingetragener", "kaufmann"}, anywhere}, {[]string{"eingetragene", "kauffrau"}, anywhere},
	{[]string{"einzelunternehmen"}, anywhere}, {[]string{"einzelunternehmer"}, anywhere}, {[]string{"einzelunternehmerin"}, anywhere},
	{[]string{"sole", "proprietor"}, anywhere}, {[]string{"sole", "proprietorship"}, anywhere}, {[]string{"sole", "trader"}, anywhere},
	{[]string{"entreprise", "individuelle"}, anywhere},
	{[]string{"phu"}, atStart}, {[]string{"fhu"}, atStart}, {[]string{"pphu"}, atStart},
	{[]string{"p", "h", "u"}, atStart}, {[]string{"f", "h", "u"}, atStart},
}

// formPlace is where in a name a sole trader's form is read.
type formPlace uint8

const (
	anywhere formPlace = iota // at the name's start or end
	atStart
	atEnd
)

// soleTraderVariant reads a query "ИП Иванов Иван Иванович" or "Hans Müller
// e.K." the way the law reads it: a sole trader is no company but the
// person, who answers with all they own, so the party is the person named
// and is matched against person entries as a person. As written, the form
// makes the name a firm's, and a firm against a listed person costs the
// type mismatch (×0.7). It returns the name without the form, the
// initials written after the surname moved before it as the normaliser
// reads initials ("ИП Галченков А. С." → "а. с. галченков": read after it,
// "а с" spells a legal form), or "" when the name has no sole trader's
// form at its start or end, or the rest is not one person's name: fewer
// than two words or more than five, a number, an ampersand or "and" (two
// partners, "Braun & Keller e.K."), a legal form or an organisation word.
// A trade word the tables do not know ("Schmidt Stahlhandel e.K.") is
// read as a name part: the person reading must still match a listed
// person's words. The query's own reading is kept and matched too: OFAC
// lists some sole traders as entities ("POLYANIN EVGENII IGOREVICH IP").
func soleTraderVariant(v string) string {
	if strings.ContainsAny(v, "&+;") || !mayBeSoleTrader(v) {
		return ""
	}
	words := letterWords(v)
	var rest []string
	for _, sf := range soleTraderForms {
		f := sf.words
		if len(words) <= len(f) {
			continue
		}
		if sf.at != atEnd && slices.Equal(words[:len(f)], f) {
			rest = words[len(f):]
			break
		}
		if sf.at != atStart && slices.Equal(words[len(words)-len(f):], f) {
			rest = words[:len(words)-len(f)]
			break
		}
	}
	if len(rest) < 2 || len(rest) > 5 {
		return ""
	}
	long := 0
	for _, w := range rest {
		if w == "and" || w == "und" {
			return ""
		}
		if utf8.RuneCountInString(w) >= 2 {
			long++
		}
	}
	if long == 0 {
		return ""
	}
	// trailing initials before the surname, each with its dot (the
	// normaliser reads a dotted Cyrillic letter as one initial: Ю. is y,
	// not the word yu)
	k := len(rest)
	for k > 1 && utf8.RuneCountInString(rest[k-1]) == 1 {
		k--
	}
	var b strings.Builder
	for _, w := range append(rest[k:len(rest):len(rest)], rest[:k]...) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if utf8.RuneCountInString(w) == 1 {
			b.WriteByte('.')
		}
	}
	out := b.String()
	n := Normalise(out)
	if len(n.Tokens) < 2 || !personLike(n.Tokens) {
		return ""
	}
	return out
}

// soleTraderEdges holds the words a sole trader's form begins with (first)
// or ends with (last): what mayBeSoleTrader looks for.
var soleTraderEdges = func() (e [2]map[string]bool) {
	e[0], e[1] = map[string]bool{}, map[string]bool{}
	for _, sf := range soleTraderForms {
		f := sf.words
		if sf.at != atEnd {
			e[0][f[0]] = true
		}
		if sf.at != atStart {
			e[1][f[len(f)-1]] = true
		}
	}
	return e
}()

// mayBeSoleTrader reports whether v's first word begins or its last word
// ends a sole trader's form: the cheap test every query passes through
// before soleTraderVariant splits it into words, which allocates.
func mayBeSoleTrader(v string) bool {
	var buf [48]byte
	return soleTraderEdges[0][string(edgeWord(buf[:0], v, false))] ||
		soleTraderEdges[1][string(edgeWord(buf[:0], v, true))]
}

// edgeWord appends to dst the first (or, last, the last) word of letters
// and digits of v, in lower case.
func edgeWord(dst []byte, v string, last bool) []byte {
	start, end := -1, -1
	if !last {
		for i, r := range v {
			isW := unicode.IsLetter(r) || unicode.IsDigit(r)
			if isW && start < 0 {
				start = i
			} else if !isW && start >= 0 {
				end = i
				break
			}
		}
		if start < 0 {
			return dst
		}
		if end < 0 {
			end = len(v)
		}
	} else {
		for i := len(v); i > 0; {
			r, size := utf8.DecodeLastRuneInString(v[:i])
			isW := unicode.IsLetter(r) || unicode.IsDigit(r)
			if isW && end < 0 {
				end = i
			} else if !isW && end >= 0 {
				start = i
				break
			}
			i -= size
		}
		if end < 0 {
			return dst
		}
		if start < 0 {
			start = 0
		}
	}
	for _, r := range v[start:end] {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}
