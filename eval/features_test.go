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

// The cut keeps the fitting rows' innocents flagged at or under the
// hand-made score's, and a person's row flagged by the hand-made score
// stays flagged when the learned score is for organisations only.
func TestFitLearnedCut(t *testing.T) {
	var rows []FeatureRow
	add := func(pair int, label bool, score, evidence float64, person bool) {
		var f matchers.Features
		f[matchers.FeatScore], f[matchers.FeatEvidence] = score, evidence
		if person {
			f[matchers.FeatPerson] = 1
		}
		rows = append(rows, FeatureRow{Pair: pair, Label: label, Target: label, Train: true, Features: f})
	}
	for i := range 40 {
		v := float64(i) / 40
		add(i, true, 0.6+0.4*v, 0.5+0.5*v, false)  // true pairs: strong evidence
		add(100+i, false, 0.5+0.4*v, 0.6*v, false) // innocents: weaker, some above 0.85
	}
	add(200, false, 0.9, 0.1, true) // an innocent flagged against a person
	hand := 0
	for _, r := range rows {
		if !r.Label && r.Score() >= 0.85 {
			hand++
		}
	}
	fit, err := FitLearned(rows, LearnedOptions{L2: 1, Threshold: 0.85, From: 0.3, OrgsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if fit.HandFlagged != hand || fit.LearnedFlagged > hand || fit.Innocents != 40 || fit.Positives != 40 {
		t.Errorf("fit %+v: hand-made flags %d", fit, hand)
	}
	if fit.Score.Weights[matchers.FeatEvidence] <= 0 || fit.Score.Cut <= 0 || fit.Score.Cut >= 1 || !fit.Score.OrgsOnly {
		t.Errorf("learned score %+v", fit.Score)
	}
	if _, err := FitLearned(rows[:1], LearnedOptions{L2: 1, Threshold: 0.85}); err == nil {
		t.Error("one class only: want an error")
	}
}
