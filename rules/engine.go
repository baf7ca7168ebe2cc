package rules

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/dualscreen/dualscreen/countries"
	"github.com/dualscreen/dualscreen/evidence"
)

// Engine applies the destination and goods rules of a Policy to shipments.
// It is immutable after NewEngine and safe for concurrent use.
type Engine struct {
	p        *Policy
	measures map[string][]DestinationMeasure // ISO2 → effective measures
	eu001    map[string]CountryRow
	eu002    map[string]CountryRow
	eu       map[string]bool
	cls      *Classifier

	// Per-distinct-value memos of Check (see memo); they never change a
	// result.
	codeMemo  *memo[string, *codeInfo]
	placeMemo *memo[placeKey, *placeInfo]
	codePlace *memo[uint64, *placeInfo] // placeMemo for rows whose countries are all two-letter codes (packPlaces)
	goodsMemo *memo[string, Classification]
	// goodsHits is Check's whole result for rows whose goods matter
	// (placeInfo.goodsMatter), per country combination, control-code cell
	// and goods description: those are all check reads of a row.
	goodsHits *memo[goodsHitsKey, []evidence.Hit]
}

// goodsHitsKey is what Check's result depends on when the goods matter:
// the resolved countries, the parsed control-code cell and the goods
// description (the memo's own copy once stored).
type goodsHitsKey struct {
	pi    *placeInfo
	ci    *codeInfo
	goods string
}

// NewEngine prepares the policy's tables for fast lookup.
func NewEngine(p *Policy) (*Engine, error) {
	if p == nil {
		return nil, errNoPolicy
	}
	e := &Engine{p: p, measures: map[string][]DestinationMeasure{}, eu001: map[string]CountryRow{}, eu002: map[string]CountryRow{}, eu: map[string]bool{},
		codeMemo: newMemo[string, *codeInfo](memoEntries), placeMemo: newMemo[placeKey, *placeInfo](placeMemoEntries), codePlace: newMemo[uint64, *placeInfo](placeMemoEntries), goodsMemo: newMemo[string, Classification](memoEntries),
		goodsHits: newMemo[goodsHitsKey, []evidence.Hit](memoEntries)}
	for _, m := range p.measures {
		e.measures[m.ISO2] = append(e.measures[m.ISO2], m)
	}
	for _, c := range p.tables.EU001 {
		e.eu001[c.ISO2] = c
	}
	for _, c := range p.tables.EU002Destinations {
		e.eu002[c.ISO2] = c
	}
	for _, c := range p.tables.EUMembers {
		e.eu[c.ISO2] = true
	}
	cls, err := NewClassifier(p.keywords)
	if err != nil {
		return nil, err
	}
	e.cls = cls
	return e, nil
}

// Policy returns the engine's policy.
func (e *Engine) Policy() *Policy { return e.p }

// Classifier returns the engine's description classifier.
func (e *Engine) Classifier() *Classifier { return e.cls }

// Legal bases of the rules that do not come from a table row. Verified
// against the stored text of Reg. (EU) 2021/821 (see data/rules/README.md).
var (
	provRecords  = Provenance{LegalBasis: "Reg. (EU) 2021/821 Art. 27(1) (records must identify consignee and, where known, end-user)", Status: "V", LastChecked: "2026-11-24"}
	provCodeForm = Provenance{LegalBasis: "Reg. (EU) 2021/821 Annex I (control code format); EU Common Military List", Status: "V", LastChecked: "2026-11-24"}
	provArt3     = Provenance{LegalBasis: "Reg. (EU) 2021/821 Art. 3(1) (authorisation for Annex I items) and Art. 12", Status: "V", LastChecked: "2026-11-24"}
	provMismatch = Provenance{LegalBasis: "Reg. (EU) 2021/821 Art. 12(4) (end-use statement) and Annex III boxes 9 and 12; sanctions apply to goods \"for use in\" a country", Status: "S", LastChecked: "2026-11-24"}
)

// place is one country a shipment touches, with the fields that named it.
type place struct {
	iso2  string
	raw   string // as first written
	roles []evidence.Role
	// What the tables say of iso2, looked up once when the place is
	// resolved (and memoised with it) instead of on every row.
	measures    []DestinationMeasure
	humanRights Provenance
	hrRisk      bool // humanRights is set: a human-rights-risk destination
}

func (pl *place) roleText() string {
	s := make([]string, len(pl.roles))
	for i, r := range pl.roles {
		s[i] = strings.ReplaceAll(string(r), "_", "-")
	}
	return strings.Join(s, ", ")
}

// Check screens one shipment's countries and goods and appends its hits to
// dst. Destination, end-user country and consignee country are all
// screened, since sanctions cover goods "for use in" a country, not only
// goods shipped there. Every hit carries a stable reason, the rule's legal
// basis with its verification status and last-checked date, and a
// human-readable explanation.
//
// What depends on one group of cells only is memoised per distinct value
// (see memo): the parsed control-code cell, the resolved countries with
// their record and end-user-country hits, and the goods classification.
// The rest (measures, catch-alls, licences) combines them. When no
// country of the row is a human-rights-risk destination, the goods
// description cannot matter, and the whole result is kept per country
// combination and control-code cell (see placeInfo.byCode): most rows
// then cost two memo lookups and a copy.
func (e *Engine) Check(s *evidence.Shipment, dst []evidence.Hit) []evidence.Hit {
	ci := e.codesOf(s.ControlCode)
	pi := e.placesOf(s)
	if pi.goodsMatter {
		// Rows for a human-rights-risk destination: kept per goods
		// description too. On the 10M-row benchmark batch working these
		// rows out (explanations formatted per row) was a third of the
		// rules' CPU.
		hs := e.goodsHits.get(goodsHitsKey{pi, ci, s.Goods}, func() (goodsHitsKey, []evidence.Hit) {
			own := *s
			own.ControlCode, own.Goods = ci.cell, strings.Clone(s.Goods)
			hs := e.check(&own, ci, pi, nil)
			return goodsHitsKey{pi, ci, own.Goods}, hs[:len(hs):len(hs)]
		})
		return append(dst, hs...)
	}
	if hs, ok := pi.hitsFor(ci); ok {
		return append(dst, hs...)
	}
	// Built from a copy whose control code is the memo's own string, so
	// the hits kept point into no Arrow buffer.
	own := *s
	own.ControlCode = ci.cell
	hs := e.check(&own, ci, pi, nil)
	pi.keepHits(ci, hs)
	return append(dst, hs...)
}

// check is Check for the row's parsed control codes and places.
func (e *Engine) check(s *evidence.Shipment, ci *codeInfo, pi *placeInfo, dst []evidence.Hit) []evidence.Hit {
	p := e.p
	on := func(r evidence.Reason) bool { return p.Enabled[r] }

	dst = append(dst, ci.invalid...)
	dst = append(dst, pi.pre...)
	codes, annexI := ci.codes, ci.annexI

	var cls *Classification
	classify := func() Classification {
		if cls == nil {
			c := e.classifyGoods(s.Goods)
			cls = &c
		}
		return *cls
	}

	for _, pl := range pi.places {
		for _, m := range pl.measures {
			dst = e.measureHits(dst, s, pl, m, codes, annexI, ci.military)
		}
		if pl.hrRisk && on(evidence.CyberSurveillance) {
			if h, ok := e.cyberHit(s, pl, pl.humanRights, annexI, classify); ok {
				dst = append(dst, h)
			}
		}
	}

	dest := pi.dest
	if on(evidence.DualUseLicenceRequired) && pi.fromEU && dest != "" && !e.eu[dest] && !pi.banned {
		for _, c := range annexI {
			if h, ok := e.licenceHit(s, dest, c); ok {
				dst = append(dst, h)
			}
		}
	}
	if on(evidence.AnnexIVIntraEU) && pi.fromEU && dest != "" && e.eu[dest] {
		if !pi.exporterOK || pi.exporterISO != dest {
			for _, c := range annexI {
				if h, ok := e.annexIVHit(s, dest, c); ok {
					dst = append(dst, h)
				}
			}
		}
	}
	if pi.mismatch != nil {
		dst = append(dst, *pi.mismatch)
	}
	return dst
}

// codeInfo is a parsed control-code cell with its invalid-code hits.
type codeInfo struct {
	cell     string // the cell, the memo's own copy
	codes    CodeList
	annexI   []Code
	military []Code
	invalid  []evidence.Hit
}

// codesOf parses a control-code cell once per distinct cell.
func (e *Engine) codesOf(cell string) *codeInfo {
	return e.codeMemo.get(cell, func() (string, *codeInfo) {
		cell := strings.Clone(cell)
		ci := &codeInfo{cell: cell, codes: ParseCodes(cell)}
		ci.annexI = annexICodes(ci.codes)
		ci.military = militaryCodes(ci.codes)
		if e.p.Enabled[evidence.InvalidControlCode] {
			for _, inv := range ci.codes.Invalid {
				ci.invalid = append(ci.invalid, evidence.Hit{Reason: evidence.InvalidControlCode, Role: evidence.RoleGoods, EntryType: "control_code",
					MatchedName: inv.Text, QueryName: cell, Score: 1, LegalBasis: provCodeForm.Cite(),
					Explanation: fmt.Sprintf("control code %q is not valid: %s", inv.Text, inv.Reason)})
			}
		}
		return cell, ci
	})
}

// classifyGoods classifies a goods description once per distinct text.
func (e *Engine) classifyGoods(desc string) Classification {
	return e.goodsMemo.get(desc, func() (string, Classification) {
		desc := strings.Clone(desc)
		return desc, e.cls.Classify(desc)
	})
}

// placeKey is every shipment cell placesOf reads, packed into one string:
// destination, end-user, consignee and exporter country, each ended by a
// 0 byte, then '1' when the consignee name is blank. One short string
// hashes and compares faster than a struct of four, and the lookup
// builds it on the stack.
type placeKey string

// maxStackKey is the longest place key built without allocating.
const maxStackKey = 64

func appendPlaceKey(dst []byte, s *evidence.Shipment) []byte {
	for _, c := range [...]string{s.Destination, s.EndUserCountry, s.ConsigneeCountry, s.ExporterCountry} {
		dst = append(append(dst, c...), 0)
	}
	if strings.TrimSpace(s.ConsigneeName) == "" {
		dst = append(dst, '1')
	}
	return dst
}

// noConsigneeBit marks a packed place key whose row has no consignee
// name: the top bit of a byte no ASCII letter sets.
const noConsigneeBit = 1 << 63

// packPlaces packs the cells placesOf reads into one word when every
// country cell is empty or two ASCII bytes, as ISO codes are (nearly every
// row of a customs export): two bytes per cell, zero for an empty one,
// and noConsigneeBit. A word hashes and compares in one step, without
// reading a stored key elsewhere in memory; other rows use the packed
// string key.
func packPlaces(s *evidence.Shipment) (uint64, bool) {
	var k uint64
	for _, c := range [...]string{s.Destination, s.EndUserCountry, s.ConsigneeCountry, s.ExporterCountry} {
		k <<= 16
		switch len(c) {
		case 0:
		case 2:
			if c[0] == 0 || c[1] == 0 || c[0] >= 0x80 || c[1] >= 0x80 {
				return 0, false
			}
			k |= uint64(c[0])<<8 | uint64(c[1])
		default:
			return 0, false
		}
	}
	if strings.TrimSpace(s.ConsigneeName) == "" {
		k |= noConsigneeBit
	}
	return k, true
}

// placeCells splits a place key back into its cells.
func placeCells(k placeKey) (dest, endUser, consignee, exporter string, noConsignee bool) {
	parts := strings.SplitN(string(k), "\x00", 5)
	return parts[0], parts[1], parts[2], parts[3], parts[4] == "1"
}

// placeInfo is what a shipment's countries alone decide: the countries it
// touches, the incomplete-record hits (in the order Check emits them), and
// the end-user-country mismatch hit.
type placeInfo struct {
	pre         []evidence.Hit
	places      []*place
	dest        string
	fromEU      bool // the EU export regime governs exports from the EU only
	exporterISO string
	exporterOK  bool
	banned      bool // destination under a full dual-use ban: no licence possible
	mismatch    *evidence.Hit
	// goodsMatter: a place is a human-rights-risk destination and the
	// cyber-surveillance catch-all is on, so the goods description can
	// add a hit and Check works each row out.
	goodsMatter bool
	// byCode is Check's whole result for these countries, per control-code
	// cell, when the goods do not matter: a short list scanned in order,
	// read without a lock by every worker and replaced, never changed, when
	// a cell is added. Most combinations meet one or two cells (most rows
	// have none), so a lookup is a pointer, one entry and its hits, where a
	// map cost several cache misses.
	byCode atomic.Pointer[[]codeHits]
}

// codeHits is Check's result for one control-code cell.
type codeHits struct {
	ci   *codeInfo
	hits []evidence.Hit
}

// maxCodesPerPlace bounds byCode: a country combination meets a few
// distinct control-code cells in a real book; past this many, rows are
// worked out each time rather than the list copied again.
const maxCodesPerPlace = 16

// hitsFor returns the hits kept for ci.
func (pi *placeInfo) hitsFor(ci *codeInfo) ([]evidence.Hit, bool) {
	l := pi.byCode.Load()
	if l == nil {
		return nil, false
	}
	for k := range *l {
		if (*l)[k].ci == ci {
			return (*l)[k].hits, true
		}
	}
	return nil, false
}

// keepHits adds ci's hits to byCode: a copy of the list with one more
// cell, swapped in. Two workers adding at once may lose one addition,
// which only means working that cell out again.
func (pi *placeInfo) keepHits(ci *codeInfo, hs []evidence.Hit) {
	old := pi.byCode.Load()
	var l []codeHits
	if old != nil {
		if len(*old) >= maxCodesPerPlace {
			return
		}
		l = append(make([]codeHits, 0, len(*old)+1), *old...)
	}
	l = append(l, codeHits{ci, hs[:len(hs):len(hs)]}) // appends by callers copy
	pi.byCode.CompareAndSwap(old, &l)
}

// placesOf resolves a shipment's countries once per distinct combination.
// A country cell holding a 0 byte (never a real one) cannot be told apart
// in the packed key, so such rows are resolved without the memo.
func (e *Engine) placesOf(s *evidence.Shipment) *placeInfo {
	if k, ok := packPlaces(s); ok {
		return e.codePlace.get(k, func() (uint64, *placeInfo) {
			return k, e.resolvePlaces(strings.Clone(s.Destination), strings.Clone(s.EndUserCountry),
				strings.Clone(s.ConsigneeCountry), strings.Clone(s.ExporterCountry), k&noConsigneeBit != 0)
		})
	}
	var buf [maxStackKey]byte
	k := appendPlaceKey(buf[:0], s)
	if bytes.Count(k, []byte{0}) != 4 {
		return e.resolvePlaces(s.Destination, s.EndUserCountry, s.ConsigneeCountry, s.ExporterCountry, strings.TrimSpace(s.ConsigneeName) == "")
	}
	// The lookup key views buf without copying; only a clone is stored.
	return e.placeMemo.get(placeKey(unsafe.String(&k[0], len(k))), func() (placeKey, *placeInfo) {
		key := placeKey(string(k))
		return key, e.resolvePlaces(placeCells(key))
	})
}

// resolvePlaces resolves a shipment's countries; unrecognised ones are
// reported, not guessed.
func (e *Engine) resolvePlaces(destination, endUserCountry, consigneeCountry, exporterCountry string, noConsignee bool) *placeInfo {
	p := e.p
	on := func(r evidence.Reason) bool { return p.Enabled[r] }
	pi := &placeInfo{fromEU: true}
	byISO := map[string]*place{}
	incomplete := func(role evidence.Role, query, why string) {
		if on(evidence.IncompleteRecord) {
			pi.pre = append(pi.pre, evidence.Hit{Reason: evidence.IncompleteRecord, Role: role, EntryType: "record", QueryName: query,
				Score: 1, LegalBasis: provRecords.Cite(), Explanation: why})
		}
	}
	resolve := func(raw string, role evidence.Role, label string) string {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			return ""
		}
		iso, ok := countries.Lookup(raw)
		if !ok {
			incomplete(role, raw, fmt.Sprintf("%s %q is not a recognised country: its embargo and licence rules could not be applied", label, raw))
			return ""
		}
		if pl := byISO[iso]; pl != nil {
			pl.roles = append(pl.roles, role)
		} else {
			pl = &place{iso2: iso, raw: raw, roles: []evidence.Role{role}, measures: e.measures[iso]}
			pl.humanRights, pl.hrRisk = p.humanRights[iso]
			if pl.hrRisk && on(evidence.CyberSurveillance) {
				pi.goodsMatter = true
			}
			byISO[iso] = pl
			pi.places = append(pi.places, pl)
		}
		return iso
	}
	if noConsignee {
		incomplete(evidence.RoleConsignee, "", "no consignee name: the party cannot be screened")
	}
	if strings.TrimSpace(destination) == "" {
		incomplete(evidence.RoleDestination, "", "no destination country: destination rules could not be applied")
	}
	dest := resolve(destination, evidence.RoleDestination, "destination")
	endUser := resolve(endUserCountry, evidence.RoleEndUser, "end-user country")
	resolve(consigneeCountry, evidence.RoleConsignee, "consignee country")
	pi.dest = dest
	if x := strings.TrimSpace(exporterCountry); x != "" {
		if iso, ok := countries.Lookup(x); ok && !e.eu[iso] {
			pi.fromEU = false
		}
	}
	pi.exporterISO, pi.exporterOK = countries.Lookup(exporterCountry)
	for _, pl := range pi.places {
		for _, m := range e.measures[pl.iso2] {
			if m.Measure == DualUseBan && pl.iso2 == dest {
				pi.banned = true
			}
		}
	}
	if on(evidence.EndUserCountryMismatch) && dest != "" && endUser != "" && endUser != dest {
		score := 0.6
		why := ""
		switch {
		case len(e.measures[endUser]) > 0:
			score = 1
			why = "; the end-user country is under EU measures"
		case e.eu[endUser] && e.eu[dest]:
			score = 0.3 // a distributor in one member state for a user in another is everyday single-market trade
			why = "; both are EU member states"
		}
		pi.mismatch = &evidence.Hit{Reason: evidence.EndUserCountryMismatch, Role: evidence.RoleEndUser, EntryType: "country",
			EntryName: countries.Name(endUser), MatchedName: endUser, QueryName: endUserCountry, Score: score,
			LegalBasis: provMismatch.Cite(),
			Explanation: fmt.Sprintf("goods ship to %s (%s) but the end-user is in %s (%s): diversion risk%s",
				countries.Name(dest), dest, countries.Name(endUser), endUser, why)}
	}
	return pi
}

func annexICodes(l CodeList) []Code {
	var out []Code
	for _, c := range l.Codes {
		if c.Kind == AnnexI {
			out = append(out, c)
		}
	}
	return out
}

func codeList(cs []Code) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

func militaryCodes(l CodeList) []Code {
	var out []Code
	for _, c := range l.Codes {
		if c.Kind == Military {
			out = append(out, c)
		}
	}
	return out
}

// measureHits applies one destination measure to a shipment.
//
// The hit's common fields and the "where" text are built only when a hit
// is appended: many rows touching a country under measures carry goods the
// measure does not reach (uncoded goods under an arms embargo).
func (e *Engine) measureHits(dst []evidence.Hit, s *evidence.Shipment, pl *place, m DestinationMeasure, codes CodeList, annexI, military []Code) []evidence.Hit {
	p := e.p
	var base evidence.Hit
	var where string
	prepare := func() {
		base = evidence.Hit{Role: pl.roles[0], EntryType: "destination_measure", EntryName: m.Country + " " + string(m.Measure),
			MatchedName: pl.iso2, QueryName: pl.raw, Programs: m.Regime, LegalBasis: m.Cite()}
		where = fmt.Sprintf("%s (%s; %s)", m.Country, pl.iso2, pl.roleText())
	}
	since := ""
	if m.Since != "" {
		since = " since " + m.Since
	}
	switch m.Measure {
	case DualUseBan:
		if !p.Enabled[evidence.EmbargoedDestination] {
			return dst
		}
		prepare()
		h := base
		h.Reason = evidence.EmbargoedDestination
		switch {
		case len(annexI) > 0:
			h.Score = 1
			h.Explanation = fmt.Sprintf("dual-use item %s for %s: all Annex I items are prohibited%s", codeList(annexI), where, since)
		case len(military) == 0 && p.FlagUncodedToBanned:
			h.Score = UncodedBanScore
			declared := "no dual-use control code declared"
			switch {
			case len(codes.Invalid) > 0:
				declared = fmt.Sprintf("no valid dual-use control code (%q is not one)", codes.Invalid[0].Text)
			case codes.NotListed:
				// Y901 and the like are the declarant's own statement; the
				// ban regimes also cover items beyond Annex I.
				declared = fmt.Sprintf("goods declared not listed (%q)", strings.TrimSpace(s.ControlCode))
			}
			h.Explanation = fmt.Sprintf("%s for goods to %s, where all Annex I items are prohibited%s: confirm the goods are not dual-use", declared, where, since)
		default:
			return dst
		}
		return append(dst, h)
	case MilitaryEndUseBan:
		if len(annexI) == 0 || !p.Enabled[evidence.EmbargoedDestination] {
			return dst
		}
		prepare()
		h := base
		h.Reason = evidence.EmbargoedDestination
		h.Score = 0.7
		h.Explanation = fmt.Sprintf("dual-use item %s for %s: prohibited for military use and military or border-police end-users; check the end-user", codeList(annexI), where)
		return append(dst, h)
	case ArmsEmbargo, ArmsRestrictions:
		full := m.Measure == ArmsEmbargo
		kind := "an arms embargo"
		scope := "" // the table note says whom targeted restrictions cover
		if !full {
			kind = "targeted arms restrictions"
			scope = noteSuffix(m.Note)
		}
		if len(military) > 0 && p.Enabled[evidence.EmbargoedDestination] {
			prepare()
			h := base
			h.Reason = evidence.EmbargoedDestination
			h.Score = 1
			if !full {
				h.Score = 0.6
			}
			h.Explanation = fmt.Sprintf("military-list item %s for %s, under %s%s", codeList(military), where, kind, scope)
			dst = append(dst, h)
		}
		if p.Enabled[evidence.MilitaryEndUseCatchAll] && (len(annexI) > 0 || (len(military) == 0 && p.MilitaryEndUseWithoutCode)) {
			if where == "" {
				prepare()
			}
			h := base
			h.Reason = evidence.MilitaryEndUseCatchAll
			h.LegalBasis = "Reg. (EU) 2021/821 Art. 4(1)(b) [V]; " + m.Cite()
			what := "goods without a control code"
			h.Score = 0.4
			if len(annexI) > 0 {
				what = "dual-use item " + codeList(annexI)
				h.Score = 0.8
			}
			if !full {
				h.Score /= 2
			}
			h.Explanation = fmt.Sprintf("%s for %s, under %s%s: authorisation needed if intended for a military end-use", what, where, kind, scope)
			dst = append(dst, h)
		}
	}
	return dst
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// cyberHit applies the Art. 5 catch-all: goods that look like
// cyber-surveillance items, by control code or description, for a
// human-rights-risk destination.
func (e *Engine) cyberHit(s *evidence.Shipment, pl *place, hr Provenance, annexI []Code, classify func() Classification) (evidence.Hit, bool) {
	var score float64
	var why []string
	var basis []string
	for _, c := range annexI {
		m := matchCode(e.p.tables.CyberCodes, c)
		switch m.rel {
		case relWithin:
			if score < 1 {
				score = 1
			}
			why = append(why, fmt.Sprintf("control code %s is a cyber-surveillance item (%s: %s)", c, m.entry.Category, m.entry.Description))
			basis = append(basis, m.entry.Cite())
		case relBroader:
			if score < 0.6 {
				score = 0.6
			}
			why = append(why, fmt.Sprintf("control code %s may cover cyber-surveillance items (%s)", c, entryTexts(m.under, 4)))
		}
	}
	if strings.TrimSpace(s.Goods) != "" {
		if c := classify(); c.Score >= e.p.CyberDescriptionThreshold {
			if c.Score > score {
				score = c.Score
			}
			why = append(why, fmt.Sprintf("description looks like a cyber-surveillance item (score %.2f: %s)", c.Score, c.Explain()))
		}
	}
	if score == 0 {
		return evidence.Hit{}, false
	}
	lb := "Reg. (EU) 2021/821 Art. 5 and Art. 2(20) [V]; destination: " + hr.Cite()
	if len(basis) > 0 {
		lb += "; item: " + basis[0]
	}
	name := countries.Name(pl.iso2)
	return evidence.Hit{Reason: evidence.CyberSurveillance, Role: pl.roles[0], EntryType: "cyber_surveillance",
		EntryName: name, MatchedName: pl.iso2, QueryName: pl.raw, Score: score, LegalBasis: lb,
		Explanation: fmt.Sprintf("%s, for %s (%s; %s) on the human-rights-risk list", strings.Join(why, "; "), name, pl.iso2, pl.roleText())}, true
}

// licenceHit applies Art. 3: an Annex I item leaving the EU needs an
// authorisation unless a Union general authorisation covers it. EU001 and
// EU002 are assessed: EU001 covers its destinations for everything but
// Annex II Section I (which includes all Annex IV items); EU002 covers its
// listed items to its four destinations. EU003–EU008 depend on conditions a
// shipment record does not show (repair, exhibition, intra-group, end-user
// type), so they are named, not applied.
func (e *Engine) licenceHit(s *evidence.Shipment, dest string, c Code) (evidence.Hit, bool) {
	h := evidence.Hit{Reason: evidence.DualUseLicenceRequired, Role: evidence.RoleGoods, EntryType: "control_code",
		EntryName: countries.Name(dest), MatchedName: c.String(), QueryName: s.ControlCode, Score: 1}
	row, isEU001 := e.eu001[dest]
	if !isEU001 {
		h.LegalBasis = provArt3.Cite()
		ugea := fmt.Sprintf("EU001 does not list %s", dest)
		if eu2, ok := e.eu002[dest]; ok {
			m := matchCode(e.p.tables.EU002Items, c)
			switch m.rel {
			case relWithin:
				return evidence.Hit{}, false // covered by EU002
			case relBroader:
				h.Score = 0.7
				h.LegalBasis += "; " + eu2.Cite()
				ugea += fmt.Sprintf("; EU002 covers only %s of %s", entryTexts(m.under, 4), c)
			default:
				h.LegalBasis += "; " + eu2.Cite()
				ugea += "; EU002 does not list " + c.String()
			}
		}
		h.Explanation = fmt.Sprintf("Annex I item %s to %s (%s): no Union general authorisation assessed covers it (%s; EU003–EU008 depend on conditions a record does not show): an individual, global or national general authorisation is needed", c, countries.Name(dest), dest, ugea)
		return h, true
	}
	// EU001 destination: only Section I items (and Annex IV items, which
	// Section I includes) need their own authorisation.
	for _, tbl := range []struct {
		entries []CodeEntry
		name    string
	}{{e.p.tables.SectionI, "Annex II Section I"}, {e.p.tables.AnnexIV, "Annex IV (listed in Annex II Section I)"}} {
		m := matchCode(tbl.entries, c)
		switch {
		case m.rel == relWithin && m.entry.Part != "none":
			h.LegalBasis = provArt3.Cite() + "; " + m.entry.Cite()
			h.Explanation = fmt.Sprintf("Annex I item %s to EU001 destination %s (%s), but %s is in %s, which EU001 does not cover%s",
				c, row.Country, dest, m.entry.Text, tbl.name, noteSuffix(m.entry.Condition))
			if m.entry.Condition != "" {
				h.Score = 0.7
			}
			return h, true
		case m.rel == relBroader && e.p.FlagBroaderCodes:
			h.Score = 0.5
			h.LegalBasis = provArt3.Cite() + "; " + m.under[0].Cite()
			h.Explanation = fmt.Sprintf("Annex I item %s to EU001 destination %s (%s): EU001 does not cover the sub-items %s of %s; check which the goods are",
				c, row.Country, dest, entryTexts(m.under, 4), tbl.name)
			return h, true
		}
	}
	return evidence.Hit{}, false
}

// annexIVHit applies Art. 11(1): Annex IV items need an authorisation even
// between member states.
func (e *Engine) annexIVHit(s *evidence.Shipment, dest string, c Code) (evidence.Hit, bool) {
	m := matchCode(e.p.tables.AnnexIV, c)
	h := evidence.Hit{Reason: evidence.AnnexIVIntraEU, Role: evidence.RoleGoods, EntryType: "control_code",
		EntryName: countries.Name(dest), MatchedName: c.String(), QueryName: s.ControlCode}
	switch {
	case m.rel == relWithin && m.entry.Part != "none":
		h.Score = 1
		if m.entry.Condition != "" {
			h.Score = 0.7
		}
		h.LegalBasis = m.entry.Cite()
		h.Explanation = fmt.Sprintf("item %s to %s (%s) is in Annex IV Part %s (%s: %s)%s: an intra-EU transfer needs an authorisation",
			c, countries.Name(dest), dest, m.entry.Part, m.entry.Text, m.entry.Description, noteSuffix(m.entry.Condition))
	case m.rel == relBroader:
		h.Score = 0.5
		h.LegalBasis = m.under[0].Cite()
		h.Explanation = fmt.Sprintf("item %s to %s (%s) may be in Annex IV (sub-items %s): check which the goods are; an intra-EU transfer of those needs an authorisation",
			c, countries.Name(dest), dest, entryTexts(m.under, 4))
	default:
		return evidence.Hit{}, false
	}
	return h, true
}
