package matchers

import (
	"testing"

	"github.com/adrg/strutil/metrics"
)

// The allocation-free metrics compute exactly what strutil computes:
// exhaustively over all strings up to length 4 of a three-letter alphabet,
// then by fuzzing.
func TestStrsimMatchesStrutil(t *testing.T) {
	var words []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		words = append(words, prefix)
		if n == 0 {
			return
		}
		for _, c := range []string{"a", "b", "ж"} {
			gen(prefix+c, n-1)
		}
	}
	gen("", 4)
	for _, a := range words {
		for _, b := range words {
			checkStrsim(t, a, b)
		}
	}
}

func FuzzStrsim(f *testing.F) {
	f.Add("ivanov", "iwanow")
	f.Add("muhammad", "mhmd")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if runeLen(a) > maxSimLen || runeLen(b) > maxSimLen {
			return
		}
		checkStrsim(t, a, b)
	})
}

func checkStrsim(t *testing.T, a, b string) {
	t.Helper()
	jw := metrics.NewJaroWinkler()
	lev := metrics.NewLevenshtein()
	if want, got := jw.Compare(a, b), jaroWinkler(a, b); !close(want, got) {
		t.Fatalf("jaroWinkler(%q, %q) = %v, strutil %v", a, b, got, want)
	}
	if a == "" && b == "" {
		return // strutil divides 0 by 0
	}
	if want, got := lev.Compare(a, b), levenshteinSim(a, b); !close(want, got) {
		t.Fatalf("levenshteinSim(%q, %q) = %v, strutil %v", a, b, got, want)
	}
}

func close(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

// TestJwLevAgrees: the one-conversion pair gives what the two metrics give
// on their own.
func TestJwLevAgrees(t *testing.T) {
	pairs := [][2]string{{"ivanov", "iwanow"}, {"sergeevich", "sergejewitsch"}, {"", ""}, {"a", ""}, {"Łódź", "lodz"}, {"neoibt", "neobit"}, {"муха", "muha"}}
	for _, p := range pairs {
		var buf runeBuf
		jw, lev := jwLev(toRunes(&buf, p[0]), p[1])
		if jw != jaroWinkler(p[0], p[1]) || lev != levenshteinSim(p[0], p[1]) {
			t.Errorf("jwLev(%q, %q) = %v, %v; want %v, %v", p[0], p[1], jw, lev, jaroWinkler(p[0], p[1]), levenshteinSim(p[0], p[1]))
		}
	}
}

func TestOneSlip(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"neoibt", "neobit", true}, {"mohmamad", "mohammad", true}, {"mikheil", "mikhail", true},
		{"abc", "abc", false}, {"abdullahi", "abdoullah", false}, {"abcd", "badc", false}, {"abc", "abcd", false},
	} {
		if got := oneSlip(c.a, c.b); got != c.want {
			t.Errorf("oneSlip(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
