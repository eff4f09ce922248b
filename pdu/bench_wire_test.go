package pdu

import (
	"strings"
	"testing"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/benchshape"
)

var (
	wireSinkInt   int
	wireSinkBool  bool
	wireSinkBytes []byte
	wireSinkAn    sms.Analysis
)

// wireBenchBody repeats s up to n characters.
func wireBenchBody(s string, n int) string {
	var b strings.Builder
	for utf8.RuneCountInString(b.String()) < n {
		b.WriteString(s)
	}
	r := []rune(b.String())
	return string(r[:n])
}

var (
	wireBenchGSM7  = wireBenchBody("The quick brown fox jumps over the lazy dog; Zoe's café costs €5 (about £4). ", 1600)
	wireBenchUCS2  = wireBenchBody("Съешь же ещё этих мягких французских булок, да выпей чаю. 😀 ", 1600)
	wireBenchASCII = wireBenchBody("The quick brown fox jumps over the lazy dog 0123456789 ", 1600)
)

// BenchmarkWire compares, in one run, EncodeSegments into a reused buffer
// with Analyze on the same bodies, and packing with utf8.Valid.
func BenchmarkWire(b *testing.B) {
	for _, tc := range []struct{ name, body string }{
		{"GSM7_1600", wireBenchGSM7},
		{"UCS2_1600", wireBenchUCS2},
	} {
		b.Run(tc.name+"/Analyze", func(b *testing.B) {
			b.SetBytes(int64(len(tc.body)))
			b.ReportAllocs()
			for b.Loop() {
				wireSinkInt += sms.Analyze(tc.body).Segments
			}
		})
		b.Run(tc.name+"/EncodeSegments", func(b *testing.B) {
			buf := make([]byte, 0, 4*len(tc.body))
			parts := make([]Part, 0, 32)
			var o EncodeOptions
			b.SetBytes(int64(len(tc.body)))
			b.ReportAllocs()
			for b.Loop() {
				var err error
				buf, parts, err = o.AppendSegments(buf[:0], parts[:0], tc.body)
				if err != nil {
					b.Fatal(err)
				}
			}
			wireSinkInt += len(parts)
		})
	}
	septets, err := GSM7.NewEncoder().Bytes([]byte(wireBenchASCII))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ASCII1600/UTF8Valid", func(b *testing.B) {
		body := []byte(wireBenchASCII)
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			wireSinkBool = utf8.Valid(body)
		}
	})
	b.Run("ASCII1600/Pack", func(b *testing.B) {
		dst := make([]byte, 0, len(septets))
		b.SetBytes(int64(len(septets)))
		b.ReportAllocs()
		for b.Loop() {
			dst = AppendPacked(dst[:0], septets, 1)
		}
		wireSinkBytes = dst
	})
	b.Run("ASCII1600/Unpack", func(b *testing.B) {
		packed := AppendPacked(nil, septets, 0)
		dst := make([]byte, 0, len(septets))
		b.SetBytes(int64(len(septets)))
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = AppendUnpacked(dst[:0], packed, 0, len(septets))
		}
		wireSinkBytes = dst
	})
}

func BenchmarkReassemble(b *testing.B) {
	for _, tc := range []struct{ name, body string }{
		{"GSM7_1600", wireBenchGSM7},
		{"UCS2_1600", wireBenchUCS2},
	} {
		parts, err := EncodeSegments(tc.body, EncodeOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.body)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := Reassemble(parts)
				if err != nil {
					b.Fatal(err)
				}
				wireSinkInt += len(s)
			}
		})
	}
}

// BenchmarkEncodeSegments encodes every benchmark shape into a reused
// buffer (wall clock; BenchmarkEncodeRatios gives the ratio to Analyze).
func BenchmarkEncodeSegments(b *testing.B) {
	buf := make([]byte, 0, 1<<20)
	parts := make([]Part, 0, 4096)
	var o EncodeOptions
	for _, sh := range benchshape.All() {
		b.Run(sh.Name, func(b *testing.B) {
			b.SetBytes(int64(sh.Bytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range sh.Bodies {
					buf, parts, _ = o.AppendSegments(buf[:0], parts[:0], body)
				}
			}
		})
	}
}
