package matchers

// The country boost (scoreName) asks, for every candidate name scored,
// whether the query's country is among the entry's. Read from the entries
// themselves that is a pointer to the Entry, its slice of strings and each
// string's bytes: three cache misses per candidate, 0.56 CPU-s flat in a
// 10M-row run. The index keeps instead each entry's countries as small
// ids in one flat array, reached from the name record the scorer has
// already read, and the query's country is looked up once per call.

// countryIndex maps country codes, folded (foldCountry), to ids, and holds
// each entry's distinct ids.
type countryIndex struct {
	ids map[string]int32
	// of[e] is where entry e's ids start in flat; they run to of[e+1].
	of   []int32
	flat []int32
}

// foldCountry appends c with every byte ORed with 0x20, as the string
// comparison this index replaced compared codes (hasCountry, kept in the
// test as the reference), so looking up folded ids gives the same answers
// as comparing the strings.
func foldCountry(dst []byte, c string) []byte {
	for i := 0; i < len(c); i++ {
		dst = append(dst, c[i]|0x20)
	}
	return dst
}

// buildCountries interns the countries of every entry (entries[e]
// returning its codes).
func buildCountries(n int, countries func(e int) []string) countryIndex {
	ci := countryIndex{ids: map[string]int32{}, of: make([]int32, n+1)}
	var buf []byte
	for e := range n {
		ci.of[e] = int32(len(ci.flat))
		start := len(ci.flat)
		for _, c := range countries(e) {
			buf = foldCountry(buf[:0], c)
			id, ok := ci.ids[string(buf)]
			if !ok {
				id = int32(len(ci.ids))
				ci.ids[string(buf)] = id
			}
			dup := false
			for _, x := range ci.flat[start:] {
				dup = dup || x == id
			}
			if !dup {
				ci.flat = append(ci.flat, id)
			}
		}
	}
	ci.of[n] = int32(len(ci.flat))
	return ci
}

// lookup returns the id of country c, -1 when no entry has it.
func (ci *countryIndex) lookup(c string) int32 {
	var b [8]byte
	if id, ok := ci.ids[string(foldCountry(b[:0], c))]; ok {
		return id
	}
	return -1
}

// has reports whether entry e has country id c.
func (ci *countryIndex) has(e int32, c int32) bool {
	for _, x := range ci.flat[ci.of[e]:ci.of[e+1]] {
		if x == c {
			return true
		}
	}
	return false
}
