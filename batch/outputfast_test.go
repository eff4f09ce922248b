package batch

import (
	"strings"
	"testing"

	sms "github.com/smsgauge/sms"
)

// TestAppendCSVFast checks that the fast path of the CSV output writes the
// same bytes as appendCSV, takes the common rows and leaves the others.
func TestAppendCSVFast(t *testing.T) {
	pricing := loadSample(t)
	p, err := newPipeline(&Options{Pricing: pricing}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.o.defaults()
	gsm := sms.Analyze("Hi Greta, your order #635490 has shipped!")
	ucs := sms.Analyze(strings.Repeat("Здравствуйте! ", 12))
	long := sms.Analyze(strings.Repeat("a", 153*20))
	us, gb := regionIndex("US"), regionIndex("GB")
	tests := []struct {
		name   string
		line   int64
		id     string
		a      sms.Analysis
		region int
		priced bool
		fast   bool
	}{
		{"GSM-7 priced", 2, "1", gsm, us, true, true},
		{"UCS-2 priced", 3, "abc-7", ucs, gb, true, true},
		{"unpriced", 4, "x", gsm, us, false, true},
		{"no region", 5, "x", gsm, noRegion, false, true},
		{"no id", 6, "", ucs, noRegion, false, true},
		{"id of 32 bytes", 7, strings.Repeat("7", 32), gsm, us, true, true},
		{"id of 33 bytes", 8, strings.Repeat("7", 33), gsm, us, true, false},
		{"id with a comma", 9, "a,b", gsm, us, true, false},
		{"id with a quote", 10, `a"b`, gsm, us, true, false},
		{"id with a line feed", 11, "a\nb", gsm, us, true, false},
		{"id with a carriage return", 12, "a\rb", gsm, us, true, false},
		{"id in UTF-8", 13, "Łukasz", ucs, us, true, true},
		{"20 segments", 14, "x", long, us, true, false},
		{"20 segments unpriced", 15, "x", long, us, false, true},
		{"large line", 1 << 40, "x", gsm, us, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorker(p)
			out := &rowOut{line: tt.line, id: []byte(tt.id), a: tt.a, region: tt.region, priced: tt.priced}
			if tt.priced {
				out.pe = &p.prices[tt.region]
				out.price = out.pe.price
				out.cost, _ = out.price.Mul(int64(tt.a.Segments))
			}
			want := string(w.appendCSV([]byte("prev\n"), out, nil))
			got, ok := w.appendCSVFast([]byte("prev\n"), out)
			if ok != tt.fast {
				t.Fatalf("appendCSVFast(%s) took the fast path: %v, want %v", tt.name, ok, tt.fast)
			}
			if ok && string(got) != want {
				t.Errorf("appendCSVFast(%s) = %q, want %q", tt.name, got, want)
			}
		})
	}
}

// TestLineText checks the incremented line numbers of the fast path against
// strconv-style formatting: runs of consecutive lines across every carry,
// jumps forwards and back.
func TestLineText(t *testing.T) {
	var lt lineText
	buf := make([]byte, 64)
	check := func(line int64) {
		t.Helper()
		n := lt.put(buf, 3, line)
		if got, want := string(buf[3:n]), itoa(int(line)); got != want {
			t.Fatalf("lineText.put(%d) = %q, want %q", line, got, want)
		}
	}
	for _, start := range []int64{0, 1, 8, 95, 990, 99_990, 9_999_990, 123} {
		for l := start; l < start+25; l++ {
			check(l)
		}
	}
	for _, l := range []int64{5, 1_000_000, 1_000_001, 7, 8, 99, 100, 1<<62 - 1, 1 << 62} {
		check(l)
	}
}
