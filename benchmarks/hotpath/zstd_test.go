package hotpath

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// page builds about 1 MiB of PLAIN-encoded string values like a flagged
// output's consignee column: length-prefixed names that repeat.
func page() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("Müller Maschinenbau GmbH Shenzhen Hengtong Electronics Co., Ltd. ООО «Техноснаб» Al Noor Trading LLC Rossi Meccanica S.p.A. 山田製作所 株式会社")
	names := make([]string, 2000)
	for i := range names {
		names[i] = words[r.IntN(len(words))] + " " + words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
	}
	var b []byte
	for len(b) < 1<<20 {
		n := names[r.IntN(len(names))]
		b = append(b, byte(len(n)), 0, 0, 0)
		b = append(b, n...)
	}
	return b
}

// BenchmarkPageCompress compresses one data page as the Parquet sink does.
// percall is arrow v17's zstd codec at the default level, what the
// pipeline's Parquet sink uses today: EncodeLevel builds a new zstd.Encoder
// for every page, allocating and clearing its window each time. reuse
// keeps one encoder per writer (klauspost's EncodeAll is safe for
// concurrent use). snappy is the codec the benchmark batches use.
func BenchmarkPageCompress(b *testing.B) {
	src := page()
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		b.Fatal(err)
	}
	snappy, err := compress.GetCodec(compress.Codecs.Snappy)
	if err != nil {
		b.Fatal(err)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(zstd.SpeedDefault))
	if err != nil {
		b.Fatal(err)
	}
	dst := make([]byte, 0, codec.CompressBound(int64(len(src))))
	b.Run("percall", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			dst = codec.EncodeLevel(dst[:0], src, compress.DefaultCompressionLevel)
		}
	})
	b.Run("reuse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			dst = enc.EncodeAll(src, dst[:0])
		}
	})
	b.Run("snappy", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			dst = snappy.Encode(dst[:cap(dst)], src)
		}
	})
	_ = fmt.Sprint(len(dst))
}
