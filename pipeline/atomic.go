package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// AtomicFile is an output file that appears under its final name only on
// Commit: it is written to a temporary file in the same directory (so the
// rename stays on one file system) and renamed at the end. An interrupted
// run leaves no partial output, only possibly an empty parent directory.
//
// The temporary file is named ".BASE.tmp-PID-RANDOM" beside the output. A
// run killed outright (SIGKILL, power loss) cannot remove it, so
// CreateAtomic first removes the stale ones of the same output: those whose
// PID is no longer running, and those without a PID (older releases) last
// modified before this process started.
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
	prefix := tempPrefix(path)
	RemoveStaleTemps(path)
	f, err := os.CreateTemp(dir, prefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{File: f, final: path}, nil
}

// tempPrefix is the start of the temporary file names of path's writers.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// processStart is when this process started, near enough: temporary files
// without a PID that are older than it belong to an earlier run.
var processStart = time.Now()

// RemoveStaleTemps removes the temporary files earlier runs left beside
// path when they were killed before they could clean up, and returns the
// names it removed. A file whose writer is still running (another run
// writing the same output) is left alone. Errors are ignored: cleanup is a
// courtesy and must not stop the run.
func RemoveStaleTemps(path string) []string {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range ents {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || e.IsDir() {
			continue
		}
		if !staleTemp(rest, e) {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			removed = append(removed, name)
		}
	}
	return removed
}

// staleTemp decides from the part after the prefix ("PID-RANDOM", or just
// "RANDOM" from writers that did not record their PID) whether the file's
// writer is gone.
func staleTemp(rest string, e os.DirEntry) bool {
	if pidText, _, ok := strings.Cut(rest, "-"); ok {
		pid, err := strconv.Atoi(pidText)
		if err == nil && pid > 0 {
			return pid != os.Getpid() && !processAlive(pid)
		}
	}
	info, err := e.Info()
	return err == nil && info.ModTime().Before(processStart)
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
