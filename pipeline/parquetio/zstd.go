package parquetio

import (
	"sync"

	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// reusingZstd is arrow's zstd codec with one change: EncodeLevel keeps one
// encoder per level instead of building a new zstd.Encoder for every data
// page, as arrow v17 does (19 MiB and 50 allocations per 1 MiB page). That
// per-page encoder was 37% of the CPU of a 1M-row screen
// (benchmarks/README.md; hotpath.BenchmarkPageCompress: -64% time, 50 → 0
// allocations per page); on the 200,000-row demo with --all it saves about
// 4% of CPU (2.33 → 2.24 s user+sys). The encoder options are arrow's own, so the
// compressed bytes are the same; klauspost's EncodeAll is safe for
// concurrent use.
type reusingZstd struct {
	compress.Codec
	encoders sync.Map // level int → *zstd.Encoder
}

func (z *reusingZstd) EncodeLevel(dst, src []byte, level int) []byte {
	if e, ok := z.encoders.Load(level); ok {
		return e.(*zstd.Encoder).EncodeAll(src, dst[:0])
	}
	l := zstd.EncoderLevelFromZstd(level)
	if level == compress.DefaultCompressionLevel {
		l = zstd.SpeedDefault
	}
	enc, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(l))
	if err != nil {
		// Only invalid options fail; fall back to arrow's own path.
		return z.Codec.EncodeLevel(dst, src, level)
	}
	e, _ := z.encoders.LoadOrStore(level, enc)
	return e.(*zstd.Encoder).EncodeAll(src, dst[:0])
}

// init replaces arrow's process-wide zstd codec with reusingZstd. The
// Parquet writer looks codecs up in arrow's global registry, so this is the
// only seam; doing it at package initialisation (not on the first NewSink)
// keeps the registry write ordered before any reader or writer goroutine
// looks a codec up.
func init() {
	if c, err := compress.GetCodec(compress.Codecs.Zstd); err == nil {
		compress.RegisterCodec(compress.Codecs.Zstd, &reusingZstd{Codec: c})
	}
}
