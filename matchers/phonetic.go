package matchers

// phoneticKey appends the sound skeleton of a normalised token: the letters
// that survive the ways the same name is romanised differently. It is our
// own key, built for transliteration variants rather than for English
// surnames (Soundex, Metaphone):
//
//   - German and English spellings of Slavic sounds fold together:
//     tsch/tch/ch → c, sch/sh/shch → s, zh/dzh/dj → j, ts/tz/c → c or k;
//   - w → v (Iwanow / Ivanov), ph → f, kh/gh/th/dh lose their h, q/ck → k,
//     x → ks, z → s, p → b (Arabic has no p: Bakistan / Pakistan);
//   - vowels (and y, h, medial j) are dropped after the first letter, and a
//     leading vowel or y becomes "a" (Yusuf / Iusuf / Usuf);
//   - repeated letters collapse (Muhammad / Muhamad / Mohammed → mmd).
//
// So محمد (mhmd), Muhammad and Mohamed share "mmd"; Sergejewitsch and
// Sergeevich share "srgvc"; Al-Juhni and Jahani share "jn".
// Digits are kept as they are: a different number is a different name.
func phoneticKey(dst []byte, tok string) []byte {
	start := len(dst)
	var last byte
	emit := func(c byte) {
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	for i := 0; i < len(tok); {
		c := tok[i]
		rest := tok[i:]
		first := len(dst) == start
		n := 1
		var out byte
		switch {
		case c >= 0x80:
			// a letter of a script we do not transliterate: keep it
			dst = append(dst, c)
			last = 0
			i++
			continue
		case hasPrefix(rest, "tsch") || hasPrefix(rest, "shch"):
			out, n = 'c', 4
			if rest[0] == 's' {
				out = 's'
			}
		case hasPrefix(rest, "sch"), hasPrefix(rest, "tch"), hasPrefix(rest, "dzh"):
			n = 3
			switch c {
			case 's':
				out = 's'
			case 't':
				out = 'c'
			default:
				out = 'j'
			}
		case hasPrefix(rest, "ch"), hasPrefix(rest, "ts"), hasPrefix(rest, "tz"):
			out, n = 'c', 2
		case hasPrefix(rest, "sh"):
			out, n = 's', 2
		case hasPrefix(rest, "zh"), hasPrefix(rest, "dj"), hasPrefix(rest, "dz"):
			out, n = 'j', 2
		case hasPrefix(rest, "kh"), hasPrefix(rest, "ck"):
			out, n = 'k', 2
		case hasPrefix(rest, "gh"):
			out, n = 'g', 2
		case hasPrefix(rest, "ph"):
			out, n = 'f', 2
		case hasPrefix(rest, "th"):
			out, n = 't', 2
		case hasPrefix(rest, "dh"):
			out, n = 'd', 2
		case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y':
			if first {
				out = 'a'
			} else {
				last = 0 // a vowel separates: "mama" keeps both m
				i++
				continue
			}
		case c == 'h' || c == 'j':
			// h and a medial j are vowel-like (Muhammad / mhmd, Sergejew)
			if first {
				out = c
			} else {
				last = 0
				i++
				continue
			}
		case c == 'w' || c == 'v':
			out = 'v'
		case c == 'q' || c == 'k':
			out = 'k'
		case c == 'c':
			// c before e/i/y is the ts of Slavic and German spellings
			// (Concern / Kontsern, Cyrill / Tsyrill)
			if len(rest) > 1 && (rest[1] == 'e' || rest[1] == 'i' || rest[1] == 'y') {
				out = 'c'
			} else {
				out = 'k'
			}
		case c == 'x':
			emit('k')
			out = 's'
		case c == 'z':
			out = 's'
		case c == 'p':
			out = 'b'
		default:
			out = c
		}
		if out != 0 {
			emit(out)
		}
		i += n
	}
	return dst
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// spellingKey appends the spelling skeleton of a normalised token: like the
// phonetic key it folds the letters that romanisations and clerks use for
// one sound (c/k/q, z/s, w/v, j/y/i, x/ks, ph/f, kh/h, ou/oo/u, ee/i, and
// doubled letters), but it keeps the vowels, so two tokens with the same
// spelling key are the same word spelt two ways (Kardiam / Cardiam, Duks /
// Dux, Vizcaya / Viscaya, Majid / Majeed), not merely alike in sound.
// Digraphs that write a sound of their own (ch, sh, zh) are kept apart from
// their letters.
func spellingKey(dst []byte, tok string) []byte {
	var last byte
	emit := func(c byte) {
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	for i := 0; i < len(tok); {
		c := tok[i]
		rest := tok[i:]
		n := 1
		switch {
		case c >= 0x80:
			dst = append(dst, c)
			last = 0
			i++
			continue
		case hasPrefix(rest, "sch"), hasPrefix(rest, "sh"):
			emit('S')
			n = len("sh") + b2i(hasPrefix(rest, "sch"))
		case hasPrefix(rest, "tch"), hasPrefix(rest, "ch"):
			emit('C')
			n = len("ch") + b2i(c == 't')
		case hasPrefix(rest, "zh"):
			emit('Z')
			n = 2
		case hasPrefix(rest, "kh"):
			emit('h')
			n = 2
		case hasPrefix(rest, "ck"):
			emit('k')
			n = 2
		case hasPrefix(rest, "ph"):
			emit('f')
			n = 2
		case hasPrefix(rest, "ou"), hasPrefix(rest, "oo"):
			emit('u')
			n = 2
		case hasPrefix(rest, "ee"):
			emit('i')
			n = 2
		case c == 'x':
			emit('k')
			emit('s')
		case c == 'c' || c == 'q':
			emit('k')
		case c == 'z':
			emit('s')
		case c == 'w':
			emit('v')
		case c == 'j' || c == 'y':
			emit('i')
		default:
			emit(c)
		}
		i += n
	}
	return dst
}

// spellingKeyOf appends tok's spelling key, or nothing when the key is
// shorter than minSpellingKey: short names spelt alike are too often
// different names (Dow / Dov, Coty / Koti). Folding only c, k, q and x in
// words of four or five letters (Askon / Ascon, Dux / Duks) was tried: it
// found 6 more pairs of the tuning part and flagged one more innocent
// (VICOR CORP / VIKOR), against the rule that no change may flag more.
func spellingKeyOf(dst []byte, tok string) []byte {
	start := len(dst)
	dst = spellingKey(dst, tok)
	if len(dst)-start < minSpellingKey {
		return dst[:start]
	}
	return dst
}
