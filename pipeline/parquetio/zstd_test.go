package parquetio

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// TestReusingZstdSameBytes: the registered codec gives the bytes arrow's
// per-page encoder gives, at the default and an explicit level, and they
// decode back to the input.
func TestReusingZstdSameBytes(t *testing.T) {
	c, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.(*reusingZstd); !ok {
		t.Fatalf("registered zstd codec is %T, want *reusingZstd", c)
	}
	r := rand.New(rand.NewPCG(7, 8))
	src := make([]byte, 300_000)
	for i := range src {
		src[i] = "Shenzhen Hengtong Electronics Co Ltd ООО Техноснаб "[r.IntN(40)]
	}
	for _, level := range []int{compress.DefaultCompressionLevel, 1, 9} {
		l := zstd.EncoderLevelFromZstd(level)
		if level == compress.DefaultCompressionLevel {
			l = zstd.SpeedDefault
		}
		fresh, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(l))
		if err != nil {
			t.Fatal(err)
		}
		want := fresh.EncodeAll(src, nil)
		for range 2 { // the second call uses the cached encoder
			got := c.EncodeLevel(nil, src, level)
			if !bytes.Equal(got, want) {
				t.Fatalf("level %d: %d bytes differ from a fresh encoder's %d", level, len(got), len(want))
			}
			if back := c.Decode(nil, got); !bytes.Equal(back, src) {
				t.Fatalf("level %d: round trip differs", level)
			}
		}
	}
}
