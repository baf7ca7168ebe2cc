// Package parquetio reads shipments from Parquet with the Arrow record
// reader (Source) and writes screened rows back to Parquet with the hits as
// a nested list of structs (Sink).
//
// The Source accepts files, globs and directories (walked recursively, with
// hive partition folders such as destination_country=RU becoming string
// columns), reads every footer up front so that a missing column or a file
// that is not Parquet fails before any row is screened, and then streams
// record batches of Options.BatchSize rows, one file at a time. With
// Options.ReadDictionaries, text columns stored with small dictionaries
// arrive as Arrow dictionaries of the schema's strings (dictread.go); the
// Sink writes them as those strings, so the output is the same.
package parquetio
