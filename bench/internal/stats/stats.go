// Package stats holds the figures the benchmark programs print.
package stats

import (
	"fmt"
	"slices"
	"time"
)

// Quantile is the q-quantile of ds (0.5 the median, 0.99 the p99), the nearest rank
// below; it sorts ds. It is 0 for none.
func Quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[min(len(ds)-1, int(float64(len(ds))*q))]
}

// Ms formats d in milliseconds with one decimal.
func Ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
