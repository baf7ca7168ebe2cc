//go:build !unix

package parquetio_test

import "time"

// processCPU is not measured outside Unix; the metric then reads 0.
func processCPU() time.Duration { return 0 }
