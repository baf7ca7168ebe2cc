package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

// TestScreenAgainstRealUNList screens a few shipments against the real UN
// Security Council list in the shared data folder (skipped when absent):
// a misspelt KOMID must come back as UN entry KPe.001, and an ordinary
// British instruments maker must not be flagged.
func TestScreenAgainstRealUNList(t *testing.T) {
	un := testutil.SharedData(t, "restricted_parties/un_sc/UN_consolidated.xml")
	dir := t.TempDir()
	type row struct {
		ID          string `parquet:"shipment_id,plain"`
		Consignee   string `parquet:"consignee_name,plain"`
		Country     string `parquet:"consignee_country,plain"`
		Destination string `parquet:"destination_country,plain"`
		Goods       string `parquet:"goods_description,plain"`
		CN          string `parquet:"cn_code,plain"`
	}
	var buf bytes.Buffer
	err := pq.Write(&buf, []row{
		{"UN-1", "Korea Mining Development Trading Corp.", "CN", "CN", "Ball bearings, steel", "84821010"},
		{"UN-2", "Harrington Instruments Ltd", "GB", "GB", "Ball bearings, steel", "84821010"},
	})
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "shipments.parquet")
	os.WriteFile(in, buf.Bytes(), 0o644)
	out := filepath.Join(dir, "flagged.jsonl")
	e, stdout, _ := testEnv()
	if err := run(t.Context(), e, []string{"screen", "--shipments", in, "--list", un, "--out", out}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d flagged rows, want 1:\n%s", len(lines), b)
	}
	var r struct {
		ShipmentID string `json:"shipment_id"`
		Hits       []struct {
			Reason  string `json:"reason"`
			List    string `json:"list"`
			EntryID string `json:"entry_id"`
		} `json:"hits"`
	}
	json.Unmarshal([]byte(lines[0]), &r)
	found := false
	for _, h := range r.Hits {
		found = found || (h.Reason == "PARTY_MATCH" && h.List == "un_sc" && h.EntryID == "KPe.001")
	}
	if r.ShipmentID != "UN-1" || !found {
		t.Errorf("flagged %s with hits %+v, want UN-1 matching un_sc KPe.001", r.ShipmentID, r.Hits)
	}
	if !strings.Contains(stdout.String(), "un_sc") {
		t.Errorf("summary does not name the UN list:\n%s", stdout)
	}
}
