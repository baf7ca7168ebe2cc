package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzPartyKey(f *testing.F) {
	for _, s := range []string{"ROSOBORON-Trade, LLC", "Société Générale", "=cmd|' /C calc'!A0", "ＡＢＣ　Ltd.", "\xff\xfe", "Ǆemal  Ⅻ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := PartyKey(s)
		if PartyKey(k) != k {
			t.Fatalf("not idempotent: %q → %q → %q", s, k, PartyKey(k))
		}
		if !utf8.ValidString(k) || strings.TrimSpace(k) != k || strings.Contains(k, "  ") {
			t.Fatalf("key %q of %q is not clean", k, s)
		}
		if k != "" && strings.ContainsRune("=+-@'\"", rune(k[0])) {
			t.Fatalf("key %q could be read as a formula", k)
		}
	})
}

func FuzzReadDispositionsCSV(f *testing.F) {
	f.Add(dispHeader + "rosoboron trade,ofac_sdn,9001,h1,false_positive,anna,2024-05-01,\n")
	f.Add(dispHeader + "\"a\"\"b\",un_sc,KPe.001,,escalate,,,\"multi\nline\"\n")
	f.Add("party_name_normalised,list\nx,y\n")
	f.Fuzz(func(t *testing.T, body string) {
		p := filepath.Join(t.TempDir(), "d.csv")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		ds, err := ReadDispositions(t.Context(), p)
		if err != nil {
			if !strings.Contains(err.Error(), p) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, d := range ds.SortedKeys() {
			if d.PartyKey == "" || PartyKey(d.PartyKey) != d.PartyKey || d.List == "" || d.EntryID == "" {
				t.Fatalf("kept an incomplete decision %+v", d)
			}
			switch d.Verdict {
			case FalsePositive, TrueMatch:
				if d.EntryHash == "" {
					t.Fatalf("kept a %s without entry hash", d.Verdict)
				}
			case Escalate, Pending:
			default:
				t.Fatalf("kept verdict %q", d.Verdict)
			}
			if _, ok := ds.Lookup(d.PartyKey, d.List, d.EntryID); !ok {
				t.Fatalf("decision %+v cannot be looked up by its own key", d)
			}
		}
	})
}
