package eval

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/lists"
)

// writeXLSX writes a minimal one-sheet workbook with inline strings. With
// refs false the cells carry no "r" reference, as in the IDB's export.
func writeXLSX(t *testing.T, rows [][]string, refs bool) string {
	t.Helper()
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i, r := range rows {
		if refs {
			fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		} else {
			sheet.WriteString(`<row>`)
		}
		for j, v := range r {
			ref := ""
			if refs {
				ref = fmt.Sprintf(` r="%c%d"`, 'A'+j, i+1)
			}
			fmt.Fprintf(&sheet, `<c%s t="inlineStr"><is><t>`, ref)
			if err := xml.EscapeText(&sheet, []byte(v)); err != nil {
				t.Fatal(err)
			}
			sheet.WriteString(`</t></is></c>`)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet.String(),
		"xl/styles.xml":              `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
	}
	path := filepath.Join(t.TempDir(), "list.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadDebarredWorldBank: the World Bank's sheet opens with a
// "Downloaded on" line; individuals are the titled names, firms are not.
func TestReadDebarredWorldBank(t *testing.T) {
	path := writeXLSX(t, [][]string{
		{"Downloaded on: 07/01/2025 10:37"},
		{"Firm Name", "Additional Firm Info", "Address", "Country"},
		{"MR. RUFAT MAJIDOV", "*677", "BINAGADI HIGHWAY, BAKU", "Azerbaijan"},
		{"ANHUI CONSTRUCTION ENGINEERING GROUP CO., LTD.", "", "HEFEI", "China"},
		{"MS. TRAN THI HOAN", "", "HANOI", "Viet Nam"},
		{"MR. BAMIDELE OBINIYI (ALSO KNOWN AS BAMIDELE ABAYOMI)", "", "LAGOS", "Nigeria"},
		{"MISSION & PARTNERS S.A.", "", "QUITO", "Ecuador"},
	}, true)
	got, firms, err := ReadDebarred(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"MR. RUFAT MAJIDOV", "MS. TRAN THI HOAN", "MR. BAMIDELE OBINIYI"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if want := []string{"ANHUI CONSTRUCTION ENGINEERING GROUP CO., LTD.", "MISSION & PARTNERS S.A."}; !slices.Equal(firms, want) {
		t.Errorf("firms %q, want %q", firms, want)
	}
}

// TestReadDebarredIDB: the IDB's sheet has no cell references; the
// name is in "Title" and the kind in "Entity".
func TestReadDebarredIDB(t *testing.T) {
	path := writeXLSX(t, [][]string{
		{"Title", "Entity", "Nationality", "Country"},
		{"“Timir” LLP (“Timir”)", "Firm", "Kazakhstan", "Kyrgyzstan"},
		{"Adán Acosta Sánchez\u00a0", "Individual", "Honduras", "Honduras"},
		{"Farad dos Santos Mercês (“FARAD MERCÊS)", "Individual", "Brazil", "Brazil"},
		{"DŨNG, Đoàn Anh", "Individual", "Viet Nam", "Viet Nam"},
		{"Ruth Eli Cuarezma Fuentes c/o Coronado Ingenieros S.A.", "Individual", "Nicaragua", "Nicaragua"},
	}, false)
	got, firms, err := ReadDebarred(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Adán Acosta Sánchez", "Farad dos Santos Mercês", "DŨNG, Đoàn Anh", "Ruth Eli Cuarezma Fuentes"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if want := []string{"“Timir” LLP"}; !slices.Equal(firms, want) {
		t.Errorf("firms %q, want %q", firms, want)
	}
}

func TestReadDebarredErrors(t *testing.T) {
	noHeader := writeXLSX(t, [][]string{{"Name", "Country"}, {"MR. RUFAT MAJIDOV", "Azerbaijan"}}, true)
	if _, _, err := ReadDebarred(noHeader); !errors.Is(err, ErrDebarred) || !strings.Contains(err.Error(), noHeader) {
		t.Errorf("no known header: got %v", err)
	}
	noName := writeXLSX(t, [][]string{
		{"Title", "Entity"},
		{"Jose Benigno Coronado Mendez", "Individual"},
		{"", "Individual"},
	}, false)
	_, _, err := ReadDebarred(noName)
	if !errors.Is(err, ErrDebarred) || !strings.Contains(err.Error(), "row 3") || !strings.Contains(err.Error(), `"Title"`) {
		t.Errorf("party without a name: got %v, want file, row 3 and column Title", err)
	}
	notXLSX := filepath.Join(t.TempDir(), "list.xlsx")
	if err := os.WriteFile(notXLSX, []byte("Firm Name,Country\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadDebarred(notXLSX); !errors.Is(err, ErrDebarred) {
		t.Errorf("not an xlsx file: got %v", err)
	}
}

// TestAddInnocents: a person named like a listed one, title and order
// aside, is a namesake and left out; the others are innocents of their own
// source, held out by the name's hash.
func TestAddInnocents(t *testing.T) {
	l := &lists.List{ID: "ofac_sdn", Entries: []*lists.Entry{person("ofac_sdn", "27472", "", "LI, Yi")}}
	d := Derive([]*lists.List{l}, nil, DevSetOptions{})
	d.AddInnocents(SourceInnocentPerson, []string{"MR. LI YI", "MS. TRAN THI HOAN", "Adán Acosta Sánchez", "MS. TRAN THI HOAN"})
	var got []string
	for _, p := range d.Pairs {
		if p.Source == SourceInnocentPerson {
			if p.Label || len(p.Targets) > 0 || p.HeldOut != heldOut(p.Query, d.o) {
				t.Errorf("%+v: want an innocent held out by its hash", p)
			}
			got = append(got, p.Query)
		}
	}
	if want := []string{"MS. TRAN THI HOAN", "Adán Acosta Sánchez"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := d.Counts[SourceInnocentPerson+" namesake removed"]; n != 1 {
		t.Errorf("namesakes removed %d, want 1", n)
	}
}

// TestReadDebarredRealData reads the published files in place.
func TestReadDebarredRealData(t *testing.T) {
	dir := testutil.SharedData(t, "restricted_parties/other_lists_wiktorrajca")
	for _, c := range []struct {
		file     string
		min, max int
		one      string
	}{
		{"world_bank_listing_of_ineligible_firms_and_individuals.xlsx", 120, 400, "MR. RUFAT MAJIDOV"},
		{"Inter-American_Development_Bank-Sanctioned_Firms_and_Individuals.xlsx", 150, 400, "Agus Bastoni"},
	} {
		got, firms, err := ReadDebarred(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if len(firms) < 500 {
			t.Errorf("%s: %d firms, want hundreds", c.file, len(firms))
		}
		if len(got) < c.min || len(got) > c.max || !slices.Contains(got, c.one) {
			t.Errorf("%s: %d individuals (want %d to %d, with %q)", c.file, len(got), c.min, c.max, c.one)
		}
		for _, n := range got {
			if strings.Contains(strings.ToUpper(n), " LTD") || strings.Contains(strings.ToUpper(n), " S.A.") {
				t.Errorf("%s: a firm read as an individual: %q", c.file, n)
			}
		}
		t.Logf("%s: %d individuals, %d firms", c.file, len(got), len(firms))
	}
}
