package parquetio

import (
	"fmt"

	flatbuffers "github.com/google/flatbuffers/go"
)

// Slots of the Arrow IPC tables (format/Message.fbs, format/Schema.fbs)
// that arrow's schema decoder reads: vtable offsets, 4 + 2×field index.
const (
	slotMessageHeaderType = 6
	slotMessageHeader     = 8
	slotSchemaFields      = 6
	slotSchemaMetadata    = 8
	slotFieldChildren     = 14
	slotFieldMetadata     = 16

	messageHeaderSchema = 1 // MessageHeader.Schema in the union's enum
)

// verifySchemaMessage walks the flatbuffer of a stored Arrow schema message
// (msg starts at the flatbuffer's root offset) before arrow decodes it.
// Arrow's decoder trusts the flatbuffer: it sizes a slice from every
// vector's claimed length (a field's children, a schema's fields, each
// custom-metadata list) before it reads an element, so a damaged length
// of 2³⁰ allocates gigabytes, and an offset that wraps round to an
// ancestor table recurses until the stack overflows, which no recover can
// catch. Here every such vector must fit in the message, and the walk
// visits at most one table per four bytes of message, which a real schema
// never reaches (each table needs an offset of four bytes and a vtable)
// but a cycle or a table shared many times over does.
func verifySchemaMessage(msg []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("stored Arrow schema has an offset outside the message: %v", p)
		}
	}()
	if len(msg) < flatbuffers.SizeUOffsetT {
		return fmt.Errorf("stored Arrow schema message of %d bytes", len(msg))
	}
	w := schemaWalk{buf: msg, budget: len(msg) / 4}
	root, err := w.table(flatbuffers.GetUOffsetT(msg))
	if err != nil {
		return err
	}
	if o := root.Offset(slotMessageHeaderType); o == 0 || root.GetByte(root.Pos+flatbuffers.UOffsetT(o)) != messageHeaderSchema {
		return fmt.Errorf("stored Arrow schema message holds no schema")
	}
	o := root.Offset(slotMessageHeader)
	if o == 0 {
		return fmt.Errorf("stored Arrow schema message holds no schema")
	}
	var schema flatbuffers.Table
	root.Union(&schema, flatbuffers.UOffsetT(o))
	if _, err := w.table(schema.Pos); err != nil {
		return err
	}
	if err := w.tables(schema, slotSchemaFields, w.field); err != nil {
		return err
	}
	return w.tables(schema, slotSchemaMetadata, nil)
}

// schemaWalk is the state of one verifySchemaMessage walk.
type schemaWalk struct {
	buf    []byte
	budget int // tables still allowed
}

// table checks that a table and its vtable lie inside the message and
// counts it against the walk's budget.
func (w *schemaWalk) table(pos flatbuffers.UOffsetT) (flatbuffers.Table, error) {
	if w.budget--; w.budget < 0 {
		return flatbuffers.Table{}, fmt.Errorf("stored Arrow schema has more tables than its %d bytes can hold (a cycle or shared tables)", len(w.buf))
	}
	if int(pos)+flatbuffers.SizeSOffsetT > len(w.buf) {
		return flatbuffers.Table{}, fmt.Errorf("stored Arrow schema: table at %d past the message's %d bytes", pos, len(w.buf))
	}
	t := flatbuffers.Table{Bytes: w.buf, Pos: pos}
	vt := int64(pos) - int64(flatbuffers.GetSOffsetT(w.buf[pos:]))
	if vt < 0 || vt+4 > int64(len(w.buf)) || vt+int64(flatbuffers.GetVOffsetT(w.buf[vt:])) > int64(len(w.buf)) {
		return flatbuffers.Table{}, fmt.Errorf("stored Arrow schema: vtable of table at %d outside the message", pos)
	}
	return t, nil
}

// tables checks the vector of tables in slot of t: its claimed length must
// fit in the message, and each element table is checked, then passed to
// each when it is not nil.
func (w *schemaWalk) tables(t flatbuffers.Table, slot flatbuffers.VOffsetT, each func(flatbuffers.Table) error) error {
	o := flatbuffers.UOffsetT(t.Offset(slot))
	if o == 0 {
		return nil
	}
	n := t.VectorLen(o)
	start := t.Vector(o)
	if n < 0 || int64(start)+int64(n)*flatbuffers.SizeUOffsetT > int64(len(w.buf)) {
		return fmt.Errorf("stored Arrow schema: a list claims %d elements past the message's %d bytes", n, len(w.buf))
	}
	for i := range n {
		el, err := w.table(t.Indirect(start + flatbuffers.UOffsetT(i)*flatbuffers.SizeUOffsetT))
		if err != nil {
			return err
		}
		if each != nil {
			if err := each(el); err != nil {
				return err
			}
		}
	}
	return nil
}

// field checks a Field table's children, recursively, and its metadata.
func (w *schemaWalk) field(f flatbuffers.Table) error {
	if err := w.tables(f, slotFieldChildren, w.field); err != nil {
		return err
	}
	return w.tables(f, slotFieldMetadata, nil)
}
