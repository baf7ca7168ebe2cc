package lists

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The UK publishes two CSV lists with the same shape: OFSI's Consolidated
// List of financial sanctions targets (ConList.csv) and the FCDO's UK
// Sanctions List (UK-Sanctions-List.csv). Both open with a date line
// ("Last Updated,03/05/2024", "Report Date: 03-May-2024") above the header,
// give one row per name variant of a designation with the names split over
// Name 1..Name 5 (given names) and Name 6 (surname or entity name), mark
// each row's name type and quality ("Low quality" aliases are weak), and
// group the rows by an id (OFSI Group ID, FCDO Unique ID). Several values
// in one cell are numbered: "(1) Russia (2) Ukraine".
//
// ukLayout names the columns of each; the reader looks them up by name,
// ignoring case, so the two files' spellings and later column additions
// need no code.

type ukLayout struct {
	listID, format string
	id             string   // grouping id column
	names          []string // given names then surname, joined in this order
	nameType       string   // "Primary name", "AKA", "FKA", "Alias"...
	quality        string   // "Good quality", "Low quality"
	nonLatin       string
	nonLatinLang   string
	typ            string // Individual, Entity, Ship
	regime         string
	listed         []string // listing date columns, first non-empty wins
	dob            string
	birthTown      string
	birthCountry   string
	nationality    string
	passport       string
	nationalID     string
	position       string
	address        []string
	postcode       string
	country        string
	gender         string
	remarks        []string
	regNumber      string
	imo            string
	flag           string
}

var ukOFSILayout = ukLayout{
	listID: "uk_ofsi", format: "uk-ofsi-csv", id: "Group ID",
	names:    []string{"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"},
	nameType: "Alias Type", quality: "Alias Quality", nonLatin: "Name Non-Latin Script", nonLatinLang: "Non-Latin Script Language",
	typ: "Group Type", regime: "Regime", listed: []string{"Listed On", "UK Sanctions List Date Designated"},
	dob: "DOB", birthTown: "Town of Birth", birthCountry: "Country of Birth", nationality: "Nationality",
	passport: "Passport Number", nationalID: "National Identification Number", position: "Position",
	address:  []string{"Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"},
	postcode: "Post/Zip Code", country: "Country", remarks: []string{"Other Information"},
}

func detectUKOFSICSV(base string, head []byte) bool {
	return bytes.Contains(head, []byte("Name 6")) && bytes.Contains(head, []byte("Group ID")) && bytes.Contains(head, []byte("Alias Type"))
}

// ReadUKOFSICSV reads OFSI's Consolidated List (ConList.csv).
func ReadUKOFSICSV(ctx context.Context, path string) (*List, error) {
	return readUKFile(ctx, path, ukOFSILayout)
}

func readUKFile(ctx context.Context, path string, lay ukLayout) (*List, error) {
	return readWith(ctx, path, func(ctx context.Context, r io.Reader, path string) (*List, error) {
		return readUKCSV(ctx, r, path, lay)
	}, ".csv")
}

// ukEnumerated splits "(1) Russia (2) Ukraine" into its values.
var ukEnumerated = regexp.MustCompile(`\(\d+\)\s*`)

func splitUKCell(s string) []string {
	s = clean(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "(1)") {
		return []string{s}
	}
	var out []string
	for _, v := range ukEnumerated.Split(s, -1) {
		if v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), ",")); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func ukKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func readUKCSV(ctx context.Context, r io.Reader, path string, lay ukLayout) (*List, error) {
	cr := newCSVReader(r, 0)
	l := &List{ID: lay.listID, Format: lay.format, Files: []string{path}}
	// The header is preceded by a date line: look for it in the first rows.
	col := map[string]int{}
	var width int
	for tries := 0; ; tries++ {
		rec, err := cr.Read()
		if err != nil || tries == 5 {
			return nil, fmt.Errorf("%s: not a %s file: no header with a %q column in the first lines", path, lay.format, lay.id)
		}
		for i, h := range rec {
			col[ukKey(h)] = i
		}
		if _, ok := col[ukKey(lay.id)]; ok {
			width = len(rec)
			break
		}
		// "Last Updated,03/05/2024" or "Report Date: 03-May-2024".
		for _, f := range rec {
			if i := strings.LastIndexByte(f, ':'); i >= 0 {
				f = f[i+1:]
			}
			f = strings.TrimSpace(f)
			if l.Date == "" {
				l.Date = firstNonEmpty(isoDate(f, false), ukDate(f))
			}
		}
		clear(col)
	}
	// Columns are looked up by ukKey, so get is the reader's own; the
	// table only reads the rows.
	get := func(rec []string, name string) string {
		if i, ok := col[ukKey(name)]; ok && name != "" {
			return clean(rec[i])
		}
		return ""
	}
	t := &csvTable{cr: cr, path: path, width: width, widthf: "want %d fields as in the header, got %d"}
	probs := problems{file: path}
	byID := map[string]*Entry{}
	firstLine := map[string]int{}
	for {
		rec, line, err := t.next(ctx, &probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		id := get(rec, lay.id)
		if id == "" {
			probs.addf(int64(line), "column %s: empty", lay.id)
			continue
		}
		var parts []string
		for _, c := range lay.names {
			parts = append(parts, get(rec, c))
		}
		name := joinNonEmpty(" ", parts...)
		e, ok := byID[id]
		if !ok {
			e = &Entry{List: l.ID, ID: id, Source: path, Type: ukType(get(rec, lay.typ))}
			byID[id], firstLine[id] = e, line
			l.Entries = append(l.Entries, e)
		}
		nt := strings.ToLower(get(rec, lay.nameType))
		kind := NameAKA
		switch {
		case strings.Contains(strings.ToLower(get(rec, lay.quality)), "low"):
			kind = NameWeak
		case strings.HasPrefix(nt, "primary name") && !strings.Contains(nt, "variation"):
			kind = NamePrimary
		case strings.Contains(nt, "fka") || strings.Contains(nt, "formerly") || strings.Contains(nt, "previous"):
			kind = NameFKA
		}
		if name != "" {
			ukAddName(e, name, kind, scriptOf(name))
		}
		if nl := get(rec, lay.nonLatin); nl != "" {
			ukAddName(e, nl, NameAKA, firstNonEmpty(scriptOf(nl), strings.ToLower(get(rec, lay.nonLatinLang))))
		}
		if p := get(rec, lay.regime); p != "" {
			e.Programs = appendOnce(e.Programs, p)
		}
		for _, c := range lay.listed {
			if d := isoDate(get(rec, c), false); d != "" && (e.ListedOn == "" || d < e.ListedOn) {
				e.ListedOn = d
				break
			}
		}
		for _, v := range splitUKCell(get(rec, lay.dob)) {
			e.BirthDates = appendOnce(e.BirthDates, v)
		}
		if p := joinNonEmpty(", ", get(rec, lay.birthTown), get(rec, lay.birthCountry)); p != "" {
			e.BirthPlaces = appendOnce(e.BirthPlaces, p)
		}
		for _, v := range splitUKCell(get(rec, lay.nationality)) {
			e.addCountry(v)
		}
		for _, v := range splitUKCell(get(rec, lay.passport)) {
			e.addIdentifier("Passport Number", v, "")
		}
		for _, v := range splitUKCell(get(rec, lay.nationalID)) {
			e.addIdentifier("National Identification Number", v, "")
		}
		for _, v := range splitUKCell(get(rec, lay.regNumber)) {
			e.addIdentifier("Business registration number", v, "")
		}
		for _, v := range splitUKCell(get(rec, lay.imo)) {
			e.addIdentifier("IMO number", v, "")
		}
		for _, v := range splitUKCell(get(rec, lay.flag)) {
			e.addCountry(v)
		}
		for _, v := range splitUKCell(get(rec, lay.position)) {
			e.Positions = appendOnce(e.Positions, v)
		}
		if g := get(rec, lay.gender); g != "" {
			e.Gender = g
		}
		var street []string
		for _, c := range lay.address {
			street = append(street, get(rec, c))
		}
		a := Address{Street: joinNonEmpty(", ", street...), PostalCode: get(rec, lay.postcode), CountryRaw: get(rec, lay.country)}
		if a != (Address{}) && !hasAddress(e, a) {
			e.addAddress(a)
		}
		var rem []string
		for _, c := range lay.remarks {
			rem = append(rem, get(rec, c))
		}
		if r := joinNonEmpty(" ", rem...); r != "" && !strings.Contains(e.Remarks, r) {
			e.Remarks = joinNonEmpty(" ", e.Remarks, r)
		}
	}
	kept := l.Entries[:0]
	for _, e := range l.Entries {
		if len(e.Names) == 0 {
			probs.addf(int64(firstLine[e.ID]), "%s %s has no name in any row", lay.id, e.ID)
			continue
		}
		e.Names[0].Kind = NamePrimary // a group without a "Primary name" row
		kept = append(kept, e)
	}
	l.Entries = kept
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Problems) > 0 {
		return nil, notFormat(path, lay.format, l.Problems)
	}
	return l, nil
}

// ukAddName adds a name; a primary name met after alias rows moves to the
// front, since the rows of a group come in no promised order, and a second
// primary name counts as a variant.
func ukAddName(e *Entry, name string, kind NameKind, lang string) {
	if kind == NamePrimary && len(e.Names) > 0 && e.Names[0].Kind == NamePrimary {
		kind = NameAKA
	}
	n := len(e.Names)
	e.addName(name, kind, lang)
	if kind == NamePrimary && n > 0 && len(e.Names) > n {
		first := e.Names[n]
		copy(e.Names[1:n+1], e.Names[:n])
		e.Names[0] = first
	}
}

func ukType(s string) EntryType {
	switch strings.ToLower(clean(s)) {
	case "individual":
		return TypePerson
	case "entity":
		return TypeOrganisation
	case "ship", "vessel":
		return TypeVessel
	}
	return TypeUnknown
}

// ukDate reads the FCDO's "03-May-2024".
func ukDate(s string) string {
	return isoDate(strings.ReplaceAll(strings.TrimSpace(s), "-", " "), false)
}
