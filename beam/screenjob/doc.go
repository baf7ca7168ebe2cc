// Package screenjob runs `dualscreen screen` as an Apache Beam pipeline, so
// that the same screening runs on Prism (in-process), Flink, Spark or Google
// Dataflow when one machine is not enough.
//
// The pipeline is
//
//	row groups (from the Parquet footers, read at launch)
//	  → Reshuffle (spread the row groups over the workers)
//	  → screenFn: read one row group with Arrow (parquetio.OpenRowGroup),
//	    pipeline.Screen each batch with the party stage over the list index,
//	    count rows and flags as Beam metrics, emit the flagged rows
//	    (Arrow IPC + decisions and hits) keyed by output shard
//	  → GroupByKey (one group per shard, every shard present even if empty)
//	  → writeShardFn: sort the shard's pieces into input order and write them
//	    with parquetio.Sink to DIR/part-SSSSS-of-NNNNN.parquet
//
// The stages, the decider and the Parquet sink are the single-machine ones
// (packages pipeline, pipeline/parquetio, lists, matchers): this package
// only distributes them. Each worker process builds the list index once per
// distinct configuration (a process-wide cache filled in the DoFn's Setup),
// so a worker pays for the index once however many bundles it runs.
//
// Shard i holds a contiguous range of row groups, so reading the shards in
// name order gives the flagged rows in input order, as `dualscreen screen`
// writes them; a shard is written atomically (temporary file, then rename),
// so a retried bundle rewrites the same file.
package screenjob
