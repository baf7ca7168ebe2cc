package lists

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	f, err := os.Open(path)
	if err != nil {
		return Format{}, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Format{}, fmt.Errorf("%s: %w", path, err)
	}
	head = bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf"))
	base := strings.ToLower(filepath.Base(path))
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

// companionFile reports whether a file is read as part of another (OFAC's
// add.csv beside sdn.csv), so LoadDir does not load it on its own. Readers
// that pull in companions list their names here.
var companionFiles = map[string]bool{}

// LoadDir loads every recognised list file below dir, in sorted path order.
// Files no format recognises are skipped, and so are documentation files.
func LoadDir(ctx context.Context, dir string) ([]*List, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []*List
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		base := strings.ToLower(filepath.Base(p))
		if companionFiles[base] || strings.HasSuffix(base, ".md") || strings.HasPrefix(base, ".") {
			continue
		}
		if _, err := Detect(p); err != nil {
			if errors.Is(err, ErrUnknownFormat) {
				continue
			}
			return nil, err
		}
		l, err := Load(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no list files recognised", dir)
	}
	return out, nil
}
