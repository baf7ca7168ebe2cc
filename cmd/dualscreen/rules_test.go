package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCapture(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	err := run(t.Context(), e, args)
	return out.String(), errb.String(), err
}

func TestRulesShow(t *testing.T) {
	out, _, err := runCapture(t, "rules", "show", "--section", "eu001", "--section", "policy")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"thresholds.party", "0.85", "Liechtenstein", "data/rules/eu001.csv:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "== destination measures") {
		t.Error("--section did not limit the output")
	}
}

func TestRulesShowPolicy(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("[thresholds]\nparty = 0.9\n[destinations]\nenable = [\"CN:arms_embargo\"]\n"), 0o644)
	out, _, err := runCapture(t, "rules", "show", "--policy", good)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "0.9") || !strings.Contains(out, good) || !strings.Contains(out, "enabled by "+good) {
		t.Errorf("policy overlay and its source not shown:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[thresholds]\nparty = 7\n"), 0o644)
	_, _, err = runCapture(t, "rules", "show", "--policy", bad)
	if err == nil || exitCode(err, nil) != exitUsage || !strings.Contains(err.Error(), "bad.toml") {
		t.Errorf("bad policy: err %v, exit %d; want exit %d naming the file", err, exitCode(err, nil), exitUsage)
	}
	for _, args := range [][]string{{"rules"}, {"rules", "list"}, {"rules", "show", "--section", "nope"}} {
		if _, _, err := runCapture(t, args...); exitCode(err, nil) != exitUsage {
			t.Errorf("%q: exit %d, want %d (%v)", args, exitCode(err, nil), exitUsage, err)
		}
	}
}
