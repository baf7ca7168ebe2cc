// Command dsbench generates benchmark batches and runs dualscreen and its
// peers on them side by side (see benchmarks/README.md).
//
//	dsbench gen  -rows 1000000 -out out/b1m
//	dsbench run  -plan short -out out
//	dsbench peer ...   (one peer run; started by run in its own process)
//	dsbench cycles m.csv  (per collection: why a -memtrace run mapped what it did)
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dsbench gen|run|peer|plot|cycles [flags]")
		os.Exit(2)
	}
	cmds := map[string]func(context.Context, []string) error{
		"gen":    runGen,
		"peer":   runPeer,
		"run":    runPlan,
		"plot":   runPlot,
		"cycles": runCycles,
	}
	f, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "dsbench: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	if err := f(ctx, os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "dsbench:", err)
		if errors.Is(err, context.Canceled) {
			os.Exit(130)
		}
		os.Exit(1)
	}
}
