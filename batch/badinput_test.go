package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"time"
)

// The bad-input catalogue of the batch package: each case is an input that
// was once silently accepted, changed or mispriced, and what it gives now.
// Every case must give exactly one output row per input row, never panic,
// and fail with its sentinel.
func TestBadInputCatalogue(t *testing.T) {
	long1601 := strings.Repeat("a", 1601)
	long900k := strings.Repeat("a", 900_000)
	for _, tc := range []struct {
		name string
		o    Options
		in   string
		err  error    // the sentinel of the (single) failed row; nil: no failure
		has  []string // in the output row
	}{
		{name: "JSON lone high surrogate", o: Options{Input: JSONL}, in: `{"id":1,"body":"a\ud800b"}`,
			err: ErrInvalidUTF8, has: []string{`"body": lone surrogate \ud800`, "at byte 17"}},
		{name: "JSON lone low surrogate", o: Options{Input: JSONL}, in: `{"id":1,"body":"\udc00"}`,
			err: ErrInvalidUTF8, has: []string{`lone surrogate \udc00`, "at byte 16"}},
		{name: "JSON invalid UTF-8", o: Options{Input: JSONL}, in: "{\"id\":1,\"body\":\"a\xffb\"}",
			err: ErrInvalidUTF8, has: []string{`"body": invalid UTF-8`, "at byte 17"}},
		{name: "JSON invalid UTF-8 in the to", o: Options{Input: JSONL}, in: "{\"to\":\"+1\xc3\",\"body\":\"x\"}",
			err: ErrInvalidUTF8, has: []string{`"to": invalid UTF-8`}},
		{name: "JSON body twice", o: Options{Input: JSONL}, in: `{"body":"x","body":"y"}`,
			err: ErrKey, has: []string{`duplicate key "body" at byte 12`}},
		{name: "JSON body and Body", o: Options{Input: JSONL}, in: `{"body":"x","Body":"y"}`,
			err: ErrKey, has: []string{`keys "body" and "Body" differ only in case`}},
		{name: "JSON to and TO", o: Options{Input: JSONL}, in: `{"to":"+14155550100","TO":"+14155550101","body":"x"}`,
			err: ErrKey, has: []string{`"TO": keys "to" and "TO"`}},
		{name: "JSON BODY alone", o: Options{Input: JSONL}, in: `{"BODY":"x"}`,
			err: ErrKey, has: []string{`the key is "body"`}},
		{name: "JSON long s folds to s", o: Options{Input: JSONL}, in: `{"smartEncoded":true,"ſmartEncoded":false,"body":"x"}`,
			err: ErrKey, has: []string{`"\u017fmartEncoded"`, "differ only in case"}},
		{name: "JSON trailing text", o: Options{Input: JSONL}, in: `{"body":"x"} and more`,
			err: ErrMalformed, has: []string{"text after the JSON value at byte 13"}},
		{name: "JSON second object", o: Options{Input: JSONL}, in: `{"body":"x"}{"body":"y"}`,
			err: ErrMalformed, has: []string{"text after the JSON value"}},
		{name: "body of 1601 units", in: "id,to,body\n1,+14155550100," + long1601 + "\n",
			err: ErrBodyTooLong, has: []string{",US,GSM-7,11,1601,1601,,,,", "1601 units", "21617"}},
		{name: "body of 1601 units priced", o: Options{Pricing: sample}, in: "id,to,body\n1,+14155550100," + long1601 + "\n",
			err: ErrBodyTooLong, has: []string{",US,GSM-7,11,1601,1601,,,,"}},
		{name: "body of 900k characters", in: "id,to,body\n1,+14155550100," + long900k + "\n",
			err: ErrBodyTooLong, has: []string{",US,GSM-7,5883,900000,900000,,,,", "900000 units"}},
		{name: "body of 1600 units", in: "id,to,body\n1,+14155550100," + strings.Repeat("😀", 800) + "\n",
			has: []string{",US,UCS-2,25,800,1600,"}},
		{name: "emoji body of 1602 units", o: Options{Input: JSONL, Output: JSONL}, in: `{"body":"` + strings.Repeat("😀", 801) + `"}`,
			err: ErrBodyTooLong, has: []string{`"encoding":"UCS-2","segments":25`, "1602 units"}},
		{name: "from not a sender", in: "id,to,from,body\n1,+14155550100,not a sender!!,hi\n",
			err: ErrBadSender, has: []string{",US,GSM-7,1,2,2,,,,", "not a sender!!"}},
		{name: "from with a bidi override", o: Options{Input: JSONL}, in: `{"from":"ACME\u202e","body":"hi"}`,
			err: ErrBadSender, has: []string{"bidirectional"}},
		{name: "from good", in: "id,to,from,body\n1,+14155550100,ACME,hi\n2,+14155550100,+14155550101,hi\n3,+14155550100,,hi\n"},
		{name: "JP without a price", o: Options{Pricing: sample}, in: "id,to,body\n1,+819012345678,hello\n",
			err: ErrNoPrice, has: []string{"2,1,JP,GSM-7,1,5,5,,,,", "no price for country JP"}},
		{name: "Arabic-Indic digits", in: "id,to,body\n1,+١٤١٥٥٥٥٢٦٧١,hi\n",
			err: ErrBadNumber, has: []string{"not ASCII digits"}},
		{name: "fullwidth digits", in: "id,to,body\n1,+１４１５５５５２６７１,hi\n",
			err: ErrBadNumber, has: []string{"not ASCII digits"}},
		{name: "16 ASCII digits", in: "id,to,body\n1,+1415555267100000,hi\n",
			err: ErrBadNumber, has: []string{"more than 15 digits"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, s, err := run(t, tc.o, tc.in)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			rows := strings.Count(out, "\n")
			if tc.o.Output != JSONL {
				rows-- // the header
			}
			if int64(rows) != s.Rows || s.Rows != s.Messages+s.Failed {
				t.Fatalf("%d output rows, summary %+v", rows, s)
			}
			if tc.err == nil {
				if s.Failed != 0 {
					t.Fatalf("failed rows %v, want none:\n%s", s.FailedRows, out)
				}
			} else if s.Failed != 1 {
				t.Fatalf("%d failed rows, want 1:\n%s", s.Failed, out)
			}
			if tc.o.Output != JSONL {
				out = strings.ReplaceAll(out, `""`, `"`) // CSV quoting
			}
			for _, h := range tc.has {
				if !strings.Contains(out, h) {
					t.Errorf("output lacks %q:\n%.600s", h, out)
				}
			}
		})
	}
}

var sample = func() *Pricing {
	p, err := LoadPricing(sampleDir)
	if err != nil {
		panic(err)
	}
	return p
}()

// TestBadInputSentinels checks the error chain of the JSON line errors:
// a *RowError, then a *JSONError with the key and offset, then the sentinel.
func TestBadInputSentinels(t *testing.T) {
	for _, tc := range []struct {
		line   string
		want   error
		field  string
		offset int
	}{
		{`{"id":1,"body":"a\ud800b"}`, ErrInvalidUTF8, "body", 17},
		{`{"body":"x","Body":"y"}`, ErrKey, "Body", 12},
		{`{"body":"x"} x`, ErrMalformed, "", 13},
		{`{"body":["x"]}`, ErrMalformed, "body", 8},
	} {
		var rerr *RowError
		o := Options{Input: JSONL, Strict: true, MaxFailed: 1, Region: fakeRegion}
		s, err := o.Run(context.Background(), strings.NewReader(tc.line), io.Discard)
		if err != nil || len(s.FailedRows) != 1 {
			t.Fatalf("%s: Run %v, %+v", tc.line, err, s)
		}
		// Rebuild the error as the worker does, to check its chain.
		w := newWorker(&pipeline{o: &o})
		_, jerr := w.dec.Decode([]byte(tc.line))
		rerr = &RowError{Line: 1, Err: jsonError(jerr)}
		var je *JSONError
		if !errors.Is(rerr, tc.want) || !errors.As(rerr, &je) || je.Field != tc.field || je.Offset != tc.offset {
			t.Errorf("%s: %v (%+v), want %v at %q byte %d", tc.line, rerr, je, tc.want, tc.field, tc.offset)
		}
		if s.FailedRows[0].Error != rerr.Error() {
			t.Errorf("%s: summary says %q, the error %q", tc.line, s.FailedRows[0].Error, rerr)
		}
	}
}

// TestTollFreeKeepsAnalysis prices the sample with toll free numbers,
// which only the US and Canada have: the other rows keep their encoding and
// segments, their price stays empty, and the summary counts their segments.
func TestTollFreeKeepsAnalysis(t *testing.T) {
	in := "id,to,body\n1,+14155552671,hello\n2,+16045551234,hello\n3,+33612345678,hello\n4,+4915112345678,hello\n" +
		"5,+919812345678,hello\n6,+5511912345678,hello ’x’\n7,+819012345678,hello\n8,+447911123456,hello\n"
	out, s, err := run(t, Options{Pricing: sample, Price: PriceOptions{NumberType: NumberTollFree}, Region: PhoneRegion}, in)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")[1:]
	if len(lines) != 8 {
		t.Fatalf("%d rows:\n%s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Split(l, ",")
		if f[3] == "" || f[4] == "" {
			t.Errorf("row without its analysis: %s", l)
		}
	}
	if s.Messages != 2 || s.Unpriced != 6 || s.UnpricedSeg != 6 || s.Segments != 8 || s.Failed != 6 {
		t.Fatalf("summary %+v", s)
	}
	var text bytes.Buffer
	s.WriteText(&text)
	if !strings.Contains(text.String(), "6 failed rows have no price: their 6 segments are counted above") {
		t.Errorf("summary text:\n%s", text.String())
	}
}

// TestRunMoneyOverflow prices segments near the top of Money's range: a row
// whose cost overflows is an error row, a total that overflows is returned
// as an error and the summary never shows a capped total.
func TestRunMoneyOverflow(t *testing.T) {
	p, err := ParsePricing(strings.NewReader(`{"country":"United States","iso_country":"US","price_unit":"USD",
		"outbound_sms_prices":[{"carrier":"X","mcc":"310","mnc":"1","prices":[{"number_type":"local","base_price":"5000000000000","current_price":"5000000000000"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	in := "id,to,body\n1,+14155550100,hi\n2,+14155550100,hi\n3,+14155550100," + strings.Repeat("a", 161) + "\n"
	_, s, err := run(t, Options{Pricing: p}, in)
	if !errors.Is(err, ErrMoney) {
		t.Fatalf("Run error %v, want ErrMoney", err)
	}
	if !s.CostOverflow || s.Cost != math.MaxInt64 || s.Failed != 1 || !strings.Contains(s.FailedRows[0].Error, "product overflows") {
		t.Fatalf("summary %+v", s)
	}
	var text bytes.Buffer
	s.WriteText(&text)
	if !strings.Contains(text.String(), "overflow (not a total)") || strings.Contains(text.String(), "9223372") {
		t.Errorf("summary text shows a capped total:\n%s", text.String())
	}
	b, _ := json.Marshal(s)
	if !strings.Contains(string(b), `"cost_overflow":true`) {
		t.Errorf("summary JSON %s", b)
	}
}

// TestOptionsFullRange runs with every size at the ends of the int range:
// each is brought within its limit, so the run neither panics nor tries to
// allocate what it was told.
func TestOptionsFullRange(t *testing.T) {
	in := "id,to,body\n1,+14155550100,hi\n2,+14155550100," + strings.Repeat("x", 5000) + "\n"
	for _, v := range []int{math.MaxInt, math.MinInt, -1, 0, 1, 3, math.MaxInt32, math.MaxInt32 + 1} {
		o := Options{Workers: v, BatchBytes: v, MaxRecordBytes: v, MaxFailed: v, Region: fakeRegion}
		if v == math.MaxInt || v > math.MaxInt32 {
			o.Workers = 2 // the clamp is tested on its own below
		}
		out, s, err := run(t, o, in)
		if v > 0 && v < 16 && errors.Is(err, ErrInput) {
			continue // a 1-byte limit refuses the header: an error, not a panic
		}
		if err != nil || s.Rows != 2 || strings.Count(out, "\n") != 3 {
			t.Fatalf("sizes %d: %v, %+v\n%s", v, err, s, out)
		}
	}
	o := Options{Workers: math.MaxInt, BatchBytes: math.MaxInt, MaxRecordBytes: math.MaxInt}
	o.defaults()
	if o.Workers != MaxWorkers || o.BatchBytes != MaxBatchBytes || o.MaxRecordBytes != MaxRecordLimit {
		t.Fatalf("defaults of MaxInt sizes: %+v", o)
	}
}

// TestRunStopsWhileBlocked cancels a run whose input is blocked (a pipe
// that sends a header and one row, then nothing): Run must return within a
// second, the row written whole and the summary interrupted; a row cut by
// the stop is not written.
func TestRunStopsWhileBlocked(t *testing.T) {
	for _, format := range []Format{CSV, JSONL} {
		pr, pw := io.Pipe()
		ctx, cancel := context.WithCancel(context.Background())
		var out bytes.Buffer
		type result struct {
			s   Summary
			err error
		}
		done := make(chan result, 1)
		go func() {
			s, err := Options{Input: format, Region: fakeRegion}.Run(ctx, pr, &out)
			done <- result{s, err}
		}()
		if format == CSV {
			io.WriteString(pw, "id,to,body\n1,+14155552671,hi\n2,+1415")
		} else {
			io.WriteString(pw, `{"id":1,"to":"+14155552671","body":"hi"}`+"\n"+`{"id":2,"bo`)
		}
		time.Sleep(100 * time.Millisecond)
		start := time.Now()
		cancel()
		select {
		case r := <-done:
			if d := time.Since(start); d > time.Second {
				t.Errorf("%v: Run returned %v after the cancel", format, d)
			}
			if !errors.Is(r.err, context.Canceled) || !r.s.Interrupted || r.s.Rows != 1 || r.s.Messages != 1 {
				t.Errorf("%v: Run = %+v, %v; want 1 row, interrupted", format, r.s, r.err)
			}
			if strings.Contains(out.String(), "+1415\n") || strings.Contains(out.String(), `"bo`) || strings.Count(out.String(), "\n") != 2 {
				t.Errorf("%v: output %q", format, out.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: Run still blocked 10 s after the cancel", format)
		}
		pw.Close()
	}
}

// TestRecordLimitExact checks the row limit to the byte, whatever the batch
// size: a row of MaxRecordBytes (its line end not counted) is read, one
// byte more is ErrTooLong, at the end of the input as in the middle.
func TestRecordLimitExact(t *testing.T) {
	const max = 17
	row := func(n int) string { return `{"body":"` + strings.Repeat("a", n-11) + `"}` } // n bytes
	for _, batchBytes := range []int{1, 10, 16, 17, 18, 19, 64, 1 << 20} {
		for _, tc := range []struct {
			in      string
			tooLong []bool
		}{
			{row(max), []bool{false}},
			{row(max) + "\n", []bool{false}},
			{row(max) + "\r\n", []bool{false}},
			{row(max + 1), []bool{true}},
			{row(max+1) + "\n" + row(max) + "\n", []bool{true, false}},
			{row(max) + "\r\n" + row(max+1) + "\r\n" + row(12), []bool{false, true, false}},
			{row(max+40) + "\n" + row(max), []bool{true, false}},
		} {
			out, s, err := run(t, Options{Input: JSONL, Output: JSONL, MaxRecordBytes: max, BatchBytes: batchBytes, Workers: 2}, tc.in)
			if err != nil || s.Rows != int64(len(tc.tooLong)) {
				t.Fatalf("batch %d, %q: %v, %+v\n%s", batchBytes, tc.in, err, s, out)
			}
			for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if got := strings.Contains(l, "row too long"); got != tc.tooLong[i] {
					t.Errorf("batch %d, %q: row %d = %s, too long: %v", batchBytes, tc.in, i+1, l, tc.tooLong[i])
				}
			}
		}
	}
}
