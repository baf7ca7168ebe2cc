package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dualscreen/dualscreen/data/demo"
)

// relBuild compiles the dualscreen binary into a temporary directory: the
// faults below (signals, kills, resource limits) need a real process.
func relBuild(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and screens generated batches; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "dualscreen")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// relDemoShipments writes a generated demo batch of rows shipments.
func relDemoShipments(t *testing.T, path string, rows int) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := demo.Write(t.Context(), f, demo.Options{Rows: rows}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// relProc is one run of the binary.
type relProc struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
}

func relStart(t *testing.T, bin string, env []string, args ...string) *relProc {
	t.Helper()
	p := &relProc{cmd: exec.Command(bin, args...)}
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
	})
	return p
}

// wait returns the exit status, or -1 when a signal killed the process.
func (p *relProc) wait(t *testing.T) int {
	t.Helper()
	err := p.cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return p.cmd.ProcessState.ExitCode()
}

// relWaitTemp waits until a run has created its temporary output file in
// dir (it then has loaded its lists and is streaming rows) and returns its
// name.
func relWaitTemp(t *testing.T, p *relProc, dir, out string) string {
	t.Helper()
	prefix := "." + filepath.Base(out) + ".tmp-"
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		for _, name := range relDirNames(t, dir) {
			if strings.HasPrefix(name, prefix) {
				return name
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("no temporary output appeared in %s; stderr: %s", dir, &p.stderr)
	return ""
}

// TestBinaryFaults drives the built binary through the faults a nightly
// batch meets: interrupts, a kill, an unwritable directory, a full disk.
// Each must leave no output file, say what happened and exit with the
// documented status.
func TestBinaryFaults(t *testing.T) {
	bin := relBuild(t)
	data := t.TempDir()
	list := relDemoList(t, data)
	// Large enough that screening takes seconds on two shared cores, so a
	// signal lands mid-run.
	big := relDemoShipments(t, filepath.Join(data, "big.parquet"), 250_000)
	small := relDemoShipments(t, filepath.Join(data, "small.parquet"), 20_000)

	for _, sig := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, exitInterrupted}, {syscall.SIGTERM, exitTerminated}} {
		t.Run(sig.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "flagged.parquet")
			p := relStart(t, bin, nil, "screen", "--shipments", big, "--list", list, "--out", out, "--all")
			tmp := relWaitTemp(t, p, dir, out)
			if err := p.cmd.Process.Signal(sig.sig); err != nil {
				t.Fatal(err)
			}
			code := p.wait(t)
			t.Logf("%s while writing %s: exit %d, stderr %q", sig.sig, tmp, code, p.stderr.String())
			if code != sig.code {
				t.Errorf("exit %d, want %d", code, sig.code)
			}
			if names := relDirNames(t, dir); len(names) != 0 {
				t.Errorf("left %q", names)
			}
			if !strings.Contains(p.stderr.String(), "context canceled") || strings.Contains(p.stdout.String(), "Flagged") {
				t.Errorf("stdout %q, stderr %q: want a cancel message and no summary", &p.stdout, &p.stderr)
			}
		})
	}

	t.Run("SIGKILL leaves a temp file the next run removes", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "flagged.parquet")
		p := relStart(t, bin, nil, "screen", "--shipments", big, "--list", list, "--out", out, "--all")
		tmp := relWaitTemp(t, p, dir, out)
		p.cmd.Process.Kill()
		if code := p.wait(t); code != -1 {
			t.Fatalf("exit %d after SIGKILL", code)
		}
		left := relDirNames(t, dir)
		if len(left) != 1 || left[0] != tmp || !strings.Contains(tmp, fmt.Sprintf("-%d-", p.cmd.Process.Pid)) {
			t.Fatalf("after SIGKILL the directory holds %q; want only the temporary file %s naming PID %d", left, tmp, p.cmd.Process.Pid)
		}
		next := relStart(t, bin, nil, "screen", "--quiet", "--shipments", small, "--list", list, "--out", out)
		if code := next.wait(t); code != 0 {
			t.Fatalf("next run: exit %d: %s", code, &next.stderr)
		}
		// Besides the output, a successful run writes its manifest and the
		// manifest's two sidecars (screen_report.go).
		want := []string{"flagged.parquet", "manifest.entries.tsv", "manifest.json", "manifest.screened-ids"}
		if left := relDirNames(t, dir); strings.Join(left, " ") != strings.Join(want, " ") {
			t.Errorf("after the next run the directory holds %q, want only %q", left, want)
		}
	})

	t.Run("output directory is a file", func(t *testing.T) {
		dir := t.TempDir()
		blocker := relWrite(t, filepath.Join(dir, "reports"), []byte("not a directory"))
		out := filepath.Join(blocker, "flagged.parquet")
		p := relStart(t, bin, nil, "screen", "--quiet", "--shipments", small, "--list", list, "--out", out)
		code := p.wait(t)
		t.Logf("exit %d: %s", code, &p.stderr)
		if code != exitFailure || !strings.Contains(p.stderr.String(), blocker) || !strings.Contains(p.stderr.String(), "not a directory") {
			t.Errorf("exit %d, stderr %q: want 1 and a message naming %s", code, &p.stderr, blocker)
		}
		if names := relDirNames(t, dir); len(names) != 1 {
			t.Errorf("left %q", names)
		}
	})

	t.Run("read-only output directory", func(t *testing.T) {
		dir := relReadOnlyDir(t)
		out := filepath.Join(dir, "flagged.parquet")
		p := relStart(t, bin, nil, "screen", "--quiet", "--shipments", small, "--list", list, "--out", out)
		code := p.wait(t)
		t.Logf("exit %d: %s", code, &p.stderr)
		if code != exitFailure || !strings.Contains(p.stderr.String(), dir) {
			t.Errorf("exit %d, stderr %q: want 1 and a message naming %s", code, &p.stderr, dir)
		}
		if names := relDirNames(t, dir); len(names) != 0 {
			t.Errorf("left %q", names)
		}
	})

	fullDisk := func(t *testing.T, dir string, wrap func(args []string) (string, []string), want string) {
		t.Helper()
		for _, format := range []string{"parquet", "jsonl", "csv"} {
			t.Run(format, func(t *testing.T) {
				out := filepath.Join(dir, "flagged."+format)
				name, args := wrap([]string{bin, "screen", "--quiet", "--all", "--shipments", small, "--list", list, "--out", out})
				p := relStart(t, name, nil, args...)
				code := p.wait(t)
				t.Logf("exit %d: %s", code, &p.stderr)
				if code != exitFailure || !strings.Contains(p.stderr.String(), want) {
					t.Errorf("exit %d, stderr %q: want 1 and %q", code, &p.stderr, want)
				}
				if names := relDirNames(t, dir); len(names) != 0 {
					t.Errorf("left %q on the full disk", names)
				}
			})
		}
	}
	t.Run("full disk (64 KiB tmpfs)", func(t *testing.T) {
		dir := relTmpfs(t, "size=64k")
		fullDisk(t, dir, func(args []string) (string, []string) { return args[0], args[1:] }, "no space left on device")
	})
	t.Run("full disk (RLIMIT_FSIZE 64 KiB)", func(t *testing.T) {
		// ulimit -f counts 512-byte blocks in POSIX sh; 128 blocks is 64 KiB.
		// Go ignores SIGXFSZ, so the write fails with EFBIG instead.
		fullDisk(t, t.TempDir(), func(args []string) (string, []string) {
			return "/bin/sh", append([]string{"-c", `ulimit -f 128 && exec "$@"`, "sh"}, args...)
		}, "file too large")
	})
}

// relTmpfs mounts a tmpfs with opts on a fresh directory, or skips when
// mounting is not allowed (not root, or in a container without the right).
func relTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s); the RLIMIT_FSIZE case covers a full disk", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// relReadOnlyDir returns a directory the binary cannot create files in.
// Root ignores permission bits, so as root it is a read-only tmpfs.
func relReadOnlyDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() == 0 {
		return relTmpfs(t, "ro,size=64k")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dir
}
