package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressBar renders pipeline progress on stderr (only when it is a
// terminal): rows, rows/s and the ETA from the Parquet row count.
type progressBar struct{ bar *progressbar.ProgressBar }

func newProgressBar(w io.Writer) *progressBar {
	return &progressBar{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("screening"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("rows"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(true),
	)}
}

// SetTotal implements pipeline.Progress.
func (p *progressBar) SetTotal(rows int64) {
	if rows > 0 {
		p.bar.ChangeMax64(rows)
	}
}

// Add implements pipeline.Progress.
func (p *progressBar) Add(rows int64) { p.bar.Add64(rows) }

func (p *progressBar) finish() {
	p.bar.Finish()
	p.bar.Clear()
}
