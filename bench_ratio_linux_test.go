//go:build linux

package sms

import (
	"runtime"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/cputime"
)

// BenchmarkAnalyzeRatios reports, for each shape, throughput ratios of
// functions run on the same bytes: Analyze over utf8.ValidString
// (analyze/valid: want >= 0.25 on the ASCII and GSM shapes, >= 0.3 on the
// UCS-2 ones, >= 0.5 on Corpus), and Split, SplitSeq, AppendSplit into a
// reused slice and EncodeOptions.AppendSegments into a reused buffer over
// Analyze (split/analyze and the like: want >= 0.5). Package pdu's
// BenchmarkEncodeRatios measures encode/analyze on the same shapes. They run interleaved on one locked thread and are timed
// in thread CPU time, so that a busy machine skews no side;
// BenchmarkAnalyze and the others give wall-clock figures for benchstat.
func BenchmarkAnalyzeRatios(b *testing.B) {
	segs := make([]Segment, 0, 4096)
	fs := []struct {
		name string // the metric: name/analyze, or analyze/valid for the first
		f    func(string)
	}{
		{"valid", func(body string) { sinkBool = utf8.ValidString(body) }},
		{"analyze", func(body string) { sinkAnalysis = Analyze(body) }},
		{"split", func(body string) { sinkSegments = Split(body) }},
		{"splitseq", func(body string) {
			for s := range SplitSeq(body) {
				sinkInt += s.Units
			}
		}},
		{"appendsplit", func(body string) { sinkSegments = AppendSplit(segs[:0], body) }},
	}
	for _, sh := range benchShapes {
		b.Run(sh.Name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			reps := 1 + 20000/(sh.Bytes/64+1)
			t := make([]time.Duration, len(fs))
			for b.Loop() {
				for k, f := range fs {
					s := cputime.Thread()
					for range reps {
						for _, body := range sh.Bodies {
							f.f(body)
						}
					}
					t[k] += cputime.Thread() - s
				}
			}
			b.ReportMetric(float64(t[0])/float64(t[1]), "analyze/valid")
			for k := 2; k < len(fs); k++ {
				b.ReportMetric(float64(t[1])/float64(t[k]), fs[k].name+"/analyze")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}
