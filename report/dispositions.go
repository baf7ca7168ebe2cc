package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dualscreen/dualscreen/evidence"
)

// Verdict is an analyst's decision on one party hit.
type Verdict string

// Verdicts, as in the domain notes (§5).
const (
	FalsePositive Verdict = "false_positive" // suppressed in later runs until the entry changes
	TrueMatch     Verdict = "true_match"     // kept flagged at high priority
	Escalate      Verdict = "escalate"       // noted on the hit; screening unchanged
	Pending       Verdict = "pending"        // noted on the hit; screening unchanged
)

// DispositionColumns is the column layout of a dispositions file, CSV or
// Parquet. party_name_normalised is PartyKey of the shipment's party name;
// entry_hash is lists.Entry.ContentHash() of the entry when it was decided.
var DispositionColumns = []string{"party_name_normalised", "list", "entry_id", "entry_hash", "disposition", "reviewer", "decided_at", "comment"}

// Disposition is one line of a dispositions file.
type Disposition struct {
	PartyKey  string
	List      string
	EntryID   string
	EntryHash string
	Verdict   Verdict
	Reviewer  string
	DecidedAt string // RFC 3339 timestamp or ISO date, as written
	Comment   string
	Line      int64 // 1-based line (CSV) or row (Parquet) it was read from
}

type dispKey struct{ party, list, id string }

// Dispositions is a loaded dispositions file: for each (party, list, entry)
// the latest decision. Earlier lines for the same key are the audit trail;
// the latest decided_at wins, and the later line on a tie.
type Dispositions struct {
	File  string
	Lines int64 // lines read, audit trail included
	byKey map[dispKey]Disposition
}

// Len is the number of distinct keys with a decision.
func (d *Dispositions) Len() int {
	if d == nil {
		return 0
	}
	return len(d.byKey)
}

// Lookup returns the decision for a party name (raw or normalised), list and entry.
func (d *Dispositions) Lookup(party, list, entryID string) (Disposition, bool) {
	if d == nil {
		return Disposition{}, false
	}
	x, ok := d.byKey[dispKey{PartyKey(party), list, entryID}]
	return x, ok
}

// ReadDispositions reads a dispositions file: Parquet if it starts with the
// Parquet magic "PAR1", CSV otherwise.
func ReadDispositions(ctx context.Context, path string) (*Dispositions, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	magic := make([]byte, 4)
	n, _ := io.ReadFull(f, magic)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ds := &Dispositions{File: path, byKey: map[dispKey]Disposition{}}
	if n == 4 && bytes.Equal(magic, []byte("PAR1")) {
		err = readParquetColumns(ctx, path, DispositionColumns[:5], DispositionColumns[5:], func(row int64, r pqRow) error {
			v := make(map[string]string, len(DispositionColumns))
			for _, c := range DispositionColumns {
				v[c] = strings.TrimSpace(r.String(c))
			}
			return ds.add(rowToDisposition(v, row))
		})
	} else {
		err = ds.readCSV(ctx, f)
	}
	if err != nil {
		return nil, err
	}
	return ds, nil
}

func rowToDisposition(v map[string]string, line int64) Disposition {
	return Disposition{
		PartyKey:  v["party_name_normalised"],
		List:      v["list"],
		EntryID:   v["entry_id"],
		EntryHash: v["entry_hash"],
		Verdict:   Verdict(strings.ToLower(v["disposition"])),
		Reviewer:  v["reviewer"],
		DecidedAt: v["decided_at"],
		Comment:   v["comment"],
		Line:      line,
	}
}

func (ds *Dispositions) readCSV(ctx context.Context, r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: empty file (want header %s)", ds.File, strings.Join(DispositionColumns, ","))
		}
		return fmt.Errorf("%s: reading header: %w", ds.File, err)
	}
	col := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range DispositionColumns[:5] {
		if _, ok := col[need]; !ok {
			return fmt.Errorf("%s: line 1: missing column %q (want %s)", ds.File, need, strings.Join(DispositionColumns, ","))
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", ds.File, err)
		}
		line, _ := cr.FieldPos(0)
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		v := make(map[string]string, len(col))
		for name, i := range col {
			if i < len(rec) {
				v[name] = strings.TrimSpace(rec[i])
			}
		}
		if err := ds.add(rowToDisposition(v, int64(line))); err != nil {
			return err
		}
	}
}

// add validates one line and keeps it if it is the latest for its key.
func (ds *Dispositions) add(d Disposition) error {
	ds.Lines++
	bad := func(col, msg string) error {
		return fmt.Errorf("%s: line %d, column %s: %s", ds.File, d.Line, col, msg)
	}
	// Accept a raw name too, so a hand-written line still keys correctly.
	d.PartyKey = PartyKey(d.PartyKey)
	if d.PartyKey == "" {
		return bad("party_name_normalised", "empty or without letters and digits")
	}
	if d.List == "" {
		return bad("list", "empty")
	}
	if d.EntryID == "" {
		return bad("entry_id", "empty")
	}
	switch d.Verdict {
	case FalsePositive, TrueMatch:
		// A decision that suppresses or escalates must know what it decided
		// about, or it could never lapse when the entry changes.
		if d.EntryHash == "" {
			return bad("entry_hash", "empty (copy the line from the review report; it lapses when the entry changes)")
		}
	case Escalate, Pending:
	default:
		return bad("disposition", fmt.Sprintf("%q is not one of false_positive, true_match, escalate, pending", d.Verdict))
	}
	if d.DecidedAt != "" && !validTime(d.DecidedAt) {
		return bad("decided_at", fmt.Sprintf("%q is not an RFC 3339 timestamp or ISO date", d.DecidedAt))
	}
	k := dispKey{d.PartyKey, d.List, d.EntryID}
	if old, ok := ds.byKey[k]; ok && old.DecidedAt > d.DecidedAt {
		return nil
	}
	ds.byKey[k] = d
	return nil
}

func validTime(s string) bool {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.DateOnly} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// EntryHashFunc returns the current content hash of a list entry, and false
// when the entry is no longer on the list.
type EntryHashFunc func(list, entryID string) (string, bool)

// Outcome is what Apply did to one shipment's hits.
type Outcome struct {
	Suppressed int  // hits turned into SUPPRESSED_BY_DISPOSITION
	TrueMatch  bool // a hit is a confirmed true match: keep at high priority
	Lapsed     int  // decisions ignored because the entry changed or left the list
	Noted      int  // escalate/pending decisions noted on hits
}

// Apply applies the decisions to hits in place. A false_positive turns the
// hit's reason into SUPPRESSED_BY_DISPOSITION (the original reason stays in
// the explanation); a true_match leaves it and sets Outcome.TrueMatch. A
// decision lapses, and the hit stays as screened, when the entry's current
// content hash differs from the one decided on.
func (d *Dispositions) Apply(hits []evidence.Hit, current EntryHashFunc) Outcome {
	var o Outcome
	if d.Len() == 0 {
		return o
	}
	for i := range hits {
		h := &hits[i]
		if h.List == "" || h.EntryID == "" || h.Reason == evidence.SuppressedByDisposition {
			continue
		}
		x, ok := d.Lookup(h.QueryName, h.List, h.EntryID)
		if !ok {
			continue
		}
		if x.EntryHash != "" {
			if cur, ok := current(h.List, h.EntryID); !ok || cur != x.EntryHash {
				o.Lapsed++
				h.Explanation = fmt.Sprintf("list entry changed since %s's %s decision of %s (line %d of %s lapsed); %s",
					orUnknown(x.Reviewer), x.Verdict, orUnknown(x.DecidedAt), x.Line, d.File, h.Explanation)
				continue
			}
		}
		who := fmt.Sprintf("%s by %s on %s", x.Verdict, orUnknown(x.Reviewer), orUnknown(x.DecidedAt))
		if x.Comment != "" {
			who += " (" + x.Comment + ")"
		}
		switch x.Verdict {
		case FalsePositive:
			h.Explanation = fmt.Sprintf("cleared as %s; was %s: %s", who, h.Reason, h.Explanation)
			h.Reason = evidence.SuppressedByDisposition
			o.Suppressed++
		case TrueMatch:
			h.Explanation = "confirmed " + who + "; " + h.Explanation
			o.TrueMatch = true
		default:
			h.Explanation = "marked " + who + "; " + h.Explanation
			o.Noted++
		}
	}
	return o
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// AdjustDecision brings a decision in line with the dispositions applied to
// its hits: its reasons are those of all hits (SUPPRESSED_BY_DISPOSITION
// included, so --all output shows why a row is no longer flagged); it is
// not flagged when no other hit stands; a confirmed true match is high
// priority. Deciders that ran on every hit should decide again on
// Standing(hits) first, so the suppressed hits no longer weigh.
func AdjustDecision(dec *evidence.Decision, hits []evidence.Hit, o Outcome) {
	if o.Suppressed > 0 {
		dec.Reasons = evidence.ReasonsOf(hits)
		if len(Standing(hits)) == 0 {
			dec.Flagged, dec.Priority, dec.RiskScore = false, evidence.PriorityNone, 0
		}
	}
	if o.TrueMatch {
		dec.Flagged = true
		dec.Priority = evidence.PriorityHigh
	}
}

// Standing returns the hits not suppressed by a disposition (a new slice).
func Standing(hits []evidence.Hit) []evidence.Hit { return withoutSuppressed(hits) }

func withoutSuppressed(hits []evidence.Hit) []evidence.Hit {
	out := make([]evidence.Hit, 0, len(hits))
	for _, h := range hits {
		if h.Reason != evidence.SuppressedByDisposition {
			out = append(out, h)
		}
	}
	return out
}

// DispositionLine is the CSV line (without newline) an analyst adds to the
// dispositions file to record verdict v on hit h. entryHash is the entry's
// current content hash.
func DispositionLine(h evidence.Hit, entryHash string, v Verdict) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{PartyKey(h.QueryName), h.List, h.EntryID, entryHash, string(v), "", "", ""}) // writes to a buffer cannot fail
	w.Flush()
	return strings.TrimRight(b.String(), "\r\n")
}

// SortedKeys lists the decisions in a stable order, for tests and reports.
func (d *Dispositions) SortedKeys() []Disposition {
	out := make([]Disposition, 0, d.Len())
	if d == nil {
		return out
	}
	for _, x := range d.byKey {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.PartyKey != b.PartyKey {
			return a.PartyKey < b.PartyKey
		}
		if a.List != b.List {
			return a.List < b.List
		}
		return a.EntryID < b.EntryID
	})
	return out
}
