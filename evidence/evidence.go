// Package evidence holds the result types every stage of dualscreen emits and
// every sink writes: the canonical Shipment, Hit, Reason, Role and Decision.
//
// It is the leaf of the dependency graph: it imports nothing of ours, so the
// list readers, matchers, rules, pipeline and report can all share these types
// without forming import cycles.
package evidence

import (
	"slices"
	"sort"
	"strings"
)

// Reason is a stable reason code. Codes are part of the output contract
// (contract.md): they are only ever added, never renamed.
type Reason string

// Reason codes. The legal basis of each hit travels in Hit.LegalBasis.
const (
	PartyMatch              Reason = "PARTY_MATCH"
	EmbargoedDestination    Reason = "EMBARGOED_DESTINATION"
	DualUseLicenceRequired  Reason = "DUAL_USE_LICENCE_REQUIRED"
	CyberSurveillance       Reason = "CYBER_SURVEILLANCE_CATCH_ALL"
	MilitaryEndUseCatchAll  Reason = "MILITARY_END_USE_CATCH_ALL"
	AnnexIVIntraEU          Reason = "ANNEX_IV_INTRA_EU"
	EndUserCountryMismatch  Reason = "END_USER_COUNTRY_MISMATCH"
	IncompleteRecord        Reason = "INCOMPLETE_RECORD"
	InvalidControlCode      Reason = "INVALID_CONTROL_CODE"
	SuppressedByDisposition Reason = "SUPPRESSED_BY_DISPOSITION"
)

// Role says which part of a shipment a hit is about.
type Role string

// Roles, as in contract.md.
const (
	RoleConsignee   Role = "consignee"
	RoleEndUser     Role = "end_user"
	RoleExporter    Role = "exporter"
	RoleDestination Role = "destination"
	RoleGoods       Role = "goods"
)

// Hit is one piece of evidence against a shipment. Party hits fill the list
// fields; destination and goods hits leave List and EntryID empty.
type Hit struct {
	Reason      Reason  `json:"reason"`
	Role        Role    `json:"role"`
	List        string  `json:"list"`
	EntryID     string  `json:"entry_id"`
	EntryName   string  `json:"entry_name"`
	EntryType   string  `json:"entry_type"`
	MatchedName string  `json:"matched_name"`
	QueryName   string  `json:"query_name"`
	Score       float64 `json:"score"`
	Programs    string  `json:"programs"`
	LegalBasis  string  `json:"legal_basis"`
	Explanation string  `json:"explanation"`
}

// Shipment is one declaration in canonical form: the columns of contract.md
// that screening reads. Empty strings stand for null. The pipeline fills it
// from an Arrow record row; rules and matchers read it and never retain it.
type Shipment struct {
	Row              int64 // 0-based row number in its input file
	ShipmentID       string
	DeclarationDate  string
	ExporterName     string
	ExporterCountry  string
	ConsigneeName    string
	ConsigneeCountry string
	EndUserName      string
	EndUserCountry   string
	Destination      string
	Goods            string
	CNCode           string
	ControlCode      string
	ValueEUR         float64
	HasValue         bool
}

// Priority orders flagged rows for review.
type Priority string

// Priorities, highest first.
const (
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
	PriorityNone   Priority = ""
)

// Decision is the verdict on one shipment after every stage has run.
type Decision struct {
	Flagged   bool
	RiskScore float64
	Priority  Priority
	Reasons   []Reason
}

// SortHits orders hits deterministically: by reason, role, descending score,
// list and entry id. Sinks call it so output never depends on stage or worker
// scheduling.
//
// It runs on every row of a screen: a row of none or one hit (most rows)
// returns at once, and the sort is slices', which takes the slice as it
// is; sort.SliceStable wrapped every call's slice in reflection's swapper,
// an allocation per row (1.1 CPU-s of a 10M-row screen, with the
// collector's share). Both are stable sorts of the same order, so the
// result is the same.
func SortHits(h []Hit) {
	if len(h) < 2 {
		return
	}
	slices.SortStableFunc(h, compareHits)
}

// compareHits is SortHits' order as a comparison: negative when a goes
// before b. A NaN score is neither above nor below another, and two hits
// that differ only in such a score keep their order, as they did under
// the less function this replaced.
func compareHits(a, b Hit) int {
	if a.Reason != b.Reason {
		return strings.Compare(string(a.Reason), string(b.Reason))
	}
	if a.Role != b.Role {
		return strings.Compare(string(a.Role), string(b.Role))
	}
	if a.Score != b.Score {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	}
	if a.List != b.List {
		return strings.Compare(a.List, b.List)
	}
	if a.EntryID != b.EntryID {
		return strings.Compare(a.EntryID, b.EntryID)
	}
	return strings.Compare(a.MatchedName, b.MatchedName)
}

// ReasonsOf returns the distinct reasons of hits in sorted order.
func ReasonsOf(h []Hit) []Reason {
	seen := make(map[Reason]bool, len(h))
	var out []Reason
	for _, x := range h {
		if !seen[x.Reason] {
			seen[x.Reason] = true
			out = append(out, x.Reason)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
