package textio_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/pipeline/textio"
)

func TestNeutralise(t *testing.T) {
	cases := map[string]string{
		"=HYPERLINK(\"http://x\",\"click\")": "'=HYPERLINK(\"http://x\",\"click\")",
		"+49 30 1234":                        "'+49 30 1234",
		"-2+3":                               "'-2+3",
		"@SUM(A1)":                           "'@SUM(A1)",
		"\tcmd":                              "'\tcmd",
		"\rcmd":                              "'\rcmd",
		"Müller GmbH":                        "Müller GmbH",
		"":                                   "",
		"a=b":                                "a=b",
	}
	for in, want := range cases {
		if got := textio.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// batch builds a two-row batch: row 0 flagged with one hit, row 1 clean.
func batch(t *testing.T, mem memory.Allocator) *pipeline.Batch {
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "shipment_id", Type: arrow.BinaryTypes.String},
		{Name: "consignee_name", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	}, nil)
	rb := array.NewRecordBuilder(mem, schema)
	defer rb.Release()
	rb.Field(0).(*array.StringBuilder).AppendValues([]string{"S1", "S2"}, nil)
	rb.Field(1).(*array.StringBuilder).AppendValues([]string{"=cmd|' /C calc'!A0", ""}, []bool{true, false})
	rb.Field(2).(*array.Float64Builder).AppendValues([]float64{-12.5, 0}, []bool{true, false})
	rec := rb.NewRecord()
	cols, err := pipeline.ResolveColumns("t.parquet", schema, nil)
	if err != nil {
		t.Fatal(err)
	}
	hit := evidence.Hit{Reason: evidence.PartyMatch, Role: evidence.RoleConsignee, List: "inhouse", EntryID: "DEMO-001",
		EntryName: "Rosoboronexport", EntryType: "organisation", MatchedName: "Rosoboronexport", QueryName: "=cmd|' /C calc'!A0",
		Score: 0.9, Programs: "US-SDN", LegalBasis: "test", Explanation: "-x"}
	return &pipeline.Batch{Rec: rec, File: "t.parquet", Cols: cols,
		Hits:      [][]evidence.Hit{{hit}, nil},
		Decisions: []evidence.Decision{{Flagged: true, RiskScore: 0.9, Priority: evidence.PriorityMedium, Reasons: []evidence.Reason{evidence.PartyMatch}}, {}},
	}
}

func TestJSONLAllRows(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	b := batch(t, mem)
	defer b.Release()
	out := filepath.Join(t.TempDir(), "o.jsonl")
	s, err := textio.NewJSONLSink(out, b.Rec.Schema(), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	wantPrefix := `{"shipment_id":"S1","consignee_name":"=cmd|' /C calc'!A0","value_eur":-12.5,"flagged":true,"risk_score":0.9,"priority":"medium","reasons":["PARTY_MATCH"],"hits":[{"reason":"PARTY_MATCH","role":"consignee","list":"inhouse","entry_id":"DEMO-001",`
	if !strings.HasPrefix(lines[0], wantPrefix) {
		t.Errorf("line 1\n%s\nwant prefix\n%s", lines[0], wantPrefix)
	}
	if want := `{"shipment_id":"S2","consignee_name":null,"value_eur":null,"flagged":false,"risk_score":0,"priority":"","reasons":[],"hits":[]}`; lines[1] != want {
		t.Errorf("line 2\n%s\nwant\n%s", lines[1], want)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &v); err != nil {
		t.Fatal(err)
	}
	if n := len(v["hits"].([]any)[0].(map[string]any)); n != len(pipeline.HitFields) {
		t.Errorf("hit has %d keys, want %d", n, len(pipeline.HitFields))
	}
}

func TestCSVNeutralisesTextNotNumbers(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	b := batch(t, mem)
	defer b.Release()
	out := filepath.Join(t.TempDir(), "o.csv")
	s, err := textio.NewCSVSink(out, b.Rec.Schema(), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(out)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want header and one flagged row", len(recs))
	}
	if got := strings.Join(recs[0], ","); got != "shipment_id,consignee_name,value_eur,flagged,risk_score,priority,reasons,hits" {
		t.Errorf("header %s", got)
	}
	row := recs[1]
	if row[1] != "'=cmd|' /C calc'!A0" {
		t.Errorf("consignee cell %q not neutralised", row[1])
	}
	if row[2] != "-12.5" {
		t.Errorf("number cell %q changed", row[2])
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(row[7]), &hits); err != nil || len(hits) != 1 || hits[0]["explanation"] != "-x" {
		t.Errorf("hits cell %q: %v", row[7], err)
	}
}

func TestAbortRemovesFile(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	b := batch(t, mem)
	defer b.Release()
	dir := t.TempDir()
	s, err := textio.NewCSVSink(filepath.Join(dir, "o.csv"), b.Rec.Schema(), true)
	if err != nil {
		t.Fatal(err)
	}
	s.Write(t.Context(), b)
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if err := s.Abort(); err != nil {
		t.Errorf("second Abort: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}
}

// FuzzNeutralise checks that a neutralised cell never starts a formula and
// that the original is recoverable by dropping the added apostrophe.
func FuzzNeutralise(f *testing.F) {
	for _, s := range []string{"=1+1", "+49", "-3", "@A1", "\tx", "\rx", "Müller", "", "'=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := textio.Neutralise(s)
		if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
			t.Fatalf("Neutralise(%q) = %q still starts a formula", s, got)
		}
		if got != s && got != "'"+s {
			t.Fatalf("Neutralise(%q) = %q: neither unchanged nor one apostrophe added", s, got)
		}
	})
}
