package matchers

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// TokenKind says what a normalised token stands for; the scorer weighs the
// kinds differently.
type TokenKind uint8

// Token kinds.
const (
	TokWord    TokenKind = iota // an ordinary name part
	TokNumber                   // digits only: must match exactly
	TokInitial                  // a single letter: matches a word it begins
	TokLegal                    // a legal-form class (llc, jsc, ...): weighs little
)

func (k TokenKind) String() string {
	switch k {
	case TokNumber:
		return "number"
	case TokInitial:
		return "initial"
	case TokLegal:
		return "legal"
	}
	return "word"
}

// Token is one normalised name part.
type Token struct {
	Text string
	Kind TokenKind
}

// Normalised is a name after normalisation: the tokens that are scored, in
// their written order, and the honorifics that were removed (kept for the
// explanation).
type Normalised struct {
	Tokens     []Token
	Honorifics []string
	// formAbbrevs holds the first letter of each Russian company
	// abbreviation read as the company form (IC, SK, TK, TC: the
	// investment, shipping or construction, trading company), which the
	// scorer lets stand for the listed word before a company form
	// (formabbrev.go).
	formAbbrevs string
}

// String joins the tokens with single spaces: the normal form of the name.
// Normalising it again gives the same tokens.
func (n Normalised) String() string {
	var b strings.Builder
	for i, t := range n.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// HasLegalForm reports whether a legal form was found: the name is then an
// organisation's.
func (n Normalised) HasLegalForm() bool {
	for _, t := range n.Tokens {
		if t.Kind == TokLegal {
			return true
		}
	}
	return false
}

// Normalise returns the normal form of a name. Steps, in order:
//
//  1. Unicode NFKC (full-width and compatibility forms to their plain letters)
//     and case folding (golang.org/x/text/cases), CJK and Korean legal forms
//     replaced by their class, a word that mixes Latin with Cyrillic or
//     Greek look-alike letters written in one script (confusables.go), the
//     forms that are forms only in Cyrillic (cyrillicLegalForms) by a Latin
//     form of their class;
//  2. transliteration of Cyrillic, Greek, Arabic, Persian, Hebrew, Armenian,
//     Georgian, Han (pinyin) and Hangul into Latin (translit.go);
//  3. diacritics removed (NFKD, drop non-spacing marks) and Latin letters
//     with strokes folded (ø→o, ł→l, æ→ae);
//  4. tokens split at anything that is not a letter or digit; apostrophes
//     join (O'Brien → obrien), hyphens split (Al-Qaida → al qaida);
//  5. legal forms in any language become one class token (legalforms.go);
//     runs of single letters that spell one ("O.O.O.", "J.S.C.") too;
//     Standard spellings of one given name become one (Mohamed, Muhammad
//     → muhammad; Sergei, Serhiy → sergey; nameparts.go);
//  6. particles (al, bin, of, de, ...) dropped unless nothing else is left;
//     in names without a legal form or organisation word, titles (Haji, Dr, Mullah) dropped
//     wherever they stand and ranks (General, Colonel) at the start, while
//     two name parts remain, so "General Dynamics" keeps its first word.
//
// Name order is not normalised here: the scorer aligns tokens as a bag, so
// "IVANOV, Sergei" and "Sergei Ivanov" are the same to it.
func Normalise(name string) Normalised {
	w := getNormWork()
	defer putNormWork(w)
	return w.normalise(name, nil)
}

// normWork is the per-call scratch of the normaliser. The cases.Caser it
// holds keeps state, so each call needs its own.
type normWork struct {
	fold    cases.Caser
	a, b    []byte
	raw     []string
	next    []Token
	fixed   []string // raw tokens with legal-form slips fixed (tokenPhase)
	part    []Token  // a derived name's tokens (namesAParty)
	abbrevs []byte   // Normalised.formAbbrevs, collected in the first token phase
	passes  int      // token phases run, for tests
	// memos: what tokenPhase made of each word of the name being
	// normalised (spare: of a word past maxWordMemos)
	memos []wordMemo
	spare wordMemo
}

var normPool = sync.Pool{New: func() any { return &normWork{fold: cases.Fold()} }}

func getNormWork() *normWork { return normPool.Get().(*normWork) }

// putNormWork returns w unless its buffers grew past 64 KiB: one huge name
// must not pin memory for the life of the pool.
func putNormWork(w *normWork) {
	if cap(w.a) > 1<<16 || cap(w.b) > 1<<16 {
		return
	}
	normPool.Put(w)
}

// foldedText runs steps 1–3 and returns the folded text in w.a.
func (w *normWork) foldedText(name string) []byte {
	if isASCII(name) {
		w.a = append(w.a[:0], name...)
		for i, c := range w.a {
			if 'A' <= c && c <= 'Z' {
				w.a[i] = c + 'a' - 'A'
			}
		}
		return w.a
	}
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, " ")
	}
	w.a = norm.NFKC.AppendString(w.a[:0], name)
	if hasCJK(w.a) {
		s := string(w.a)
		for _, f := range cjkLegalForms {
			s = strings.ReplaceAll(s, f.from, f.to)
		}
		w.a = append(w.a[:0], s...)
	}
	w.fold.Reset()
	w.b = appendTransform(w.b[:0], w.fold, w.a)
	if t, ok := appendOneScript(w.a[:0], w.b); ok {
		w.a, w.b = w.b, t
	}
	if t, ok := appendCyrillicForms(w.a[:0], w.b); ok {
		w.a, w.b = w.b, t
	}
	w.a = transliterate(w.a[:0], w.b)
	w.b = norm.NFKD.Append(w.b[:0], w.a...)
	w.a = w.a[:0]
	for s := w.b; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if r < utf8.RuneSelf {
			w.a = append(w.a, byte(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
			continue
		}
		if f, ok := latinFolds[r]; ok {
			w.a = append(w.a, f...)
			continue
		}
		w.a = utf8.AppendRune(w.a, unicode.ToLower(r))
	}
	if !isASCIIBytes(w.a) {
		w.b = norm.NFC.Append(w.b[:0], w.a...)
		w.a, w.b = w.b, w.a
	}
	return w.a
}

// ambiguousForms are legal-form abbreviations that are also name parts
// ("KHUN SA", "AO Jin", "AB Rahman"): they count as legal forms only in
// names of three or more parts.
var ambiguousForms = map[string]bool{
	"sa": true, "as": true, "ag": true, "ab": true, "ao": true, "oy": true, "eg": true, "sl": true,
	"kk": true, "cv": true, "pt": true, "ad": true, "nv": true, "bv": true, "hf": true, "lp": true,
	"too": true, "sia": true, "ou": true, "ip": true,
	"tk": true, "tc": true, "td": true, "sk": true, "ic": true, "jv": true, "rue": true, "gk": true, "fc": true,
	"me": true, "epp": true,
}

// slipsIn counts the words of raw that fixLegalSlip changed.
func slipsIn(raw, fixed []string) int {
	n := 0
	for k := range raw {
		if raw[k] != fixed[k] {
			n++
		}
	}
	return n
}

// isLegalAt reports whether a legal-form phrase of n raw tokens found at
// raw[i] counts as one. An ambiguous abbreviation counts in names of three
// or more parts, and in a two-part name when it stands after a part of five
// or more letters ("ENIKS AO", "ELEKTROOPTIKA SIA"), which a person's
// given name or surname ("KHUN SA", "AO Jin") rarely is, or is a leading
// form before one ("AO ASKON").
func isLegalAt(raw []string, i, n int) bool {
	if n == 1 && guardedForm(raw[i]) && !distinctiveRest(raw, i) {
		return false
	}
	if n > 1 && raw[i] == "e" && i+n < len(raw) {
		// e.K., e.Kfm.: a German sole trader writes the form last;
		// elsewhere the letters are a person's initials ("John E. K.
		// Smith")
		return false
	}
	if n > 1 || !ambiguousForms[raw[i]] || len(raw) >= 3 {
		return true
	}
	if len(raw) != 2 {
		return false
	}
	if i == 0 {
		return leadingForms[raw[0]] && utf8.RuneCountInString(raw[1]) >= 5
	}
	return utf8.RuneCountInString(raw[0]) >= 5
}

// guardedForm reports the legal forms that are also the initials a firm
// trades under: the ambiguous ones and the Russian types of enterprise of
// two to four letters (NPK, STC, TC). "NPK International Inc." and "TC
// Energy Corp" are firms called so, not an International and an Energy of
// the types NPK and TC; read that way, they matched "DES INTERNATIONAL
// COMPANY LIMITED" and "JSC Energiya" at 0.99.
func guardedForm(w string) bool {
	if ambiguousForms[w] {
		return true
	}
	return len(w) <= 4 && legalPhrases.single[w] == formSOE
}

// distinctiveRest reports whether raw holds, besides raw[i], a part that
// says which firm it is: neither a legal form nor a word that organisation
// names are made of (international, energy, trading). Only then does a
// guarded form at raw[i] count as a legal form.
func distinctiveRest(raw []string, i int) bool {
	for j, w := range raw {
		if j == i || utf8.RuneCountInString(w) < 2 {
			continue
		}
		_, initials := legalPhrases.single[w]
		if !legalWords[w] && !initials && !orgWordCanon[nameCanon[w]] {
			return true
		}
	}
	return false
}

// leadingInitials reports whether the single letters raw[i:j] are a
// person's initials before their surname, not a legal form written letter
// by letter: "S.A. Sungkar", "A. E. Elosta", "C. A. Smith". Read as S.A.,
// A.E. or C.A. the name became a firm and lost its listed person (0.26 to
// 0.48, where "SUNGKAR, S." alone scores 0.85). The letters must open the
// name, be two or three, and be followed by one or two words of two
// letters or more that are no legal form or organisation word; the forms
// that lead a firm's name in their own language (AO) stay forms. A form
// that closes a name ("RADA S.A.") is where Spanish, French and Polish
// firms write it, and a name that holds a form or organisation word
// elsewhere ("A.O. Smith Corp", "A.S. Watson Group") is a firm's.
func leadingInitials(raw []string, i, j int) bool {
	if i != 0 || j-i < 2 || j-i > 3 || len(raw)-j < 1 || len(raw)-j > 2 {
		return false
	}
	if leadingForms[strings.Join(raw[i:j], "")] {
		return false
	}
	for k := j; k < len(raw); k++ {
		w := raw[k]
		if utf8.RuneCountInString(w) < 2 || wordKind(w) == TokNumber || orgWordCanon[w] {
			return false
		}
		if n, _ := matchLegalPhrase(raw[k:]); n > 0 {
			return false
		}
		if n, _ := orgPhrases.match(raw[k:]); n > 0 {
			return false
		}
	}
	return true
}

// singleRunEnd returns the end of the run of one-letter words that
// starts at raw[i] (i itself when raw[i] is longer).
func singleRunEnd(raw []string, i int) int {
	j := i
	for j < len(raw) && utf8.RuneCountInString(raw[j]) == 1 {
		j++
	}
	return j
}

// leadingForms are the ambiguous forms that Russian names put first
// ("AO ASKON", "AO MARPOSADKABEL"): in a two-part name they count before a
// part of five or more letters, which "AO Jin" has not.
var leadingForms = map[string]bool{"ao": true}

// latinFolds are Latin letters NFKD does not decompose.
var latinFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'œ': "oe", 'ŋ': "n", 'ħ': "h", 'ŧ': "t", 'ĸ': "k", 'ſ': "s", 'ƒ': "f", 'ə': "e",
	'ʻ': "", 'ʼ': "", 'ʿ': "", 'ʾ': "",
}

// appendTransform runs t over src into dst without allocating beyond dst's
// growth.
func appendTransform(dst []byte, t transform.Transformer, src []byte) []byte {
	for {
		if cap(dst)-len(dst) < len(src)+16 {
			n := make([]byte, len(dst), 2*cap(dst)+len(src)+16)
			copy(n, dst)
			dst = n
		}
		nDst, nSrc, err := t.Transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+nDst]
		src = src[nSrc:]
		if err == nil {
			return dst
		}
		if err != transform.ErrShortDst {
			// A caser only fails on short buffers; anything else keeps the
			// rest of the input unfolded rather than losing it.
			return append(dst, src...)
		}
	}
}

// isApostrophe reports the marks that join the letters around them.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '’', '‘', '´', 'ʹ', 'ʻ', 'ʼ', 'ʿ', 'ʾ':
		return true
	}
	return false
}

// splitTokens runs step 4 over the folded text.
func (w *normWork) splitTokens(text []byte) []string {
	w.raw = w.raw[:0]
	start := -1
	var cur []byte
	flush := func() {
		if start >= 0 && len(cur) > 0 {
			w.raw = append(w.raw, string(cur))
		}
		start, cur = -1, cur[:0]
	}
	cur = w.b[:0]
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			cur = utf8.AppendRune(cur, r)
		case isApostrophe(r):
			// joins: O'Brien → obrien, Ja'far → jafar
		default:
			flush()
		}
		i += size
	}
	flush()
	w.b = cur[:0]
	return w.raw
}

func (w *normWork) normalise(name string, dst []Token) Normalised {
	return w.normaliseRaw(w.splitTokens(w.foldedText(name)), dst)
}

// normaliseRaw runs steps 5 and 6 over raw tokens (step 4's output, or
// raw tokens a caller cut: Index.cutRunOns), until nothing changes.
func (w *normWork) normaliseRaw(raw []string, dst []Token) Normalised {
	out := Normalised{Tokens: dst[:0]}
	w.abbrevs = w.abbrevs[:0]
	clear(w.memos) // no name's words kept alive in the pool
	w.memos = w.memos[:0]
	out.Tokens = w.tokenPhase(raw, out.Tokens, &out.Honorifics)
	if len(w.abbrevs) > 0 {
		out.formAbbrevs = string(w.abbrevs)
	}
	if len(out.Honorifics) == 0 && sameTexts(out.Tokens, raw) {
		// The pass changed no word and took no honorific: the next pass
		// would read the same words, so it would give the same tokens
		// (tokenPhase depends on its words only) and stop the loop. A
		// third of BenchmarkMatch's names (SEC firms without a legal
		// form, persons) are read this way, and the second pass was
		// about a twentieth of a query's CPU.
		return out
	}
	// Removing a particle or a title can bring together tokens that form a
	// phrase ("a al k a" → "a k a"): repeat until nothing changes, so that
	// normalising a normal form changes nothing. Real names settle in one
	// pass; the loop is bounded by the token count, which only falls.
	for range len(out.Tokens) {
		w.raw = w.raw[:0]
		for _, t := range out.Tokens {
			w.raw = append(w.raw, t.Text)
		}
		w.next = w.tokenPhase(w.raw, w.next[:0], &out.Honorifics)
		if tokensEqual(w.next, out.Tokens) {
			break
		}
		out.Tokens = append(out.Tokens[:0], w.next...)
	}
	return out
}

// sameTexts reports whether toks are the words raw, one for one.
func sameTexts(toks []Token, raw []string) bool {
	if len(toks) != len(raw) {
		return false
	}
	for i := range toks {
		if toks[i].Text != raw[i] {
			return false
		}
	}
	return true
}

func tokensEqual(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// tokenPhase runs steps 5 and 6 over raw tokens, appending to dst.
func (w *normWork) tokenPhase(raw []string, dst []Token, honorifics *[]string) []Token {
	w.passes++
	toks := dst
	// Long words of legal forms with a slip of the pen ("JOINT STOCK
	// COMMPANY"), tried only where they complete a phrase of two or more
	// words with one written right, so no name part ("Limitex") turns into
	// a legal form on its own.
	var fixed []string
	for k, r := range raw {
		if f := w.memoOf(r).fixed; f != r {
			if fixed == nil {
				fixed = append(w.fixed[:0], raw...)
			}
			fixed[k] = f
		}
	}
	if fixed != nil {
		w.fixed = fixed
	}
	// Step 5: legal forms, longest phrase first; runs of single letters.
	for i := 0; i < len(raw); {
		// A phrase read through a slip that is longer than the one the
		// words as written make is the phrase: "LIMITED LIABILLITY
		// COMPANY" is one form, not "limited" and two words left over.
		if fixed != nil {
			n, class := matchLegalPhrase(fixed[i:])
			if nr, _ := matchLegalPhrase(raw[i:]); n >= 2 && n > nr && slipsIn(raw[i:i+n], fixed[i:i+n]) < n {
				toks = append(toks, Token{Text: class, Kind: TokLegal})
				i += n
				continue
			}
		}
		if n, class := matchLegalPhrase(raw[i:]); n > 0 && isLegalAt(raw, i, n) && !leadingInitials(raw, i, singleRunEnd(raw, i)) {
			if n == 1 && class == formCo && formAbbrevs[raw[i]] {
				w.abbrevs = append(w.abbrevs, raw[i][0])
			}
			toks = append(toks, Token{Text: class, Kind: TokLegal})
			i += n
			continue
		}
		if fixed != nil {
			if n, class := matchLegalPhrase(fixed[i:]); n >= 2 && slipsIn(raw[i:i+n], fixed[i:i+n]) < n {
				toks = append(toks, Token{Text: class, Kind: TokLegal})
				i += n
				continue
			}
		}
		if class, ok := lastLegalSlip(raw, i); ok {
			toks = append(toks, Token{Text: class, Kind: TokLegal})
			i++
			continue
		}
		if utf8.RuneCountInString(raw[i]) == 1 {
			j := singleRunEnd(raw, i)
			if j-i >= 3 && particleSet[strings.Join(raw[i:j], "")] {
				i = j // "a.k.a.", "f.k.a."
				continue
			}
			if j-i >= 2 && !leadingInitials(raw, i, j) {
				if class, ok := legalPhrases.single[strings.Join(raw[i:j], "")]; ok {
					toks = append(toks, Token{Text: class, Kind: TokLegal})
					i = j
					continue
				}
			}
		}
		if n, words := orgPhrases.match(raw[i:]); n > 0 {
			for w := range strings.SplitSeq(words, " ") {
				toks = append(toks, Token{Text: w, Kind: TokWord})
			}
			i += n
			continue
		}
		text := raw[i]
		m := w.memoOf(text)
		if !m.cutSet {
			m.cutSet = true
			if part, rest, ok := splitJoinedParticle(text); ok {
				m.cut, m.part, m.rest = cutJoined, part, rest
			} else if stem, ok := cutZavod(text); ok {
				m.cut, m.part, m.rest = cutPlant, stem, "plant"
			}
		}
		if m.cut != cutNone {
			toks = append(toks, Token{Text: m.part, Kind: TokWord})
			text = m.rest
		} else if numberedShipyard(raw, i) {
			text = "shipyard"
		}
		if text == m.word {
			if !m.canonSet {
				m.canon, m.canonSet = canonWord(text), true
			}
			text = m.canon
		} else {
			text = canonWord(text)
		}
		toks = append(toks, Token{Text: text, Kind: wordKind(text)})
		i++
	}
	// Step 6: particles, then leading honorifics. "Head" counts as one
	// only in "head office": China Head Aerospace is a name.
	isParticle := func(i int) bool {
		t := toks[i].Text
		if len(t) == 1 && (i > 0 && toks[i-1].Kind == TokInitial || i+1 < len(toks) && toks[i+1].Kind == TokInitial) {
			return false // a letter among letters: "M.E.N.A.", "KIM, J. Y."
		}
		return particleSet[t] || t == "head" && i+1 < len(toks) && toks[i+1].Text == "office" ||
			describesUnit(toks, i)
	}
	nonParticle := 0
	for i := range toks {
		if !isParticle(i) {
			nonParticle++
		}
	}
	if nonParticle > 0 && nonParticle < len(toks) {
		kept := toks[:0]
		for i, t := range toks {
			if !isParticle(i) {
				kept = append(kept, t)
			}
		}
		toks = kept
	}
	// Titles and ranks belong to persons: a name with a legal form or an
	// organisation word ("General Department of Research and
	// Intelligence") keeps them.
	organisation := false
	for _, t := range toks {
		organisation = organisation || t.Kind == TokLegal || orgWordCanon[t.Text]
	}
	if organisation {
		for i := range toks {
			if toks[i].Kind == TokWord && !orgWordCanon[toks[i].Text] {
				toks[i].Text = placeStem(toks[i].Text)
			}
		}
		toks = joinLetterRuns(toks)
	} else {
		for {
			n := matchHonorific(toks)
			if n == 0 || len(toks)-n < 2 {
				break
			}
			for _, t := range toks[:n] {
				*honorifics = append(*honorifics, t.Text)
			}
			toks = append(toks[:0], toks[n:]...)
		}
		for i := 1; i < len(toks); {
			n := matchTitle(toks[i:])
			if n == 0 || len(toks)-n < 2 {
				i++
				continue
			}
			for _, t := range toks[i : i+n] {
				*honorifics = append(*honorifics, t.Text)
			}
			toks = append(toks[:i], toks[i+n:]...)
		}
	}
	return toks
}

// canonWord writes a word as the lists' names are indexed: "tekh" as
// "tech", one spelling per given name (nameparts.go), also when written
// with a slip ("Mohmamad").
func canonWord(text string) string {
	if _, ok := nameCanon[text]; !ok {
		text = techSpelling(text)
	}
	if c, ok := nameCanon[text]; ok {
		return c
	} else if c := canonNameSlip(text); c != "" {
		return c
	}
	return text
}

// wordMemo is what tokenPhase made of one word that depends on the word
// alone: its legal-form slip fixed, the part cut from it (a joined
// particle, a plant), its canonical spelling. normaliseRaw's second pass
// reads most words of the first again, and these were a third of a
// pass: each is a map probe or a hash per letter.
type wordMemo struct {
	word, fixed string // fixLegalSlip(word)
	cutSet      bool   // cut, part and rest are known
	cut         int8   // cutNone, cutJoined (splitJoinedParticle), cutPlant (cutZavod)
	part, rest  string // the word cut: part, then rest
	canonSet    bool
	canon       string // canonWord(word)
}

const (
	cutNone = iota
	cutJoined
	cutPlant
)

// maxWordMemos bounds the memos of one name: past it, words are looked
// up among the first ones and computed each time.
const maxWordMemos = 32

// memoOf returns word's memo for this name (normaliseRaw empties them),
// its fixed form computed.
func (w *normWork) memoOf(word string) *wordMemo {
	for i := range w.memos {
		if w.memos[i].word == word {
			return &w.memos[i]
		}
	}
	m := wordMemo{word: word, fixed: fixLegalSlip(word)}
	if len(w.memos) >= maxWordMemos {
		w.spare = m
		return &w.spare
	}
	w.memos = append(w.memos, m)
	return &w.memos[len(w.memos)-1]
}

// joinLetterRuns writes a run of two or more single letters of an
// organisation's name as one word: there they are the firm's initials,
// which one writing spaces or hyphenates and another does not ("Z-R GROUP
// SAL HOLDING" / ZR GROUP SAL HOLDING). A person's initials stay apart.
func joinLetterRuns(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Kind == TokInitial {
			j++
		}
		if j-i < 2 {
			out = append(out, toks[i])
			i++
			continue
		}
		var b strings.Builder
		for _, t := range toks[i:j] {
			b.WriteString(t.Text)
		}
		out = append(out, Token{Text: b.String(), Kind: TokWord})
		i = j
	}
	return out
}

func wordKind(s string) TokenKind {
	switch {
	case isDigits(s):
		return TokNumber
	case utf8.RuneCountInString(s) == 1:
		return TokInitial
	}
	return TokWord
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isASCIIBytes(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasHan reports whether s holds a Han ideograph: such a name is written
// one token per syllable, so the scorer asks more of it (Tuning.HanShare).
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && isHan(r) {
			return true
		}
	}
	return false
}

// countHanOutsideLegalForms counts the Han characters of s that are not part
// of a legal form (有限公司 and the like): the syllables a Han name is made
// of, including those normalising then drops (达 reads "da", which is also
// a name particle).
func countHanOutsideLegalForms(s string) int {
	// Replace the forms as foldedText does (longest first), then count.
	for _, f := range cjkLegalForms {
		s = strings.ReplaceAll(s, f.from, f.to)
	}
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

// hasCJK reports whether s holds a Han ideograph or Hangul syllable, the
// scripts whose legal forms are replaced before transliteration.
func hasCJK(s []byte) bool {
	for _, r := range string(s) {
		if r >= 0x2E80 && (isHan(r) || (r >= 0xAC00 && r <= 0xD7A3) || r == '㈜') {
			return true
		}
	}
	return false
}

// describesUnit reports whether toks[i] is one of the words that say what a
// firm's unit does, standing before the unit word that ends the name:
// "trading" in "QUANTLOG OY Trading Division", "export" and "sales" in "X
// LLC Export Sales Department". A clerk adds the unit to the firm's name;
// the list names the firm. Only particles may follow the unit word, so a
// name that goes on ("Main Department of Internal Affairs") keeps its words.
func describesUnit(toks []Token, i int) bool {
	j := i
	for j < len(toks) && unitQualifierSet[toks[j].Text] {
		j++
	}
	if j == i || j == len(toks) || !unitWordSet[toks[j].Text] {
		return false
	}
	for _, t := range toks[j+1:] {
		if !particleSet[t.Text] {
			return false
		}
	}
	return true
}
