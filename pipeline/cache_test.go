package pipeline

import (
	"testing"
	"unsafe"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/matchers"
)

var heapBuf []byte

// TestNameCacheOwnsItsKeys: names reach the cache as views of Arrow
// buffers that are reused after the batch; the stored keys must be copies,
// also when the country is empty.
func TestNameCacheOwnsItsKeys(t *testing.T) {
	buf := []byte("Rosoboronexport JSCRU")
	heapBuf = buf // on the heap, like an Arrow buffer (Go copies stack strings it concatenates)
	lo := uintptr(unsafe.Pointer(&buf[0]))
	c := newNameCache(1 << 12)
	calls := 0
	compute := func() []matchers.Match { calls++; return nil }
	c.get(cacheKey{unsafe.String(&buf[0], 19), ""}, compute)
	c.get(cacheKey{unsafe.String(&buf[0], 19), unsafe.String(&buf[19], 2)}, compute)
	c.get(cacheKey{"Rosoboronexport JSC", ""}, compute) // same key as the first, from elsewhere
	if calls != 2 {
		t.Errorf("computed %d times for 2 distinct keys", calls)
	}
	n := 0
	for i := range c.shards {
		for k := range c.shards[i].m {
			n++
			for _, s := range []string{k.name, k.country} {
				if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && p >= lo && p < lo+uintptr(len(buf)) {
					t.Errorf("cached key %q points into the caller's buffer", s)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d keys cached, want 2", n)
	}
	if l := c.lookups(); l != 3 {
		t.Errorf("%d lookups counted, want 3", l)
	}
}

// TestBatchRowsPooled: a released batch's per-row arrays serve the next
// batch, cleared; slices a caller set itself are never taken for the pool.
func TestBatchRowsPooled(t *testing.T) {
	b := &Batch{}
	b.useRows(4)
	b.Shipments[0].ShipmentID = "S1"
	b.Hits[1] = append(b.Hits[1], evidence.Hit{List: "un_sc"})
	b.Decisions[2].Flagged = true
	r := b.rows
	b.Release()
	if b.Shipments != nil || b.Hits != nil || b.Decisions != nil || b.rows != nil {
		t.Fatal("a released batch still points at its row arrays")
	}
	if r.ships[0].ShipmentID != "" || r.hits[1] != nil || r.decs[2].Flagged {
		t.Fatal("released row arrays keep their rows")
	}
	mine := make([]evidence.Shipment, 3)
	c := &Batch{Shipments: mine}
	c.useRows(3)
	if c.rows != nil || &c.Shipments[0] != &mine[0] {
		t.Fatal("a caller's Shipments were replaced by pooled ones")
	}
	c.Release()
	if c.Shipments == nil {
		t.Fatal("Release took a caller's Shipments")
	}
}
