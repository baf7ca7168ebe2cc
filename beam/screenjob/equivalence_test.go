package screenjob

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/dualscreen/dualscreen/data/demo"
	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// TestMain lets Beam take over when the test binary is started as a worker
// (beam.Init does not return then), and removes the dualscreen binary the
// tests built.
func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	code := m.Run()
	if dualscreenBin != "" {
		os.RemoveAll(filepath.Dir(dualscreenBin))
	}
	os.Exit(code)
}

// demoRows is large enough for a few dozen planted list names and several
// row groups per file, small enough to screen twice in seconds.
const demoRows = 24_000

// fixture is a multi-file dataset in hive partition folders, with row
// groups of groupRows rows, cut from the demo generator's batch, and the
// demo list.
type fixture struct {
	dir, list string
	files     int
}

func demoFixture(t *testing.T) fixture {
	t.Helper()
	fx, err := writeFixture(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return fx
}

func writeFixture(tmp string) (fixture, error) {
	root, err := os.MkdirTemp(tmp, "screenjob-fixture-")
	if err != nil {
		return fixture{}, err
	}
	var buf bytes.Buffer
	if _, err := demo.Write(context.Background(), &buf, demo.Options{Rows: demoRows}); err != nil {
		return fixture{}, err
	}
	rdr, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return fixture{}, err
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		return fixture{}, err
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		return fixture{}, err
	}
	defer tbl.Release()
	// Three files of unequal size in two partition folders; row groups of
	// 2,000 rows, so the last row group of each file is short.
	cuts := []struct {
		path       string
		start, end int64
	}{
		{"region=north/a.parquet", 0, 9_500},
		{"region=south/b.parquet", 9_500, 15_000},
		{"region=south/c.parquet", 15_000, demoRows},
	}
	// Cut the table into 500-row records (the cut points are multiples).
	var recs []arrow.Record
	tr := array.NewTableReader(tbl, 500)
	defer tr.Release()
	for tr.Next() {
		r := tr.Record()
		r.Retain()
		recs = append(recs, r)
	}
	defer func() {
		for _, r := range recs {
			r.Release()
		}
	}()
	for _, c := range cuts {
		part := array.NewTableFromRecords(tbl.Schema(), recs[c.start/500:c.end/500])
		path := filepath.Join(root, "shipments", c.path)
		err := writeTable(path, part, 2_000)
		part.Release()
		if err != nil {
			return fixture{}, err
		}
	}
	list := filepath.Join(root, demo.ListFileName)
	if err := os.WriteFile(list, demo.ListCSV, 0o644); err != nil {
		return fixture{}, err
	}
	return fixture{dir: filepath.Join(root, "shipments"), list: list, files: len(cuts)}, nil
}

func writeTable(path string, tbl arrow.Table, groupRows int64) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return pqarrow.WriteTable(tbl, f, groupRows, parquet.NewWriterProperties(parquet.WithDictionaryDefault(true)),
		pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
}

var (
	dualscreenOnce sync.Once
	dualscreenBin  string
	dualscreenErr  error
)

// singleMachine builds the dualscreen command from this checkout once.
func singleMachine(t *testing.T) string {
	t.Helper()
	dualscreenOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dualscreen-bin-")
		if err != nil {
			dualscreenErr = err
			return
		}
		dualscreenBin = filepath.Join(dir, "dualscreen")
		// Built in the main module (../..), with its own go.mod and go.sum.
		cmd := exec.Command("go", "build", "-o", dualscreenBin, "./cmd/dualscreen")
		cmd.Dir = filepath.Join("..", "..")
		out, err := cmd.CombinedOutput()
		if err != nil {
			dualscreenErr = fmt.Errorf("building dualscreen: %v\n%s", err, out)
		}
	})
	if dualscreenErr != nil {
		t.Fatal(dualscreenErr)
	}
	return dualscreenBin
}

// parquetRows reads the files in order and returns one JSON line per row:
// every column, the hits and their scores included.
func parquetRows(t *testing.T, paths ...string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		rdr, err := file.OpenParquetFile(p, false)
		if err != nil {
			t.Fatal(err)
		}
		fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 1 << 20}, memory.DefaultAllocator)
		if err != nil {
			t.Fatal(err)
		}
		tbl, err := fr.ReadTable(context.Background())
		rdr.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		tr := array.NewTableReader(tbl, 1<<20)
		for tr.Next() {
			var buf bytes.Buffer
			if err := array.RecordToJSON(tr.Record(), &buf); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				if line != "" {
					out = append(out, line)
				}
			}
		}
		tr.Release()
		tbl.Release()
	}
	return out
}

// TestBeamMatchesSingleMachine runs the job on Prism over a multi-file,
// multi-row-group dataset and checks it writes exactly the rows `dualscreen
// screen` writes for the same input: the same rows, columns, decisions,
// hits and scores, in the same order when the shards are read in name
// order; and that the metrics count what was written.
func TestBeamMatchesSingleMachine(t *testing.T) {
	fx := demoFixture(t)
	bin := singleMachine(t)
	for _, all := range []bool{false, true} {
		t.Run(fmt.Sprintf("all=%v", all), func(t *testing.T) {
			tmp := t.TempDir()
			ref := filepath.Join(tmp, "single.parquet")
			args := []string{"screen", "--shipments", fx.dir, "--list", fx.list, "--out", ref, "--quiet", "--batch-size", "1000"}
			if all {
				args = append(args, "--all")
			}
			if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
				t.Fatalf("dualscreen %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			want := parquetRows(t, ref)

			plan, err := Prepare(t.Context(), Config{
				Shipments: []string{fx.dir}, Lists: []string{fx.list}, Out: filepath.Join(tmp, "beam"),
				All: all, BatchSize: 1000, Shards: 3,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.RowGroups) != 5+3+5 || len(plan.Files) != fx.files {
				t.Fatalf("plan has %d row groups in %d files, want 13 in %d", len(plan.RowGroups), len(plan.Files), fx.files)
			}
			res, err := Run(t.Context(), "prism", plan)
			if err != nil {
				t.Fatal(err)
			}
			got := parquetRows(t, res.Shards...)

			flagged := 0
			for _, line := range want {
				if strings.Contains(line, `"flagged":true`) {
					flagged++
				}
			}
			if flagged < 20 || !strings.Contains(strings.Join(want, "\n"), string(evidence.PartyMatch)) {
				t.Fatalf("the single-machine run flagged %d rows: the fixture should give a few dozen party matches", flagged)
			}
			if all && len(want) != demoRows {
				t.Fatalf("--all wrote %d rows, want %d", len(want), demoRows)
			}
			if len(got) != len(want) {
				t.Fatalf("Beam wrote %d rows, dualscreen screen %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("row %d differs:\nbeam:   %s\nsingle: %s", i, got[i], want[i])
				}
			}
			if res.Counters[CounterRows] != demoRows || res.Counters[CounterFlagged] != int64(flagged) ||
				res.Counters[CounterRowGroups] != int64(len(plan.RowGroups)) || res.Counters[CounterShards] != 3 {
				t.Errorf("counters %v: want %d rows, %d flagged, %d row groups, 3 shards", res.Counters, demoRows, flagged, len(plan.RowGroups))
			}
			reasons := map[string]int64{}
			for _, line := range want {
				var row struct {
					Flagged bool
					Reasons []string
				}
				if err := json.Unmarshal([]byte(line), &row); err != nil {
					t.Fatal(err)
				}
				for _, r := range row.Reasons {
					if row.Flagged {
						reasons[r]++
					}
				}
			}
			if len(reasons) < 2 {
				t.Errorf("reasons %v: the fixture should trigger the rules as well as party matches", reasons)
			}
			for r, n := range reasons {
				if got := res.Counters[PrefixReason+r]; got != n {
					t.Errorf("counter %s = %d, the single-machine output has %d", PrefixReason+r, got, n)
				}
			}
		})
	}
}

// TestPrepareFailsOnBadInputBeforeTheJob checks that input the
// single-machine screen rejects is rejected at launch, naming the file and
// column, and that a used output directory is refused.
func TestPrepareFailsOnBadInputBeforeTheJob(t *testing.T) {
	fx := demoFixture(t)
	tmp := t.TempDir()
	notParquet := filepath.Join(tmp, "orders.parquet")
	if err := os.WriteFile(notParquet, []byte("shipment_id,consignee_name\n1,ACME\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ie *pipeline.InputError
	_, err := Prepare(t.Context(), Config{Shipments: []string{notParquet}, Lists: []string{fx.list}, Out: filepath.Join(tmp, "out")})
	if !errors.As(err, &ie) || ie.File != notParquet || !errors.Is(err, pipeline.ErrNotParquet) {
		t.Errorf("CSV named .parquet: got %v, want ErrNotParquet naming %s", err, notParquet)
	}
	_, err = Prepare(t.Context(), Config{Shipments: []string{fx.dir}, Lists: []string{fx.list}, Out: filepath.Join(tmp, "out"),
		Map: map[string]string{"consignee_name": "CONSIGNEE"}})
	if !errors.As(err, &ie) || ie.Column != "CONSIGNEE" {
		t.Errorf("--map to a missing column: got %v, want an InputError naming column CONSIGNEE", err)
	}
	_, err = Prepare(t.Context(), Config{Shipments: []string{fx.dir}, Lists: []string{filepath.Join(tmp, "missing.csv")}, Out: filepath.Join(tmp, "out")})
	if err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing list: got %v, want an error naming missing.csv", err)
	}
	_, err = Prepare(t.Context(), Config{Shipments: []string{fx.dir}, Out: filepath.Join(tmp, "out")})
	if !errors.Is(err, ErrBadConfig) {
		t.Errorf("no list: got %v, want ErrBadConfig", err)
	}
	used := filepath.Join(tmp, "used")
	if err := os.MkdirAll(used, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(used, ShardName(0, 2)), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Prepare(t.Context(), Config{Shipments: []string{fx.dir}, Lists: []string{fx.list}, Out: used})
	if err == nil || !strings.Contains(err.Error(), "shard files") {
		t.Errorf("output directory with old shards: got %v, want a refusal", err)
	}
}

func TestShardOfKeepsInputOrder(t *testing.T) {
	for _, tc := range []struct {
		groups int64
		shards int
	}{{13, 3}, {1, 4}, {4, 4}, {1000, 7}} {
		prev := 0
		seen := map[int]bool{}
		for seq := range tc.groups {
			s := shardOf(seq, tc.groups, tc.shards)
			if s < prev || s >= tc.shards {
				t.Fatalf("%d groups, %d shards: row group %d → shard %d after shard %d", tc.groups, tc.shards, seq, s, prev)
			}
			prev = s
			seen[s] = true
		}
		if want := min(int(tc.groups), tc.shards); len(seen) != want {
			t.Errorf("%d groups, %d shards: %d shards used, want %d", tc.groups, tc.shards, len(seen), want)
		}
	}
}
