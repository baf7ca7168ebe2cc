package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/dualscreen/dualscreen/lists"
)

func TestManifestIsDeterministicExceptTimestamps(t *testing.T) {
	dir := t.TempDir()
	listPath := filepath.Join(dir, "inhouse.csv")
	os.WriteFile(listPath, []byte("id,name,aliases,type,countries,programs,notes\nIH-1,Rosoboron Trade LLC,~RT,organisation,RU,INHOUSE,\n"), 0o644)
	l, err := lists.Load(t.Context(), listPath)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, started time.Time, threads int) []byte {
		lr, err := RecordList(t.Context(), l)
		if err != nil {
			t.Fatal(err)
		}
		c := NewCollector(CollectorOptions{})
		for _, r := range fixtureRows(300) {
			c.Add(r)
		}
		m := &Manifest{ToolVersion: "v0.1.0", StartedAt: started, FinishedAt: started.Add(time.Second),
			Config: map[string]any{"threshold": 0.85, "matcher": "naive-jw", "all": false, "lists": []string{listPath}},
			Lists:  []ListRecord{lr}, Timings: []Timing{{"screen", float64(threads) / 10}}}
		m.FillCounts(c.Summary())
		p := filepath.Join(dir, name)
		if err := WriteManifest(p, m); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		return b
	}
	a := write("a.json", time.Date(2024, 5, 6, 2, 0, 0, 0, time.UTC), 1)
	b := write("b.json", time.Date(2024, 5, 7, 2, 0, 0, 0, time.UTC), 4)
	strip := regexp.MustCompile(`"(started_at|finished_at|seconds)": [^,\n]*`)
	if !bytes.Equal(strip.ReplaceAll(a, nil), strip.ReplaceAll(b, nil)) {
		t.Errorf("manifests differ beyond timestamps:\n%s\n%s", a, b)
	}
	m, err := ReadManifest(filepath.Join(dir, "a.json"))
	if err != nil {
		t.Fatal(err)
	}
	if m.ConfigHash == "" || m.Lists[0].Entries != 1 || m.Lists[0].Files[0].Size == 0 || len(m.Lists[0].Files[0].SHA256) != 64 {
		t.Errorf("manifest lacks hashes or counts: %+v", m.Lists)
	}
	if m.FlagsByReason["EMBARGOED_DESTINATION"] == 0 || m.Rows.Flagged == 0 {
		t.Errorf("flag counts missing: %+v %+v", m.FlagsByReason, m.Rows)
	}
	h1, _ := ConfigHash(map[string]any{"a": 1, "b": "x"})
	h2, _ := ConfigHash(map[string]any{"b": "x", "a": 1})
	h3, _ := ConfigHash(map[string]any{"a": 2, "b": "x"})
	if h1 != h2 || h1 == h3 {
		t.Errorf("config hash depends on key order or ignores values: %s %s %s", h1, h2, h3)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestReadManifestRejectsOtherJSON(t *testing.T) {
	p := writeTemp(t, "m.json", `{"name":"something else"}`)
	if _, err := ReadManifest(p); err == nil {
		t.Fatal("read a non-manifest without error")
	}
	b, _ := json.Marshal(Manifest{ManifestVersion: ManifestVersion + 1, Tool: "dualscreen"})
	if _, err := ReadManifest(writeTemp(t, "n.json", string(b))); err == nil {
		t.Fatal("read a manifest from a newer version without error")
	}
}
