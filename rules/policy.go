package rules

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/dualscreen/dualscreen/countries"
	"github.com/dualscreen/dualscreen/evidence"
)

// Policy is what an organisation decides on top of the law: thresholds,
// which rules and lists are on, extra destinations and keywords, and how
// much each reason weighs for review priority. DefaultPolicy gives the
// defaults from the embedded tables; LoadPolicy overlays a TOML file.
//
// A Policy is immutable once built and safe for concurrent use.
type Policy struct {
	// Source is "embedded defaults" or the policy file path.
	Source string

	// PartyThreshold is the least matcher score at which a PARTY_MATCH hit
	// counts. Default 0.85. The CLI passes it to the matcher too.
	PartyThreshold float64
	// CyberDescriptionThreshold is the least classifier score at which a
	// goods description counts as a cyber-surveillance item. Default 0.7.
	CyberDescriptionThreshold float64
	// HighAt and MediumAt split risk scores into priorities. Defaults 0.8
	// and 0.5; any counted hit below MediumAt is low.
	HighAt, MediumAt float64

	// Weights multiply each hit's score into the risk score, per reason.
	Weights map[evidence.Reason]float64
	// Enabled says which reasons the engine emits and Decide counts.
	Enabled map[evidence.Reason]bool

	// EnabledLists, when not empty, is the only party lists Decide counts;
	// DisabledLists are never counted. Ids as in Hit.List.
	EnabledLists, DisabledLists []string

	// FlagUncodedToBanned raises EMBARGOED_DESTINATION (at score
	// UncodedBanScore) for goods without a control code going to a full
	// dual-use ban destination: they may still be dual-use. Default true.
	FlagUncodedToBanned bool
	// FlagBroaderCodes raises DUAL_USE_LICENCE_REQUIRED for EU001
	// destinations when the declared code is broader than an Annex II
	// Section I entry (e.g. "1C450" against "1C450.a.1"). Default false:
	// most such shipments are covered by EU001.
	FlagBroaderCodes bool
	// MilitaryEndUseWithoutCode raises MILITARY_END_USE_CATCH_ALL for goods
	// without an Annex I code going to an arms-embargoed destination.
	// Default false: Art. 4(1)(b) needs a military end-use, which a record
	// without a listed item rarely shows.
	MilitaryEndUseWithoutCode bool

	tables *Tables
	// measures are the effective destination measures, defaults and policy
	// additions, after enable/disable.
	measures []DestinationMeasure
	// humanRights is the Art. 5 human-rights-risk destination list, ISO2 →
	// where it came from.
	humanRights map[string]Provenance
	keywords    []Keyword
	// policyChecked is the policy file's modification date.
	policyChecked string
	// origin records where each setting came from, for `rules show`.
	origin map[string]string
}

// Default weights per reason: a party match or an embargo is as serious as
// evidence gets; a licence requirement alone is routine for an exporter
// that holds the licence; data-quality findings are low.
var defaultWeights = map[evidence.Reason]float64{
	evidence.PartyMatch:              1.0,
	evidence.EmbargoedDestination:    1.0,
	evidence.CyberSurveillance:       0.9,
	evidence.MilitaryEndUseCatchAll:  0.8,
	evidence.DualUseLicenceRequired:  0.6,
	evidence.EndUserCountryMismatch:  0.5,
	evidence.AnnexIVIntraEU:          0.4,
	evidence.IncompleteRecord:        0.3,
	evidence.InvalidControlCode:      0.3,
	evidence.SuppressedByDisposition: 0,
}

// ruleReasons are the reasons this package emits or weighs, in display order.
var ruleReasons = []evidence.Reason{
	evidence.PartyMatch, evidence.EmbargoedDestination, evidence.CyberSurveillance,
	evidence.MilitaryEndUseCatchAll, evidence.DualUseLicenceRequired, evidence.EndUserCountryMismatch,
	evidence.AnnexIVIntraEU, evidence.IncompleteRecord, evidence.InvalidControlCode,
	evidence.SuppressedByDisposition,
}

// UncodedBanScore is the score of an EMBARGOED_DESTINATION hit for goods
// without a control code: the destination is banned for dual-use items but
// the record does not say the goods are dual-use.
const UncodedBanScore = 0.6

const defaultSource = "default"

// DefaultPolicy returns the policy built from the embedded tables alone.
func DefaultPolicy() (*Policy, error) {
	t, err := DefaultTables()
	if err != nil {
		return nil, err
	}
	return NewPolicy(t, nil, "embedded defaults")
}

// LoadPolicy reads a TOML policy file and overlays it on the embedded
// defaults. Unknown keys, unknown reasons, unknown countries and values out
// of range are errors naming the file and the key.
func LoadPolicy(path string) (*Policy, error) {
	t, err := DefaultTables()
	if err != nil {
		return nil, err
	}
	f := &File{}
	md, err := toml.DecodeFile(path, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%s: unknown key(s): %s", path, strings.Join(keys, ", "))
	}
	return NewPolicy(t, f, path)
}

// File is the policy file format (TOML). Every field is optional; absent
// fields keep their defaults.
//
//	[thresholds]
//	party = 0.85              # matcher score at which PARTY_MATCH counts
//	cyber_description = 0.7   # classifier score for the Art. 5 catch-all
//	priority_high = 0.8
//	priority_medium = 0.5
//
//	[rules]                   # reason = on/off
//	END_USER_COUNTRY_MISMATCH = false
//
//	[weights]                 # reason = weight in [0, 1]
//	DUAL_USE_LICENCE_REQUIRED = 0.4
//
//	[lists]
//	enabled = ["un_sc", "eu_fsf"]   # empty: all lists
//	disabled = ["us_csl"]
//
//	[destinations]
//	human_rights_risk = ["Egypt", "CN"]    # added to the Art. 5 list
//	human_rights_risk_remove = ["ZW"]
//	arms_embargo = ["CN"]                  # extra whole-country arms embargoes
//	dual_use_ban = []                      # extra full dual-use bans
//	enable = ["AM:arms_embargo"]           # table rows that are off by default
//	disable = ["SY:telecom_monitoring"]
//
//	[options]
//	flag_uncoded_to_banned = true
//	flag_broader_codes = false
//	military_end_use_without_code = false
//
//	[[keywords]]
//	lang = "en"
//	pattern = "stingray*"
//	weight = 1.0
//	category = "interception"
type File struct {
	Thresholds struct {
		Party            *float64 `toml:"party"`
		CyberDescription *float64 `toml:"cyber_description"`
		PriorityHigh     *float64 `toml:"priority_high"`
		PriorityMedium   *float64 `toml:"priority_medium"`
	} `toml:"thresholds"`
	Rules   map[string]bool    `toml:"rules"`
	Weights map[string]float64 `toml:"weights"`
	Lists   struct {
		Enabled  []string `toml:"enabled"`
		Disabled []string `toml:"disabled"`
	} `toml:"lists"`
	Destinations struct {
		HumanRightsRisk       []string `toml:"human_rights_risk"`
		HumanRightsRiskRemove []string `toml:"human_rights_risk_remove"`
		ArmsEmbargo           []string `toml:"arms_embargo"`
		DualUseBan            []string `toml:"dual_use_ban"`
		Enable                []string `toml:"enable"`
		Disable               []string `toml:"disable"`
	} `toml:"destinations"`
	Options  FileOptions `toml:"options"`
	Keywords []struct {
		Lang     string  `toml:"lang"`
		Pattern  string  `toml:"pattern"`
		Weight   float64 `toml:"weight"`
		Category string  `toml:"category"`
	} `toml:"keywords"`
}

// FileOptions are the [options] of a policy file; nil keeps the default.
type FileOptions struct {
	FlagUncodedToBanned       *bool `toml:"flag_uncoded_to_banned"`
	FlagBroaderCodes          *bool `toml:"flag_broader_codes"`
	MilitaryEndUseWithoutCode *bool `toml:"military_end_use_without_code"`
}

// NewPolicy builds a policy from tables and an optional file overlay; src
// names the file in errors and provenance.
func NewPolicy(t *Tables, f *File, src string) (*Policy, error) {
	p := &Policy{
		Source: src, PartyThreshold: 0.85, CyberDescriptionThreshold: 0.7, HighAt: 0.8, MediumAt: 0.5,
		Weights: map[evidence.Reason]float64{}, Enabled: map[evidence.Reason]bool{},
		FlagUncodedToBanned: true, tables: t, origin: map[string]string{},
	}
	for _, r := range ruleReasons {
		p.Weights[r] = defaultWeights[r]
		p.Enabled[r] = true
	}
	if f == nil {
		f = &File{}
	}
	// Policy additions are dated by the policy file's modification time:
	// that is when someone last decided them.
	checked := ""
	if st, err := os.Stat(src); err == nil {
		checked = st.ModTime().UTC().Format("2006-01-02")
	}
	p.policyChecked = checked
	bad := func(key string, format string, a ...any) error {
		return fmt.Errorf("%s: %s: %s", src, key, fmt.Sprintf(format, a...))
	}
	set := func(key string, dst *float64, v *float64) error {
		if v == nil {
			return nil
		}
		if math.IsNaN(*v) || *v < 0 || *v > 1 {
			return bad(key, "%v is not in [0, 1]", *v)
		}
		*dst = *v
		p.origin[key] = src
		return nil
	}
	for _, e := range []error{
		set("thresholds.party", &p.PartyThreshold, f.Thresholds.Party),
		set("thresholds.cyber_description", &p.CyberDescriptionThreshold, f.Thresholds.CyberDescription),
		set("thresholds.priority_high", &p.HighAt, f.Thresholds.PriorityHigh),
		set("thresholds.priority_medium", &p.MediumAt, f.Thresholds.PriorityMedium),
	} {
		if e != nil {
			return nil, e
		}
	}
	if p.MediumAt > p.HighAt {
		return nil, bad("thresholds", "priority_medium %v is above priority_high %v", p.MediumAt, p.HighAt)
	}
	for _, name := range sortedKeys(f.Rules) {
		on := f.Rules[name]
		r, ok := reasonByName(name)
		if !ok {
			return nil, bad("rules."+name, "unknown reason (known: %s)", knownReasons())
		}
		p.Enabled[r] = on
		p.origin["rules."+string(r)] = src
	}
	for _, name := range sortedKeys(f.Weights) {
		w := f.Weights[name]
		r, ok := reasonByName(name)
		if !ok {
			return nil, bad("weights."+name, "unknown reason (known: %s)", knownReasons())
		}
		if math.IsNaN(w) || w < 0 || w > 1 {
			return nil, bad("weights."+name, "%v is not in [0, 1]", w)
		}
		p.Weights[r] = w
		p.origin["weights."+string(r)] = src
	}
	p.EnabledLists = append([]string(nil), f.Lists.Enabled...)
	p.DisabledLists = append([]string(nil), f.Lists.Disabled...)
	if len(p.EnabledLists)+len(p.DisabledLists) > 0 {
		p.origin["lists"] = src
	}
	for _, o := range []struct {
		key string
		dst *bool
		v   *bool
	}{
		{"options.flag_uncoded_to_banned", &p.FlagUncodedToBanned, f.Options.FlagUncodedToBanned},
		{"options.flag_broader_codes", &p.FlagBroaderCodes, f.Options.FlagBroaderCodes},
		{"options.military_end_use_without_code", &p.MilitaryEndUseWithoutCode, f.Options.MilitaryEndUseWithoutCode},
	} {
		if o.v != nil {
			*o.dst = *o.v
			p.origin[o.key] = src
		}
	}
	if err := p.buildMeasures(f, src); err != nil {
		return nil, err
	}
	p.keywords = append([]Keyword(nil), t.Keywords...)
	for i, k := range f.Keywords {
		key := fmt.Sprintf("keywords[%d]", i)
		if k.Weight == 0 || k.Weight < -1 || k.Weight > 1 || math.IsNaN(k.Weight) {
			return nil, bad(key, "weight %v: want a non-zero number in [-1, 1]", k.Weight)
		}
		toks, err := compilePattern(k.Pattern)
		if err != nil {
			return nil, bad(key, "%v", err)
		}
		if k.Category == "" {
			k.Category = "policy"
		}
		p.keywords = append(p.keywords, Keyword{Lang: k.Lang, Pattern: k.Pattern, Weight: k.Weight, Category: k.Category, toks: toks,
			Provenance: Provenance{LegalBasis: "Reg. (EU) 2021/821 Art. 5 (policy keyword)", Status: "U", LastChecked: p.policyChecked, Source: src + " " + key}})
	}
	return p, nil
}

// buildMeasures applies the policy's destination settings to the table.
func (p *Policy) buildMeasures(f *File, src string) error {
	byKey := map[string]int{}
	enabled := map[string]bool{}
	for i, m := range p.tables.Destinations {
		byKey[m.Key()] = i
		enabled[m.Key()] = m.Default
	}
	toggle := func(field string, keys []string, on bool) error {
		for _, k := range keys {
			iso, meas, ok := strings.Cut(strings.TrimSpace(k), ":")
			code, found := countries.Lookup(iso)
			if !ok || !found {
				return fmt.Errorf("%s: destinations.%s: %q: want COUNTRY:measure, e.g. CN:arms_embargo", src, field, k)
			}
			key := code + ":" + meas
			if _, ok := byKey[key]; !ok {
				return fmt.Errorf("%s: destinations.%s: %q: no such row in data/rules/destinations.csv", src, field, k)
			}
			enabled[key] = on
			p.origin["destinations."+key] = src
		}
		return nil
	}
	if err := toggle("enable", f.Destinations.Enable, true); err != nil {
		return err
	}
	if err := toggle("disable", f.Destinations.Disable, false); err != nil {
		return err
	}
	for _, m := range p.tables.Destinations {
		if enabled[m.Key()] {
			if !m.Default {
				m.Source += " (enabled by " + src + ")"
			}
			p.measures = append(p.measures, m)
		}
	}
	add := func(field string, names []string, meas Measure, basis string) error {
		for _, n := range names {
			code, ok := countries.Lookup(n)
			if !ok {
				return fmt.Errorf("%s: destinations.%s: %q is not a recognised country", src, field, n)
			}
			p.measures = append(p.measures, DestinationMeasure{ISO2: code, Country: countries.Name(code), Measure: meas,
				Regime: "POLICY", Default: true, Provenance: Provenance{LegalBasis: basis, Status: "U", LastChecked: p.policyChecked, Source: src + " [destinations]." + field}})
		}
		return nil
	}
	if err := add("arms_embargo", f.Destinations.ArmsEmbargo, ArmsEmbargo, "arms embargo added by policy (Reg. (EU) 2021/821 Art. 2(19), Art. 4(1)(b))"); err != nil {
		return err
	}
	if err := add("dual_use_ban", f.Destinations.DualUseBan, DualUseBan, "dual-use ban added by policy"); err != nil {
		return err
	}
	p.humanRights = map[string]Provenance{}
	for _, m := range p.measures {
		if m.Measure == TelecomMonitoring || m.Measure == InternalRepression {
			if _, ok := p.humanRights[m.ISO2]; !ok {
				p.humanRights[m.ISO2] = m.Provenance
			}
		}
	}
	for _, n := range f.Destinations.HumanRightsRisk {
		code, ok := countries.Lookup(n)
		if !ok {
			return fmt.Errorf("%s: destinations.human_rights_risk: %q is not a recognised country", src, n)
		}
		p.humanRights[code] = Provenance{LegalBasis: "Reg. (EU) 2021/821 Art. 5 (destination added by policy)", Status: "U", LastChecked: p.policyChecked, Source: src + " [destinations].human_rights_risk"}
	}
	for _, n := range f.Destinations.HumanRightsRiskRemove {
		code, ok := countries.Lookup(n)
		if !ok {
			return fmt.Errorf("%s: destinations.human_rights_risk_remove: %q is not a recognised country", src, n)
		}
		delete(p.humanRights, code)
	}
	return nil
}

func reasonByName(name string) (evidence.Reason, bool) {
	for _, r := range ruleReasons {
		if strings.EqualFold(string(r), strings.TrimSpace(name)) {
			return r, true
		}
	}
	return "", false
}

func knownReasons() string {
	s := make([]string, len(ruleReasons))
	for i, r := range ruleReasons {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// Measures returns the effective destination measures, in table order then
// policy additions.
func (p *Policy) Measures() []DestinationMeasure {
	return append([]DestinationMeasure(nil), p.measures...)
}

// HumanRightsRisk returns the Art. 5 destination list (ISO2, sorted) with
// the provenance of each entry.
func (p *Policy) HumanRightsRisk() ([]string, map[string]Provenance) {
	codes := make([]string, 0, len(p.humanRights))
	for c := range p.humanRights {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes, p.humanRights
}

// Tables returns the rule tables the policy was built on.
func (p *Policy) Tables() *Tables { return p.tables }

// Keywords returns the classifier keywords: the table's, then the policy's.
func (p *Policy) Keywords() []Keyword { return append([]Keyword(nil), p.keywords...) }

// Origin says where a setting came from: the policy file or "default".
func (p *Policy) Origin(key string) string {
	if o, ok := p.origin[key]; ok {
		return o
	}
	return defaultSource
}

// ListCounted reports whether party hits from list id count.
func (p *Policy) ListCounted(id string) bool {
	for _, d := range p.DisabledLists {
		if d == id {
			return false
		}
	}
	if len(p.EnabledLists) == 0 {
		return true
	}
	for _, e := range p.EnabledLists {
		if e == id {
			return true
		}
	}
	return false
}

// counts reports whether a hit takes part in the decision, and its
// weighted evidence.
func (p *Policy) counts(h *evidence.Hit) (float64, bool) {
	if !p.Enabled[h.Reason] {
		return 0, false
	}
	if h.Reason == evidence.PartyMatch {
		if h.Score < p.PartyThreshold || !p.ListCounted(h.List) {
			return 0, false
		}
	}
	w, ok := p.Weights[h.Reason]
	if !ok {
		w = 0.5 // a reason added to evidence after this policy was written
	}
	s := h.Score
	if math.IsNaN(s) || s < 0 {
		s = 0
	}
	if s > 1 {
		s = 1
	}
	v := w * s
	return v, v > 0
}

// Decide combines every hit of a shipment (party hits included) into its
// decision. The risk score is the highest weighted evidence (weight ×
// score), so one strong reason is never diluted by weak ones; priority
// follows from the thresholds; reasons are the distinct reasons of the
// counted hits, sorted. A shipment is flagged when any hit counts. It is
// pure and safe for concurrent use.
func (p *Policy) Decide(s *evidence.Shipment, hits []evidence.Hit) evidence.Decision {
	var d evidence.Decision
	for i := range hits {
		v, ok := p.counts(&hits[i])
		if !ok {
			continue
		}
		d.Flagged = true
		if v > d.RiskScore {
			d.RiskScore = v
		}
		// A row has a few hits of a few reasons: a scan of the reasons so
		// far costs less than a set, and slices.Sort, unlike sort.Slice,
		// allocates nothing (Decide runs on every row).
		if r := hits[i].Reason; !slices.Contains(d.Reasons, r) {
			d.Reasons = append(d.Reasons, r)
		}
	}
	slices.Sort(d.Reasons)
	d.RiskScore = math.Round(d.RiskScore*1e6) / 1e6
	switch {
	case !d.Flagged:
		d.Priority = evidence.PriorityNone
	case d.RiskScore >= p.HighAt:
		d.Priority = evidence.PriorityHigh
	case d.RiskScore >= p.MediumAt:
		d.Priority = evidence.PriorityMedium
	default:
		d.Priority = evidence.PriorityLow
	}
	return d
}

// errNoPolicy guards the engine constructor.
var errNoPolicy = errors.New("rules: nil policy")

// sortedKeys gives map keys in order, so that errors do not depend on map
// iteration.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
