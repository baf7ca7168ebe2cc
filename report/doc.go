// Package report turns a screening run into what an analyst and an auditor
// need the next morning, and sits beside the pipeline at the end of the flow
// (the CLI feeds it every row the sink writes):
//
//   - Collector keeps aggregate counts (flags by reason, destination, list,
//     the match-score distribution) and a bounded set of the highest-priority
//     flagged rows, so memory stays flat on millions of rows.
//   - WriteHTML renders one self-contained review report: inline CSS, inline
//     SVG charts drawn here, a small inline script (pinned by a
//     Content-Security-Policy hash) that filters by reason and priority, and
//     for every party hit the disposition line an analyst adds to clear it.
//     All input text goes through html/template, so a consignee called
//     "<script>…" is shown, never run.
//   - Manifest records what was screened against what: tool version,
//     effective configuration and its hash, every input and list file with
//     size, sha256, entries and date, row and flag counts and timings.
//   - Dispositions are the analyst's decisions keyed by normalised party
//     name, list and entry id. A false_positive suppresses the hit in later
//     runs; a true_match keeps it at high priority; both lapse as soon as the
//     list entry's content hash changes.
//   - ScreenedIDs and DiffEntries support delta screening against a previous
//     run's manifest.
//   - Stats aggregates a run's output by destination, Annex I category,
//     reason and value band, in the spirit of Art. 26 public reporting.
//
// The package never prints and never exits; errors name the file, line and
// column at fault.
package report
