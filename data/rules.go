package data

import "embed"

// RuleTables holds the default rule tables of package rules: destination
// measures, the EU001 destinations, Annex II Section I, Annex IV, the
// cyber-surveillance codes and description keywords, and the EU member
// states. They are our own CSV files; each row carries its legal basis, a
// verification status (V, S or U) and the date it was last checked, so a hit
// can say where its rule came from. See rules/README.md.
//
//go:embed rules/*.csv rules/README.md
var RuleTables embed.FS
