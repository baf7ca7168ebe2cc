package lists

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// OFAC's "Enhanced XML" (SDN_ENHANCED.XML, CONS_ENHANCED.XML, often
// zipped) is the structured successor of the legacy CSV: under
// <sanctionsData> come publicationInfo (date, which list), referenceValues
// (countries with ISO codes, among others) and one <entity id=...> per
// listed party with typed names (aliasType, isLowQuality), translations in
// other scripts, addresses in parts, features (birth date, nationality,
// SWIFT/BIC, IMO...) and identity documents. Entity ids are the legacy
// ent_num, so the two formats give the same entry ids.

func detectOFACEnhancedXML(base string, head []byte) bool {
	return bytes.Contains(head, []byte("<sanctionsData"))
}

type oeRef struct {
	RefID string `xml:"refId,attr"`
	Text  string `xml:",chardata"`
}

type oeReferenceValue struct {
	RefID   string `xml:"refId,attr"`
	Type    string `xml:"type"`
	Value   string `xml:"value"`
	ISOCode string `xml:"isoCode"`
}

type oePublicationInfo struct {
	DataAsOf string  `xml:"dataAsOf"`
	Lists    []oeRef `xml:"filters>sanctionsLists>sanctionsList"`
}

type oeTranslation struct {
	IsPrimary bool   `xml:"isPrimary"`
	Script    string `xml:"script"`
	FullName  string `xml:"formattedFullName"`
	Parts     []struct {
		Type  string `xml:"type"`
		Value string `xml:"value"`
	} `xml:"addressParts>addressPart"`
}

type oeEntity struct {
	ID         string `xml:"id,attr"`
	EntityType string `xml:"generalInfo>entityType"`
	Lists      []struct {
		Name          string `xml:",chardata"`
		DatePublished string `xml:"datePublished,attr"`
	} `xml:"sanctionsLists>sanctionsList"`
	Programs []string `xml:"sanctionsPrograms>sanctionsProgram"`
	Names    []struct {
		IsPrimary    bool            `xml:"isPrimary"`
		IsLowQuality bool            `xml:"isLowQuality"`
		AliasType    string          `xml:"aliasType"`
		Translations []oeTranslation `xml:"translations>translation"`
	} `xml:"names>name"`
	Addresses []struct {
		Country      oeRef           `xml:"country"`
		Translations []oeTranslation `xml:"translations>translation"`
	} `xml:"addresses>address"`
	Features []struct {
		Type  string `xml:"type"`
		Value string `xml:"value"`
	} `xml:"features>feature"`
	Documents []struct {
		Type    string `xml:"type"`
		Number  string `xml:"documentNumber"`
		Country oeRef  `xml:"issuingCountry"`
	} `xml:"identityDocuments>identityDocument"`
	Remarks string `xml:"remarks"`
}

// ReadOFACEnhancedXML reads OFAC's Enhanced XML, plain or zipped.
func ReadOFACEnhancedXML(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readOFACEnhancedXML, ".xml")
}

func readOFACEnhancedXML(ctx context.Context, r io.Reader, path string) (*List, error) {
	l := &List{ID: "ofac_sdn", Format: "ofac-enhanced-xml", Files: []string{path}}
	probs := problems{file: path}
	iso := map[string]string{} // COUNTRY reference value id → ISO2
	seen := map[string]int{}
	root := func(se xml.StartElement) error {
		if se.Name.Local != "sanctionsData" {
			return fmt.Errorf("%s: not an OFAC Enhanced XML file: document element is <%s>, want <sanctionsData>", path, se.Name.Local)
		}
		return nil
	}
	record := func(dec *xml.Decoder, se xml.StartElement, line int) error {
		switch se.Name.Local {
		case "publicationInfo":
			var pi oePublicationInfo
			if err := dec.DecodeElement(&pi, &se); err != nil {
				return err
			}
			l.Date = firstNonEmpty(isoDate(pi.DataAsOf, false), clean(pi.DataAsOf))
			for _, sl := range pi.Lists {
				if strings.Contains(strings.ToLower(sl.Text), "consolidated") {
					l.ID = "ofac_cons"
				}
			}
			return nil
		case "referenceValue":
			var rv oeReferenceValue
			if err := dec.DecodeElement(&rv, &se); err != nil {
				return err
			}
			if rv.Type == "COUNTRY" && rv.ISOCode != "" {
				iso[rv.RefID] = strings.ToUpper(clean(rv.ISOCode))
			}
			return nil
		}
		var ent oeEntity
		if err := dec.DecodeElement(&ent, &se); err != nil {
			return err
		}
		e := oeEntry(&ent, l.ID, path, iso)
		switch {
		case e.ID == "":
			probs.addf(int64(line), "<entity> without id attribute")
			return nil
		case len(e.Names) == 0:
			probs.addf(int64(line), "entity %s has no name", e.ID)
			return nil
		}
		if prev, dup := seen[e.ID]; dup {
			probs.addf(int64(line), "entity %s repeats the one on line %d", e.ID, prev)
			return nil
		}
		seen[e.ID] = line
		l.Entries = append(l.Entries, e)
		return nil
	}
	err := xmlStream(ctx, r, path, map[string]bool{"publicationInfo": true, "referenceValue": true, "entity": true}, root, record)
	if err != nil {
		return nil, err
	}
	l.Problems = probs.list
	return l, nil
}

// oeScripts maps OFAC's script names to ISO 15924 codes for Name.Lang.
var oeScripts = map[string]string{
	"Cyrillic": "Cyrl", "Chinese Simplified": "Hans", "Chinese Traditional": "Hant", "Arabic": "Arab",
	"Korean": "Kore", "Japanese": "Jpan", "Greek": "Grek", "Hebrew": "Hebr", "Thai": "Thai",
}

func oeEntry(ent *oeEntity, listID, path string, iso map[string]string) *Entry {
	e := &Entry{List: listID, ID: clean(ent.ID), Source: path}
	switch strings.ToLower(clean(ent.EntityType)) {
	case "individual":
		e.Type = TypePerson
	case "entity":
		e.Type = TypeOrganisation
	case "vessel":
		e.Type = TypeVessel
	case "aircraft":
		e.Type = TypeAircraft
	default:
		e.Type = TypeUnknown
	}
	// The primary name first, whatever its position in the file.
	for pass := 0; pass < 2; pass++ {
		for _, n := range ent.Names {
			if n.IsPrimary != (pass == 0) {
				continue
			}
			kind := NamePrimary
			if pass == 1 {
				switch {
				case n.IsLowQuality:
					kind = NameWeak
				case strings.HasPrefix(strings.ToUpper(clean(n.AliasType)), "F.K.A"):
					kind = NameFKA
				default:
					kind = NameAKA
				}
			}
			for _, t := range n.Translations {
				k := kind
				if !t.IsPrimary && k == NamePrimary {
					k = NameAKA // the primary name in another script
				}
				e.addName(t.FullName, k, oeScripts[clean(t.Script)])
			}
		}
	}
	if len(e.Names) > 0 {
		e.Names[0].Kind = NamePrimary
	}
	for _, p := range ent.Programs {
		if p = clean(p); p != "" {
			e.Programs = appendOnce(e.Programs, p)
		}
	}
	for _, sl := range ent.Lists {
		if d := isoDate(sl.DatePublished, false); d != "" && (e.ListedOn == "" || d < e.ListedOn) {
			e.ListedOn = d
		}
	}
	for _, a := range ent.Addresses {
		addr := Address{CountryRaw: clean(a.Country.Text)}
		if c := iso[a.Country.RefID]; c != "" && addr.CountryRaw == "" {
			addr.CountryRaw = c
		}
		for _, t := range a.Translations {
			if !t.IsPrimary && len(a.Translations) > 1 {
				continue
			}
			var street []string
			for _, p := range t.Parts {
				switch strings.ToUpper(clean(p.Type)) {
				case "ADDRESS1", "ADDRESS2", "ADDRESS3":
					street = append(street, clean(p.Value))
				case "CITY":
					addr.City = p.Value
				case "STATE/PROVINCE", "REGION":
					addr.Region = joinNonEmpty(", ", addr.Region, clean(p.Value))
				case "POSTAL CODE":
					addr.PostalCode = p.Value
				}
			}
			addr.Street = strings.Join(street, ", ")
		}
		e.addAddress(addr)
	}
	for _, f := range ent.Features {
		typ, val := clean(f.Type), clean(f.Value)
		switch typ {
		case "Birthdate":
			e.BirthDates = appendOnce(e.BirthDates, val)
		case "Place of Birth":
			e.BirthPlaces = appendOnce(e.BirthPlaces, val)
		case "Nationality Country", "Citizenship Country":
			e.addCountry(val)
		default:
			cslApplyID(e, cslID{Type: typ, Number: val})
		}
	}
	for _, d := range ent.Documents {
		e.addIdentifier(d.Type, d.Number, firstNonEmpty(clean(d.Country.Text), iso[d.Country.RefID]))
	}
	e.Remarks = clean(ent.Remarks)
	return e
}
