package lists

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// OFAC publishes each of its two lists (SDN and the consolidated non-SDN
// list) in the legacy CSV format as four headerless files: the primary
// records, their addresses, their alternate names, and the overflow of
// remarks longer than the primary file's field allows. "-0-" (often with a
// trailing space) stands for null, lines end in CRLF, and the files end with
// a 0x1A byte. Weak ("low quality") aliases are not in alt.csv but inside
// the remarks as a.k.a. 'NAME'; so are identifiers, dates of birth and
// nationalities, which remarks.go parses.

// ofacLayout names the files of one legacy OFAC list.
type ofacLayout struct {
	listID, format     string
	add, alt, comments string // companion file names, matched case-insensitively
	primaryNameExample string
}

var (
	ofacSDNLayout  = ofacLayout{"ofac_sdn", "ofac-sdn-csv", "add.csv", "alt.csv", "sdn_comments.csv", "sdn.csv"}
	ofacConsLayout = ofacLayout{"ofac_cons", "ofac-cons-csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv", "cons_prim.csv"}
)

// ofacPrimaryFields is the column count of sdn.csv and cons_prim.csv:
// ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
// Tonnage, GRT, Vess_flag, Vess_owner, Remarks.
const ofacPrimaryFields = 12

// ofacFirstLine recognises a primary record: an ent_num, a quoted name and
// a type that is null or a quoted lower-case word.
var ofacFirstLine = regexp.MustCompile(`^\d+,"[^"]*",(-0- ?|"[a-z]+"),`)

func detectOFACSDN(base string, head []byte) bool {
	return strings.HasSuffix(base, ".csv") && !strings.HasPrefix(base, "cons_") && ofacFirstLine.Match(head)
}

func detectOFACCons(base string, head []byte) bool {
	return strings.HasSuffix(base, ".csv") && strings.HasPrefix(base, "cons_") && ofacFirstLine.Match(head)
}

// ReadOFACSDN reads an OFAC SDN legacy CSV file (sdn.csv) together with the
// add.csv, alt.csv and sdn_comments.csv found beside it.
func ReadOFACSDN(ctx context.Context, path string) (*List, error) {
	return readOFACCSV(ctx, path, ofacSDNLayout)
}

// ReadOFACCons reads OFAC's consolidated non-SDN list in the legacy CSV
// format (cons_prim.csv with cons_add.csv, cons_alt.csv, cons_comments.csv).
func ReadOFACCons(ctx context.Context, path string) (*List, error) {
	return readOFACCSV(ctx, path, ofacConsLayout)
}

func readOFACCSV(ctx context.Context, path string, lay ofacLayout) (*List, error) {
	rc, err := openList(path)
	if err != nil {
		return nil, err
	}
	l, err := readOFACPrimary(ctx, rc, path, lay)
	rc.Close()
	if err != nil {
		return nil, err
	}
	companions := findCompanions(filepath.Dir(path), lay.add, lay.alt, lay.comments)
	byID := make(map[string]*Entry, len(l.Entries))
	for _, e := range l.Entries {
		byID[e.ID] = e
	}
	for _, c := range []struct {
		name string
		read func(e *Entry, rec []string) error
		n    int
	}{
		{lay.alt, ofacAlt, 5},
		{lay.add, ofacAdd, 6},
		{lay.comments, func(e *Entry, rec []string) error {
			e.Remarks = joinOverflow(e.Remarks, ofacNull(rec[1]))
			return nil
		}, 2},
	} {
		p, ok := companions[c.name]
		if !ok {
			continue
		}
		if err := readOFACCompanion(ctx, p, filepath.Base(path), c.n, byID, c.read, l); err != nil {
			return nil, err
		}
		l.Files = append(l.Files, p)
	}
	for _, e := range l.Entries {
		parseOFACRemarks(e)
	}
	return l, nil
}

// readOFACPrimary reads the primary file from r. Remarks are kept raw; the
// caller parses them once the overflow from the comments file is appended.
func readOFACPrimary(ctx context.Context, r io.Reader, path string, lay ofacLayout) (*List, error) {
	l := &List{ID: lay.listID, Format: lay.format, Files: []string{path}}
	probs := problems{file: path}
	t := newOFACTable(r, path, ofacPrimaryFields)
	t.widthf = "want %d fields (ent_num ... Remarks), got %d"
	seen := map[string]int64{}
	for {
		rec, line, err := t.next(ctx, &probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		id := strings.TrimSpace(rec[0])
		if !isDigits(id) {
			probs.addf(int64(line), "column ent_num: %q is not a number", truncate(id, 40))
			continue
		}
		name := clean(ofacNull(rec[1]))
		if name == "" {
			probs.addf(int64(line), "column SDN_Name: empty name for ent_num %s", id)
			continue
		}
		if prev, dup := seen[id]; dup {
			probs.addf(int64(line), "ent_num %s repeats the record on line %d", id, prev)
			continue
		}
		seen[id] = int64(line)
		e := &Entry{List: l.ID, ID: id, Source: path}
		e.addName(name, NamePrimary, "")
		switch strings.ToLower(ofacNull(rec[2])) {
		case "individual":
			e.Type = TypePerson
		case "vessel":
			e.Type = TypeVessel
		case "aircraft":
			e.Type = TypeAircraft
		case "":
			e.Type = TypeOrganisation // OFAC leaves the type of entities null
		default:
			e.Type = TypeUnknown
		}
		e.Programs = splitOFACPrograms(ofacNull(rec[3]))
		if t := clean(ofacNull(rec[4])); t != "" {
			e.Positions = append(e.Positions, t)
		}
		if cs := ofacNull(rec[5]); cs != "" {
			e.addIdentifier("Call Sign", cs, "")
		}
		if flag := ofacNull(rec[9]); flag != "" {
			e.addCountry(flag)
		}
		e.Remarks = ofacNull(rec[11])
		l.Entries = append(l.Entries, e)
	}
	l.Problems = probs.list
	if len(l.Entries) == 0 {
		return nil, notFormat(path, "legacy OFAC CSV ("+lay.primaryNameExample+")", l.Problems)
	}
	return l, nil
}

// readOFACCompanion streams one companion file and hands each record to
// apply with the entry it belongs to. Rows whose ent_num has no primary
// record are reported: OFAC publishes the files together, so an orphan
// means the files come from different days.
func readOFACCompanion(ctx context.Context, path, primary string, fields int, byID map[string]*Entry, apply func(*Entry, []string) error, l *List) error {
	rc, err := openList(path)
	if err != nil {
		return err
	}
	defer rc.Close()
	probs := problems{file: path}
	t := newOFACTable(rc, path, fields)
	for {
		rec, line, err := t.next(ctx, &probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		id := strings.TrimSpace(rec[0])
		e, ok := byID[id]
		if !ok {
			probs.addf(int64(line), "ent_num has no primary record in %s", primary)
			continue
		}
		if err := apply(e, rec); err != nil {
			probs.addf(int64(line), "%v", err)
		}
	}
	l.Problems = append(l.Problems, probs.list...)
	return nil
}

// newOFACTable reads a headerless OFAC file whose rows have a fixed number
// of fields.
func newOFACTable(r io.Reader, path string, fields int) *csvTable {
	return &csvTable{cr: newCSVReader(&dosEOF{r: r}, 0), path: path, width: fields, widthf: "want %d fields, got %d"}
}

// ofacAlt applies an alt.csv record: ent_num, alt_num, alt_type, alt_name,
// alt_remarks. "nka" (now known as) is a current name and counts as aka.
func ofacAlt(e *Entry, rec []string) error {
	name := ofacNull(rec[3])
	if name == "" {
		return fmt.Errorf("column alt_name: empty alias for ent_num %s", e.ID)
	}
	kind := NameAKA
	if strings.EqualFold(ofacNull(rec[2]), "fka") {
		kind = NameFKA
	}
	e.addName(name, kind, "")
	return nil
}

// ofacAdd applies an add.csv record: ent_num, add_num, Address,
// City/State/Province/Postal Code, Country, Add_remarks. A record of nulls
// (OFAC writes one for entries without address) adds nothing.
func ofacAdd(e *Entry, rec []string) error {
	e.addAddress(Address{Street: ofacNull(rec[2]), City: ofacNull(rec[3]), CountryRaw: ofacNull(rec[4])})
	return nil
}

// findCompanions returns the paths of the named files in dir, matching names
// case-insensitively (OFAC's own download names are upper case).
func findCompanions(dir string, names ...string) map[string]string {
	out := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return out
	}
	for _, d := range ents {
		if d.IsDir() {
			continue
		}
		low := strings.ToLower(d.Name())
		for _, n := range names {
			if low == n {
				out[n] = filepath.Join(dir, d.Name())
			}
		}
	}
	return out
}

// ofacNull trims a field and turns OFAC's null marker "-0-" into "".
func ofacNull(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

// splitOFACPrograms splits "UKRAINE-EO13662] [RUSSIA-EO14024": OFAC writes
// several programs as one bracketed list with the outer brackets dropped.
func splitOFACPrograms(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "] [") {
		p = strings.Trim(strings.TrimSpace(p), "[]")
		if p = strings.TrimSpace(p); p != "" {
			out = appendOnce(out, p)
		}
	}
	return out
}

// joinOverflow appends the remarks overflow from the comments file. OFAC
// cuts the primary remarks at a fixed width, mid-word if need be, and the
// comments file carries the rest verbatim: the two are joined without a
// separator.
func joinOverflow(remarks, more string) string {
	return remarks + more
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// truncate shortens s to at most n bytes for an error message, on a rune
// boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
