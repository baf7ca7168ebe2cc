package main

import (
	"github.com/dualscreen/dualscreen/rules"
)

// applyPolicy wires the destination and goods rules and the decision policy
// into c: the embedded defaults, overlaid with c.PolicyFile when given. The
// policy's party threshold applies unless --threshold was given. A config
// that already carries Rules or a Decider (tests) is left as it is.
func applyPolicy(c screenConfig) (screenConfig, error) {
	if c.Rules != nil || c.Decider != nil {
		return c, nil
	}
	var (
		p   *rules.Policy
		err error
	)
	if c.PolicyFile != "" {
		p, err = rules.LoadPolicy(c.PolicyFile)
		if err != nil {
			return c, inputError(err)
		}
	} else if p, err = rules.DefaultPolicy(); err != nil {
		return c, err // the embedded tables are part of the binary: a bug, not bad input
	}
	engine, err := rules.NewEngine(p)
	if err != nil {
		return c, err
	}
	c.Rules, c.Decider = engine, p
	if !c.ThresholdSet {
		c.Threshold = p.PartyThreshold
	}
	return c, nil
}
