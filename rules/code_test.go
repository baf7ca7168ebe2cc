package rules

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func codeStrings(l CodeList) []string {
	var s []string
	for _, c := range l.Codes {
		s = append(s, c.String())
	}
	return s
}

func invalidTexts(l CodeList) []string {
	var s []string
	for _, c := range l.Invalid {
		s = append(s, c.Text)
	}
	return s
}

func TestParseCodes(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      []string
		invalid   []string
		notListed bool
	}{
		{"dotted sub-item", "5A001.j", []string{"5A001.j"}, nil, false},
		{"glued sub-item", "5A001j", []string{"5A001.j"}, nil, false},
		{"spaced out", "5 A 001 j", []string{"5A001.j"}, nil, false},
		{"entry only", "4A005", []string{"4A005"}, nil, false},
		{"software entry", "4D004", []string{"4D004"}, nil, false},
		{"technology sub-item", "4E001.c", []string{"4E001.c"}, nil, false},
		{"legal-text trailing dot and case", "5a001.J.", []string{"5A001.j"}, nil, false},
		{"deep sub-items", "6A003.b.4.b", []string{"6A003.b.4.b"}, nil, false},
		{"glued deep sub-items", "5A001f1", []string{"5A001.f.1"}, nil, false},
		{"chemical numbered directly", "1C350.57", []string{"1C350.57"}, nil, false},
		{"leading zero in number sub-item", "1C350.057", []string{"1C350.57"}, nil, false},
		{"semicolon list", "5A001.j; 4A005;4D004", []string{"5A001.j", "4A005", "4D004"}, nil, false},
		{"comma slash list", "5A001.j, 4A005 / 4E001.c", []string{"5A001.j", "4A005", "4E001.c"}, nil, false},
		{"space list", "5A001.j 4A005 4D004", []string{"5A001.j", "4A005", "4D004"}, nil, false},
		{"space list with trailing dots", "5A001.f. 5A001.j.", []string{"5A001.f", "5A001.j"}, nil, false},
		{"conjunction", "5A001.j and 4A005", []string{"5A001.j", "4A005"}, nil, false},
		{"German conjunction", "5A001.j und 5D001.e", []string{"5A001.j", "5D001.e"}, nil, false},
		{"duplicates once", "4A005; 4a005; 4 A 005", []string{"4A005"}, nil, false},
		{"military", "ML10", []string{"ML10"}, nil, false},
		{"military lower case with sub-item", "ml16.a", []string{"ML16.a"}, nil, false},
		{"mixed with military", "ML1; 5A002", []string{"ML1", "5A002"}, nil, false},
		{"empty", "   ", nil, nil, false},
		{"Y901 not listed", "Y901", nil, nil, true},
		{"dash not listed", "-", nil, nil, true},
		{"n/a not listed", "N/A", nil, nil, true},
		{"bad group letter", "5F001", nil, []string{"5F001"}, false},
		{"UK national code", "PL5001", nil, []string{"PL5001"}, false},
		{"words", "End Use", nil, []string{"End Use"}, false},
		{"CN code", "84719000", nil, []string{"84719000"}, false},
		{"six digits", "5A0012", nil, []string{"5A0012"}, false},
		{"military out of range", "ML23", nil, []string{"ML23"}, false},
		{"code glued to word", "5A001xyz", nil, []string{"5A001xyz"}, false},
		{"valid and junk", "5A001.j; bogus", []string{"5A001.j"}, []string{"bogus"}, false},
		{"junk between codes", "4A005 see note 5D001", []string{"4A005", "5D001"}, []string{"see note"}, false},
		{"double dot", "5A001..j", nil, []string{"5A001..j"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseCodes(tt.in)
			if g := codeStrings(got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("ParseCodes(%q) codes = %q, want %q", tt.in, g, tt.want)
			}
			if g := invalidTexts(got); !reflect.DeepEqual(g, tt.invalid) {
				t.Errorf("ParseCodes(%q) invalid = %q, want %q", tt.in, g, tt.invalid)
			}
			if got.NotListed != tt.notListed {
				t.Errorf("ParseCodes(%q) NotListed = %v, want %v", tt.in, got.NotListed, tt.notListed)
			}
			for _, inv := range got.Invalid {
				if inv.Reason == "" {
					t.Errorf("invalid %q has no reason", inv.Text)
				}
			}
		})
	}
}

func TestParseCodesKinds(t *testing.T) {
	l := ParseCodes("5A001.j ML10")
	if len(l.Codes) != 2 || l.Codes[0].Kind != AnnexI || l.Codes[1].Kind != Military {
		t.Fatalf("kinds = %+v", l.Codes)
	}
	if !l.HasAnnexI() || !l.HasMilitary() {
		t.Errorf("HasAnnexI/HasMilitary = %v/%v", l.HasAnnexI(), l.HasMilitary())
	}
	if c := l.Codes[0].Category(); c != '5' {
		t.Errorf("Category = %q, want '5'", c)
	}
	if got := ParseCodes("5F001").Invalid[0].Reason; !strings.Contains(got, "A–E") {
		t.Errorf("reason for 5F001 = %q, want it to name the group letters", got)
	}
}

var canonicalCode = regexp.MustCompile(`^([0-9][A-E][0-9]{3}|ML([1-9]|1[0-9]|2[0-2]))(\.([a-z]|[0-9]{1,3}))*$`)

// FuzzParseCodes checks properties of the parser on any input: every code
// it returns is canonical and parses back to itself alone; invalid parts
// are non-empty valid UTF-8 with a reason; parsing is deterministic; and
// joining the canonical codes with ';' gives the same codes back.
func FuzzParseCodes(f *testing.F) {
	for _, s := range []string{"5A001.j", "5A001j", "5 A 001 j", "4A005", "4D004", "4E001.c",
		"5A001.j; 4A005, 4D004 / 4E001.c", "ML10 and 5A002", "1C350.57", "5F001 PL5001", "Y901",
		"5A001.f. 5A001.j.", "5A001..j", "ml 1 0", "0A001\x00", "６A003"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := ParseCodes(in)
		again := ParseCodes(in)
		if !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic for %q", in)
		}
		var canon []string
		for _, c := range got.Codes {
			s := c.String()
			if !canonicalCode.MatchString(s) {
				t.Fatalf("ParseCodes(%q) gave non-canonical %q", in, s)
			}
			back := ParseCodes(s)
			if len(back.Codes) != 1 || back.Codes[0].String() != s || len(back.Invalid) != 0 {
				t.Fatalf("canonical %q (from %q) parses to %+v", s, in, back)
			}
			canon = append(canon, s)
		}
		for _, inv := range got.Invalid {
			if strings.TrimSpace(inv.Text) == "" || !utf8.ValidString(inv.Text) || inv.Reason == "" {
				t.Fatalf("ParseCodes(%q) gave bad invalid part %+v", in, inv)
			}
		}
		if len(canon) > 0 {
			joined := ParseCodes(strings.Join(canon, "; "))
			if g := codeStrings(joined); !reflect.DeepEqual(g, canon) || len(joined.Invalid) != 0 {
				t.Fatalf("round trip of %q: %q → %q", in, canon, g)
			}
		}
	})
}
