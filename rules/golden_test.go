package rules

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"strconv"
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

var update = flag.Bool("update", false, "update golden files")

// TestGoldenShipments screens hand-written shipments (testdata/shipments.csv:
// one per rule and boundary, names and codes as clerks write them) and
// compares every hit and decision with testdata/shipments.hits.jsonl, so a
// change in any rule, score, legal basis or explanation shows in review.
// Refresh with: go test ./rules -run Golden -update
func TestGoldenShipments(t *testing.T) {
	f, err := os.Open("testdata/shipments.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	e := mustEngine(t, nil)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	for i, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[col["value_eur"]], 64)
		if err != nil {
			t.Fatalf("testdata/shipments.csv: row %d, column value_eur: %v", i+1, err)
		}
		s := &evidence.Shipment{Row: int64(i), ShipmentID: r[col["shipment_id"]], ExporterCountry: r[col["exporter_country"]],
			ConsigneeName: r[col["consignee_name"]], ConsigneeCountry: r[col["consignee_country"]],
			EndUserName: r[col["end_user_name"]], EndUserCountry: r[col["end_user_country"]],
			Destination: r[col["destination_country"]], Goods: r[col["goods_description"]],
			ControlCode: r[col["control_code"]], ValueEUR: v, HasValue: true}
		hits := e.Check(s, nil)
		if hits == nil {
			hits = []evidence.Hit{} // "hits": [] rather than null, as sinks write it
		}
		evidence.SortHits(hits)
		d := e.Policy().Decide(s, hits)
		if err := enc.Encode(struct {
			ShipmentID string            `json:"shipment_id"`
			Flagged    bool              `json:"flagged"`
			RiskScore  float64           `json:"risk_score"`
			Priority   evidence.Priority `json:"priority"`
			Reasons    []evidence.Reason `json:"reasons"`
			Hits       []evidence.Hit    `json:"hits"`
		}{s.ShipmentID, d.Flagged, d.RiskScore, d.Priority, d.Reasons, hits}); err != nil {
			t.Fatal(err)
		}
	}
	const golden = "testdata/shipments.hits.jsonl"
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		gotLines, wantLines := bytes.Split(out.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(gotLines) && i < len(wantLines); i++ {
			if !bytes.Equal(gotLines[i], wantLines[i]) {
				t.Fatalf("%s line %d differs:\n got %s\nwant %s\n(run with -update after reviewing)", golden, i+1, gotLines[i], wantLines[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", golden, len(gotLines), len(wantLines))
	}
}
