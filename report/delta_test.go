package report

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/lists"
)

func TestIDSetRoundTrip(t *testing.T) {
	var s IDSet
	for _, id := range []string{"SHP-3", "SHP-1", "SHP-2", "SHP-1"} {
		s.Add(id)
	}
	p := filepath.Join(t.TempDir(), "m.screened-ids")
	if err := WriteIDSet(p, &s); err != nil {
		t.Fatal(err)
	}
	got, err := ReadIDSet(p)
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 3 || !got.Contains("SHP-2") || got.Contains("SHP-4") {
		t.Errorf("round trip: len %d", got.Len())
	}
	b, _ := os.ReadFile(p)
	os.WriteFile(p, b[:len(b)-3], 0o644)
	if _, err := ReadIDSet(p); err == nil {
		t.Error("a truncated sidecar was read without error")
	}
}

// loadAlone loads one OFAC primary file without its companions, through a
// symlink in a temporary folder, so two snapshots compare like for like
// (the history folder holds sdn.csv snapshots only).
func loadAlone(t *testing.T, path string) *lists.List {
	t.Helper()
	dir := t.TempDir()
	link := filepath.Join(dir, "sdn.csv")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	l, err := lists.Load(t.Context(), "ofac-sdn-csv="+link)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestDiffEntriesOnOFACSnapshots(t *testing.T) {
	dir := testutil.SharedData(t, "restricted_parties/ofac_sdn")
	old := loadAlone(t, filepath.Join(dir, "history", "sdn_2024-04-15.csv"))
	cur := loadAlone(t, filepath.Join(dir, "sdn_2024-05-03.csv"))
	prev, now := HashEntries([]*lists.List{old}), HashEntries([]*lists.List{cur})

	p := filepath.Join(t.TempDir(), "m.entries.tsv")
	if err := WriteEntryHashes(p, prev); err != nil {
		t.Fatal(err)
	}
	back, err := ReadEntryHashes(t.Context(), p)
	if err != nil || len(back) != len(prev) {
		t.Fatalf("entry hashes round trip: %d of %d, %v", len(back), len(prev), err)
	}

	d := DiffEntries(back, now)
	t.Logf("OFAC SDN 2024-04-15 → 2024-05-03: %d added, %d changed, %d removed, %d unchanged", len(d.Added), len(d.Changed), len(d.Removed), d.Unchanged)
	if len(d.Added) == 0 || d.Unchanged < len(now)*9/10 {
		t.Fatalf("implausible diff of two snapshots three weeks apart: %+v", d)
	}
	if len(d.Added)+len(d.Changed)+d.Unchanged != len(now) || len(d.Removed)+len(d.Changed)+d.Unchanged != len(prev) {
		t.Errorf("diff does not partition the entries")
	}
	changed := ChangedEntries([]*lists.List{cur}, d)
	if len(changed) != len(d.Added)+len(d.Changed) {
		t.Errorf("%d changed entries returned, want %d", len(changed), len(d.Added)+len(d.Changed))
	}
	for _, e := range changed {
		if h, ok := prev[EntryKey{"ofac_sdn", e.ID}]; ok && h == e.ContentHash() {
			t.Fatalf("entry %s returned as changed but its hash is the same", e.ID)
		}
	}
	if DiffEntries(now, now).Empty() != true {
		t.Error("a list compared with itself is not unchanged")
	}
}

// TestIDSetSpilledRunsAndMerge: the ids of a run past the in-memory buffer
// (sorted runs on disk) and a previous run's set merged in are written as
// one sorted set without repeats, and the temporary runs are removed.
func TestIDSetSpilledRunsAndMerge(t *testing.T) {
	defer func(n int) { idBuffer = n }(idBuffer)
	idBuffer = 3
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()

	var prev IDSet
	for _, id := range []string{"P-1", "P-2", "S-5"} {
		prev.Add(id)
	}
	prevPath := filepath.Join(dir, "prev.screened-ids")
	if err := WriteIDSet(prevPath, &prev); err != nil {
		t.Fatal(err)
	}
	old, err := ReadIDSet(prevPath)
	if err != nil {
		t.Fatal(err)
	}

	var s IDSet
	ids := []string{"S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7", "S-2", "S-8", "P-1", "S-9"}
	for _, id := range ids {
		s.Add(id)
	}
	if !s.added.Spilled() {
		t.Fatal("11 ids through a 3-id buffer did not spill")
	}
	s.Merge(old)
	p := filepath.Join(dir, "next.screened-ids")
	if err := WriteIDSet(p, &s); err != nil {
		t.Fatal(err)
	}
	got, err := ReadIDSet(p) // checks the order and the count
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 11 || s.Len() != 11 {
		t.Fatalf("wrote %d ids (Len %d), want 11: S-1..S-9, P-1, P-2", got.Len(), s.Len())
	}
	for _, id := range append(ids, "P-2") {
		if !got.Contains(id) {
			t.Errorf("%s missing", id)
		}
	}
	if got.Contains("P-3") {
		t.Error("an id never added is in the set")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("%d temporary files left after WriteIDSet", len(left))
	}
}

// TestIDHashIsFNV1a: the sidecars of earlier runs hold hash/fnv's FNV-1a
// values; the allocation-free IDHash must give the same ones.
func TestIDHashIsFNV1a(t *testing.T) {
	for _, id := range []string{"", "B0000000001", "DE-2025-001", "Sendung Nr. 7 – Müller"} {
		h := fnv.New64a()
		h.Write([]byte(id))
		if got, want := IDHash(id), h.Sum64(); got != want {
			t.Errorf("IDHash(%q) = %x, want %x", id, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { IDHash("B0000000001") }); n != 0 {
		t.Errorf("IDHash allocates %.0f times", n)
	}
}
