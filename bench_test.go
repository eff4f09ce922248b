package sms

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/benchshape"
)

var (
	sinkAnalysis Analysis
	sinkBool     bool
	sinkSegments []Segment
	sinkInt      int
)

// benchShapes are the shapes of every benchmark (internal/benchshape).
var benchShapes = benchshape.All()

// benchEach runs f on every body of every shape, b.N times a shape.
func benchEach(b *testing.B, f func(body string)) {
	for _, sh := range benchShapes {
		b.Run(sh.Name, func(b *testing.B) {
			b.SetBytes(int64(sh.Bytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range sh.Bodies {
					f(body)
				}
			}
		})
	}
}

func BenchmarkAnalyze(b *testing.B) {
	benchEach(b, func(body string) { sinkAnalysis = Analyze(body) })
}

func BenchmarkUTF8Valid(b *testing.B) {
	benchEach(b, func(body string) { sinkBool = utf8.ValidString(body) })
}

func BenchmarkSplit(b *testing.B) {
	benchEach(b, func(body string) { sinkSegments = Split(body) })
}

func BenchmarkSplitSeq(b *testing.B) {
	benchEach(b, func(body string) {
		for s := range SplitSeq(body) {
			sinkInt += s.Units
		}
	})
}

func BenchmarkAppendSplit(b *testing.B) {
	buf := make([]Segment, 0, 4096)
	benchEach(b, func(body string) { sinkSegments = AppendSplit(buf[:0], body) })
}

// BenchmarkAnalysisAppendSplit is the walk of an Analysis alone.
func BenchmarkAnalysisAppendSplit(b *testing.B) {
	buf := make([]Segment, 0, 4096)
	for _, sh := range benchShapes {
		as := make([]Analysis, len(sh.Bodies))
		for i, body := range sh.Bodies {
			as[i] = Analyze(body)
		}
		b.Run(sh.Name, func(b *testing.B) {
			b.SetBytes(int64(sh.Bytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range as {
					sinkSegments = a.AppendSplit(buf[:0])
				}
			}
		})
	}
}

func TestAnalyzeAllocs(t *testing.T) {
	bodies := []string{"", "\xff\xfe\u0301", strings.Repeat("👩\u200D", 40)}
	for _, sh := range benchShapes {
		bodies = append(bodies, sh.Bodies...)
	}
	for _, tc := range twilioCases {
		bodies = append(bodies, tc.body)
	}
	for _, body := range bodies {
		if n := testing.AllocsPerRun(20, func() { sinkAnalysis = Analyze(body) }); n != 0 {
			t.Errorf("Analyze(%.20q) makes %v allocations, want 0", body, n)
		}
		b := []byte(body)
		if n := testing.AllocsPerRun(20, func() { sinkAnalysis = AnalyzeBytes(b) }); n != 0 {
			t.Errorf("AnalyzeBytes(%.20q) makes %v allocations, want 0", body, n)
		}
		if n := testing.AllocsPerRun(20, func() { sinkAnalysis, _ = (Options{UDH16: true}).Analyze(body) }); n != 0 {
			t.Errorf("Options.Analyze(%.20q) makes %v allocations, want 0", body, n)
		}
	}
}
