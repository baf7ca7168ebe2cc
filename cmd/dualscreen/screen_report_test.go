package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/report"
)

type outRow struct {
	ShipmentID string         `json:"shipment_id"`
	Flagged    bool           `json:"flagged"`
	Priority   string         `json:"priority"`
	RiskScore  float64        `json:"risk_score"`
	Reasons    []string       `json:"reasons"`
	Hits       []evidence.Hit `json:"hits"`
}

func readJSONL(t *testing.T, path string) []outRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []outRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r outRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, r)
	}
	return out
}

func runCLI(t *testing.T, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(t.Context(), &env{stdout: &stdout, stderr: &stderr}, args); err != nil {
		t.Fatalf("dualscreen %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
}

type hitKey struct{ party, list, id string }

func keyOf(h evidence.Hit) hitKey { return hitKey{report.PartyKey(h.QueryName), h.List, h.EntryID} }

// TestScreenDispositionsSuppressAndLapse runs the demo, marks the first
// run's top 20 party hits false positive, and checks that the second run
// suppresses them and that changing one list entry revives its hits.
func TestScreenDispositionsSuppressAndLapse(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "demo", "--dir", dir, "--rows", "40000", "--quiet", "--out", filepath.Join(dir, "run1.jsonl"))
	run1 := readJSONL(t, filepath.Join(dir, "run1.jsonl"))
	var hits []evidence.Hit
	for _, r := range run1 {
		for _, h := range r.Hits {
			if h.Reason == evidence.PartyMatch {
				hits = append(hits, h)
			}
		}
	}
	if len(hits) < 20 {
		t.Fatalf("the demo run has %d party hits, want at least 20 to clear", len(hits))
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	hashes, err := report.ReadEntryHashes(t.Context(), filepath.Join(dir, "manifest.entries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var disp strings.Builder
	disp.WriteString(strings.Join(report.DispositionColumns, ",") + "\n")
	cleared := map[hitKey]bool{}
	for _, h := range hits[:20] {
		if cleared[keyOf(h)] {
			continue
		}
		cleared[keyOf(h)] = true
		hash, ok := hashes.Lookup(h.List, h.EntryID)
		if !ok {
			t.Fatalf("entry %s/%s not in the manifest's entry hashes", h.List, h.EntryID)
		}
		line := report.DispositionLine(h, hash, report.FalsePositive)
		disp.WriteString(strings.Replace(line, "false_positive,,,", "false_positive,t.analyst,2025-01-15T09:30:00Z,other company", 1) + "\n")
	}
	dispPath := filepath.Join(dir, "dispositions.csv")
	os.WriteFile(dispPath, []byte(disp.String()), 0o644)
	var wantSuppressed int
	for _, h := range hits {
		if cleared[keyOf(h)] {
			wantSuppressed++
		}
	}

	second := func(list, out string) ([]outRow, *report.Manifest) {
		man := filepath.Join(dir, out+".manifest.json")
		runCLI(t, "screen", "--shipments", filepath.Join(dir, "demo_shipments.parquet"), "--list", list,
			"--out", filepath.Join(dir, out), "--all", "--quiet", "--dispositions", dispPath, "--manifest", man,
			"--report", filepath.Join(dir, out+".html"))
		m, err := report.ReadManifest(man)
		if err != nil {
			t.Fatal(err)
		}
		return readJSONL(t, filepath.Join(dir, out)), m
	}
	run2, m2 := second(filepath.Join(dir, "demo_list.csv"), "run2.jsonl")
	suppressed, stillFlagged := 0, 0
	for _, r := range run2 {
		for _, h := range r.Hits {
			switch {
			case h.Reason == evidence.SuppressedByDisposition:
				suppressed++
				if !cleared[keyOf(h)] || !strings.Contains(h.Explanation, "t.analyst") {
					t.Errorf("%s: suppressed hit %+v not from the dispositions", r.ShipmentID, h)
				}
			case h.Reason == evidence.PartyMatch && cleared[keyOf(h)]:
				t.Errorf("%s: cleared hit %s/%s still a PARTY_MATCH", r.ShipmentID, h.List, h.EntryID)
			case h.Reason == evidence.PartyMatch:
				stillFlagged++
			}
		}
		if len(r.Hits) > 0 && allSuppressed(r.Hits) && (r.Flagged || !contains(r.Reasons, "SUPPRESSED_BY_DISPOSITION")) {
			t.Errorf("%s: only suppressed hits, but flagged=%v reasons=%v", r.ShipmentID, r.Flagged, r.Reasons)
		}
	}
	t.Logf("run 1: %d party hits; %d distinct decisions from the top 20; run 2: %d suppressed, %d still flagged", len(hits), len(cleared), suppressed, stillFlagged)
	if suppressed != wantSuppressed || suppressed < 20 {
		t.Fatalf("run 2 suppressed %d hits, want %d (at least the top 20)", suppressed, wantSuppressed)
	}
	if m2.Disposition == nil || m2.Disposition.Suppressed != int64(suppressed) || m2.Disposition.Lapsed != 0 {
		t.Errorf("manifest disposition effects %+v, want %d suppressed and none lapsed", m2.Disposition, suppressed)
	}

	// Change the entry behind the top hit: its decisions lapse, the rest hold.
	top := hits[0]
	changed := rewriteList(t, filepath.Join(dir, "demo_list.csv"), top.EntryID)
	run3, m3 := second(changed, "run3.jsonl")
	revived, held := 0, 0
	for _, r := range run3 {
		for _, h := range r.Hits {
			if h.EntryID == top.EntryID && cleared[keyOf(h)] {
				if h.Reason != evidence.PartyMatch || !strings.Contains(h.Explanation, "lapsed") {
					t.Errorf("%s: hit on the changed entry %s not revived: %s %q", r.ShipmentID, top.EntryID, h.Reason, h.Explanation)
				}
				revived++
			} else if h.Reason == evidence.SuppressedByDisposition {
				held++
			}
		}
	}
	if revived == 0 || held == 0 || m3.Disposition.Lapsed != int64(revived) {
		t.Errorf("after changing entry %s: %d revived, %d still suppressed, manifest %+v", top.EntryID, revived, held, m3.Disposition)
	}
}

func allSuppressed(hits []evidence.Hit) bool {
	for _, h := range hits {
		if h.Reason != evidence.SuppressedByDisposition {
			return false
		}
	}
	return true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// rewriteList copies an in-house list, amending the notes of entry id, as a
// list publisher amends an entry.
func rewriteList(t *testing.T, path, id string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range recs[1:] {
		if r[0] == id {
			r[2] += ";" + r[1] + " Holding" // a new alias, as publishers add them
			found = true
		}
	}
	if !found {
		t.Fatalf("entry %s not in %s", id, path)
	}
	out := filepath.Join(filepath.Dir(path), "list_amended.csv")
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	os.WriteFile(out, b.Bytes(), 0o644)
	return out
}

// writeShipments writes a small shipments Parquet file from Go values.
func writeShipments(t *testing.T, path string, ids, consignees []string) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "shipment_id", Type: arrow.BinaryTypes.String},
		{Name: "consignee_name", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "destination_country", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(mem, sc)
	defer b.Release()
	for i := range ids {
		b.Field(0).(*array.StringBuilder).Append(ids[i])
		b.Field(1).(*array.StringBuilder).Append(consignees[i])
		b.Field(2).(*array.StringBuilder).Append("AE")
	}
	rec := b.NewRecord()
	defer rec.Release()
	tbl := array.NewTableFromRecords(sc, []arrow.Record{rec})
	defer tbl.Release()
	var buf bytes.Buffer
	if err := pqarrow.WriteTable(tbl, &buf, 64, nil, pqarrow.DefaultWriterProps()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestScreenDeltaAgainstOlderOFACSnapshot screens shipments against the
// 2024-04-15 SDN snapshot, then again against 2024-05-03 with --previous:
// the second run re-screens the parties only against the entries added or
// changed in between and marks what it finds as new; a third run with
// unchanged lists screens only the shipments not seen before.
func TestScreenDeltaAgainstOlderOFACSnapshot(t *testing.T) {
	sdn := testutil.SharedData(t, "restricted_parties/ofac_sdn")
	dir := t.TempDir()
	// Each snapshot alone (no add/alt companions), so they compare like for like.
	oldList, newList := filepath.Join(dir, "old", "sdn.csv"), filepath.Join(dir, "new", "sdn.csv")
	for link, target := range map[string]string{oldList: filepath.Join(sdn, "history", "sdn_2024-04-15.csv"), newList: filepath.Join(sdn, "sdn_2024-05-03.csv")} {
		os.MkdirAll(filepath.Dir(link), 0o755)
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	load := func(p string) *lists.List {
		l, err := lists.Load(t.Context(), "ofac-sdn-csv="+p)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	before, after := load(oldList), load(newList)
	d := report.DiffEntries(report.HashEntries([]*lists.List{before}), report.HashEntries([]*lists.List{after}))
	byID := map[string]*lists.Entry{}
	for _, e := range after.Entries {
		byID[e.ID] = e
	}
	// Consignees: five parties listed between the snapshots, five listed in
	// both, and five nobody lists.
	var ids, names, addedNames []string
	for i, k := range d.Added[:5] {
		ids, names = append(ids, fmt.Sprintf("S-%03d", i)), append(names, byID[k.ID].PrimaryName())
		addedNames = append(addedNames, byID[k.ID].PrimaryName())
	}
	for i, e := range before.Entries[100:105] {
		ids, names = append(ids, fmt.Sprintf("S-%03d", 10+i)), append(names, e.PrimaryName())
	}
	for i, n := range []string{"Bäckerei Huber GmbH", "Nordic Timber AB", "Azienda Agricola Rossi", "Kyoto Ceramics KK", "Pampas Foods SA"} {
		ids, names = append(ids, fmt.Sprintf("S-%03d", 20+i)), append(names, n)
	}
	ship1 := filepath.Join(dir, "day1.parquet")
	writeShipments(t, ship1, ids, names)
	m1 := filepath.Join(dir, "run1", "manifest.json")
	runCLI(t, "screen", "--shipments", ship1, "--list", "ofac-sdn-csv="+oldList, "--out", filepath.Join(dir, "run1", "flagged.jsonl"), "--quiet")
	run1 := readJSONL(t, filepath.Join(dir, "run1", "flagged.jsonl"))

	// Day 2: the same shipments plus two new ones (one names a party listed in both snapshots).
	ship2 := filepath.Join(dir, "day2.parquet")
	writeShipments(t, ship2, append(append([]string(nil), ids...), "S-100", "S-101"),
		append(append([]string(nil), names...), before.Entries[200].PrimaryName(), "Lisboa Cork Lda"))
	m2 := filepath.Join(dir, "run2", "manifest.json")
	runCLI(t, "screen", "--shipments", ship2, "--list", "ofac-sdn-csv="+newList, "--out", filepath.Join(dir, "run2", "flagged.jsonl"),
		"--quiet", "--previous", m1, "--report", filepath.Join(dir, "run2", "report.html"))
	run2 := readJSONL(t, filepath.Join(dir, "run2", "flagged.jsonl"))
	man2, err := report.ReadManifest(m2)
	if err != nil {
		t.Fatal(err)
	}
	if man2.Delta == nil || man2.Delta.Mode != "changed-entries" || man2.Delta.EntriesAdded != len(d.Added) || man2.Delta.EntriesChanged != len(d.Changed) {
		t.Fatalf("manifest delta %+v, want changed-entries with %d added, %d changed", man2.Delta, len(d.Added), len(d.Changed))
	}
	flagged2 := map[string]outRow{}
	for _, r := range run2 {
		flagged2[r.ShipmentID] = r
		for _, h := range r.Hits {
			if !report.IsNewHit(h) {
				t.Errorf("%s: hit on %s/%s not marked new", r.ShipmentID, h.List, h.EntryID)
			}
		}
	}
	for i := 0; i < 5; i++ { // newly listed parties: found now
		if _, ok := flagged2[fmt.Sprintf("S-%03d", i)]; !ok {
			t.Errorf("S-%03d (%s, listed after 2024-04-15) not flagged in the delta run", i, addedNames[i])
		}
	}
	for i := 10; i < 15; i++ { // listed in both: screened before, nothing new
		id := fmt.Sprintf("S-%03d", i)
		if r, ok := flagged2[id]; ok {
			for _, h := range r.Hits {
				if _, was := byID[h.EntryID]; was && !isAddedOrChanged(d, h.EntryID) {
					t.Errorf("%s re-reported unchanged entry %s in the delta run", id, h.EntryID)
				}
			}
		}
	}
	if _, ok := flagged2["S-100"]; !ok {
		t.Error("S-100 (new shipment, party on both snapshots) not screened in full")
	}
	t.Logf("run 1: %d flagged; run 2 (delta, %d added / %d changed / %d removed entries): %d flagged, %d new hits",
		len(run1), len(d.Added), len(d.Changed), len(d.Removed), len(run2), man2.Delta.NewHits)

	// Day 3: lists unchanged, one more shipment: only it is screened.
	ship3 := filepath.Join(dir, "day3.parquet")
	writeShipments(t, ship3, append(append([]string(nil), ids...), "S-100", "S-101", "S-200"),
		append(append([]string(nil), names...), before.Entries[200].PrimaryName(), "Lisboa Cork Lda", addedNames[0]))
	runCLI(t, "screen", "--shipments", ship3, "--list", "ofac-sdn-csv="+newList, "--out", filepath.Join(dir, "run3", "flagged.jsonl"),
		"--quiet", "--previous", m2)
	run3 := readJSONL(t, filepath.Join(dir, "run3", "flagged.jsonl"))
	man3, err := report.ReadManifest(filepath.Join(dir, "run3", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if man3.Delta.Mode != "new-shipments" || man3.Rows.Screened != 1 || man3.Rows.Skipped != int64(len(ids)+2) {
		t.Errorf("run 3: mode %s, screened %d, skipped %d; want new-shipments, 1, %d", man3.Delta.Mode, man3.Rows.Screened, man3.Rows.Skipped, len(ids)+2)
	}
	if len(run3) != 1 || run3[0].ShipmentID != "S-200" {
		t.Errorf("run 3 output %+v, want only S-200", run3)
	}
}

func isAddedOrChanged(d report.ListDelta, id string) bool {
	for _, k := range append(append([]report.EntryKey(nil), d.Added...), d.Changed...) {
		if k.ID == id {
			return true
		}
	}
	return false
}

// TestManifestAndReportAreDeterministic screens the same batch with one
// worker and with four: manifest and report are byte-identical apart from
// timestamps and timings.
func TestManifestAndReportAreDeterministic(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "demo", "--dir", dir, "--rows", "20000", "--quiet", "--no-manifest")
	stamp := regexp.MustCompile(`"(started_at|finished_at|seconds)": [^,\n]*|generated [0-9TZ:-]+`)
	var got [][]byte
	for _, workers := range []string{"1", "4"} {
		runCLI(t, "screen", "--shipments", filepath.Join(dir, "demo_shipments.parquet"), "--list", filepath.Join(dir, "demo_list.csv"),
			"--out", filepath.Join(dir, "run", "flagged.parquet"), "--quiet", "--workers", workers, "--batch-size", "1000",
			"--report", filepath.Join(dir, "run", "report.html"))
		for _, f := range []string{"manifest.json", "report.html", "manifest.screened-ids", "manifest.entries.tsv"} {
			b, err := os.ReadFile(filepath.Join(dir, "run", f))
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, stamp.ReplaceAll(b, nil))
		}
	}
	for i := 0; i < 4; i++ {
		if !bytes.Equal(got[i], got[i+4]) {
			t.Errorf("file %d differs between --workers 1 and 4", i)
		}
	}
}

// TestPreviousRefusesOtherSettingsAndTamperedSidecars: a delta baseline
// must come from a run with the same screening settings, and its sidecars
// must be as the manifest recorded them.
func TestPreviousRefusesOtherSettingsAndTamperedSidecars(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "demo", "--dir", dir, "--rows", "500", "--quiet")
	m1 := filepath.Join(dir, "manifest.json")
	screenArgs := func(extra ...string) []string {
		return append([]string{"screen", "--shipments", filepath.Join(dir, "demo_shipments.parquet"), "--list", filepath.Join(dir, "demo_list.csv"),
			"--out", filepath.Join(dir, "run2", "flagged.jsonl"), "--quiet", "--previous", m1}, extra...)
	}
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	err := run(t.Context(), e, screenArgs("--threshold", "0.97"))
	if err == nil || !strings.Contains(err.Error(), "screening settings differ") || exitCode(err, nil) != exitUsage {
		t.Errorf("other threshold: %v (exit %d), want a usage-class refusal", err, exitCode(err, nil))
	}
	runCLI(t, screenArgs()...) // same settings: accepted, nothing new to screen
	man, err := report.ReadManifest(filepath.Join(dir, "run2", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if man.Delta.Mode != "new-shipments" || man.Rows.Screened != 0 || man.Rows.Skipped != 500 {
		t.Errorf("same batch again: mode %s, screened %d, skipped %d; want new-shipments, 0, 500", man.Delta.Mode, man.Rows.Screened, man.Rows.Skipped)
	}
	os.WriteFile(filepath.Join(dir, "manifest.screened-ids"), []byte("DSIDS1\n\x00\x00\x00\x00\x00\x00\x00\x00\x00"), 0o644)
	err = run(t.Context(), e, screenArgs())
	if err == nil || !strings.Contains(err.Error(), "changed after the run") {
		t.Errorf("tampered sidecar: %v, want a sha256 mismatch", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "run2", "flagged.jsonl")); err != nil {
		t.Errorf("the earlier accepted run's output is gone: %v", err)
	}
}

// TestPreviousKeepsRowNumbersInErrors: shipments screened before are cut
// out of a batch, but an error in a new row still names its row in the file.
func TestPreviousKeepsRowNumbersInErrors(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "inhouse.csv")
	os.WriteFile(list, []byte("id,name,aliases,type,countries,programs,notes\nIH-1,Tehran Precision Instruments Co,,organisation,IR,INHOUSE,\n"), 0o644)
	day1, day2 := filepath.Join(dir, "day1.parquet"), filepath.Join(dir, "day2.parquet")
	writeShipments(t, day1, []string{"A", "B", "D"}, []string{"Alpha GmbH", "Tehran Precision Instruments Co", "Delta SA"})
	runCLI(t, "screen", "--shipments", day1, "--list", list, "--out", filepath.Join(dir, "run1", "out.jsonl"), "--quiet")
	writeShipments(t, day2, []string{"A", "B", "C", "D", "E"}, []string{"Alpha GmbH", "Tehran Precision Instruments Co", "Charlie \xff Ltd", "Delta SA", "Tehran Precision Instruments Co"})
	args := []string{"screen", "--shipments", day2, "--list", list, "--out", filepath.Join(dir, "run2", "out.jsonl"), "--quiet",
		"--previous", filepath.Join(dir, "run1", "manifest.json")}
	err := run(t.Context(), &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}, args)
	if err == nil || !strings.Contains(err.Error(), "row 3") || !strings.Contains(err.Error(), "consignee_name") {
		t.Fatalf("error %v, want one naming row 3, column consignee_name", err)
	}
	writeShipments(t, day2, []string{"A", "B", "C", "D", "E"}, []string{"Alpha GmbH", "Tehran Precision Instruments Co", "Charlie Ltd", "Delta SA", "Tehran Precision Instruments Co"})
	runCLI(t, args...)
	rows := readJSONL(t, filepath.Join(dir, "run2", "out.jsonl"))
	if len(rows) != 1 || rows[0].ShipmentID != "E" {
		t.Errorf("delta output %+v, want only E (B was flagged before)", rows)
	}
}
