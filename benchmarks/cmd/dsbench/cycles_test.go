package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cyclesHead is the part of -memtrace's header that readCycles needs, in
// a different order and with an extra column, as a reader must not rely
// on positions.
const cyclesHead = "sec,rss,limit,gc.heap.live,gc.heap.goal,gc.cycles.total,memory.classes.total," +
	"memory.classes.heap.objects,memory.classes.heap.unused,memory.classes.heap.free,memory.classes.heap.released\n"

func writeTrace(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.csv")
	if err := os.WriteFile(path, []byte(cyclesHead+body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadCyclesPicksFullestSamplePerCycle(t *testing.T) {
	// Figures shaped like a 10M run's: set-up without a limit (skipped),
	// cycle 21 twice (the second sample maps more), cycle 22 at the limit.
	path := writeTrace(t, ""+
		"0.10,61734912,9223372036854775807,7360296,15248618,3,22124808,8957120,1413952,524288,5390336\n"+
		"13.50,630000000,634000000,296000000,559200000,21,604200000,500000000,41900000,1800000,20000000\n"+
		"13.84,637300000,634000000,296400000,559200000,21,624200000,544900000,41900000,1800000,20000000\n"+
		"17.46,667700000,634000000,355600000,551700000,22,654000000,551700000,49500000,17100000,20000000\n")
	cs, err := readCycles(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].GC != 21 || cs[1].GC != 22 {
		t.Fatalf("cycles %+v, want 21 and 22 (set-up has no limit)", cs)
	}
	if cs[0].Mapped != 604200000 || cs[0].Sec != 13.84 {
		t.Errorf("cycle 21: mapped %d at %.2f s, want the fuller sample 604200000 at 13.84", cs[0].Mapped, cs[0].Sec)
	}
	if s := cs[1].slack(); s != 0 {
		t.Errorf("cycle 22 slack %d, want 0 (mapped = limit)", s)
	}
	// 551.7 MB goal: headroom 17.06 MB.
	if h := cs[1].headroom(); h != 551700000*3/97 {
		t.Errorf("headroom %d", h)
	}
}

func TestReadCyclesErrorsNameFileLineColumn(t *testing.T) {
	path := writeTrace(t, "13.50,630000000,634000000,296000000,559200000,21,604200000,5e8,41900000,1800000,20000000\n")
	_, err := readCycles(path)
	if err == nil {
		t.Fatal("no error for a float in an integer column")
	}
	for _, want := range []string{path, "line 2", `"memory.classes.heap.objects"`, `"5e8"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %s", err, want)
		}
	}
	bad := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(bad, []byte("sec,rss\n1,2\n"), 0o644)
	if _, err := readCycles(bad); err == nil || !strings.Contains(err.Error(), `"limit"`) {
		t.Errorf("missing column: error %v, want it to name \"limit\"", err)
	}
}
