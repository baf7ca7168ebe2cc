package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CodeKind says which control list a parsed code belongs to.
type CodeKind uint8

const (
	// AnnexI is an EU dual-use code of Annex I to Reg. (EU) 2021/821:
	// category digit, group letter A–E, three digits, then sub-items.
	AnnexI CodeKind = iota + 1
	// Military is an EU Common Military List code (ML1 … ML22). It is
	// valid, but not a dual-use item: dual-use rules do not apply to it,
	// arms embargoes do.
	Military
)

// Code is one parsed control code in canonical form. Sub-items are kept as
// separate segments so that "5A001.j" is recognised as lying inside
// "5A001" without string games.
type Code struct {
	Kind CodeKind
	// Entry is the entry without sub-items: "5A001" or "ML10".
	Entry string
	// Sub holds the sub-item segments in order, lower case: ["f", "1"].
	Sub []string
}

// String returns the canonical spelling: upper-case entry, lower-case
// sub-items joined by dots, no trailing dot ("5A001.f.1", "ML10.a").
func (c Code) String() string {
	if len(c.Sub) == 0 {
		return c.Entry
	}
	return c.Entry + "." + strings.Join(c.Sub, ".")
}

// Category is the Annex I category digit ('0'…'9'), or 0 for other kinds.
func (c Code) Category() byte {
	if c.Kind != AnnexI {
		return 0
	}
	return c.Entry[0]
}

// segments returns the code as a path for prefix matching: category,
// group, number, then sub-items. "5A001.j" → [5 A 001 j].
func (c Code) segments() []string {
	if c.Kind != AnnexI {
		return append([]string{c.Entry}, c.Sub...)
	}
	return append([]string{c.Entry[:1], c.Entry[1:2], c.Entry[2:]}, c.Sub...)
}

// InvalidCode is a part of a control-code cell that is not a code.
type InvalidCode struct {
	Text   string // the offending text, trimmed
	Reason string // why it is not a code
}

// CodeList is the result of parsing one control-code cell.
type CodeList struct {
	Codes   []Code
	Invalid []InvalidCode
	// NotListed is set when the cell holds an explicit "not listed" marker
	// (Y901, "-", "n/a", "none", NLR, EAR99) and nothing else.
	NotListed bool
}

// HasAnnexI reports whether any code is an Annex I dual-use code.
func (l CodeList) HasAnnexI() bool {
	for _, c := range l.Codes {
		if c.Kind == AnnexI {
			return true
		}
	}
	return false
}

// HasMilitary reports whether any code is a Common Military List code.
func (l CodeList) HasMilitary() bool {
	for _, c := range l.Codes {
		if c.Kind == Military {
			return true
		}
	}
	return false
}

// notListedMarkers are cell values that declare "no control code" rather
// than give a wrong one: Y901 is the EU customs document code for goods not
// subject to the Dual-Use Regulation; NLR and EAR99 are US usage that shows
// up in exporters' ERP data.
var notListedMarkers = map[string]bool{
	"-": true, "--": true, "n/a": true, "na": true, "none": true, "nil": true,
	"y901": true, "nlr": true, "ear99": true, "not listed": true, "not controlled": true,
}

// listSeparators split a cell into parts. Whitespace is not among them:
// "5 A 001 j" is one code. Whitespace separates two codes only where the
// next word starts a new code head (see parsePart).
func isListSeparator(r rune) bool {
	switch r {
	case ';', ',', '/', '|', '+', '&', '\n', '\r', '\t':
		return true
	}
	return false
}

// conjunctions are words people write between codes ("5A001.j and 4A005").
var conjunctions = map[string]bool{"and": true, "or": true, "und": true, "et": true, "y": true, "en": true, "og": true, "och": true}

// ParseCodes parses one control_code cell: a single code or a list of codes
// separated by ';', ',', '/', '|', '+', '&', a conjunction or plain spaces.
// Codes are accepted with or without dots and with spaces inside them
// ("5A001.j", "5A001j", "5 A 001 j", "5a001.J."); anything that is not a
// code is returned in Invalid with a reason, never dropped. Duplicate codes
// are reported once, in first-seen order.
func ParseCodes(cell string) CodeList {
	var out CodeList
	if !utf8.ValidString(cell) {
		cell = strings.ToValidUTF8(cell, "\uFFFD")
	}
	trimmed := strings.TrimSpace(cell)
	if trimmed == "" {
		return out
	}
	if notListedMarkers[strings.ToLower(trimmed)] {
		out.NotListed = true
		return out
	}
	seen := make(map[string]bool)
	for _, part := range strings.FieldsFunc(cell, isListSeparator) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		if notListedMarkers[strings.ToLower(strings.TrimSpace(part))] {
			continue
		}
		parsePart(part, &out, seen)
	}
	return out
}

// scanner walks a part rune by rune, remembering whether whitespace was
// skipped before the current position: a new code may only start after
// whitespace, a separator or the start of the part, never glued to the
// middle of a word.
type scanner struct {
	s   []rune
	pos int
}

func (sc *scanner) skipSpace() bool {
	skipped := false
	for sc.pos < len(sc.s) && unicode.IsSpace(sc.s[sc.pos]) {
		sc.pos++
		skipped = true
	}
	return skipped
}

// peekNonSpace returns the position of the n-th non-space rune from pos
// (n = 0 is the next one), or -1.
func (sc *scanner) peekNonSpace(from, n int) int {
	for i := from; i < len(sc.s); i++ {
		if unicode.IsSpace(sc.s[i]) {
			continue
		}
		if n == 0 {
			return i
		}
		n--
	}
	return -1
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// headAt tries to read a code head at pos, spaces allowed between its
// characters: an Annex I head "5A001" or a military head "ML10". It returns
// the code and the position after it.
func (sc *scanner) headAt(pos int) (Code, int, bool) {
	var chars []rune
	var ends []int
	for i := pos; i < len(sc.s) && len(chars) < 5; i++ {
		if unicode.IsSpace(sc.s[i]) {
			continue
		}
		chars = append(chars, sc.s[i])
		ends = append(ends, i+1)
	}
	if len(chars) == 5 && isDigit(chars[0]) && strings.ContainsRune("ABCDEabcde", chars[1]) &&
		isDigit(chars[2]) && isDigit(chars[3]) && isDigit(chars[4]) {
		// A sixth digit would make this a number, not a code ("5A0012").
		if next := sc.peekNonSpace(ends[4], 0); next >= 0 && next == ends[4] && isDigit(sc.s[next]) {
			return Code{}, pos, false
		}
		entry := string([]rune{chars[0], unicode.ToUpper(chars[1]), chars[2], chars[3], chars[4]})
		return Code{Kind: AnnexI, Entry: entry}, ends[4], true
	}
	if len(chars) >= 3 && (chars[0] == 'M' || chars[0] == 'm') && (chars[1] == 'L' || chars[1] == 'l') && isDigit(chars[2]) {
		n := int(chars[2] - '0')
		end := ends[2]
		if len(chars) >= 4 && isDigit(chars[3]) && ends[3] == ends[2]+1 {
			n = n*10 + int(chars[3]-'0')
			end = ends[3]
		}
		if end < len(sc.s) && isDigit(sc.s[end]) {
			return Code{}, pos, false
		}
		if n >= 1 && n <= 22 {
			return Code{Kind: Military, Entry: "ML" + strconv.Itoa(n)}, end, true
		}
	}
	return Code{}, pos, false
}

// subItems reads sub-item segments after a head: one letter or up to three
// digits each, with optional dots and spaces between them ("j", ".f.1",
// "f1", " j", "1C350.57"). A letter segment must stand alone: "5A001 and"
// stops before "and". Trailing dots are consumed, as the legal text writes
// "5A001.f.". It stops before a new code head.
func (sc *scanner) subItems(c *Code) {
	for {
		start := sc.pos
		i := start
		dots := 0
		for i < len(sc.s) && (sc.s[i] == '.' || unicode.IsSpace(sc.s[i])) {
			if sc.s[i] == '.' {
				dots++
			}
			i++
		}
		if dots > 1 {
			sc.pos = start // ".." is not code syntax
			return
		}
		if i >= len(sc.s) {
			if dots == 1 {
				sc.pos = len(sc.s)
			}
			return
		}
		if i > start {
			if _, _, ok := sc.headAt(i); ok {
				sc.pos = i
				return
			}
		}
		r := sc.s[i]
		switch {
		case isASCIILetter(r):
			if i+1 < len(sc.s) && isASCIILetter(sc.s[i+1]) {
				sc.pos = start // a word, not a sub-item letter
				return
			}
			c.Sub = append(c.Sub, strings.ToLower(string(r)))
			sc.pos = i + 1
		case isDigit(r):
			if dots == 0 && i == start && len(c.Sub) == 0 {
				sc.pos = start // "5A0012" is caught in headAt; this is defensive
				return
			}
			j := i
			for j < len(sc.s) && isDigit(sc.s[j]) && j-i < 3 {
				j++
			}
			if j < len(sc.s) && isDigit(sc.s[j]) {
				sc.pos = start // a long number is not a sub-item
				return
			}
			n, _ := strconv.Atoi(string(sc.s[i:j]))
			c.Sub = append(c.Sub, strconv.Itoa(n))
			sc.pos = j
		default:
			if dots == 1 && i > start && unicode.IsSpace(sc.s[i-1]) {
				sc.pos = i - 1 // "5A001.j. (x)": keep the trailing dot
			} else {
				sc.pos = start
			}
			return
		}
	}
}

// parsePart parses one separator-free part, which may still hold several
// space-separated codes and junk.
func parsePart(part string, out *CodeList, seen map[string]bool) {
	sc := &scanner{s: []rune(part)}
	junkStart := -1
	flushJunk := func(end int) {
		if junkStart < 0 {
			return
		}
		text := strings.TrimSpace(string(sc.s[junkStart:end]))
		junkStart = -1
		if text == "" {
			return
		}
		for _, w := range strings.Fields(text) {
			if !conjunctions[strings.ToLower(w)] {
				out.Invalid = append(out.Invalid, InvalidCode{Text: text, Reason: invalidReason(text)})
				return
			}
		}
	}
	atBoundary := true
	for sc.pos < len(sc.s) {
		if sc.skipSpace() {
			atBoundary = true
			continue
		}
		if atBoundary {
			headStart := sc.pos
			if c, end, ok := sc.headAt(sc.pos); ok {
				sc.pos = end
				sc.subItems(&c)
				if sc.endsCode() {
					flushJunk(headStart)
					if k := c.String(); !seen[k] {
						seen[k] = true
						out.Codes = append(out.Codes, c)
					}
					atBoundary = true
					continue
				}
				// "5A001xyz": the whole word is junk, reported from its start.
				if junkStart < 0 {
					junkStart = headStart
				}
				atBoundary = false
				continue
			}
		}
		if junkStart < 0 {
			junkStart = sc.pos
		}
		sc.pos++
		atBoundary = false
	}
	flushJunk(len(sc.s))
}

// endsCode reports whether a code may end at the scanner position: at the
// end, before a space, or right before a new code head that follows a dot
// or a space.
func (sc *scanner) endsCode() bool {
	p := sc.pos
	if p >= len(sc.s) || unicode.IsSpace(sc.s[p]) {
		return true
	}
	if p > 0 && (sc.s[p-1] == '.' || unicode.IsSpace(sc.s[p-1])) {
		_, _, ok := sc.headAt(p)
		return ok
	}
	return false
}

// invalidReason explains, in a few words, why text is not a control code,
// so the reviewer can fix the source data.
func invalidReason(text string) string {
	compact := strings.ToUpper(strings.Join(strings.Fields(text), ""))
	switch {
	case len(compact) >= 5 && isDigit(rune(compact[0])) && isASCIILetter(rune(compact[1])) && !strings.ContainsRune("ABCDE", rune(compact[1])):
		return "group letter must be A–E (Annex I, Reg. (EU) 2021/821)"
	case len(compact) >= 2 && isDigit(rune(compact[0])) && strings.ContainsRune("ABCDE", rune(compact[1])):
		return "an Annex I code is a digit, a letter A–E and three digits, then sub-items (e.g. 5A001.j)"
	case allDigits(compact):
		return "looks like a number (a CN/HS code?), not a control code"
	case strings.HasPrefix(compact, "ML"):
		return "Common Military List codes run ML1 to ML22"
	default:
		return "not an Annex I dual-use or Common Military List code"
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return true
}
