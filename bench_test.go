package sms

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/gen/corpus"
)

var (
	sinkAnalysis Analysis
	sinkBool     bool
	sinkSegments []Segment
	sinkInt      int
)

// benchBody repeats unit until it holds n characters (runes).
func benchBody(unit string, n int) string {
	var b strings.Builder
	for k := 0; k < n; {
		for _, r := range unit {
			if k == n {
				break
			}
			b.WriteRune(r)
			k++
		}
	}
	return b.String()
}

// corpusBodies reads testdata/corpus/mixed.txt (see internal/gen/corpus).
func corpusBodies() []string {
	data, err := os.ReadFile("testdata/corpus/mixed.txt")
	if err != nil {
		panic(err)
	}
	bodies, err := corpus.Parse(data)
	if err != nil {
		panic(err)
	}
	return bodies
}

// benchShape is a named list of bodies, measured one after the other.
type benchShape struct {
	name   string
	bodies []string
	bytes  int // their total length
}

func shape(name string, bodies ...string) benchShape {
	n := 0
	for _, b := range bodies {
		n += len(b)
	}
	return benchShape{name, bodies, n}
}

// The shapes, by name. Each is measured with Analyze and with utf8.Valid on
// the same bytes in the same run, so that their ratio can be read off.
var benchShapes = []benchShape{
	shape("ASCII160", benchBody("Your code is 4821. It expires in 10 minutes; do not share it with anyone! ", 160)),
	shape("ASCII1600", benchBody("Your code is 4821. It expires in 10 minutes; do not share it with anyone! ", 1600)),
	shape("GSMExt1600", benchBody("Total: 25€ [incl. tax] {ref: A|B} ~ see £ ¥ à é ü ñ ^ \\ ", 1600)),
	shape("Cyrillic1600", benchBody("Ваш код подтверждения 4821, никому его не сообщайте. ", 1600)),
	shape("CJK1600", benchBody("您的验证码是四八二一，请勿告诉任何人。有效期十分钟。", 1600)),
	shape("Emoji1600", benchBody("Party tonight 🎉🎉 bring snacks 🍕🍔 and drinks 🍺 see you there 😀👍🏽❤️ ", 1600)),
	shape("Corpus", corpusBodies()...),
	shape("Mixed64K", benchBody("Hello! Привет! 你好! こんにちは 🎉 Hej å ä ö. Total 5€ [ok] e\u0301 👨\u200D👩\u200D👧 🇫🇷 ", 64*1024)),
}

// benchEach runs f on every body of every shape, b.N times a shape.
func benchEach(b *testing.B, f func(body string)) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(sh.bytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range sh.bodies {
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
		as := make([]Analysis, len(sh.bodies))
		for i, body := range sh.bodies {
			as[i] = Analyze(body)
		}
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(sh.bytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range as {
					sinkSegments = a.AppendSplit(buf[:0])
				}
			}
		})
	}
}

func BenchmarkEncodeSegments(b *testing.B) {
	buf := make([]byte, 0, 1<<20)
	parts := make([]Part, 0, 4096)
	var o EncodeOptions
	benchEach(b, func(body string) { buf, parts, _ = o.AppendSegments(buf[:0], parts[:0], body) })
}

func TestAnalyzeAllocs(t *testing.T) {
	bodies := []string{"", "\xff\xfe\u0301", strings.Repeat("👩\u200D", 40)}
	for _, sh := range benchShapes {
		bodies = append(bodies, sh.bodies...)
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
