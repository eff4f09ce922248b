package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
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

// FuzzRun checks the invariants of a whole run on any input: one output row
// per input row (Summary.Rows), each a JSON object; rows = messages +
// failures; and the same output whatever the workers and batch size.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("id,to,body\n" + s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var ref []byte
		for _, o := range []Options{{Workers: 1}, {Workers: 3, BatchBytes: 16, MaxRecordBytes: 64}} {
			if o.MaxRecordBytes != 0 && len(in) > 64 {
				o.MaxRecordBytes = 1 << 20 // keep the outputs comparable
			}
			o.Output = JSONL
			o.Region = fakeRegion
			var out bytes.Buffer
			s, err := o.Run(context.Background(), strings.NewReader(in), &out)
			if err != nil {
				if errors.Is(err, ErrInput) {
					return
				}
				t.Fatalf("Run(%q): %v", in, err)
			}
			n := int64(0)
			dec := json.NewDecoder(&out)
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
			if n != s.Rows || s.Rows != s.Messages+s.Failed {
				t.Fatalf("Run(%q): %d output rows, summary rows %d = messages %d + failed %d", in, n, s.Rows, s.Messages, s.Failed)
			}
			if ref == nil {
				ref = out.Bytes()
			} else if !bytes.Equal(ref, out.Bytes()) {
				t.Fatalf("Run(%q): output depends on workers and batch size", in)
			}
		}
	})
}
