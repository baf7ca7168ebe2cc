package matchers

import "strings"

// A Chinese name written in pinyin is a few syllables, each one character:
// "Yang Lin" is 杨林, "Lian Yang" 连杨; "Tian Xiaoyang" is 田晓阳 and the
// vessel "TIAN XIANG" 天祥. Two different syllables are two different
// characters, so two pinyin names that differ in a syllable are two
// names, however alike they sound. The phonetic key, built for the ways
// European and Arabic names are transliterated, drops the vowels that
// tell pinyin finals apart (lin / lian / lan / lun share "ln"; zhiyong
// and zhuang share "jng"), and the letter metrics see one letter
// between wan and wang. A query written in Han characters already
// matches syllables only exactly (Tuning.HanShare, pairSim); pinyinName
// extends that to names written in pinyin: when the query is and the
// listed name is written in pinyin or in Han characters, two words align
// when equal, as two adjacent words written together (Xiaoyang / Xiao
// Yang), or by their letters alone (pinyinSim): a sound-alike lift, a
// slip in a short word, a short form and the leftovers' comparisons
// (alignLeftovers) are not made. A longer word a letter or two off is
// still a misspelling as in any name (Xiaoping / Xiaopeng would align at
// 0.86), so letters still count: on the development set, refusing them
// too lost one tune-b pair and kept no more innocents out.
//
// A name counts as pinyin when it has two words or more (surname and
// given name; a single word is too short a sample: "Ana") and every word
// is one to three syllables of the standard pinyin table, a syllable
// after the first in a word starting with a consonant, as pinyin's
// spelling rules require (a vowel-initial syllable inside a word is
// written after an apostrophe: Xi'an). So "Maria" (ma-ri-a) and "Khamis"
// are not pinyin, and names from other languages rarely qualify whole.
// Numbers may stand beside the words (vessels: "TIAN XIANG 7"); an
// initial, a legal form or any other word makes the name not pinyin.

// pinyinSyllables is the table of Mandarin syllables in pinyin without
// tones, ü written u or v (lü: lu, lv, lyu as passports write it).
var pinyinSyllables = func() map[string]struct{} {
	const table = `a o e ai ei ao ou an en ang eng er
yi ya yo ye yao you yan yin yang ying yong yu yue yuan yun
wu wa wo wai wei wan wen wang weng
ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu
pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu
ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu
fa fo fei fou fan fen fang feng fu
da de dai dei dao dou dan den dang deng dong di die diao diu dian ding du duo dui duan dun
ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun
na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning nu nuo nuan nv nve nue nyu
la le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo luan lun lv lve lue lyu
ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang
ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang
ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang
ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun
qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun
xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun
zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang
cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang
sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang
re ri rao rou ran ren rang reng rong ru ruo rui ruan run
za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun
ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun
sa se si sai sao sou san sen sang seng song su suo sui suan sun`
	m := make(map[string]struct{}, 420)
	for _, s := range strings.Fields(table) {
		m[s] = struct{}{}
	}
	return m
}()

// maxPinyinSyllables bounds the syllables of one word: a surname is one
// or two, a given name one or two, rarely three written together.
const maxPinyinSyllables = 3

// longestSyllable is the length of the longest syllables (zhuang).
const longestSyllable = 6

// pinyinWord reports whether w, a normalised word, is one to
// maxPinyinSyllables pinyin syllables, every one after the first starting
// with a consonant.
func pinyinWord(w string) bool {
	return syllableWord(w, isPinyinSyllable)
}

func isPinyinSyllable(s string) bool {
	_, ok := pinyinSyllables[s]
	return ok
}

// syllableWord reports whether w splits into one to maxPinyinSyllables
// syllables of a romanisation (isSyllable), every one after the first
// starting with a consonant: pinyin's spelling rule, which Wade-Giles
// keeps too.
func syllableWord(w string, isSyllable func(string) bool) bool {
	if w == "" || len(w) > maxPinyinSyllables*longestSyllable {
		return false
	}
	// fewest[i]: the fewest syllables w[:i] splits into, 0 when it does not
	var fewest [maxPinyinSyllables*longestSyllable + 1]int8
	fewest[0] = 0
	for i := 1; i <= len(w); i++ {
		fewest[i] = -1
		for l := 1; l <= longestSyllable && l <= i; l++ {
			start := i - l
			if fewest[start] < 0 || (start > 0 && isPinyinVowel(w[start])) {
				continue
			}
			if !isSyllable(w[start:i]) {
				continue
			}
			if n := fewest[start] + 1; fewest[i] < 0 || n < fewest[i] {
				fewest[i] = n
			}
		}
	}
	return fewest[len(w)] > 0 && fewest[len(w)] <= maxPinyinSyllables
}

func isPinyinVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'o' }

// pinyinTokens reports whether toks are a name written in pinyin: two
// words or more, every word pinyin (pinyinWord), numbers allowed beside
// them, nothing else.
func pinyinTokens(toks []Token) bool {
	return pinyinParts(len(toks), func(i int) (TokenKind, string) { return toks[i].Kind, toks[i].Text })
}

// pinyinParts is pinyinTokens over n parts that part(i) gives: a name's
// tokens or a query's.
func pinyinParts(n int, part func(i int) (TokenKind, string)) bool {
	words := 0
	for i := range n {
		switch kind, text := part(i); kind {
		case TokNumber:
			continue
		case TokWord:
			if !pinyinWord(text) {
				return false
			}
			words++
		default:
			return false
		}
	}
	return words >= 2
}

// pinyinSim is the similarity of two different words of pinyin names by
// their letters alone: tokenSim without the phonetic key's lift, so words
// shorter than minDelLen letters (one syllable: lin, lian) never align,
// and longer ones only when their letters are close enough.
func pinyinSim(a, b string, t *Tuning) float32 {
	if runeLen(a) < minDelLen || runeLen(b) < minDelLen {
		return 0
	}
	jw := jaroWinkler(a, b)
	lev := levenshteinSim(a, b)
	if len(a) == len(b) && oneSlip(a, b) {
		lev = 1 - 1/float64(max(1, runeLen(a))) // a swap is one slip (tokenSim)
	}
	return float32(finishTokenSim(0.5*jw+0.5*lev, false, 0, a[0] == b[0], t))
}

// pinyinQuery reports whether the query is written in pinyin
// (pinyinTokens on its tokens), worked out on the first candidate name
// that is (nameRec.syllabic) and kept until reset: most queries never
// meet one and never pay for it.
func (s *scratch) pinyinQuery() bool {
	if s.pinyinState == 0 {
		s.pinyinState = 2
		if pinyinParts(len(s.q), func(i int) (TokenKind, string) { return s.q[i].kind, s.q[i].text }) {
			s.pinyinState = 1
		}
	}
	return s.pinyinState == 1
}
