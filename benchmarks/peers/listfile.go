package peers

import (
	"os"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/lists"
)

var listNamesSchema = arrow.NewSchema([]arrow.Field{
	{Name: "list", Type: arrow.BinaryTypes.String},
	{Name: "entry_id", Type: arrow.BinaryTypes.String},
	{Name: "name", Type: arrow.BinaryTypes.String},
}, nil)

// WriteListNames writes every name variant of entries as a Parquet table
// (list, entry_id, name): the table an analyst joins against in SQL.
func WriteListNames(path string, entries []*lists.Entry) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	mem := memory.NewGoAllocator()
	props := parquet.NewWriterProperties(parquet.WithCompression(compress.Codecs.Snappy), parquet.WithAllocator(mem))
	fw, err := pqarrow.NewFileWriter(listNamesSchema, f, props, pqarrow.NewArrowWriterProperties(pqarrow.WithAllocator(mem)))
	if err != nil {
		f.Close()
		return err
	}
	rb := array.NewRecordBuilder(mem, listNamesSchema)
	defer rb.Release()
	n := 0
	flush := func() error {
		rec := rb.NewRecord()
		defer rec.Release()
		return fw.WriteBuffered(rec)
	}
	for _, e := range entries {
		for _, nm := range e.Names {
			rb.Field(0).(*array.StringBuilder).Append(e.List)
			rb.Field(1).(*array.StringBuilder).Append(e.ID)
			rb.Field(2).(*array.StringBuilder).Append(nm.Value)
			if n++; n%65536 == 0 {
				if err := flush(); err != nil {
					fw.Close()
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		fw.Close()
		return err
	}
	return fw.Close() // closes f
}
