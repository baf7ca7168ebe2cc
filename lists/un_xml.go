package lists

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The UN Security Council Consolidated List (scsanctions.un.org, schema
// sc-sanctions.xsd) holds INDIVIDUAL and ENTITY records under
// CONSOLIDATED_LIST. Names are split over FIRST_NAME..FOURTH_NAME in the
// order they are written; aliases carry a QUALITY of "Good"/"a.k.a."
// (aka), "f.k.a." (fka) or "Low" (the weak aliases).

func detectUNXML(base string, head []byte) bool {
	return bytes.Contains(head, []byte("<CONSOLIDATED_LIST"))
}

type unValues struct {
	Values []string `xml:"VALUE"`
}

type unAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

type unAddress struct {
	Street string `xml:"STREET"`
	City   string `xml:"CITY"`
	State  string `xml:"STATE_PROVINCE"`
	Zip    string `xml:"ZIP_CODE"`
	Cntry  string `xml:"COUNTRY"`
}

type unBirthDate struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
}

type unBirthPlace struct {
	City  string `xml:"CITY"`
	State string `xml:"STATE_PROVINCE"`
	Cntry string `xml:"COUNTRY"`
}

type unDocument struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Type2          string `xml:"TYPE_OF_DOCUMENT2"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
}

// unRecord is one INDIVIDUAL or ENTITY element; the two share one shape
// with INDIVIDUAL_ or ENTITY_ prefixed child elements.
type unRecord struct {
	DataID       string         `xml:"DATAID"`
	ListType     string         `xml:"UN_LIST_TYPE"`
	Ref          string         `xml:"REFERENCE_NUMBER"`
	ListedOn     string         `xml:"LISTED_ON"`
	Gender       string         `xml:"GENDER"`
	Comments     string         `xml:"COMMENTS1"`
	Original     string         `xml:"NAME_ORIGINAL_SCRIPT"`
	Title        unValues       `xml:"TITLE"`
	Designation  unValues       `xml:"DESIGNATION"`
	Nationality  unValues       `xml:"NATIONALITY"`
	IndAliases   []unAlias      `xml:"INDIVIDUAL_ALIAS"`
	EntAliases   []unAlias      `xml:"ENTITY_ALIAS"`
	IndAddresses []unAddress    `xml:"INDIVIDUAL_ADDRESS"`
	EntAddresses []unAddress    `xml:"ENTITY_ADDRESS"`
	BirthDates   []unBirthDate  `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces  []unBirthPlace `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents    []unDocument   `xml:"INDIVIDUAL_DOCUMENT"`
	First        string         `xml:"FIRST_NAME"`
	Second       string         `xml:"SECOND_NAME"`
	Third        string         `xml:"THIRD_NAME"`
	Fourth       string         `xml:"FOURTH_NAME"`
}

// ReadUNXML reads the UN Security Council Consolidated List XML.
func ReadUNXML(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readUNXML, ".xml")
}

func readUNXML(ctx context.Context, r io.Reader, path string) (*List, error) {
	l := &List{ID: "un_sc", Format: "un-xml", Files: []string{path}}
	probs := problems{file: path}
	root := func(se xml.StartElement) error {
		if se.Name.Local != "CONSOLIDATED_LIST" {
			return fmt.Errorf("%s: not a UN consolidated list: document element is <%s>, want <CONSOLIDATED_LIST>", path, se.Name.Local)
		}
		for _, a := range se.Attr {
			if a.Name.Local == "dateGenerated" && len(a.Value) >= 10 {
				l.Date = a.Value[:10]
			}
		}
		return nil
	}
	seen := map[string]int{}
	record := func(dec *xml.Decoder, se xml.StartElement, line int) error {
		var rec unRecord
		if err := dec.DecodeElement(&rec, &se); err != nil {
			return err
		}
		e := unEntry(&rec, se.Name.Local, path)
		switch {
		case e.ID == "":
			probs.addf(int64(line), "<%s> without REFERENCE_NUMBER (DATAID %q)", se.Name.Local, clean(rec.DataID))
			return nil
		case len(e.Names) == 0:
			probs.addf(int64(line), "%s: <%s> without a name", e.ID, se.Name.Local)
			return nil
		}
		if prev, dup := seen[e.ID]; dup {
			probs.addf(int64(line), "REFERENCE_NUMBER %s repeats the record on line %d", e.ID, prev)
			return nil
		}
		seen[e.ID] = line
		l.Entries = append(l.Entries, e)
		return nil
	}
	err := xmlStream(ctx, r, path, map[string]bool{"INDIVIDUAL": true, "ENTITY": true}, root, record)
	if err != nil {
		return nil, err
	}
	l.Problems = probs.list
	return l, nil
}

func unEntry(rec *unRecord, elem, path string) *Entry {
	e := &Entry{List: "un_sc", ID: clean(rec.Ref), Source: path, Type: TypeOrganisation}
	if elem == "INDIVIDUAL" {
		e.Type = TypePerson
	}
	e.addName(joinNonEmpty(" ", clean(rec.First), clean(rec.Second), clean(rec.Third), clean(rec.Fourth)), NamePrimary, "")
	for _, a := range append(rec.IndAliases, rec.EntAliases...) {
		kind := NameAKA
		switch strings.ToLower(clean(a.Quality)) {
		case "low":
			kind = NameWeak
		case "f.k.a.", "fka":
			kind = NameFKA
		}
		e.addName(a.Name, kind, scriptOf(a.Name))
	}
	if orig := clean(rec.Original); orig != "" {
		e.addName(orig, NameAKA, scriptOf(orig))
	}
	if len(e.Names) > 0 && e.Names[0].Kind != NamePrimary {
		// No FIRST_NAME: the first alias stands in as the primary name.
		e.Names[0].Kind = NamePrimary
	}
	if p := clean(rec.ListType); p != "" {
		e.Programs = []string{p}
	}
	e.ListedOn = clean(rec.ListedOn)
	e.Gender = clean(rec.Gender)
	e.Remarks = clean(rec.Comments)
	for _, v := range append(rec.Title.Values, rec.Designation.Values...) {
		if v = clean(v); v != "" {
			e.Positions = appendOnce(e.Positions, v)
		}
	}
	for _, n := range rec.Nationality.Values {
		e.addCountry(n)
	}
	for _, a := range append(rec.IndAddresses, rec.EntAddresses...) {
		e.addAddress(Address{Street: a.Street, City: a.City, Region: a.State, PostalCode: a.Zip, CountryRaw: a.Cntry})
	}
	for _, d := range rec.BirthDates {
		var v string
		switch {
		case clean(d.Date) != "":
			v = clean(d.Date)
		case clean(d.FromYear) != "" || clean(d.ToYear) != "":
			v = clean(d.FromYear) + "/" + clean(d.ToYear) // ISO 8601 interval
		case clean(d.Year) != "":
			v = clean(d.Year)
			if strings.EqualFold(clean(d.Type), "APPROXIMATELY") {
				v = "circa " + v
			}
		}
		if v != "" {
			e.BirthDates = appendOnce(e.BirthDates, v)
		}
	}
	for _, p := range rec.BirthPlaces {
		if v := joinNonEmpty(", ", clean(p.City), clean(p.State), clean(p.Cntry)); v != "" {
			e.BirthPlaces = appendOnce(e.BirthPlaces, v)
		}
	}
	for _, d := range rec.Documents {
		e.addIdentifier(firstNonEmpty(clean(d.Type), clean(d.Type2), "Document"), d.Number, firstNonEmpty(clean(d.IssuingCountry), clean(d.CountryOfIssue)))
	}
	return e
}
