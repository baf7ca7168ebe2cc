package lists

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The EU Official Journal transcription (OpenSanctions
// datasets/eu/journal_sanctions, FORMAT.md beside the data) holds the
// annexes of the EU's sanctions regulations, one CSV per framework act
// (CELEX), 47 columns. Unlike the FSF file it includes the export-control
// end-user annexes (Reg. 833/2014 Annex IV, Reg. 765/2006 Annex V). Every
// column but name is multi-valued, "; "-separated, with CSV quoting inside
// a cell for values that hold ';'.
//
// Entry ids are CELEX/annex/recordId ("32014R0833/IV/1"): recordId is the
// number printed in the annex and repeats across annexes. Where the annex
// prints none, a short hash of schema and name stands in ("#1a2b3c4d"), so
// the id still survives reordering and re-publication.

var (
	euJournalConsolidated = []byte("celex,recordId,programKey,annex,measure,")
	euJournalAmendment    = []byte("amendedCelex,amendmentCelex,recordId,programKey,annex,measure,")
)

func detectEUJournalCSV(base string, head []byte) bool {
	return bytes.HasPrefix(head, euJournalConsolidated) || bytes.HasPrefix(head, euJournalAmendment)
}

// euJournalIDColumns are the identifier columns, in file order, with the
// type they are given.
var euJournalIDColumns = []string{
	"passportNumber", "registrationNumber", "taxNumber", "idNumber", "innCode", "ogrnCode", "kppCode",
	"okpoCode", "leiCode", "swiftBic", "imoNumber", "mmsi",
}

// ReadEUJournalCSV reads one consolidated or amendment CSV of the EU
// Official Journal transcription.
func ReadEUJournalCSV(ctx context.Context, path string) (*List, error) {
	l, err := readWith(ctx, path, readEUJournalCSV, ".csv")
	if err != nil {
		return nil, err
	}
	if len(l.Entries) > 0 {
		l.Date = euConsolidationDate(filepath.Dir(path), strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	}
	return l, nil
}

func readEUJournalCSV(ctx context.Context, r io.Reader, path string) (*List, error) {
	// The celex column's name depends on the header (consolidated or
	// amendment file), so the columns are checked once it is read.
	t, err := newCSVTable(newCSVReader(r, 0), path, "an EU journal CSV")
	if err != nil {
		return nil, err
	}
	celexCol := "celex"
	if t.has("amendedCelex") {
		celexCol = "amendedCelex"
	}
	if err := t.require("an EU journal CSV", celexCol, "recordId", "programKey", "annex", "measure", "schema", "name"); err != nil {
		return nil, err
	}
	get := t.get
	l := &List{ID: "eu_journal", Format: "eu-journal-csv", Files: []string{path}}
	probs := problems{file: path}
	lines := map[string]int{}
	for {
		rec, line, err := t.next(ctx, &probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		name, schema := clean(get(rec, "name")), get(rec, "schema")
		if name == "" {
			probs.addf(int64(line), "column name: empty")
			continue
		}
		celex, annex, recID := get(rec, celexCol), get(rec, "annex"), get(rec, "recordId")
		if recID == "" {
			sum := sha256.Sum256([]byte(schema + "|" + name))
			recID = "#" + hex.EncodeToString(sum[:4])
		}
		id := celex + "/" + annex + "/" + recID
		if _, dup := lines[id]; dup {
			// FORMAT.md allows a recordId to repeat with another schema.
			id += "/" + schema
		}
		if prev, dup := lines[id]; dup {
			probs.addf(int64(line), "record %s repeats line %d", id, prev)
			continue
		}
		lines[id] = line
		e := &Entry{List: l.ID, ID: id, Source: path}
		switch schema {
		case "Person":
			e.Type = TypePerson
		case "LegalEntity", "Organization", "Company":
			e.Type = TypeOrganisation
		case "Vessel":
			e.Type = TypeVessel
		default:
			e.Type = TypeUnknown // Asset: facilities, zones, crypto-assets
		}
		e.addName(name, NamePrimary, scriptOf(name))
		for _, c := range []struct {
			col  string
			kind NameKind
		}{{"alias", NameAKA}, {"weakAlias", NameWeak}, {"previousName", NameFKA}} {
			for _, v := range splitCell(get(rec, c.col)) {
				e.addName(v, c.kind, scriptOf(v))
			}
		}
		if p := get(rec, "programKey"); p != "" {
			e.Programs = append(e.Programs, p)
		}
		basis := "CELEX " + celex
		if annex != "" {
			basis += " Annex " + annex
		}
		if m := get(rec, "measure"); m != "" {
			basis += ": " + m
		}
		e.Programs = append(e.Programs, basis)
		start := get(rec, "startDate")
		e.ListedOn = firstNonEmpty(isoDate(start, false), start)
		for _, c := range []string{"nationality", "jurisdiction", "flag", "country"} {
			for _, v := range splitCell(get(rec, c)) {
				e.addCountry(v)
			}
		}
		for _, v := range splitCell(get(rec, "birthDate")) {
			e.BirthDates = appendOnce(e.BirthDates, v)
		}
		for _, v := range splitCell(get(rec, "birthPlace")) {
			e.BirthPlaces = appendOnce(e.BirthPlaces, v)
		}
		e.Positions = splitCell(get(rec, "position"))
		e.Gender = get(rec, "gender")
		for _, v := range splitCell(get(rec, "address")) {
			e.addAddress(Address{Full: v})
		}
		for _, c := range euJournalIDColumns {
			for _, v := range splitCell(get(rec, c)) {
				typ, val, country := c, v, ""
				// "7704730655 (Tax ID/INN)", "1027700132195 (Russia)": the
				// printed qualifier is a country or part of the type.
				if strings.HasSuffix(v, ")") {
					if i := strings.LastIndex(v, " ("); i > 0 {
						q := v[i+2 : len(v)-1]
						if _, ok := countryCode(q); ok {
							country = q
						} else {
							typ += " (" + q + ")"
						}
						val = v[:i]
					}
				}
				e.addIdentifier(typ, val, country)
			}
		}
		e.Remarks = joinNonEmpty(" ", append([]string{get(rec, "reason")}, splitCell(get(rec, "notes"))...)...)
		l.Entries = append(l.Entries, e)
	}
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Problems) > 0 {
		return nil, notFormat(path, "EU journal CSV", l.Problems)
	}
	return l, nil
}

// splitCell splits a multi-valued cell: values separated by ';', a value
// holding ';' or '"' CSV-quoted within the cell (FORMAT.md).
func splitCell(s string) []string {
	if s == "" {
		return nil
	}
	if !strings.Contains(s, `"`) {
		return splitList(s)
	}
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = ';'
	r.LazyQuotes = true
	r.TrimLeadingSpace = true
	rec, err := r.Read()
	if err != nil {
		return splitList(s)
	}
	var out []string
	for _, v := range rec {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// euConsolidationDate finds the consolidated version date of celex in the
// consolidation_pins.txt the dataset keeps beside (or above) the CSVs:
// "32014R0833: 02014R0833-20260717" → "2026-07-17". "" when there is none.
func euConsolidationDate(dir, celex string) string {
	for _, d := range []string{dir, filepath.Dir(dir)} {
		f, err := os.Open(filepath.Join(d, "consolidation_pins.txt"))
		if err != nil {
			continue
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), ":")
			if !ok || strings.TrimSpace(k) != celex {
				continue
			}
			v = strings.TrimSpace(v)
			if i := strings.LastIndexByte(v, '-'); i >= 0 && len(v)-i == 9 {
				if _, err := strconv.Atoi(v[i+1:]); err == nil {
					return v[i+1:i+5] + "-" + v[i+5:i+7] + "-" + v[i+7:]
				}
			}
		}
		return ""
	}
	return ""
}
