package lists

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"unicode"
)

// XML lists are read as a token stream: the decoder walks the document and
// decodes one record element at a time, so memory stays bounded by the
// largest record, not the file.

// xmlStream calls root once with the document element, then record for
// every element whose local name is in records, wherever it sits. record
// decodes the element itself (dec.DecodeElement) and is given the line the
// element starts on. A syntax error ends the read with its line.
func xmlStream(ctx context.Context, r io.Reader, path string, records map[string]bool,
	root func(se xml.StartElement) error, record func(dec *xml.Decoder, se xml.StartElement, line int) error) error {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("unsupported XML encoding %q (want UTF-8)", label)
	}
	first := true
	for n := 0; ; n++ {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if first {
				return fmt.Errorf("%s: no XML document element", path)
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("%s: line %d: %v", path, se.Line, se.Msg)
			}
			return fmt.Errorf("%s: line %d: %w", path, line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if first {
			first = false
			if err := root(se); err != nil {
				return err
			}
			continue
		}
		if !records[se.Name.Local] {
			continue
		}
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := record(dec, se, line); err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("%s: line %d: %v", path, se.Line, se.Msg)
			}
			return fmt.Errorf("%s: line %d: %w", path, line, err)
		}
	}
}

// scriptOf names the script of a name's letters as an ISO 15924 code
// ("Arab", "Cyrl", "Hani"), or "" for Latin or mixed text. Lists that give
// names in their original script say so this way in Name.Lang, which lets
// a matcher route them to transliteration.
func scriptOf(s string) string {
	scripts := []struct {
		code string
		tab  *unicode.RangeTable
	}{
		{"Cyrl", unicode.Cyrillic}, {"Arab", unicode.Arabic}, {"Hani", unicode.Han}, {"Hang", unicode.Hangul},
		{"Grek", unicode.Greek}, {"Hebr", unicode.Hebrew}, {"Thai", unicode.Thai}, {"Geor", unicode.Georgian},
		{"Armn", unicode.Armenian}, {"Deva", unicode.Devanagari}, {"Kana", unicode.Katakana}, {"Hira", unicode.Hiragana},
		{"Ethi", unicode.Ethiopic}, {"Mymr", unicode.Myanmar}, {"Khmr", unicode.Khmer},
	}
	found := ""
	for _, r := range s {
		if r < 0x80 || !unicode.IsLetter(r) {
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			continue
		}
		for _, sc := range scripts {
			if unicode.Is(sc.tab, r) {
				if found != "" && found != sc.code {
					return "" // mixed scripts: leave untagged
				}
				found = sc.code
				break
			}
		}
	}
	return found
}
