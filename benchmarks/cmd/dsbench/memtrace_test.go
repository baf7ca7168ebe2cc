package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

func TestMemTraceWritesRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.csv")
	stop, err := startMemTrace(path, 5*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	held := make([]byte, 8<<20) // something for the heap classes to show
	for i := range held {
		held[i] = byte(i)
	}
	time.Sleep(30 * time.Millisecond)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 3 {
		t.Fatalf("%d lines, want a header and at least two samples", len(recs))
	}
	head := recs[0]
	want := map[string]int{"sec": -1, "rss": -1, "limit": -1, "memory.classes.heap.objects": -1, "gc.heap.live": -1}
	for i, h := range head {
		if _, ok := want[h]; ok {
			want[h] = i
		}
	}
	for h, i := range want {
		if i < 0 {
			t.Fatalf("header %v lacks %q", head, h)
		}
	}
	last := recs[len(recs)-1]
	if len(last) != len(head) {
		t.Fatalf("last row has %d fields, header %d", len(last), len(head))
	}
	for _, h := range []string{"rss", "memory.classes.heap.objects"} {
		v, err := strconv.ParseUint(last[want[h]], 10, 64)
		if err != nil || v < 8<<20 {
			t.Errorf("%s = %q, want at least the 8 MiB held", h, last[want[h]])
		}
	}
	runtime.KeepAlive(held)
}
