package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	sms "github.com/smsgauge/sms"
)

// fakeRegion maps calling codes to regions, for tests.
func fakeRegion(n string) (string, int, error) {
	for _, p := range []struct{ cc, r string }{{"+1", "US"}, {"+44", "GB"}, {"+33", "FR"}, {"+81", "JP"}, {"+49", "DE"}, {"+91", "IN"}, {"+55", "BR"}} {
		if strings.HasPrefix(n, p.cc) {
			return p.r, len(p.cc) - 1, nil
		}
	}
	return "", 0, errors.New("unknown calling code")
}

func run(t testing.TB, o Options, in string) (string, Summary, error) {
	t.Helper()
	if o.Region == nil {
		o.Region = fakeRegion
	}
	var out bytes.Buffer
	s, err := o.Run(context.Background(), strings.NewReader(in), &out)
	return out.String(), s, err
}

func TestRunCSV(t *testing.T) {
	in := "id,to,body\n" +
		"a,+14155550100,Hello\n" +
		"b,+447700900123,\"Hi, \"\"you\"\"\"\n" +
		"c,+33612345678,\"two\nlines\"\n" +
		"d,+14155550100,bare \"quote\n" +
		"e,+14155550100,\n" +
		"f,+819012345678,no price\n" +
		"g,4155550100,no plus\n" +
		"h,+14155550100,too,many\n" +
		"i,+14155550100,\xff\n" +
		"j,+14155550100,😀\n" +
		"k,+14155550100," + strings.Repeat("x", 161) + "\n"
	out, s, err := run(t, Options{Pricing: loadSample(t)}, in)
	if err != nil {
		t.Fatal(err)
	}
	want := "line,id,region,encoding,segments,characters,units,price_per_segment,cost,currency,error\n" +
		"2,a,US,GSM-7,1,5,5,0.0105,0.0105,USD,\n" +
		"3,b,GB,GSM-7,1,9,9,0.045,0.045,USD,\n" +
		"4,c,FR,GSM-7,1,9,9,0.08,0.08,USD,\n" +
		"6,d,,,,,,,,,malformed row: bare quote in an unquoted field\n" +
		"7,e,,,,,,,,,empty body\n" +
		"8,f,JP,GSM-7,1,8,8,,,,no price for country JP: not in the pricing data\n" +
		"9,g,,,,,,,,,\"bad number: \"\"4155550100\"\" is not E.164: no leading +\"\n" +
		"10,h,,,,,,,,,\"malformed row: 4 fields, the header has 3\"\n" +
		"11,i,,,,,,,,,invalid UTF-8: in the body at byte 0\n" +
		"12,j,US,UCS-2,1,1,2,0.0105,0.0105,USD,\n" +
		"13,k,US,GSM-7,2,161,161,0.0105,0.021,USD,\n"
	if out != want {
		t.Fatalf("output:\n%s\nwant:\n%s", out, want)
	}
	if s.Rows != 11 || s.Messages != 5 || s.Failed != 6 || s.Segments != 7 || s.Unpriced != 1 || s.UnpricedSeg != 1 || s.Cost.String() != "0.167" || s.Currency != "USD" {
		t.Fatalf("summary = %+v", s)
	}
	if len(s.FailedRows) != 6 || s.FailedRows[0].Line != 6 || s.FailedRows[5].ID != "i" {
		t.Fatalf("failed rows = %+v", s.FailedRows)
	}
	byRegion := fmt.Sprint(s.ByRegion)
	if byRegion != "[{FR 1 1 0.08 0} {GB 1 1 0.045 0} {JP 0 1 0.00 1} {US 3 4 0.042 0}]" {
		t.Fatalf("by region = %s", byRegion)
	}
	if enc := fmt.Sprint(s.ByEncoding); enc != "[{GSM-7 4 6 0.1565 1} {UCS-2 1 1 0.0105 0}]" {
		t.Fatalf("by encoding = %s", enc)
	}
}

func TestRunColumnsAndNoPricing(t *testing.T) {
	in := "Message,Phone,Ref,extra\nhello,+14155550100,r1,x\n"
	out, s, err := run(t, Options{BodyColumn: "message", ToColumn: "phone", IDColumn: "ref"}, in)
	if err != nil {
		t.Fatal(err)
	}
	want := "line,id,region,encoding,segments,characters,units,price_per_segment,cost,currency,error\n2,r1,US,GSM-7,1,5,5,,,,\n"
	if out != want || s.Cost != 0 || s.Currency != "" {
		t.Fatalf("output %q, summary %+v", out, s)
	}
	// Body only: no region, no id column: the line number identifies the row.
	out, _, err = run(t, Options{}, "body\nhi\n\"a,b\"\n")
	if err != nil || out != "line,id,region,encoding,segments,characters,units,price_per_segment,cost,currency,error\n2,,,GSM-7,1,2,2,,,,\n3,,,GSM-7,1,3,3,,,,\n" {
		t.Fatalf("body-only output %q, %v", out, err)
	}
}

func TestRunInputErrors(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		in   string
		want string
	}{
		{name: "empty", in: "", want: "no CSV header"},
		{name: "no body column", in: "to,text\n", want: "no body column"},
		{name: "duplicate column", in: "body,Body\n", want: "twice"},
		{name: "pricing without to", o: Options{Pricing: &Pricing{}}, in: "body\nx\n", want: "pricing needs a to column"},
		{name: "malformed header", in: "bo\"dy\n", want: "malformed CSV header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(t, tt.o, tt.in)
			var ie *InputError
			if !errors.Is(err, ErrInput) || !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Run err = %v, want an *InputError containing %q", err, tt.want)
			}
		})
	}
}

func TestRunJSONL(t *testing.T) {
	in := `{"id": 7, "to": "+14155550100", "body": "Hello"}` + "\n" +
		`{"id": "x\"y", "body": "Привет"}` + "\n" +
		"\n" +
		`{"id": 9, "to": "+14155550100"}` + "\n" +
		`not json` + "\n" +
		"{\"id\": 10, \"body\": \"bad \xff\"}\n" +
		`{"body": ""}` + "\n" +
		`{"body": 5}` + "\n" +
		`{"to": "+999", "body": "x"}`
	out, s, err := run(t, Options{Input: JSONL, Output: JSONL}, in)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 8 {
		t.Fatalf("%d output lines, want 8:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d is not JSON: %q", i, l)
		}
	}
	wants := []string{
		`{"line":1,"id":7,"encoding":"GSM-7","segments":1,"characters":5,"units":5,"segment_bits":[35],"region":"US"}`,
		`{"line":2,"id":"x\"y","encoding":"UCS-2","segments":1,"characters":6,"units":6,"segment_bits":[96]}`,
		`{"line":4,"id":9,"error":"empty body: no body"}`,
		`{"line":5,"error":"malformed row: unexpected 'n' at byte 0"}`,
		`{"line":6,"id":10,"error":"invalid UTF-8: \"body\": invalid UTF-8 in a string at byte 24"}`,
		`{"line":7,"error":"empty body"}`,
		`{"line":8,"error":"malformed row: \"body\": want a string, not a number at byte 9"}`,
		`{"line":9,"error":"bad number: \"+999\": unknown calling code"}`,
	}
	for i, w := range wants {
		if lines[i] != w {
			t.Errorf("line %d = %s\nwant     %s", i, lines[i], w)
		}
	}
	if s.Rows != 8 || s.Failed != 6 {
		t.Fatalf("summary %+v", s)
	}
}

// genCSV writes n rows, a mix of good rows and rows of every failure kind,
// each of which must give exactly one output row.
func genCSV(r *rand.Rand, n int) (string, int) {
	var b strings.Builder
	b.WriteString("id,to,body\n")
	bodies := []string{"Hello", "Your code is 123456", "Grüße aus Köln", "Привет", "😀 party", "a,b", "he said \"hi\"", "multi\nline", strings.Repeat("long ", 80)}
	bad := 0
	for i := range n {
		id := fmt.Sprint("r", i)
		switch r.IntN(12) {
		case 0:
			fmt.Fprintf(&b, "%s,+14155550100,bare \"quote\n", id)
			bad++
		case 1:
			fmt.Fprintf(&b, "%s,+14155550100,a,b\n", id)
			bad++
		case 2:
			fmt.Fprintf(&b, "%s,+14155550100,\n", id)
			bad++
		case 3:
			fmt.Fprintf(&b, "%s,12,x\n", id)
			bad++
		case 4:
			fmt.Fprintf(&b, "%s,+14155550100,\"x\"y\n", id)
			bad++
		case 5:
			fmt.Fprintf(&b, "%s,+14155550100,\xc3(\r\n", id)
			bad++
		default:
			body := bodies[r.IntN(len(bodies))]
			to := []string{"+14155550100", "+447700900123", "+33612345678"}[r.IntN(3)]
			fmt.Fprintf(&b, "%s,%s,\"%s\"\n", id, to, strings.ReplaceAll(body, `"`, `""`))
		}
		if r.IntN(20) == 0 {
			b.WriteString("\n") // blank lines are not rows
		}
	}
	return b.String(), bad
}

// TestRunRowCount proves that the output has exactly one row per input row,
// in input order, whatever the batch size and the number of workers, even
// with malformed rows.
func TestRunRowCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 3000
	in, bad := genCSV(r, n)
	var ref string
	for _, cfg := range []struct{ workers, batch int }{{1, 0}, {4, 64}, {3, 200}, {8, 1000}, {2, 7}} {
		o := Options{Workers: cfg.workers, BatchBytes: cfg.batch, Output: JSONL, MaxFailed: 5}
		out, s, err := run(t, o, in)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != n || s.Rows != n || s.Failed != int64(bad) || s.Messages != int64(n-bad) {
			t.Fatalf("workers %d batch %d: %d output rows, summary rows %d failed %d messages %d; want %d rows, %d failed",
				cfg.workers, cfg.batch, len(lines), s.Rows, s.Failed, s.Messages, n, bad)
		}
		if len(s.FailedRows) != 5 || !s.Truncated {
			t.Fatalf("failed rows listed %d (truncated %v), want 5 and truncated", len(s.FailedRows), s.Truncated)
		}
		for i, l := range lines {
			var m struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("row %d not JSON: %q", i, l)
			}
			if want := fmt.Sprint("r", i); m.ID != want {
				t.Fatalf("workers %d batch %d: row %d has id %q, want %q (order lost)", cfg.workers, cfg.batch, i, m.ID, want)
			}
		}
		if ref == "" {
			ref = out
		} else if out != ref {
			t.Fatalf("workers %d batch %d: output differs from the 1-worker run", cfg.workers, cfg.batch)
		}
	}
}

func TestRunStrict(t *testing.T) {
	in := "id,body\n1,a\n2,\n3,c\n"
	out, s, err := run(t, Options{Strict: true, BatchBytes: 1}, in)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Stopped || s.Rows != 2 || s.Failed != 1 || strings.Count(out, "\n") != 3 || strings.Contains(out, "\n4,") {
		t.Fatalf("strict: output %q summary %+v", out, s)
	}
}

func TestRunTooLong(t *testing.T) {
	in := "id,body\n1," + strings.Repeat("x", 5000) + "\n2,ok\n3,\"" + strings.Repeat("y\n", 3000) + "\"\n4,ok\n"
	out, s, err := run(t, Options{BatchBytes: 100, MaxRecordBytes: 1000, Output: JSONL}, in)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// Row 3 is too long; the reader resyncs at its second line, so each "y"
	// line and the closing quote line become rows of their own (all bad but
	// the closing line, which has the wrong field count): no row is lost.
	if !strings.Contains(lines[0], "row too long") || !strings.Contains(lines[1], `"id":"2"`) || !strings.Contains(lines[2], "row too long") {
		t.Fatalf("output starts %q", lines[:3])
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, `"id":"4"`) || !strings.Contains(last, `"segments":1`) {
		t.Fatalf("last row %q", last)
	}
	if s.Rows != int64(len(lines)) {
		t.Fatalf("summary rows %d, output rows %d", s.Rows, len(lines))
	}
}

// endless is an io.Reader of endless CSV rows.
type endless struct {
	row  []byte
	off  int
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.row[e.off:])
		n += c
		e.off = (e.off + c) % len(e.row)
	}
	e.read += int64(n)
	return n, nil
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	src := io.MultiReader(strings.NewReader("id,to,body\n"), &endless{row: []byte("1,+14155550100,hello world\n")})
	var out bytes.Buffer
	o := Options{Region: fakeRegion, Workers: 2, Progress: func(rows, _ int64) {
		if rows > 50_000 {
			cancel()
		}
	}}
	done := make(chan struct{})
	var s Summary
	var err error
	go func() {
		s, err = o.Run(ctx, src, &out)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
	if !errors.Is(err, context.Canceled) || !s.Interrupted {
		t.Fatalf("err = %v, interrupted %v", err, s.Interrupted)
	}
	rows := strings.Count(out.String(), "\n") - 1
	if int64(rows) != s.Rows || rows < 50_000 || !strings.HasSuffix(out.String(), ",\n") {
		t.Fatalf("%d rows written, summary %d; output must end with a whole row", rows, s.Rows)
	}
	if s.Messages != s.Rows || s.Segments != s.Rows {
		t.Fatalf("summary %+v", s)
	}
}

func TestRunSmartSuggest(t *testing.T) {
	curly := strings.Repeat("don’t ", 15)       // 90 chars, UCS-2: 2 segments; smart: GSM-7, 1
	decomposed := strings.Repeat("e\u0301", 70) // UCS-2: 3 segments; NFC: 70 é, GSM-7, 1
	emoji := "😀 " + strings.Repeat("x", 80)     // UCS-2 2 segments, nothing helps
	mixed := strings.Repeat("don’t ", 15) + "😀" // smart cannot leave UCS-2
	in := "id,to,body\n1,+14155550100," + curly + "\n2,+14155550100," + decomposed + "\n3,+14155550100," + emoji + "\n4,+14155550100," + mixed + "\n"
	out, s, err := run(t, Options{Pricing: loadSample(t), Smart: true, Suggest: true}, in)
	if err != nil {
		t.Fatal(err)
	}
	want := "line,id,region,encoding,segments,characters,units,smart_encoding,smart_segments,smart_cost,suggest_segments,suggest_cost,price_per_segment,cost,currency,error\n" +
		"2,1,US,UCS-2,2,90,90,GSM-7,1,0.0105,1,0.0105,0.0105,0.021,USD,\n" +
		"3,2,US,UCS-2,3,70,140,UCS-2,3,0.0315,1,0.0105,0.0105,0.0315,USD,\n" +
		"4,3,US,UCS-2,2,82,83,UCS-2,2,0.021,2,0.021,0.0105,0.021,USD,\n" +
		"5,4,US,UCS-2,2,91,92,UCS-2,2,0.021,2,0.021,0.0105,0.021,USD,\n"
	if out != want {
		t.Fatalf("output:\n%s\nwant:\n%s", out, want)
	}
	if *s.Smart != (Savings{Rows: 1, Segments: 1, Cost: 10500}) || *s.Suggest != (Savings{Rows: 2, Segments: 3, Cost: 31500}) {
		t.Fatalf("smart %+v suggest %+v", *s.Smart, *s.Suggest)
	}
	// The 2017 policy: no substitution unless the result is all GSM-7.
	out, _, err = run(t, Options{Smart: true, SmartPolicy: sms.SmartIfGSM7, Output: JSONL}, "body\n"+mixed+"\n"+curly+"\n")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], `"body":"don’t`) || !strings.Contains(lines[1], `"body":"don't`) {
		t.Fatalf("gsm-only policy output:\n%s", out)
	}
}
