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
