package lists

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
)

// The CSV variant of the EU Financial Sanctions Files (csvFullSanctionsList_1_1)
// flattens the XML: ';'-separated, one row per name alias, address, birth
// date, identification or citizenship of an entity, each row repeating the
// entity's own columns (Entity_LogicalId, Entity_SubjectType,
// Entity_Regulation_Programme, ...). Column groups are prefixed NameAlias_,
// Address_, BirthDate_, Identification_, Citizenship_. Rows are grouped by
// Entity_LogicalId into one entry; the reader goes by column names, so
// added or reordered columns do no harm.

func detectEUFSFCSV(base string, head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	return bytes.Contains(line, []byte("Entity_LogicalId")) && bytes.Contains(line, []byte("NameAlias_WholeName")) && bytes.Contains(line, []byte(";"))
}

// ReadEUFSFCSV reads the EU Financial Sanctions Files CSV.
func ReadEUFSFCSV(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readEUFSFCSV, ".csv")
}

func readEUFSFCSV(ctx context.Context, r io.Reader, path string) (*List, error) {
	cr := newCSVReader(r, ';')
	cr.LazyQuotes = true // the published file has stray quotes inside names
	t, err := newCSVTable(cr, path, "an EU FSF CSV", "Entity_LogicalId", "NameAlias_WholeName")
	if err != nil {
		return nil, err
	}
	t.widthf = "want %d ';'-separated fields as in the header, got %d"
	get := func(rec []string, name string) string { return clean(t.get(rec, name)) }
	l := &List{ID: "eu_fsf", Format: "eu-fsf-csv", Files: []string{path}}
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
		if l.Date == "" {
			l.Date = isoDate(get(rec, "fileGenerationDate"), false)
		}
		id := get(rec, "Entity_LogicalId")
		if id == "" {
			probs.addf(int64(line), "column Entity_LogicalId: empty")
			continue
		}
		e, ok := byID[id]
		if !ok {
			e = &Entry{List: l.ID, ID: id, Source: path,
				Type: fsfType(get(rec, "Entity_SubjectType"), get(rec, "Entity_SubjectType_ClassificationCode"))}
			e.ListedOn = isoDate(get(rec, "Entity_DesignationDate"), false)
			e.Remarks = joinNonEmpty("; ", prefixed("EU reference ", get(rec, "Entity_EU_ReferenceNumber")),
				prefixed("UN ", get(rec, "Entity_UnitedNationId")), get(rec, "Entity_Remark"))
			byID[id], firstLine[id] = e, line
			l.Entries = append(l.Entries, e)
		}
		if p := get(rec, "Entity_Regulation_Programme"); p != "" {
			e.Programs = appendOnce(e.Programs, p)
		}
		if e.ListedOn == "" {
			e.ListedOn = isoDate(get(rec, "Entity_Regulation_PublicationDate"), false)
		}
		name := firstNonEmpty(get(rec, "NameAlias_WholeName"),
			joinNonEmpty(" ", get(rec, "NameAlias_FirstName"), get(rec, "NameAlias_MiddleName"), get(rec, "NameAlias_LastName")))
		if name != "" {
			e.addName(name, fsfNameKind(len(e.Names) == 0, get(rec, "NameAlias_Strong")), fsfLang(get(rec, "NameAlias_NameLanguage"), name))
			if f := get(rec, "NameAlias_Function"); f != "" {
				e.Positions = appendOnce(e.Positions, f)
			}
			if g := get(rec, "NameAlias_Gender"); g != "" && e.Gender == "" {
				e.Gender = g
			}
		}
		if c := firstNonEmpty(get(rec, "Citizenship_CountryIso2Code"), get(rec, "Citizenship_CountryDescription")); c != "" {
			e.addCountry(c)
		}
		if d := firstNonEmpty(get(rec, "BirthDate_BirthDate"), get(rec, "BirthDate_Year")); d != "" {
			if strings.EqualFold(get(rec, "BirthDate_Circa"), "true") {
				d = "circa " + d
			}
			e.BirthDates = appendOnce(e.BirthDates, d)
		}
		if p := joinNonEmpty(", ", get(rec, "BirthDate_City"), get(rec, "BirthDate_Place"), get(rec, "BirthDate_CountryDescription")); p != "" {
			e.BirthPlaces = appendOnce(e.BirthPlaces, p)
		}
		if num := firstNonEmpty(get(rec, "Identification_Number"), get(rec, "Identification_LatinNumber")); num != "" {
			e.addIdentifier(firstNonEmpty(get(rec, "Identification_TypeDescription"), get(rec, "Identification_TypeCode"), "identification"),
				num, firstNonEmpty(get(rec, "Identification_CountryIso2Code"), get(rec, "Identification_CountryDescription")))
		}
		a := Address{Street: joinNonEmpty(", ", get(rec, "Address_Street"), get(rec, "Address_PoBox")),
			City: firstNonEmpty(get(rec, "Address_City"), get(rec, "Address_Place")), Region: get(rec, "Address_Region"),
			PostalCode: get(rec, "Address_ZipCode"), CountryRaw: firstNonEmpty(get(rec, "Address_CountryIso2Code"), get(rec, "Address_CountryDescription"))}
		if a != (Address{}) && !hasAddress(e, a) {
			e.addAddress(a)
		}
	}
	kept := l.Entries[:0]
	for _, e := range l.Entries {
		if len(e.Names) == 0 {
			probs.addf(int64(firstLine[e.ID]), "entity %s has no NameAlias_WholeName in any row", e.ID)
			continue
		}
		kept = append(kept, e)
	}
	l.Entries = kept
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Problems) > 0 {
		return nil, notFormat(path, "EU FSF CSV", l.Problems)
	}
	return l, nil
}

// hasAddress reports whether e already holds a with the same parts: the
// flattened CSV repeats an address on several rows.
func hasAddress(e *Entry, a Address) bool {
	for _, have := range e.Addresses {
		if have.Street == a.Street && have.City == a.City && have.PostalCode == a.PostalCode &&
			(have.Country == a.CountryRaw || have.CountryRaw == a.CountryRaw) {
			return true
		}
	}
	return false
}
