package pipeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
)

// Field is one canonical shipment column (contract.md).
type Field int

// The canonical columns, in contract order.
const (
	FieldShipmentID Field = iota
	FieldDeclarationDate
	FieldExporterName
	FieldExporterCountry
	FieldConsigneeName
	FieldConsigneeCountry
	FieldEndUserName
	FieldEndUserCountry
	FieldDestination
	FieldGoods
	FieldCNCode
	FieldControlCode
	FieldValueEUR
	NumFields
)

// CanonicalNames are the column names of contract.md, indexed by Field.
var CanonicalNames = [NumFields]string{
	"shipment_id", "declaration_date", "exporter_name", "exporter_country",
	"consignee_name", "consignee_country", "end_user_name", "end_user_country",
	"destination_country", "goods_description", "cn_code", "control_code", "value_eur",
}

// RequiredFields must be present in every input file. consignee_name may be
// null in a row; shipment_id may not.
var RequiredFields = []Field{FieldShipmentID, FieldConsigneeName}

func (f Field) String() string { return CanonicalNames[f] }

// FieldByName returns the canonical field with the given name.
func FieldByName(name string) (Field, bool) {
	for i, n := range CanonicalNames {
		if n == name {
			return Field(i), true
		}
	}
	return 0, false
}

// ColumnMap maps canonical column names onto the names used in the input
// (--map consignee_name=CONSIGNEE).
type ColumnMap map[string]string

// ParseColumnMap parses "canonical=source,canonical=source" (repeatable
// flags are joined with commas). Unknown canonical names are errors, so a
// typo never silently leaves a column unread.
func ParseColumnMap(specs []string) (ColumnMap, error) {
	m := ColumnMap{}
	for _, spec := range specs {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			canon, src, ok := strings.Cut(part, "=")
			canon, src = strings.TrimSpace(canon), strings.TrimSpace(src)
			if !ok || canon == "" || src == "" {
				return nil, fmt.Errorf("--map %q: want canonical=column", part)
			}
			if _, known := FieldByName(canon); !known {
				return nil, fmt.Errorf("--map %q: %q is not a canonical column (have %s)", part, canon, strings.Join(CanonicalNames[:], ", "))
			}
			m[canon] = src
		}
	}
	return m, nil
}

// Columns says where each canonical column sits in a record schema and under
// which name. It is resolved once per file schema, never per row.
type Columns struct {
	Index [NumFields]int    // field position in the record, -1 when absent
	Name  [NumFields]string // the column's name in the input (after --map)
}

// SourceNames returns the input names of the canonical columns present, in
// field order: the columns a reader must read when nothing passes through.
func (c *Columns) SourceNames() []string {
	var out []string
	for f := Field(0); f < NumFields; f++ {
		if c.Index[f] >= 0 {
			out = append(out, c.Name[f])
		}
	}
	return out
}

// ResolveColumns finds the canonical columns in schema. A canonical name is
// looked up under its mapped name, exactly first and then ignoring case.
// Missing required columns and unsupported types are InputErrors naming file
// and column.
func ResolveColumns(file string, schema *arrow.Schema, m ColumnMap) (*Columns, error) {
	c := &Columns{}
	for f := Field(0); f < NumFields; f++ {
		name := CanonicalNames[f]
		if src, ok := m[name]; ok {
			name = src
		}
		c.Index[f], c.Name[f] = lookupField(schema, name), name
		if c.Index[f] < 0 {
			continue
		}
		dt := schema.Field(c.Index[f]).Type
		c.Name[f] = schema.Field(c.Index[f]).Name
		var ok bool
		if f == FieldValueEUR {
			ok = numberType(dt)
		} else {
			ok = stringType(dt)
		}
		if !ok {
			return nil, &InputError{File: file, Column: c.Name[f], Err: fmt.Errorf("%w %s for %s", ErrBadType, dt, CanonicalNames[f])}
		}
	}
	for _, f := range RequiredFields {
		if c.Index[f] < 0 {
			hint := ""
			if _, mapped := m[CanonicalNames[f]]; !mapped {
				hint = fmt.Sprintf(" (name it with --map %s=COLUMN; columns are %s)", CanonicalNames[f], fieldList(schema))
			}
			return nil, &InputError{File: file, Column: c.Name[f], Err: fmt.Errorf("%w%s", ErrMissingColumn, hint)}
		}
	}
	return c, nil
}

func lookupField(schema *arrow.Schema, name string) int {
	if idx := schema.FieldIndices(name); len(idx) > 0 {
		return idx[0]
	}
	found := -1
	for i, f := range schema.Fields() {
		if strings.EqualFold(f.Name, name) {
			if found >= 0 {
				return -1 // ambiguous without exact case: treat as absent
			}
			found = i
		}
	}
	return found
}

func fieldList(s *arrow.Schema) string {
	names := make([]string, 0, s.NumFields())
	for _, f := range s.Fields() {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	if len(names) > 20 {
		names = append(names[:20], "…")
	}
	return strings.Join(names, ", ")
}

// stringType reports whether values of dt can be read as text: strings of
// every layout, dictionaries of them, dates and integers (a CN code stored
// as a number).
func stringType(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.STRING, arrow.LARGE_STRING, arrow.STRING_VIEW, arrow.BINARY, arrow.LARGE_BINARY,
		arrow.DATE32, arrow.DATE64, arrow.TIMESTAMP,
		arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return true
	case arrow.DICTIONARY:
		return stringType(dt.(*arrow.DictionaryType).ValueType)
	}
	return false
}

func numberType(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128, arrow.DECIMAL256,
		arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return true
	case arrow.DICTIONARY:
		return numberType(dt.(*arrow.DictionaryType).ValueType)
	}
	return false
}
