package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/lists/fetch"
)

// runLists dispatches `dualscreen lists inspect|fetch|formats`.
func runLists(ctx context.Context, e *env, args []string) error {
	sub := ""
	if len(args) > 0 {
		sub = args[0]
	}
	switch sub {
	case "inspect":
		return runListsInspect(ctx, e, args[1:])
	case "fetch":
		return runListsFetch(ctx, e, args[1:])
	case "formats":
		printListFormats(e.stdout)
		return nil
	case "-h", "--help", "-help", "help":
		printListsUsage(e.stdout)
		return flag.ErrHelp
	}
	printListsUsage(e.stderr)
	if sub == "" {
		return usagef("lists: no subcommand given")
	}
	return usagef("lists: unknown subcommand %q", sub)
}

func printListsUsage(w io.Writer) {
	fmt.Fprintln(w, `Usage: dualscreen lists SUBCOMMAND [flags]

Subcommands:
  inspect   load lists and print, per list, entries by type, names, newest listing date,
            content hash and the rows skipped with why
  fetch     download the official lists into a folder (HTTPS, conditional requests, manifest)
  formats   print the list formats this tool reads

Run 'dualscreen lists SUBCOMMAND --help' for a subcommand's flags.`)
}

func printListFormats(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FORMAT\tLIST ID\tDESCRIPTION")
	for _, f := range lists.Formats {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f.Name, firstNonEmptyStr(f.ListID, "(per file)"), f.Summary)
	}
	tw.Flush()
}

func runListsInspect(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists inspect", "lists inspect (--list [FORMAT=]FILE ... | --lists DIR) [--problems N]")
	var specs multiFlag
	fs.Var(&specs, "list", "a list file, optionally as FORMAT=FILE (repeatable); formats: "+strings.Join(lists.FormatNames(), ", "))
	dir := fs.String("lists", "", "a folder of list files; every recognised file below it is loaded")
	maxProblems := fs.Int("problems", 5, "show up to N skipped rows per list (problems are always counted); -1 shows all")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("lists inspect: unexpected argument %q", fs.Arg(0))
	}
	if len(specs) == 0 && *dir == "" {
		return usagef("lists inspect: give --list FILE or --lists DIR")
	}
	var loaded []*lists.List
	var skipped []lists.DirFile
	start := time.Now()
	for _, s := range specs {
		l, err := lists.Load(ctx, s)
		if err != nil {
			return inputError(err)
		}
		loaded = append(loaded, l)
	}
	if *dir != "" {
		files, err := lists.ScanDir(ctx, *dir)
		if err != nil {
			return inputError(err)
		}
		ls, err := lists.LoadDir(ctx, *dir)
		if err != nil {
			return inputError(err)
		}
		loaded = append(loaded, ls...)
		for _, f := range files {
			if f.Format == "" {
				skipped = append(skipped, f)
			}
		}
	}
	took := time.Since(start)
	total := 0
	for _, l := range loaded {
		if err := printListReport(e.stdout, l, *maxProblems); err != nil {
			return err
		}
		total += len(l.Entries)
	}
	if len(skipped) > 0 {
		fmt.Fprintln(e.stdout, "Files not loaded:")
		for _, f := range skipped {
			fmt.Fprintf(e.stdout, "  %s: %s\n", f.Path, f.Skip)
		}
		fmt.Fprintln(e.stdout)
	}
	_, err := fmt.Fprintf(e.stdout, "%d lists, %d entries, loaded in %s\n", len(loaded), total, took.Round(time.Millisecond))
	return err
}

// printListReport prints one list's block. Untrusted text from list files
// (problem reasons quote file content) is printed with %q where it is a
// value, so control characters cannot reach the terminal.
func printListReport(w io.Writer, l *lists.List, maxProblems int) error {
	byType := map[lists.EntryType]int{}
	byKind := map[lists.NameKind]int{}
	names, ids, newest := 0, 0, ""
	for _, e := range l.Entries {
		byType[e.Type]++
		for _, n := range e.Names {
			byKind[n.Kind]++
		}
		names += len(e.Names)
		ids += len(e.Identifiers)
		if e.ListedOn > newest && isISODateLike(e.ListedOn) {
			newest = e.ListedOn
		}
	}
	fileHash, err := hashFiles(l.Files)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s (%s)\n", l.ID, l.Format)
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "  files:\t%s\n", strings.Join(l.Files, ", "))
	fmt.Fprintf(tw, "  published:\t%s\n", firstNonEmptyStr(l.Date, "not stated in the file"))
	fmt.Fprintf(tw, "  entries:\t%d (%s)\n", len(l.Entries), countsOf(byType, []lists.EntryType{
		lists.TypePerson, lists.TypeOrganisation, lists.TypeVessel, lists.TypeAircraft, lists.TypeUnknown}))
	fmt.Fprintf(tw, "  names:\t%d (%s)\n", names, countsOf(byKind, []lists.NameKind{
		lists.NamePrimary, lists.NameAKA, lists.NameFKA, lists.NameWeak}))
	fmt.Fprintf(tw, "  identifiers:\t%d\n", ids)
	fmt.Fprintf(tw, "  newest listing:\t%s\n", firstNonEmptyStr(newest, "no listing dates"))
	fmt.Fprintf(tw, "  content hash:\t%s (of the entries)\n", l.ContentHash())
	fmt.Fprintf(tw, "  file sha256:\t%s\n", fileHash)
	if len(l.Removed) > 0 {
		fmt.Fprintf(tw, "  removes:\t%d entries of an earlier version (delta)\n", len(l.Removed))
	}
	fmt.Fprintf(tw, "  problems:\t%d rows skipped\n", len(l.Problems))
	tw.Flush()
	for _, g := range groupProblems(l.Problems) {
		fmt.Fprintf(w, "    %6d × %s: %q\n", len(g.all), filepath.Base(g.all[0].File), g.all[0].Reason)
		var at []string
		for i, p := range g.all {
			if maxProblems >= 0 && i >= maxProblems {
				at = append(at, fmt.Sprintf("… %d more (--problems -1 shows all)", len(g.all)-i))
				break
			}
			at = append(at, problemPlace(p))
		}
		fmt.Fprintf(w, "             at %s\n", strings.Join(at, ", "))
	}
	_, err = fmt.Fprintln(w)
	return err
}

func problemPlace(p lists.Problem) string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", filepath.Base(p.File), p.Line)
	}
	return filepath.Base(p.File)
}

type problemGroup struct {
	reason string
	all    []lists.Problem
}

var (
	quotedPart = regexp.MustCompile(`"[^"]*"`)
	numberPart = regexp.MustCompile(`\d+`)
)

// groupProblems groups problems whose reasons differ only in quoted values
// and numbers, largest group first.
func groupProblems(ps []lists.Problem) []problemGroup {
	idx := map[string]int{}
	var out []problemGroup
	for _, p := range ps {
		k := filepath.Base(p.File) + ": " + numberPart.ReplaceAllString(quotedPart.ReplaceAllString(p.Reason, `"…"`), "N")
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, problemGroup{reason: k})
		}
		out[i].all = append(out[i].all, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].all) > len(out[j].all) })
	return out
}

func countsOf[K ~string](m map[K]int, order []K) string {
	var parts []string
	for _, k := range order {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
		}
	}
	return strings.Join(parts, ", ")
}

func isISODateLike(s string) bool {
	return len(s) >= 4 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}

// hashFiles is the SHA-256 of the files' bytes in order, as a list was
// published (file hash for the review record, domain brief §4).
func hashFiles(files []string) (string, error) {
	h := sha256.New()
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("%s: %w", p, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func firstNonEmptyStr(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func runListsFetch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists fetch", "lists fetch --dir DIR [--sources FILE] [--max-mib N] [--timeout D]")
	dir := fs.String("dir", "", "folder to save the lists and manifest.json in (created if missing)")
	sources := fs.String("sources", "", "a sources table to use instead of the built-in one: lines \"NAME URL FILE\", # comments")
	maxMiB := fs.Int64("max-mib", 256, "refuse any single download larger than this many MiB")
	timeout := fs.Duration("timeout", 2*time.Minute, "time limit per download")
	show := fs.Bool("show-sources", false, "print the built-in sources table and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *show {
		for _, s := range fetch.DefaultSources {
			fmt.Fprintf(e.stdout, "%s %s %s\n", s.Name, s.URL, s.File)
		}
		return nil
	}
	if *dir == "" {
		return usagef("lists fetch: --dir is required")
	}
	if fs.NArg() > 0 {
		return usagef("lists fetch: unexpected argument %q", fs.Arg(0))
	}
	opts := fetch.Options{Dir: *dir, MaxBytes: *maxMiB << 20, Client: newFetchClient(*timeout)}
	if *sources != "" {
		f, err := os.Open(*sources)
		if err != nil {
			return inputError(err)
		}
		opts.Sources, err = fetch.ReadSources(f, *sources)
		f.Close()
		if err != nil {
			return inputError(err)
		}
	}
	m, results, err := fetch.Fetch(ctx, opts)
	for _, r := range results {
		switch {
		case r.Err != nil:
			fmt.Fprintf(e.stderr, "%-20s failed: %v\n", r.Source.Name, r.Err)
		case r.NotModified:
			fmt.Fprintf(e.stdout, "%-20s not modified\n", r.Source.Name)
		default:
			fmt.Fprintf(e.stdout, "%-20s updated (%d bytes)\n", r.Source.Name, r.Bytes)
		}
	}
	if m != nil {
		fmt.Fprintf(e.stdout, "manifest: %s (%d files)\n", filepath.Join(*dir, fetch.ManifestFile), len(m.Records))
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("lists fetch: %w", err)
	}
	return err
}

func newFetchClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout}
}
