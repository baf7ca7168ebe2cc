package eval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"

	"github.com/dualscreen/dualscreen/matchers"
)

// FeatureFloor is the lowest hand-made score of the candidate names whose
// features are written: the learned score re-scores only names at or
// above it (matchers.LearnedScore.From), so the far tail of every query's
// candidates, which no score of this kind lifts to a flag, stays out of
// the file and out of the fit.
const FeatureFloor = 0.3

// FeatureRow is one candidate name of one pair with its features.
type FeatureRow struct {
	Pair   int // the pair's position in the file's pairs
	Split  string
	Source string
	Label  bool // the pair's label: a positive, or an innocent
	Query  string
	Entry  string // EntryKey of the candidate
	Name   string // the candidate name
	Target bool   // the candidate is one of the pair's targets
	// Train marks the row a fit reads: a positive's best-scoring target
	// name, an innocent's best-scoring name.
	Train    bool
	Features matchers.Features
}

// Score is the row's hand-made score.
func (r *FeatureRow) Score() float64 { return r.Features[matchers.FeatScore] }

// CollectFeatures scores every candidate name of every pair with m and
// returns the rows at or above FeatureFloor, in pair order, on all cores.
func CollectFeatures(ctx context.Context, m *matchers.Aligned, pairs []Pair) ([]FeatureRow, error) {
	per := make([][]FeatureRow, len(pairs))
	err := eachPair(ctx, len(pairs), func() func(int) {
		return func(i int) { per[i] = pairFeatures(m, i, &pairs[i]) }
	})
	var out []FeatureRow
	for _, rs := range per {
		out = append(out, rs...)
	}
	return out, err
}

func pairFeatures(m *matchers.Aligned, i int, p *Pair) []FeatureRow {
	var rows []FeatureRow
	q := matchers.Query{Name: p.Query, Country: p.Country}
	m.ScoreCandidates(q, FeatureFloor, func(sn matchers.ScoredName) {
		name := sn.Entry.Names[sn.NameIndex].Value
		rows = append(rows, FeatureRow{
			Pair: i, Split: Part(*p), Source: p.Source, Label: p.Label, Query: p.Query,
			Entry: EntryKey(sn.Entry.List, sn.Entry.ID), Name: name,
			Target:   isTarget(p, sn.Entry, name),
			Features: sn.Features,
		})
	})
	best := -1
	for k := range rows {
		if p.Label && !rows[k].Target {
			continue
		}
		if best < 0 || rows[k].Score() > rows[best].Score() {
			best = k
		}
	}
	if best >= 0 {
		rows[best].Train = true
	}
	return rows
}

var featureHeader = append([]string{"pair", "split", "source", "label", "query", "entry", "name", "target", "train"}, matchers.FeatureNames[:]...)

// WriteFeaturesCSV writes rows as CSV with a header; features with six
// decimals, so a fit read back from the file is the fit of these rows.
func WriteFeaturesCSV(w io.Writer, rows []FeatureRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(featureHeader); err != nil {
		return err
	}
	b := func(v bool) string {
		if v {
			return "1"
		}
		return "0"
	}
	rec := make([]string, len(featureHeader))
	for _, r := range rows {
		rec = append(rec[:0], strconv.Itoa(r.Pair), r.Split, r.Source, b(r.Label), r.Query, r.Entry, r.Name, b(r.Target), b(r.Train))
		for _, v := range r.Features {
			rec = append(rec, strconv.FormatFloat(v, 'f', 6, 64))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadFeaturesCSV reads a file WriteFeaturesCSV wrote. Errors name the
// file, the line and the column.
func ReadFeaturesCSV(path string) ([]FeatureRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = len(featureHeader)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	if !slices.Equal(head, featureHeader) {
		return nil, fmt.Errorf("%s: line 1: header %q, want %q (written by another version?)", path, head, featureHeader)
	}
	var rows []FeatureRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		bad := func(col int, e error) error {
			return fmt.Errorf("%s: line %d: column %q: %w", path, line, featureHeader[col], e)
		}
		flag := func(col int) (bool, error) {
			switch rec[col] {
			case "0":
				return false, nil
			case "1":
				return true, nil
			}
			return false, bad(col, fmt.Errorf("%q is not 0 or 1", rec[col]))
		}
		var r FeatureRow
		if r.Pair, err = strconv.Atoi(rec[0]); err != nil || r.Pair < 0 {
			return nil, bad(0, fmt.Errorf("%q is not a pair number", rec[0]))
		}
		r.Split, r.Source, r.Query, r.Entry, r.Name = rec[1], rec[2], rec[4], rec[5], rec[6]
		for _, c := range []struct {
			col int
			p   *bool
		}{{3, &r.Label}, {7, &r.Target}, {8, &r.Train}} {
			if *c.p, err = flag(c.col); err != nil {
				return nil, err
			}
		}
		for k := range r.Features {
			col := 9 + k
			if r.Features[k], err = strconv.ParseFloat(rec[col], 64); err != nil {
				return nil, bad(col, err)
			}
		}
		rows = append(rows, r)
	}
}
