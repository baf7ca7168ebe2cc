//go:build unix

package pipeline

import (
	"context"
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// everyHundredth is a matcher that finds one entry for one name in a
// hundred (by hash) and nothing for the rest, like a batch where most
// parties are innocent. It does no real matching, so a benchmark over it
// measures the party stage's own per-row cost.
type everyHundredth struct {
	seed  maphash.Seed
	entry *lists.Entry
	calls atomic.Int64
}

func (m *everyHundredth) Match(q matchers.Query, dst []matchers.Match) []matchers.Match {
	m.calls.Add(1)
	if maphash.String(m.seed, q.Name)%100 == 0 {
		dst = append(dst, matchers.Match{Entry: m.entry, Score: 0.9, Explanation: "bench"})
	}
	return dst
}

// benchBatches builds batches of rows whose consignee and end user are
// drawn like the benchmark generator's (benchmarks/gen): half uniformly
// from distinct names, half Zipf-distributed (s=1.1) over them. Each
// batch's names are views of one contiguous buffer, as Extract's point
// into an Arrow record.
func benchBatches(distinct, batches, size int) []*Batch {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"Handels", "Trading", "Technik", "Import", "Export", "Systems", "Logistik", "Industrial", "Machinery", "Electronics", "Holding", "Components"}
	forms := []string{"GmbH", "Ltd", "LLC", "S.A.", "OOO", "Co., Ltd.", "B.V.", "AG"}
	countries := []string{"DE", "CN", "TR", "AE", "US", "IN", "KZ", "RU", "FR", "IT"}
	type party struct{ name, country string }
	pool := make([]party, distinct)
	for i := range pool {
		pool[i] = party{
			fmt.Sprintf("%s %s %d %s", words[r.IntN(len(words))], words[r.IntN(len(words))], i, forms[r.IntN(len(forms))]),
			countries[r.IntN(len(countries))],
		}
	}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 4, uint64(distinct-1))
	draw := func() party {
		if r.IntN(2) == 0 {
			return pool[r.IntN(distinct)]
		}
		return pool[zipf.Uint64()]
	}
	out := make([]*Batch, batches)
	for bi := range out {
		b := &Batch{Shipments: make([]evidence.Shipment, size), Hits: make([][]evidence.Hit, size)}
		var buf []byte
		type span struct{ off, n int }
		spans := make([][4]span, size)
		for i := range size {
			c, e := draw(), draw()
			for k, s := range []string{c.name, c.country, e.name, e.country} {
				spans[i][k] = span{len(buf), len(s)}
				buf = append(buf, s...)
			}
		}
		view := func(s span) string { return unsafe.String(unsafe.SliceData(buf[s.off:]), s.n) }
		for i := range size {
			s := &b.Shipments[i]
			s.ConsigneeName, s.ConsigneeCountry = view(spans[i][0]), view(spans[i][1])
			s.EndUserName, s.EndUserCountry = view(spans[i][2]), view(spans[i][3])
		}
		out[bi] = b
	}
	return out
}

// BenchmarkPartyLookups measures the party stage per name looked up once
// every name is cached (the steady state of a long run), on two
// goroutines as on the benchmark machine's two cores. distinct=200000 is
// the 10M-row benchmark batch's name pool: a cache that size no longer
// fits the processor's caches, so each lookup pays memory latency.
func BenchmarkPartyLookups(b *testing.B) {
	for _, distinct := range []int{20_000, 200_000} {
		b.Run(fmt.Sprintf("distinct=%d", distinct), func(b *testing.B) {
			const size = 8192
			batches := benchBatches(distinct, 64, size)
			m := &everyHundredth{seed: maphash.MakeSeed(), entry: &lists.Entry{List: "un_sc", ID: "X1", Names: []lists.Name{{Value: "X"}}}}
			p := NewPartyStage(m, PartyOptions{})
			ctx := context.Background()
			for _, bt := range batches { // warm: every name matched once
				if err := p.Apply(ctx, bt); err != nil {
					b.Fatal(err)
				}
			}
			var next atomic.Int64
			cpu0 := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					bt := batches[next.Add(1)%int64(len(batches))]
					// Two goroutines may share a batch here; give each its
					// own hit slices so they never write the same ones.
					mine := &Batch{Shipments: bt.Shipments, Hits: make([][]evidence.Hit, size)}
					if err := p.Apply(ctx, mine); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*size*2), "ns/lookup")
			// CPU time is steadier than wall time on a shared machine, where
			// the benchmark waits for a core as often as it runs.
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*size*2), "cpu-ns/lookup")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
