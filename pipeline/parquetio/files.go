package parquetio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dualscreen/dualscreen/pipeline"
)

// inputFile is one Parquet file and the hive partition values of the
// folders it sits in below the directory it was found through.
type inputFile struct {
	path      string
	partition []partitionValue
}

type partitionValue struct{ key, value string }

// expand turns the --shipments arguments into files, in argument order and,
// within a glob or directory, sorted path order, so runs are deterministic.
func expand(specs []string) ([]inputFile, error) {
	var out []inputFile
	for _, spec := range specs {
		if strings.ContainsAny(spec, "*?[") {
			matches, err := filepath.Glob(spec)
			if err != nil {
				return nil, &pipeline.InputError{File: spec, Err: fmt.Errorf("bad glob: %w", err)}
			}
			if len(matches) == 0 {
				return nil, &pipeline.InputError{File: spec, Err: pipeline.ErrNoFiles}
			}
			sort.Strings(matches)
			for _, m := range matches {
				files, err := expandPath(m)
				if err != nil {
					return nil, err
				}
				out = append(out, files...)
			}
			continue
		}
		files, err := expandPath(spec)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

func expandPath(path string) ([]inputFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the InputError
		}
		return nil, &pipeline.InputError{File: path, Err: err}
	}
	if !st.IsDir() {
		return []inputFile{{path: path}}, nil
	}
	var out []inputFile
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != path && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			// Hidden files and Spark/Hive markers (_SUCCESS, _temporary).
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isParquetName(name) {
			return nil
		}
		rel, _ := filepath.Rel(path, filepath.Dir(p))
		f := inputFile{path: p}
		if rel != "." {
			for _, dir := range strings.Split(rel, string(filepath.Separator)) {
				if k, v, ok := strings.Cut(dir, "="); ok && k != "" {
					f.partition = append(f.partition, partitionValue{k, hiveUnescape(v)})
				}
			}
		}
		out = append(out, f)
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, &pipeline.InputError{File: pe.Path, Err: pe.Err}
		}
		return nil, &pipeline.InputError{File: path, Err: err}
	}
	if len(out) == 0 {
		return nil, &pipeline.InputError{File: path, Err: fmt.Errorf("%w (looked for *.parquet and *.parq)", pipeline.ErrNoFiles)}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

func isParquetName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".parquet") || strings.HasSuffix(n, ".parq") || strings.HasSuffix(n, ".pq")
}

// hiveUnescape undoes Hive's %XX escaping of partition values; Hive writes
// a null partition as __HIVE_DEFAULT_PARTITION__.
func hiveUnescape(v string) string {
	if v == "__HIVE_DEFAULT_PARTITION__" {
		return ""
	}
	if !strings.Contains(v, "%") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '%' && i+2 < len(v) {
			if h, ok := unhex(v[i+1]); ok {
				if l, ok := unhex(v[i+2]); ok {
					b.WriteByte(h<<4 | l)
					i += 2
					continue
				}
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
