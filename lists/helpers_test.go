package lists

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// mustEntry returns the entry with the given id or fails the test.
func mustEntry(t *testing.T, l *List, id string) *Entry {
	t.Helper()
	for _, e := range l.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("%s: no entry %q among %d", l.ID, id, len(l.Entries))
	return nil
}

// namesOf lists an entry's names as "kind:value".
func namesOf(e *Entry) []string {
	var out []string
	for _, n := range e.Names {
		out = append(out, string(n.Kind)+":"+n.Value)
	}
	return out
}

// idsOf lists an entry's identifiers as "scheme:type=value@country".
func idsOf(e *Entry) []string {
	var out []string
	for _, id := range e.Identifiers {
		out = append(out, id.Scheme+":"+id.Type+"="+id.Value+"@"+id.Country)
	}
	return out
}

func wantStrings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// wantProblems checks the problems as "base:line: reason-substring".
func wantProblems(t *testing.T, l *List, want []string) {
	t.Helper()
	if len(l.Problems) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(l.Problems), len(want), l.Problems)
		return
	}
	for i, p := range l.Problems {
		file, rest, _ := strings.Cut(want[i], ":")
		line, reason, _ := strings.Cut(rest, ": ")
		got := p.String()
		if !strings.Contains(p.File, file) || !strings.Contains(got, ":"+line+": ") || !strings.Contains(p.Reason, reason) {
			t.Errorf("problem %d = %q, want %s line %s containing %q", i, got, file, line, reason)
		}
	}
}

// checkWellFormed is the property every reader guarantees for what it
// returns: each entry has a list id, an id, a primary name first, and
// valid-UTF-8, trimmed names.
func checkWellFormed(t testing.TB, l *List) {
	t.Helper()
	for i, e := range l.Entries {
		if e.ID == "" || e.List == "" || len(e.Names) == 0 || e.Names[0].Value == "" {
			t.Fatalf("entry %d has no id, list or name: %+v", i, e)
		}
		if e.Names[0].Kind != NamePrimary {
			t.Fatalf("entry %s: first name %q is %s, not primary", e.ID, e.Names[0].Value, e.Names[0].Kind)
		}
		if e.List != l.ID {
			t.Fatalf("entry %s: list %q in list %q", e.ID, e.List, l.ID)
		}
		for _, n := range e.Names {
			if n.Value == "" || n.Value != strings.TrimSpace(n.Value) || !utf8.ValidString(n.Value) {
				t.Fatalf("entry %s: bad name %q", e.ID, n.Value)
			}
		}
		for _, c := range e.Countries {
			if len(c) != 2 || strings.ToUpper(c) != c {
				t.Fatalf("entry %s: country %q is not ISO2", e.ID, c)
			}
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"":                "",
		"ABC":             "ABC",
		"  ABC  DEF ":     "ABC DEF",
		"A\tB\r\nC":       "A B C",
		"Сергей  АКСЁНОВ": "Сергей АКСЁНОВ",
		"A\u00a0B":        "A B",
		"bad\xffbyte":     "bad\uFFFDbyte",
		"ok \u2013 dash":  "ok \u2013 dash",
		"trailing\u3000":  "trailing",
		"ctl\x01char":     "ctl\x01char",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
		if got := clean(clean(in)); got != clean(in) {
			t.Errorf("clean is not idempotent on %q", in)
		}
	}
}
