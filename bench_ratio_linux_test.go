//go:build linux

package sms

import (
	"runtime"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/cputime"
)

// BenchmarkAnalyzeRatios reports, for each shape, the throughput of Analyze
// over utf8.ValidString on the same bytes (want >= 0.25 on the ASCII and GSM
// shapes, >= 0.3 on the UCS-2 ones). The two run interleaved on one locked
// thread and are timed in thread CPU time, so that a busy machine skews
// neither side; BenchmarkAnalyze and BenchmarkUTF8Valid give wall-clock
// figures for benchstat.
func BenchmarkAnalyzeRatios(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			reps := 1 + 20000/(len(sh.body)/64+1)
			var ta, tv time.Duration
			for b.Loop() {
				s := cputime.Thread()
				for range reps {
					sinkAnalysis = Analyze(sh.body)
				}
				ta += cputime.Thread() - s
				s = cputime.Thread()
				for range reps {
					sinkBool = utf8.ValidString(sh.body)
				}
				tv += cputime.Thread() - s
			}
			b.ReportMetric(float64(tv)/float64(ta), "analyze/valid")
			b.ReportMetric(0, "ns/op")
		})
	}
}
