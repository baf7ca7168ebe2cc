package lists

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The EU Financial Sanctions Files consolidated list (FSF,
// xmlFullSanctionsList_1_1) is an <export generationDate=...> of
// <sanctionEntity logicalId=... euReferenceNumber=... designationDate=...>
// elements, each with its regulations (programme), subjectType
// (person/enterprise), nameAlias elements (wholeName, firstName, lastName,
// function, gender, nameLanguage, strong), citizenship, birthdate,
// identification and address elements (countryIso2Code,
// countryDescription) and remarks. A nameAlias with strong="false" is a
// weak alias. Entry ids are the logicalId.

func detectEUFSFXML(base string, head []byte) bool {
	return bytes.Contains(head, []byte("<export")) && (bytes.Contains(head, []byte("fsd/export")) || bytes.Contains(head, []byte("<sanctionEntity")))
}

type fsfCountry struct {
	ISO2        string `xml:"countryIso2Code,attr"`
	Description string `xml:"countryDescription,attr"`
}

type fsfEntity struct {
	LogicalID       string `xml:"logicalId,attr"`
	EUReference     string `xml:"euReferenceNumber,attr"`
	UNID            string `xml:"unitedNationId,attr"`
	DesignationDate string `xml:"designationDate,attr"`
	Regulations     []struct {
		Programme       string `xml:"programme,attr"`
		NumberTitle     string `xml:"numberTitle,attr"`
		PublicationDate string `xml:"publicationDate,attr"`
	} `xml:"regulation"`
	SubjectType struct {
		Code           string `xml:"code,attr"`
		Classification string `xml:"classificationCode,attr"`
	} `xml:"subjectType"`
	Names []struct {
		WholeName  string `xml:"wholeName,attr"`
		FirstName  string `xml:"firstName,attr"`
		MiddleName string `xml:"middleName,attr"`
		LastName   string `xml:"lastName,attr"`
		Function   string `xml:"function,attr"`
		Gender     string `xml:"gender,attr"`
		Language   string `xml:"nameLanguage,attr"`
		Strong     string `xml:"strong,attr"`
	} `xml:"nameAlias"`
	Citizenships []fsfCountry `xml:"citizenship"`
	BirthDates   []struct {
		fsfCountry
		Date  string `xml:"birthdate,attr"`
		Year  string `xml:"year,attr"`
		Circa string `xml:"circa,attr"`
		City  string `xml:"city,attr"`
		Place string `xml:"place,attr"`
	} `xml:"birthdate"`
	Identifications []struct {
		fsfCountry
		TypeCode        string `xml:"identificationTypeCode,attr"`
		TypeDescription string `xml:"identificationTypeDescription,attr"`
		Number          string `xml:"number,attr"`
		LatinNumber     string `xml:"latinNumber,attr"`
	} `xml:"identification"`
	Addresses []struct {
		fsfCountry
		Street  string `xml:"street,attr"`
		City    string `xml:"city,attr"`
		ZipCode string `xml:"zipCode,attr"`
		Region  string `xml:"region,attr"`
		Place   string `xml:"place,attr"`
		POBox   string `xml:"poBox,attr"`
	} `xml:"address"`
	Remarks []string `xml:"remark"`
}

// ReadEUFSFXML reads the EU Financial Sanctions Files XML.
func ReadEUFSFXML(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readEUFSFXML, ".xml")
}

func readEUFSFXML(ctx context.Context, r io.Reader, path string) (*List, error) {
	l := &List{ID: "eu_fsf", Format: "eu-fsf-xml", Files: []string{path}}
	probs := problems{file: path}
	seen := map[string]int{}
	root := func(se xml.StartElement) error {
		if se.Name.Local != "export" {
			return fmt.Errorf("%s: not an EU FSF XML file: document element is <%s>, want <export>", path, se.Name.Local)
		}
		for _, a := range se.Attr {
			if a.Name.Local == "generationDate" {
				l.Date = isoDate(a.Value, false)
			}
		}
		return nil
	}
	record := func(dec *xml.Decoder, se xml.StartElement, line int) error {
		var ent fsfEntity
		if err := dec.DecodeElement(&ent, &se); err != nil {
			return err
		}
		e := fsfEntry(&ent, path)
		switch {
		case e.ID == "":
			probs.addf(int64(line), "<sanctionEntity> without logicalId (euReferenceNumber %q)", clean(ent.EUReference))
			return nil
		case len(e.Names) == 0:
			probs.addf(int64(line), "sanctionEntity %s has no nameAlias with a name", e.ID)
			return nil
		}
		if prev, dup := seen[e.ID]; dup {
			probs.addf(int64(line), "logicalId %s repeats the entity on line %d", e.ID, prev)
			return nil
		}
		seen[e.ID] = line
		l.Entries = append(l.Entries, e)
		return nil
	}
	if err := xmlStream(ctx, r, path, map[string]bool{"sanctionEntity": true}, root, record); err != nil {
		return nil, err
	}
	l.Problems = probs.list
	return l, nil
}

func fsfType(code, classification string) EntryType {
	switch strings.ToLower(clean(code)) {
	case "person":
		return TypePerson
	case "enterprise", "entity":
		return TypeOrganisation
	}
	switch strings.ToUpper(clean(classification)) {
	case "P":
		return TypePerson
	case "E":
		return TypeOrganisation
	}
	return TypeUnknown
}

// fsfNameKind: the FSF marks weak aliases strong="false".
func fsfNameKind(first bool, strong string) NameKind {
	switch {
	case first:
		return NamePrimary
	case strings.EqualFold(clean(strong), "false"):
		return NameWeak
	}
	return NameAKA
}

// fsfLang turns an FSF nameLanguage (ISO 639-1, "EN", "RU") into a Name.Lang.
func fsfLang(lang, name string) string {
	if s := scriptOf(name); s != "" {
		return s
	}
	return strings.ToLower(clean(lang))
}

func fsfEntry(ent *fsfEntity, path string) *Entry {
	e := &Entry{List: "eu_fsf", ID: clean(ent.LogicalID), Source: path, Type: fsfType(ent.SubjectType.Code, ent.SubjectType.Classification)}
	for _, n := range ent.Names {
		name := firstNonEmpty(clean(n.WholeName), joinNonEmpty(" ", clean(n.FirstName), clean(n.MiddleName), clean(n.LastName)))
		e.addName(name, fsfNameKind(len(e.Names) == 0, n.Strong), fsfLang(n.Language, name))
		if f := clean(n.Function); f != "" {
			e.Positions = appendOnce(e.Positions, f)
		}
		if g := clean(n.Gender); g != "" && e.Gender == "" {
			e.Gender = g
		}
	}
	for _, r := range ent.Regulations {
		if p := clean(r.Programme); p != "" {
			e.Programs = appendOnce(e.Programs, p)
		}
	}
	e.ListedOn = isoDate(ent.DesignationDate, false)
	if e.ListedOn == "" {
		for _, r := range ent.Regulations {
			if d := isoDate(r.PublicationDate, false); d != "" && (e.ListedOn == "" || d < e.ListedOn) {
				e.ListedOn = d
			}
		}
	}
	for _, c := range ent.Citizenships {
		e.addCountry(firstNonEmpty(clean(c.ISO2), clean(c.Description)))
	}
	for _, b := range ent.BirthDates {
		d := firstNonEmpty(clean(b.Date), clean(b.Year))
		if d != "" && strings.EqualFold(clean(b.Circa), "true") {
			d = "circa " + d
		}
		if d != "" {
			e.BirthDates = appendOnce(e.BirthDates, d)
		}
		if p := joinNonEmpty(", ", clean(b.City), clean(b.Place), clean(b.Description)); p != "" {
			e.BirthPlaces = appendOnce(e.BirthPlaces, p)
		}
	}
	for _, id := range ent.Identifications {
		typ := firstNonEmpty(clean(id.TypeDescription), clean(id.TypeCode), "identification")
		e.addIdentifier(typ, firstNonEmpty(clean(id.Number), clean(id.LatinNumber)), firstNonEmpty(clean(id.ISO2), clean(id.Description)))
	}
	for _, a := range ent.Addresses {
		e.addAddress(Address{Street: joinNonEmpty(", ", clean(a.Street), clean(a.POBox)), City: firstNonEmpty(clean(a.City), clean(a.Place)),
			Region: a.Region, PostalCode: a.ZipCode, CountryRaw: firstNonEmpty(clean(a.ISO2), clean(a.Description))})
	}
	var rem []string
	if ref := clean(ent.EUReference); ref != "" {
		rem = append(rem, "EU reference "+ref)
	}
	if un := clean(ent.UNID); un != "" {
		rem = append(rem, "UN "+un)
	}
	e.Remarks = joinNonEmpty("; ", append(rem, cleanAll(ent.Remarks)...)...)
	return e
}
