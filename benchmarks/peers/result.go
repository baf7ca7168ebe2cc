// Package peers runs each tool a user could screen a batch with on the same
// Parquet file and the same lists: dualscreen end to end, the naive
// all-pairs Jaro-Winkler baseline in Go, and DuckDB's jaro_winkler_similarity
// join. Each run reports its phases' wall time and, per screened name, the
// list entries it flagged, so quality is counted the same way for all.
package peers

import (
	"encoding/json"
	"os"
)

// Hit is one list entry a peer flagged for a party name.
type Hit struct {
	List    string  `json:"list"`
	EntryID string  `json:"entry_id"`
	Score   float64 `json:"score"`
}

// Result is one peer run.
type Result struct {
	Peer    string `json:"peer"`
	Threads int    `json:"threads"` // GOMAXPROCS or DuckDB threads
	// Rows and Distinct describe the batch: shipments and distinct party
	// names (consignee and end user).
	Rows     int64 `json:"rows"`
	Distinct int   `json:"distinct"`
	// Screened is how many distinct names were matched: Distinct, or the
	// sample size when the peer ran on a sample.
	Screened  int  `json:"screened"`
	Sampled   bool `json:"sampled"`
	ListNames int  `json:"list_names"`
	// Phases, in seconds. SetupSec loads and indexes the lists (or the list
	// table); ScanSec reads the batch's names; MatchSec matches the
	// screened names; WriteSec writes the flagged Parquet. Peers that do
	// everything in one pass (dualscreen) report it in MatchSec.
	SetupSec float64 `json:"setup_sec"`
	ScanSec  float64 `json:"scan_sec"`
	MatchSec float64 `json:"match_sec"`
	WriteSec float64 `json:"write_sec"`
	WallSec  float64 `json:"wall_sec"` // measured, whole process
	// EstFullSec is the wall time the whole batch would take: WallSec when
	// not sampled, otherwise MatchSec scaled by Distinct/Screened plus the
	// other phases.
	EstFullSec  float64 `json:"est_full_sec"`
	FlaggedRows int64   `json:"flagged_rows"` // rows written to the flagged output (-1 when not known)
	PeakRSSKiB  int64   `json:"peak_rss_kib"` // VmHWM of the peer process (see cmd/dsbench/rss.go)
	// CPUSec is user+system CPU time of the whole process (rusage), filled
	// by the parent. On a shared machine wall time depends on the other
	// load; CPU time much less so.
	CPUSec float64 `json:"cpu_sec"`
	// Hits maps every screened name with at least one hit to its hits.
	Hits map[string][]Hit `json:"hits"`
	// ScreenedNames lists the screened names when Sampled (quality is
	// counted over them only).
	ScreenedNames []string `json:"screened_names,omitempty"`
}

// Finish fills EstFullSec.
func (r *Result) Finish() {
	r.EstFullSec = r.WallSec
	if r.Sampled && r.Screened > 0 {
		r.EstFullSec = r.WallSec - r.MatchSec + r.MatchSec*float64(r.Distinct)/float64(r.Screened)
	}
}

// Save writes r as JSON.
func (r *Result) Save(path string) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Load reads a Result written by Save.
func Load(path string) (*Result, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Result
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	return &r, nil
}
