package matchers

import "unicode/utf8"

// Allocation-free versions of the strutil metrics the scorer uses per token
// pair. They compute exactly what github.com/adrg/strutil/metrics computes
// (JaroWinkler with CaseSensitive, Levenshtein with unit costs):
// strsim_test.go checks them against strutil exhaustively over a small
// alphabet and by fuzzing. strutil converts both strings to []rune and
// allocates per call; at three or four thousand token pairs per query that
// alone would exceed the 50 µs budget of one query.

// maxSimLen bounds the tokens compared rune by rune; longer tokens are
// compared on their first maxSimLen runes. No name part is this long.
const maxSimLen = 64

type runeBuf [maxSimLen]rune

func toRunes(buf *runeBuf, s string) []rune {
	n := 0
	for _, r := range s {
		if n == maxSimLen {
			break
		}
		buf[n] = r
		n++
	}
	return buf[:n]
}

// jaroWinkler is strutil's JaroWinkler.Compare (prefix scale 0.1, prefix up
// to 4, match window max(len)/2).
func jaroWinkler(a, b string) float64 {
	var ba, bb runeBuf
	ra, rb := toRunes(&ba, a), toRunes(&bb, b)
	j := jaroRunes(ra, rb)
	prefix := 0
	for prefix < len(ra) && prefix < len(rb) && prefix < 4 && ra[prefix] == rb[prefix] {
		prefix++
	}
	return j + 0.1*float64(prefix)*(1-j)
}

func jaroRunes(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	half := max(len(a), len(b)) / 2
	var ma, mb runeBuf
	na := matchingRunes(&ma, a, b, half)
	nb := matchingRunes(&mb, b, a, half)
	if na == 0 || nb == 0 {
		return 0
	}
	t := 0
	for i := 0; i < min(na, nb); i++ {
		if ma[i] != mb[i] {
			t++
		}
	}
	return (float64(na)/float64(len(a)) + float64(nb)/float64(len(b)) + float64(na-t/2)/float64(na)) / 3
}

// matchingRunes writes into out the runes of a that find an unused equal
// rune of b within the window, in a's order, and returns how many.
func matchingRunes(out *runeBuf, a, b []rune, limit int) int {
	var used [maxSimLen]bool
	n := 0
	for i, r := range a {
		end := min(i+limit+1, len(b))
		for j := max(0, i-limit); j < end; j++ {
			if !used[j] && r == b[j] && b[j] != -1 {
				out[n] = r
				n++
				used[j] = true
				break
			}
		}
	}
	return n
}

// jwLev returns jaroWinkler and levenshteinSim of a query token already
// converted to runes (qr) and a vocabulary token.
func jwLev(qr []rune, b string) (jw, lev float64) {
	var bb runeBuf
	return jwLevRunes(qr, toRunes(&bb, b))
}

// jwLevRunes is jwLev on two tokens already converted to runes: the index
// keeps every vocabulary token's runes, so the candidate search, which
// compares one query token with dozens of neighbours, decodes nothing.
func jwLevRunes(qr, rb []rune) (jw, lev float64) {
	j := jaroRunes(qr, rb)
	prefix := 0
	for prefix < len(qr) && prefix < len(rb) && prefix < 4 && qr[prefix] == rb[prefix] {
		prefix++
	}
	jw = j + 0.1*float64(prefix)*(1-j)
	if len(qr) == 0 && len(rb) == 0 {
		return jw, 1
	}
	return jw, 1 - float64(levenshteinRunes(qr, rb))/float64(max(len(qr), len(rb)))
}

// levenshteinSim is strutil's Levenshtein.Compare: 1 - distance/max(len).
func levenshteinSim(a, b string) float64 {
	var ba, bb runeBuf
	ra, rb := toRunes(&ba, a), toRunes(&bb, b)
	if len(ra) == 0 && len(rb) == 0 {
		return 1
	}
	return 1 - float64(levenshteinRunes(ra, rb))/float64(max(len(ra), len(rb)))
}

func levenshteinRunes(a, b []rune) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	var p, c [maxSimLen + 1]int
	prev, col := p[:len(b)+1], c[:len(b)+1]
	for i := range prev {
		prev[i] = i
	}
	for i := range a {
		col[0] = i + 1
		for j := range b {
			sub := prev[j]
			if a[i] != b[j] {
				sub++
			}
			col[j+1] = min(prev[j+1]+1, col[j]+1, sub)
		}
		col, prev = prev, col
	}
	return prev[len(b)]
}

// runeLen counts runes without allocating.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
