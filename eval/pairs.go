// Package eval measures name matchers on labelled pairs: precision, recall,
// F1, candidate recall, a threshold table and precision-recall curves, for
// several matchers side by side. It also derives a development set from
// real list data (devset.go): cross-publisher pairs linked by shared
// identifiers, alias leave-one-out, and innocent company names.
//
// It sits beside the pipeline, not in it: `dualscreen eval` calls it, and
// researchers can call it from Go.
package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Pair is one labelled query. A positive pair (Label true) expects one of
// Targets to be found; a negative pair expects nothing to be found (Targets
// empty: an innocent name) or Targets not to be found.
type Pair struct {
	Query   string
	Country string // ISO2 where known; supporting evidence for the matcher
	// Targets are list entry keys ("ofac_sdn:12345") or, for a pair written
	// by hand, a candidate name (any entry whose matched name normalises to
	// it counts).
	Targets []string
	Label   bool
	Source  string // how the pair was made: "cross-id", "alias-loo", "innocent", "file"
	HeldOut bool   // kept out of all tuning
	// SplitKey is the key the tuning halves are cut by (Part) when it is
	// not Targets[0]: a derived pair that lost a target to the development
	// set's audit keeps the half it was cut into before, so figures before
	// and after the audit compare the same pairs less the removed ones.
	SplitKey string
}

// EntryKey is how pairs name a list entry: "list:id".
func EntryKey(list, id string) string { return list + ":" + id }

// ErrPairs marks a malformed pairs file.
var ErrPairs = errors.New("bad pairs file")

// ReadPairsCSV reads labelled pairs: a header with at least the columns
// query, target and label (in any order), optionally country, source and
// split ("heldout" marks held-out pairs). target holds one or more entry
// keys or names separated by "|", empty for an innocent name. label is
// 1/0, true/false, yes/no or match/nonmatch.
func ReadPairsCSV(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readPairs(path, f)
}

func readPairs(path string, r io.Reader) ([]Pair, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: %w: %v", path, ErrPairs, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"query", "target", "label"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: line 1: %w: missing column %q (have %s)", path, ErrPairs, need, strings.Join(head, ","))
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Pair
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %v", path, ErrPairs, err)
		}
		p := Pair{Query: get(rec, "query"), Country: get(rec, "country"), Source: get(rec, "source")}
		if p.Query == "" {
			return nil, fmt.Errorf("%s: line %d, column query: %w: empty query", path, line, ErrPairs)
		}
		switch strings.ToLower(get(rec, "label")) {
		case "1", "true", "yes", "match", "y", "t":
			p.Label = true
		case "0", "false", "no", "nonmatch", "non-match", "n", "f":
		default:
			return nil, fmt.Errorf("%s: line %d, column label: %w: %q is not 1/0", path, line, ErrPairs, get(rec, "label"))
		}
		if t := get(rec, "target"); t != "" {
			for _, x := range strings.Split(t, "|") {
				if x = strings.TrimSpace(x); x != "" {
					p.Targets = append(p.Targets, x)
				}
			}
		}
		if p.Label && len(p.Targets) == 0 {
			return nil, fmt.Errorf("%s: line %d, column target: %w: a positive pair needs a target", path, line, ErrPairs)
		}
		p.HeldOut = strings.EqualFold(get(rec, "split"), "heldout")
		if p.Source == "" {
			p.Source = "file"
		}
		out = append(out, p)
	}
	return out, nil
}

// WritePairsCSV writes pairs in the format ReadPairsCSV reads.
func WritePairsCSV(w io.Writer, pairs []Pair) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"query", "target", "label", "country", "source", "split"}); err != nil {
		return err
	}
	for _, p := range pairs {
		label, split := "0", "tune"
		if p.Label {
			label = "1"
		}
		if p.HeldOut {
			split = "heldout"
		}
		if err := cw.Write([]string{p.Query, strings.Join(p.Targets, "|"), label, p.Country, p.Source, split}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
