package main

import (
	"context"
	"fmt"
)

func runPlot(ctx context.Context, args []string) error { return fmt.Errorf("plot: not built yet") }
