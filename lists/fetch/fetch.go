// Package fetch downloads the official restricted-party lists from their
// published URLs into one folder that `dualscreen screen --lists DIR` reads,
// and records what it fetched in a manifest (manifest.json).
//
// A run asks each source only for what changed (ETag / If-Modified-Since
// from the previous manifest), refuses anything but HTTPS, caps each
// download, and replaces a file only once the new copy is complete and
// recognised as a list: a failed or truncated download, or an HTML error
// page, leaves the previous file in place. Screening never needs this
// package; it exists so analysts can refresh their lists in one command.
package fetch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dualscreen/dualscreen/lists"
)

// Source is one file to download: a name for messages and the manifest,
// its published URL and the file name it is saved under in the folder.
// File names matter: OFAC's legacy CSV companions are found by name.
type Source struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	File string `json:"file"`
}

// DefaultSources are the official publication URLs, as the publishers
// document them. OpenSanctions exports are not here (their data licence is
// non-commercial by default); add them with a sources file.
var DefaultSources = []Source{
	{"ofac_sdn", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV", "sdn.csv"},
	{"ofac_sdn_add", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV", "add.csv"},
	{"ofac_sdn_alt", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV", "alt.csv"},
	{"ofac_sdn_comments", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV", "sdn_comments.csv"},
	{"ofac_cons", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV", "cons_prim.csv"},
	{"ofac_cons_add", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV", "cons_add.csv"},
	{"ofac_cons_alt", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV", "cons_alt.csv"},
	{"ofac_cons_comments", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV", "cons_comments.csv"},
	{"un_sc", "https://scsanctions.un.org/resources/xml/en/consolidated.xml", "un_consolidated.xml"},
	{"eu_fsf", "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw", "eu_fsf.xml"},
	{"uk_ofsi", "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv", "ConList.csv"},
	{"uk_fcdo", "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv", "UK-Sanctions-List.csv"},
	{"us_csl", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv", "us_csl.csv"},
	{"us_bis_dpl", "https://www.bis.doc.gov/dpl/dpl.txt", "dpl.txt"},
}

// ReadSources reads a sources table: one source per line, "NAME URL FILE"
// separated by white space; blank lines and lines starting with # are
// ignored.
func ReadSources(r io.Reader, name string) ([]Source, error) {
	var out []Source
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s: line %d: want NAME URL FILE, got %d fields", name, line, len(f))
		}
		out = append(out, Source{Name: f[0], URL: f[1], File: f[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Options configure a fetch.
type Options struct {
	// Dir is the folder the lists are saved in; it is created if missing.
	Dir string
	// Sources to fetch; nil means DefaultSources.
	Sources []Source
	// Client makes the requests; nil means a client with a 2-minute
	// timeout. Tests inject the client of an httptest TLS server.
	Client *http.Client
	// MaxBytes caps each download; 0 means 256 MiB. The largest official
	// file (the EU FSF XML) is about 25 MiB.
	MaxBytes int64
	// Now stamps the manifest; nil means time.Now.
	Now func() time.Time
}

// ManifestFile is the manifest's name inside Dir.
const ManifestFile = "manifest.json"

// Record is one source in the manifest.
type Record struct {
	Name         string    `json:"name"`
	URL          string    `json:"url"`
	File         string    `json:"file"`
	FetchedAt    time.Time `json:"fetched_at"`       // when the current file was downloaded
	CheckedAt    time.Time `json:"checked_at"`       // when the source was last asked
	SHA256       string    `json:"sha256"`           // of the file as saved
	Size         int64     `json:"size"`             // bytes
	Format       string    `json:"format,omitempty"` // registry format that reads it; "" for companion files
	Entries      int       `json:"entries"`          // entries the list holds; 0 for companion files
	ETag         string    `json:"etag,omitempty"`   // for the next conditional request
	LastModified string    `json:"last_modified,omitempty"`
}

// Manifest lists what the folder holds, in source order.
type Manifest struct {
	Records []Record `json:"records"`
}

// Result is what happened to one source in this run.
type Result struct {
	Source      Source
	Status      string // "updated", "not modified" or "failed"
	Err         error  // why it failed; the previous file, if any, is kept
	Bytes       int64
	NotModified bool
}

// Fetch downloads every source into opts.Dir and rewrites the manifest.
// It tries every source even when some fail, and returns an error naming
// the failed ones after writing the manifest for the rest.
func Fetch(ctx context.Context, opts Options) (*Manifest, []Result, error) {
	if opts.Dir == "" {
		return nil, nil, errors.New("fetch: no folder given")
	}
	if opts.Sources == nil {
		opts.Sources = DefaultSources
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 2 * time.Minute}
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 256 << 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := checkSources(opts.Sources); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, nil, err
	}
	old, err := ReadManifest(opts.Dir)
	if err != nil {
		return nil, nil, err
	}
	prev := map[string]Record{}
	for _, r := range old.Records {
		prev[r.File] = r
	}
	client := *opts.Client
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s refused: HTTPS only", req.URL.Redacted())
		}
		if len(via) >= 10 {
			return errors.New("too many redirects")
		}
		return nil
	}
	var results []Result
	m := &Manifest{}
	var failed []string
	for _, s := range opts.Sources {
		if err := ctx.Err(); err != nil {
			return nil, results, err
		}
		rec, res := fetchOne(ctx, &client, s, opts, prev[s.File])
		results = append(results, res)
		if res.Err != nil {
			failed = append(failed, s.Name)
		}
		if rec != nil {
			m.Records = append(m.Records, *rec)
		}
	}
	// Count entries once every file is in place: a legacy OFAC list is read
	// with its companions.
	for i := range m.Records {
		r := &m.Records[i]
		p := filepath.Join(opts.Dir, r.File)
		fm, err := lists.Detect(p)
		if err != nil || isCompanion(r.File) {
			r.Format, r.Entries = "", 0
			continue
		}
		l, err := lists.Load(ctx, fm.Name+"="+p)
		if err != nil {
			return nil, results, fmt.Errorf("fetch: counting entries: %w", err)
		}
		r.Format, r.Entries = fm.Name, len(l.Entries)
	}
	if err := writeManifest(opts.Dir, m); err != nil {
		return nil, results, err
	}
	if len(failed) > 0 {
		return m, results, fmt.Errorf("fetch: %d of %d sources failed: %s", len(failed), len(opts.Sources), strings.Join(failed, ", "))
	}
	return m, results, nil
}

func checkSources(srcs []Source) error {
	files := map[string]bool{}
	for _, s := range srcs {
		u, err := url.Parse(s.URL)
		if err != nil {
			return fmt.Errorf("fetch: source %s: %w", s.Name, err)
		}
		if u.Scheme != "https" {
			return fmt.Errorf("fetch: source %s: %s is not an https URL (HTTPS only)", s.Name, u.Redacted())
		}
		if s.File == "" || s.File != filepath.Base(s.File) || strings.HasPrefix(s.File, ".") || s.File == ManifestFile {
			return fmt.Errorf("fetch: source %s: file name %q must be a plain name inside the folder", s.Name, s.File)
		}
		if files[s.File] {
			return fmt.Errorf("fetch: two sources save to %s", s.File)
		}
		files[s.File] = true
	}
	return nil
}

func isCompanion(file string) bool {
	switch strings.ToLower(file) {
	case "add.csv", "alt.csv", "sdn_comments.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv":
		return true
	}
	return false
}

// fetchOne downloads one source. It returns the manifest record to keep
// (the new one, or the previous one when the source is unchanged or
// failed) and what happened.
func fetchOne(ctx context.Context, client *http.Client, s Source, opts Options, prev Record) (*Record, Result) {
	res := Result{Source: s}
	dst := filepath.Join(opts.Dir, s.File)
	_, statErr := os.Stat(dst)
	havePrev := prev.File != "" && statErr == nil
	keep := func(err error) (*Record, Result) {
		res.Status, res.Err = "failed", fmt.Errorf("%s: %w", s.Name, err)
		if havePrev {
			return &prev, res
		}
		return nil, res
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL, nil)
	if err != nil {
		return keep(err)
	}
	req.Header.Set("User-Agent", "dualscreen-lists-fetch")
	if havePrev {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return keep(err)
	}
	defer resp.Body.Close()
	now := opts.Now().UTC()
	switch {
	case resp.StatusCode == http.StatusNotModified && havePrev:
		prev.CheckedAt = now
		res.Status, res.NotModified = "not modified", true
		return &prev, res
	case resp.StatusCode != http.StatusOK:
		return keep(fmt.Errorf("GET %s: %s", s.URL, resp.Status))
	case resp.ContentLength > opts.MaxBytes:
		return keep(fmt.Errorf("GET %s: %d bytes is over the %d-byte limit", s.URL, resp.ContentLength, opts.MaxBytes))
	}
	// The temporary name keeps the file name at its end: formats are
	// recognised partly by name.
	tmp, err := os.CreateTemp(opts.Dir, ".part-*-"+s.File)
	if err != nil {
		return keep(err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err == nil && n > opts.MaxBytes {
		err = fmt.Errorf("GET %s: body is over the %d-byte limit", s.URL, opts.MaxBytes)
	}
	if err == nil && resp.ContentLength >= 0 && n != resp.ContentLength {
		err = fmt.Errorf("GET %s: got %d of %d bytes", s.URL, n, resp.ContentLength)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return keep(err)
	}
	// A list server that answers with an error page in HTML must not
	// replace a good list. Companion files have no format of their own.
	if !isCompanion(s.File) {
		if err := checkDownload(ctx, tmp.Name()); err != nil {
			return keep(err)
		}
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return keep(err)
	}
	res.Status, res.Bytes = "updated", n
	return &Record{
		Name: s.Name, URL: s.URL, File: s.File, FetchedAt: now, CheckedAt: now,
		SHA256: hex.EncodeToString(h.Sum(nil)), Size: n,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
	}, res
}

// ReadManifest reads Dir/manifest.json; a missing manifest is empty.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if errors.Is(err, os.ErrNotExist) {
		return &Manifest{}, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestFile), err)
	}
	return &m, nil
}

// writeManifest replaces the manifest atomically.
func writeManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+ManifestFile+".*.part")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, ManifestFile))
}

// checkDownload reads the downloaded file in full before it may replace
// the current one. Detection alone looks at the first 4 KiB, so a
// truncated file, or one the publisher emptied by mistake, would pass it
// and then leave the nightly screen with a broken or empty list.
func checkDownload(ctx context.Context, path string) error {
	fm, err := lists.Detect(path)
	if err != nil {
		return fmt.Errorf("downloaded file is not a list this tool reads: %w", err)
	}
	l, err := lists.Load(ctx, fm.Name+"="+path)
	if err != nil {
		return fmt.Errorf("downloaded file does not read as %s: %w", fm.Name, err)
	}
	if len(l.Entries) == 0 && len(l.Removed) == 0 {
		return fmt.Errorf("downloaded %s list holds no entries", fm.Name)
	}
	return nil
}
