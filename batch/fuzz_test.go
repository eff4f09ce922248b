package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"a,b,c\n1,2,3\n", "a,b\n1,2", "a,b\r\n1,2\r\n", ",,\n", "a\n\n\r\nb\n", `1,"x, y",2` + "\n",
	`1,"say ""hi""",2` + "\n", `""""` + "\n", "1,\"a\nb\r\nc\",2\n3,4,5\n", "1,ab\"c,2\n3,4,5\n",
	"1,\"ab\"c,2\n3,4,5\n", "1,\"abc\n3,4,5\n6,7,8\n", "é,\xff\n", "id,to,body\nx,+14155550100,hi\n",
}

// FuzzCSVParser checks the parser against encoding/csv: whenever
// encoding/csv reads the input without error, the records must be the same.
// (Inputs with a carriage return are skipped: encoding/csv turns CRLF inside
// quoted fields into LF, while this parser keeps the body as it is.)
func FuzzCSVParser(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := parseAll(in) // must not panic, whatever the input
		if strings.IndexByte(in, '\r') >= 0 {
			return
		}
		r := csv.NewReader(strings.NewReader(in))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			return
		}
		var want []string
		for _, rec := range recs {
			want = append(want, strings.Join(rec, "|"))
		}
		if strings.Join(got, "¶") != strings.Join(want, "¶") {
			t.Fatalf("parse(%q) = %q, encoding/csv reads %q", in, got, want)
		}
	})
}

// FuzzRun checks the invariants of a whole run on any input, CSV or JSON
// lines, with sizes (workers, batch bytes, row limit, failures listed)
// taken over the whole int range: one output row per input row
// (Summary.Rows), each a JSON object; rows = messages + failures; and the
// same output as one worker with the default sizes whenever the row limit
// does not cut a row the default would not.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("id,to,body\n"+s, false, 0, 0, 0, 0)
	}
	for _, s := range []string{`{"id":1,"to":"+14155550100","body":"hi"}`, `{"body":"a\ud800"}`, `{"body":"x","Body":"y"}`,
		"{\"body\":\"x\"} x\n{\"body\":\"\xff\"}", `{"from":"not a sender!!","body":"x"}`, `{"body":"` + strings.Repeat("a", 1601) + `"}`} {
		f.Add(s, true, 0, 0, 0, 0)
	}
	f.Add("id,to,body\n1,+14155550100,hi\n", false, math.MaxInt, math.MaxInt, math.MaxInt, math.MaxInt)
	f.Add("id,to,body\n1,+14155550100,hi\n", false, math.MinInt, math.MinInt, math.MinInt, math.MinInt)
	f.Add(`{"body":"x"}`, true, 3, 16, 64, -1)
	f.Fuzz(func(t *testing.T, in string, jsonl bool, workers, batchBytes, maxRecord, maxFailed int) {
		format := CSV
		if jsonl {
			format = JSONL
		}
		runOnce := func(o Options) ([]byte, Summary, error) {
			o.Input, o.Output, o.Region = format, JSONL, fakeRegion
			var out bytes.Buffer
			s, err := o.Run(context.Background(), strings.NewReader(in), &out)
			return out.Bytes(), s, err
		}
		ref, refSum, refErr := runOnce(Options{Workers: 1})
		o := Options{Workers: workers, BatchBytes: batchBytes, MaxRecordBytes: maxRecord, MaxFailed: maxFailed}
		got, s, err := runOnce(o)
		for _, r := range []struct {
			out []byte
			s   Summary
			err error
		}{{ref, refSum, refErr}, {got, s, err}} {
			if r.err != nil {
				if !errors.Is(r.err, ErrInput) {
					t.Fatalf("Run(%q): %v", in, r.err)
				}
				continue
			}
			n := int64(0)
			dec := json.NewDecoder(bytes.NewReader(r.out))
			for {
				var m map[string]any
				err := dec.Decode(&m)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Run(%q): output row %d is not JSON: %v", in, n, err)
				}
				n++
			}
			if n != r.s.Rows || r.s.Rows != r.s.Messages+r.s.Failed {
				t.Fatalf("Run(%q): %d output rows, summary rows %d = messages %d + failed %d", in, n, r.s.Rows, r.s.Messages, r.s.Failed)
			}
		}
		eff := o
		eff.defaults()
		if refErr == nil && err == nil && eff.MaxRecordBytes >= len(in) && !bytes.Equal(ref, got) {
			t.Fatalf("Run(%q): output depends on workers and batch size (%+v)", in, eff)
		}
	})
}
