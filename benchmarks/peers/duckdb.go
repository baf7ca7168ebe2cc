package peers

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// sqlString quotes s as an SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// DuckDB runs the query an analyst would write: the distinct consignee and
// end-user names of the batch, cross-joined with every list name, kept where
// jaro_winkler_similarity of the lower-cased strings reaches the threshold,
// then the shipments with a hit copied to a flagged Parquet file. On a
// sample, only the sampled names enter the join (MatchSec is then scaled
// by Result.Finish).
func DuckDB(ctx context.Context, c Config) (*Result, error) {
	res := &Result{Peer: "duckdb", Threads: c.Threads}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // temp tables live in one connection
	exec := func(q string, args ...any) error {
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("duckdb: %w\n%s", err, q)
		}
		return nil
	}
	batch := sqlString(c.Batch)
	t0 := time.Now()
	if c.Threads > 0 {
		if err := exec(fmt.Sprintf("SET threads = %d", c.Threads)); err != nil {
			return nil, err
		}
	}
	if err := exec("CREATE TEMP TABLE list_names AS SELECT list, entry_id, name, lower(name) AS lname FROM read_parquet(" + sqlString(c.ListNames) + ")"); err != nil {
		return nil, err
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM list_names").Scan(&res.ListNames); err != nil {
		return nil, err
	}
	res.SetupSec = time.Since(t0).Seconds()

	t1 := time.Now()
	if err := exec(`CREATE TEMP TABLE names AS
SELECT DISTINCT name FROM (
  SELECT consignee_name AS name FROM read_parquet(` + batch + `)
  UNION ALL
  SELECT end_user_name FROM read_parquet(` + batch + `)
) WHERE name IS NOT NULL AND name <> ''`); err != nil {
		return nil, err
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM read_parquet("+batch+")").Scan(&res.Rows); err != nil {
		return nil, err
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM names").Scan(&res.Distinct); err != nil {
		return nil, err
	}
	res.ScanSec = time.Since(t1).Seconds()
	res.Screened = res.Distinct
	if c.Sample > 0 && c.Sample < res.Distinct {
		var all []string
		rows, err := db.QueryContext(ctx, "SELECT name FROM names")
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, err
			}
			all = append(all, s)
		}
		rows.Close()
		screen := Sample(all, c.Sample, c.Planted)
		res.Screened, res.Sampled, res.ScreenedNames = len(screen), true, screen
		if err := exec("CREATE TEMP TABLE sample (name VARCHAR)"); err != nil {
			return nil, err
		}
		for i := 0; i < len(screen); i += 500 {
			part := screen[i:min(i+500, len(screen))]
			q := "INSERT INTO sample VALUES " + strings.TrimSuffix(strings.Repeat("(?),", len(part)), ",")
			args := make([]any, len(part))
			for k, s := range part {
				args[k] = s
			}
			if err := exec(q, args...); err != nil {
				return nil, err
			}
		}
		if err := exec("DROP TABLE names; ALTER TABLE sample RENAME TO names"); err != nil {
			return nil, err
		}
	}

	t2 := time.Now()
	if err := exec(fmt.Sprintf(`CREATE TEMP TABLE hits AS
SELECT n.name, l.list, l.entry_id, jaro_winkler_similarity(lower(n.name), l.lname) AS score
FROM names n, list_names l
WHERE jaro_winkler_similarity(lower(n.name), l.lname) >= %g`, c.Threshold)); err != nil {
		return nil, err
	}
	res.MatchSec = time.Since(t2).Seconds()

	t3 := time.Now()
	if err := exec(`COPY (
  SELECT b.* FROM read_parquet(` + batch + `) b
  WHERE b.consignee_name IN (SELECT name FROM hits) OR b.end_user_name IN (SELECT name FROM hits)
) TO ` + sqlString(c.Out) + ` (FORMAT parquet)`); err != nil {
		return nil, err
	}
	res.WriteSec = time.Since(t3).Seconds()
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM read_parquet("+sqlString(c.Out)+")").Scan(&res.FlaggedRows); err != nil {
		return nil, err
	}

	res.Hits = map[string][]Hit{}
	rows, err := db.QueryContext(ctx, "SELECT name, list, entry_id, max(score) FROM hits GROUP BY ALL ORDER BY ALL")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var h Hit
		if err := rows.Scan(&name, &h.List, &h.EntryID, &h.Score); err != nil {
			return nil, err
		}
		res.Hits[name] = append(res.Hits[name], h)
	}
	return res, rows.Err()
}
