package sms

import (
	"testing"

	"github.com/smsgauge/sms/internal/benchshape"
)

var sinkFit FitResult

// fitTarget is the segment count the benchmarks fit each shape to: half its
// own, so that every shape is cut.
func fitTarget(body string) int { return max(1, Analyze(body).Segments/2) }

// BenchmarkFit fits each benchmark shape to half its segments (wall clock;
// BenchmarkFitRatios gives the ratio to Analyze).
func BenchmarkFit(b *testing.B) {
	for _, sh := range singleBodyShapes() {
		n := fitTarget(sh.Bodies[0])
		b.Run(sh.Name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.Bodies[0])))
			b.ReportAllocs()
			for b.Loop() {
				sinkFit, _ = Fit(sh.Bodies[0], n)
			}
		})
	}
}

// BenchmarkFitWhole fits each shape to its own segment count: nothing is
// cut, and Fit costs one analysis of the suffix and one of the body.
func BenchmarkFitWhole(b *testing.B) {
	for _, sh := range singleBodyShapes() {
		n := Analyze(sh.Bodies[0]).Segments
		b.Run(sh.Name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.Bodies[0])))
			b.ReportAllocs()
			for b.Loop() {
				sinkFit, _ = Fit(sh.Bodies[0], n)
			}
		})
	}
}

// singleBodyShapes are the benchmark shapes of one body each: a fit is of
// one body, so the corpus of many is left to the other benchmarks.
func singleBodyShapes() []benchshape.Shape {
	var out []benchshape.Shape
	for _, sh := range benchShapes {
		if len(sh.Bodies) == 1 {
			out = append(out, sh)
		}
	}
	return out
}
