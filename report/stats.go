package report

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// AnnexICategories names the ten categories of Annex I to Regulation (EU)
// 2021/821. The first character of a control code is its category.
var AnnexICategories = [10]string{
	"0 Nuclear materials, facilities and equipment",
	"1 Special materials and related equipment",
	"2 Materials processing",
	"3 Electronics",
	"4 Computers",
	"5 Telecommunications and information security",
	"6 Sensors and lasers",
	"7 Navigation and avionics",
	"8 Marine",
	"9 Aerospace and propulsion",
}

// ControlCategory returns the Annex I category of a control code
// ("5A001.j" → "5 Telecommunications…"), "(none)" for an empty code and
// "(not Annex I)" for one that does not start with a digit.
func ControlCategory(code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		return "(none)"
	}
	if c := code[0]; c >= '0' && c <= '9' {
		return AnnexICategories[c-'0']
	}
	return "(not Annex I)"
}

// ValueBand buckets a declared value in EUR by order of magnitude.
func ValueBand(v float64, ok bool) string {
	switch {
	case !ok:
		return "(unknown)"
	case v < 1_000:
		return "a: < 1k"
	case v < 10_000:
		return "b: 1k–10k"
	case v < 100_000:
		return "c: 10k–100k"
	case v < 1_000_000:
		return "d: 100k–1M"
	}
	return "e: ≥ 1M"
}

// StatsRow is what Stats reads of one output row.
type StatsRow struct {
	Destination string
	ControlCode string
	ValueEUR    float64
	HasValue    bool
	Flagged     bool
	Reasons     []string
}

type statsCell struct {
	shipments, flagged int64
	value, flaggedVal  float64
}

// Stats aggregates a run's output for transparency reporting (in the spirit
// of Art. 26 of Regulation 2021/821, which asks for data by destination,
// Annex I category, value and denials, with cyber-surveillance items
// apart). Memory is bounded by the number of distinct keys, capped at
// MaxKeys per dimension.
type Stats struct {
	MaxKeys int // distinct keys kept per dimension; default 1000, the rest count as "(other)"
	cells   map[string]map[string]*statsCell
}

// NewStats returns empty statistics.
func NewStats() *Stats {
	return &Stats{MaxKeys: defaultMaxKeys, cells: map[string]map[string]*statsCell{}}
}

// StatsDimensions are the dimensions in the order WriteCSV writes them.
var StatsDimensions = []string{"total", "destination", "control_category", "control_entry", "reason", "value_band", "cyber_surveillance_destination"}

// Add counts one row.
func (s *Stats) Add(r StatsRow) {
	dest := strings.TrimSpace(r.Destination)
	s.add("total", "all", r)
	s.add("destination", dest, r)
	s.add("control_category", ControlCategory(r.ControlCode), r)
	entry := strings.ToUpper(strings.TrimSpace(r.ControlCode))
	if i := strings.IndexByte(entry, '.'); i > 0 {
		entry = entry[:i] // 5A001.j → 5A001: Annex I entry, sub-items folded
	}
	s.add("control_entry", entry, r)
	s.add("value_band", ValueBand(r.ValueEUR, r.HasValue), r)
	for _, reason := range r.Reasons {
		s.add("reason", reason, r)
		if reason == "CYBER_SURVEILLANCE_CATCH_ALL" {
			s.add("cyber_surveillance_destination", dest, r)
		}
	}
}

func (s *Stats) add(dim, key string, r StatsRow) {
	if key == "" {
		key = "(none)"
	}
	m := s.cells[dim]
	if m == nil {
		m = map[string]*statsCell{}
		s.cells[dim] = m
	}
	c := m[key]
	if c == nil {
		if len(m) >= s.MaxKeys {
			key = OtherKey
			c = m[key]
		}
		if c == nil {
			c = &statsCell{}
			m[key] = c
		}
	}
	c.shipments++
	if r.HasValue {
		c.value += r.ValueEUR
	}
	if r.Flagged {
		c.flagged++
		if r.HasValue {
			c.flaggedVal += r.ValueEUR
		}
	}
}

// StatsHeader is the header of the statistics CSV.
var StatsHeader = []string{"dimension", "key", "shipments", "flagged", "value_eur", "flagged_value_eur"}

// WriteCSV writes one line per dimension and key: dimensions in
// StatsDimensions order, keys by descending shipments then name.
func (s *Stats) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(StatsHeader); err != nil {
		return err
	}
	for _, dim := range StatsDimensions {
		m := s.cells[dim]
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := m[keys[i]], m[keys[j]]
			if a.shipments != b.shipments {
				return a.shipments > b.shipments
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			c := m[k]
			if err := cw.Write([]string{dim, neutralise(k), strconv.FormatInt(c.shipments, 10), strconv.FormatInt(c.flagged, 10),
				strconv.FormatFloat(c.value, 'f', 2, 64), strconv.FormatFloat(c.flaggedVal, 'f', 2, 64)}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralise keeps a key a spreadsheet would read as a formula as text.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// StatsColumns names the output columns Stats reads; Map renames them when
// the input used other names (as screen --map did).
type StatsColumns struct {
	Destination, ControlCode, Value, Flagged, Reasons string
}

// DefaultStatsColumns are the contract's column names.
var DefaultStatsColumns = StatsColumns{"destination_country", "control_code", "value_eur", "flagged", "reasons"}

// ReadRunStats aggregates a screen output file: Parquet, JSON lines or CSV,
// by extension (.parquet, .jsonl/.ndjson/.json, .csv).
func ReadRunStats(ctx context.Context, path string, cols StatsColumns, s *Stats) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".parquet", ".pq":
		return readStatsParquet(ctx, path, cols, s)
	case ".jsonl", ".ndjson", ".json":
		return readStatsJSONL(ctx, path, cols, s)
	case ".csv":
		return readStatsCSV(ctx, path, cols, s)
	}
	return fmt.Errorf("%s: unknown output format (want .parquet, .jsonl or .csv)", path)
}

func readStatsParquet(ctx context.Context, path string, c StatsColumns, s *Stats) error {
	low := func(x string) string { return strings.ToLower(x) }
	return readParquetColumns(ctx, path, []string{low(c.Destination)}, []string{low(c.ControlCode), low(c.Value), low(c.Flagged), low(c.Reasons)},
		func(row int64, r pqRow) error {
			v, ok := r.Float(low(c.Value))
			flagged := r.String(low(c.Flagged))
			s.Add(StatsRow{
				Destination: r.String(low(c.Destination)), ControlCode: r.String(low(c.ControlCode)),
				ValueEUR: v, HasValue: ok, Flagged: flagged == "true", Reasons: r.Strings(low(c.Reasons)),
			})
			return nil
		})
}

func readStatsJSONL(ctx context.Context, path string, c StatsColumns, s *Stats) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var line int64
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			return fmt.Errorf("%s: line %d: %w", path, line, err)
		}
		var r StatsRow
		str := func(col string) (string, error) {
			raw, ok := obj[col]
			if !ok || string(raw) == "null" {
				return "", nil
			}
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				return "", fmt.Errorf("%s: line %d, column %s: want a string: %w", path, line, col, err)
			}
			return v, nil
		}
		if r.Destination, err = str(c.Destination); err != nil {
			return err
		}
		if r.ControlCode, err = str(c.ControlCode); err != nil {
			return err
		}
		if raw, ok := obj[c.Value]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, &r.ValueEUR); err != nil {
				return fmt.Errorf("%s: line %d, column %s: want a number: %w", path, line, c.Value, err)
			}
			r.HasValue = true
		}
		if raw, ok := obj[c.Flagged]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, &r.Flagged); err != nil {
				return fmt.Errorf("%s: line %d, column %s: want true or false: %w", path, line, c.Flagged, err)
			}
		}
		if raw, ok := obj[c.Reasons]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, &r.Reasons); err != nil {
				return fmt.Errorf("%s: line %d, column %s: want a list of strings: %w", path, line, c.Reasons, err)
			}
		}
		s.Add(r)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: line %d: %w", path, line+1, err)
	}
	return nil
}

func readStatsCSV(ctx context.Context, path string, c StatsColumns, s *Stats) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: empty file", path)
		}
		return fmt.Errorf("%s: reading header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		col[strings.TrimSpace(h)] = i
	}
	if _, ok := col[c.Destination]; !ok {
		return fmt.Errorf("%s: line 1: missing column %q", path, c.Destination)
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0)
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r := StatsRow{Destination: get(rec, c.Destination), ControlCode: get(rec, c.ControlCode)}
		if v := get(rec, c.Value); v != "" {
			if r.ValueEUR, err = strconv.ParseFloat(v, 64); err != nil {
				return fmt.Errorf("%s: line %d, column %s: %q is not a number", path, line, c.Value, v)
			}
			r.HasValue = true
		}
		switch fl := strings.ToLower(get(rec, c.Flagged)); fl {
		case "true", "1", "yes":
			r.Flagged = true
		case "false", "0", "no", "":
		default:
			return fmt.Errorf("%s: line %d, column %s: %q is not true or false", path, line, c.Flagged, fl)
		}
		r.Reasons, err = splitReasons(get(rec, c.Reasons))
		if err != nil {
			return fmt.Errorf("%s: line %d, column %s: %w", path, line, c.Reasons, err)
		}
		s.Add(r)
	}
}

// splitReasons reads a reasons cell of a CSV output: a JSON array, or codes
// separated by ';', '|' or ','.
func splitReasons(v string) ([]string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	if strings.HasPrefix(v, "[") {
		var out []string
		if err := json.Unmarshal([]byte(v), &out); err != nil {
			return nil, fmt.Errorf("want a JSON list of strings: %w", err)
		}
		return out, nil
	}
	out := strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '|' || r == ',' || r == ' ' })
	return out, nil
}

// WriteStatsFile writes the statistics CSV to path atomically.
func WriteStatsFile(path string, s *Stats) error {
	return writeFileAtomic(path, func(f *os.File) error { return s.WriteCSV(f) })
}
