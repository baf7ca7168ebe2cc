package matchers

import (
	"slices"
	"testing"
)

// A query word the lists know is readied for the leftovers from the
// index's records; the result is what computing it from the text gives.
func TestPrepareLeftoversFromIndexAgrees(t *testing.T) {
	ix := BuildIndex(scoreEntries)
	tn := DefaultTuning()
	for _, name := range []string{"Jules Mutebuzi", "Ronnayut Udomdech", "Benevolent International Fund",
		"KANG Phil Hun", "Kakha Shushanashvili", "Baloch Liberation Army", "New Power Trading LLC"} {
		s := ix.scratch.Get().(*scratch)
		ix.prepare(s, name, &tn, nil)
		s.prepareLeftovers(ix)
		known := 0
		for i, q := range s.q {
			if q.kind != TokWord || q.text == "" {
				continue
			}
			var buf runeBuf
			want := simQuery{text: q.text, runes: toRunes(&buf, q.text), key: -1, short: runeLen(q.text) < minDelLen, whole: wholeASCII(q.text)}
			key := phoneticKey(nil, q.text)
			want.keyLen = len(key)
			if kid, ok := ix.keyIDs[string(key)]; ok && len(key) >= 2 {
				want.key = kid
			}
			got := s.lq[i]
			if got.text != want.text || !slices.Equal(got.runes, want.runes) || got.key != want.key ||
				got.keyLen != want.keyLen || got.short != want.short || got.whole != want.whole {
				t.Errorf("%q, word %q: readied %+v, want %+v", name, q.text, got, want)
			}
			if q.id >= 0 {
				known++
			}
		}
		if known == 0 {
			t.Errorf("%q: no word the lists know, the test checks nothing of the index path", name)
		}
		s.reset()
		ix.scratch.Put(s)
	}
}
