package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"runtime"
	"sync"
	"testing"
)

var (
	benchJSONLOnce sync.Once
	benchJSONL     []byte
	benchJSONLRows int
)

// benchJSONLData is the campaign of benchData as JSON lines
// {"id":"..","to":"..","body":".."}, as encoding/json writes them.
func benchJSONLData(b *testing.B) ([]byte, int) {
	data, _ := benchData(b)
	benchJSONLOnce.Do(func() {
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			panic(err)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, r := range recs[1:] {
			enc.Encode(map[string]string{"id": r[0], "to": r[1], "body": r[2]})
		}
		benchJSONL, benchJSONLRows = buf.Bytes(), len(recs)-1
	})
	return benchJSONL, benchJSONLRows
}

// BenchmarkCampaignJSONLIn is BenchmarkCampaign with JSON lines in: the
// cost of reading each row as strict JSON.
func BenchmarkCampaignJSONLIn(b *testing.B) {
	data, rows := benchJSONLData(b)
	pricing := loadSample(b)
	for _, bc := range []struct {
		name string
		o    Options
	}{
		{"CSVOut", Options{Input: JSONL, Pricing: pricing, Region: standInRegion}},
		{"JSONLOut", Options{Input: JSONL, Output: JSONL, Pricing: pricing, Region: standInRegion}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := bc.o
			o.Workers = runtime.GOMAXPROCS(0)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := o.Run(context.Background(), bytes.NewReader(data), io.Discard)
				if err != nil || s.Rows != int64(rows) {
					b.Fatalf("Run: %v, %d rows, want %d", err, s.Rows, rows)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
