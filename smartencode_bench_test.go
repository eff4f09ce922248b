package sms

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Bench bodies of 1,600 bytes.
var (
	benchASCII1600    = strings.Repeat("The quick brown fox jumps over the lazy dog. 0123456789 ", 29)[:1600]
	benchCyrillic1600 = strings.Repeat("Съешь же ещё этих мягких булок, да выпей чаю. ", 20)[:1600]
	benchCurly1600    = strings.Repeat("“Hi,” she said. It’s… ", 100)[:1600]
)

var smartBoolSink bool

func benchSmart(b *testing.B, s string) {
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		smartSink = SmartEncode(s)
	}
}

func benchValid(b *testing.B, s string) {
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		smartBoolSink = utf8.ValidString(s)
	}
}

// The baseline of the issue is utf8.Valid on the same bytes.
func BenchmarkSmartEncodeASCII1600(b *testing.B)    { benchSmart(b, benchASCII1600) }
func BenchmarkValidASCII1600(b *testing.B)          { benchValid(b, benchASCII1600) }
func BenchmarkSmartEncodeCyrillic1600(b *testing.B) { benchSmart(b, benchCyrillic1600) }
func BenchmarkValidCyrillic1600(b *testing.B)       { benchValid(b, benchCyrillic1600) }
func BenchmarkSmartEncodeCurly1600(b *testing.B)    { benchSmart(b, benchCurly1600) }

const benchStreamSize = 64 << 20

// benchStreamBlock holds both clean text and substitutions.
var benchStreamBlock = benchASCII1600 + benchCyrillic1600 + benchCurly1600

// BenchmarkSmartEncode64MiB is the baseline for the transformer: one
// SmartEncode call on the whole 64 MiB, held in memory.
func BenchmarkSmartEncode64MiB(b *testing.B) {
	s := strings.Repeat(benchStreamBlock, benchStreamSize/len(benchStreamBlock))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		smartSink = SmartEncode(s)
	}
	smartSink = ""
}

// BenchmarkSmartEncodeStream64MiB calls SmartEncode once per block over the
// same 64 MiB, as a caller without the transformer would.
func BenchmarkSmartEncodeStream64MiB(b *testing.B) {
	blocks := benchStreamSize / len(benchStreamBlock)
	b.SetBytes(int64(blocks * len(benchStreamBlock)))
	b.ReportAllocs()
	for b.Loop() {
		for range blocks {
			smartSink = SmartEncode(benchStreamBlock)
		}
	}
}

// BenchmarkSmartEncoderStream64MiB streams the same 64 MiB through
// transform.NewReader(r, SmartEncoder{}).
func BenchmarkSmartEncoderStream64MiB(b *testing.B) {
	blocks := benchStreamSize / len(benchStreamBlock)
	block := []byte(benchStreamBlock)
	buf := make([]byte, 32<<10)
	b.SetBytes(int64(blocks * len(block)))
	b.ReportAllocs()
	for b.Loop() {
		r := transform.NewReader(&smartStream{block: block, left: blocks * len(block)}, SmartEncoder{})
		if _, err := io.CopyBuffer(io.Discard, r, buf); err != nil {
			b.Fatal(err)
		}
	}
}
