package parquetio

import (
	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/pipeline"
)

// maxDictPageBytes is the largest dictionary page (compressed, with its
// header) of a column chunk that Source reads as an Arrow dictionary.
//
// Why a bound: arrow v17's dictionary reader copies the whole dictionary
// of the row group into every batch it returns (the builder's NewArray
// copies its memo table), so the copy is paid once per batch, not once per
// row group. For the columns whose values come from a small set (dates,
// countries, goods, codes: 60 bytes to 2 KiB of dictionary page on the
// benchmark batches) that is far less than materialising 8,192 strings per
// batch; for the party names (300–490 KiB per row group, up to 111,000
// entries) it is far more: reading the 10M-row batch with the names as
// dictionaries took 17.0 CPU-s against 9.3 plain, with the small columns
// only 7.2–8.3.
const maxDictPageBytes = 32 << 10

// smallDictionaries returns the leaf columns of the canonical text fields
// (all but shipment_id, whose values are unique) that every row group of
// the file stores dictionary-encoded with a dictionary page of at most
// maxDictPageBytes and no data page in another encoding (a page that fell
// back to plain would be hashed value by value into the dictionary).
// schema is the file's schema read without dictionaries; columns must be
// plain strings there, so that the batches differ from it only in holding
// dictionaries of those strings.
func smallDictionaries(rdr *file.Reader, fr *pqarrow.FileReader, schema *arrow.Schema, cols *pipeline.Columns) []int {
	if rdr.NumRowGroups() == 0 {
		return nil
	}
	var out []int
	for f := pipeline.Field(0); f < pipeline.NumFields; f++ {
		idx := cols.Index[f]
		if f == pipeline.FieldShipmentID || f == pipeline.FieldValueEUR || idx < 0 || idx >= schema.NumFields() ||
			idx >= len(fr.Manifest.Fields) || schema.Field(idx).Type.ID() != arrow.STRING {
			continue
		}
		sf := fr.Manifest.Fields[idx]
		if !sf.IsLeaf() {
			continue
		}
		if smallDictionary(rdr, sf.ColIndex) {
			out = append(out, sf.ColIndex)
		}
	}
	return out
}

// thriftDictionaryPage is PageType DICTIONARY_PAGE of parquet.thrift
// (arrow's constant for it is in an internal package).
const thriftDictionaryPage = 2

// smallDictionary reports whether every chunk of leaf column leaf is
// dictionary-encoded with a dictionary page of at most maxDictPageBytes.
func smallDictionary(rdr *file.Reader, leaf int) bool {
	for g := range rdr.NumRowGroups() {
		cc, err := rdr.MetaData().RowGroup(g).ColumnChunk(leaf)
		if err != nil || !cc.HasDictionaryPage() || cc.DictionaryPageOffset() >= cc.DataPageOffset() ||
			cc.DataPageOffset()-cc.DictionaryPageOffset() > maxDictPageBytes {
			return false
		}
		if cc.Type() != parquet.Types.ByteArray {
			return false
		}
		for _, st := range cc.EncodingStats() {
			if st.PageType != thriftDictionaryPage && st.Encoding != parquet.Encodings.RLEDict && st.Encoding != parquet.Encodings.PlainDict {
				return false
			}
		}
	}
	return true
}

// dictOfType reports whether dt is an Arrow dictionary of want's values:
// what a column of type want arrives as when Source reads it as one.
func dictOfType(dt, want arrow.DataType) bool {
	d, ok := dt.(*arrow.DictionaryType)
	return ok && arrow.TypeEqual(d.ValueType, want) && !arrow.TypeEqual(dt, want)
}
