package lists_test

import (
	"context"
	"fmt"

	"github.com/dualscreen/dualscreen/lists"
)

// Load detects the format from the file's content and name; the entries
// of every format share one model.
func ExampleLoad() {
	l, err := lists.Load(context.Background(), "testdata/un/consolidated.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.ID, l.Format, l.Date)
	for _, e := range l.Entries {
		fmt.Println(e.ID, e.Type, e.PrimaryName(), e.Countries)
		for _, n := range e.Names[1:] {
			fmt.Printf("  %s %q", n.Kind, n.Value)
			if n.Lang != "" {
				fmt.Print(" ", n.Lang)
			}
			fmt.Println()
		}
	}
	for _, p := range l.Problems {
		fmt.Println("skipped:", p)
	}
	// Output:
	// un_sc un-xml 2026-02-27
	// QDi.900 person ABDUL RAHMAN AL-TESTI [IR SY]
	//   aka "Abd al-Rahman al-Tisti"
	//   weak "Abu Rahma"
	//   aka "عبد الرحمن التستي" Arab
	// KPe.900 organisation KOREA TESTING TRADING CORPORATION [KP]
	//   aka "KOTTC"
	//   fka "조선시험무역회사" Hang
	// skipped: testdata/un/consolidated.xml:77: <INDIVIDUAL> without REFERENCE_NUMBER (DATAID "6908012")
}

// A format named before the file overrides detection.
func ExampleLoad_override() {
	l, err := lists.Load(context.Background(), "bis-dpl=testdata/bis_dpl/dpl.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	e := l.Entries[0]
	fmt.Println(l.ID, len(l.Entries), e.PrimaryName(), e.ListedOn, e.Addresses[0].Country)
	// Output:
	// us_bis_dpl 4 DAQING ZHOU 2006-11-09 US
}
