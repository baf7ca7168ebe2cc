package main

// This file wires the review report, the run manifest, dispositions and
// delta screening (package report) into screen. screen.go calls it at four
// points: flags, begin (after the lists are loaded), wrap (source, stages,
// sink, decider) and finish (after the output is committed).

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
	"github.com/dualscreen/dualscreen/pipeline"
	"github.com/dualscreen/dualscreen/report"
)

// reviewFlags are screen's flags for the analyst and the auditor.
type reviewFlags struct {
	Report       string // --report FILE.html
	Manifest     string // --manifest FILE; default manifest.json beside --out
	NoManifest   bool
	Dispositions string // --dispositions FILE (CSV or Parquet)
	Previous     string // --previous MANIFEST: delta screening
	ReportRows   int
}

func (r *reviewFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.Report, "report", "", "write the HTML review report to `FILE.html` (self-contained; opens offline)")
	fs.StringVar(&r.Manifest, "manifest", "", "write the run manifest to `FILE` (default manifest.json beside --out)")
	fs.BoolVar(&r.NoManifest, "no-manifest", false, "do not write a run manifest")
	fs.StringVar(&r.Dispositions, "dispositions", "", "analyst decisions `FILE` (CSV or Parquet): false_positive suppresses a hit, true_match keeps it high; both lapse when the list entry changes")
	fs.StringVar(&r.Previous, "previous", "", "delta screening against a previous run's `MANIFEST`: unchanged lists screen only new shipment ids; changed lists re-screen parties against the added and changed entries only and mark new hits")
	fs.IntVar(&r.ReportRows, "report-rows", report.DefaultMaxRows, "flagged rows listed in full in the report (the rest are counted)")
}

// Delta modes, as recorded in the manifest.
const (
	deltaNewShipments   = "new-shipments"
	deltaChangedEntries = "changed-entries"
)

// reviewRun is the state of one screen run for the report and manifest.
type reviewRun struct {
	f       reviewFlags
	cfg     screenConfig
	started time.Time
	phase   time.Time
	timings []report.Timing

	lists     []*lists.List
	hashes    report.EntryHashes
	disp      *report.Dispositions
	collector *report.Collector
	ids       report.IDSet

	prevPath string
	prev     *report.Manifest
	prevIDs  *report.IDSet
	delta    report.ListDelta
	mode     string
	skipped  atomic.Int64

	suppressed, trueMatch, lapsed atomic.Int64
	policySHA                     string
}

func (r *reviewRun) manifestPath() string {
	if r.f.Manifest != "" {
		return r.f.Manifest
	}
	return filepath.Join(filepath.Dir(r.cfg.Out), "manifest.json")
}

func (r *reviewRun) lap(name string) {
	now := time.Now()
	r.timings = append(r.timings, report.Timing{Phase: name, Seconds: now.Sub(r.phase).Seconds()})
	r.phase = now
}

// screeningConfig is every setting that changes which rows are flagged:
// the tool version (its embedded rule tables), matcher, threshold, column
// map, rules and policy file (by content). Delta screening refuses a
// previous run whose screening settings differ.
func (r *reviewRun) screeningConfig() map[string]any {
	c := r.cfg
	m := map[string]any{"tool_version": version, "threshold": c.Threshold, "matcher": c.Matcher, "map": map[string]string(c.Map),
		"rules": "none", "decider": "default", "policy_file": c.PolicyFile, "policy_sha256": r.policySHA}
	if len(c.Map) == 0 {
		m["map"] = nil // no --map and an empty --map are the same setting
	}
	if m["matcher"] == "" {
		m["matcher"] = matchers.Kinds[0].Name
	}
	if c.Rules != nil {
		m["rules"] = fmt.Sprintf("%T", c.Rules)
	}
	if c.Decider != nil {
		m["decider"] = fmt.Sprintf("%T", c.Decider)
	}
	return m
}

// beginReview reads dispositions and the previous manifest once the lists
// are loaded. started is when screen began.
func beginReview(ctx context.Context, c screenConfig, loaded []*lists.List, started time.Time) (*reviewRun, error) {
	r := &reviewRun{f: c.Review, cfg: c, started: started, phase: started, lists: loaded,
		collector: report.NewCollector(report.CollectorOptions{MaxRows: c.Review.ReportRows})}
	r.lap("load lists")
	r.hashes = report.HashEntries(loaded)
	if c.PolicyFile != "" {
		fr, err := report.HashFile(ctx, c.PolicyFile)
		if err != nil {
			return nil, inputError(fmt.Errorf("--policy: %w", err))
		}
		r.policySHA = fr.SHA256
	}
	if r.f.Dispositions != "" {
		d, err := report.ReadDispositions(ctx, r.f.Dispositions)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, inputError(fmt.Errorf("--dispositions: %w", err))
		}
		r.disp = d
	}
	if r.f.Previous != "" {
		if err := r.readPrevious(ctx); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, inputError(fmt.Errorf("--previous: %w", err))
		}
	}
	r.lap("read dispositions and previous run")
	return r, nil
}

func (r *reviewRun) readPrevious(ctx context.Context) error {
	m, err := report.ReadManifest(r.f.Previous)
	if err != nil {
		return err
	}
	if m.ScreenedIDs == nil || m.EntryHashes == nil {
		return fmt.Errorf("%s: no screened_ids or entry_hashes sidecar recorded: it cannot serve as a delta baseline", r.f.Previous)
	}
	prevCfg, _ := m.Config["screening"].(map[string]any)
	// JSON of the decoded map equals JSON of the original one (numbers,
	// strings and maps encode alike), so the hashes compare.
	want, err := report.ConfigHash(r.screeningConfig())
	if err != nil {
		return err
	}
	got, err := report.ConfigHash(prevCfg)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%s: screening settings differ from this run's (threshold, matcher, map or rules): run a full screen", r.f.Previous)
	}
	idsPath, err := report.VerifySidecar(ctx, r.f.Previous, m.ScreenedIDs)
	if err != nil {
		return err
	}
	if r.prevIDs, err = report.ReadIDSet(idsPath); err != nil {
		return err
	}
	hashPath, err := report.VerifySidecar(ctx, r.f.Previous, m.EntryHashes)
	if err != nil {
		return err
	}
	prevHashes, err := report.ReadEntryHashes(ctx, hashPath)
	if err != nil {
		return err
	}
	r.prev, r.prevPath = m, r.f.Previous
	r.delta = report.DiffEntries(prevHashes, r.hashes)
	r.mode = deltaNewShipments
	if !r.delta.Empty() {
		r.mode = deltaChangedEntries
	}
	return nil
}

// wrapSource skips shipments screened before when the lists are unchanged,
// telling progress (may be nil) about the rows it passes over.
func (r *reviewRun) wrapSource(src pipeline.Source, progress pipeline.Progress) pipeline.Source {
	if r.mode != deltaNewShipments {
		return src
	}
	return &skipScreened{Source: src, prev: r.prevIDs, skipped: &r.skipped, progress: progress}
}

// wrapStages re-screens shipments screened before against the added and
// changed entries only when the lists changed; newMatcher builds a matcher
// over given entries with the run's settings.
func (r *reviewRun) wrapStages(full []pipeline.Stage, newMatcher func([]*lists.Entry) (matchers.Matcher, error)) ([]pipeline.Stage, error) {
	if r.mode != deltaChangedEntries {
		return full, nil
	}
	changed := report.ChangedEntries(r.lists, r.delta)
	var party pipeline.Stage = noStage{}
	if len(changed) > 0 {
		m, err := newMatcher(changed)
		if err != nil {
			return nil, err
		}
		party = pipeline.NewPartyStage(m, pipeline.PartyOptions{})
	}
	return []pipeline.Stage{&deltaStage{prev: r.prevIDs, full: full, changed: party}}, nil
}

// wrapSink feeds every written row to the collector and the screened ids.
func (r *reviewRun) wrapSink(s pipeline.Sink) pipeline.Sink { return &collectingSink{Sink: s, run: r} }

// wrapDecider applies the dispositions before the decision.
func (r *reviewRun) wrapDecider(d pipeline.Decider) pipeline.Decider {
	if d == nil {
		d = pipeline.DefaultDecider{}
	}
	if r.disp.Len() == 0 {
		return d
	}
	return &dispositionDecider{inner: d, run: r}
}

// finish writes the manifest with its sidecars and the report, after the
// output was committed.
func (r *reviewRun) finish(ctx context.Context, inputs []string) error {
	r.lap("screen")
	s := r.collector.Summary()
	m := &report.Manifest{
		ToolVersion: version,
		StartedAt:   r.started.UTC(),
		Config: map[string]any{
			"screening": r.screeningConfig(),
			"output":    map[string]any{"out": r.cfg.Out, "format": r.cfg.Format, "all": r.cfg.All},
			"review": map[string]any{"report": r.f.Report, "dispositions": r.f.Dispositions,
				"previous": r.f.Previous, "report_rows": r.f.ReportRows},
		},
		Report: r.f.Report,
		Rows:   report.RowCounts{Read: s.Rows + r.skipped.Load(), Screened: s.Rows, Skipped: r.skipped.Load()},
	}
	m.FillCounts(s)
	if r.cfg.All {
		m.Rows.Written = s.Rows
	} else {
		m.Rows.Written = s.Flagged
	}
	for _, p := range inputs {
		fr, err := report.HashFile(ctx, p)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		m.Inputs = append(m.Inputs, fr)
	}
	for _, l := range r.lists {
		lr, err := report.RecordList(ctx, l)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		m.Lists = append(m.Lists, lr)
	}
	if r.f.Dispositions != "" {
		fr, err := report.HashFile(ctx, r.f.Dispositions)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		m.Dispositions = &fr
		m.Disposition = &report.DispositionStats{Decisions: r.disp.Len(), Suppressed: r.suppressed.Load(),
			TrueMatch: r.trueMatch.Load(), Lapsed: r.lapsed.Load()}
	}
	if out, err := report.HashFile(ctx, r.cfg.Out); err == nil {
		m.Output = &out
	}
	if r.prev != nil {
		prev, err := report.HashFile(ctx, r.prevPath)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		m.Delta = &report.DeltaRecord{Previous: r.prevPath, PreviousSHA256: prev.SHA256, Mode: r.mode,
			EntriesAdded: len(r.delta.Added), EntriesChanged: len(r.delta.Changed), EntriesRemoved: len(r.delta.Removed),
			NewHits: s.NewHits}
	}
	r.lap("hash inputs")
	if r.f.Report != "" {
		meta := report.Meta{ToolVersion: version, Generated: time.Now(), Inputs: inputs, Lists: m.Lists,
			Delta: m.Delta, Skipped: m.Rows.Skipped, EntryHash: r.hashes.Lookup}
		meta.ConfigHash, _ = report.ConfigHash(m.Config)
		if err := report.WriteHTMLFile(r.f.Report, meta, s); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		r.lap("write report")
	}
	if r.f.NoManifest {
		return nil
	}
	mp := r.manifestPath()
	ids := &r.ids
	ids.Merge(r.prevIDs)
	idsPath := report.SidecarPath(mp, "screened-ids")
	if err := report.WriteIDSet(idsPath, ids); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	var err error
	if m.ScreenedIDs, err = report.NewSidecar(ctx, mp, idsPath, ids.Len()); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	hashPath := report.SidecarPath(mp, "entries.tsv")
	if err := report.WriteEntryHashes(hashPath, r.hashes); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if m.EntryHashes, err = report.NewSidecar(ctx, mp, hashPath, len(r.hashes)); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	r.lap("write manifest")
	m.FinishedAt = time.Now().UTC()
	m.Timings = r.timings
	return report.WriteManifest(mp, m)
}

// collectingSink passes batches on and shows every row to the review run.
// Write is called from one goroutine in input order, so seq is the row's
// position in the run.
type collectingSink struct {
	pipeline.Sink
	run *reviewRun
	seq int64
}

func (s *collectingSink) Write(ctx context.Context, b *pipeline.Batch) error {
	for i := range b.Shipments {
		s.run.collector.Add(report.Row{Seq: s.seq, Shipment: b.Shipments[i], Decision: b.Decisions[i], Hits: b.Hits[i]})
		if !s.run.f.NoManifest { // the ids only go into the manifest: 8+ bytes a row otherwise kept for nothing
			s.run.ids.Add(b.Shipments[i].ShipmentID)
		}
		s.seq++
	}
	return s.Sink.Write(ctx, b)
}

// dispositionDecider applies the analyst's decisions to a row's hits, then
// lets the inner decider decide on the hits still standing.
type dispositionDecider struct {
	inner pipeline.Decider
	run   *reviewRun
}

func (d *dispositionDecider) Decide(s *evidence.Shipment, hits []evidence.Hit) evidence.Decision {
	o := d.run.disp.Apply(hits, d.run.hashes.Lookup)
	if o == (report.Outcome{}) {
		return d.inner.Decide(s, hits)
	}
	evidence.SortHits(hits)
	dec := d.inner.Decide(s, report.Standing(hits))
	report.AdjustDecision(&dec, hits, o)
	d.run.suppressed.Add(int64(o.Suppressed))
	d.run.lapsed.Add(int64(o.Lapsed))
	if o.TrueMatch {
		d.run.trueMatch.Add(1)
	}
	return dec
}

// deltaStage screens shipments seen before against the changed entries
// only (marking what it finds as new) and new shipments in full.
type deltaStage struct {
	prev    *report.IDSet
	full    []pipeline.Stage
	changed pipeline.Stage
}

func (d *deltaStage) Apply(ctx context.Context, b *pipeline.Batch) error {
	n := len(b.Shipments)
	old := make([]bool, n)
	nOld := 0
	for i := range b.Shipments {
		if d.prev.Contains(b.Shipments[i].ShipmentID) {
			old[i] = true
			nOld++
		}
	}
	var saved [][]evidence.Hit
	if nOld > 0 {
		if err := d.changed.Apply(ctx, b); err != nil {
			return err
		}
		if nOld == n {
			for i := range b.Hits {
				report.MarkNew(b.Hits[i])
			}
			return nil
		}
		saved, b.Hits = b.Hits, make([][]evidence.Hit, n)
	}
	for _, st := range d.full {
		if err := st.Apply(ctx, b); err != nil {
			return err
		}
	}
	for i := range b.Hits {
		if old[i] {
			b.Hits[i] = saved[i]
		}
		report.MarkNew(b.Hits[i])
	}
	return nil
}

type noStage struct{}

func (noStage) Apply(context.Context, *pipeline.Batch) error { return nil }

// skipScreened drops the rows whose shipment id a previous run screened.
// A batch with both kinds of rows is cut into zero-copy slices of the runs
// of new rows, each with its own FirstRow, so error messages still name the
// right row of the file. New rows usually come as whole files or appended
// runs, so this gives few, large batches.
type skipScreened struct {
	pipeline.Source
	prev     *report.IDSet
	skipped  *atomic.Int64
	progress pipeline.Progress
	pending  []*pipeline.Batch
}

// TotalRows passes the inner source's row count on for the progress bar.
func (s *skipScreened) TotalRows() int64 {
	if t, ok := s.Source.(pipeline.TotalRower); ok {
		return t.TotalRows()
	}
	return 0
}

func (s *skipScreened) Next(ctx context.Context) (*pipeline.Batch, error) {
	for len(s.pending) == 0 {
		b, err := s.Source.Next(ctx)
		if err != nil {
			return nil, err
		}
		col := b.Rec.Column(b.Cols.Index[pipeline.FieldShipmentID])
		n := int(b.Rec.NumRows())
		start, kept := -1, 0
		var runs [][2]int
		for i := 0; i <= n; i++ {
			keep := false
			if i < n {
				id, ok := idAt(col, i)
				keep = !ok || !s.prev.Contains(id) // a null id stays, so Extract reports it
			}
			switch {
			case keep && start < 0:
				start = i
			case !keep && start >= 0:
				runs = append(runs, [2]int{start, i})
				kept += i - start
				start = -1
			}
		}
		s.skipped.Add(int64(n - kept))
		if s.progress != nil && kept < n {
			s.progress.Add(int64(n - kept))
		}
		if kept == n {
			return b, nil
		}
		for _, r := range runs {
			s.pending = append(s.pending, &pipeline.Batch{Rec: b.Rec.NewSlice(int64(r[0]), int64(r[1])),
				File: b.File, FirstRow: b.FirstRow + int64(r[0]), Cols: b.Cols})
		}
		b.Release()
	}
	b := s.pending[0]
	s.pending[0] = nil
	s.pending = s.pending[1:]
	return b, nil
}

// Close releases batches cut but not handed out, then closes the source.
func (s *skipScreened) Close() error {
	for _, b := range s.pending {
		b.Release()
	}
	s.pending = nil
	return s.Source.Close()
}

// idAt reads a shipment id from a string-like column, trimmed as Extract
// trims it.
func idAt(col arrow.Array, i int) (string, bool) {
	if col.IsNull(i) {
		return "", false
	}
	switch c := col.(type) {
	case *array.String:
		return strings.TrimSpace(c.Value(i)), true
	case *array.LargeString:
		return strings.TrimSpace(c.Value(i)), true
	case *array.Binary:
		return strings.TrimSpace(string(c.Value(i))), true
	case *array.Dictionary:
		return idAt(c.Dictionary(), c.GetValueIndex(i))
	}
	return strings.TrimSpace(col.ValueStr(i)), true
}
