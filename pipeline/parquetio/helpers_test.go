package parquetio_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
	"github.com/dualscreen/dualscreen/pipeline/textio"
)

// testList is a small in-house list of real, publicly listed names.
var testList = []*lists.Entry{
	{List: "inhouse", ID: "DEMO-001", Type: lists.TypeOrganisation, Programs: []string{"US-SDN RUSSIA-EO14024"},
		Names: []lists.Name{{Value: "Rosoboronexport", Kind: lists.NamePrimary}, {Value: "Рособоронэкспорт", Kind: lists.NameAKA}}},
	{List: "inhouse", ID: "DEMO-009", Type: lists.TypeOrganisation, Programs: []string{"US-SDN SDGT"},
		Names: []lists.Name{{Value: "Mahan Air", Kind: lists.NamePrimary}}},
	{List: "inhouse", ID: "DEMO-003", Type: lists.TypeOrganisation, Programs: []string{"UN 1718"},
		Names: []lists.Name{{Value: "Korea Mining Development Trading Corporation", Kind: lists.NamePrimary}, {Value: "KOMID", Kind: lists.NameAKA}}},
}

// screenFile screens specs with the naive matcher over testList and writes
// out (format by extension), returning the summary.
func screenFile(t *testing.T, mem memory.Allocator, specs []string, out string, all bool, m pipeline.ColumnMap) (*pipeline.Summary, error) {
	t.Helper()
	return screenCtx(t.Context(), mem, specs, out, all, m, 0, nil)
}

func screenCtx(ctx context.Context, mem memory.Allocator, specs []string, out string, all bool, m pipeline.ColumnMap, batch int, progress pipeline.Progress) (*pipeline.Summary, error) {
	src, err := parquetio.Open(ctx, specs, parquetio.Options{Map: m, PassThrough: true, Mem: mem, BatchSize: batch})
	if err != nil {
		return nil, err
	}
	var sink pipeline.Sink
	switch filepath.Ext(out) {
	case ".jsonl":
		sink, err = textio.NewJSONLSink(out, src.Schema(), all)
	case ".csv":
		sink, err = textio.NewCSVSink(out, src.Schema(), all)
	default:
		sink, err = parquetio.NewSink(out, src.Schema(), parquetio.SinkOptions{All: all, Mem: mem})
	}
	if err != nil {
		src.Close()
		return nil, err
	}
	stage := pipeline.NewPartyStage(matchers.NewNaiveJW(testList, matchers.Options{}), pipeline.PartyOptions{})
	return pipeline.Run(ctx, src, sink, pipeline.Options{Stages: []pipeline.Stage{stage}, Progress: progress})
}

// readParquet reads a whole output file as a table.
func readParquet(t *testing.T, mem memory.Allocator, path string) arrow.Table {
	t.Helper()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 1024}, mem)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// readJSONL returns the objects of a JSON lines file.
func readJSONL(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func noFiles(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range ents {
		t.Errorf("left %s in %s", e.Name(), dir)
	}
}

// firstBatch opens in with opts and reads its first batch; done releases
// the batch and closes the Source (call it before checking the allocator).
func firstBatch(t *testing.T, in string, opts parquetio.Options) (b *pipeline.Batch, src *parquetio.Source, done func()) {
	t.Helper()
	src, err := parquetio.Open(t.Context(), []string{in}, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err = src.Next(t.Context())
	if err != nil {
		src.Close()
		t.Fatal(err)
	}
	return b, src, func() { b.Release(); src.Close() }
}
