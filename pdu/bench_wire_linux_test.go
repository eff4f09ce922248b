//go:build linux

package pdu

import (
	"runtime"
	"testing"
	"time"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/benchshape"
	"github.com/smsgauge/sms/internal/cputime"
)

// BenchmarkWireRatios measures the speed ratios the wire encoder promises,
// each pair interleaved on one locked thread and timed in thread CPU time,
// so that other processes on a busy machine do not skew one side: the
// throughput of AppendSegments over Analyze on the same 1,600-character
// GSM-7 and UCS-2 bodies (want >= 0.5), and of AppendPacked over
// utf8.Valid on the same ASCII body (want >= 0.1). Wall-clock results of
// BenchmarkWire can differ by 100% from run to run on a shared machine.
func BenchmarkWireRatios(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	buf := make([]byte, 0, 8192)
	parts := make([]Part, 0, 32)
	var o EncodeOptions
	septets, err := GSM7.NewEncoder().Bytes([]byte(wireBenchASCII))
	if err != nil {
		b.Fatal(err)
	}
	ascii := []byte(wireBenchASCII)
	dst := make([]byte, 0, len(septets))
	var t [6]time.Duration
	timed := func(k int, n int, f func()) {
		s := cputime.Thread()
		for range n {
			f()
		}
		t[k] += cputime.Thread() - s
	}
	b.ReportAllocs()
	for b.Loop() {
		timed(0, 50, func() { wireSinkInt += sms.Analyze(wireBenchGSM7).Segments })
		timed(1, 50, func() { buf, parts, _ = o.AppendSegments(buf[:0], parts[:0], wireBenchGSM7) })
		timed(2, 5, func() { wireSinkInt += sms.Analyze(wireBenchUCS2).Segments })
		timed(3, 5, func() { buf, parts, _ = o.AppendSegments(buf[:0], parts[:0], wireBenchUCS2) })
		timed(4, 500, func() { wireSinkBool = utf8.Valid(ascii) })
		timed(5, 50, func() { dst = AppendPacked(dst[:0], septets, 1) })
	}
	b.ReportMetric(float64(t[0])/float64(t[1]), "gsm7-encode/analyze")
	b.ReportMetric(float64(t[2])/float64(t[3]), "ucs2-encode/analyze")
	b.ReportMetric(float64(t[4])/10/float64(t[5]), "pack/utf8valid")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkEncodeRatios reports, for each benchmark shape, the throughput
// of AppendSegments into a reused buffer over sms.Analyze on the same
// bodies (encode/analyze: want >= 0.4), interleaved on one locked thread in
// thread CPU time.
func BenchmarkEncodeRatios(b *testing.B) {
	buf := make([]byte, 0, 1<<20)
	parts := make([]Part, 0, 4096)
	var o EncodeOptions
	for _, sh := range benchshape.All() {
		b.Run(sh.Name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			reps := 1 + 20000/(sh.Bytes/64+1)
			var ta, te time.Duration
			for b.Loop() {
				s := cputime.Thread()
				for range reps {
					for _, body := range sh.Bodies {
						wireSinkAn = sms.Analyze(body)
					}
				}
				ta += cputime.Thread() - s
				s = cputime.Thread()
				for range reps {
					for _, body := range sh.Bodies {
						buf, parts, _ = o.AppendSegments(buf[:0], parts[:0], body)
					}
				}
				te += cputime.Thread() - s
			}
			b.ReportMetric(float64(ta)/float64(te), "encode/analyze")
			b.ReportMetric(0, "ns/op")
		})
	}
}
