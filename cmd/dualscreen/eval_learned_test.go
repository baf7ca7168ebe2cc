package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --write-features writes the candidates' features with the training rows
// marked, and --learned-fit fits on that file, prints the coefficients
// and evaluates the matcher with the learned score.
func TestEvalWriteFeaturesAndFit(t *testing.T) {
	dir := t.TempDir()
	feats := filepath.Join(dir, "features.csv")
	base := []string{"eval", "--list", "inhouse-csv=../../eval/testdata/list.csv", "--pairs", "../../eval/testdata/pairs.csv", "--matcher", "aligned"}
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	if err := run(t.Context(), e, append(base, "--write-features", feats)); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(feats)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if !strings.HasPrefix(lines[0], "pair,split,source,label,query,entry,name,target,train,score,score_logit,") || len(lines) < 7 {
		t.Fatalf("features file:\n%s", b)
	}
	if !strings.Contains(string(b), "\n5,heldout,hand,1,Rosoboroneksport,inhouse:C3,ROSOBORONEXPORT,1,1,") {
		t.Errorf("Rosoboroneksport's training row is missing:\n%s", b)
	}
	stdout.Reset()
	if err := run(t.Context(), e, append(base, "--learned-fit", feats, "--learned-drop", "person")); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	s := stdout.String()
	for _, want := range []string{"learned fit on " + feats + ": 6 positive and 1 innocent rows", "  person              0.0000", "6 positive and 4 negative pairs"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	// a feature that does not exist is a usage error; a file that is not
	// a features file an input error naming it
	err = run(t.Context(), e, append(base, "--learned-fit", feats, "--learned-drop", "colour"))
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Errorf("--learned-drop colour: %v", err)
	}
	err = run(t.Context(), e, append(base, "--learned-fit", "../../eval/testdata/pairs.csv"))
	if err == nil || exitCode(err, nil) != exitUsage || !strings.Contains(err.Error(), "pairs.csv") {
		t.Errorf("--learned-fit on a pairs file: %v", err)
	}
}
