// Package hotpath holds microbenchmarks for hot spots the end-to-end
// profiles found outside the benchmarks module (in code other packages
// own), each comparing the current call with the suggested one so the gain
// can be measured with benchstat before the change is made.
package hotpath
