// Package textio writes screened rows as JSON lines or CSV: every input
// column, then flagged, risk_score, priority, reasons and hits.
//
// In JSON lines each row is one object whose keys are the input column
// names in input order followed by the decision fields; hits is an array of
// objects with exactly the keys of contract.md. In CSV, reasons are joined
// with ';' and hits is one JSON string cell, and every text cell that a
// spreadsheet would run as a formula is neutralised (see Neutralise).
package textio
