// Package testutil holds helpers shared by tests: the lookup of the shared
// real-data folder, which skips with a message where it is absent.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SharedDir returns the absolute path of ../shared/data next to the repository
// (or $DUALSCREEN_SHARED_DATA), and false when it does not exist.
func SharedDir() (string, bool) {
	if d := os.Getenv("DUALSCREEN_SHARED_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
		return d, false
	}
	_, file, _, _ := runtime.Caller(0)
	// file is <repo>/internal/testutil/shared.go
	repo := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(repo), "shared", "data")
	st, err := os.Stat(d)
	return d, err == nil && st.IsDir()
}

// SharedData returns the path of rel inside the shared data folder, or skips
// the test with a message when the folder (or rel) is absent.
func SharedData(t testing.TB, rel string) string {
	t.Helper()
	d, ok := SharedDir()
	if !ok {
		t.Skipf("shared data folder %s not found: skipping integration test on real data", d)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not found: %v", p, err)
	}
	return p
}
