package parquetio

import (
	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/pipeline"
)

// arrowWriter writes rows through arrow's own Parquet writer (pqarrow): the
// selected rows of every input column are copied into new arrays, the
// decision fields built into Arrow arrays, and the record handed to
// pqarrow, which works out the levels of every leaf column from the
// arrays. It writes any input schema; the sink uses it when directWriter
// cannot, i.e. when an input column passed through is nested (a list,
// struct or map).
type arrowWriter struct {
	fw     *pqarrow.FileWriter
	schema *arrow.Schema
	mem    memory.Allocator
}

func (w *arrowWriter) write(b *pipeline.Batch, sel []int) error {
	cols := make([]arrow.Array, 0, w.schema.NumFields())
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	for c := 0; c < int(b.Rec.NumCols()); c++ {
		var a arrow.Array
		var err error
		if col := b.Rec.Column(c); dictOfType(col.DataType(), w.schema.Field(c).Type) {
			a, err = gatherDictStrings(w.mem, col.(*array.Dictionary), sel)
		} else {
			a, err = take(w.mem, col, sel)
		}
		if err != nil {
			return err
		}
		cols = append(cols, a)
	}
	cols = append(cols, w.decisionColumns(b, sel)...)
	rec := array.NewRecord(w.schema, cols, int64(len(sel)))
	defer rec.Release()
	return w.fw.WriteBuffered(rec)
}

func (w *arrowWriter) close() error { return w.fw.Close() }

// take returns the rows sel of arr: arr itself when every row is selected,
// a zero-copy slice for one run of consecutive rows, a copy of the rows
// (gather) for the common column types, and otherwise a concatenation of
// the runs' slices (dictionaries are unified).
func take(mem memory.Allocator, arr arrow.Array, sel []int) (arrow.Array, error) {
	if len(sel) == arr.Len() {
		arr.Retain()
		return arr, nil
	}
	if len(sel) > 0 && sel[len(sel)-1]-sel[0] == len(sel)-1 {
		return array.NewSlice(arr, int64(sel[0]), int64(sel[len(sel)-1]+1)), nil
	}
	if a, ok := gather(mem, arr, sel); ok {
		return a, nil
	}
	var parts []arrow.Array
	defer func() {
		for _, p := range parts {
			p.Release()
		}
	}()
	for i := 0; i < len(sel); {
		j := i + 1
		for j < len(sel) && sel[j] == sel[j-1]+1 {
			j++
		}
		parts = append(parts, array.NewSlice(arr, int64(sel[i]), int64(sel[j-1]+1)))
		i = j
	}
	if len(parts) == 1 {
		parts[0].Retain()
		return parts[0], nil
	}
	return array.Concatenate(parts, mem)
}

func (w *arrowWriter) decisionColumns(b *pipeline.Batch, sel []int) []arrow.Array {
	mem := w.mem
	flagged := array.NewBooleanBuilder(mem)
	risk := array.NewFloat64Builder(mem)
	prio := array.NewStringBuilder(mem)
	reasons := array.NewListBuilder(mem, arrow.BinaryTypes.String)
	hits := array.NewListBuilder(mem, HitType)
	defer func() {
		flagged.Release()
		risk.Release()
		prio.Release()
		reasons.Release()
		hits.Release()
	}()
	reasonVals := reasons.ValueBuilder().(*array.StringBuilder)
	hit := hits.ValueBuilder().(*array.StructBuilder)
	hitStr := make([]*array.StringBuilder, len(pipeline.HitFields))
	var hitScore *array.Float64Builder
	for i, name := range pipeline.HitFields {
		if name == "score" {
			hitScore = hit.FieldBuilder(i).(*array.Float64Builder)
		} else {
			hitStr[i] = hit.FieldBuilder(i).(*array.StringBuilder)
		}
	}
	// Size every builder up front: appending into growing buffers copied
	// each one several times (the hits' explanations and legal bases are
	// most of the output's bytes).
	var nHits, nReasons, reasonBytes, prioBytes int
	var hitBytes [12]int
	for _, r := range sel {
		d := &b.Decisions[r]
		prioBytes += len(d.Priority)
		nReasons += len(d.Reasons)
		for _, x := range d.Reasons {
			reasonBytes += len(x)
		}
		nHits += len(b.Hits[r])
		for i := range b.Hits[r] {
			for f, v := range hitValues(&b.Hits[r][i]) {
				hitBytes[f] += len(v)
			}
		}
	}
	n := len(sel)
	flagged.Reserve(n)
	risk.Reserve(n)
	prio.Reserve(n)
	prio.ReserveData(prioBytes)
	reasons.Reserve(n)
	reasonVals.Reserve(nReasons)
	reasonVals.ReserveData(reasonBytes)
	hits.Reserve(n)
	hit.Reserve(nHits)
	hitScore.Reserve(nHits)
	for i, sb := range hitStr {
		if sb != nil {
			sb.Reserve(nHits)
			sb.ReserveData(hitBytes[i])
		}
	}
	for _, r := range sel {
		d := b.Decisions[r]
		flagged.Append(d.Flagged)
		risk.Append(d.RiskScore)
		prio.Append(string(d.Priority))
		reasons.Append(true)
		for _, x := range d.Reasons {
			reasonVals.Append(string(x))
		}
		hits.Append(true)
		for _, h := range b.Hits[r] {
			hit.Append(true)
			for i, v := range hitValues(&h) {
				if hitStr[i] != nil {
					hitStr[i].Append(v)
				}
			}
			hitScore.Append(h.Score)
		}
	}
	return []arrow.Array{flagged.NewArray(), risk.NewArray(), prio.NewArray(), reasons.NewArray(), hits.NewArray()}
}

// hitValues returns the string fields of h in HitFields order ("" at score).
func hitValues(h *evidence.Hit) [12]string {
	return [12]string{string(h.Reason), string(h.Role), h.List, h.EntryID, h.EntryName, h.EntryType,
		h.MatchedName, h.QueryName, "", h.Programs, h.LegalBasis, h.Explanation}
}
