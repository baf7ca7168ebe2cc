package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/evidence"
)

const dispHeader = "party_name_normalised,list,entry_id,entry_hash,disposition,reviewer,decided_at,comment\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadDispositionsCSVErrorsNameLineAndColumn(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"bad verdict", "acme,ofac_sdn,1,h1,cleared,anna,2024-05-06,\n", "line 2, column disposition: \"cleared\" is not one of"},
		{"no hash on false positive", "x,ofac_sdn,1,h1,pending,,,\nacme,ofac_sdn,2,,false_positive,anna,2024-05-06,\n", "line 3, column entry_hash: empty"},
		{"no list", "acme,,1,h1,true_match,anna,2024-05-06,\n", "line 2, column list: empty"},
		{"name without letters", "\"=-- !\",un_sc,1,h1,true_match,anna,2024-05-06,\n", "line 2, column party_name_normalised"},
		{"bad date", "acme,un_sc,KPe.001,h1,true_match,anna,06/05/2024,\n", "line 2, column decided_at"},
		{"missing column", "", "line 1: missing column"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := dispHeader + tc.body
			if tc.name == "missing column" {
				body = "party_name_normalised,list,entry_id\nacme,un_sc,1\n"
			}
			_, err := ReadDispositions(t.Context(), writeTemp(t, "d.csv", body))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "d.csv") {
				t.Fatalf("error %v, want one naming d.csv and %q", err, tc.want)
			}
		})
	}
}

func TestDispositionsApply(t *testing.T) {
	p := writeTemp(t, "d.csv", dispHeader+
		"rosoboron trade 1,ofac_sdn,9001,hash-9001,false_positive,anna,2024-05-01,different company (Kazan)\n"+
		// a later line for the same key overrides the earlier one; the earlier is audit trail
		"ROSOBORON TRADE 2,ofac_sdn,9002,hash-9002,false_positive,anna,2024-05-01,\n"+
		"rosoboron trade 2,ofac_sdn,9002,hash-9002,true_match,ben,2024-05-03T09:00:00Z,confirmed with legal\n"+
		"rosoboron trade 0,ofac_sdn,9000,stale-hash,false_positive,anna,2024-05-01,\n")
	ds, err := ReadDispositions(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != 3 || ds.Lines != 4 {
		t.Fatalf("%d keys from %d lines, want 3 from 4", ds.Len(), ds.Lines)
	}
	current := func(list, id string) (string, bool) { return "hash-" + id, true }
	hit := func(name, id string) []evidence.Hit {
		return []evidence.Hit{{Reason: evidence.PartyMatch, Role: evidence.RoleConsignee, List: "ofac_sdn", EntryID: id, QueryName: name, Score: 0.9, Explanation: "aligned"},
			{Reason: evidence.DualUseLicenceRequired, Role: evidence.RoleGoods, Explanation: "Annex I 3A225"}}
	}

	h := hit("Rosoboron-Trade 1", "9001")
	o := ds.Apply(h, current)
	if o.Suppressed != 1 || h[0].Reason != evidence.SuppressedByDisposition || !strings.Contains(h[0].Explanation, "was PARTY_MATCH") {
		t.Errorf("false positive not suppressed: %+v %+v", o, h[0])
	}
	if h[1].Reason != evidence.DualUseLicenceRequired {
		t.Errorf("a goods hit was touched: %+v", h[1])
	}
	dec := decide(h[:1])
	AdjustDecision(&dec, h[:1], o)
	if dec.Flagged {
		t.Errorf("row with only a suppressed hit still flagged: %+v", dec)
	}

	h = hit("Rosoboron Trade 2", "9002")
	o = ds.Apply(h, current)
	dec = evidence.Decision{Flagged: true, Priority: evidence.PriorityLow, Reasons: []evidence.Reason{evidence.PartyMatch}}
	AdjustDecision(&dec, h, o)
	if !o.TrueMatch || dec.Priority != evidence.PriorityHigh || h[0].Reason != evidence.PartyMatch {
		t.Errorf("true match (the later line) not kept at high priority: %+v %+v", o, dec)
	}

	h = hit("Rosoboron Trade 0", "9000")
	o = ds.Apply(h, current)
	if o.Lapsed != 1 || h[0].Reason != evidence.PartyMatch || !strings.Contains(h[0].Explanation, "lapsed") {
		t.Errorf("decision on a changed entry did not lapse: %+v %+v", o, h[0])
	}
}

func TestDispositionLineRoundTrips(t *testing.T) {
	h := evidence.Hit{Reason: evidence.PartyMatch, List: "un_sc", EntryID: "KPe.001", QueryName: `"Korea", Mining; =Trading`}
	line := DispositionLine(h, "abc123", FalsePositive)
	if line != "korea mining trading,un_sc,KPe.001,abc123,false_positive,,," {
		t.Fatalf("line %q", line)
	}
	ds, err := ReadDispositions(t.Context(), writeTemp(t, "d.csv", dispHeader+line+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ds.Lookup(h.QueryName, "un_sc", "KPe.001"); !ok {
		t.Error("the report's line does not key back to its hit")
	}
}

func TestReadDispositionsParquet(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	var fields []arrow.Field
	for _, c := range DispositionColumns {
		fields = append(fields, arrow.Field{Name: c, Type: arrow.BinaryTypes.String, Nullable: true})
	}
	sc := arrow.NewSchema(fields, nil)
	b := array.NewRecordBuilder(mem, sc)
	defer b.Release()
	rows := [][]string{
		{"korea mining development trading corporation", "un_sc", "KPe.001", "h1", "false_positive", "anna", "2024-05-06", "name only"},
		{"bank melli", "ofac_sdn", "10585", "", "escalate", "ben", "", ""},
	}
	for _, r := range rows {
		for i, v := range r {
			if v == "" {
				b.Field(i).(*array.StringBuilder).AppendNull()
			} else {
				b.Field(i).(*array.StringBuilder).Append(v)
			}
		}
	}
	rec := b.NewRecord()
	defer rec.Release()
	tbl := array.NewTableFromRecords(sc, []arrow.Record{rec})
	defer tbl.Release()
	var buf bytes.Buffer
	if err := pqarrow.WriteTable(tbl, &buf, 1024, nil, pqarrow.DefaultWriterProps()); err != nil {
		t.Fatal(err)
	}
	p := writeTemp(t, "dispositions.parquet", buf.String())
	ds, err := ReadDispositions(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := ds.Lookup("Korea Mining Development Trading Corporation", "un_sc", "KPe.001")
	if !ok || got.Verdict != FalsePositive || got.Comment != "name only" || got.Line != 1 {
		t.Errorf("parquet row 1: %+v %v", got, ok)
	}
	if got, ok := ds.Lookup("BANK MELLI", "ofac_sdn", "10585"); !ok || got.Verdict != Escalate {
		t.Errorf("parquet row 2: %+v %v", got, ok)
	}
}
