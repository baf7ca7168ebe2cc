// Command dualscreen-beam runs `dualscreen screen` as an Apache Beam
// pipeline: on the in-process Prism runner by default, or on Flink, Spark or
// Google Dataflow through their portable runners. See beam/README.md.
//
// It lives in its own Go module (beam/go.mod) so that the Beam SDK, its
// runners and their gRPC and cloud dependencies stay out of the
// single-machine dualscreen binary.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/core/runtime/exec/optimized"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"

	"github.com/dualscreen/dualscreen/beam/screenjob"
	"github.com/dualscreen/dualscreen/pipeline"
)

// Exit statuses, as contract.md gives them for `dualscreen screen`.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitFlagged     = 3
	exitInterrupted = 130
)

const usage = `dualscreen-beam --shipments PATH [--shipments PATH ...] (--list [FORMAT=]FILE ... | --lists DIR)
                --out DIR [--shards N] [--runner prism|flink|spark|universal|dataflow] [runner flags]

Screens shipments as 'dualscreen screen' does, as an Apache Beam pipeline:
each Parquet row group is screened on a worker with the same stages, and the
flagged rows (every row with --all) are written with the same columns to
DIR/part-00000-of-0000N.parquet; reading the shards in name order gives the
rows in input order. Counts are reported as Beam metrics (namespace
"dualscreen") and summarised at the end.

Runners (see beam/README.md):
  --runner=prism       default: in-process, no Docker, no Java; all cores
  --runner=flink       --endpoint=HOST:8099 (Flink job server) --environment_type=DOCKER|LOOPBACK|PROCESS
  --runner=spark       --endpoint=HOST:8099 (Spark job server) --environment_type=DOCKER|LOOPBACK|PROCESS
  --runner=universal   any portable job server: --endpoint=HOST:PORT --environment_type=...
  --runner=dataflow    --project=P --region=R --staging_location=gs://B/staging --temp_location=gs://B/tmp
Input, list and output paths must be readable (and --out writable) by every
worker: a shared or mounted file system.

EXIT STATUS
  0   success, whether or not anything was flagged
  1   the job failed
  2   bad usage or unreadable input (the file, row and column are named)
  3   --fail-on-flag and at least one row was flagged
  130 interrupted`

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func main() {
	var c screenjob.Config
	var shipments, listSpecs, maps multiFlag
	flag.Var(&shipments, "shipments", "Parquet `PATH`: a file, a glob or a directory (repeatable)")
	flag.Var(&listSpecs, "list", "restricted-party list `[FORMAT=]FILE`, format detected from content (repeatable)")
	flag.StringVar(&c.ListsDir, "lists", "", "`DIR` of list files: every recognised file below it is loaded")
	flag.StringVar(&c.Out, "out", "", "output `DIR` for the shards part-SSSSS-of-NNNNN.parquet")
	flag.Var(&maps, "map", "map canonical columns onto input columns: `canonical=COLUMN[,...]` (repeatable)")
	flag.Float64Var(&c.Threshold, "threshold", 0, "lowest name-match `score` (0–1) reported (default: the policy's party threshold)")
	flag.StringVar(&c.Policy, "policy", "", "TOML policy `FILE` overlaid on the embedded rules (as dualscreen screen --policy)")
	flag.StringVar(&c.Matcher, "matcher", "", "name matcher `kind` (default as dualscreen screen)")
	flag.BoolVar(&c.All, "all", false, "write every row with its decision, not only flagged rows")
	flag.IntVar(&c.BatchSize, "batch-size", 0, "rows per Arrow record batch (default as dualscreen screen)")
	flag.IntVar(&c.Shards, "shards", screenjob.DefaultShards, "number of output `files`")
	quiet := flag.Bool("quiet", false, "no summary")
	failOnFlag := flag.Bool("fail-on-flag", false, "exit with status 3 when any row is flagged")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, usage)
		fmt.Fprintln(os.Stderr, "\nFLAGS (dualscreen)")
		for _, name := range []string{"shipments", "list", "lists", "out", "map", "policy", "threshold", "matcher", "all", "batch-size", "shards", "quiet", "fail-on-flag"} {
			arg, text := flag.UnquoteUsage(flag.Lookup(name))
			fmt.Fprintf(os.Stderr, "  --%-22s %s\n", name+" "+arg, text)
		}
		fmt.Fprintln(os.Stderr, "\nRun with --help=all for every Beam runner flag.")
	}
	if len(os.Args) > 1 && os.Args[1] == "--help=all" {
		flag.CommandLine.SetOutput(os.Stderr)
		flag.PrintDefaults()
		os.Exit(exitOK)
	}
	flag.Parse()
	// On a worker (--worker, set by the runner) Init runs the Beam harness
	// and never returns; on the launcher it returns at once.
	beam.Init()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	c.Shipments, c.Lists = shipments, listSpecs
	err := run(ctx, os.Stdout, c, maps, *quiet, *failOnFlag)
	os.Exit(report(ctx, err))
}

func run(ctx context.Context, stdout io.Writer, c screenjob.Config, maps []string, quiet, failOnFlag bool) error {
	if flag.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", flag.Arg(0))}
	}
	m, err := pipeline.ParseColumnMap(maps)
	if err != nil {
		return usageError{err}
	}
	c.Map = m
	plan, err := screenjob.Prepare(ctx, c)
	if err != nil {
		return err
	}
	warnListProblems(os.Stderr, plan)
	runner := *runners.Runner
	if runner == "" {
		runner = "prism"
	}
	res, err := screenjob.Run(ctx, runner, plan)
	if err != nil {
		return err
	}
	if !quiet {
		writeSummary(stdout, plan, res)
	}
	if failOnFlag && res.Counters[screenjob.CounterFlagged] > 0 {
		return errFlagged
	}
	return nil
}

var errFlagged = errors.New("rows were flagged")

type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }

// report prints err and maps it to the exit status.
func report(ctx context.Context, err error) int {
	var ie *pipeline.InputError
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFlagged):
		return exitFlagged
	case ctx.Err() != nil:
		fmt.Fprintln(os.Stderr, "dualscreen-beam: interrupted")
		return exitInterrupted
	case errors.As(err, &ue) || errors.Is(err, screenjob.ErrBadConfig):
		fmt.Fprintf(os.Stderr, "dualscreen-beam: %v\nRun 'dualscreen-beam --help' for usage.\n", err)
		return exitUsage
	case errors.As(err, &ie):
		fmt.Fprintf(os.Stderr, "dualscreen-beam: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(os.Stderr, "dualscreen-beam: %v\n", err)
	return exitFailure
}
