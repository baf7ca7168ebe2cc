package matchers

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
	"github.com/dualscreen/dualscreen/lists"
)

// The speed-ups of the hot path (tokensim.go, deltable.go,
// tokencache.go) must not change a single result: these tests compare
// each with the plain computation it replaces.

// plainTokenSim is tokenSim as it was before the speed-ups: strings,
// phonetic keys compared as strings, no length bound.
func plainTokenSim(ix *Index, q string, v int32, t *Tuning) float32 {
	vt := ix.voc.text[v]
	if ix.voc.kind[v] != TokWord {
		return 0
	}
	jw, lev := jaroWinkler(q, vt), levenshteinSim(q, vt)
	if oneSlip(q, vt) {
		lev = 1 - 1/float64(max(1, min(runeLen(q), maxSimLen)))
	}
	sim := 0.5*jw + 0.5*lev
	qkey := string(phoneticKey(nil, q))
	keyEq := len(qkey) >= 2 && qkey == ix.voc.key[v]
	short := min(runeLen(q), runeLen(vt)) < minDelLen
	switch {
	case keyEq && len(qkey) >= 3 && q[0] == vt[0]:
		sim = max(sim, 0.5*sim+0.5*t.PhoneticSim)
	case keyEq && len(qkey) >= 3:
		sim = max(sim, 0.65*sim+0.35*t.PhoneticSim)
	case keyEq:
		sim = max(sim, 0.75*sim+0.25*t.PhoneticSim)
	case short:
		return 0
	}
	if !keyEq {
		sim -= t.SpellingPenalty
	}
	if sim < t.MinTokenSim {
		return 0
	}
	return float32(sim)
}

// simQueryOf prepares q as wordNeighbours does.
func simQueryOf(ix *Index, q string, buf *runeBuf) simQuery {
	key := phoneticKey(nil, q)
	sq := simQuery{text: q, runes: toRunes(buf, q), key: -1, keyLen: len(key), short: runeLen(q) < minDelLen, whole: wholeASCII(q)}
	if kid, ok := ix.keyIDs[string(key)]; ok && len(key) >= 2 {
		sq.key = kid
	}
	return sq
}

// checkTokenSim compares tokenSim with plainTokenSim for every query word
// against every vocabulary word of ix, and returns how many pairs the
// length bound rejected that plainly score 0 (the bound must reject only
// those).
func checkTokenSim(t *testing.T, ix *Index, queries []string, vocab []int32) {
	t.Helper()
	tu := DefaultTuning()
	var buf runeBuf
	for _, q := range queries {
		sq := simQueryOf(ix, q, &buf)
		for _, v := range vocab {
			if got, want := ix.tokenSim(&sq, v, &tu), plainTokenSim(ix, q, v, &tu); got != want {
				t.Fatalf("tokenSim(%q, %q) = %v, plainly %v", q, ix.voc.text[v], got, want)
			}
		}
	}
}

func TestTokenSimAgreesWithPlain(t *testing.T) {
	ix := BuildIndex(fixtureEntries)
	all := make([]int32, len(ix.voc.text))
	for i := range all {
		all[i] = int32(i)
	}
	queries := []string{"sergej", "serhiy", "iwanow", "ivanof", "sergejewitsch", "kontsern", "sirius", "sirious",
		"rosoboroneksport", "rosobornexport", "barakzay", "khairulla", "juhani", "jahani", "petrochina", "aple",
		"apple", "trading", "tradign", "muhamad", "mohammed", "abdullah", "smyth", "jon", "kim", "jong", "star",
		"ivanovskiy", "pétrov", "ай", "x"}
	checkTokenSim(t, ix, queries, all)
}

// TestTokenSimAgreesOnLists compares on the real vocabulary: a sample of
// its words (and each with a letter dropped and two letters swapped)
// against a sample of the words, most of which are far apart, so the
// length bound is tried on every length difference.
func TestTokenSimAgreesOnLists(t *testing.T) {
	ix := BuildIndex(loadSharedLists(t))
	rng := rand.New(rand.NewPCG(1, 2))
	var words []int32
	for id := range ix.voc.text {
		if ix.voc.kind[id] == TokWord && !ix.voc.joined[id] {
			words = append(words, int32(id))
		}
	}
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	var queries []string
	for _, v := range words[:300] {
		w := ix.voc.text[v]
		queries = append(queries, w)
		if r := []rune(w); len(r) > 4 {
			k := rng.IntN(len(r) - 1)
			queries = append(queries, string(r[:k])+string(r[k+1:]))
			r[k], r[k+1] = r[k+1], r[k]
			queries = append(queries, string(r))
		}
	}
	checkTokenSim(t, ix, queries, words[:2000])
	// and each sampled word against its own neighbours, where the
	// similarities are high and the lift by phonetic key applies
	tu := DefaultTuning()
	var buf runeBuf
	for _, q := range queries {
		sq := simQueryOf(ix, q, &buf)
		if sq.key < 0 {
			continue
		}
		for _, v := range ix.keyVoc[sq.key] {
			if got, want := ix.tokenSim(&sq, v, &tu), plainTokenSim(ix, q, v, &tu); got != want {
				t.Fatalf("tokenSim(%q, %q) = %v, plainly %v", q, ix.voc.text[v], got, want)
			}
		}
	}
}

func loadSharedLists(t *testing.T) []*lists.Entry {
	t.Helper()
	ls, err := lists.LoadDir(context.Background(), testutil.SharedData(t, "restricted_parties"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*lists.Entry
	for _, l := range ls {
		entries = append(entries, l.Entries...)
	}
	return entries
}

func TestDelTableAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{1, 7, 50, 5000} {
		// filled to its bound, so probes run past occupied slots
		want := map[uint64][2]uint32{}
		tab := newDelTable(size)
		pos := uint32(0)
		for len(want) < size {
			h := rng.Uint64()
			if _, dup := want[h]; dup {
				continue
			}
			n := uint32(1 + rng.IntN(3))
			for range n {
				tab.add(h, pos)
				pos++
			}
			want[h] = [2]uint32{pos - n, n}
		}
		for h, w := range want {
			if start, n := tab.run(h); start != w[0] || n != w[1] {
				t.Fatalf("size %d: run(%x) = %d,%d, want %d,%d", size, h, start, n, w[0], w[1])
			}
		}
		for range 10000 {
			h := rng.Uint64()
			if _, ok := want[h]; ok {
				continue
			}
			if _, n := tab.run(h); n != 0 {
				t.Fatalf("size %d: run(%x) found a run for a hash never added", size, h)
			}
		}
	}
}

// TestTokenCacheSameResults matches the same names with and without the
// token cache, twice over so that the second round replays every word,
// and wants every score and explanation identical.
func TestTokenCacheSameResults(t *testing.T) {
	queries := []string{"Sergei Sergejewitsch Iwanow", "Sergej Ivanov", "Iwanow Trading Company", "Petrochina Trading Co., Ltd.",
		"Apple Trading Ltd", "Aple Tradign", "Mohamed Abdullah Al Juhani", "Muhammad Abdallah", "Sea Star 8",
		"Rosobornexport", "Rosoboroneksport OAO", "Kim Jong Un", "Smith John Trading", "ООО Концерн Сириус"}
	sameWithAndWithoutCache(t, fixtureEntries, queries)
}

func TestTokenCacheSameResultsOnLists(t *testing.T) {
	entries := loadSharedLists(t)
	var queries []string
	for i, e := range entries {
		if i%40 == 0 && len(e.Names) > 0 {
			n := e.Names[len(e.Names)-1].Value
			queries = append(queries, n)
			if r := []rune(n); len(r) > 8 {
				r[len(r)/2], r[len(r)/2+1] = r[len(r)/2+1], r[len(r)/2]
				queries = append(queries, string(r))
			}
			// the same words in company names, as innocent names have them
			if f := strings.Fields(n); len(f) > 0 {
				queries = append(queries, f[0]+" Holdings Inc.", "International "+f[len(f)-1]+" Corp")
			}
		}
	}
	sameWithAndWithoutCache(t, entries, queries)
}

func sameWithAndWithoutCache(t *testing.T, entries []*lists.Entry, queries []string) {
	t.Helper()
	opts := Options{Threshold: 0.3}
	cached, plain := NewAligned(entries, opts), NewAligned(entries, opts)
	plain.tokens = nil
	for round := range 2 {
		for _, q := range queries {
			got, want := fmt.Sprint(cached.Match(Query{Name: q}, nil)), fmt.Sprint(plain.Match(Query{Name: q}, nil))
			if got != want {
				t.Fatalf("round %d, %q: with the token cache\n%s\nwithout\n%s", round, q, got, want)
			}
		}
	}
	if cached.tokens.len() == 0 {
		t.Fatal("no word outside the lists was cached")
	}
	if len(cached.tokens.knownAt) != len(cached.ix.voc.text)+1 {
		t.Fatalf("%d vocabulary words precomputed, want %d", len(cached.tokens.knownAt)-1, len(cached.ix.voc.text))
	}
}

func TestTokenCacheBounded(t *testing.T) {
	var c tokenCache
	var a wordArena
	for i := range maxCachedTokens + 10 {
		c.put(fmt.Sprintf("w%d", i), []simCall{{v: int32(i), sim: 0.9}}, &a)
	}
	if n := c.len(); n > maxCachedTokens {
		t.Fatalf("cache holds %d words, bound %d", n, maxCachedTokens)
	}
	if calls, ok := c.get(fmt.Sprintf("w%d", maxCachedTokens+9), -1); !ok || calls[0].v != int32(maxCachedTokens+9) {
		t.Fatalf("the last word put is not there: %v %v", calls, ok)
	}
	if _, ok := c.get("w0", -1); ok {
		t.Fatal("the cache was never emptied")
	}
}

func TestWordArenaKeepsCopies(t *testing.T) {
	var a wordArena
	var kept []*cachedWord
	var want [][]simCall
	rec := make([]simCall, 0, arenaChunk)
	for i := range 3000 {
		// lengths from 0 to past the chunk share, the recording buffer
		// reused as prepare reuses it
		rec = rec[:0]
		for k := range (i * 7) % (arenaChunk/4 + 50) {
			rec = append(rec, simCall{v: int32(i), sim: float32(k)})
		}
		kept = append(kept, a.keep(rec))
		want = append(want, append([]simCall(nil), rec...))
	}
	for i, w := range kept {
		if fmt.Sprint(w.calls) != fmt.Sprint(want[i]) {
			t.Fatalf("word %d: kept %d calls, want %d, or their contents differ", i, len(w.calls), len(want[i]))
		}
		if cap(w.calls) != len(w.calls) {
			t.Fatalf("word %d: capacity %d past its %d calls: the next word could be appended into it", i, cap(w.calls), len(w.calls))
		}
	}
}

func TestOneSlipToAgrees(t *testing.T) {
	ix := BuildIndex(fixtureEntries)
	queries := []string{"ivnaov", "ivanvo", "vianov", "ivanov", "sergie", "sregei", "smtih", "sitrus", "sirisu", "ivanoff", "иванов"}
	var buf runeBuf
	for _, q := range queries {
		sq := simQueryOf(ix, q, &buf)
		for v, text := range ix.voc.text {
			st := &ix.sim[v]
			if int(st.blen) != len(q) {
				continue
			}
			rb := ix.runes[st.off : st.off+uint32(st.n)]
			if got, want := ix.oneSlipTo(&sq, st, rb, int32(v)), oneSlip(q, text); got != want {
				t.Errorf("oneSlipTo(%q, %q) = %v, oneSlip %v", q, text, got, want)
			}
		}
	}
}

// TestTokenCacheConcurrent fills and reads one matcher's token cache from
// several goroutines at once, each in its own order (run with -race).
func TestTokenCacheConcurrent(t *testing.T) {
	queries := []string{"Sergei Sergejewitsch Iwanow", "Sergej Ivanov", "Iwanow Trading Company", "Petrochina Trading Co., Ltd.",
		"Apple Trading Ltd", "Aple Tradign", "Mohamed Abdullah Al Juhani", "Muhammad Abdallah", "Rosobornexport", "Kim Jong Un"}
	cached, plain := NewAligned(fixtureEntries, Options{}), NewAligned(fixtureEntries, Options{})
	plain.tokens = nil
	want := map[string]string{}
	for _, q := range queries {
		want[q] = fmt.Sprint(plain.Match(Query{Name: q}, nil))
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for k := range 50 * len(queries) {
				q := queries[(k*(g+1)+g)%len(queries)]
				if got := fmt.Sprint(cached.Match(Query{Name: q}, nil)); got != want[q] {
					errs <- fmt.Errorf("goroutine %d, %q: %s, want %s", g, q, got, want[q])
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// TestNewTokenCacheAnyCores wants the same recorded neighbours whatever
// the number of cores that recorded them.
func TestNewTokenCacheAnyCores(t *testing.T) {
	entries := append([]*lists.Entry(nil), fixtureEntries...)
	// enough words for several workers (newTokenCache gives each 1,024 or more)
	for i := range 900 {
		entries = append(entries, &lists.Entry{List: "inhouse", ID: fmt.Sprint(i), Type: lists.TypeOrganisation,
			Names: []lists.Name{{Value: fmt.Sprintf("Kontsern%c%c Sirius%c Trading %d", 'a'+i%26, 'a'+i/26%26, 'a'+i%7, i)}}})
	}
	ix := BuildIndex(entries)
	tu := DefaultTuning()
	prev := runtime.GOMAXPROCS(1)
	one := newTokenCache(ix, &tu)
	runtime.GOMAXPROCS(4)
	four := newTokenCache(ix, &tu)
	runtime.GOMAXPROCS(prev)
	if len(ix.voc.text) < 2048 {
		t.Fatalf("only %d vocabulary words: the test needs several workers", len(ix.voc.text))
	}
	if !slices.Equal(one.knownAt, four.knownAt) || !slices.Equal(one.knownCalls, four.knownCalls) {
		t.Fatal("the recorded neighbours depend on the number of cores")
	}
	if len(one.knownCalls) == 0 {
		t.Fatal("no neighbours recorded")
	}
}

// plainNormaliseRaw is normaliseRaw as it was before it stopped after a
// pass that changed nothing and remembered its words (wordMemo): always a
// second pass, to the fixed point, each computing every word afresh.
func plainNormaliseRaw(w *normWork, raw []string) Normalised {
	out := Normalised{}
	w.abbrevs = w.abbrevs[:0]
	w.memos = w.memos[:0]
	out.Tokens = w.tokenPhase(raw, nil, &out.Honorifics)
	if len(w.abbrevs) > 0 {
		out.formAbbrevs = string(w.abbrevs)
	}
	for range len(out.Tokens) {
		w.memos = w.memos[:0]
		next := w.tokenPhase(slices.Clone(tokenTexts(out.Tokens)), nil, &out.Honorifics)
		if tokensEqual(next, out.Tokens) {
			break
		}
		out.Tokens = next
	}
	return out
}

func tokenTexts(toks []Token) []string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return s
}

// TestNormaliseOnePass: a name whose first token phase changes no word is
// read in one pass, and every listed name (and each with an honorific, a
// legal form and a joined particle added) normalises as it did with the
// second pass always run.
func TestNormaliseOnePass(t *testing.T) {
	w := getNormWork()
	defer putNormWork(w)
	for _, c := range []struct {
		name   string
		passes int
	}{
		{"Acme Widgets", 1},
		{"ivanov sergey", 1},
		{"Acme Widgets Limited Liability Company", 2}, // the legal form is a class token
		{"Mr Ivan Petrov", 2},                         // an honorific taken
		{"Abdelkader Mahmoud", 2},                     // a joined particle cut
	} {
		w.passes = 0
		w.normalise(c.name, nil)
		if w.passes != c.passes {
			t.Errorf("%q: %d token phases, want %d", c.name, w.passes, c.passes)
		}
	}
	names := []string{"Mr Abu Bakr Al Baghdadi", "a al k a Holding", "OOO Romashka OOO", "JOINT STOCK COMMPANY Elektrotyaga"}
	for _, e := range loadSharedLists(t) {
		for _, n := range e.Names {
			names = append(names, n.Value, "Dr "+n.Value, n.Value+" LLC", "Abdel"+n.Value)
		}
	}
	for _, name := range names {
		got := w.normaliseRaw(slices.Clone(w.splitTokens(w.foldedText(name))), nil)
		want := plainNormaliseRaw(w, slices.Clone(w.splitTokens(w.foldedText(name))))
		if !slices.Equal(got.Tokens, want.Tokens) || !slices.Equal(got.Honorifics, want.Honorifics) || got.formAbbrevs != want.formAbbrevs {
			t.Fatalf("%q: %+v, with the second pass %+v", name, got, want)
		}
	}
}

// TestMayBeJoined: the first and last bytes screen out a word no particle
// or suffix can be cut from, and splitJoinedParticle, screened, cuts every
// listed word (and each with a particle joined) as cutJoinedParticle does.
func TestMayBeJoined(t *testing.T) {
	for _, w := range []string{"widgets", "trading", "ivanov", "petrov", "kim", "x"} {
		if mayBeJoined(w) {
			t.Errorf("mayBeJoined(%q): want false", w)
		}
	}
	for _, w := range []string{"abdelkader", "mohammadreza", "shamsuddin", "atiqullah", "kheirullaah", "abundance", "safieddine"} {
		if !mayBeJoined(w) {
			t.Errorf("mayBeJoined(%q): want true", w)
		}
	}
	ix := BuildIndex(loadSharedLists(t))
	words := []string{"", "a", "abu", "abdulhaq", "cabdullaah"}
	for _, w := range ix.voc.text {
		words = append(words, w, "abdel"+w, "mohammad"+w, w+"uddin", w+"ullaah", w+"edinn")
	}
	for _, w := range words {
		p1, r1, ok1 := splitJoinedParticle(w)
		p2, r2, ok2 := cutJoinedParticle(w)
		if p1 != p2 || r1 != r2 || ok1 != ok2 {
			t.Fatalf("splitJoinedParticle(%q) = %q %q %v, unscreened %q %q %v", w, p1, r1, ok1, p2, r2, ok2)
		}
	}
}

// TestWordMemos: the second pass over a name finds the words of the first
// among the memos (one per distinct word of both passes), and a name of
// more words than maxWordMemos normalises as it does with no memo.
func TestWordMemos(t *testing.T) {
	w := getNormWork()
	defer putNormWork(w)
	w.passes = 0
	w.normalise("Apple Abdelkader Incorporated", nil)
	var words []string
	for _, m := range w.memos {
		words = append(words, m.word)
	}
	// two passes: "incorporated" is read as the class corp, "abdelkader"
	// as abd kader
	if want := []string{"apple", "abdelkader", "incorporated", "abd", "kader", "corp"}; w.passes != 2 || !slices.Equal(words, want) {
		t.Errorf("%d passes, memos of %q, want 2 and %q", w.passes, words, want)
	}
	var long []string
	for i := range maxWordMemos + 8 {
		long = append(long, fmt.Sprintf("Abdel%cmir Nooruddin Traktorzavod", 'a'+i%26), strings.Repeat("x", i%5+1))
	}
	name := strings.Join(long, " ") + " Incorporated"
	got := w.normaliseRaw(slices.Clone(w.splitTokens(w.foldedText(name))), nil)
	want := plainNormaliseRaw(w, slices.Clone(w.splitTokens(w.foldedText(name))))
	if !slices.Equal(got.Tokens, want.Tokens) {
		t.Errorf("%d words: %v, with no memo %v", len(long), got.Tokens, want.Tokens)
	}
}
