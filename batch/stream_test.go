package batch

import (
	"context"
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/smsgauge/sms/batch/internal/campaign"
)

// countWriter counts bytes and lines written.
type countWriter struct{ n, lines int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	for _, b := range p {
		if b == '\n' {
			c.lines++
		}
	}
	return len(p), nil
}

// TestStreamConstantMemory streams a campaign generated on the fly through
// Run and samples runtime.MemStats as it goes: the live heap (measured
// right after a collection, so that the garbage the collector has not yet
// reclaimed, which depends on its timing, does not count) must stay bounded
// and must not grow from the first quarter of the stream to the last.
// SMSGAUGE_STREAM_BYTES sets the size (default 1 GB, 32 MB under -race);
// set it to 4000000000 or more for a multi-GB run.
func TestStreamConstantMemory(t *testing.T) {
	size := int64(1e9)
	if raceEnabled {
		size = 32e6
	}
	if testing.Short() {
		size = 32e6
	}
	if v := os.Getenv("SMSGAUGE_STREAM_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("SMSGAUGE_STREAM_BYTES=%q: %v", v, err)
		}
		size = n
	}
	src := &campaign.Reader{G: campaign.New(42), Size: size}
	out := &countWriter{}
	var ms runtime.MemStats
	var peaks [4]uint64 // peak live heap per quarter of the input
	var inuse uint64    // peak HeapInuse, garbage included (logged)
	next := int64(0)
	region := PhoneRegion
	if raceEnabled {
		// libphonenumber's regular expressions are slow under the race
		// detector; a stand-in that claims the same prefixes fills the
		// region caches the same way.
		region = func(n string) (string, int, error) {
			r, p, err := fakeRegion(n)
			if err == nil && (r == "US" || r == "GB") {
				p = 7
			}
			return r, p, err
		}
	}
	o := Options{Pricing: loadSample(t), Region: region, Progress: func(rows, bytes int64) {
		if bytes < next {
			return
		}
		next = bytes + size/64
		runtime.ReadMemStats(&ms)
		inuse = max(inuse, ms.HeapInuse)
		runtime.GC()
		runtime.ReadMemStats(&ms)
		q := min(int(bytes*4/size), 3)
		peaks[q] = max(peaks[q], ms.HeapAlloc)
	}}
	start := time.Now()
	s, err := o.Run(context.Background(), src, out)
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	t.Logf("%d bytes, %d rows in %v (%.0f MB/s); peak live heap by quarter: %d %d %d %d KiB; peak heap in use, garbage included: %d KiB; total allocated %d MiB",
		s.Bytes, s.Rows, el, float64(s.Bytes)/1e6/el.Seconds(), peaks[0]>>10, peaks[1]>>10, peaks[2]>>10, peaks[3]>>10, inuse>>10, ms.TotalAlloc>>20)
	if s.Rows != src.Rows || out.lines != src.Rows+1 {
		t.Fatalf("generated %d rows, summary %d, output lines %d (with header)", src.Rows, s.Rows, out.lines)
	}
	if s.Bytes < size {
		t.Fatalf("consumed %d bytes, want %d", s.Bytes, size)
	}
	const bound = 64 << 20
	for q, p := range peaks {
		if p == 0 || p > bound {
			t.Fatalf("quarter %d: peak live heap %d KiB, want (0, %d KiB]", q, p>>10, bound>>10)
		}
	}
	if peaks[3] > peaks[0]+8<<20 {
		t.Fatalf("heap grew from %d KiB (first quarter) to %d KiB (last)", peaks[0]>>10, peaks[3]>>10)
	}
	if _, err := io.Copy(io.Discard, src); err != nil {
		t.Fatal(err)
	}
}
