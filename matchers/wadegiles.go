package matchers

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dualscreen/dualscreen/lists"
)

// A Chinese name reaches the lists and the shipping papers romanised by
// more than one system. The lists print most names in Hanyu Pinyin; a
// Taiwanese passport writes the same characters in Wade-Giles without its
// apostrophes and umlauts (張文福 ZHANG Wenfu is CHANG Wen-fu, 許 Xu is
// Hsu, 蔡 Cai is Tsai, 謝 Xie is Hsieh, 錢 Qian is Chien), and a Hong Kong
// one writes the surname as Cantonese sounds it (陳 Chen is Chan, 黃 Huang
// is Wong, 張 Zhang is Cheung, 梁 Liang is Leung, 吳 Wu is Ng, 曾 Zeng is
// Tsang). pinyin.go reads two pinyin names a syllable apart as two names,
// and the letter and sound metrics see little between Hsu and Xu, so such
// a name went unmatched.
//
// chineseReadings gives the pinyin syllables a word can stand for when it
// is written in Wade-Giles (the public conversion table, every syllable of
// pinyinSyllables converted: wadeGiles) or is a Hong Kong spelling of a
// surname (cantoneseSurnames); a word of one to three such syllables reads
// as every combination of them (Chang: zhang or chang, the apostrophe of
// ch'ang being dropped). A word the normaliser wrote as its group's first
// spelling (Chang is written jang, Chung jong, with the Korean surnames of
// nameVariants) is read through every spelling of its group.
//
// Whether a name is so romanised the name itself must show: Kuo, Chou,
// Chan and Tang are pinyin syllables too (阔, 丑, 蝉, 唐), and two pinyin
// names a syllable apart are two names. So a name is read so (chineseName)
// only when every word of it is pinyin or read by those systems, and one
// of its words is no pinyin (Hsu, Tsai, Hsieh, Chang, Kwok, Wong, Cheung,
// Tsang, Lee: chineseMark) or its given name is hyphenated as those
// passports write it (Kuo-ying), where pinyin writes one word. Then:
//   - a query so written, without a legal form, has each word aligned with
//     the pinyin words of listed Chinese entries it reads as (their
//     countries China, Taiwan, Hong Kong or Macau, or a name in Han
//     characters: originChinese), and two adjacent words (the hyphenated
//     given name Wen-chung) with the one word they read as together
//     (Wenzhong): readChinese;
//   - a listed person's name so written (nameRec.romanised) has each of
//     its words found by a query word written in the pinyin the word reads
//     as (Zhang Wenfu finds CHANG, Wen-Fu), or in another spelling that
//     reads so (Tsang and Tseng, both 曾 Zeng), and its hyphenated given
//     name by the one pinyin word: Index.hkeys, alignReadJoins.
//
// Such words align at Tuning.SpellingKeySim, as one word spelt two ways,
// and the explanation says "the same Chinese, romanised another way".
// Against a pinyin or Han name, the words are syllables compared as
// pinyin.go compares them, and the readings count only where they read
// the whole name (partialReadings). Names both read whole as pinyin are
// never compared this way; organisations' names are not either: their
// English words (Law, Lam, So, To) read as Cantonese surnames. Cantonese
// is read for surnames only: a given name's Cantonese syllables need the
// characters, which no table of spellings gives.

// wadeGilesInitials are pinyin's initials, longest first, with the
// Wade-Giles letters that write them once the apostrophe of an aspirate
// is dropped (p'/p, t'/t, k'/k, ch'/ch, ts'/ts all merge).
var wadeGilesInitials = [...][2]string{
	{"zh", "ch"}, {"ch", "ch"}, {"sh", "sh"},
	{"b", "p"}, {"p", "p"}, {"m", "m"}, {"f", "f"}, {"d", "t"}, {"t", "t"},
	{"n", "n"}, {"l", "l"}, {"g", "k"}, {"k", "k"}, {"h", "h"},
	{"j", "ch"}, {"q", "ch"}, {"x", "hs"}, {"r", "j"}, {"z", "ts"}, {"c", "ts"}, {"s", "s"},
	{"y", "y"}, {"w", "w"},
}

// wadeGiles returns the Wade-Giles spellings of pinyin syllable p as
// passports write them, without apostrophes or umlauts: the public
// conversion table's rules, with the alternatives in use (si: ssu, szu;
// yi: i, yi).
func wadeGiles(p string) []string {
	switch p {
	case "zhi", "chi":
		return []string{"chih"}
	case "shi":
		return []string{"shih"}
	case "ri":
		return []string{"jih"}
	case "zi", "ci":
		return []string{"tzu"}
	case "si":
		return []string{"ssu", "szu"}
	case "er":
		return []string{"erh"}
	case "e":
		return []string{"o", "e"}
	case "yi":
		return []string{"i", "yi"}
	case "you":
		return []string{"yu"}
	case "yan":
		return []string{"yen"}
	case "ye":
		return []string{"yeh"}
	case "yue", "yve":
		return []string{"yueh"}
	case "yong":
		return []string{"yung"}
	case "ge", "ke":
		return []string{"ko"}
	case "he":
		return []string{"ho"}
	case "guo", "kuo":
		return []string{"kuo"}
	case "lv", "lyu":
		return []string{"lu"}
	case "nv", "nyu":
		return []string{"nu"}
	case "lve", "lue":
		return []string{"lueh"}
	case "nve", "nue":
		return []string{"nueh"}
	}
	init, fin := "", p
	for _, in := range wadeGilesInitials {
		if strings.HasPrefix(p, in[0]) {
			init, fin = in[1], p[len(in[0]):]
			break
		}
	}
	switch {
	case fin == "ie":
		fin = "ieh"
	case fin == "ue": // jue, que, xue: chüeh, hsüeh
		fin = "ueh"
	case fin == "ian":
		fin = "ien"
	case strings.HasSuffix(fin, "ong"): // dong tung, xiong hsiung
		fin = fin[:len(fin)-3] + "ung"
	case fin == "uo" && init != "sh" && init != "h": // duo to, zhuo cho; shuo, huo keep it
		fin = "o"
	case fin == "ui" && init == "k": // gui, kui: kuei
		fin = "uei"
	}
	return []string{init + fin}
}

// wadeGilesSyllables maps each Wade-Giles syllable (wadeGiles) to the
// pinyin syllables it writes, in order.
var wadeGilesSyllables = func() map[string][]string {
	ps := make([]string, 0, len(pinyinSyllables))
	for p := range pinyinSyllables {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	m := make(map[string][]string, len(ps))
	for _, p := range ps {
		for _, w := range wadeGiles(p) {
			if !slices.Contains(m[w], p) {
				m[w] = append(m[w], p)
			}
		}
	}
	return m
}()

// cantoneseSurnames are Hong Kong and Macau spellings of common surnames,
// as Cantonese sounds them, with the pinyin of the characters they write
// (陳 Chan / Chen, 黃 Wong / Huang and 王 Wong / Wang, 許 Hui / Xu and 徐
// Tsui / Xu).
var cantoneseSurnames = map[string][]string{
	"chan": {"chen"}, "wong": {"huang", "wang"}, "cheung": {"zhang"}, "leung": {"liang"},
	"ng": {"wu"}, "lau": {"liu"}, "tsang": {"zeng"}, "chiu": {"zhao"}, "yeung": {"yang"},
	"lee": {"li"}, "lam": {"lin"}, "kwok": {"guo"}, "ho": {"he"}, "chow": {"zhou"},
	"chau": {"zhou", "zou"}, "hui": {"xu"}, "tsui": {"xu"}, "lo": {"luo", "lu"}, "law": {"luo"},
	"cheng": {"zheng"}, "tse": {"xie"}, "tang": {"deng"}, "fung": {"feng"}, "choi": {"cai"},
	"tsoi": {"cai"}, "sung": {"song"}, "tong": {"tang"}, "tso": {"cao"}, "yip": {"ye"},
	"so": {"su"}, "poon": {"pan"}, "pun": {"pan"}, "to": {"du"}, "hung": {"hong", "kong"},
	"yau": {"qiu", "you"}, "mok": {"mo"}, "luk": {"lu"}, "lui": {"lv", "lei"}, "kong": {"jiang"},
	"keung": {"jiang"}, "chu": {"zhu"}, "yue": {"yu"}, "wai": {"wei"}, "ngai": {"wei"},
	"mak": {"mai"}, "fong": {"fang"}, "yuen": {"yuan"}, "sze": {"shi"}, "tin": {"tian"},
	"ting": {"ding"}, "kwong": {"kuang"}, "pang": {"peng"}, "siu": {"xiao", "shao"},
	"ching": {"cheng"}, "chong": {"zhuang"}, "ko": {"gao"}, "tam": {"tan"}, "shum": {"cen"},
	"sham": {"cen"}, "man": {"wen"}, "wan": {"wen", "yin"}, "yim": {"yan"}, "fok": {"huo"},
	"kwan": {"guan"}, "koo": {"gu"}, "kam": {"jin", "gan"}, "au": {"ou"}, "hau": {"hou"},
	"lung": {"long"}, "woo": {"wu", "hu"}, "chung": {"zhong"}, "szeto": {"situ"},
	"auyeung": {"ouyang"},
}

// maxReadings bounds the pinyin readings of one word: a word of three
// syllables each writing three or four pinyin ones has dozens.
const maxReadings = 32

// wadeGilesLetter reports whether c can stand in a Wade-Giles or Cantonese
// spelling: neither writes b, d, g, q, r, v or x, so most words of other
// languages are left at their first such letter.
func wadeGilesLetter(c byte) bool {
	switch c {
	case 'b', 'd', 'g', 'q', 'r', 'v', 'x':
		return false
	}
	return c >= 'a' && c <= 'z'
}

// appendReadings appends to dst the pinyin words w reads as in Wade-Giles
// (one to maxPinyinSyllables syllables, each after the first starting
// with a consonant) or as a Cantonese surname, none equal to w, at most
// maxReadings.
func appendReadings(dst []string, w string) []string {
	if alts, ok := cantoneseSurnames[w]; ok {
		for _, a := range alts {
			if a != w && !slices.Contains(dst, a) {
				dst = append(dst, a)
			}
		}
	}
	if !wadeGilesLetters(w) {
		return dst
	}
	var acc [maxPinyinSyllables * longestSyllable]byte
	return readingsOf(dst, w, w, 0, acc[:0])
}

// readingsOf appends the readings of rest, the end of w after n
// syllables read as acc.
func readingsOf(dst []string, w, rest string, n int, acc []byte) []string {
	if len(dst) >= maxReadings {
		return dst
	}
	if rest == "" {
		if string(acc) != w && !slices.Contains(dst, string(acc)) {
			dst = append(dst, string(acc))
		}
		return dst
	}
	if n == maxPinyinSyllables || n > 0 && isPinyinVowel(rest[0]) {
		return dst
	}
	for l := 1; l <= longestSyllable && l <= len(rest); l++ {
		for _, p := range wadeGilesSyllables[rest[:l]] {
			dst = readingsOf(dst, w, rest[l:], n+1, append(acc, p...))
		}
	}
	return dst
}

// wadeGilesLetters reports whether every letter of w can stand in a
// Wade-Giles spelling, and w is not too long for one: neither Wade-Giles
// nor Cantonese writes b, d, q, v or x (g and r only in ng and erh), so
// many words of other languages are left at their first such letter.
func wadeGilesLetters(w string) bool {
	if w == "" || len(w) > maxPinyinSyllables*longestSyllable {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == 'b', c == 'd', c == 'q', c == 'v', c == 'x':
			return false
		case c < 'a' || c > 'z':
			return false
		}
	}
	return true
}

// wadeGilesWord reports whether w is one to maxPinyinSyllables
// Wade-Giles syllables, every one after the first starting with a
// consonant (syllableWord over wadeGilesSyllables).
func wadeGilesWord(w string) bool {
	return wadeGilesLetters(w) && syllableWord(w, func(s string) bool {
		_, ok := wadeGilesSyllables[s]
		return ok
	})
}

// koreanGroups maps the first spelling of each nameVariants group to the
// group: the normaliser writes Chang as jang and Chung as jong, so a word
// is read through every spelling of its group (chineseReadings).
var koreanGroups = func() map[string][]string {
	m := map[string][]string{}
	for _, g := range nameVariants {
		m[g[0]] = g
	}
	return m
}()

// chineseReadings appends the pinyin words normalised word w reads as
// (appendReadings), through every spelling of its nameVariants group.
func chineseReadings(dst []string, w string) []string {
	start := len(dst)
	if g, ok := koreanGroups[w]; ok {
		for _, v := range g {
			dst = appendReadings(dst, v)
		}
	} else {
		dst = appendReadings(dst, w)
	}
	return canonReadings(dst, start, w)
}

// canonReadings writes the readings dst[start:] as the normaliser writes
// the words they are (yi, of the Korean surnames' group, is ri; gang is
// kang; chong is jong), so that they meet the listed words, and drops
// those equal to w (a spelling of w's group may read as w itself: jin,
// chin) and the repeats this makes.
func canonReadings(dst []string, start int, w string) []string {
	out := dst[:start]
	for _, r := range dst[start:] {
		if c, ok := nameCanon[r]; ok {
			r = c
		}
		if r != w && !slices.Contains(out[start:], r) {
			out = append(out, r)
		}
	}
	return out
}

// chineseMark reports whether normalised word w shows a name romanised by
// Wade-Giles or Cantonese: it is no pinyin, and it or a spelling of its
// nameVariants group is a Wade-Giles word or a Cantonese surname; or it is
// pinyin, written so for a group that holds a Hong Kong surname which is
// no pinyin (ri for Lee).
func chineseMark(w string) bool {
	g, grouped := koreanGroups[w]
	if pinyinWord(w) {
		// Lee, written ri with the Korean surnames, is a Hong Kong
		// spelling of 李 Li, not the pinyin ri (日)
		for _, v := range g {
			if _, ok := cantoneseSurnames[v]; ok && !pinyinWord(v) {
				return true
			}
		}
		return false
	}
	if grouped {
		for _, v := range g {
			if readsAsChinese(v) {
				return true
			}
		}
		return false
	}
	return readsAsChinese(w)
}

func readsAsChinese(w string) bool {
	_, ok := cantoneseSurnames[w]
	return ok || wadeGilesWord(w)
}

// chineseCountries are the countries whose names are romanised from
// Chinese characters.
var chineseCountries = map[string]bool{"CN": true, "TW": true, "HK": true, "MO": true}

// japaneseKoreanCountries write names in Han characters read otherwise.
var japaneseKoreanCountries = map[string]bool{"JP": true, "KR": true, "KP": true}

// chineseEntry reports whether entry e's names come from Chinese
// characters: one of its countries is Chinese, or a name of it is written
// in Han characters and none of its countries is Japan or Korea.
func chineseEntry(e *lists.Entry) bool {
	for _, c := range e.Countries {
		if chineseCountries[c] {
			return true
		}
	}
	for _, c := range e.Countries {
		if japaneseKoreanCountries[c] {
			return false
		}
	}
	for _, n := range e.Names {
		if hasScript(n.Value, unicode.Han) {
			return true
		}
	}
	return false
}

// chineseMarkedTokens reports whether toks are a name chineseName reads.
func chineseMarkedTokens(toks []Token, hyphenated bool) bool {
	return chineseName(len(toks), hyphenated, func(i int) (TokenKind, string) { return toks[i].Kind, toks[i].Text })
}

// hyphenatedName reports whether raw name s writes two letters joined by
// a hyphen: a given name as Taiwan and Hong Kong passports write it
// (Kuo-ying, Kwok-keung), where pinyin writes it as one word.
func hyphenatedName(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '-' && isASCIILetter(s[i-1]) && isASCIILetter(s[i+1]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// chineseName reports whether the n parts part(i) gives are a Chinese name
// romanised by Wade-Giles or Cantonese: two words or more, every one pinyin
// or read by those systems (a spelling of its nameVariants group too), one
// of them at least a chineseMark, and nothing else. A name with a word of
// another language (Krans, Ryong) is not read, though a word of it would
// be: Ko and Ching are syllables of many languages.
func chineseName(n int, hyphenated bool, part func(i int) (TokenKind, string)) bool {
	words, marked := 0, hyphenated
	for i := range n {
		kind, text := part(i)
		if kind != TokWord {
			return false
		}
		words++
		switch {
		case chineseMark(text):
			marked = true
		case !pinyinWord(text):
			return false
		}
	}
	return marked && words >= 2
}

// syllableInitial reads an initial that is a Wade-Giles syllable of one
// letter, which pinyin writes otherwise, as a word (i: yi; o: e, 鄂): the
// normaliser takes them for initials, as in HO, I and FEI, I-jen.
func syllableInitial(k TokenKind, text string) TokenKind {
	if k == TokInitial && (text == "i" || text == "o") {
		return TokWord
	}
	return k
}

// readChinese reads a query that is a Chinese name written in Wade-Giles
// or Cantonese (chineseName) as the pinyin it stands for:
// each word is similar, at Tuning.SpellingKeySim, to the words of listed
// Chinese entries that are a pinyin reading of it, and to the words of
// listed names so written that read as one of its readings (Tsang, Tseng);
// two adjacent words that read together as one such listed word
// (Wen-chung, Wenzhong) are written together (s.pairs). A query with a
// legal form is no such name; the caller leaves it out before asking.
func (ix *Index) readChinese(s *scratch, t *Tuning, hyphenated bool) {
	if !chineseName(len(s.q), hyphenated, func(i int) (TokenKind, string) { return syllableInitial(s.q[i].kind, s.q[i].text), s.q[i].text }) {
		return
	}
	s.chineseQ = true
	for i := range s.q {
		if qt := &s.q[i]; qt.kind == TokInitial && syllableInitial(qt.kind, qt.text) == TokWord {
			// a syllable, not an initial: the lists do not know it
			qt.kind, qt.id, qt.w = TokWord, -1, ix.idfUnknown
		}
	}
	sim := float32(t.SpellingKeySim)
	for i := range s.q {
		qt := &s.q[i]
		if qt.kind != TokWord {
			continue
		}
		s.reads = chineseReadings(s.reads[:0], qt.text)
		for _, r := range s.reads {
			if v, ok := ix.voc.ids[r]; ok && v != qt.id && !ix.voc.joined[v] && ix.voc.origin[v]&originChinese != 0 {
				s.setSim(v, i, sim)
				s.hzPairs = append(s.hzPairs, qpair{i: i, v: v})
			}
			for _, v := range ix.hkeys[r] {
				if v != qt.id {
					s.setSim(v, i, sim)
					s.hzPairs = append(s.hzPairs, qpair{i: i, v: v})
				}
			}
		}
		if i+1 < len(s.q) && s.q[i+1].kind == TokWord {
			ix.readChineseJoined(s, i)
		}
	}
}

// readChineseJoined adds to s.pairs the listed Chinese words that query
// words i and i+1, written together, read as: a given name the
// passport hyphenates (Wen-chung) that the list writes as one word.
func (ix *Index) readChineseJoined(s *scratch, i int) {
	s.reads = s.reads[:0]
	for _, a := range groupSpellings(s.q[i].text) {
		for _, b := range groupSpellings(s.q[i+1].text) {
			s.reads = appendReadings(s.reads, a+b)
		}
	}
	s.reads = canonReadings(s.reads, 0, "")
	for _, r := range s.reads {
		v, ok := ix.voc.ids[r]
		if !ok || ix.voc.joined[v] || ix.voc.origin[v]&originChinese == 0 || slices.Contains(s.pairs, qpair{i: i, v: v}) {
			continue
		}
		s.pairs = append(s.pairs, qpair{i: i, v: v})
	}
}

// chineseAlike reports whether query word i and vocabulary word v, which
// the name being scored aligns at sim, are one Chinese word romanised two
// ways as readChinese and hkeys read them: what the explanation says of
// such a pair.
func (ix *Index) chineseAlike(s *scratch, i int, v int32, sim float32, t *Tuning) bool {
	return sim == float32(t.SpellingKeySim) && ix.readAlike(s, i, v)
}

// plainSim is the similarity of query word text to vocabulary word v as
// wordNeighbours gives it without the Chinese readings: letters, spelling
// and sound (tokenSim).
func (ix *Index) plainSim(text string, v int32, t *Tuning) float32 {
	kb := phoneticKey(nil, text)
	var rb runeBuf
	sq := simQuery{text: text, runes: toRunes(&rb, text), key: -1, keyLen: len(kb), short: runeLen(text) < minDelLen, whole: wholeASCII(text)}
	if len(kb) >= 2 {
		if kid, ok := ix.keyIDs[string(kb)]; ok {
			sq.key = kid
		}
	}
	return max(0, ix.tokenSim(&sq, v, t))
}

// readAlike reports whether query word i and listed word v are read as
// one Chinese word: by readChinese, or as the pinyin of a word of a name
// written in Wade-Giles or Cantonese (hkeys; the name being scored is one).
func (ix *Index) readAlike(s *scratch, i int, v int32) bool {
	if s.romanisedName && slices.Contains(ix.hkeys[s.q[i].text], v) {
		return true
	}
	return slices.Contains(s.hzPairs, qpair{i: i, v: v})
}

// partialReadings undoes the alignments of words read as one Chinese word
// (readAlike, and two query words read together as one listed word) when
// the query or the listed name leaves a word unaligned: a Wade-Giles or
// Cantonese word reads as several pinyin words (Hsiao-ping is xiaoping or
// xiaobing; Ching is jing, qing or the surname cheng), so that some of a
// name's syllables read as another name's is weak evidence, and Chinese
// surnames, few and common, weigh too little to tell two people apart
// (CHANG, Hsiao-ping is not YAN, Xiaobing). A reading counts where it
// reads the whole name. A word read alike keeps the similarity its
// letters (pinyinSim, between syllables) or its letters and sound
// (plainSim) give it, as it had without the reading.
func (ix *Index) partialReadings(s *scratch, nt []nameTok, t *Tuning) {
	al := &s.al
	whole := allListedAligned(al, nt)
	for i := range s.q {
		whole = whole && (al.qm[i] != -1 || s.q[i].kind == TokLegal)
	}
	if whole {
		return
	}
	for i := range s.q {
		j := al.qm[i]
		if j < 0 {
			continue
		}
		v := nt[j].v
		switch al.how[i] {
		case alignJoinName:
			if s.q[i].text == ix.voc.text[v]+ix.voc.text[nt[j+1].v] {
				continue
			}
			// read together as the query word (alignReadJoins)
			al.qm[i], al.nm[j], al.nm[j+1], al.qs[i], al.how[i] = -1, -1, -1, 0, alignNone
		case alignJoinQuery:
			if s.q[i].text+s.q[i+1].text == ix.voc.text[v] {
				continue
			}
			// read together as the listed word (readChineseJoined)
			al.qm[i], al.qm[i+1], al.nm[j] = -1, -1, -1
			al.qs[i], al.qs[i+1], al.how[i], al.how[i+1] = 0, 0, alignNone, alignNone
		case alignFuzzy:
			if al.qs[i] != float32(t.SpellingKeySim) || !ix.readAlike(s, i, v) {
				continue
			}
			sim := pinyinSim(s.q[i].text, ix.voc.text[v], t)
			if !s.syllables {
				sim = ix.plainSim(s.q[i].text, v, t)
			}
			if sim >= float32(t.MinTokenSim) {
				al.qs[i] = sim
			} else {
				al.qm[i], al.nm[j], al.qs[i], al.how[i] = -1, -1, 0, alignNone
			}
		}
	}
}

// hkeyOnly reports whether sim, the similarity wordNeighbours recorded of
// query word qt to listed word v, may be only hkeys' (a pinyin word read
// as the Wade-Giles or Cantonese word of a listed name written so) while
// the name being scored is not written so: there the pair is what its
// letters and sound make it (plainSim), and the words left over are
// compared as if the index had not paired them (alignLeftovers).
func (ix *Index) hkeyOnly(s *scratch, qt *qtok, v int32, sim float32, t *Tuning) bool {
	return !s.romanisedName && sim == float32(t.SpellingKeySim) && ix.voc.origin[v]&originChinese != 0 && slices.Contains(ix.hkeys[qt.text], v)
}

// alignReadJoins aligns, in a listed name written in Wade-Giles or
// Cantonese (nameRec.romanised), two adjacent words left unaligned with a
// query word left unaligned that they read as together: the passport's
// hyphenated given name (Yung-yuan, Wang-ken) against the one word pinyin
// writes (Yongyuan, Wanggen). readChineseJoined does the same the other
// way round.
func (ix *Index) alignReadJoins(s *scratch, nt []nameTok, t *Tuning) {
	al := &s.al
	for i := range s.q {
		if al.qm[i] != -1 || s.q[i].kind != TokWord {
			continue
		}
		for j := 0; j+1 < len(nt); j++ {
			if al.nm[j] != -1 || al.nm[j+1] != -1 || nt[j].kind != TokWord || nt[j+1].kind != TokWord {
				continue
			}
			s.reads = s.reads[:0]
			for _, a := range groupSpellings(ix.voc.text[nt[j].v]) {
				for _, b := range groupSpellings(ix.voc.text[nt[j+1].v]) {
					s.reads = appendReadings(s.reads, a+b)
				}
			}
			if slices.Contains(canonReadings(s.reads, 0, ""), s.q[i].text) {
				al.qm[i], al.nm[j], al.nm[j+1], al.qs[i], al.how[i] = int8(j), int8(i), int8(i), float32(t.JoinSim), alignJoinName
				break
			}
		}
	}
}

// groupSpellings returns the spellings of w's nameVariants group, or w.
func groupSpellings(w string) []string {
	if g, ok := koreanGroups[w]; ok {
		return g
	}
	return []string{w}
}
