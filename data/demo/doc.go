// Package demo holds what `dualscreen demo` needs offline: an in-house
// restricted-party list written for the demo (ListCSV) and a deterministic
// generator of realistic shipment batches (Write).
//
// The list mixes demo copies of entries on public lists (names of listed
// parties are public facts) with fictional parties; it is not a substitute
// for the official lists. The generator draws consignees from a pool of
// names in many countries and scripts with a Zipf distribution, because
// real consignees repeat: a few customers take most shipments and a long
// tail ships once or twice. A few hundred rows carry planted spelling
// variants of list names, which a screening run should find.
package demo

import _ "embed"

// ListCSV is the demo restricted-party list in the in-house CSV format
// (id,name,aliases,type,countries,programs,notes).
//
//go:embed list.csv
var ListCSV []byte

// ListFileName is the name the demo writes the list under.
const ListFileName = "demo_list.csv"
