package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/matchers"
)

// PartyOptions configure the party stage.
type PartyOptions struct {
	// CacheEntries bounds the run-wide name cache. Default DefaultCacheEntries.
	CacheEntries int
	// ScreenExporter also screens exporter_name. Off by default: the exporter
	// is normally the screening company itself.
	ScreenExporter bool
}

// PartyStage screens the consignee and end user of every row (and the
// exporter when asked) with a Matcher. Each distinct name and country is
// matched once per run while it stays in the bounded cache; every other row
// with that party reuses the result.
type PartyStage struct {
	m     matchers.Matcher
	cache *nameCache
	roles []partyRole
}

type partyRole struct {
	role          evidence.Role
	name, country func(*evidence.Shipment) string
}

// NewPartyStage returns the party stage over m.
func NewPartyStage(m matchers.Matcher, opts PartyOptions) *PartyStage {
	p := &PartyStage{m: m, cache: newNameCache(opts.CacheEntries)}
	p.roles = []partyRole{
		{evidence.RoleConsignee, func(s *evidence.Shipment) string { return s.ConsigneeName }, func(s *evidence.Shipment) string { return s.ConsigneeCountry }},
		{evidence.RoleEndUser, func(s *evidence.Shipment) string { return s.EndUserName }, func(s *evidence.Shipment) string { return s.EndUserCountry }},
	}
	if opts.ScreenExporter {
		p.roles = append(p.roles, partyRole{evidence.RoleExporter, func(s *evidence.Shipment) string { return s.ExporterName }, func(s *evidence.Shipment) string { return s.ExporterCountry }})
	}
	return p
}

// Apply implements Stage.
func (p *PartyStage) Apply(ctx context.Context, b *Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// Rows go in runs of partyRun: the tags of a run's parties first, then
	// one prefetch of their slots (see nameCache.prefetch), then the
	// lookups in row order.
	var tags [partyRun * 3]uint64
	for lo := 0; lo < len(b.Shipments); lo += partyRun {
		run := b.Shipments[lo:min(lo+partyRun, len(b.Shipments))]
		n := 0
		for i := range run {
			for _, r := range p.roles {
				if name := r.name(&run[i]); name != "" {
					tags[n] = p.cache.partyHash(cacheKey{name, r.country(&run[i])})
					n++
				}
			}
		}
		p.cache.prefetch(tags[:n])
		n = 0
		for i := range run {
			s := &run[i]
			for _, r := range p.roles {
				name := r.name(s)
				if name == "" {
					continue
				}
				country := r.country(s)
				// The cached result is shared by every role: the key is name
				// and country only, and the query carries no role, so a
				// matcher cannot answer differently for a consignee and an
				// end user.
				ms := p.cache.get(tags[n], cacheKey{name, country}, func() []matchers.Match {
					return p.m.Match(matchers.Query{Name: strings.Clone(name), Country: strings.Clone(country)}, nil)
				})
				n++
				for _, m := range ms {
					b.Hits[lo+i] = append(b.Hits[lo+i], partyHit(r.role, name, m))
				}
			}
		}
	}
	return nil
}

// partyRun is the rows whose cache slots are read ahead at once: up to
// 192 slots (12 KiB), enough reads in flight to overlap, few enough that
// they are all still in the core's cache when looked up.
const partyRun = 64

// CacheStats returns how many party names were looked up and how many of
// those were matched (cache misses): the distinct names screened, plus
// the names matched again after a reset when CacheResets is above zero.
func (p *PartyStage) CacheStats() (lookups, matched int64) {
	return p.cache.lookups(), p.cache.misses.Load()
}

// CacheResets is how many times a full shard of the name cache was
// emptied. Above zero, the run saw more distinct names than the cache
// holds (PartyOptions.CacheEntries), and names seen again after a reset
// were matched again: same output, more time.
func (p *PartyStage) CacheResets() int64 { return p.cache.resets.Load() }

// ListLegalBasis is the legal basis written on party hits, by list id. Lists
// not named here get "listed on <id>".
var ListLegalBasis = map[string]string{
	"eu_fsf":   "EU restrictive measures (Article 215 TFEU Council regulations, e.g. Reg. (EU) No 269/2014): asset freeze and ban on making economic resources available",
	"un_sc":    "UN Security Council sanctions (Chapter VII UN Charter), binding in the EU through Council regulations",
	"ofac_sdn": "US OFAC Specially Designated Nationals list (31 CFR Chapter V)",
	"uk_ofsi":  "UK Sanctions and Anti-Money Laundering Act 2018 (OFSI consolidated list)",
	"us_csl":   "US Consolidated Screening List (e.g. EAR Entity List, 15 CFR Part 744)",
	"inhouse":  "company policy: in-house restricted-party list",

	"ofac_cons":           "US OFAC consolidated non-SDN lists (e.g. Sectoral Sanctions Identifications, 31 CFR Chapter V)",
	"eu_journal":          "EU Council regulation annex as published in the Official Journal (the entry's programs name the CELEX act and annex, e.g. Reg. (EU) 833/2014 Annex IV export-control end-users)",
	"uk_fcdo":             "UK Sanctions List (FCDO), Sanctions and Anti-Money Laundering Act 2018",
	"us_bis_dpl":          "US BIS Denied Persons List: denial order under the Export Administration Regulations (15 CFR Part 764)",
	"us_bis_mieu":         "US BIS Military-Intelligence End-User list (15 CFR 744.22)",
	"us_dod_1260h":        "US DoD list of Chinese military companies (NDAA FY2021 Section 1260H)",
	"us_ndaa_1286":        "US DoD list of foreign institutions (NDAA FY2019 Section 1286)",
	"us_cuba_restricted":  "US State Department Cuba Restricted List (31 CFR 515.209)",
	"cn_countersanctions": "PRC countermeasures (Anti-Foreign Sanctions Law; MOFCOM Unreliable Entity List): a risk for the counterparty, not an EU restriction",
	"opensanctions":       "OpenSanctions data: the entry's programs name the source regime",
}

func partyHit(role evidence.Role, query string, m matchers.Match) evidence.Hit {
	e := m.Entry
	basis, ok := ListLegalBasis[e.List]
	if !ok {
		basis = "listed on " + e.List
	}
	expl := m.Explanation
	if expl == "" {
		expl = fmt.Sprintf("%s name %q matched %q (%s %s) at %.3f", role, query, m.MatchedName(), e.List, e.ID, m.Score)
	}
	return evidence.Hit{
		Reason:      evidence.PartyMatch,
		Role:        role,
		List:        e.List,
		EntryID:     e.ID,
		EntryName:   e.PrimaryName(),
		EntryType:   string(e.Type),
		MatchedName: m.MatchedName(),
		QueryName:   strings.Clone(query),
		Score:       m.Score,
		Programs:    strings.Join(e.Programs, "; "),
		LegalBasis:  basis,
		Explanation: expl,
	}
}
