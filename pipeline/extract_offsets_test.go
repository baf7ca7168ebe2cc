package pipeline

import (
	"testing"

	"github.com/dualscreen/dualscreen/evidence"
)

// TestTextOffsets: the column of each text field stores its cells in the
// field stringField names, and the fields do not overlap.
func TestTextOffsets(t *testing.T) {
	var s evidence.Shipment
	seen := map[uintptr]Field{}
	for f := Field(0); f < NumFields; f++ {
		if f == FieldValueEUR {
			continue
		}
		c := textColumn{f: f, off: textOffsets[f]}
		if got, want := c.field(&s), stringField(&s, f); got != want {
			t.Errorf("%s: offset %d is not the field's", f, textOffsets[f])
		}
		if g, ok := seen[textOffsets[f]]; ok {
			t.Errorf("%s and %s at offset %d", g, f, textOffsets[f])
		}
		seen[textOffsets[f]] = f
		*c.field(&s) = f.String()
		if *stringField(&s, f) != f.String() {
			t.Errorf("%s: stored through the offset, read back %q", f, *stringField(&s, f))
		}
	}
}
