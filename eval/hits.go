package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/dualscreen/dualscreen/lists"
)

// screenedHit is the part of an output hit (contract.md) evaluation reads.
type screenedHit struct {
	Reason      string  `json:"reason"`
	List        string  `json:"list"`
	EntryID     string  `json:"entry_id"`
	MatchedName string  `json:"matched_name"`
	QueryName   string  `json:"query_name"`
	Score       float64 `json:"score"`
}

// ReadScreenJSONL reads the party hits of a `dualscreen screen` run written
// as JSON lines (--format jsonl), keyed by query name. Screening reports
// only hits at or above its threshold, so curves from it start there.
func ReadScreenJSONL(path string) (map[string][]screenedHit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]screenedHit{}
	r := bufio.NewReader(f)
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(b) > 0 {
			var rec struct {
				Hits []screenedHit `json:"hits"`
			}
			if jerr := json.Unmarshal(b, &rec); jerr != nil {
				return nil, fmt.Errorf("%s: line %d: %w", path, line, jerr)
			}
			for _, h := range rec.Hits {
				if h.EntryID != "" && h.QueryName != "" {
					out[h.QueryName] = append(out[h.QueryName], h)
				}
			}
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
}

// OutcomesFromHits scores truth pairs from a screening run's hits instead of
// running a matcher.
func OutcomesFromHits(hits map[string][]screenedHit, pairs []Pair) []Outcome {
	out := make([]Outcome, len(pairs))
	for i := range pairs {
		p := &pairs[i]
		for _, h := range hits[p.Query] {
			e := &lists.Entry{List: h.List, ID: h.EntryID, Names: []lists.Name{{Value: h.MatchedName}}}
			if isTarget(p, e, h.MatchedName) {
				out[i].Target = max(out[i].Target, h.Score)
			} else {
				out[i].Other = max(out[i].Other, h.Score)
			}
		}
	}
	return out
}
