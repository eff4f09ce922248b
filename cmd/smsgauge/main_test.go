package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// runCmd runs smsgauge in-process and returns its output and exit code.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestReport(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  []string
	}{
		{name: "GSM-7 argument", args: []string{strings.Repeat("a", 161)}, want: []string{"Encoding:    GSM-7", "Segments:    2 (153 septets each after a 6-octet UDH)", "segment 1  153/153", "segment 2  8/153"}},
		{name: "words are joined", args: []string{"hello", "world"}, want: []string{`segment 1  11/160  "hello world"`}},
		{name: "stdin kept exactly", stdin: "hi\n", want: []string{"3/160", "ends with a line break"}},
		{name: "UCS-2 lists the culprits", args: []string{"caf\u00e9 \u2019ok\u2019"}, want: []string{"UCS-2 (forced by 2 characters outside GSM-7)", `"’" ×2  U+2019 RIGHT SINGLE QUOTATION MARK  -> "'" (smart)  at 6, 9`}},
		{name: "udh16", args: []string{"-udh16", strings.Repeat("a", 305)}, want: []string{"Segments:    3 (152 septets each after a 7-octet UDH)"}},
		{name: "forced GSM-7 fails", args: []string{"-encoding", "GSM-7", "ж"}, code: 1},
		{name: "bad encoding", args: []string{"-encoding", "utf8", "x"}, code: 2},
		{name: "invalid byte", stdin: "a\xffb", want: []string{"invalid byte 0xFF (counted as U+FFFD)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCmd(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Fatalf("smsgauge %q exit %d, want %d; stderr %s", tc.args, code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("smsgauge %q output lacks %q:\n%s", tc.args, w, out)
				}
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	out, _, code := runCmd(t, "", "-json", "Hi “you”")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r struct {
		Encoding    string `json:"encoding"`
		Segments    int    `json:"segments"`
		SegmentBits []int  `json:"segment_bits"`
		NonGSM      []struct {
			Offset     int      `json:"offset"`
			Text       string   `json:"text"`
			CodePoints []string `json:"code_points"`
		} `json:"non_gsm"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("bad JSON %v:\n%s", err, out)
	}
	if r.Encoding != "UCS-2" || r.Segments != 1 || len(r.SegmentBits) != 1 || r.SegmentBits[0] != 8*16 {
		t.Errorf("JSON report = %+v", r)
	}
	if len(r.NonGSM) != 2 || r.NonGSM[0].Offset != 3 || r.NonGSM[0].CodePoints[0] != "U+201C" {
		t.Errorf("JSON non_gsm = %+v", r.NonGSM)
	}
}

func TestJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": 1, "body": "hello"}`,
		`{"id": "b", "body": "` + strings.Repeat("ж", 71) + `"}`,
		`not json`,
		`{"id": 4}`,
		`{"id": 5, "body": 7}`,
		``,
		`{"body": "x"}`,
		`{"id": {"k": [1]}, "body": "` + strings.Repeat("a", 161) + `"}`,
	}, "\n")
	out, errs, code := runCmd(t, in, "--jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 (some lines failed); stderr %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		`{"id":1,"encoding":"GSM-7","segments":1,"characters":5,"units":5,"segment_bits":[35]}`,
		`{"id":"b","encoding":"UCS-2","segments":2,"characters":71,"units":71,"segment_bits":[1072,64]}`,
		`{"line":3,"error":`,
		`{"id":4,"line":4,"error":"no \"body\""}`,
		`{"id":5,"line":5,"error":"\"body\": want a string, not a number at byte 18"}`,
		`{"line":6,"error":`,
		`{"line":7,"encoding":"GSM-7","segments":1,"characters":1,"units":1,"segment_bits":[7]}`,
		`{"id":{"k":[1]},"encoding":"GSM-7","segments":2,"characters":161,"units":161,"segment_bits":[1071,56]}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d output lines for %d input lines:\n%s", len(lines), len(want), out)
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("line %d = %s, want %s", i+1, lines[i], want[i])
		}
	}
	if _, _, code := runCmd(t, `{"id":1,"body":"ok"}`+"\n", "--jsonl"); code != 0 {
		t.Errorf("all-good JSONL exit %d, want 0", code)
	}
}

func TestHelp(t *testing.T) {
	out, _, code := runCmd(t, "", "help")
	if code != 0 || !strings.Contains(out, "--jsonl") {
		t.Errorf("help exit %d:\n%s", code, out)
	}
}

func TestJSONLAddresses(t *testing.T) {
	in := `{"id":1,"body":"hi","to":"+14155552671","from":"MyBrand"}` + "\n" +
		`{"id":2,"body":"hi","to":"(415) 555-2671","from":"whatsapp:+14155550100"}` + "\n" +
		`{"id":3,"body":"hi","to":"+0123"}` + "\n"
	out, _, code := runCmd(t, in, "--jsonl", "-region", "US")
	if code != 0 {
		t.Errorf("exit %d, want 0: address problems are reported, not failures", code)
	}
	var lines []struct {
		ID   int            `json:"id"`
		To   map[string]any `json:"to"`
		From map[string]any `json:"from"`
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var v struct {
			ID   int            `json:"id"`
			To   map[string]any `json:"to"`
			From map[string]any `json:"from"`
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, v)
	}
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	if lines[0].To["kind"] != "phone" || lines[0].To["valid"] != true || lines[0].From["kind"] != "sender_id" {
		t.Errorf("line 1 = %+v", lines[0])
	}
	if lines[1].To["normalized"] != "+14155552671" {
		t.Errorf("line 2 to = %+v, want normalised +14155552671", lines[1].To)
	}
	if lines[2].To["valid"] != false || lines[2].To["error"] == "" || lines[2].From != nil {
		t.Errorf("line 3 = %+v, want an error for to and no from", lines[2])
	}
}
