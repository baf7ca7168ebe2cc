// Command dualscreen screens export shipments against restricted-party lists,
// embargoes and export-control rules. See README.md and `dualscreen help`.
//
// Each subcommand lives in its own file: flags → options struct → library
// call. This file holds the command table and the one switch that maps
// errors to exit codes (contract.md).
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
)

// version is stamped at build time with -ldflags "-X main.version=...".
var version = "dev"

// Exit codes, as in contract.md.
const (
	exitOK          = 0
	exitFailure     = 1 // an unexpected failure (I/O error writing output, a bug)
	exitUsage       = 2 // bad usage or unreadable input
	exitFlagged     = 3 // --fail-on-flag and something was flagged
	exitInterrupted = 130
	exitTerminated  = 143
)

// env is what a command may touch of the process: its streams. Commands
// never call os.Exit and never print outside these.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrIsTerminal enables the progress bar.
	stderrIsTerminal bool
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands is the table of subcommands, in the order `dualscreen help` lists them.
func commands() []command {
	return []command{
		{"screen", "screen shipments (Parquet) against restricted-party lists; write flagged rows", runScreen},
		{"demo", "generate a demo batch, screen it and write out/flagged.parquet with a summary", runDemo},
		{"version", "print the version", runVersion},
		{"lists", "inspect restricted-party list files (lists inspect) or download the official ones (lists fetch)", runLists},
		{"rules", "show the effective screening rules with their sources (rules show)", runRules},
		{"eval", "measure matchers on labelled pairs: precision, recall, threshold table, curves", runEval},
		{"stats", "aggregate run outputs by destination, Annex I category, reason and value (CSV)", runStats},
	}
}

// usageError is bad usage: exit 2, message on stderr.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// errFlagged is returned by screen --fail-on-flag when rows were flagged.
var errFlagged = errors.New("shipments were flagged")

// errInput marks errors about the user's input files (missing, unreadable,
// wrong format or schema): exit 2. Library errors are wrapped with it at the
// command boundary via inputError.
var errInput = errors.New("input error")

type inputErr struct{ err error }

func (e *inputErr) Error() string   { return e.err.Error() }
func (e *inputErr) Unwrap() []error { return []error{e.err, errInput} }
func inputError(err error) error {
	if err == nil {
		return nil
	}
	return &inputErr{err}
}

// exitCode is the one switch from errors to exit codes.
func exitCode(err error, sig os.Signal) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFlagged):
		return exitFlagged
	case errors.Is(err, context.Canceled):
		if sig == syscall.SIGTERM {
			return exitTerminated
		}
		return exitInterrupted
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) || errors.Is(err, errInput) {
		return exitUsage
	}
	return exitFailure
}

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTerminal: isTerminal(os.Stderr)}
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	var got os.Signal
	done := make(chan struct{})
	go func() {
		select {
		case got = <-sigs:
			cancel()
		case <-done:
		}
	}()
	err := run(ctx, e, os.Args[1:])
	close(done)
	signal.Stop(sigs)
	code := exitCode(err, got)
	if err != nil && code != exitOK && !errors.Is(err, errFlagged) {
		fmt.Fprintf(os.Stderr, "dualscreen: %v\n", err)
	}
	cancel()
	os.Exit(code)
}

// run dispatches to a subcommand. It is what tests call.
func run(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return run(ctx, e, []string{args[1], "--help"})
		}
		printUsage(e.stdout)
		if len(args) == 0 {
			return usagef("no command given")
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	printUsage(e.stderr)
	return usagef("unknown command %q", args[0])
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "dualscreen: export-control screening of shipments against restricted-party lists and rules")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: dualscreen COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'dualscreen COMMAND --help' for a command's flags.")
}

// newFlagSet returns a flag set that prints usage (with the given synopsis
// and the common EXIT STATUS section) on --help.
func newFlagSet(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: dualscreen %s\n\n", strings.TrimSpace(synopsis))
		fmt.Fprintln(w, "Flags:")
		fs.PrintDefaults()
		fmt.Fprintln(w)
		fmt.Fprintln(w, exitStatusHelp)
	}
	return fs
}

const exitStatusHelp = `EXIT STATUS
  0    success (whether or not anything was flagged)
  1    unexpected failure (for example an error writing the output)
  2    bad usage or unreadable input (the message names the file, row and column)
  3    screen --fail-on-flag, and at least one row was flagged
  130  interrupted (SIGINT); 143 terminated (SIGTERM). No partial output is left.`

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	return nil
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "version", "version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "dualscreen %s\n", version)
	return nil
}
