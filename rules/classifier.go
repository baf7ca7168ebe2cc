package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The cyber-surveillance classifier reads a free-text goods description in
// any of the main EU languages and scores how much it looks like a
// cyber-surveillance item (Art. 2(20) of Reg. (EU) 2021/821): interception,
// IMSI catchers, intrusion software, deep packet inspection, monitoring
// centres, facial and biometric recognition, forensic extraction.
//
// It is a weighted phrase matcher, not a statistical model, so every flag
// can be explained by the terms that matched. Generic words ("network",
// "camera", "monitoring") carry little or no weight on their own: "network
// cable" and "camera lens" score nothing, while "IMSI catcher" or
// "Gesichtserkennung" alone reach the threshold.

// tokenPattern is one word of a keyword pattern.
type tokenPattern struct {
	text          string
	prefix, infix bool // "word*", "*word*"
	suffix        bool // "*word"
}

func (p tokenPattern) match(tok string) bool {
	switch {
	case p.infix:
		return strings.Contains(tok, p.text)
	case p.prefix:
		return strings.HasPrefix(tok, p.text)
	case p.suffix:
		return strings.HasSuffix(tok, p.text)
	}
	return tok == p.text
}

func (p tokenPattern) String() string {
	switch {
	case p.infix:
		return "*" + p.text + "*"
	case p.prefix:
		return p.text + "*"
	case p.suffix:
		return "*" + p.text
	}
	return p.text
}

// compilePattern turns "ecoute* telephonique*" into token patterns, folded
// the same way as descriptions.
func compilePattern(pat string) ([]tokenPattern, error) {
	var out []tokenPattern
	for _, w := range strings.Fields(pat) {
		lead := strings.HasPrefix(w, "*")
		trail := strings.HasSuffix(w, "*")
		core := strings.Trim(w, "*")
		toks := Tokens(core)
		if len(toks) == 0 {
			return nil, fmt.Errorf("pattern %q has an empty word", pat)
		}
		// A hyphenated word ("imsi-catcher*") becomes several tokens; the
		// wildcards apply to its outer ends.
		for i, t := range toks {
			tp := tokenPattern{text: t}
			first, last := i == 0, i == len(toks)-1
			switch {
			case lead && trail && first && last:
				tp.infix = true
			case trail && last:
				tp.prefix = true
			case lead && first:
				tp.suffix = true
			}
			out = append(out, tp)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("empty pattern")
	}
	return out, nil
}

// foldRune maps letters that Unicode decomposition leaves alone to their
// usual ASCII spelling, so "podsłuch" matches "podsluch".
var foldRune = map[rune]string{'ß': "ss", 'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ı': "i", 'þ': "th", 'ð': "d"}

// Tokens lower-cases s, strips accents (NFD, drop combining marks), folds
// ß/ł/ø/æ/œ, and splits it into words of letters and digits. It is the one
// normalisation both descriptions and keyword patterns go through.
func Tokens(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// KeywordMatch is one keyword found in a description.
type KeywordMatch struct {
	Keyword *Keyword
	Text    string // the matched words, folded
}

// Classification is the classifier's verdict on one description.
type Classification struct {
	Score   float64 // in [0, 1]: capped sum of positive weights minus exclusions
	Matches []KeywordMatch
}

// Categories returns the distinct categories of the positive matches, sorted.
func (c Classification) Categories() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range c.Matches {
		if m.Keyword.Weight > 0 && !seen[m.Keyword.Category] {
			seen[m.Keyword.Category] = true
			out = append(out, m.Keyword.Category)
		}
	}
	sort.Strings(out)
	return out
}

// Explain lists the matched terms with their weights, for a hit.
func (c Classification) Explain() string {
	parts := make([]string, 0, len(c.Matches))
	for _, m := range c.Matches {
		parts = append(parts, fmt.Sprintf("%q (%s, %s, %+.1f)", m.Text, m.Keyword.Lang, m.Keyword.Category, m.Keyword.Weight))
	}
	return strings.Join(parts, ", ")
}

// Classifier scores goods descriptions. It is immutable after construction
// and safe for concurrent use.
type Classifier struct {
	keywords []Keyword
}

// NewClassifier builds a classifier from keywords. A pattern given twice
// (after folding) keeps its first row, so a term shared by two languages
// ("spyware") counts once.
func NewClassifier(kws []Keyword) (*Classifier, error) {
	c := &Classifier{}
	seen := map[string]bool{}
	for _, k := range kws {
		if k.toks == nil {
			toks, err := compilePattern(k.Pattern)
			if err != nil {
				return nil, fmt.Errorf("keyword %s: %w", k.Source, err)
			}
			k.toks = toks
		}
		key := patternKey(k.toks)
		if seen[key] {
			continue
		}
		seen[key] = true
		c.keywords = append(c.keywords, k)
	}
	return c, nil
}

func patternKey(toks []tokenPattern) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.String()
	}
	return strings.Join(parts, " ")
}

// Keywords returns the effective keywords (after de-duplication).
func (c *Classifier) Keywords() []Keyword { return c.keywords }

// Classify scores one description. Each keyword counts at most once.
func (c *Classifier) Classify(desc string) Classification {
	var out Classification
	toks := Tokens(desc)
	if len(toks) == 0 {
		return out
	}
	pos, neg := 0.0, 0.0
	for i := range c.keywords {
		k := &c.keywords[i]
		if at := findSeq(toks, k.toks); at >= 0 {
			out.Matches = append(out.Matches, KeywordMatch{Keyword: k, Text: strings.Join(toks[at:at+len(k.toks)], " ")})
			if k.Weight > 0 {
				pos += k.Weight
			} else {
				neg -= k.Weight
			}
		}
	}
	if pos > 1 {
		pos = 1
	}
	s := pos - neg
	if s < 0 {
		s = 0
	}
	// Round away float noise so that 0.5+0.2 compares as 0.7 against a threshold.
	out.Score = float64(int(s*1000+0.5)) / 1000
	return out
}

// findSeq returns the first index where pats match consecutive tokens, or -1.
func findSeq(toks []string, pats []tokenPattern) int {
	for i := 0; i+len(pats) <= len(toks); i++ {
		ok := true
		for j, p := range pats {
			if !p.match(toks[i+j]) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}
