package matchers

import "slices"

// A Russian firm named by Latin initials writes them in Cyrillic by the
// letters' English names, and the lists romanise that back: IQB
// TECHNOLOGIES is АЙКЬЮБ ТЕХНОЛОГИИ (AIKYUB TEKHNOLOGII), 148SH LTD is ООО
// 148ЭСЭЙЧ (OOO 148ESEYCH), USM is ЮЭСЭМ (YUESEM). The spelt-out word
// shares no letters' order with the initials, so no spelling or sound
// neighbour reaches them and the firm's entry never becomes a candidate.
// readLetterNames reads such a query word back as the initials it spells,
// when the lists know those initials and not the word.

// letterNames are the English names of Latin letters as Russian writes
// them, romanised as the lists romanise Cyrillic. One-letter names (E, O)
// are left out: with them most short words would read as initials.
var letterNames = map[string]byte{
	"ey": 'a', "ei": 'a', "bi": 'b', "si": 'c', "di": 'd', "ef": 'f',
	"dzhi": 'g', "eych": 'h', "eich": 'h', "eytch": 'h', "ai": 'i', "ay": 'i',
	"dzhey": 'j', "dzhei": 'j', "key": 'k', "kei": 'k', "el": 'l', "em": 'm',
	"en": 'n', "ou": 'o', "pi": 'p', "kyu": 'q', "kiu": 'q', "ar": 'r',
	"es": 's', "ti": 't', "yu": 'u', "vi": 'v', "eks": 'x', "iks": 'x',
	"uay": 'y', "vay": 'y', "zed": 'z', "zet": 'z',
}

// maxLetterName is the longest name in letterNames.
const maxLetterName = 5

// minLetterNames: a word must spell at least this many letters by their
// names: one name is a syllable of too many words. Syllables of ordinary
// words still spell letters now and then (Aref: ar, ef, RF), so a word is
// read only in a firm's name, when the lists do not know it and do know
// the initials it spells (readLetterNames).
const minLetterNames = 2

// lettersSpelt returns the initials word spells by the letters' names
// (letterNames) after any leading digits, the last letter possibly
// written by its sound alone (АЙКЬЮБ: ai, kyu, b), and whether it spells
// them; the digits are kept (148ESEYCH is 148sh).
func lettersSpelt(word string) (string, bool) {
	i := 0
	for i < len(word) && word[i] >= '0' && word[i] <= '9' {
		i++
	}
	letters, names, ok := spellFrom(word[i:])
	if !ok || names < minLetterNames {
		return "", false
	}
	return word[:i] + string(letters), true
}

// spellFrom reads w wholly as letter names, the last letter possibly a
// bare consonant, and returns the letters and how many were read by their
// names.
func spellFrom(w string) ([]byte, int, bool) {
	if w == "" {
		return nil, 0, true
	}
	if len(w) == 1 && !isVowelByte(w[0]) {
		return []byte{w[0]}, 0, true
	}
	for n := min(maxLetterName, len(w)); n >= 2; n-- {
		l, ok := letterNames[w[:n]]
		if !ok {
			continue
		}
		if rest, k, ok := spellFrom(w[n:]); ok {
			return append([]byte{l}, rest...), k + 1, true
		}
	}
	return nil, 0, false
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// readLetterNames replaces, in an organisation's name (one with a legal
// form), each word the lists do not know that spells by the letters'
// names initials they do know, with those initials; ids are the tokens'
// vocabulary ids (lookupIDs) and are updated with them. It returns toks
// itself when nothing is read, else a copy.
func (ix *Index) readLetterNames(toks []Token, ids []int32) []Token {
	legal := false
	for _, tk := range toks {
		if tk.Kind == TokLegal {
			legal = true
			break
		}
	}
	if !legal {
		return toks
	}
	var out []Token
	for i, tk := range toks {
		if tk.Kind != TokWord || ids[i] >= 0 || len(tk.Text) < 4 {
			continue
		}
		spelt, ok := lettersSpelt(tk.Text)
		if !ok {
			continue
		}
		id, known := ix.voc.ids[spelt]
		if !known || ix.voc.joined[id] || ix.voc.kind[id] != TokWord {
			continue
		}
		if out == nil {
			out = slices.Clone(toks)
		}
		out[i].Text = spelt
		ids[i] = id
	}
	if out == nil {
		return toks
	}
	return out
}
