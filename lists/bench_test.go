package lists

import (
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

// BenchmarkLoadAll loads every list in the shared restricted_parties folder,
// as `screen --lists` would. Target: under 2 s per load on the 2-core dev
// machine (issue 3).
func BenchmarkLoadAll(b *testing.B) {
	dir := testutil.SharedData(b, "restricted_parties")
	if _, err := LoadDir(b.Context(), dir); err != nil { // warm the country table and the page cache
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ls, err := LoadDir(b.Context(), dir)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, l := range ls {
			n += len(l.Entries)
		}
		b.ReportMetric(float64(n), "entries")
	}
}

// BenchmarkLoadFile loads each big shared file alone, to see which format
// dominates BenchmarkLoadAll.
func BenchmarkLoadFile(b *testing.B) {
	for _, c := range []struct{ name, rel string }{
		{"ofac_sdn_csv", "restricted_parties/ofac_sdn/sdn_2024-05-03.csv"},
		{"us_csl_csv_gz", "restricted_parties/us_csl/consolidated.csv.gz"},
		{"un_xml", "restricted_parties/un_sc/UN_consolidated.xml"},
		{"ofac_cons_enhanced_zip", "restricted_parties/ofac_consolidated_nonsdn/CONS_ENHANCED.ZIP"},
		{"eu_journal_833", "restricted_parties/eu_journal_sanctions/consolidated/32014R0833.csv"},
	} {
		b.Run(c.name, func(b *testing.B) {
			p := testutil.SharedData(b, c.rel)
			if _, err := Load(b.Context(), p); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(b.Context(), p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
