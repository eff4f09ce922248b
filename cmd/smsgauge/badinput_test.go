//go:build !js

// The tests here run the built command as a process, which WebAssembly
// cannot.

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binPath is the smsgauge binary that TestMain builds once for the tests
// that run it as a process.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "smsgauge-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binPath = filepath.Join(dir, "smsgauge")
	if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBin runs the built command with stdin and returns stdout, stderr and
// the exit code.
func runBin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runBinary(t, binPath, stdin, args...)
}

// TestBadInputCLI is the command's bad-input catalogue: each case is an
// input that was silently accepted, changed, mispriced or read without
// bound, run through the built binary. Each must exit with the code given,
// say what the want strings say, and never panic.
func TestBadInputCLI(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge")
	os.MkdirAll(huge, 0o755)
	os.WriteFile(filepath.Join(huge, "US.json"), []byte(`{"country":"United States","iso_country":"US","price_unit":"USD",
		"outbound_sms_prices":[{"carrier":"X","mcc":"310","mnc":"1","prices":[{"number_type":"local","base_price":"5000000000000","current_price":"5000000000000"}]}]}`), 0o644)
	mib := 1 << 20
	ucs2MiB := strings.Repeat("ж", mib/2+1) // 1 MiB + 2 bytes of UCS-2 text
	tollFree := "id,to,body\n1,+14155552671,hello\n2,+16045551234,hello\n3,+33612345678,hello\n4,+4915112345678,hello\n" +
		"5,+919812345678,hello\n6,+5511912345678,hello\n7,+819012345678,hello\n8,+447911123456,hello\n"
	for _, tc := range []struct {
		name    string
		args    []string
		stdin   string
		code    int
		out     []string // in stdout
		err     []string // in stderr
		notOut  []string
		errLine string // the first line of stderr starts so
	}{
		// §3 text arrives exactly as typed.
		{name: "jsonl lone surrogate", args: []string{"--jsonl"}, stdin: `{"id":1,"body":"a\ud800b"}`, code: 1,
			out: []string{`"id":1,"line":1,"error":"\"body\": lone surrogate \\ud800`, "at byte 17"}},
		{name: "jsonl invalid UTF-8", args: []string{"--jsonl"}, stdin: "{\"id\":1,\"body\":\"a\xffb\"}", code: 1,
			out: []string{`"error":"\"body\": invalid UTF-8 in a string at byte 17"`}},
		{name: "jsonl body and Body", args: []string{"--jsonl"}, stdin: `{"body":"x","Body":"y"}`, code: 1,
			out: []string{`keys \"body\" and \"Body\" differ only in case at byte 12`}},
		{name: "jsonl to and TO", args: []string{"--jsonl"}, stdin: `{"to":"+14155552671","TO":"+14155550100","body":"x"}`, code: 1,
			out: []string{`\"TO\": keys \"to\" and \"TO\"`}},
		{name: "jsonl BODY", args: []string{"--jsonl"}, stdin: `{"BODY":"x"}`, code: 1, out: []string{`the key is \"body\"`}},
		{name: "jsonl long s", args: []string{"--jsonl"}, stdin: `{"smartEncoded":1,"ſmartEncoded":2,"body":"x"}`, code: 1,
			out: []string{`\"\\u017fmartEncoded\"`, "differ only in case"}},
		{name: "jsonl trailing text", args: []string{"--jsonl"}, stdin: `{"body":"x"} more`, code: 1, out: []string{"text after the JSON value at byte 13"}},
		{name: "batch jsonl lone surrogate", args: []string{"batch", "-jsonl"}, stdin: `{"id":1,"body":"a\ud800b"}`, code: 1,
			out: []string{`invalid UTF-8: \"body\": lone surrogate`}},
		{name: "batch jsonl body and Body", args: []string{"batch", "-jsonl"}, stdin: `{"body":"x","Body":"y"}`, code: 1,
			out: []string{`bad key: \"Body\"`}},
		{name: "batch jsonl trailing", args: []string{"batch", "-jsonl"}, stdin: `{"body":"x"}{"body":"y"}`, code: 1,
			out: []string{"text after the JSON value at byte 12"}},
		// §4 batch estimates what Twilio would send.
		{name: "batch 1601 units", args: []string{"batch", "-pricing", samplePricing}, stdin: "id,to,body\n1,+14155552671," + strings.Repeat("a", 1601) + "\n", code: 1,
			out: []string{"2,1,US,GSM-7,11,1601,1601,,,,", "Twilio error 21617"}, err: []string{"0 messages"}},
		{name: "batch 900k characters", args: []string{"batch"}, stdin: "id,to,body\n1,+14155552671," + strings.Repeat("a", 900_000) + "\n", code: 1,
			out: []string{",US,GSM-7,5883,900000,900000,,,,", "21617"}},
		{name: "batch from not a sender", args: []string{"batch"}, stdin: "id,to,from,body\n1,+14155552671,not a sender!!,hi\n", code: 1,
			out: []string{"bad sender", "not a sender!!"}},
		{name: "batch JP without a price", args: []string{"batch", "-pricing", samplePricing}, stdin: "id,to,body\n1,+14155552671,hi\n2,+819012345678,hello\n", code: 1,
			out: []string{"3,2,JP,GSM-7,1,5,5,,,,"}, err: []string{"2 segments", "1 failed row has no price: its 1 segment is counted"}},
		{name: "batch toll free", args: []string{"batch", "-pricing", samplePricing, "-number-type", "toll free"}, stdin: tollFree, code: 1,
			out: []string{",FR,GSM-7,1,5,5,,,,", ",DE,GSM-7,1,5,5,,,,", ",IN,GSM-7,1,5,5,,,,", ",BR,GSM-7,1,5,5,,,,", ",JP,GSM-7,1,5,5,,,,", ",GG,GSM-7,1,5,5,,,,"},
			err: []string{"8 segments", "6 failed rows have no price"}},
		{name: "batch money overflow", args: []string{"batch", "-pricing", huge}, stdin: "id,to,body\n1,+14155552671,hi\n2,+14155552671,hi\n", code: 2,
			errLine: "smsgauge batch: money: sum overflows", err: []string{"overflow (not a total)"}, notOut: []string{"9223372"}},
		{name: "batch Arabic-Indic digits", args: []string{"batch"}, stdin: "id,to,body\n1,+١٤١٥٥٥٥٢٦٧١,hi\n", code: 1,
			out: []string{"not ASCII digits"}, notOut: []string{"more than 15 digits"}},
		// §5 bounded memory and time.
		{name: "report stdin over 1 MiB", stdin: ucs2MiB, code: 1, err: []string{"standard input is longer than 1 MiB (-max-body"}, notOut: []string{"Segments"}},
		{name: "report -json stdin over 1 MiB", args: []string{"-json"}, stdin: ucs2MiB, code: 1, err: []string{"longer than 1 MiB"}, notOut: []string{"segments"}},
		{name: "report stdin of 1 MiB", stdin: ucs2MiB[:mib], code: 0, out: []string{"Segments:    7826"}},
		{name: "report -max-body 4MiB", args: []string{"-max-body", "4MiB"}, stdin: ucs2MiB, code: 0, out: []string{"Encoding:    UCS-2"}},
		{name: "report -max-body bad", args: []string{"-max-body", "lots"}, stdin: "x", code: 2, err: []string{"max-body"}},
		{name: "suggest stdin over 1 MiB", args: []string{"suggest"}, stdin: ucs2MiB, code: 1, err: []string{"standard input is longer than 1 MiB (-max-body"}},
		{name: "suggest -max-body 4MiB", args: []string{"suggest", "-max-body", "4MiB"}, stdin: "It’s", code: 0, out: []string{"suggested:"}},
		{name: "encode stdin over 1 MiB", args: []string{"encode"}, stdin: ucs2MiB, code: 1, err: []string{"standard input is longer than 1 MiB (-max-body"}},
		{name: "report -max-body too big", args: []string{"-max-body", "1TiB"}, stdin: "x", code: 2, err: []string{"max-body"}},
		{name: "jsonl line over 1 MiB", args: []string{"--jsonl"}, stdin: `{"id":1,"body":"` + strings.Repeat("a", mib) + `"}` + "\n" + `{"id":2,"body":"ok"}`, code: 1,
			out: []string{`{"line":1,"error":"line 1 is longer than 1 MiB (-max-body`, `{"id":2,"encoding":"GSM-7"`}},
		{name: "jsonl -max-body 2MiB", args: []string{"--jsonl", "-max-body", "2MiB"}, stdin: `{"id":1,"body":"` + strings.Repeat("a", mib) + `"}`, code: 0,
			out: []string{`"segments":6854`}},
		{name: "batch row over 1 MiB", args: []string{"batch"}, stdin: "id,body\n1," + strings.Repeat("a", mib) + "\n2,ok\n", code: 1,
			out: []string{"row too long: longer than the limit of 1048576 bytes", "3,2,,GSM-7,1,2,2,"}},
		{name: "batch -max-body 2MiB", args: []string{"batch", "-max-body", "2MiB"}, stdin: "id,body\n1," + strings.Repeat("a", mib) + "\n", code: 1,
			out: []string{",GSM-7,6854,1048576,1048576,", "21617"}},
		// §9 warnings.
		{name: "request Body with NUL and U+202E", args: []string{"request", "create"}, stdin: `{"To":"+14155552671","From":"+14155550100","Body":"a\u0000b \u202e"}`, code: 0,
			err: []string{"Body: 1 control character, the first U+0000", "Body: 1 bidirectional control character, the first U+202E"}},
		{name: "request Attempt above 32 bits", args: []string{"request", "create"}, stdin: `{"To":"+14155552671","From":"+14155550100","Body":"hi","Attempt":2147483648}`, code: 1,
			out: []string{`"param":"Attempt","rule":"range"`, "Attempt: 2147483648 is above 2147483647"}},
		{name: "request Attempt beyond int64", args: []string{"request", "create", "-set", "Attempt=99999999999999999999"}, stdin: `{"To":"+14155552671","From":"+14155550100","Body":"hi"}`, code: 1,
			out: []string{`"param":"Attempt","rule":"range"`, `Attempt: \"99999999999999999999\" is out of range`}, notOut: []string{"not an integer"}},
		{name: "request empty key", args: []string{"request", "create"}, stdin: `{"":1,"To":"+14155552671","From":"+14155550100","Body":"hi"}`, code: 1,
			out: []string{`\"\": an empty name is not a parameter`}},
		{name: "request private StatusCallback", args: []string{"request", "create"}, stdin: `{"To":"+14155552671","From":"+14155550100","Body":"hi","StatusCallback":"https://192.168.1.10/cb"}`, code: 0,
			err: []string{"StatusCallback: address 192.168.1.10 is private"}},
		{name: "request localhost StatusCallback", args: []string{"request", "create"}, stdin: `{"To":"+14155552671","From":"+14155550100","Body":"hi","StatusCallback":"https://localhost/cb"}`, code: 0,
			err: []string{"StatusCallback: host \"localhost\" is this machine"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runBin(t, tc.stdin, tc.args...)
			short := func(s string) string {
				if len(s) > 800 {
					return s[:800] + "..."
				}
				return s
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, short(out), short(errs))
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
				t.Fatalf("panic: %s", short(errs))
			}
			for _, w := range tc.out {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q: %s", w, short(out))
				}
			}
			for _, w := range tc.notOut {
				if strings.Contains(out, w) || strings.Contains(errs, w) {
					t.Errorf("output has %q: %s %s", w, short(out), short(errs))
				}
			}
			for _, w := range tc.err {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q: %s", w, short(errs))
				}
			}
			if tc.errLine != "" && !strings.HasPrefix(errs, tc.errLine) {
				t.Errorf("stderr does not start with %q: %s", tc.errLine, short(errs))
			}
		})
	}
}
