// Package benchshape holds the bodies the benchmarks of every package are
// measured on, by name, so that the root package's counting and the pdu
// package's encoding are timed on the same bytes.
package benchshape

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/smsgauge/sms/internal/gen/corpus"
)

// Shape is a named list of bodies, measured one after the other.
type Shape struct {
	Name   string
	Bodies []string
	Bytes  int // their total length
}

// Body repeats unit until it holds n characters (runes).
func Body(unit string, n int) string {
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

// New makes a shape of the bodies.
func New(name string, bodies ...string) Shape {
	n := 0
	for _, b := range bodies {
		n += len(b)
	}
	return Shape{name, bodies, n}
}

// Corpus reads the mixed corpus, testdata/corpus/mixed.txt at the
// repository root (see internal/gen/corpus).
func Corpus() []string {
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "corpus", "mixed.txt"))
	if err != nil {
		panic(err)
	}
	bodies, err := corpus.Parse(data)
	if err != nil {
		panic(err)
	}
	return bodies
}

// All returns the shapes, by name: one-segment and long ASCII, GSM-7 with
// the extension table, Cyrillic, CJK, emoji, the mixed corpus, and 64 KB of
// everything at once.
func All() []Shape {
	return []Shape{
		New("ASCII160", Body("Your code is 4821. It expires in 10 minutes; do not share it with anyone! ", 160)),
		New("ASCII1600", Body("Your code is 4821. It expires in 10 minutes; do not share it with anyone! ", 1600)),
		New("GSMExt1600", Body("Total: 25€ [incl. tax] {ref: A|B} ~ see £ ¥ à é ü ñ ^ \\ ", 1600)),
		New("Cyrillic1600", Body("Ваш код подтверждения 4821, никому его не сообщайте. ", 1600)),
		New("CJK1600", Body("您的验证码是四八二一，请勿告诉任何人。有效期十分钟。", 1600)),
		New("Emoji1600", Body("Party tonight 🎉🎉 bring snacks 🍕🍔 and drinks 🍺 see you there 😀👍🏽❤️ ", 1600)),
		New("Corpus", Corpus()...),
		New("Mixed64K", Body("Hello! Привет! 你好! こんにちは 🎉 Hej å ä ö. Total 5€ [ok] e\u0301 👨\u200D👩\u200D👧 🇫🇷 ", 64*1024)),
	}
}
