package sms

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var (
	sinkAnalysis Analysis
	sinkBool     bool
	sinkSegments []Segment
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

// The shapes, by name. Each is measured with Analyze and with utf8.Valid on
// the same bytes in the same run, so that their ratio can be read off.
var benchShapes = []struct {
	name string
	body string
}{
	{"ASCII160", benchBody("Your code is 4821. It expires in 10 minutes; do not share it with anyone! ", 160)},
	{"ASCII1600", benchBody("Your code is 4821. It expires in 10 minutes; do not share it with anyone! ", 1600)},
	{"GSMExt1600", benchBody("Total: 25€ [incl. tax] {ref: A|B} ~ see £ ¥ à é ü ñ ^ \\ ", 1600)},
	{"Cyrillic1600", benchBody("Ваш код подтверждения 4821, никому его не сообщайте. ", 1600)},
	{"CJK1600", benchBody("您的验证码是四八二一，请勿告诉任何人。有效期十分钟。", 1600)},
	{"Emoji1600", benchBody("Party tonight 🎉🎉 bring snacks 🍕🍔 and drinks 🍺 see you there 😀👍🏽❤️ ", 1600)},
	{"Mixed64K", benchBody("Hello! Привет! 你好! こんにちは 🎉 Hej å ä ö. Total 5€ [ok] e\u0301 👨\u200D👩\u200D👧 🇫🇷 ", 64*1024)},
}

func BenchmarkAnalyze(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.body)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAnalysis = Analyze(sh.body)
			}
		})
	}
}

func BenchmarkUTF8Valid(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.body)))
			b.ReportAllocs()
			for b.Loop() {
				sinkBool = utf8.ValidString(sh.body)
			}
		})
	}
}

func BenchmarkSplit(b *testing.B) {
	for _, sh := range benchShapes {
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.body)))
			b.ReportAllocs()
			buf := make([]Segment, 0, 1024)
			for b.Loop() {
				sinkSegments = Analyze(sh.body).AppendSplit(buf[:0])
			}
		})
	}
}

func TestAnalyzeAllocs(t *testing.T) {
	bodies := []string{"", "\xff\xfe\u0301", strings.Repeat("👩\u200D", 40)}
	for _, sh := range benchShapes {
		bodies = append(bodies, sh.body)
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
