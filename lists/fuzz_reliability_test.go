package lists

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/data/demo"
)

// inhouseSeeds are in-house CSVs as exporters keep them, with the faults a
// hand-edited spreadsheet export has.
var inhouseSeeds = []string{
	string(demo.ListCSV),
	"id,name,aliases,type,countries,programs,notes\nIH-1,Rosoboronexport,~Rosoboron;JSC Rosoboronexport,organisation,RU,EO14024,\n",
	"\ufeffID,Name,Aliases\r\nIH-2,Mahan Air,,\r\n,Nameless,,\r\n",
	"id,name,aliases,type,countries,programs,notes\nIH-3,\"Unclosed Quote Ltd,,organisation,KP,,\n",
	"id,name\nIH-4,M\xfcller GmbH\nIH-5,  \n",
	"name,id\nKorea Mining Development Trading Corporation,IH-6\n",
	"id,name,aliases,type,countries,programs,notes\nIH-7,Green Pine,Chongsong Yonhap,entity,Korea (North);kp,UN 1718,\"multi\nline note\"\n",
}

// FuzzInhouseCSV: the in-house reader returns an error naming the file, or
// well-formed entries; every skipped row is a problem with the file and a
// line number, and no row is lost without one.
func FuzzInhouseCSV(f *testing.F) {
	for _, s := range inhouseSeeds {
		f.Add([]byte(s))
	}
	own, err := os.ReadFile("testdata/inhouse/own_list.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(own)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "inhouse.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := ReadInhouseCSV(context.Background(), path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		checkWellFormed(t, l)
		for _, p := range l.Problems {
			if p.File != path || p.Line < 1 || p.Reason == "" {
				t.Fatalf("problem %+v lacks file, line or reason", p)
			}
		}
	})
}

// loadNames are the file names format detection keys on, so the fuzzer
// reaches every reader through Load as the CLI does.
var loadNames = []string{"sdn.csv", "cons_prim.csv", "SDN_ENHANCED.XML", "consolidated.xml", "consolidated.csv",
	"consolidated.json", "32014R0269.csv", "dpl.txt", "entities.ftm.json", "targets.simple.csv", "list.csv", "list.csv.gz",
	"export.xml", "export.csv", "ConList.csv", "UK-Sanctions-List.csv", "us_bis_mieu.csv"}

// FuzzLoad writes arbitrary bytes under a name some format expects and
// loads it the way --list FILE does (detection, then the reader).
// Properties: no panic; a load either fails with an error that names the
// file, or gives well-formed entries.
func FuzzLoad(f *testing.F) {
	for i, s := range inhouseSeeds {
		f.Add(uint8(10), []byte(s))
		f.Add(uint8(i), []byte(s))
	}
	// One real fixture per format, under the name loadNames gives it.
	for i, seed := range []string{"ofac_sdn/sdn.csv", "ofac_cons/cons_prim.csv", "ofac_enhanced/SDN_ENHANCED.XML", "un/consolidated.xml",
		"us_csl/consolidated.csv", "us_csl/consolidated.json", "eu_journal/32014R0269.csv", "bis_dpl/dpl.txt",
		"ftm/entities.ftm.json", "ftm/targets.simple.csv", "inhouse/own_list.csv", "us_csl/consolidated.csv.gz",
		"eu_fsf/export.xml", "eu_fsf/export.csv", "uk/ConList.csv", "uk/UK-Sanctions-List.csv", "os_curated/us_bis_mieu.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", seed))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), b)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		sub := filepath.Join(dir, "x")
		os.RemoveAll(sub)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(sub, loadNames[int(which)%len(loadNames)])
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := Load(context.Background(), path)
		if err != nil {
			if !strings.Contains(err.Error(), filepath.Base(path)) && !errors.Is(err, ErrUnknownFormat) {
				t.Fatalf("error %q does not name %s", err, path)
			}
			return
		}
		if l.ID == "" || l.Format == "" {
			t.Fatalf("list without id or format: %+v", l)
		}
		checkWellFormed(t, l)
	})
}
