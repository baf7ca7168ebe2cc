package lists

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The US Consolidated Screening List (trade.gov) merges eleven US
// government lists (OFAC SDN and non-SDN lists, BIS Entity List, Denied
// Persons, Unverified and MEU lists, State's ITAR debarred and ISN lists)
// into one file, published as CSV (often gzipped) and JSON. Each record
// names its source list; the same party listed by several sources appears
// once per source with the same _id.
//
// Every entry's Programs start with the source's short code (SDN, EL, DPL,
// UVL, MEU, DTC, ISN, SSI, ...), then the published programs: for the
// export-control lists the source is the legal basis.

// cslHeaderStart opens the official CSV header.
const cslHeaderStart = "_id,source,entity_number,type,programs,name"

func detectUSCSLCSV(base string, head []byte) bool {
	return bytes.HasPrefix(head, []byte(cslHeaderStart))
}

func detectUSCSLJSON(base string, head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(h, []byte("{")) && !bytes.HasPrefix(h, []byte("[")) {
		return false
	}
	return bytes.Contains(head, []byte(`"source_list_url"`)) ||
		bytes.Contains(head, []byte(`"results"`)) && bytes.Contains(head, []byte(`"sources_used"`))
}

// cslRecord is one CSL record in the JSON layout; CSV rows are converted to
// it so both share one conversion to Entry.
type cslRecord struct {
	ID            string       `json:"id"`
	Source        string       `json:"source"`
	EntityNumber  json.Number  `json:"entity_number"`
	Type          string       `json:"type"`
	Programs      []string     `json:"programs"`
	Name          string       `json:"name"`
	Title         string       `json:"title"`
	Addresses     []cslAddress `json:"addresses"`
	StartDate     string       `json:"start_date"`
	Remarks       string       `json:"remarks"`
	CallSign      string       `json:"call_sign"`
	VesselFlag    string       `json:"vessel_flag"`
	AltNames      []string     `json:"alt_names"`
	Citizenships  []string     `json:"citizenships"`
	DatesOfBirth  []string     `json:"dates_of_birth"`
	Nationalities []string     `json:"nationalities"`
	PlacesOfBirth []string     `json:"places_of_birth"`
	IDs           []cslID      `json:"ids"`
}

type cslAddress struct {
	Address    string `json:"address"`
	City       string `json:"city"`
	State      string `json:"state"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"`
}

type cslID struct {
	Type    string `json:"type"`
	Number  string `json:"number"`
	Country string `json:"country"`
}

// ReadUSCSLCSV reads the CSL CSV (plain or gzipped).
func ReadUSCSLCSV(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readUSCSLCSV, ".csv")
}

func readUSCSLCSV(ctx context.Context, r io.Reader, path string) (*List, error) {
	t, err := newCSVTable(newCSVReader(r, 0), path, "a US CSL CSV", "_id", "source", "name")
	if err != nil {
		return nil, err
	}
	// t.get trims; that changes nothing, since cslBuilder.add cleans or
	// splits every field it keeps.
	get := t.get
	b := newCSLBuilder(path)
	for {
		rec, line, err := t.next(ctx, &b.probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		c := cslRecord{
			ID: get(rec, "_id"), Source: get(rec, "source"), Type: get(rec, "type"), Name: get(rec, "name"),
			Programs: splitList(get(rec, "programs")), Title: get(rec, "title"), StartDate: get(rec, "start_date"),
			Remarks: get(rec, "remarks"), CallSign: get(rec, "call_sign"), VesselFlag: get(rec, "vessel_flag"),
			AltNames: splitList(get(rec, "alt_names")), Citizenships: splitList(get(rec, "citizenships")),
			DatesOfBirth: splitList(get(rec, "dates_of_birth")), Nationalities: splitList(get(rec, "nationalities")),
			PlacesOfBirth: splitList(get(rec, "places_of_birth")),
		}
		for _, a := range splitList(get(rec, "addresses")) {
			c.Addresses = append(c.Addresses, cslCSVAddress(a))
		}
		for _, it := range splitList(get(rec, "ids")) {
			c.IDs = append(c.IDs, cslCSVID(it))
		}
		b.add(&c, int64(line))
	}
	return b.finish("US CSL CSV")
}

// ReadUSCSLJSON reads the CSL JSON download: an object whose "results"
// array holds the records, or a bare array. Records are decoded one at a
// time.
func ReadUSCSLJSON(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readUSCSLJSON, ".json")
}

func readUSCSLJSON(ctx context.Context, r io.Reader, path string) (*List, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	fail := func(err error) error {
		return fmt.Errorf("%s: byte %d: not a US CSL JSON file: %w", path, dec.InputOffset(), err)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fail(err)
	}
	if tok == json.Delim('{') {
		// Skip to the "results" array.
		for {
			key, err := dec.Token()
			if err != nil {
				return nil, fail(err)
			}
			if key == json.Delim('}') {
				return nil, fail(errors.New(`no "results" array`))
			}
			if key == "results" {
				break
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, fail(err)
			}
		}
		if tok, err = dec.Token(); err != nil {
			return nil, fail(err)
		}
	}
	if tok != json.Delim('[') {
		return nil, fail(errors.New("want an array of records"))
	}
	b := newCSLBuilder(path)
	for n := int64(1); dec.More(); n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fail(err)
		}
		var c cslRecord
		if err := json.Unmarshal(raw, &c); err != nil {
			b.probs.addf(n, "record %d: %v", n, err)
			continue
		}
		b.add(&c, n)
	}
	return b.finish("US CSL JSON")
}

// cslBuilder turns records into entries and gives ids that several sources
// share a source suffix, so every entry id is unique in the list.
type cslBuilder struct {
	l     *List
	probs problems
	ids   map[string]int
}

func newCSLBuilder(path string) *cslBuilder {
	return &cslBuilder{l: &List{ID: "us_csl", Files: []string{path}}, probs: problems{file: path}, ids: map[string]int{}}
}

// cslSourceCode is the short code in parentheses of a source name:
// "Entity List (EL) - Bureau of Industry and Security" → "EL".
var cslSourceCode = regexp.MustCompile(`\(([A-Za-z0-9-]+)(?: List)?\)`)

func cslCode(source string) string {
	if m := cslSourceCode.FindStringSubmatch(source); m != nil {
		return m[1]
	}
	return clean(source)
}

func (b *cslBuilder) add(c *cslRecord, line int64) {
	id, name := clean(c.ID), clean(c.Name)
	if id == "" || name == "" {
		b.probs.addf(line, "record without _id or name")
		return
	}
	e := &Entry{List: "us_csl", ID: id, Source: b.l.Files[0]}
	switch strings.ToLower(clean(c.Type)) {
	case "individual":
		e.Type = TypePerson
	case "entity":
		e.Type = TypeOrganisation
	case "vessel":
		e.Type = TypeVessel
	case "aircraft":
		e.Type = TypeAircraft
	default:
		e.Type = TypeUnknown // the BIS and State lists leave type empty
	}
	e.addName(name, NamePrimary, "")
	for _, a := range c.AltNames {
		// The Entity List writes its alias lists as prose, "X; and Y".
		e.addName(strings.TrimPrefix(strings.TrimSpace(a), "and "), NameAKA, "")
	}
	if code := cslCode(c.Source); code != "" {
		e.Programs = append(e.Programs, code)
	}
	for _, p := range c.Programs {
		if p = clean(p); p != "" {
			e.Programs = appendOnce(e.Programs, p)
		}
	}
	if t := clean(c.Title); t != "" {
		e.Positions = []string{t}
	}
	e.ListedOn = clean(c.StartDate)
	e.Remarks = clean(c.Remarks)
	for _, a := range c.Addresses {
		e.addAddress(Address{Street: a.Address, City: a.City, Region: a.State, PostalCode: a.PostalCode, CountryRaw: a.Country})
	}
	for _, v := range append(c.Citizenships, c.Nationalities...) {
		e.addCountry(v)
	}
	if c.VesselFlag != "" {
		e.addCountry(c.VesselFlag)
	}
	for _, d := range c.DatesOfBirth {
		if d = clean(d); d != "" {
			e.BirthDates = appendOnce(e.BirthDates, d)
		}
	}
	for _, p := range c.PlacesOfBirth {
		if p = clean(p); p != "" {
			e.BirthPlaces = appendOnce(e.BirthPlaces, p)
		}
	}
	if c.CallSign != "" {
		e.addIdentifier("Call Sign", c.CallSign, "")
	}
	for _, id := range c.IDs {
		cslApplyID(e, id)
	}
	b.ids[id]++
	b.l.Entries = append(b.l.Entries, e)
}

func (b *cslBuilder) finish(format string) (*List, error) {
	seen := map[string]int{}
	for _, e := range b.l.Entries {
		if b.ids[e.ID] > 1 && len(e.Programs) > 0 {
			e.ID += "/" + e.Programs[0]
		}
		// A party repeated within one source (it happens) is numbered in
		// file order: 15268/CAP, 15268/CAP-2.
		if seen[e.ID]++; seen[e.ID] > 1 {
			e.ID += "-" + strconv.Itoa(seen[e.ID])
		}
	}
	b.l.Problems = b.probs.list
	if len(b.l.Entries) == 0 && len(b.l.Problems) > 0 {
		return nil, notFormat(b.l.Files[0], format, b.l.Problems)
	}
	return b.l, nil
}

// cslApplyID files one CSL "ids" item: documents become identifiers, a few
// descriptive items (gender, registration country) fill their fields, and
// sanctions notes (directives, secondary sanctions risk) are left out.
func cslApplyID(e *Entry, id cslID) {
	typ, num, cc := clean(id.Type), clean(id.Number), clean(id.Country)
	switch {
	case typ == "Gender":
		e.Gender = num
		return
	case typ == "Nationality of Registration":
		e.addCountry(num)
		return
	case strings.HasPrefix(typ, "Vessel Registration Identification") && strings.HasPrefix(num, "IMO "):
		e.addIdentifier("Vessel Registration Identification IMO", strings.TrimSpace(num[4:]), cc)
		return
	case strings.HasPrefix(typ, "Digital Currency Address"):
		e.addIdentifier(typ, num, cc)
		return
	}
	if ofacIDLabels[strings.TrimSuffix(typ, ":")] {
		e.addIdentifier(strings.TrimSuffix(typ, ":"), num, cc)
	}
}

// cslCSVID parses a CSV "ids" item: "CC, [issue date, expiry date,]
// number, type", where the country and dates are optional.
func cslCSVID(item string) cslID {
	parts := strings.Split(item, ", ")
	id := cslID{Type: parts[len(parts)-1]}
	rest := parts[:len(parts)-1]
	if len(rest) >= 2 && isISO2Code(rest[0]) {
		id.Country, rest = rest[0], rest[1:]
	}
	var keep []string
	for _, p := range rest {
		if !isISODate(p) || len(rest) == 1 {
			keep = append(keep, p)
		}
	}
	id.Number = strings.Join(keep, ", ")
	return id
}

// cslCSVAddress parses a CSV address: "street, city, postal code, CC",
// the country code last.
func cslCSVAddress(a string) cslAddress {
	parts := strings.Split(a, ", ")
	if n := len(parts); n > 1 && isISO2Code(parts[n-1]) {
		return cslAddress{Address: strings.Join(parts[:n-1], ", "), Country: parts[n-1]}
	}
	if len(parts) == 1 && isISO2Code(parts[0]) {
		return cslAddress{Country: parts[0]}
	}
	return cslAddress{Address: a}
}

func isISO2Code(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func isISODate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && isDigits(s[:4]+s[5:7]+s[8:])
}
