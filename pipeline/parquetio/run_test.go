package parquetio_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/dualscreen/dualscreen/data/demo"
)

// writeDemo writes a generated batch of rows shipments to dir.
func writeDemo(t testing.TB, dir string, rows int) string {
	t.Helper()
	path := filepath.Join(dir, "shipments.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Write(context.Background(), f, demo.Options{Rows: rows}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	dir := t.TempDir()
	in := writeDemo(t, dir, 40_000)
	outputs := map[int][][]byte{}
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, name := range []string{"all.parquet", "flagged.jsonl", "flagged.csv"} {
			out := filepath.Join(dir, "p", name)
			mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
			// Small batches: many batches in flight, finishing out of order.
			_, err := screenCtx(t.Context(), mem, []string{in}, out, name == "all.parquet", nil, 1000, nil)
			if err != nil {
				runtime.GOMAXPROCS(old)
				t.Fatal(err)
			}
			mem.AssertSize(t, 0)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			outputs[procs] = append(outputs[procs], b)
		}
		runtime.GOMAXPROCS(old)
	}
	for i, name := range []string{"all.parquet", "flagged.jsonl", "flagged.csv"} {
		if !bytes.Equal(outputs[1][i], outputs[4][i]) {
			t.Errorf("%s differs between GOMAXPROCS 1 and 4 (%d vs %d bytes)", name, len(outputs[1][i]), len(outputs[4][i]))
		}
		if len(outputs[1][i]) < 1000 {
			t.Errorf("%s is only %d bytes: nothing flagged?", name, len(outputs[1][i]))
		}
	}
}

// cancelAfter cancels the run after n progress updates.
type cancelAfter struct {
	n      atomic.Int64
	cancel context.CancelFunc
}

func (c *cancelAfter) SetTotal(int64) {}
func (c *cancelAfter) Add(int64) {
	if c.n.Add(-1) == 0 {
		c.cancel()
	}
}

func TestCancelMidRunLeavesNoOutput(t *testing.T) {
	dir := t.TempDir()
	in := writeDemo(t, dir, 60_000)
	for _, name := range []string{"flagged.parquet", "flagged.jsonl", "flagged.csv"} {
		t.Run(name, func(t *testing.T) {
			mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
			defer mem.AssertSize(t, 0)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			p := &cancelAfter{cancel: cancel}
			p.n.Store(3)
			outDir := filepath.Join(dir, "out-"+name)
			_, err := screenCtx(ctx, mem, []string{in}, filepath.Join(outDir, name), true, nil, 2000, p)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			noFiles(t, outDir)
		})
	}
}
