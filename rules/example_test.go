package rules_test

import (
	"fmt"

	"github.com/dualscreen/dualscreen/evidence"
	"github.com/dualscreen/dualscreen/rules"
)

func ExampleParseCodes() {
	l := rules.ParseCodes("5 A 001 j; 4A005, ML10 / 5F001")
	for _, c := range l.Codes {
		fmt.Println(c)
	}
	for _, bad := range l.Invalid {
		fmt.Printf("invalid %q: %s\n", bad.Text, bad.Reason)
	}
	// Output:
	// 5A001.j
	// 4A005
	// ML10
	// invalid "5F001": group letter must be A–E (Annex I, Reg. (EU) 2021/821)
}

func ExampleEngine_Check() {
	p, err := rules.DefaultPolicy()
	if err != nil {
		panic(err)
	}
	e, err := rules.NewEngine(p)
	if err != nil {
		panic(err)
	}
	s := &evidence.Shipment{ConsigneeName: "OOO Example", Destination: "Russian Federation", ControlCode: "5A001.j"}
	hits := e.Check(s, nil)
	for _, h := range hits {
		fmt.Printf("%s %s %.1f\n", h.Reason, h.Role, h.Score)
	}
	d := p.Decide(s, hits)
	fmt.Println(d.Priority, d.RiskScore, d.Reasons)
	// Output:
	// EMBARGOED_DESTINATION destination 1.0
	// MILITARY_END_USE_CATCH_ALL destination 0.8
	// CYBER_SURVEILLANCE_CATCH_ALL destination 1.0
	// high 1 [CYBER_SURVEILLANCE_CATCH_ALL EMBARGOED_DESTINATION MILITARY_END_USE_CATCH_ALL]
}
