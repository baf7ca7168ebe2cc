package matchers

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// belowFloor never says "under the floor" of a score that reaches it:
// the bound against the score computed in full, on random evidence, both
// sides of calibrate's knot, with and without the country boost.
func TestBelowFloorBoundsTheScore(t *testing.T) {
	tu := DefaultTuning()
	r := rand.New(rand.NewPCG(8, 2026))
	skipped := 0
	for range 200000 {
		raw, x := r.Float64(), r.Float64()*r.Float64()*8
		if r.IntN(8) == 0 {
			x = r.Float64() * 1e-9 // where 1-exp(-x) rounds
		}
		country := r.IntN(2) == 0
		floor := []float64{0.05, 0.3, 0.5, 0.85, 0.9}[r.IntN(5)]
		sc := calibrate(raw*(1-math.Exp(-x)), tu.Knot)
		if country {
			sc += (1 - sc) * tu.CountryBoost
		}
		if belowFloor(raw, x, country, &tu, floor) {
			skipped++
			if sc >= floor {
				t.Fatalf("raw %v, x %v, country %v: bound says under %v, score %v", raw, x, country, floor, sc)
			}
		}
	}
	if skipped == 0 {
		t.Fatal("nothing skipped: the test tests nothing")
	}
}

// A tuning that raises a score by an adjustment factor allows no bound.
func TestBoundable(t *testing.T) {
	tu := DefaultTuning()
	if !boundable(&tu) {
		t.Fatal("the default tuning should allow the bound")
	}
	for _, set := range []func(*Tuning){
		func(t *Tuning) { t.WeakAlias = 1.1 },
		func(t *Tuning) { t.TypeMismatch = 1.2 },
		func(t *Tuning) { t.NumberMismatch = 2 },
		func(t *Tuning) { t.CountryBoost = 1.5 },
		func(t *Tuning) { t.Knot = 1 },
	} {
		u := DefaultTuning()
		set(&u)
		if boundable(&u) {
			t.Fatalf("tuning %+v allows the bound", u)
		}
	}
}

// Every candidate the scorer stops early for scores under the floor in
// full, and every other one scores as in full, on the shared lists.
func TestScoreNameFloorOnLists(t *testing.T) {
	entries := loadSharedLists(t)
	m := NewAligned(entries, Options{})
	ix := m.ix
	var queries []string
	for i, e := range entries {
		if i%60 != 0 || len(e.Names) == 0 {
			continue
		}
		n := e.Names[len(e.Names)-1].Value
		queries = append(queries, n)
		if f := strings.Fields(n); len(f) > 0 {
			queries = append(queries, f[0]+" Holdings Inc.", "International "+f[len(f)-1]+" Corp")
		}
	}
	below := 0
	for _, floor := range []float64{0.5, 0.85} {
		for k, name := range queries {
			q := Query{Name: name}
			if k%3 == 0 {
				q.Country = "RU"
			}
			s := ix.scratch.Get().(*scratch)
			ix.prepare(s, name, &m.t, m.tokens)
			if len(s.q) > 0 {
				for _, c := range ix.gather(s, &m.t) {
					full := ix.scoreName(s, c.name, q, &m.t, 0)
					got := ix.scoreName(s, c.name, q, &m.t, floor)
					if got.below {
						below++
						if full.score >= floor {
							t.Fatalf("%q, name %d: stopped under %v, scores %v in full", name, c.name, floor, full.score)
						}
					} else if got != full {
						t.Fatalf("%q, name %d: %+v with floor %v, %+v in full", name, c.name, got, floor, full)
					}
				}
			}
			s.reset()
			ix.scratch.Put(s)
		}
	}
	if below == 0 {
		t.Fatal("no candidate stopped early")
	}
}

// rankEntries leaves the entries' standing and the touched entries as the
// branching code it replaced does.
func TestRankEntriesAgreesWithBranches(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 11))
	for round := range 300 {
		n := 1 + r.IntN(60)
		acc := make([]nameAcc, n)
		for i := range acc {
			first := int32(i)
			if i > 0 && r.IntN(2) == 0 {
				first = acc[i-1].first // an entry's names follow its first
			}
			acc[i].nameRank = nameRank{w: float32(r.IntN(8)) * 1.5, first: first}
		}
		var touched []int32
		for i := range acc {
			if r.IntN(3) > 0 {
				acc[i].acc = float32(1+r.IntN(12)) * 0.75
				touched = append(touched, int32(i))
			}
		}
		r.Shuffle(len(touched), func(a, b int) { touched[a], touched[b] = touched[b], touched[a] })
		want := slices.Clone(acc)
		var wantEnt []int32
		for _, n := range touched {
			nr := want[n]
			rank := max(nr.acc-0.2*max(0, nr.w-nr.acc), 1e-6)
			es := &want[nr.first]
			if es.ebest == 0 {
				wantEnt = append(wantEnt, nr.first)
			}
			best, full := entBest(es.ebest)
			best = max(best, rank)
			if full || nr.acc >= nr.w {
				best = -best
			}
			es.ebest = best
		}
		gotEnt := rankEntries(acc, touched, nil, 0.2)
		if !slices.Equal(gotEnt, wantEnt) || !slices.Equal(acc, want) {
			t.Fatalf("round %d: entries %v, want %v; records %v, want %v", round, gotEnt, wantEnt, acc, want)
		}
	}
}

func TestAppendQuotedAsQuote(t *testing.T) {
	for _, v := range []string{"", "ROSOBORONEXPORT", "O'NEIL, Kevin", `say "no"`, `back\slash`, "tab\there", "Сергей", "é", "\x7f", "~ ok", "深圳"} {
		var b strings.Builder
		appendQuoted(&b, v)
		if got, want := b.String(), strconv.Quote(v); got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", v, got, want)
		}
	}
}

// The pair filter never turns away a word of the vocabulary in its own
// right, split anywhere.
func TestWordFilterKeepsEveryWord(t *testing.T) {
	ix := BuildIndex(fixtureEntries)
	for id, w := range ix.voc.text {
		if ix.voc.joined[id] {
			continue
		}
		for k := 0; k <= len(w); k++ {
			if !ix.pairWords.mayHave(w[:k], w[k:]) {
				t.Fatalf("%q + %q: filtered out, but %q is a word", w[:k], w[k:], w)
			}
		}
	}
}

// rarestWord reads a word's document frequency and IDF from postRun.
func TestPostRunHoldsDFAndIDF(t *testing.T) {
	ix := BuildIndex(fixtureEntries)
	for v := range ix.voc.text {
		if pr := ix.postRun[v]; int32(pr.n) != ix.voc.df[v] || pr.idf != ix.voc.idf[v] {
			t.Fatalf("%q: postRun %+v, df %d, idf %v", ix.voc.text[v], pr, ix.voc.df[v], ix.voc.idf[v])
		}
	}
}
