package pipeline_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/pipeline"
)

// extractLayouts are the Arrow string layouts Parquet readers hand us.
var extractLayouts = []arrow.DataType{
	arrow.BinaryTypes.String,
	arrow.BinaryTypes.LargeString,
	arrow.BinaryTypes.Binary,
	&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int16, ValueType: arrow.BinaryTypes.String},
}

// FuzzExtract decodes two rows of shipment_id, consignee_name and
// end_user_name, in the layout the fuzzer picks, into the model.
// Properties: invalid UTF-8 fails with the first bad cell's row and column;
// an empty or blank shipment_id fails with its row; otherwise every field is
// the trimmed input (null reads as ""), and row numbers follow FirstRow.
// The empty string stands for null in the inputs' second row when nulls is
// odd.
func FuzzExtract(f *testing.F) {
	f.Add(uint8(0), uint8(0), "S-1", "Rosoboronexport", "", "S-2", " Mahan Air ", "IRGC")
	f.Add(uint8(3), uint8(1), "S-1", "Müller Präzisionstechnik GmbH", "Корея Рёнбон", "S-2", "", "")
	f.Add(uint8(1), uint8(0), "S-1", "M\xfcller", "", "S-2", "ACME", "")
	f.Add(uint8(2), uint8(1), "  ", "ACME", "", "S-2", "ACME", "")
	// One é split across two cells: the column's bytes are valid UTF-8,
	// its cells are not.
	f.Add(uint8(0), uint8(0), "S-1", "Caf\xc3", "", "S-2", "\xa9 GmbH", "")
	f.Add(uint8(3), uint8(0), "S-1", "=HYPERLINK(\"x\")", "\u202eevil", "S-1", "\t@SUM(A1)", "\x00")
	f.Fuzz(func(t *testing.T, layout, nulls uint8, id1, con1, eu1, id2, con2, eu2 string) {
		dt := extractLayouts[int(layout)%len(extractLayouts)]
		names := []string{"shipment_id", "consignee_name", "end_user_name"}
		rows := [2][3]string{{id1, con1, eu1}, {id2, con2, eu2}}
		null := func(r, c int) bool { return r == 1 && nulls%2 == 1 && rows[r][c] == "" }
		mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
		defer mem.AssertSize(t, 0)
		fields := make([]arrow.Field, 3)
		cols := make([]arrow.Array, 3)
		for c := range 3 {
			fields[c] = arrow.Field{Name: names[c], Type: dt, Nullable: true}
			b := array.NewBuilder(mem, dt)
			for r := range 2 {
				if null(r, c) {
					b.AppendNull()
					continue
				}
				switch b := b.(type) {
				case *array.StringBuilder:
					b.Append(rows[r][c])
				case *array.LargeStringBuilder:
					b.Append(rows[r][c])
				case *array.BinaryBuilder:
					b.AppendString(rows[r][c])
				case *array.BinaryDictionaryBuilder:
					if err := b.AppendString(rows[r][c]); err != nil {
						t.Fatal(err)
					}
				}
			}
			cols[c] = b.NewArray()
			b.Release()
		}
		schema := arrow.NewSchema(fields, nil)
		rec := array.NewRecord(schema, cols, 2)
		for _, c := range cols {
			c.Release()
		}
		colsAt, err := pipeline.ResolveColumns("fuzz.parquet", schema, nil)
		if err != nil {
			t.Fatal(err)
		}
		b := &pipeline.Batch{Rec: rec, File: "fuzz.parquet", FirstRow: 40, Cols: colsAt}
		defer b.Release()
		err = pipeline.Extract(b)

		// The expected outcome, row by row and column by column as Extract
		// walks them.
		var wantErr error
		var wantRow int64
		var wantCol string
	rowsLoop:
		for r := range 2 {
			for c := range 3 {
				if !null(r, c) && !utf8.ValidString(rows[r][c]) {
					wantErr, wantRow, wantCol = pipeline.ErrBadUTF8, int64(41+r), names[c]
					break rowsLoop
				}
			}
			if null(r, 0) || strings.TrimSpace(rows[r][0]) == "" {
				wantErr, wantRow, wantCol = pipeline.ErrNullValue, int64(41+r), names[0]
				break
			}
		}
		if wantErr != nil {
			var ie *pipeline.InputError
			if !errors.As(err, &ie) || !errors.Is(err, wantErr) || ie.Row != wantRow || ie.Column != wantCol || ie.File != "fuzz.parquet" {
				t.Fatalf("got error %v, want %v at row %d column %s", err, wantErr, wantRow, wantCol)
			}
			return
		}
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		for r := range 2 {
			s := b.Shipments[r]
			got := [3]string{s.ShipmentID, s.ConsigneeName, s.EndUserName}
			for c := range 3 {
				want := strings.TrimSpace(rows[r][c])
				if null(r, c) {
					want = ""
				}
				if got[c] != want {
					t.Errorf("row %d %s = %q, want %q", r, names[c], got[c], want)
				}
			}
			if s.Row != int64(40+r) {
				t.Errorf("row %d numbered %d", r, s.Row)
			}
		}
	})
}
