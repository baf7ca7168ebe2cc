package lists

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// OpenSanctions exports its data as FollowTheMoney entities, one JSON
// object per line (entities.ftm.json): {"id", "schema", "caption",
// "properties": {name: [values]}, "datasets", "target", ...}. Parties are
// the entities of a thing schema (Person, Organization, Company,
// LegalEntity, PublicBody, Vessel, Airplane) marked target; Address
// entities are attached to the parties that reference them
// (addressEntity); other entities (Sanction, Ownership, relatives that
// are not targets) describe the graph and are not screened against.
//
// Delta files (entities.delta.json) wrap each entity as {"op": "ADD" |
// "MOD" | "DEL", "entity": {...}}. One reader takes both: lines are applied
// in order, so a base file followed by its deltas (or the deltas alone)
// read as the resulting list. Deletions of entities not in the file are
// kept in List.Removed for List.Apply.

func detectFtM(base string, head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(h, []byte("{")) {
		return false
	}
	line, _, _ := bytes.Cut(h, []byte("\n"))
	if bytes.HasPrefix(line, []byte(`{"op"`)) {
		return bytes.Contains(line, []byte(`"entity"`))
	}
	return bytes.Contains(line, []byte(`"schema"`)) && bytes.Contains(line, []byte(`"properties"`))
}

type ftmEntity struct {
	ID         string              `json:"id"`
	Caption    string              `json:"caption"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	FirstSeen  string              `json:"first_seen"`
	Target     *bool               `json:"target"`
}

type ftmLine struct {
	ftmEntity
	Op     string     `json:"op"`
	Entity *ftmEntity `json:"entity"`
}

// ftmPartySchemas maps the FtM schemas screened against to entry types.
var ftmPartySchemas = map[string]EntryType{
	"Person": TypePerson, "Organization": TypeOrganisation, "Company": TypeOrganisation,
	"LegalEntity": TypeOrganisation, "PublicBody": TypeOrganisation, "Vessel": TypeVessel, "Airplane": TypeAircraft,
}

// ftmIDProps are the FtM properties that hold identifiers.
var ftmIDProps = []string{
	"registrationNumber", "taxNumber", "innCode", "ogrnCode", "kppCode", "okpoCode", "vatCode", "idNumber",
	"passportNumber", "leiCode", "swiftBic", "imoNumber", "mmsi", "callSign", "uscCode", "dunsCode", "bikCode",
	"permId", "npiCode", "icijId",
}

// ReadFtM reads OpenSanctions FollowTheMoney JSON lines: an
// entities.ftm.json export or an entities.delta.json file.
func ReadFtM(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readFtM, ".json", ".jsonl")
}

// ftmMaxLine bounds one entity's JSON line; OpenSanctions' largest are a
// few hundred KiB.
const ftmMaxLine = 16 << 20

func readFtM(ctx context.Context, r io.Reader, path string) (*List, error) {
	l := &List{ID: "opensanctions", Format: "ftm-json", Files: []string{path}}
	probs := problems{file: path}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), ftmMaxLine)
	index := map[string]int{}              // entity id → position in l.Entries
	addresses := map[string]Address{}      // Address entity id → address
	refs := map[string][]string{}          // party id → addressEntity ids
	removed := map[string]bool{}           // DELs of ids not (yet) in the file
	sanctions := map[string][]*ftmEntity{} // target id → its Sanction entities
	var line int64
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		var fl ftmLine
		if err := json.Unmarshal(b, &fl); err != nil {
			probs.addf(line, "not a JSON entity: %v", err)
			continue
		}
		ent, op := &fl.ftmEntity, strings.ToUpper(fl.Op)
		if fl.Entity != nil {
			ent = fl.Entity
		}
		switch op {
		case "", "ADD", "MOD":
		case "DEL":
			if ent.ID == "" {
				probs.addf(line, "DEL without entity id")
				continue
			}
			if i, ok := index[ent.ID]; ok {
				l.Entries[i] = nil
				delete(index, ent.ID)
			} else {
				removed[ent.ID] = true
			}
			continue
		default:
			probs.addf(line, "unknown op %q (want ADD, MOD or DEL)", fl.Op)
			continue
		}
		if ent.ID == "" || ent.Schema == "" {
			probs.addf(line, "entity without id or schema")
			continue
		}
		if ent.Schema == "Address" {
			addresses[ent.ID] = ftmAddress(ent.Properties)
			continue
		}
		if ent.Schema == "Sanction" {
			for _, target := range ent.Properties["entity"] {
				sanctions[target] = append(sanctions[target], ent)
			}
			continue
		}
		typ, party := ftmPartySchemas[ent.Schema]
		if !party || ent.Target != nil && !*ent.Target {
			continue // graph context, not a listed party
		}
		e := ftmEntry(ent, typ, path)
		if len(e.Names) == 0 {
			probs.addf(line, "entity %s has no name", ent.ID)
			continue
		}
		delete(removed, ent.ID)
		refs[ent.ID] = ent.Properties["addressEntity"]
		if i, ok := index[ent.ID]; ok {
			l.Entries[i] = e // MOD (or a repeated ADD) replaces
			continue
		}
		index[ent.ID] = len(l.Entries)
		l.Entries = append(l.Entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", path, line+1, err)
	}
	kept := l.Entries[:0]
	for _, e := range l.Entries {
		if e == nil {
			continue
		}
		for _, ref := range refs[e.ID] {
			if a, ok := addresses[ref]; ok {
				e.addAddress(a)
			}
		}
		// A Sanction entity names the programme and the date of listing.
		for _, s := range sanctions[e.ID] {
			for _, p := range append(append([]string(nil), s.Properties["programId"]...), s.Properties["program"]...) {
				if p = clean(p); p != "" {
					e.Programs = appendOnce(e.Programs, p)
				}
			}
			for _, d := range append(append([]string(nil), s.Properties["listingDate"]...), s.Properties["startDate"]...) {
				if d = isoDate(d, false); d != "" && (e.ListedOn == "" || d < e.ListedOn) {
					e.ListedOn = d
				}
			}
		}
		kept = append(kept, e)
	}
	l.Entries = kept
	for id := range removed {
		l.Removed = append(l.Removed, id)
	}
	sort.Strings(l.Removed)
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Removed) == 0 && len(addresses) == 0 {
		return nil, notFormat(path, "FollowTheMoney JSON lines", l.Problems)
	}
	return l, nil
}

func ftmEntry(ent *ftmEntity, typ EntryType, path string) *Entry {
	p := ent.Properties
	e := &Entry{List: "opensanctions", ID: ent.ID, Type: typ, Source: path}
	// The caption is the name OpenSanctions picked for display; the other
	// names are the same party in other languages and scripts.
	primary := clean(ent.Caption)
	if primary == "" && len(p["name"]) > 0 {
		primary = p["name"][0]
	}
	e.addName(primary, NamePrimary, scriptOf(primary))
	for _, prop := range []struct {
		name string
		kind NameKind
	}{{"name", NameAKA}, {"alias", NameAKA}, {"weakAlias", NameWeak}, {"previousName", NameFKA}} {
		for _, v := range p[prop.name] {
			e.addName(v, prop.kind, scriptOf(v))
		}
	}
	if len(e.Names) > 0 {
		e.Names[0].Kind = NamePrimary // an empty caption: the first name leads
	}
	for _, prop := range []string{"nationality", "citizenship", "country", "jurisdiction", "mainCountry", "flag", "registrationCountry"} {
		for _, v := range p[prop] {
			e.addCountry(v)
		}
	}
	for _, v := range p["address"] {
		e.addAddress(Address{Full: v})
	}
	for _, prop := range ftmIDProps {
		for _, v := range p[prop] {
			e.addIdentifier(prop, v, "")
		}
	}
	for _, v := range p["birthDate"] {
		e.BirthDates = appendOnce(e.BirthDates, clean(v))
	}
	for _, v := range p["birthPlace"] {
		e.BirthPlaces = appendOnce(e.BirthPlaces, clean(v))
	}
	for _, v := range p["position"] {
		e.Positions = appendOnce(e.Positions, clean(v))
	}
	if g := p["gender"]; len(g) > 0 {
		e.Gender = clean(g[0])
	}
	for _, v := range append(append([]string(nil), p["programId"]...), ent.Datasets...) {
		if v = clean(v); v != "" {
			e.Programs = appendOnce(e.Programs, v)
		}
	}
	// The earliest createdAt is when the publisher first listed the party.
	for _, v := range p["createdAt"] {
		if d := isoDate(v, false); d != "" && (e.ListedOn == "" || d < e.ListedOn) {
			e.ListedOn = d
		}
	}
	e.Remarks = joinNonEmpty(" ", cleanAll(p["notes"])...)
	return e
}

func ftmAddress(p map[string][]string) Address {
	first := func(k string) string {
		if v := p[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	return Address{Full: first("full"), Street: first("street"), City: first("city"), Region: first("region"),
		PostalCode: first("postalCode"), CountryRaw: first("country")}
}

func cleanAll(vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if v = clean(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Apply updates l with a later delta d of the same list: entries of d
// replace or add to those of l by id, and the ids d removes are dropped.
// Order is l's, with new entries at the end in d's order.
func (l *List) Apply(d *List) {
	held := map[string]bool{}
	for _, e := range l.Entries {
		held[e.ID] = true
	}
	gone := map[string]bool{}
	for _, id := range d.Removed {
		gone[id] = true
	}
	repl := map[string]*Entry{}
	for _, e := range d.Entries {
		repl[e.ID] = e
	}
	out := l.Entries[:0]
	for _, e := range l.Entries {
		if gone[e.ID] {
			continue
		}
		if r, ok := repl[e.ID]; ok {
			e = r
			delete(repl, e.ID)
		}
		out = append(out, e)
	}
	for _, e := range d.Entries {
		if _, ok := repl[e.ID]; ok {
			out = append(out, e)
		}
	}
	l.Entries = out
	l.Files = append(l.Files, d.Files...)
	l.Problems = append(l.Problems, d.Problems...)
	// Deletions of entities this list did not hold stay recorded, for a
	// base read later.
	for _, id := range d.Removed {
		if !held[id] {
			l.Removed = appendOnce(l.Removed, id)
		}
	}
}
