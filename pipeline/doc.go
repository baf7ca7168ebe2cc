// Package pipeline runs a screening job: a Source of shipment batches, the
// stages that add evidence to each row, and a Sink that writes rows in input
// order and publishes its file atomically.
//
// The flow is
//
//	Source.Next → worker pool: Extract (normalise) → Stages (parties, rules) → Decider
//	            → reorder buffer (by Batch.Seq) → Sink.Write → Sink.Commit
//
// Memory is bounded by the number of batches in flight, not by the row
// count: the reader takes a token before reading a batch and the writer
// gives it back after the batch is written, so at most InFlight batches
// exist at once however slow one of them is. The party stage caches match
// results per distinct name in a cache with a fixed number of entries.
//
// Output order never depends on scheduling: batches carry their input
// position (Seq), the writer restores it, and hits are sorted with
// evidence.SortHits before the decision. The same inputs therefore give
// byte-identical output with any number of workers.
//
// The concrete sources and sinks live in pipeline/parquetio (Arrow Parquet
// reader and writer) and pipeline/textio (JSON lines and CSV). This package
// knows nothing of the matcher or the rules behind its interfaces.
package pipeline
