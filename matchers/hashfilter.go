package matchers

// hashFilter answers "certainly not a key" for the tables of one-letter
// slips keyed by hashSkip (legalWordSlips, nameSlips) before the map is
// asked. Every word of a query is probed there once per letter, twice per
// normalisation (the fixed-point pass), and nearly every probe misses:
// as map lookups they were a tenth of a query's CPU. A bit per hash bucket
// (16 KB, in cache) turns most misses into one load; a set bit still goes
// to the map, so the answers are the map's. The name-slip table, holding
// organisation words whole and one letter short as well as given names,
// fills a tenth of 8 KB's buckets; at 16 KB a twentieth.
type hashFilter [hashFilterBits / 64]uint64

const (
	hashFilterLog  = 17
	hashFilterBits = 1 << hashFilterLog
)

// bucket takes the hash's top bits: FNV-1a mixes upwards, and hashSkip
// folds the length into the low bits last.
func (*hashFilter) bucket(h uint64) uint64 { return h >> (64 - hashFilterLog) }

func newHashFilter[V any](m map[uint64]V) *hashFilter {
	f := new(hashFilter)
	for h := range m {
		b := f.bucket(h)
		f[b/64] |= 1 << (b % 64)
	}
	return f
}

// mayHave reports whether h may be a key; false means it is not.
func (f *hashFilter) mayHave(h uint64) bool {
	b := f.bucket(h)
	return f[b/64]&(1<<(b%64)) != 0
}
