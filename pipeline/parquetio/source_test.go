package parquetio_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	pq "github.com/parquet-go/parquet-go"

	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/parquetio"
)

// pgRow is a shipment as another writer (parquet-go) lays it out: optional
// columns, dictionary-encoded strings and a column that only passes through.
//
// Strings that are not dictionary-encoded are written PLAIN because
// parquet-go's default for them is DELTA_LENGTH_BYTE_ARRAY, and arrow v17's
// delta decoder never frees a 64-byte buffer per column chunk: harmless
// (the garbage collector takes it) but fatal to the checked allocator these
// tests use. TestDeltaEncodedStrings reads the default encoding.
type pgRow struct {
	ShipmentID       string   `parquet:"shipment_id,plain"`
	DeclarationDate  string   `parquet:"declaration_date,plain"`
	ConsigneeName    *string  `parquet:"consignee_name,optional,dict"`
	ConsigneeCountry *string  `parquet:"consignee_country,optional,dict"`
	EndUserName      *string  `parquet:"end_user_name,optional,plain"`
	Destination      string   `parquet:"destination_country,dict"`
	CNCode           string   `parquet:"cn_code,dict"`
	ControlCode      *string  `parquet:"control_code,optional,dict"`
	ValueEUR         *float64 `parquet:"value_eur,optional"`
	Note             string   `parquet:"internal_note,plain"`
}

func sp(s string) *string   { return &s }
func fp(f float64) *float64 { return &f }

var pgRows = []pgRow{
	{"DE-2025-0001", "2025-03-04", sp("Harrington Instruments Ltd"), sp("GB"), nil, "GB", "90262020", nil, fp(12500.5), "repeat customer"},
	{"DE-2025-0002", "2025-03-04", sp("ROSOBORONEXPORT"), sp("RU"), nil, "RU", "85176200", sp("5A002"), fp(98000), "=HYPERLINK(\"x\")"},
	{"DE-2025-0003", "2025-03-05", nil, nil, nil, "TR", "84821010", nil, nil, "consignee missing"},
	{"DE-2025-0004", "2025-03-05", sp("Shenzhen Hongda Trading Co., Ltd."), sp("CN"), sp("Mahan Air"), "AE", "84714100", sp("4A003"), fp(450000), "end user listed"},
	{"DE-2025-0005", "2025-03-06", sp("Harrington Instruments Ltd"), sp("GB"), nil, "GB", "90262020", nil, fp(800), ""},
	{"DE-2025-0006", "2025-03-06", sp("Рособоронэкспорт"), sp("RU"), nil, "RU", "88062200", sp("9A012"), fp(1.5e6), "Cyrillic"},
}

func writePG(t *testing.T, path string, rows []pgRow) {
	t.Helper()
	var buf bytes.Buffer
	if err := pq.Write(&buf, rows); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParquetGoFileScreenedWithArrow(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	dir := t.TempDir()
	in := filepath.Join(dir, "shipments.parquet")
	writePG(t, in, pgRows)

	out := filepath.Join(dir, "out", "all.parquet")
	sum, err := screenFile(t, mem, []string{in}, out, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != 6 || sum.Flagged != 3 {
		t.Fatalf("rows %d flagged %d, want 6 and 3", sum.Rows, sum.Flagged)
	}
	tbl := readParquet(t, mem, out)
	defer tbl.Release()
	var names []string
	for _, f := range tbl.Schema().Fields() {
		names = append(names, f.Name)
	}
	want := "shipment_id declaration_date consignee_name consignee_country end_user_name destination_country cn_code control_code value_eur internal_note flagged risk_score priority reasons hits"
	if strings.Join(names, " ") != want {
		t.Fatalf("output columns\n%s\nwant\n%s", strings.Join(names, " "), want)
	}
	if tbl.NumRows() != 6 {
		t.Fatalf("%d rows, want 6 with --all", tbl.NumRows())
	}
	col := func(name string) arrow.Array {
		idx := tbl.Schema().FieldIndices(name)[0]
		return tbl.Column(idx).Data().Chunk(0)
	}
	flagged := col("flagged").(*array.Boolean)
	wantFlagged := []bool{false, true, false, true, false, true}
	for i, w := range wantFlagged {
		if flagged.Value(i) != w {
			t.Errorf("row %d flagged %v, want %v", i, flagged.Value(i), w)
		}
	}
	// Nulls pass through as nulls; values as written.
	if cn := col("consignee_name"); !cn.IsNull(2) || cn.ValueStr(5) != "Рособоронэкспорт" {
		t.Errorf("consignee_name null=%v row 6 %q", cn.IsNull(2), cn.ValueStr(5))
	}
	if v := col("value_eur").(*array.Float64); !v.IsNull(2) || v.Value(3) != 450000 {
		t.Errorf("value_eur row 3 null=%v row 4 %v", v.IsNull(2), v.Value(3))
	}
	if note := col("internal_note"); note.ValueStr(1) != "=HYPERLINK(\"x\")" {
		t.Errorf("internal_note %q did not pass through untouched", note.ValueStr(1))
	}
	hits := col("hits").(*array.List)
	st := hits.ListValues().(*array.Struct)
	start, end := hits.ValueOffsets(3)
	if end-start != 1 {
		t.Fatalf("row 4 has %d hits, want 1 (end user Mahan Air)", end-start)
	}
	hitField := func(name string, i int64) string {
		for k := 0; k < st.NumField(); k++ {
			if st.DataType().(*arrow.StructType).Field(k).Name == name {
				return st.Field(k).ValueStr(int(i))
			}
		}
		t.Fatalf("hit field %s missing", name)
		return ""
	}
	if hitField("role", start) != "end_user" || hitField("entry_id", start) != "DEMO-009" || hitField("query_name", start) != "Mahan Air" || hitField("reason", start) != "PARTY_MATCH" {
		t.Errorf("row 4 hit: role %s entry %s query %s", hitField("role", start), hitField("entry_id", start), hitField("query_name", start))
	}
	var hitNames []string
	for _, f := range st.DataType().(*arrow.StructType).Fields() {
		hitNames = append(hitNames, f.Name)
	}
	if !slices.Equal(hitNames, pipeline.HitFields) {
		t.Errorf("hit fields %v, want %v", hitNames, pipeline.HitFields)
	}
	if p := col("priority"); p.ValueStr(1) != "high" || p.ValueStr(0) != "" {
		t.Errorf("priority row 2 %q row 1 %q", p.ValueStr(1), p.ValueStr(0))
	}
}

func TestArrowLargeAndDictionaryStrings(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	dictType := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "shipment_id", Type: arrow.BinaryTypes.LargeString},
		{Name: "consignee_name", Type: dictType, Nullable: true},
		{Name: "consignee_country", Type: arrow.BinaryTypes.LargeString, Nullable: true},
		{Name: "value_eur", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	}, nil)
	rb := array.NewRecordBuilder(mem, schema)
	ids := rb.Field(0).(*array.LargeStringBuilder)
	names := rb.Field(1).(*array.BinaryDictionaryBuilder)
	countries := rb.Field(2).(*array.LargeStringBuilder)
	for i, n := range []string{"Mahan Air", "", "Korea Mining Development Trading Corp.", "Mahan Air", "Müller GmbH"} {
		ids.Append(string(rune('A'+i)) + "-1")
		if n == "" {
			names.AppendNull()
			countries.AppendNull()
		} else {
			names.AppendString(n)
			countries.Append("IR")
		}
	}
	rb.Field(3).(*array.Int64Builder).AppendValues([]int64{1, 2, 3, 4, 5}, nil)
	rec := rb.NewRecord()
	rb.Release()
	tbl := array.NewTableFromRecords(schema, []arrow.Record{rec})
	rec.Release()
	var buf bytes.Buffer
	err := pqarrow.WriteTable(tbl, &buf, 2, parquet.NewWriterProperties(parquet.WithAllocator(mem)), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(mem)))
	tbl.Release()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "layouts.parquet")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := parquetio.Open(t.Context(), []string{in}, parquetio.Options{PassThrough: true, Mem: mem})
	if err != nil {
		t.Fatal(err)
	}
	if got := src.Schema().Field(1).Type.ID(); got != arrow.DICTIONARY {
		t.Errorf("consignee_name read as %s: the test no longer covers dictionaries", src.Schema().Field(1).Type)
	}
	if got := src.Schema().Field(0).Type.ID(); got != arrow.LARGE_STRING {
		t.Errorf("shipment_id read as %s: the test no longer covers large strings", src.Schema().Field(0).Type)
	}
	src.Close()
	out := filepath.Join(dir, "flagged.jsonl")
	sum, err := screenFile(t, mem, []string{in}, out, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows := readJSONL(t, out)
	var got []string
	for _, r := range rows {
		got = append(got, r["shipment_id"].(string)+" "+r["hits"].([]any)[0].(map[string]any)["entry_id"].(string))
	}
	// Two-row batches: rows of one dictionary column span several batches.
	want := []string{"A-1 DEMO-009", "C-1 DEMO-003", "D-1 DEMO-009"}
	if !slices.Equal(got, want) || sum.Rows != 5 {
		t.Errorf("flagged %v of %d rows, want %v of 5", got, sum.Rows, want)
	}
	if rows[0]["value_eur"].(float64) != 1 || rows[0]["consignee_name"] != "Mahan Air" {
		t.Errorf("pass-through values %v", rows[0])
	}
}

func TestHivePartitionsBecomeColumns(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	dir := t.TempDir()
	type row struct {
		ShipmentID    string `parquet:"shipment_id,plain"`
		ConsigneeName string `parquet:"consignee_name,plain"`
	}
	write := func(rel string, rows []row) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		var buf bytes.Buffer
		if err := pq.Write(&buf, rows); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, buf.Bytes(), 0o644)
	}
	write("destination_country=RU/year=2025/part-0.parquet", []row{{"R1", "Rosoboronexport"}, {"R2", "Volga Trade OOO"}})
	write("destination_country=C%C3%B4te d'Ivoire/year=2025/part-0.parquet", []row{{"C1", "Abidjan Import SARL"}})
	write("destination_country=DE/year=2025/part-0.parquet", []row{{"D1", "Mahan Air"}})
	os.WriteFile(filepath.Join(dir, "_SUCCESS"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "destination_country=DE", ".part-0.parquet.crc"), []byte("crc"), 0o644)

	out := filepath.Join(t.TempDir(), "all.jsonl")
	if _, err := screenFile(t, mem, []string{dir}, out, true, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range readJSONL(t, out) {
		got = append(got, r["shipment_id"].(string)+"/"+r["destination_country"].(string)+"/"+r["year"].(string)+"/"+r["priority"].(string))
	}
	want := []string{"C1/Côte d'Ivoire/2025/", "D1/DE/2025/high", "R1/RU/2025/high", "R2/RU/2025/"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v (sorted path order, partitions as columns)", got, want)
	}
}

func TestMapRenamesColumns(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	type row struct {
		ID        string `parquet:"DECL_NO,plain"`
		Consignee string `parquet:"CONSIGNEE,plain"`
	}
	var buf bytes.Buffer
	pq.Write(&buf, []row{{"X1", "mahan air"}, {"X2", "Nordwind Handels GmbH"}})
	dir := t.TempDir()
	in := filepath.Join(dir, "erp.parquet")
	os.WriteFile(in, buf.Bytes(), 0o644)
	m, err := pipeline.ParseColumnMap([]string{"shipment_id=DECL_NO", "consignee_name=consignee"})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "flagged.jsonl")
	sum, err := screenFile(t, mem, []string{in}, out, false, m)
	if err != nil {
		t.Fatal(err)
	}
	rows := readJSONL(t, out)
	if sum.Flagged != 1 || len(rows) != 1 || rows[0]["DECL_NO"] != "X1" {
		t.Errorf("flagged %d rows %v, want X1 under its own column name", sum.Flagged, rows)
	}
	if _, err := pipeline.ParseColumnMap([]string{"consignee=CONSIGNEE"}); err == nil {
		t.Error("--map with an unknown canonical name accepted")
	}
}

func TestOpenErrorsNameFileAndColumn(t *testing.T) {
	dir := t.TempDir()
	notParquet := filepath.Join(dir, "shipments.parquet")
	os.WriteFile(notParquet, []byte("shipment_id,consignee_name\nS1,ACME\n"), 0o644)
	noID := filepath.Join(dir, "no_id.parquet")
	type noIDRow struct {
		Consignee string `parquet:"consignee_name,plain"`
	}
	var buf bytes.Buffer
	pq.Write(&buf, []noIDRow{{"ACME Ltd"}})
	os.WriteFile(noID, buf.Bytes(), 0o644)
	badType := filepath.Join(dir, "bad_type.parquet")
	type badTypeRow struct {
		ID        string  `parquet:"shipment_id,plain"`
		Consignee float64 `parquet:"consignee_name"`
	}
	buf.Reset()
	pq.Write(&buf, []badTypeRow{{"S1", 3.5}})
	os.WriteFile(badType, buf.Bytes(), 0o644)
	other := filepath.Join(dir, "other.parquet")
	writePG(t, other, pgRows[:1])
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)

	cases := []struct {
		name     string
		specs    []string
		m        pipeline.ColumnMap
		sentinel error
		file     string
		column   string
	}{
		{"missing file", []string{filepath.Join(dir, "nope.parquet")}, nil, fs.ErrNotExist, filepath.Join(dir, "nope.parquet"), ""},
		{"not parquet", []string{notParquet}, nil, pipeline.ErrNotParquet, notParquet, ""},
		{"no shipment_id", []string{noID}, nil, pipeline.ErrMissingColumn, noID, "shipment_id"},
		{"mapped column absent", []string{other}, pipeline.ColumnMap{"consignee_name": "CONSIGNEE"}, pipeline.ErrMissingColumn, other, "CONSIGNEE"},
		{"unsupported type", []string{badType}, nil, pipeline.ErrBadType, badType, "consignee_name"},
		{"empty directory", []string{empty}, nil, pipeline.ErrNoFiles, empty, ""},
		{"glob matches nothing", []string{filepath.Join(dir, "*.pq")}, nil, pipeline.ErrNoFiles, filepath.Join(dir, "*.pq"), ""},
		{"second file differs", []string{other, noID}, nil, pipeline.ErrMissingColumn, noID, "shipment_id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parquetio.Open(t.Context(), c.specs, parquetio.Options{PassThrough: true, Map: c.m})
			var ie *pipeline.InputError
			if !errors.As(err, &ie) || !errors.Is(err, c.sentinel) {
				t.Fatalf("err = %v, want InputError wrapping %v", err, c.sentinel)
			}
			if ie.File != c.file || ie.Column != c.column {
				t.Errorf("location %q column %q, want %q %q", ie.File, ie.Column, c.file, c.column)
			}
			if !strings.Contains(err.Error(), c.file) || !strings.Contains(err.Error(), c.column) {
				t.Errorf("message %q does not name file and column", err)
			}
		})
	}
}

func TestSchemaMismatchBetweenFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.parquet"), filepath.Join(dir, "b.parquet")
	writePG(t, a, pgRows[:2])
	type fewer struct {
		ID        string `parquet:"shipment_id,plain"`
		Consignee string `parquet:"consignee_name,plain"`
	}
	var buf bytes.Buffer
	pq.Write(&buf, []fewer{{"S9", "ACME"}})
	os.WriteFile(b, buf.Bytes(), 0o644)
	_, err := parquetio.Open(t.Context(), []string{dir}, parquetio.Options{PassThrough: true})
	var ie *pipeline.InputError
	if !errors.As(err, &ie) || !errors.Is(err, pipeline.ErrSchemaMismatch) || ie.File != b {
		t.Fatalf("err = %v, want ErrSchemaMismatch naming %s", err, b)
	}
	// Without pass-through only the canonical columns matter.
	src, err := parquetio.Open(t.Context(), []string{dir}, parquetio.Options{})
	if err != nil {
		t.Fatalf("canonical-only read: %v", err)
	}
	if src.TotalRows() != 3 {
		t.Errorf("total rows %d, want 3", src.TotalRows())
	}
	src.Close()
}

func TestInvalidUTF8NamesRowAndColumn(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	dir := t.TempDir()
	in := filepath.Join(dir, "latin1.parquet")
	rows := append([]pgRow(nil), pgRows...)
	rows[4].ConsigneeName = sp("M\xfcller GmbH") // Latin-1 ü: not UTF-8
	writePG(t, in, rows)
	out := filepath.Join(dir, "out", "flagged.parquet")
	_, err := screenFile(t, mem, []string{in}, out, false, nil)
	var ie *pipeline.InputError
	if !errors.As(err, &ie) || !errors.Is(err, pipeline.ErrBadUTF8) {
		t.Fatalf("err = %v, want ErrBadUTF8", err)
	}
	if ie.File != in || ie.Row != 5 || ie.Column != "consignee_name" {
		t.Errorf("location %s row %d column %s, want row 5 consignee_name", ie.File, ie.Row, ie.Column)
	}
	noFiles(t, filepath.Join(dir, "out"))
}

func TestDeltaEncodedStrings(t *testing.T) {
	// No checked allocator here: see the note on pgRow.
	type row struct {
		ID        string `parquet:"shipment_id"`
		Consignee string `parquet:"consignee_name"`
	}
	var buf bytes.Buffer
	if err := pq.Write(&buf, []row{{"S1", "Rosoboronexport"}, {"S2", "Harrington Controls Inc."}}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "delta.parquet")
	os.WriteFile(in, buf.Bytes(), 0o644)
	out := filepath.Join(dir, "flagged.jsonl")
	if _, err := screenFile(t, memory.DefaultAllocator, []string{in}, out, false, nil); err != nil {
		t.Fatal(err)
	}
	if rows := readJSONL(t, out); len(rows) != 1 || rows[0]["shipment_id"] != "S1" {
		t.Errorf("flagged %v, want S1 only", rows)
	}
}

// TestOutputReadableByParquetGo reads the flagged file back with the other
// library, nested hits included.
func TestOutputReadableByParquetGo(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	dir := t.TempDir()
	in := filepath.Join(dir, "shipments.parquet")
	writePG(t, in, pgRows)
	out := filepath.Join(dir, "flagged.parquet")
	if _, err := screenFile(t, mem, []string{in}, out, false, nil); err != nil {
		t.Fatal(err)
	}
	type hit struct {
		Reason    string  `parquet:"reason"`
		Role      string  `parquet:"role"`
		List      string  `parquet:"list"`
		EntryID   string  `parquet:"entry_id"`
		QueryName string  `parquet:"query_name"`
		Score     float64 `parquet:"score"`
	}
	type outRow struct {
		ShipmentID string   `parquet:"shipment_id"`
		Flagged    bool     `parquet:"flagged"`
		Priority   string   `parquet:"priority"`
		Reasons    []string `parquet:"reasons,list"`
		Hits       []hit    `parquet:"hits,list"`
	}
	rows, err := pq.ReadFile[outRow](out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		for _, h := range r.Hits {
			got = append(got, r.ShipmentID+" "+h.Role+" "+h.EntryID+" "+h.QueryName)
		}
		if !r.Flagged || len(r.Reasons) != 1 || r.Reasons[0] != "PARTY_MATCH" {
			t.Errorf("row %+v", r)
		}
	}
	want := []string{"DE-2025-0002 consignee DEMO-001 ROSOBORONEXPORT", "DE-2025-0004 end_user DEMO-009 Mahan Air", "DE-2025-0006 consignee DEMO-001 Рособоронэкспорт"}
	if !slices.Equal(got, want) {
		t.Errorf("hits read by parquet-go:\n%v\nwant\n%v", got, want)
	}
}

// TestCanonicalOnlyReadsFewerColumns: without pass-through only the
// canonical columns present are read, and the rows screen the same.
func TestCanonicalOnlyReadsFewerColumns(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	in := filepath.Join(t.TempDir(), "shipments.parquet")
	writePG(t, in, pgRows)
	b, _, done := firstBatch(t, in, parquetio.Options{Mem: mem})
	defer done()
	if b.Rec.Schema().HasField("internal_note") || b.Rec.NumCols() != 9 {
		t.Errorf("read columns %v, want the 9 canonical ones only", b.Rec.Schema())
	}
	if err := pipeline.Extract(b); err != nil {
		t.Fatal(err)
	}
	if s := b.Shipments[3]; s.EndUserName != "Mahan Air" || s.ControlCode != "4A003" || s.ValueEUR != 450000 || !s.HasValue || s.Row != 3 {
		t.Errorf("shipment 4 = %+v", s)
	}
	if s := b.Shipments[2]; s.ConsigneeName != "" || s.HasValue {
		t.Errorf("nulls read as %+v", s)
	}
}
