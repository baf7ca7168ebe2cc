package lists

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// ErrUnknownFormat is returned when no reader recognises a file.
var ErrUnknownFormat = errors.New("unknown list format")

// Format is one list format: its registry name, a summary for --help, the
// list id its entries get, how to recognise it and how to read it.
type Format struct {
	Name    string // used in --list NAME=FILE
	Summary string
	ListID  string
	// Detect reports whether the file looks like this format, from its base
	// name and its first bytes (at most 4 KiB).
	Detect func(base string, head []byte) bool
	// Read reads the file (and any companion files beside it).
	Read func(ctx context.Context, path string) (*List, error)
}

// Formats is the one table of list formats, in detection order: specific
// formats before general ones. `dualscreen lists --help` is generated from it.
var Formats = []Format{
	{
		Name:    "ofac-sdn-csv",
		Summary: "OFAC SDN legacy CSV (sdn.csv, headerless, -0- null) with add.csv, alt.csv, sdn_comments.csv beside it",
		ListID:  "ofac_sdn",
		Detect:  detectOFACSDN,
		Read:    ReadOFACSDN,
	},
	{
		Name:    "ofac-cons-csv",
		Summary: "OFAC consolidated non-SDN legacy CSV (cons_prim.csv) with cons_add.csv, cons_alt.csv, cons_comments.csv",
		ListID:  "ofac_cons",
		Detect:  detectOFACCons,
		Read:    ReadOFACCons,
	},
	{
		Name:    "ofac-enhanced-xml",
		Summary: "OFAC Enhanced XML (SDN_ENHANCED.XML, CONS_ENHANCED.XML; plain or zipped)",
		ListID:  "ofac_sdn",
		Detect:  detectOFACEnhancedXML,
		Read:    ReadOFACEnhancedXML,
	},
	{
		Name:    "eu-fsf-xml",
		Summary: "EU Financial Sanctions Files consolidated list XML (xmlFullSanctionsList_1_1: export of sanctionEntity)",
		ListID:  "eu_fsf",
		Detect:  detectEUFSFXML,
		Read:    ReadEUFSFXML,
	},
	{
		Name:    "eu-fsf-csv",
		Summary: "EU Financial Sanctions Files consolidated list CSV (';'-separated, one row per alias/address/..., Entity_LogicalId)",
		ListID:  "eu_fsf",
		Detect:  detectEUFSFCSV,
		Read:    ReadEUFSFCSV,
	},
	{
		Name:    "uk-fcdo-csv",
		Summary: "FCDO UK Sanctions List CSV (UK-Sanctions-List.csv: Unique ID, Name 1..6, Name type, Alias strength, ...)",
		ListID:  "uk_fcdo",
		Detect:  detectUKFCDOCSV,
		Read:    ReadUKFCDOCSV,
	},
	{
		Name:    "uk-ofsi-csv",
		Summary: "OFSI Consolidated List CSV (ConList.csv: Name 6, Name 1..5, Alias Type, Alias Quality, ..., Group ID)",
		ListID:  "uk_ofsi",
		Detect:  detectUKOFSICSV,
		Read:    ReadUKOFSICSV,
	},
	{
		Name:    "un-xml",
		Summary: "UN Security Council Consolidated List XML (CONSOLIDATED_LIST of INDIVIDUAL and ENTITY)",
		ListID:  "un_sc",
		Detect:  detectUNXML,
		Read:    ReadUNXML,
	},
	{
		Name:    "us-csl-csv",
		Summary: "US Consolidated Screening List CSV from trade.gov (header _id,source,entity_number,...; .csv.gz accepted)",
		ListID:  "us_csl",
		Detect:  detectUSCSLCSV,
		Read:    ReadUSCSLCSV,
	},
	{
		Name:    "us-csl-json",
		Summary: "US Consolidated Screening List JSON from trade.gov ({\"results\": [...]} or an array of records)",
		ListID:  "us_csl",
		Detect:  detectUSCSLJSON,
		Read:    ReadUSCSLJSON,
	},
	{
		Name:    "eu-journal-csv",
		Summary: "EU Official Journal sanctions transcription CSV (OpenSanctions journal_sanctions, 47 columns, one file per CELEX act)",
		ListID:  "eu_journal",
		Detect:  detectEUJournalCSV,
		Read:    ReadEUJournalCSV,
	},
	{
		Name:    "bis-dpl",
		Summary: "BIS Denied Persons List, tab-delimited text with header Name, Street_Address, ... FR_Citation",
		ListID:  "us_bis_dpl",
		Detect:  detectBISDPL,
		Read:    ReadBISDPL,
	},
	{
		Name:    "ftm-json",
		Summary: "OpenSanctions FollowTheMoney JSON lines: entities.ftm.json, or entities.delta.json with ADD/MOD/DEL",
		ListID:  "opensanctions",
		Detect:  detectFtM,
		Read:    ReadFtM,
	},
	{
		Name:    "os-targets-csv",
		Summary: "OpenSanctions targets.simple.csv (header id,schema,name,aliases,birth_date,countries,...)",
		ListID:  "opensanctions",
		Detect:  detectOSTargetsCSV,
		Read:    ReadOSTargetsCSV,
	},
	{
		Name:    "os-curated-csv",
		Summary: "OpenSanctions curated CSVs of small official lists, by header: BIS MIEU, DoD 1260H, DoD 1286, China countersanctions, Cuba Restricted List (list id per file)",
		Detect:  detectOSCuratedCSV,
		Read:    ReadOSCuratedCSV,
	},
	{
		Name:    "inhouse-csv",
		Summary: "in-house CSV with header id,name,aliases,type,countries,programs,notes (aliases and lists split on ';')",
		ListID:  "inhouse",
		Detect:  detectInhouseCSV,
		Read:    ReadInhouseCSV,
	},
}

// FormatByName returns the format with the given registry name.
func FormatByName(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Detect returns the format of the file at path.
func Detect(path string) (Format, error) {
	head, err := peekHead(path, 4096)
	if err != nil {
		return Format{}, fmt.Errorf("%s: %w", path, err)
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	// A compressed file is recognised by the name it has unpacked.
	base := strings.TrimSuffix(strings.ToLower(filepath.Base(path)), ".gz")
	for _, fm := range Formats {
		if fm.Detect(base, head) {
			return fm, nil
		}
	}
	return Format{}, fmt.Errorf("%s: %w (name it with --list FORMAT=FILE; formats: %s)", path, ErrUnknownFormat, strings.Join(FormatNames(), ", "))
}

// FormatNames lists the registry names in table order.
func FormatNames() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// Load reads one list given as FILE or FORMAT=FILE.
func Load(ctx context.Context, spec string) (*List, error) {
	path := spec
	var fm Format
	if name, file, ok := strings.Cut(spec, "="); ok {
		if f, found := FormatByName(name); found {
			fm, path = f, file
		}
	}
	if fm.Name == "" {
		if _, err := os.Stat(path); err != nil {
			return nil, err
		}
		var err error
		if fm, err = Detect(path); err != nil {
			return nil, err
		}
	}
	l, err := fm.Read(ctx, path)
	if err != nil {
		return nil, err
	}
	if l.Format == "" {
		l.Format = fm.Name
	}
	if l.ID == "" {
		l.ID = fm.ListID
	}
	return l, nil
}

// companionFiles are read as part of another file (OFAC's add.csv beside
// sdn.csv), so LoadDir does not load them on their own. Readers that pull in
// companions list their names here, lower case.
var companionFiles = map[string]bool{
	ofacSDNLayout.add: true, ofacSDNLayout.alt: true, ofacSDNLayout.comments: true,
	ofacConsLayout.add: true, ofacConsLayout.alt: true, ofacConsLayout.comments: true,
}

// skippedDirs hold older snapshots kept beside the current file (for delta
// tests); loading them too would screen against two versions of one list.
var skippedDirs = map[string]bool{"history": true, "archive": true}

// isDocFile reports files that document a list folder rather than hold
// one: PROVENANCE.md, FORMAT.md, README files.
func isDocFile(base string) bool {
	for _, ext := range []string{".md", ".markdown", ".rst", ".html", ".pdf"} {
		if strings.HasSuffix(base, ext) {
			return true
		}
	}
	return strings.HasPrefix(base, "readme") || strings.HasPrefix(base, "provenance") || strings.HasPrefix(base, "license") ||
		base == "manifest.json" // written by lists/fetch
}

// DirFile is one file found by ScanDir: the format that will read it, or
// why it is skipped.
type DirFile struct {
	Path   string
	Format string // registry name; "" when skipped
	Skip   string // why the file is not loaded on its own; "" when loaded
}

// ScanDir walks dir and says, in sorted path order, which format reads each
// file and why the others are skipped (companion file, documentation, older
// snapshot, unknown format). Hidden files and folders are ignored.
func ScanDir(ctx context.Context, dir string) ([]DirFile, error) {
	var paths []string
	var out []DirFile
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if p != dir && skippedDirs[strings.ToLower(d.Name())] {
				out = append(out, DirFile{Path: p, Skip: "older snapshots folder"})
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasPrefix(d.Name(), ".") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		base := strings.ToLower(filepath.Base(p))
		switch {
		case companionFiles[base]:
			out = append(out, DirFile{Path: p, Skip: "companion file, read with its primary file"})
			continue
		case isDocFile(base):
			out = append(out, DirFile{Path: p, Skip: "documentation"})
			continue
		}
		fm, err := Detect(p)
		if err != nil {
			if errors.Is(err, ErrUnknownFormat) {
				out = append(out, DirFile{Path: p, Skip: "no format recognises it"})
				continue
			}
			return nil, err
		}
		out = append(out, DirFile{Path: p, Format: fm.Name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// LoadDir loads every recognised list file below dir, in sorted path order.
// Companion files, documentation, older-snapshot folders and files no
// format recognises are skipped (ScanDir says which and why). Files are
// read in parallel, one per CPU, since each reader is single-threaded; the
// result is in path order whatever the timing, and on failure the error of
// the first failing file in path order is returned.
func LoadDir(ctx context.Context, dir string) ([]*List, error) {
	files, err := ScanDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	var specs []string
	for _, f := range files {
		if f.Format != "" {
			specs = append(specs, f.Format+"="+f.Path)
		}
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("%s: no list files recognised", dir)
	}
	out := make([]*List, len(specs))
	errs := make([]error, len(specs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(specs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = Load(ctx, specs[i])
			}
		}()
	}
	for i := range specs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return mergeDeltas(out), nil
}

// mergeDeltas folds the FollowTheMoney files of one folder into one list:
// the exports first, then the entities.delta.json files in name order
// (OpenSanctions names them by timestamp). The result is the list after
// those changes, so an entity a delta deletes is not screened against. The
// merged list takes the place of the folder's first FtM file.
func mergeDeltas(ls []*List) []*List {
	isDelta := func(l *List) bool { return strings.Contains(strings.ToLower(filepath.Base(l.Files[0])), "delta") }
	groups := map[string][]*List{}
	for _, l := range ls {
		if l.Format == "ftm-json" {
			dir := filepath.Dir(l.Files[0])
			groups[dir] = append(groups[dir], l)
		}
	}
	var out []*List
	for _, l := range ls {
		if l.Format != "ftm-json" {
			out = append(out, l)
			continue
		}
		dir := filepath.Dir(l.Files[0])
		g, ok := groups[dir]
		if !ok {
			continue // already merged
		}
		delete(groups, dir)
		sort.SliceStable(g, func(i, j int) bool { return !isDelta(g[i]) && isDelta(g[j]) })
		for _, d := range g[1:] {
			g[0].Apply(d)
		}
		out = append(out, g[0])
	}
	return out
}
