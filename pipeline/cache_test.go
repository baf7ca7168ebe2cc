package pipeline

import (
	"testing"
	"unsafe"

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
