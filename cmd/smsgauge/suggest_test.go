package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/smsgauge/sms"
)

func TestSmartFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		on      bool
		policy  sms.SmartPolicy
		nfc     bool
		wantErr bool
	}{
		{"off", nil, false, sms.SmartAlways, false, false},
		{"bare", []string{"-smart"}, true, sms.SmartAlways, false, false},
		{"calculator", []string{"-smart=calculator"}, true, sms.SmartAlways, false, false},
		{"gsm-only", []string{"-smart=gsm-only", "-nfc"}, true, sms.SmartIfGSM7, true, false},
		{"false", []string{"-smart=false"}, false, sms.SmartAlways, false, false},
		{"nfc alone", []string{"-nfc"}, false, sms.SmartAlways, true, false},
		{"bad", []string{"-smart=sometimes"}, false, 0, false, true},
		{"empty", []string{"-smart="}, false, 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			f := addSmartFlags(fs)
			err := fs.Parse(tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Parse(%q) error = %v, want error %v", tt.args, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if f.smart.on != tt.on || f.smart.policy != tt.policy || f.nfc != tt.nfc {
				t.Errorf("Parse(%q) = on %v policy %v nfc %v; want %v %v %v", tt.args, f.smart.on, f.smart.policy, f.nfc, tt.on, tt.policy, tt.nfc)
			}
			if f.enabled() != (tt.on || tt.nfc) {
				t.Errorf("Parse(%q).enabled() = %v", tt.args, f.enabled())
			}
			o := f.options(sms.Options{UDH16: true})
			if o.Policy != tt.policy || o.NFC != tt.nfc || !o.Core.UDH16 {
				t.Errorf("Parse(%q).options = %+v", tt.args, o)
			}
		})
	}
}

func TestSmartJSON(t *testing.T) {
	quote100 := "’" + strings.Repeat("a", 100)
	tests := []struct {
		name string
		args []string
		body string
		want map[string]any
	}{
		{"calculator", []string{"-smart"}, quote100, map[string]any{
			"encoding": "GSM-7", "segments": 1, "characters": 101, "units": 101,
			"segment_bits": []int{707}, "body": "'" + strings.Repeat("a", 100)}},
		{"gsm-only declines", []string{"-smart=gsm-only"}, "It’s 😀", map[string]any{
			"encoding": "UCS-2", "segments": 1, "characters": 6, "units": 7,
			"segment_bits": []int{112}, "body": "It’s 😀"}},
		{"calculator substitutes", []string{"-smart"}, "It’s 😀", map[string]any{
			"encoding": "UCS-2", "segments": 1, "characters": 6, "units": 7,
			"segment_bits": []int{112}, "body": "It's 😀"}},
		{"nfc alone", []string{"-nfc"}, strings.Repeat("e\u0301", 70), map[string]any{
			"encoding": "GSM-7", "segments": 1, "characters": 70, "units": 70,
			"segment_bits": []int{490}, "body": strings.Repeat("é", 70)}},
		{"two segments", []string{"-smart"}, strings.Repeat("“x”", 60), map[string]any{
			"encoding": "GSM-7", "segments": 2, "characters": 180, "units": 180,
			"segment_bits": []int{1071, 189}, "body": strings.Repeat("\"x\"", 60)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			f := addSmartFlags(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			got, err := smartJSON(tt.body, f, sms.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("smartJSON(%q, %v) = %v, want %v", tt.body, tt.args, got, tt.want)
			}
			if _, err := json.Marshal(got); err != nil {
				t.Errorf("smartJSON result does not marshal: %v", err)
			}
		})
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	f := addSmartFlags(fs)
	fs.Parse([]string{"-smart"})
	if _, err := smartJSON("😀", f, sms.Options{Encoding: sms.EncodingGSM7}); err == nil {
		t.Errorf("smartJSON forcing GSM-7 on an emoji: no error")
	}
}

func TestWriteSmartReport(t *testing.T) {
	tests := []struct {
		name string
		args []string
		body string
		want []string
	}{
		{"calculator", []string{"-smart"}, "’" + strings.Repeat("a", 100),
			[]string{"smart (calculator): GSM-7, 1 segment (101 septets), saves 1 segment", `byte 0: "’" U+2019 -> "'"`}},
		{"gsm-only", []string{"-smart=gsm-only"}, "It’s 😀",
			[]string{"smart (gsm-only): UCS-2, 1 segment (7 UTF-16 units), saves 0 segments", "not substituted"}},
		{"nfc", []string{"-nfc"}, strings.Repeat("e\u0301", 70),
			[]string{"nfc: GSM-7, 1 segment (70 septets), saves 2 segments", "NFC changed the body (saves 2 segments)"}},
		{"both", []string{"-smart", "-nfc"}, "n\u0303’",
			[]string{"smart (calculator) + nfc: GSM-7", `byte 2: "’" U+2019 -> "'"`, `body: "ñ'"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			f := addSmartFlags(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := writeSmartReport(&b, tt.body, f, sms.Options{}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("writeSmartReport(%q, %v) = %q, want it to contain %q", tt.body, tt.args, b.String(), w)
				}
			}
		})
	}
}

func TestRunSuggest(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string
	}{
		{"quote", []string{"suggest", "’" + strings.Repeat("a", 100)}, "", 0, []string{
			"now:       UCS-2, 2 segments (101 UTF-16 units)",
			"suggested: GSM-7, 1 segment (101 septets), saves 1 segment with smart encoding",
			`byte 0     "’" U+2019: smart -> "'"`}},
		{"emoji remains", []string{"suggest", "Hi 😀"}, "", 0, []string{
			"saves 0 segments", `byte 3     "😀" U+1F600: no GSM-7 form known`, "still forcing UCS-2 in the suggested body (1)"}},
		{"clean", []string{"suggest", "plain"}, "", 0, []string{"every character is GSM-7"}},
		{"stdin drops newline", []string{"suggest", "-json"}, "It’s\n", 0, []string{`"body":"It’s"`, `"segments_now":1`}},
		{"stdin raw", []string{"suggest", "-json", "-raw"}, "It’s\n", 0, []string{`"body":"It’s\n"`}},
		{"nfc", []string{"suggest", "-udh16", strings.Repeat("e\u0301", 70)}, "", 0, []string{"with NFC", `nfc -> "é"`}},
		{"bad flag", []string{"suggest", "-bogus"}, "", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errb)
			if code != tt.code {
				t.Fatalf("run(%q) = %d, want %d; stderr %q", tt.args, code, tt.code, errb.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("run(%q) printed %q, want it to contain %q", tt.args, out.String(), w)
				}
			}
		})
	}
}
