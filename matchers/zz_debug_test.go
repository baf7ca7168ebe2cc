package matchers_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/matchers"
)

func TestZZDebug(t *testing.T) {
	qs := strings.Split(os.Getenv("DBGQ"), "|")
	entries := loadAll(t)
	for _, q := range qs {
		t.Logf("Q %q -> %q", q, matchers.Normalise(q).String())
		for _, e := range entries {
			for _, n := range e.Names {
				if strings.EqualFold(n.Value, q) {
					for _, n2 := range e.Names {
						t.Logf("   %s:%s %s %q -> %q", e.List, e.ID, n2.Kind, n2.Value, matchers.Normalise(n2.Value).String())
					}
				}
			}
		}
	}
}
