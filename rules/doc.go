// Package rules screens destinations and goods against embargo and
// export-control rules, and decides each shipment's risk score and priority.
// Every hit it emits carries a stable reason code and its legal basis with a
// verification status (V checked against the legal text, S secondary source,
// U unverified) and the date the rule was last checked. Rules never import
// matchers: party hits reach Decide as plain evidence.
//
// # Model
//
// The law lives in tables, not code: data/rules/*.csv (embedded) hold the
// destination measures, the EU001 destinations, Annex II Section I, Annex IV,
// the cyber-surveillance control codes and the description keywords, each
// row with its legal basis. A Policy overlays an organisation's choices
// (TOML file: thresholds, rules and lists on or off, extra destinations and
// keywords, weights). An Engine applies the policy to one shipment at a time:
//
//	p, _ := rules.LoadPolicy("policy.toml")   // or rules.DefaultPolicy()
//	e, _ := rules.NewEngine(p)
//	hits = e.Check(&shipment, hits[:0])       // destination and goods evidence
//	hits = append(hits, partyHits...)         // PARTY_MATCH from the matcher
//	d := p.Decide(&shipment, hits)            // risk_score, priority, reasons
//
// Countries are resolved with countries.Lookup (ISO2, ISO3 or a name in any
// common language), and the destination, end-user country and consignee
// country are all screened: sanctions cover goods "for use in" a country.
//
// # Rules
//
//	EMBARGOED_DESTINATION         any Annex I item to a full dual-use ban (RU, BY, KP, IR); goods without a
//	                              code to one (score 0.6, policy option); Annex I items to Myanmar (military
//	                              end-user ban, 0.7); Common Military List items to an arms embargo (1.0) or
//	                              targeted arms restrictions (0.6)
//	DUAL_USE_LICENCE_REQUIRED     Annex I item leaving the EU (Art. 3) where neither EU001 nor EU002 covers it:
//	                              an Annex II Section I / Annex IV item to an EU001 destination, an item
//	                              outside EU002's list to its destinations, anything to other destinations
//	CYBER_SURVEILLANCE_CATCH_ALL  Art. 5: a cyber-surveillance control code (1.0; 0.6 when the code is broader
//	                              than the listed sub-item) or description (classifier score) to a
//	                              human-rights-risk destination (countries with EU telecom-monitoring or
//	                              repression-equipment measures, plus the policy's list)
//	MILITARY_END_USE_CATCH_ALL    Art. 4(1)(b): Annex I item to an arms-embargoed destination (0.8; halved for
//	                              targeted restrictions)
//	ANNEX_IV_INTRA_EU             Art. 11(1): Annex IV item to another member state (1.0; 0.7 where Annex IV is
//	                              narrower than the Annex I entry; 0.5 when the declared code is broader)
//	END_USER_COUNTRY_MISMATCH     end-user country differs from the destination (1.0 when the end-user country is
//	                              under EU measures, else 0.6)
//	INCOMPLETE_RECORD             no consignee, no destination, or a country that is not recognised (Art. 27)
//	INVALID_CONTROL_CODE          a part of the control-code cell that is not an Annex I or Common Military List code
//
// Decide takes the highest weighted evidence (weight × score) as the risk
// score, so a single embargo is never diluted by weak findings, and maps it
// to high/medium/low with the policy's thresholds. PARTY_MATCH hits count
// from the policy's party threshold and only for the enabled lists.
//
// # Simplifications (also in data/rules/README.md)
//
//   - Only EU001 and EU002 among the Union general authorisations are
//     assessed; EU003 to EU008 depend on conditions a shipment record does
//     not show (repair, exhibition, intra-group, end-user type), so the
//     licence hit names them instead of applying them.
//   - Measures apply as of the tables' last-checked date, whatever the
//     declaration date: screening happens before shipping, and historical
//     records are screened against today's law.
//   - A code broader than a table entry ("5A001" against "5A001.j") is a
//     possible match with a lower score, except for Section I at EU001
//     destinations, which is off by default (policy flag_broader_codes).
//   - The grammar of Annex I codes is checked; whether an entry exists in the
//     current Annex I is not (no verified machine-readable Annex I).
//   - Export from the EU is assumed when the exporter country is empty; a
//     non-EU exporter country turns off the licence and Annex IV rules, not
//     the sanctions rules.
package rules
