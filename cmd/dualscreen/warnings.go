package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/pipeline"
)

// problemsShown is how many skipped list rows each warning quotes: enough
// to see what is wrong, few enough that a broken file does not flood the log.
const problemsShown = 3

// checkListsNotEmpty fails for a list that loaded without a single entry:
// a truncated download or an export with only its header would otherwise
// screen every shipment against nothing and report it clean.
func checkListsNotEmpty(loaded []*lists.List) error {
	for _, l := range loaded {
		if len(l.Entries) == 0 && len(l.Removed) == 0 {
			return inputError(fmt.Errorf("list %s: no entries (%d rows skipped as malformed): an empty list would screen nothing",
				strings.Join(l.Files, ", "), len(l.Problems)))
		}
	}
	return nil
}

// warnListProblems tells stderr, even under --quiet, how many rows of each
// list were skipped and quotes the first few with file, line and reason.
func warnListProblems(w io.Writer, loaded []*lists.List) {
	for _, l := range loaded {
		if len(l.Problems) == 0 {
			continue
		}
		fmt.Fprintf(w, "dualscreen: warning: list %s: %d malformed rows skipped\n", clean(l.ID), len(l.Problems))
		for _, p := range l.Problems[:min(len(l.Problems), problemsShown)] {
			fmt.Fprintf(w, "  %s\n", clean(p.String()))
		}
	}
}

// warnNoParties tells stderr when no row had a party name at all: the run
// succeeded but screened nobody, which is almost always a wrong --map or an
// export that lost the column's values.
func warnNoParties(w io.Writer, sum *pipeline.Summary) {
	if sum == nil || sum.Rows == 0 || sum.NoPartyRows < sum.Rows {
		return
	}
	fmt.Fprintf(w, "dualscreen: warning: consignee_name and end_user_name are empty in all %d rows: no party was screened against the lists (check --map)\n", sum.Rows)
}

// warnDuplicates tells stderr, even under --quiet, that shipment ids repeat:
// every row is still screened and written, but systems keyed by id would
// merge them.
func warnDuplicates(w io.Writer, sum *pipeline.Summary) {
	if sum == nil {
		return
	}
	switch {
	case sum.DuplicateCheckErr != nil:
		fmt.Fprintf(w, "dualscreen: note: duplicate shipment_ids were checked in the first %d of %d rows only: %v\n",
			sum.DuplicateCheckedRows, sum.Rows, sum.DuplicateCheckErr)
	case sum.DuplicateCheckedRows < sum.Rows:
		fmt.Fprintf(w, "dualscreen: note: duplicate shipment_ids were checked in the first %d of %d rows (the check is capped at %d rows)\n",
			sum.DuplicateCheckedRows, sum.Rows, pipeline.MaxDuplicateCheckRows)
	}
	if sum.DuplicateIDs == 0 {
		return
	}
	d := sum.FirstDuplicate
	fmt.Fprintf(w, "dualscreen: warning: %d rows repeat an earlier shipment_id (first: %q at %s row %d); all were screened\n",
		sum.DuplicateIDs, clean(d.ID), clean(d.File), d.Row)
}

// namingFile fills in the first input file on an InputError about the
// input schema (a reserved column name), which the sink cannot know: the
// schema is the first file's.
func namingFile(err error, files []string) error {
	var ie *pipeline.InputError
	if errors.As(err, &ie) && ie.File == "" && len(files) > 0 {
		ie.File = files[0]
	}
	return err
}

// warnNameCache says when the run had more distinct party names than the
// name cache holds (--name-cache): full parts of the cache were emptied,
// and names seen again after that were matched again. The output is the
// same; the run was slower than it needed to be, and the summary's count
// of distinct names counts those names again.
func warnNameCache(w io.Writer, party *pipeline.PartyStage, bound int) {
	resets := party.CacheResets()
	if resets == 0 {
		return
	}
	if bound <= 0 {
		bound = pipeline.DefaultCacheEntries
	}
	_, matched := party.CacheStats()
	fmt.Fprintf(w, "dualscreen: note: the name cache (--name-cache %d) filled up %d times: names seen again after that were matched again (%d matchings in all); a larger --name-cache makes such runs faster\n",
		bound, resets, matched)
}
