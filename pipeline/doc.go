// Package pipeline runs a screening job: a Source of shipment batches, the
// stages that add evidence to each row, and a Sink that writes rows in input
// order and publishes its file atomically.
package pipeline
