package pipeline

import (
	"errors"
	"os"
	"path/filepath"
)

// AtomicFile is an output file that appears under its final name only on
// Commit: it is written to a temporary file in the same directory (so the
// rename stays on one file system) and renamed at the end. An interrupted
// run leaves no partial output, only possibly an empty parent directory.
type AtomicFile struct {
	*os.File
	final     string
	committed bool
	aborted   bool
}

// CreateAtomic starts writing path, creating its directory if needed.
func CreateAtomic(path string) (*AtomicFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{File: f, final: path}, nil
}

// Name returns the final path.
func (a *AtomicFile) Name() string { return a.final }

// Commit flushes the file to disk and renames it to its final name.
func (a *AtomicFile) Commit() error {
	if a.committed || a.aborted {
		return errors.New("pipeline: commit of a finished output file")
	}
	err := a.File.Sync()
	if cerr := a.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(a.File.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(a.File.Name(), a.final)
	}
	if err != nil {
		os.Remove(a.File.Name())
		a.aborted = true
		return err
	}
	a.committed = true
	return nil
}

// Abort removes the temporary file. It is a no-op after Commit or Abort.
func (a *AtomicFile) Abort() error {
	if a.committed || a.aborted {
		return nil
	}
	a.aborted = true
	a.File.Close()
	return os.Remove(a.File.Name())
}
