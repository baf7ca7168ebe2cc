package pipeline_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/dualscreen/dualscreen/pipeline"
)

// deadPID returns the PID of a process that has exited and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestCreateAtomicRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "flagged.parquet")
	live := exec.Command("sleep", "30")
	if err := live.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	t.Cleanup(func() { live.Process.Kill(); live.Wait() })

	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name → expected to survive
		".flagged.parquet.tmp-" + strconv.Itoa(deadPID(t)) + "-81723":   false, // writer killed
		".flagged.parquet.tmp-" + strconv.Itoa(live.Process.Pid) + "-5": true,  // writer still running
		".flagged.parquet.tmp-2718281828":                               false, // no PID, older than this run
		".other.parquet.tmp-" + strconv.Itoa(deadPID(t)) + "-1":         true,  // another output's
		"flagged.parquet.bak":                                           true,  // not ours at all
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("PAR1 half a file"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	f, err := pipeline.CreateAtomic(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("new output"); err != nil {
		t.Fatal(err)
	}
	for name, survive := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if got := err == nil; got != survive {
			t.Errorf("%s: exists=%v, want %v", name, got, survive)
		}
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "new output" {
		t.Fatalf("output = %q, %v", b, err)
	}
	// Our own temporary file is gone after Commit; the survivors remain.
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	want := []string{".flagged.parquet.tmp-" + strconv.Itoa(live.Process.Pid) + "-5", "flagged.parquet", "flagged.parquet.bak"}
	for name, survive := range files {
		if survive && !slices.Contains(want, name) {
			want = append(want, name)
		}
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("directory holds %q, want %q", names, want)
	}
}

func TestAtomicTempNameCarriesPID(t *testing.T) {
	dir := t.TempDir()
	f, err := pipeline.CreateAtomic(filepath.Join(dir, "out.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	prefix := ".out.jsonl.tmp-" + strconv.Itoa(os.Getpid()) + "-"
	if base := filepath.Base(f.File.Name()); len(base) <= len(prefix) || base[:len(prefix)] != prefix {
		t.Errorf("temporary file %q does not start with %q", base, prefix)
	}
	// A second writer of the same output (this process) does not remove it.
	g, err := pipeline.CreateAtomic(filepath.Join(dir, "out.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Abort()
	if _, err := os.Stat(f.File.Name()); err != nil {
		t.Errorf("a live writer's temporary file was removed: %v", err)
	}
}
