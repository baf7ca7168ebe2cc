package report

import (
	"fmt"

	"github.com/dualscreen/dualscreen/evidence"
)

// xssName is a consignee name that would retitle the page if it ever ran.
const xssName = `<script>document.title="pwned"</script><img src=x onerror="document.title='pwned'">`

// fixtureRows builds n realistic screened rows: every 7th a party match on
// a SDN-like entry, every 5th an embargoed destination, one consignee
// carrying a script payload.
func fixtureRows(n int) []Row {
	dests := []string{"DE", "RU", "IR", "CN", "AE", "TR", "KP", "US"}
	var out []Row
	for i := 0; i < n; i++ {
		s := evidence.Shipment{
			Row: int64(i), ShipmentID: fmt.Sprintf("SHP-2024-%06d", i), DeclarationDate: "2024-05-06",
			ExporterName: "Muster Maschinenbau GmbH", ExporterCountry: "DE",
			ConsigneeName: fmt.Sprintf("Trading House %d LLC", i%13), ConsigneeCountry: dests[i%len(dests)],
			Destination: dests[i%len(dests)], Goods: "frequency changers for gas centrifuges", CNCode: "85044090",
			ControlCode: []string{"3A225", "5A002.a", "", "2B350.g"}[i%4], ValueEUR: float64(1000 + 37*i), HasValue: true,
		}
		var hits []evidence.Hit
		if i%7 == 0 {
			s.ConsigneeName = fmt.Sprintf("Rosoboron Trade %d", i%3)
			if i == 14 {
				s.ConsigneeName = xssName
			}
			hits = append(hits, evidence.Hit{
				Reason: evidence.PartyMatch, Role: evidence.RoleConsignee, List: "ofac_sdn", EntryID: fmt.Sprint(9000 + i%3),
				EntryName: fmt.Sprintf("ROSOBORON TRADE %d", i%3), EntryType: "organisation", MatchedName: fmt.Sprintf("ROSOBORON TRADE %d", i%3),
				QueryName: s.ConsigneeName, Score: 0.86 + float64(i%10)/100, Programs: "RUSSIA-EO14024",
				LegalBasis: "Council Regulation (EU) No 269/2014; OFAC SDN", Explanation: "tokens rosoboron, trade aligned",
			})
		}
		if i%5 == 0 && (s.Destination == "RU" || s.Destination == "IR" || s.Destination == "KP") {
			hits = append(hits, evidence.Hit{
				Reason: evidence.EmbargoedDestination, Role: evidence.RoleDestination, Score: 1,
				LegalBasis: "Regulation (EU) No 833/2014 Art. 2", Explanation: "destination " + s.Destination + " under EU restrictive measures",
			})
		}
		out = append(out, Row{Seq: int64(i), Shipment: s, Hits: hits, Decision: decide(hits)})
	}
	return out
}

// decide is a small stand-in for rules.Policy.Decide: embargo high, party medium.
func decide(hits []evidence.Hit) evidence.Decision {
	var d evidence.Decision
	for _, h := range hits {
		if h.Reason == evidence.SuppressedByDisposition {
			continue
		}
		d.Flagged = true
		if h.Score > d.RiskScore {
			d.RiskScore = h.Score
		}
		p := evidence.PriorityMedium
		if h.Reason == evidence.EmbargoedDestination {
			p = evidence.PriorityHigh
		}
		if PriorityRank(p) > PriorityRank(d.Priority) {
			d.Priority = p
		}
	}
	var standing []evidence.Hit
	for _, h := range hits {
		if h.Reason != evidence.SuppressedByDisposition {
			standing = append(standing, h)
		}
	}
	d.Reasons = evidence.ReasonsOf(standing)
	return d
}
