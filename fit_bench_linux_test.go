//go:build linux

package sms

import (
	"runtime"
	"testing"
	"time"

	"github.com/smsgauge/sms/internal/cputime"
)

// BenchmarkFitRatios reports, for each shape, how many times longer Fit takes
// than Analyze on the same body ("fit/analyze"), fitting to half the shape's
// segments so that it is cut, and to all of them ("whole/analyze"), so that
// it is not. The three run interleaved on one locked thread and are timed in
// thread CPU time, as BenchmarkAnalyzeRatios does.
func BenchmarkFitRatios(b *testing.B) {
	for _, sh := range singleBodyShapes() {
		n := fitTarget(sh.Bodies[0])
		whole := Analyze(sh.Bodies[0]).Segments
		b.Run(sh.Name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			reps := 1 + 20000/(len(sh.Bodies[0])/64+1)
			var ta, tf, tw time.Duration
			for b.Loop() {
				s := cputime.Thread()
				for range reps {
					sinkAnalysis = Analyze(sh.Bodies[0])
				}
				ta += cputime.Thread() - s
				s = cputime.Thread()
				for range reps {
					sinkFit, _ = Fit(sh.Bodies[0], n)
				}
				tf += cputime.Thread() - s
				s = cputime.Thread()
				for range reps {
					sinkFit, _ = Fit(sh.Bodies[0], whole)
				}
				tw += cputime.Thread() - s
			}
			b.ReportMetric(float64(tf)/float64(ta), "fit/analyze")
			b.ReportMetric(float64(tw)/float64(ta), "whole/analyze")
			b.ReportMetric(0, "ns/op")
		})
	}
}
