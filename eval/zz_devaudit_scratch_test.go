package eval

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// Scratch (not committed): explain variant matches of tune-a positives.
func TestZZDevauditScratch(t *testing.T) {
	if os.Getenv("DEVAUDIT") == "" {
		t.Skip()
	}
	ls, err := lists.LoadDir(context.Background(), "/work/shared/data/restricted_parties")
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]*lists.Entry{}
	for _, l := range ls {
		for _, e := range l.Entries {
			byKey[EntryKey(e.List, e.ID)] = e
		}
	}
	d := Derive(ls, []string{"X"}, DevSetOptions{})
	out, _ := os.Create("/tmp/devaudit-explain.txt")
	defer out.Close()
	for _, p := range d.Pairs {
		if !p.Label || p.HeldOut || Part(p) != PartTuneA {
			continue
		}
		e := byKey[p.Targets[0]]
		a := longParts(p.Query)
		var why []string
		for _, n := range e.Names {
			if n.Value == p.Query || n.Kind == lists.NameWeak {
				continue
			}
			b := longParts(n.Value)
			short, long := a, b
			if len(b) < len(a) {
				short, long = b, a
			}
			if len(short) == 0 || !allFound(short, long) {
				continue
			}
			var ws []string
			for _, s := range short {
				best := ""
				for i, q := range long {
					if s == q {
						best = "="
						break
					}
					if i+1 < len(long) && s == q+long[i+1] {
						best = "join"
					}
					if v := jw.Compare(s, q); v >= 0.85 && best == "" {
						best = fmt.Sprintf("%s~%s %.2f", s, q, v)
					}
				}
				if best != "=" {
					ws = append(ws, best)
				}
			}
			why = append(why, fmt.Sprintf("[%s: %s]", n.Value, strings.Join(ws, ", ")))
			break
		}
		fmt.Fprintf(out, "%s\t%q\t%s\n", p.Source, p.Query, strings.Join(why, " "))
	}
}
