package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

var featureEntries = []*lists.Entry{
	{List: "ofac_sdn", ID: "7001", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "KHAZAR STEEL CO."}}},
	{List: "ofac_sdn", ID: "7002", Type: lists.TypePerson, Names: []lists.Name{{Value: "AL-ADNANI, Muhammad"}}},
	{List: "un_sc", ID: "QDe.115", Type: lists.TypeOrganisation, Names: []lists.Name{{Value: "GLOBAL RELIEF FOUNDATION"}}},
}

// Features are collected for every candidate, the training rows are the
// positive's target and the innocent's best name, and the CSV reads back
// as written.
func TestCollectFeaturesRoundTrip(t *testing.T) {
	m := matchers.NewAligned(featureEntries, matchers.Options{Threshold: FeatureFloor})
	pairs := []Pair{
		{Query: "Khazar Steel Company", Targets: []string{"ofac_sdn:7001"}, Label: true, Source: "alias-loo"},
		{Query: "Global Relief Trust Inc.", Label: false, Source: "innocent"},
	}
	rows, err := CollectFeatures(t.Context(), m, pairs)
	if err != nil {
		t.Fatal(err)
	}
	train := map[int]FeatureRow{}
	for _, r := range rows {
		if r.Train {
			if _, dup := train[r.Pair]; dup {
				t.Errorf("pair %d has two training rows", r.Pair)
			}
			train[r.Pair] = r
		}
	}
	if r, ok := train[0]; !ok || !r.Target || r.Entry != "ofac_sdn:7001" || !r.Label {
		t.Errorf("positive's training row: %+v", r)
	}
	if r, ok := train[1]; !ok || r.Label || r.Entry != "un_sc:QDe.115" || r.Features[matchers.FeatQueryLeft] == 0 {
		t.Errorf("innocent's training row: %+v", r)
	}
	var buf bytes.Buffer
	if err := WriteFeaturesCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "f.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFeaturesCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(rows) {
		t.Fatalf("read %d rows, wrote %d", len(back), len(rows))
	}
	for i := range rows {
		a, b := rows[i], back[i]
		if a.Pair != b.Pair || a.Query != b.Query || a.Name != b.Name || a.Train != b.Train || a.Target != b.Target || a.Label != b.Label {
			t.Errorf("row %d: wrote %+v, read %+v", i, a, b)
		}
		for k := range a.Features {
			if d := a.Features[k] - b.Features[k]; d > 1e-6 || d < -1e-6 {
				t.Errorf("row %d feature %s: wrote %v, read %v", i, matchers.FeatureNames[k], a.Features[k], b.Features[k])
			}
		}
	}
	// a bad cell is reported with its line and column
	bad := strings.Replace(buf.String(), "\n1,", "\nx,", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFeaturesCSV(path); err == nil || !strings.Contains(err.Error(), `column "pair"`) || !strings.Contains(err.Error(), "line ") {
		t.Errorf("bad pair number: %v", err)
	}
}

func TestCutFlagging(t *testing.T) {
	ps := []float64{0.99, 0.9, 0.9, 0.7, 0.2}
	for _, tc := range []struct {
		k    int
		want float64
	}{{0, 0.995}, {1, 0.945}, {2, 0.945}, {3, 0.8}, {9, 0.45}} {
		got, err := cutFlagging(ps, tc.k)
		if err != nil || got < tc.want-1e-12 || got > tc.want+1e-12 {
			t.Errorf("cut for %d flagged = %v, %v; want %v", tc.k, got, err, tc.want)
		}
		n := 0
		for _, p := range ps {
			if p >= got {
				n++
			}
		}
		if n > tc.k {
			t.Errorf("cut %v flags %d, more than %d", got, n, tc.k)
		}
	}
	if _, err := cutFlagging(nil, 3); err == nil {
		t.Error("no innocents: want an error")
	}
}
