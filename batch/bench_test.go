package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"runtime"
	"sync"
	"testing"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/batch/internal/campaign"
)

var (
	benchOnce   sync.Once
	benchCSV    []byte
	benchBodies [][]byte
	benchBodyN  int64
	sinkInt     int
)

// benchData is 16 MB of realistic campaign CSV and its bodies.
func benchData(b *testing.B) ([]byte, [][]byte) {
	benchOnce.Do(func() {
		var buf bytes.Buffer
		io.Copy(&buf, &campaign.Reader{G: campaign.New(7), Size: 16 << 20})
		benchCSV = buf.Bytes()
		recs, err := csv.NewReader(bytes.NewReader(benchCSV)).ReadAll()
		if err != nil {
			panic(err)
		}
		for _, r := range recs[1:] {
			benchBodies = append(benchBodies, []byte(r[2]))
			benchBodyN += int64(len(r[2]))
		}
	})
	return benchCSV, benchBodies
}

// BenchmarkCampaign compares, on the same 16 MB of realistic rows, the core
// alone (sms.AnalyzeBytes on every body, the baseline) with the whole batch
// pipeline (CSV parsing, analysis, region, price, CSV or JSONL output). One
// op is the whole campaign, so the ns/op ratio is the rows/s ratio. Run with
// -cpu 1 for the single-core figure and -cpu 2 for the scaling.
func BenchmarkCampaign(b *testing.B) {
	data, bodies := benchData(b)
	rows := float64(len(bodies))
	pricing := loadSample(b)
	b.Run("Analyze", func(b *testing.B) {
		b.SetBytes(benchBodyN)
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			for _, body := range bodies {
				n += sms.AnalyzeBytes(body).Segments
			}
			sinkInt = n
		}
		b.ReportMetric(rows*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	for _, bc := range []struct {
		name string
		o    Options
	}{
		{"BatchCSV", Options{Pricing: pricing}},
		{"BatchJSONL", Options{Pricing: pricing, Output: JSONL}},
		{"BatchCSVNoPricing", Options{}},
		// libphonenumber on each region-cache miss is a fixed cost per run
		// (~5,000 prefixes here) that 16 MB does not amortise as 1 GB does;
		// a stand-in claiming the same prefixes shows the steady state.
		{"BatchCSVStandInRegions", Options{Pricing: pricing, Region: standInRegion}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := bc.o
			if o.Region == nil {
				o.Region = PhoneRegion
			}
			o.Workers = runtime.GOMAXPROCS(0)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := o.Run(context.Background(), bytes.NewReader(data), io.Discard)
				if err != nil || s.Rows != int64(len(bodies)) {
					b.Fatalf("Run: %v, %d rows, want %d", err, s.Rows, len(bodies))
				}
			}
			b.ReportMetric(rows*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// standInRegion answers like PhoneRegion for the campaign's prefixes without
// libphonenumber: the same regions, the same prefix claims.
func standInRegion(n string) (string, int, error) {
	for _, p := range []struct {
		cc, r string
		claim int
	}{{"+1416", "CA", 7}, {"+1604", "CA", 7}, {"+1", "US", 7}, {"+44", "GB", 7}, {"+33", "FR", 2}, {"+49", "DE", 2}, {"+91", "IN", 2}, {"+55", "BR", 2}} {
		if len(n) >= len(p.cc) && n[:len(p.cc)] == p.cc {
			return p.r, p.claim, nil
		}
	}
	return "", 0, errors.New("unknown calling code")
}
