package pipeline

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
)

// The fields every sink appends to the input columns (contract.md).
const (
	OutFlagged   = "flagged"
	OutRiskScore = "risk_score"
	OutPriority  = "priority"
	OutReasons   = "reasons"
	OutHits      = "hits"
)

// OutputFields are the appended field names, in output order.
var OutputFields = []string{OutFlagged, OutRiskScore, OutPriority, OutReasons, OutHits}

// HitFields are the keys of one hit, in output order (contract.md).
var HitFields = []string{"reason", "role", "list", "entry_id", "entry_name", "entry_type",
	"matched_name", "query_name", "score", "programs", "legal_basis", "explanation"}

// CheckOutputNames fails when an input column has the name of an output
// field: writing both would give a file with two columns of one name.
// Re-screening an output file therefore needs those columns dropped first.
func CheckOutputNames(input *arrow.Schema) error {
	for _, name := range OutputFields {
		if input.HasField(name) {
			return &InputError{Column: name, Err: fmt.Errorf("%w (rename it with --map or drop it before screening)", ErrReservedColumn)}
		}
	}
	return nil
}
