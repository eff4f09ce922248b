//go:build linux

package sms

import (
	"runtime"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/cputime"
	"github.com/smsgauge/sms/internal/grapheme"
	"github.com/smsgauge/sms/internal/swar"
)

// floorScan is the least any UCS-2 count must do: take ASCII a word at a
// time, and decode every other rune and look up whether it may join a
// neighbour. It counts nothing a bill needs.
func floorScan(s string) (n int) {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			j := swar.ASCIIEnd(s, i)
			n += j - i
			i = j
			continue
		}
		r, k := grapheme.DecodeAt(s, i)
		if grapheme.IsJoiner(r) {
			n++
		}
		i += k
	}
	return n
}

func TestFloorScan(t *testing.T) {
	// ASCII bytes and joiners are counted.
	for body, want := range map[string]int{"": 0, "abc": 3, "e\u0301": 2, "ж😀\xff": 0, "a\u200D👩 ok": 5} {
		if got := floorScan(body); got != want {
			t.Errorf("floorScan(%q) = %d, want %d", body, got, want)
		}
	}
}

// BenchmarkFloorRatios reports, for each shape, the throughput of
// floorScan and of Analyze over utf8.ValidString (floor/valid,
// analyze/valid), and of Analyze over floorScan (analyze/floor): how far
// Analyze is from the least work a count of the same text must do. Timed
// as BenchmarkAnalyzeRatios is.
func BenchmarkFloorRatios(b *testing.B) {
	fs := []func(string){
		func(body string) { sinkBool = utf8.ValidString(body) },
		func(body string) { sinkInt += floorScan(body) },
		func(body string) { sinkAnalysis = Analyze(body) },
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
							f(body)
						}
					}
					t[k] += cputime.Thread() - s
				}
			}
			b.ReportMetric(float64(t[0])/float64(t[1]), "floor/valid")
			b.ReportMetric(float64(t[0])/float64(t[2]), "analyze/valid")
			b.ReportMetric(float64(t[1])/float64(t[2]), "analyze/floor")
			b.ReportMetric(0, "ns/op")
		})
	}
}
