package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/nyaruka/phonenumbers"
	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/batch/internal/campaign"
)

// phoneRegion is the region of an E.164 number from libphonenumber metadata,
// with the prefix that decides it: the calling code alone when it belongs to
// one region, else 7 digits.
func phoneRegion(e164 string) (string, int, error) {
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return "", 0, err
	}
	cc := int(n.GetCountryCode())
	ccLen := len(strconv.Itoa(cc))
	regions := phonenumbers.GetRegionCodesForCountryCode(cc)
	switch {
	case len(regions) == 0:
		return "", ccLen, fmt.Errorf("unknown calling code +%d", cc)
	case len(regions) == 1 && regions[0] != "001":
		return regions[0], ccLen, nil
	}
	r := phonenumbers.GetRegionCodeForNumber(n)
	if r == "" || r == "001" || r == "ZZ" {
		return "", 7, fmt.Errorf("not a valid number in any region of +%d", cc)
	}
	return r, 7, nil
}

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
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := bc.o
			o.Region = phoneRegion
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
