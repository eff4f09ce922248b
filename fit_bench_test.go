package sms

import "testing"

var sinkFit FitResult

// fitTarget is the segment count the benchmarks fit each shape to: half its
// own, so that every shape is cut.
func fitTarget(body string) int { return max(1, Analyze(body).Segments/2) }

// BenchmarkFit fits each benchmark shape to half its segments (wall clock;
// BenchmarkFitRatios gives the ratio to Analyze).
func BenchmarkFit(b *testing.B) {
	for _, sh := range benchShapes {
		n := fitTarget(sh.body)
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.body)))
			b.ReportAllocs()
			for b.Loop() {
				sinkFit, _ = Fit(sh.body, n)
			}
		})
	}
}

// BenchmarkFitWhole fits each shape to its own segment count: nothing is
// cut, and Fit costs one analysis of the suffix and one of the body.
func BenchmarkFitWhole(b *testing.B) {
	for _, sh := range benchShapes {
		n := Analyze(sh.body).Segments
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.body)))
			b.ReportAllocs()
			for b.Loop() {
				sinkFit, _ = Fit(sh.body, n)
			}
		})
	}
}
