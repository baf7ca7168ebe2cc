package report

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dualscreen/dualscreen/lists"
)

// ManifestVersion is the layout version of manifest.json; it changes only
// when a field changes meaning.
const ManifestVersion = 1

// Manifest is the audit record of one run: what was screened against what,
// with which settings, and what came out. Everything in it is deterministic
// for the same inputs except StartedAt, FinishedAt and Timings.
type Manifest struct {
	ManifestVersion int       `json:"manifest_version"`
	Tool            string    `json:"tool"`
	ToolVersion     string    `json:"tool_version"`
	StartedAt       time.Time `json:"started_at"`
	FinishedAt      time.Time `json:"finished_at"`

	// Config is the effective configuration after defaults: every setting
	// that can change the result. ConfigHash is sha256 of its JSON (keys
	// sorted), so two runs with the same settings have the same hash.
	Config     map[string]any `json:"config"`
	ConfigHash string         `json:"config_hash"`

	Inputs       []FileRecord `json:"inputs"`
	Lists        []ListRecord `json:"lists"`
	Dispositions *FileRecord  `json:"dispositions,omitempty"`
	Output       *FileRecord  `json:"output,omitempty"`
	Report       string       `json:"report,omitempty"`

	Rows            RowCounts         `json:"rows"`
	FlagsByReason   map[string]int64  `json:"flags_by_reason"`
	FlagsByPriority map[string]int64  `json:"flags_by_priority"`
	Disposition     *DispositionStats `json:"disposition_effects,omitempty"`
	Delta           *DeltaRecord      `json:"delta,omitempty"`

	// Sidecars a later --previous run reads: the hashed ids of every
	// shipment screened so far, and every entry's content hash.
	ScreenedIDs *Sidecar `json:"screened_ids,omitempty"`
	EntryHashes *Sidecar `json:"entry_hashes,omitempty"`

	// Timings are wall-clock seconds per phase, in the order they ran.
	Timings []Timing `json:"timings"`
}

// FileRecord identifies a file by content.
type FileRecord struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// ListRecord describes one loaded list.
type ListRecord struct {
	ID       string       `json:"id"`
	Format   string       `json:"format"`
	Date     string       `json:"date,omitempty"`
	Entries  int          `json:"entries"`
	Problems int          `json:"problems"` // rows the reader skipped, with reasons in its report
	Files    []FileRecord `json:"files"`
}

// RowCounts are the run's row totals.
type RowCounts struct {
	Read     int64 `json:"read"`
	Screened int64 `json:"screened"`
	Skipped  int64 `json:"skipped_as_screened_before,omitempty"`
	Flagged  int64 `json:"flagged"`
	Written  int64 `json:"written"`
}

// DispositionStats are what the dispositions did in this run.
type DispositionStats struct {
	Decisions  int   `json:"decisions"`
	Suppressed int64 `json:"hits_suppressed"`
	TrueMatch  int64 `json:"rows_confirmed_true_match"`
	Lapsed     int64 `json:"decisions_lapsed"`
}

// DeltaRecord says how this run related to the previous one.
type DeltaRecord struct {
	Previous       string `json:"previous_manifest"`
	PreviousSHA256 string `json:"previous_manifest_sha256"`
	// Mode is "new-shipments" when the lists were unchanged and only
	// shipments not screened before were screened, "changed-entries" when
	// the lists changed and the parties were re-screened against the added
	// and changed entries only.
	Mode           string `json:"mode"`
	EntriesAdded   int    `json:"entries_added"`
	EntriesChanged int    `json:"entries_changed"`
	EntriesRemoved int    `json:"entries_removed"`
	NewHits        int64  `json:"new_hits"`
}

// Sidecar is a file written beside the manifest; Path is relative to it.
type Sidecar struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Count  int    `json:"count"`
}

// Timing is one phase's duration.
type Timing struct {
	Phase   string  `json:"phase"`
	Seconds float64 `json:"seconds"`
}

// ConfigHash returns sha256 of the JSON encoding of cfg, whose map keys
// encoding/json sorts, so equal settings always hash equally.
func ConfigHash(cfg map[string]any) (string, error) {
	b, err := json.Marshal(cfg)
	if err != nil {
		return "", fmt.Errorf("config hash: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// HashFile returns the path, size and sha256 of a file, streaming it.
func HashFile(ctx context.Context, path string) (FileRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return FileRecord{}, err
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, 1<<20)
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return FileRecord{}, err
		}
		k, err := f.Read(buf)
		h.Write(buf[:k])
		n += int64(k)
		if err == io.EOF {
			break
		}
		if err != nil {
			return FileRecord{}, fmt.Errorf("%s: %w", path, err)
		}
	}
	return FileRecord{Path: path, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// RecordList describes a loaded list, hashing each of its files.
func RecordList(ctx context.Context, l *lists.List) (ListRecord, error) {
	r := ListRecord{ID: l.ID, Format: l.Format, Date: l.Date, Entries: len(l.Entries), Problems: len(l.Problems)}
	for _, p := range l.Files {
		fr, err := HashFile(ctx, p)
		if err != nil {
			return r, fmt.Errorf("list %s: %w", l.ID, err)
		}
		r.Files = append(r.Files, fr)
	}
	return r, nil
}

// SidecarPath returns the path of a sidecar of the manifest at manifestPath:
// manifest.json → manifest.<suffix>.
func SidecarPath(manifestPath, suffix string) string {
	ext := filepath.Ext(manifestPath)
	return manifestPath[:len(manifestPath)-len(ext)] + "." + suffix
}

// ResolveSidecar returns the absolute location of a sidecar named in the manifest at manifestPath.
func ResolveSidecar(manifestPath string, s *Sidecar) string {
	if filepath.IsAbs(s.Path) {
		return s.Path
	}
	return filepath.Join(filepath.Dir(manifestPath), s.Path)
}

// NewSidecar describes a written sidecar relative to the manifest's folder.
func NewSidecar(ctx context.Context, manifestPath, path string, count int) (*Sidecar, error) {
	fr, err := HashFile(ctx, path)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(filepath.Dir(manifestPath), path)
	if err != nil {
		rel = path
	}
	return &Sidecar{Path: filepath.ToSlash(rel), SHA256: fr.SHA256, Count: count}, nil
}

// VerifySidecar checks a sidecar's hash before it is trusted.
func VerifySidecar(ctx context.Context, manifestPath string, s *Sidecar) (string, error) {
	p := ResolveSidecar(manifestPath, s)
	fr, err := HashFile(ctx, p)
	if err != nil {
		return "", err
	}
	if fr.SHA256 != s.SHA256 {
		return "", fmt.Errorf("%s: sha256 %s differs from %s recorded in %s: the file was changed after the run", p, fr.SHA256, s.SHA256, manifestPath)
	}
	return p, nil
}

// WriteManifest writes m as indented JSON atomically, filling ConfigHash.
func WriteManifest(path string, m *Manifest) error {
	if m.ManifestVersion == 0 {
		m.ManifestVersion = ManifestVersion
	}
	if m.Tool == "" {
		m.Tool = "dualscreen"
	}
	h, err := ConfigHash(m.Config)
	if err != nil {
		return err
	}
	m.ConfigHash = h
	if m.FlagsByReason == nil {
		m.FlagsByReason = map[string]int64{}
	}
	if m.FlagsByPriority == nil {
		m.FlagsByPriority = map[string]int64{}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	b = append(b, '\n')
	return writeFileAtomic(path, func(f *os.File) error {
		_, err := f.Write(b)
		return err
	})
}

// ReadManifest reads a manifest written by WriteManifest.
func ReadManifest(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: not a dualscreen manifest: %w", path, err)
	}
	if m.Tool != "dualscreen" || m.ManifestVersion == 0 {
		return nil, fmt.Errorf("%s: not a dualscreen manifest (tool %q, version %d)", path, m.Tool, m.ManifestVersion)
	}
	if m.ManifestVersion > ManifestVersion {
		return nil, fmt.Errorf("%s: manifest version %d is newer than this tool reads (%d)", path, m.ManifestVersion, ManifestVersion)
	}
	return &m, nil
}

// FillCounts copies a collector's totals into the manifest.
func (m *Manifest) FillCounts(s Summary) {
	m.Rows.Flagged = s.Flagged
	m.FlagsByReason = map[string]int64{}
	for _, c := range s.ByReason {
		m.FlagsByReason[c.Key] = c.Count
	}
	m.FlagsByPriority = map[string]int64{}
	for _, c := range s.ByPriority {
		if c.Count > 0 {
			key := c.Key
			if key == "" {
				key = "none"
			}
			m.FlagsByPriority[key] = c.Count
		}
	}
}
