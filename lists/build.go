package lists

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dualscreen/dualscreen/countries"
)

// This file holds what every reader does to fill an Entry: clean a published
// value, add a name or country once, and record a skipped row.

// clean trims a published value and collapses runs of white space (list
// files wrap long names over lines) to one space. Invalid UTF-8 is replaced
// so that everything an Entry holds is valid text. Most values are clean
// already and are returned as they are, without allocating.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// isClean reports whether s is valid UTF-8 with single spaces between words
// and none at either end.
func isClean(s string) bool {
	prevSpace := true // a leading space is not clean
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r < utf8.RuneSelf && r > ' ' || r >= utf8.RuneSelf && !unicode.IsSpace(r):
		default:
			return false // tabs, newlines, other spaces and control characters
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// addName appends a name variant unless it is empty or the entry already has
// it (the first, stronger kind wins: lists often repeat the primary name as
// an alias).
func (e *Entry) addName(value string, kind NameKind, lang string) {
	value = clean(value)
	if value == "" {
		return
	}
	for _, n := range e.Names {
		if n.Value == value {
			return
		}
	}
	e.Names = append(e.Names, Name{Value: value, Kind: kind, Lang: lang})
}

// addCountry records a published country value: its ISO2 code in Countries
// (once) and, when the value was not already a code, its wording in
// CountriesRaw. It returns the ISO2 code or "".
func (e *Entry) addCountry(raw string) string {
	raw = clean(raw)
	if raw == "" {
		return ""
	}
	iso, ok := countryCode(raw)
	if !ok || !strings.EqualFold(raw, iso) {
		e.CountriesRaw = appendOnce(e.CountriesRaw, raw)
	}
	if ok {
		e.Countries = appendOnce(e.Countries, iso)
	}
	return iso
}

// addIdentifier appends an identifier unless the same type and value are
// already there. It resolves the issuing country and fills Scheme.
func (e *Entry) addIdentifier(typ, value, country string) {
	typ, value, country = clean(typ), clean(value), clean(country)
	if value == "" {
		return
	}
	id := Identifier{Type: typ, Value: value, Scheme: identifierScheme(typ)}
	if country != "" {
		if iso, ok := countryCode(country); ok {
			id.Country = iso
			if !strings.EqualFold(iso, country) {
				id.CountryRaw = country
			}
		} else {
			id.CountryRaw = country
		}
	}
	for _, have := range e.Identifiers {
		if have.Type == id.Type && have.Value == id.Value {
			return
		}
	}
	e.Identifiers = append(e.Identifiers, id)
}

// addAddress appends an address built from its parts; Full is the parts
// joined when the list gives no one-line form. The country also goes into
// the entry's countries. Empty addresses are dropped.
func (e *Entry) addAddress(a Address) {
	a.Street, a.City, a.Region, a.PostalCode, a.CountryRaw = clean(a.Street), clean(a.City), clean(a.Region), clean(a.PostalCode), clean(a.CountryRaw)
	a.Full = clean(a.Full)
	if a.CountryRaw == "" && a.Full != "" {
		// A one-line address usually ends in its country: "..., Russian Federation".
		if i := strings.LastIndexByte(a.Full, ','); i >= 0 {
			if _, ok := countryCode(strings.TrimSpace(a.Full[i+1:])); ok {
				a.CountryRaw = strings.TrimSpace(a.Full[i+1:])
			}
		}
	}
	if a.CountryRaw != "" {
		a.Country = e.addCountry(a.CountryRaw)
		if strings.EqualFold(a.Country, a.CountryRaw) {
			a.CountryRaw = ""
		}
	}
	if a.Full == "" {
		a.Full = joinNonEmpty(", ", a.Street, a.City, a.Region, a.PostalCode, firstNonEmpty(a.CountryRaw, a.Country))
	}
	if a.Full == "" {
		return
	}
	e.Addresses = append(e.Addresses, a)
}

func appendOnce(list []string, v string) []string {
	for _, have := range list {
		if have == v {
			return list
		}
	}
	return append(list, v)
}

func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// countryCache memoises countries.Lookup, which normalises Unicode on every
// call: lists repeat the same few hundred country spellings tens of
// thousands of times. It is bounded so hostile input cannot grow it without
// limit.
var countryCache = struct {
	sync.RWMutex
	m map[string]string // raw → ISO2, "" when unknown
}{m: map[string]string{}}

const countryCacheMax = 1 << 14

func countryCode(raw string) (string, bool) {
	countryCache.RLock()
	iso, ok := countryCache.m[raw]
	countryCache.RUnlock()
	if ok {
		return iso, iso != ""
	}
	iso, _ = countries.Lookup(raw)
	countryCache.Lock()
	if len(countryCache.m) < countryCacheMax {
		countryCache.m[raw] = iso
	}
	countryCache.Unlock()
	return iso, iso != ""
}

// problems collects the rows a reader skipped.
type problems struct {
	file string
	list []Problem
}

func (p *problems) addf(line int64, format string, a ...any) {
	p.list = append(p.list, Problem{File: p.file, Line: line, Reason: fmt.Sprintf(format, a...)})
}

// notFormat is the error for a file that yielded no entry at all but
// problems: it is some other file, not a damaged list.
func notFormat(path, format string, probs []Problem) error {
	if len(probs) == 0 {
		return fmt.Errorf("%s: not a %s file: no entries", path, format)
	}
	return fmt.Errorf("%s: not a %s file: %s (and %d more problems)", path, format, probs[0], len(probs)-1)
}
