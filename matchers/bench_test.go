package matchers_test

import (
	"context"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dualscreen/dualscreen/eval"
	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

var (
	allOnce    sync.Once
	allEntries []*lists.Entry
	allErr     error
)

// loadAll loads every list in ../shared/data/restricted_parties that the
// readers recognise, once per test binary.
func loadAll(tb testing.TB) []*lists.Entry {
	dir := testutil.SharedData(tb, "restricted_parties")
	allOnce.Do(func() {
		ls, err := lists.LoadDir(context.Background(), dir)
		if err != nil {
			allErr = err
			return
		}
		for _, l := range ls {
			allEntries = append(allEntries, l.Entries...)
		}
	})
	if allErr != nil {
		tb.Fatal(allErr)
	}
	return allEntries
}

func secNames(tb testing.TB) []string {
	p := testutil.SharedData(tb, "shipments/company_names")
	n, err := eval.ReadSECCompanyNames(filepath.Join(p, "sec_company_tickers_exchange.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// benchQueries are distinct names as a shipment file has them: mostly
// innocent company names, some list names respelled.
func benchQueries(tb testing.TB, entries []*lists.Entry) []string {
	qs := secNames(tb)
	for i, e := range entries {
		if i%7 == 0 && len(e.Names) > 0 {
			qs = append(qs, e.Names[len(e.Names)-1].Value)
		}
	}
	return qs
}

func BenchmarkBuildIndex(b *testing.B) {
	entries := loadAll(b)
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		matchers.BuildIndex(entries)
		n++
	}
	b.ReportMetric(float64(len(entries)), "entries")
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(n), "cpu-s/op")
}

// BenchmarkNewAligned is what a run pays before its first name: the index
// and the neighbours of every vocabulary word (tokencache.go).
func BenchmarkNewAligned(b *testing.B) {
	entries := loadAll(b)
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		matchers.NewAligned(entries, matchers.Options{})
		n++
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(n), "cpu-s/op")
}

// BenchmarkMatch runs one goroutine: names per second per core.
func BenchmarkMatch(b *testing.B) {
	entries := loadAll(b)
	m := matchers.NewAligned(entries, matchers.Options{})
	qs := benchQueries(b, entries)
	var dst []matchers.Match
	i := 0
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	for b.Loop() {
		dst = m.Match(matchers.Query{Name: qs[i%len(qs)]}, dst[:0])
		i++
	}
	b.ReportMetric(float64(i)/time.Since(start).Seconds(), "names/s")
	// On a shared machine wall time overstates the cost; CPU time of this
	// process (one goroutine matching) is what one core delivers.
	b.ReportMetric(float64(i)/(cpuTime()-cpu0).Seconds(), "names/cpu-s")
}

// cpuTime is the user+system CPU time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
