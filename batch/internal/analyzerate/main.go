//go:build !js

// Command analyzerate measures the in-process throughput of sms.AnalyzeBytes
// on the bodies of a campaign CSV (id,to,body), the baseline of the batch
// throughput target. It loads the bodies chunk by chunk (64 MB at a time)
// and times only the Analyze calls:
//
//	go run ./batch/internal/analyzerate /tmp/campaign.csv [cpu.prof]
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	sms "github.com/smsgauge/sms"
)

var sink int

// cpuTime is the CPU time (user + system) of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	if len(os.Args) == 3 {
		f, err := os.Create(os.Args[2])
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	} else if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: analyzerate FILE.csv")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	st, _ := f.Stat()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil { // header
		return err
	}
	var rows, bodyBytes int64
	var spent, cpu time.Duration
	cpu0 := cpuTime()
	arena := make([]byte, 0, 64<<20)
	var ends []int
	for done := false; !done; {
		arena, ends = arena[:0], ends[:0]
		for len(arena) < 63<<20 {
			rec, err := r.Read()
			if err == io.EOF {
				done = true
				break
			}
			if err != nil {
				return err
			}
			arena = append(arena, rec[2]...)
			ends = append(ends, len(arena))
		}
		t0, c0 := time.Now(), cpuTime()
		n, start := 0, 0
		for _, e := range ends {
			n += sms.AnalyzeBytes(arena[start:e]).Segments
			start = e
		}
		spent += time.Since(t0)
		cpu += cpuTime() - c0
		sink += n
		rows += int64(len(ends))
		bodyBytes += int64(len(arena))
	}
	total := cpuTime() - cpu0
	fmt.Printf("reading and splitting the CSV with encoding/csv (outside the timing): %.3fs CPU\n", (total - cpu).Seconds())
	for _, m := range []struct {
		name string
		sec  float64
	}{{"wall", spent.Seconds()}, {"cpu", cpu.Seconds()}} {
		fmt.Printf("analyze (%s time): %d rows, %.1f MB of bodies, %.1f MB of file in %.3fs: %.0f rows/s, %.1f MB/s of bodies, %.1f MB/s of file\n",
			m.name, rows, float64(bodyBytes)/1e6, float64(st.Size())/1e6, m.sec, float64(rows)/m.sec, float64(bodyBytes)/1e6/m.sec, float64(st.Size())/1e6/m.sec)
	}
	return nil
}
