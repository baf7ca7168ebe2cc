package rules

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"github.com/dualscreen/dualscreen/data"
)

// TableError is a bad row in a rule table, with its location.
type TableError struct {
	File   string
	Row    int    // 1-based data row (the header is row 0); 0 when not row-specific
	Column string // "" when none
	Err    error
}

func (e *TableError) Error() string {
	switch {
	case e.Row > 0 && e.Column != "":
		return fmt.Sprintf("%s: row %d, column %s: %v", e.File, e.Row, e.Column, e.Err)
	case e.Row > 0:
		return fmt.Sprintf("%s: row %d: %v", e.File, e.Row, e.Err)
	case e.Column != "":
		return fmt.Sprintf("%s: column %s: %v", e.File, e.Column, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *TableError) Unwrap() error { return e.Err }

// Provenance says where a rule comes from and how far it was checked. Every
// hit carries it in its legal_basis field.
type Provenance struct {
	LegalBasis  string
	Status      string // V verified against the legal text, S secondary source, U unverified
	LastChecked string // ISO date
	Source      string // "data/rules/destinations.csv:5" or "policy.toml [destinations]"
}

// Cite renders the provenance for a hit's legal_basis field.
func (p Provenance) Cite() string {
	s := p.LegalBasis
	if p.Status != "" {
		s += " [" + p.Status + "]"
	}
	if p.LastChecked != "" {
		return s + "; last checked " + p.LastChecked
	}
	return s + "; last checked: not recorded"
}

// Measure is the kind of a destination measure.
type Measure string

// Destination measure kinds, as in data/rules/destinations.csv.
const (
	DualUseBan         Measure = "dual_use_ban"         // every Annex I item prohibited
	MilitaryEndUseBan  Measure = "military_end_use_ban" // Annex I items prohibited for military end-use/users (Myanmar)
	ArmsEmbargo        Measure = "arms_embargo"         // whole-country arms embargo: Art. 4(1)(b) trigger
	ArmsRestrictions   Measure = "arms_restrictions"    // targeted or partial arms embargo
	TelecomMonitoring  Measure = "telecom_monitoring"   // telecom-monitoring restrictions: human-rights risk
	InternalRepression Measure = "internal_repression"  // repression-equipment restrictions: human-rights risk
)

var knownMeasures = map[Measure]bool{DualUseBan: true, MilitaryEndUseBan: true, ArmsEmbargo: true,
	ArmsRestrictions: true, TelecomMonitoring: true, InternalRepression: true}

// DestinationMeasure is one measure against one country.
type DestinationMeasure struct {
	ISO2    string
	Country string
	Measure Measure
	Regime  string // programme id, e.g. EU-RUS; goes into Hit.Programs
	Since   string // ISO date the measure applies from, where known
	Default bool   // applied unless the policy disables it
	Note    string
	Provenance
}

// Key names the row in policy files: "RU:dual_use_ban".
func (m DestinationMeasure) Key() string { return m.ISO2 + ":" + string(m.Measure) }

// CountryRow is a country in a list table (EU001, EU member states).
type CountryRow struct {
	ISO2, Country, Note string
	Provenance
}

// CodeEntry is an Annex I entry, or a prefix of one, in a code table.
type CodeEntry struct {
	Text        string   // as written in the table: "5A001.j", "0"
	segs        []string // prefix path, see Code.segments
	Part        string   // Annex IV: "1", "2", or "none" for an explicit exclusion
	Category    string   // group in the table (cyber category, Annex IV group)
	Description string
	Condition   string // where the entry covers only part of the Annex I item
	Note        string
	Provenance
}

// Keyword is one description pattern of the cyber-surveillance classifier.
type Keyword struct {
	Lang     string
	Pattern  string
	Weight   float64
	Category string
	Note     string
	Provenance
	toks []tokenPattern
}

// Tables are the rule tables the engine applies.
type Tables struct {
	Destinations []DestinationMeasure
	EU001        []CountryRow
	// EU002 is the second UGEA applied (Annex II Section B): its
	// destinations and items. Its conditions are like EU001's, none visible
	// in a record.
	EU002Destinations []CountryRow
	EU002Items        []CodeEntry
	EUMembers         []CountryRow
	SectionI          []CodeEntry // Annex II Section I, without "all Annex IV items"
	AnnexIV           []CodeEntry
	CyberCodes        []CodeEntry
	Keywords          []Keyword
}

// Table file names inside the table folder.
const (
	fileDestinations = "destinations.csv"
	fileEU001        = "eu001.csv"
	fileEU002        = "eu002.csv"
	fileEUMembers    = "eu_member_states.csv"
	fileSectionI     = "annex2_section_i.csv"
	fileAnnexIV      = "annex4.csv"
	fileCyberCodes   = "cyber_codes.csv"
	fileKeywords     = "cyber_keywords.csv"
)

// DefaultTables returns the embedded tables in data/rules.
func DefaultTables() (*Tables, error) {
	sub, err := fs.Sub(data.RuleTables, "rules")
	if err != nil {
		return nil, err
	}
	return LoadTables(sub, "data/rules")
}

// LoadTables reads every table from fsys. prefix names the folder in errors
// and provenance ("data/rules").
func LoadTables(fsys fs.FS, prefix string) (*Tables, error) {
	t := &Tables{}
	var err error
	if t.Destinations, err = readDestinations(fsys, prefix); err != nil {
		return nil, err
	}
	if t.EU001, err = readCountries(fsys, prefix, fileEU001); err != nil {
		return nil, err
	}
	if t.EU002Destinations, t.EU002Items, err = readEU002(fsys, prefix); err != nil {
		return nil, err
	}
	if t.EUMembers, err = readCountries(fsys, prefix, fileEUMembers); err != nil {
		return nil, err
	}
	if t.SectionI, err = readCodes(fsys, prefix, fileSectionI); err != nil {
		return nil, err
	}
	if t.AnnexIV, err = readCodes(fsys, prefix, fileAnnexIV); err != nil {
		return nil, err
	}
	if t.CyberCodes, err = readCodes(fsys, prefix, fileCyberCodes); err != nil {
		return nil, err
	}
	if t.Keywords, err = readKeywords(fsys, prefix); err != nil {
		return nil, err
	}
	return t, nil
}

// table is a CSV file read whole with its header indexed by name.
type table struct {
	file string
	cols map[string]int
	rows [][]string
}

func readTable(fsys fs.FS, prefix, name string, required ...string) (*table, error) {
	file := prefix + "/" + name
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &TableError{File: file, Err: err}
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, &TableError{File: file, Err: fmt.Errorf("reading header: %w", err)}
	}
	t := &table{file: file, cols: make(map[string]int)}
	for i, h := range header {
		t.cols[strings.TrimSpace(h)] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &TableError{File: file, Column: c, Err: errors.New("missing column")}
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &TableError{File: file, Row: pe.Line - 1, Err: pe.Err}
			}
			return nil, &TableError{File: file, Err: err}
		}
		t.rows = append(t.rows, rec)
	}
	return t, nil
}

func (t *table) get(row []string, col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

var (
	iso2Pattern = regexp.MustCompile(`^[A-Z]{2}$`)
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// provenance reads and checks the common columns of a row.
func (t *table) provenance(row []string, n int) (Provenance, error) {
	p := Provenance{
		LegalBasis:  t.get(row, "legal_basis"),
		Status:      t.get(row, "status"),
		LastChecked: t.get(row, "last_checked"),
		Source:      fmt.Sprintf("%s:%d", t.file, n+1),
	}
	if p.LegalBasis == "" {
		return p, &TableError{File: t.file, Row: n, Column: "legal_basis", Err: errors.New("empty: every rule needs its legal basis")}
	}
	if p.Status != "V" && p.Status != "S" && p.Status != "U" {
		return p, &TableError{File: t.file, Row: n, Column: "status", Err: fmt.Errorf("%q: want V, S or U", p.Status)}
	}
	if !datePattern.MatchString(p.LastChecked) {
		return p, &TableError{File: t.file, Row: n, Column: "last_checked", Err: fmt.Errorf("%q: want YYYY-MM-DD", p.LastChecked)}
	}
	return p, nil
}

func readDestinations(fsys fs.FS, prefix string) ([]DestinationMeasure, error) {
	t, err := readTable(fsys, prefix, fileDestinations, "iso2", "country", "measure", "regime", "legal_basis", "since", "status", "default", "last_checked")
	if err != nil {
		return nil, err
	}
	var out []DestinationMeasure
	seen := make(map[string]int)
	for i, row := range t.rows {
		n := i + 1
		m := DestinationMeasure{ISO2: t.get(row, "iso2"), Country: t.get(row, "country"), Measure: Measure(t.get(row, "measure")),
			Regime: t.get(row, "regime"), Since: t.get(row, "since"), Note: t.get(row, "note")}
		if !iso2Pattern.MatchString(m.ISO2) {
			return nil, &TableError{File: t.file, Row: n, Column: "iso2", Err: fmt.Errorf("%q is not an ISO 3166 alpha-2 code", m.ISO2)}
		}
		if !knownMeasures[m.Measure] {
			return nil, &TableError{File: t.file, Row: n, Column: "measure", Err: fmt.Errorf("unknown measure %q", m.Measure)}
		}
		if m.Since != "" && !datePattern.MatchString(m.Since) {
			return nil, &TableError{File: t.file, Row: n, Column: "since", Err: fmt.Errorf("%q: want YYYY-MM-DD", m.Since)}
		}
		switch d := t.get(row, "default"); d {
		case "on":
			m.Default = true
		case "off":
		default:
			return nil, &TableError{File: t.file, Row: n, Column: "default", Err: fmt.Errorf("%q: want on or off", d)}
		}
		if m.Provenance, err = t.provenance(row, n); err != nil {
			return nil, err
		}
		if prev, dup := seen[m.Key()]; dup {
			return nil, &TableError{File: t.file, Row: n, Err: fmt.Errorf("%s repeats row %d", m.Key(), prev)}
		}
		seen[m.Key()] = n
		out = append(out, m)
	}
	return out, nil
}

func readCountries(fsys fs.FS, prefix, name string) ([]CountryRow, error) {
	t, err := readTable(fsys, prefix, name, "iso2", "country", "legal_basis", "status", "last_checked")
	if err != nil {
		return nil, err
	}
	var out []CountryRow
	for i, row := range t.rows {
		n := i + 1
		c := CountryRow{ISO2: t.get(row, "iso2"), Country: t.get(row, "country"), Note: t.get(row, "note")}
		if !iso2Pattern.MatchString(c.ISO2) {
			return nil, &TableError{File: t.file, Row: n, Column: "iso2", Err: fmt.Errorf("%q is not an ISO 3166 alpha-2 code", c.ISO2)}
		}
		if c.Provenance, err = t.provenance(row, n); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// parseEntryText parses a table code: a full code ("5A001.j") or a bare
// category digit ("0" = all of Category 0).
func parseEntryText(s string) ([]string, error) {
	if len(s) == 1 && isDigit(rune(s[0])) {
		return []string{s}, nil
	}
	l := ParseCodes(s)
	if len(l.Codes) != 1 || len(l.Invalid) != 0 || l.Codes[0].Kind != AnnexI || l.Codes[0].String() != s {
		return nil, fmt.Errorf("%q is not one canonical Annex I code (want e.g. 5A001.j)", s)
	}
	return l.Codes[0].segments(), nil
}

func readCodes(fsys fs.FS, prefix, name string) ([]CodeEntry, error) {
	t, err := readTable(fsys, prefix, name, "code", "legal_basis", "status", "last_checked")
	if err != nil {
		return nil, err
	}
	var out []CodeEntry
	for i, row := range t.rows {
		n := i + 1
		e := CodeEntry{Text: t.get(row, "code"), Part: t.get(row, "part"), Description: t.get(row, "description"),
			Condition: t.get(row, "condition"), Note: t.get(row, "note")}
		e.Category = t.get(row, "category")
		if e.Category == "" {
			e.Category = t.get(row, "group")
		}
		if e.segs, err = parseEntryText(e.Text); err != nil {
			return nil, &TableError{File: t.file, Row: n, Column: "code", Err: err}
		}
		if _, ok := t.cols["part"]; ok && e.Part != "1" && e.Part != "2" && e.Part != "none" {
			return nil, &TableError{File: t.file, Row: n, Column: "part", Err: fmt.Errorf("%q: want 1, 2 or none", e.Part)}
		}
		if e.Provenance, err = t.provenance(row, n); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func readKeywords(fsys fs.FS, prefix string) ([]Keyword, error) {
	t, err := readTable(fsys, prefix, fileKeywords, "lang", "pattern", "weight", "category", "legal_basis", "status", "last_checked")
	if err != nil {
		return nil, err
	}
	var out []Keyword
	for i, row := range t.rows {
		n := i + 1
		k := Keyword{Lang: t.get(row, "lang"), Pattern: t.get(row, "pattern"), Category: t.get(row, "category"), Note: t.get(row, "note")}
		w, err := strconv.ParseFloat(t.get(row, "weight"), 64)
		if err != nil || w < -1 || w > 1 || w == 0 {
			return nil, &TableError{File: t.file, Row: n, Column: "weight", Err: fmt.Errorf("%q: want a non-zero number in [-1, 1]", t.get(row, "weight"))}
		}
		k.Weight = w
		if k.toks, err = compilePattern(k.Pattern); err != nil {
			return nil, &TableError{File: t.file, Row: n, Column: "pattern", Err: err}
		}
		if k.Provenance, err = t.provenance(row, n); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

func readEU002(fsys fs.FS, prefix string) ([]CountryRow, []CodeEntry, error) {
	t, err := readTable(fsys, prefix, fileEU002, "kind", "value", "legal_basis", "status", "last_checked")
	if err != nil {
		return nil, nil, err
	}
	var dests []CountryRow
	var items []CodeEntry
	for i, row := range t.rows {
		n := i + 1
		prov, err := t.provenance(row, n)
		if err != nil {
			return nil, nil, err
		}
		v := t.get(row, "value")
		switch k := t.get(row, "kind"); k {
		case "destination":
			if !iso2Pattern.MatchString(v) {
				return nil, nil, &TableError{File: t.file, Row: n, Column: "value", Err: fmt.Errorf("%q is not an ISO 3166 alpha-2 code", v)}
			}
			dests = append(dests, CountryRow{ISO2: v, Provenance: prov})
		case "item":
			e := CodeEntry{Text: v, Provenance: prov}
			if e.segs, err = parseEntryText(v); err != nil {
				return nil, nil, &TableError{File: t.file, Row: n, Column: "value", Err: err}
			}
			items = append(items, e)
		default:
			return nil, nil, &TableError{File: t.file, Row: n, Column: "kind", Err: fmt.Errorf("%q: want destination or item", k)}
		}
	}
	return dests, items, nil
}
