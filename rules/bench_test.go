package rules_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/rules"
)

// benchShipments are n rows shaped like the benchmark batches
// (benchmarks/gen): consignee countries from a spread of trading partners,
// a few embargoed destinations, an end user in 30% of rows, the generator's
// goods lines with and without control codes.
func benchShipments(n int) []evidence.Shipment {
	partners := []string{"US", "CN", "TR", "AE", "IN", "BR", "GB", "CH", "JP", "KR", "SG", "MX", "ZA", "EG", "KZ", "RS", "UA", "VN", "TH", "ID", "MY", "SA", "IL", "PK", "NG", "CA", "AU", "NO", "AR", "CL", "MM", "HK", "RU", "BY", "IR", "SY", "KP"}
	exporters := []string{"DE", "DE", "IT", "FR", "PL", "NL", "SE", "CZ", "ES", "FR", "DE", "IT"}
	goods := []struct{ desc, code string }{
		{"ball bearings, steel", ""}, {"hydraulic pumps", ""}, {"printed circuit assemblies", ""},
		{"laboratory centrifuges", ""}, {"industrial valves, stainless", ""},
		{"frequency changers (inverters) for gas centrifuges", "3A225"}, {"5-axis machine tools, numerical control", "2B001.b"},
		{"network encryption appliances", "5A002.a"}, {"thermal imaging cameras", "6A003.b.4"},
		{"plastic injection moulds", ""}, {"office furniture", ""}, {"spare parts for packaging machines", ""},
		{"optical fibre cable", ""}, {"pressure transducers", "2B230"}, {"surveillance software licences", ""},
	}
	out := make([]evidence.Shipment, n)
	for i := range out {
		c := partners[(i*7)%len(partners)]
		g := goods[(i*11)%len(goods)]
		s := evidence.Shipment{ShipmentID: fmt.Sprintf("B%010d", i), ConsigneeName: "Consignee Trading LLC",
			ConsigneeCountry: c, Destination: c, ExporterCountry: exporters[i%len(exporters)], Goods: g.desc, ControlCode: g.code}
		if i%10 < 3 {
			s.EndUserName, s.EndUserCountry = "End User Co", partners[(i*13+5)%len(partners)]
		}
		out[i] = s
	}
	return out
}

// BenchmarkCheckBatchMix is the rules stage per row: destination measures, goods,
// licences and the end-user country, with the default policy.
func BenchmarkCheckBatchMix(b *testing.B) {
	_, e := defaultEngine(b)
	ships := benchShipments(8192)
	benchCheck(b, e, ships)
}

// BenchmarkDecide is the decision per row over the hits Check gives the
// benchmark mix (a third of the rows flagged, most with one reason).
func BenchmarkDecide(b *testing.B) {
	p, e := defaultEngine(b)
	ships := benchShipments(8192)
	hits := make([][]evidence.Hit, len(ships))
	for i := range ships {
		hits[i] = e.Check(&ships[i], nil)
		evidence.SortHits(hits[i])
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p.Decide(&ships[i%len(ships)], hits[i%len(ships)])
		i++
	}
}

// BenchmarkCheckManyPlaces is Check over 21,600 country combinations
// drawn at random (60 destinations × 60 end-user countries × 6
// exporters), about as many as the 10M-row benchmark batch has (20,512):
// what the place memo's bound costs when a book has more combinations
// than it holds.
func BenchmarkCheckManyPlaces(b *testing.B) {
	_, e := defaultEngine(b)
	iso := []string{"US", "CN", "TR", "AE", "IN", "BR", "GB", "CH", "JP", "KR", "SG", "MX", "ZA", "EG", "KZ", "RS", "UA", "VN", "TH", "ID",
		"MY", "SA", "IL", "PK", "NG", "CA", "AU", "NO", "AR", "CL", "MM", "HK", "RU", "BY", "IR", "SY", "KP", "DZ", "MA", "TN",
		"KE", "ET", "GH", "PE", "CO", "VE", "EC", "UY", "PY", "BO", "NZ", "PH", "BD", "LK", "NP", "QA", "KW", "OM", "BH", "JO"}
	exporters := []string{"DE", "FR", "IT", "NL", "PL", "SE"}
	r := rand.New(rand.NewPCG(5, 6))
	ships := make([]evidence.Shipment, 1<<16)
	for i := range ships {
		d := iso[r.IntN(len(iso))]
		ships[i] = evidence.Shipment{ShipmentID: fmt.Sprint(i), ConsigneeName: "Consignee Trading LLC", ConsigneeCountry: d, Destination: d,
			EndUserName: "End User Co", EndUserCountry: iso[r.IntN(len(iso))], ExporterCountry: exporters[r.IntN(len(exporters))], Goods: "hydraulic pumps"}
	}
	benchCheck(b, e, ships)
}

// defaultEngine is the default policy and its rules engine, as screen
// wires them.
func defaultEngine(b *testing.B) (*rules.Policy, *rules.Engine) {
	b.Helper()
	p, err := rules.DefaultPolicy()
	if err != nil {
		b.Fatal(err)
	}
	e, err := rules.NewEngine(p)
	if err != nil {
		b.Fatal(err)
	}
	return p, e
}

// benchCheck times Check over ships, one row per iteration, reusing the
// hits slice as the rules stage does.
func benchCheck(b *testing.B, e *rules.Engine, ships []evidence.Shipment) {
	b.Helper()
	var dst []evidence.Hit
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dst = e.Check(&ships[i%len(ships)], dst[:0])
		i++
	}
}
