package parquetio

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/flight"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	flatbuffers "github.com/google/flatbuffers/go"

	"github.com/dualscreen/dualscreen/pipeline"
)

// shipmentSchema is a schema with nesting and metadata at both levels, as
// a writer that stores its Arrow schema lays out a shipment.
func shipmentSchema() *arrow.Schema {
	consignee := arrow.StructOf(
		arrow.Field{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
		arrow.Field{Name: "country", Type: arrow.BinaryTypes.String, Nullable: true,
			Metadata: arrow.NewMetadata([]string{"comment"}, []string{"ISO 3166-1 alpha-2"})},
	)
	md := arrow.NewMetadata([]string{"writer"}, []string{"customs export 2025-03"})
	return arrow.NewSchema([]arrow.Field{
		{Name: "shipment_id", Type: arrow.BinaryTypes.String},
		{Name: "consignee", Type: consignee, Nullable: true},
	}, &md)
}

// serialized returns the IPC bytes of shipmentSchema as a writer stores
// them and the offset of the message's flatbuffer in them.
func serialized(t *testing.T) ([]byte, int) {
	t.Helper()
	b := flight.SerializeSchema(shipmentSchema(), memory.DefaultAllocator)
	if binary.LittleEndian.Uint32(b) != 0xFFFFFFFF {
		t.Fatalf("serialized schema starts % x, want the continuation marker", b[:4])
	}
	return b, 8
}

// fieldTables returns the position in msg of the schema's fields vector's
// length and of each field table, as the decoder would find them.
func fieldTables(msg []byte) (fieldsLen flatbuffers.UOffsetT, fields []flatbuffers.Table) {
	root := flatbuffers.Table{Bytes: msg, Pos: flatbuffers.GetUOffsetT(msg)}
	var schema flatbuffers.Table
	root.Union(&schema, flatbuffers.UOffsetT(root.Offset(slotMessageHeader)))
	o := flatbuffers.UOffsetT(schema.Offset(slotSchemaFields))
	start := schema.Vector(o)
	for i := range schema.VectorLen(o) {
		pos := schema.Indirect(start + flatbuffers.UOffsetT(i)*4)
		fields = append(fields, flatbuffers.Table{Bytes: msg, Pos: pos})
	}
	return start - 4, fields
}

// childrenOf returns the position of f's children vector's length and of
// its first element.
func childrenOf(f flatbuffers.Table) (length, first flatbuffers.UOffsetT) {
	o := flatbuffers.UOffsetT(f.Offset(slotFieldChildren))
	start := f.Vector(o)
	return start - 4, start
}

func TestVerifySchemaMessage(t *testing.T) {
	good, at := serialized(t)
	if _, err := flight.DeserializeSchema(good, memory.DefaultAllocator); err != nil {
		t.Fatalf("arrow does not read the test's own schema: %v", err)
	}
	n := int(binary.LittleEndian.Uint32(good[4:]))
	if err := verifySchemaMessage(good[at : at+n]); err != nil {
		t.Fatalf("a schema arrow wrote is refused: %v", err)
	}

	damage := func(f func(msg []byte)) []byte {
		msg := bytes.Clone(good[at : at+n])
		f(msg)
		return msg
	}
	cases := []struct {
		name string
		msg  []byte
		want string
	}{
		{"children length of 2^30", damage(func(msg []byte) {
			_, fields := fieldTables(msg)
			l, _ := childrenOf(fields[1])
			binary.LittleEndian.PutUint32(msg[l:], 1<<30)
		}), "claims 1073741824 elements"},
		{"fields length of 2^28", damage(func(msg []byte) {
			l, _ := fieldTables(msg)
			binary.LittleEndian.PutUint32(msg[l:], 1<<28)
		}), "claims 268435456 elements"},
		{"child pointing back at its parent", damage(func(msg []byte) {
			// an offset wraps round modulo 2^32 to the parent field:
			// arrow would recurse until the stack overflows
			_, fields := fieldTables(msg)
			_, first := childrenOf(fields[1])
			binary.LittleEndian.PutUint32(msg[first:], uint32(fields[1].Pos-first))
		}), "more tables than"},
		{"cut in half", good[at : at+n/2], "stored Arrow schema"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := verifySchemaMessage(c.msg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one saying %q", err, c.want)
			}
		})
	}
}

// A Parquet file whose stored Arrow schema claims a billion children fails
// to open with an error naming the file, instead of allocating gigabytes in
// arrow's decoder.
func TestDamagedStoredSchemaNamesFile(t *testing.T) {
	ipc, at := serialized(t)
	n := int(binary.LittleEndian.Uint32(ipc[4:]))
	_, fields := fieldTables(ipc[at : at+n])
	l, _ := childrenOf(fields[1])
	binary.LittleEndian.PutUint32(ipc[at+int(l):], 1<<30)

	// The stored schema goes in as schema metadata under arrow's key, as
	// a writer of another make would put it there.
	sc := shipmentSchema()
	md := arrow.NewMetadata([]string{"ARROW:schema"}, []string{base64.StdEncoding.EncodeToString(ipc)})
	sc = arrow.NewSchema(sc.Fields(), &md)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	b.Field(0).(*array.StringBuilder).Append("DE-2025-0001")
	st := b.Field(1).(*array.StructBuilder)
	st.Append(true)
	st.FieldBuilder(0).(*array.StringBuilder).Append("Harrington Instruments Ltd")
	st.FieldBuilder(1).(*array.StringBuilder).Append("GB")
	rec := b.NewRecord()
	defer rec.Release()
	var buf bytes.Buffer
	w, err := pqarrow.NewFileWriter(sc, &buf, parquet.NewWriterProperties(), pqarrow.DefaultWriterProps())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "declarations.parquet")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	_, err = Open(t.Context(), []string{path}, Options{PassThrough: true})
	var ie *pipeline.InputError
	if !errors.As(err, &ie) || !errors.Is(err, pipeline.ErrCorrupt) {
		t.Fatalf("err = %v, want an InputError wrapping ErrCorrupt", err)
	}
	if ie.File != path || !strings.Contains(err.Error(), "claims 1073741824 elements") {
		t.Errorf("err = %v (file %q), want it to name %s and the damaged list", err, ie.File, path)
	}
}
