package lists

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
)

// EntryType is what kind of party a list entry is.
type EntryType string

// Entry types.
const (
	TypePerson       EntryType = "person"
	TypeOrganisation EntryType = "organisation"
	TypeVessel       EntryType = "vessel"
	TypeAircraft     EntryType = "aircraft"
	TypeUnknown      EntryType = "unknown"
)

// NameKind says how much a name variant can be trusted.
type NameKind string

// Name kinds. Weak aliases are low-quality names the publisher itself marks
// as such (OFAC "weak a.k.a.", UN quality "Low", FtM weakAlias); matchers
// score them lower.
const (
	NamePrimary NameKind = "primary"
	NameAKA     NameKind = "aka"
	NameFKA     NameKind = "fka"
	NameWeak    NameKind = "weak"
)

// Name is one name variant of an entry.
type Name struct {
	Value string   `json:"value"`
	Kind  NameKind `json:"kind"`
	// Script or language tag where the list gives one ("ru", "Cyrl"); may be empty.
	Lang string `json:"lang,omitempty"`
}

// Identifier is a document or registry number.
type Identifier struct {
	Type    string `json:"type"` // as published: "Passport", "IMO", "INN", "Registration Number"...
	Value   string `json:"value"`
	Country string `json:"country,omitempty"` // ISO2 of the issuer where known
	// Scheme is Type normalised to one vocabulary across lists (IDPassport,
	// IDIMO, ...), so a matcher can compare an OFAC "Vessel Registration
	// Identification IMO" with an EU "imoNumber". IDOther when unknown.
	Scheme string `json:"scheme,omitempty"`
	// CountryRaw is the issuer as published ("Korea, North"), kept when it is
	// not already an ISO2 code so nothing is lost when Country is empty.
	CountryRaw string `json:"country_raw,omitempty"`
}

// Identifier schemes: the normalised vocabulary of Identifier.Scheme.
const (
	IDPassport     = "passport"
	IDNationalID   = "national_id"
	IDTax          = "tax"          // tax numbers: INN, TIN, VAT, RFC, NIT...
	IDRegistration = "registration" // company/commercial registers: OGRN, HRB, USCC...
	IDIMO          = "imo"
	IDMMSI         = "mmsi"
	IDLEI          = "lei"
	IDSWIFT        = "swift_bic"
	IDCallSign     = "call_sign"
	IDAircraft     = "aircraft" // tail numbers, serial numbers (MSN)
	IDCrypto       = "crypto_address"
	IDOther        = "other"
)

// Address is a published address. Country is ISO2 where it could be derived.
type Address struct {
	Full    string `json:"full"`
	City    string `json:"city,omitempty"`
	Country string `json:"country,omitempty"`
	// The parts as published, where the list gives them separately.
	Street     string `json:"street,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	CountryRaw string `json:"country_raw,omitempty"` // as published, when not ISO2 already
}

// Entry is one listed party.
type Entry struct {
	List      string    `json:"list"` // list id: ofac_sdn, un_sc, eu_fsf, uk_ofsi, us_csl, ...
	ID        string    `json:"id"`   // the list's own stable id
	Type      EntryType `json:"type"`
	Names     []Name    `json:"names"`               // Names[0] is the primary name
	Countries []string  `json:"countries,omitempty"` // ISO2, distinct, in order of appearance
	// CountriesRaw keeps the published country wording ("Iran (Islamic
	// Republic of)", "Korea, North") that Countries was derived from,
	// including any that could not be resolved to ISO2.
	CountriesRaw []string     `json:"countries_raw,omitempty"`
	Addresses    []Address    `json:"addresses,omitempty"`
	Identifiers  []Identifier `json:"identifiers,omitempty"`
	Programs     []string     `json:"programs,omitempty"`
	BirthDates   []string     `json:"birth_dates,omitempty"`
	ListedOn     string       `json:"listed_on,omitempty"` // ISO date where known
	Remarks      string       `json:"remarks,omitempty"`
	// BirthPlaces as published ("Baghdad, Iraq").
	BirthPlaces []string `json:"birth_places,omitempty"`
	// Positions are titles and functions as published ("Minister of
	// Defence", OFAC Title, UN DESIGNATION): context for a reviewer.
	Positions []string `json:"positions,omitempty"`
	// Gender as published ("Male", "female"), where given.
	Gender string `json:"gender,omitempty"`
	Source string `json:"source,omitempty"` // file the entry was read from
}

// PrimaryName returns the entry's first name, or "" if it has none.
func (e *Entry) PrimaryName() string {
	if len(e.Names) == 0 {
		return ""
	}
	return e.Names[0].Value
}

// ContentHash is a stable hash of everything that identifies and describes
// the entry except its source file. Dispositions lapse and delta screening
// re-screens when it changes.
func (e *Entry) ContentHash() string {
	c := *e
	c.Source = ""
	b, _ := json.Marshal(&c) // a struct of strings and slices cannot fail to marshal
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// Problem is a row a reader skipped, with where and why.
type Problem struct {
	File   string `json:"file"`
	Line   int64  `json:"line"` // 1-based line or record number; 0 when not row-specific
	Reason string `json:"reason"`
}

func (p Problem) String() string {
	if p.Line > 0 {
		return p.File + ":" + strconv.FormatInt(p.Line, 10) + ": " + p.Reason
	}
	return p.File + ": " + p.Reason
}

// List is one loaded list: its entries in file order and the rows skipped.
type List struct {
	ID       string    // list id used in hits
	Format   string    // registry name of the format that read it
	Files    []string  // every file read (a legacy OFAC list has several)
	Date     string    // publication date where the file says it; may be empty
	Entries  []*Entry  // in file order
	Problems []Problem // rows skipped, with reasons
	// Removed are ids a delta file deletes that it does not itself hold
	// (OpenSanctions entities.delta.json DEL); List.Apply drops them.
	Removed []string
}

// ContentHash is a stable hash of the list's entries, independent of their
// order and of the file they were read from: it changes exactly when some
// entry's ContentHash does, and so says whether a re-published list holds
// anything new.
func (l *List) ContentHash() string {
	hs := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		hs[i] = e.ContentHash()
	}
	sort.Strings(hs)
	sum := sha256.New()
	sum.Write([]byte(l.ID))
	for _, h := range hs {
		sum.Write([]byte{0})
		sum.Write([]byte(h))
	}
	return hex.EncodeToString(sum.Sum(nil)[:16])
}
