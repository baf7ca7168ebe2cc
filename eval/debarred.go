package eval

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/thedatashed/xlsxreader"
)

// Debarred parties as innocents. The development set's innocents are the
// names of American listed companies (SEC EDGAR): distinctive brand names,
// and no person at all, so the set cannot see a matcher flag an innocent
// person, and any change that favours partial person names looks free on
// it. The firms and individuals that the multilateral development banks
// debar from the projects they finance (fraud, corruption in procurement)
// are real names from the countries trade flows to: construction and
// engineering firms of China, Turkey, Latin America and Africa, named
// after their place and trade, and persons from as many countries. They
// are on none of the export-control or sanctions lists dualscreen screens:
// innocents for this purpose. Names equal to a listed name once normalised
// are namesakes and are left out (Derive's rule for companies).

// The sources of debarred innocents in the development set. Their pairs
// are reported apart from the SEC company names, whose share of flags is
// the one the target is stated in.
const (
	SourceInnocentPerson = "innocent-person"
	SourceInnocentFirm   = "innocent-firm"
)

// ErrDebarred marks a debarment file whose layout is not one of those
// ReadDebarredPersons knows.
var ErrDebarred = errors.New("bad debarment list")

// debarLayout is how one publisher lays out its xlsx sheet: the header
// cell that identifies it, the column holding the name, and how an
// individual is told from a firm.
type debarLayout struct {
	publisher  string
	nameHeader string
	// individual reports whether a row (cells by header) is a person.
	individual func(row map[string]string) bool
}

// titled matches the courtesy title the World Bank writes before every
// individual's name ("MR. RUFAT MAJIDOV", "MS. TRAN THI HOAN"); firms
// have none.
var titled = regexp.MustCompile(`^(?i:MR|MS|MRS|MISS|DR)\.?\s`)

var debarLayouts = []debarLayout{
	{
		// World Bank "Listing of Ineligible Firms and Individuals": one
		// "Firm Name" column for both, individuals carry a title.
		publisher:  "World Bank",
		nameHeader: "Firm Name",
		individual: func(r map[string]string) bool { return titled.MatchString(r["Firm Name"]) },
	},
	{
		// Inter-American Development Bank "Sanctioned Firms and
		// Individuals": the name is in "Title", the kind in "Entity".
		publisher:  "Inter-American Development Bank",
		nameHeader: "Title",
		individual: func(r map[string]string) bool { return strings.EqualFold(r["Entity"], "Individual") },
	},
}

// ReadDebarred reads the individuals and the firms of a development bank's
// debarment list in its published xlsx layout (World Bank, IDB): the
// first sheet, with a header row (the World Bank's comes after a
// "Downloaded on" line). Names come as published, without a trailing
// parenthesis ("(also known as ...)", "(a.k.a. ...)") or a care-of firm
// ("... c/o Coronado Ingenieros S.A."), which a clerk would not type as
// the person's name. It fails, naming the file, when no known header is
// found, and naming the row when an individual has no name.
func ReadDebarred(path string) (persons, firms []string, err error) {
	xl, err := xlsxreader.OpenFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w: %v", path, ErrDebarred, err)
	}
	defer xl.Close()
	if len(xl.Sheets) == 0 {
		return nil, nil, fmt.Errorf("%s: %w: no sheet", path, ErrDebarred)
	}
	var (
		layout *debarLayout
		header map[int]string
		bad    error
	)
	// Every row is read, even after an error, so that the reader's
	// goroutine finishes.
	n := 0
	for row := range xl.ReadRows(xl.Sheets[0]) {
		n++
		if bad != nil {
			continue
		}
		line := row.Index
		if line <= 0 {
			line = n // rows written without their "r" reference
		}
		if row.Error != nil {
			bad = fmt.Errorf("%s: row %d: %w: %v", path, line, ErrDebarred, row.Error)
			continue
		}
		if layout == nil {
			layout, header = findLayout(row.Cells)
			continue
		}
		cells := map[string]string{}
		for i, c := range row.Cells {
			if h, ok := header[column(c, i)]; ok {
				cells[h] = strings.TrimSpace(strings.ReplaceAll(c.Value, "\u00a0", " "))
			}
		}
		name := asTyped(cells[layout.nameHeader])
		if name == "" && len(persons)+len(firms) == 0 {
			continue // the header's second line ("From Date", "To Date")
		}
		if name == "" {
			bad = fmt.Errorf("%s: row %d, column %q: %w: a party without a name", path, line, layout.nameHeader, ErrDebarred)
			continue
		}
		if layout.individual(cells) {
			persons = append(persons, name)
		} else {
			firms = append(firms, name)
		}
	}
	if bad != nil {
		return nil, nil, bad
	}
	if layout == nil {
		return nil, nil, fmt.Errorf("%s: %w: no header row naming %q or %q", path, ErrDebarred, debarLayouts[0].nameHeader, debarLayouts[1].nameHeader)
	}
	return persons, firms, nil
}

// findLayout returns the layout whose name header is among cells, and the
// header by column index; nil when the row is not a header.
func findLayout(cells []xlsxreader.Cell) (*debarLayout, map[int]string) {
	header := map[int]string{}
	for i, c := range cells {
		header[column(c, i)] = strings.TrimSpace(c.Value)
	}
	for i := range debarLayouts {
		l := &debarLayouts[i]
		for _, h := range header {
			if h == l.nameHeader {
				if l.nameHeader == "Title" && !hasValue(header, "Entity") {
					continue // a "Title" column alone is not the IDB's sheet
				}
				return l, header
			}
		}
	}
	return nil, nil
}

// column is a cell's zero-based column: from its reference ("C7"), or,
// in a sheet written without references (the IDB's export), its place in
// the row, where every cell is written.
func column(c xlsxreader.Cell, i int) int {
	if c.Column == "" {
		return i
	}
	return c.ColumnIndex()
}

func hasValue(m map[int]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

// trailingParen is a parenthesis closing a name, closed or not ("Farad
// dos Santos Mercês (“FARAD MERCÊS)"; "Bamidele Obiniyi (also known as
// Bamidele Abayomi)").
var trailingParen = regexp.MustCompile(`\s*\([^()]*\)?\s*$`)

// careOf begins the firm a person is reached through ("c/o").
var careOf = regexp.MustCompile(`(?i)\s+c/o\s.*$`)

func asTyped(n string) string {
	n = careOf.ReplaceAllString(n, "")
	return strings.TrimSpace(trailingParen.ReplaceAllString(n, ""))
}
