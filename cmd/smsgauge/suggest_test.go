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
		want smartJSONOut
	}{
		{"calculator", []string{"-smart"}, quote100, smartJSONOut{
			sms.EncodingGSM7, 1, 101, 101, []int{707}, "'" + strings.Repeat("a", 100)}},
		{"gsm-only declines", []string{"-smart=gsm-only"}, "It’s 😀", smartJSONOut{
			sms.EncodingUCS2, 1, 6, 7, []int{112}, "It’s 😀"}},
		{"calculator substitutes", []string{"-smart"}, "It’s 😀", smartJSONOut{
			sms.EncodingUCS2, 1, 6, 7, []int{112}, "It's 😀"}},
		{"nfc alone", []string{"-nfc"}, strings.Repeat("e\u0301", 70), smartJSONOut{
			sms.EncodingGSM7, 1, 70, 70, []int{490}, strings.Repeat("é", 70)}},
		{"two segments", []string{"-smart"}, strings.Repeat("“x”", 60), smartJSONOut{
			sms.EncodingGSM7, 2, 180, 180, []int{1071, 189}, strings.Repeat("\"x\"", 60)}},
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
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("smartJSON(%q, %v) = %+v, want %+v", tt.body, tt.args, *got, tt.want)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("smartJSON result does not marshal: %v", err)
			}
			var m map[string]any
			json.Unmarshal(b, &m)
			for _, k := range []string{"encoding", "segments", "characters", "units", "segment_bits", "body"} {
				if _, ok := m[k]; !ok || len(m) != 6 {
					t.Errorf("smartJSON JSON %s: want exactly the keys encoding, segments, characters, units, segment_bits, body", b)
				}
			}
			if m["encoding"] != tt.want.Encoding.String() {
				t.Errorf("smartJSON JSON encoding = %v, want %q", m["encoding"], tt.want.Encoding.String())
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
			[]string{"smart (calculator): GSM-7, 1 segment (101 septets), saves 1 segment", `"’" ×1  U+2019 RIGHT SINGLE QUOTATION MARK  -> "'"  at 1`}},
		{"gsm-only", []string{"-smart=gsm-only"}, "It’s 😀",
			[]string{"smart (gsm-only): UCS-2, 1 segment (7 UTF-16 units), saves 0 segments", "not substituted"}},
		{"nfc", []string{"-nfc"}, strings.Repeat("e\u0301", 70),
			[]string{"nfc: GSM-7, 1 segment (70 septets), saves 2 segments", "NFC changed the body (saves 2 segments)"}},
		{"both", []string{"-smart", "-nfc"}, "n\u0303’",
			[]string{"smart (calculator) + nfc: GSM-7", `"’" ×1  U+2019 RIGHT SINGLE QUOTATION MARK  -> "'"  at 2`, `body: "ñ'"`}},
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
			`"’" ×1  U+2019 RIGHT SINGLE QUOTATION MARK  fix: smart -> "'"  at 1`}},
		{"emoji remains", []string{"suggest", "Hi 😀"}, "", 0, []string{
			"saves 0 segments", `"😀" ×1  U+1F600 GRINNING FACE  fix: none known  at 4`, "outside GSM-7 in the suggested body: 1 character", "1 character has no GSM-7 form, so the body stays UCS-2, and no substitution saves a segment"}},
		{"clean", []string{"suggest", "plain"}, "", 0, []string{"every character is GSM-7"}},
		{"stdin as read", []string{"suggest", "-json"}, "It’s\n", 0, []string{`"body":"It’s\n"`, `"segments_now":1`}},
		{"nfc", []string{"suggest", "-udh16", strings.Repeat("e\u0301", 70)}, "", 0, []string{"with NFC", `fix: nfc -> "é"`}},
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
