package lists

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files in testdata/golden")

// TestGolden writes every fixture's entries and problems as JSON lines and
// compares them with testdata/golden: one reviewable file per format that
// shows every field a reader fills. Refresh with go test -run TestGolden
// -update ./lists/ and review the diff.
func TestGolden(t *testing.T) {
	files, err := ScanDir(t.Context(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Format == "" || strings.HasPrefix(f.Path, filepath.Join("testdata", "golden")) {
			continue
		}
		name := strings.ReplaceAll(strings.TrimPrefix(f.Path, "testdata"+string(filepath.Separator)), string(filepath.Separator), "__") + ".jsonl"
		t.Run(name, func(t *testing.T) {
			l, err := Load(t.Context(), f.Format+"="+f.Path)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.Encode(map[string]any{"list": l.ID, "format": l.Format, "date": l.Date, "files": l.Files, "removed": l.Removed})
			for _, e := range l.Entries {
				enc.Encode(e)
			}
			for _, p := range l.Problems {
				enc.Encode(map[string]any{"problem": p.String()})
			}
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				gl, wl := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs at line %d:\n got  %s\n want %s", golden, i+1, g, w)
					}
				}
			}
		})
	}
}
