package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dualscreen/dualscreen/rules"
)

// runRules handles `dualscreen rules show`: it prints the effective rules —
// the embedded tables overlaid with an optional policy file — with the
// source, legal basis, verification status and last-checked date of each.
func runRules(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "rules", `rules show [--policy FILE] [--section NAME ...]

Prints the effective screening rules and where each comes from: the embedded
tables in data/rules (file and row) or the policy file. Sections: `+strings.Join(rules.ShowSections, ", ")+`.`)
	policy := fs.String("policy", "", "TOML policy file overlaid on the embedded defaults")
	var sections multiFlag
	fs.Var(&sections, "section", "print only this section (repeatable)")
	if len(args) == 0 || args[0] != "show" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			return parseFlags(fs, args)
		}
		fs.Usage()
		return usagef("rules: want the subcommand show")
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rules show: unexpected argument %q", fs.Arg(0))
	}
	var (
		p   *rules.Policy
		err error
	)
	if *policy != "" {
		p, err = rules.LoadPolicy(*policy)
		if err != nil {
			return inputError(err)
		}
	} else if p, err = rules.DefaultPolicy(); err != nil {
		return fmt.Errorf("embedded rule tables: %w", err)
	}
	if err := rules.WriteRules(e.stdout, p, sections...); err != nil {
		return usagef("rules show: %v", err)
	}
	return nil
}
