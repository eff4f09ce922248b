package sms

import (
	"strings"
	"testing"
)

func TestLineBreakCost(t *testing.T) {
	a80, a79 := strings.Repeat("a", 80), strings.Repeat("a", 79)
	tests := []struct {
		name string
		body string
		o    Options
		want LineBreaks
		text string
	}{
		// Twilio's live service billed these (the calculator's manual
		// test plan, cases 1a and 1b): CR LF costs a segment here.
		{name: "live 1a", body: a80 + "\r\n" + a79, want: LineBreaks{CRLF: 1, Segments: 2, LFSegments: 1, CRLFSegments: 2}, text: "1 CRLF; with LF: 1 segment instead of 2"},
		{name: "live 1b", body: a80 + "\n" + a79, want: LineBreaks{LF: 1, Segments: 1, LFSegments: 1, CRLFSegments: 2}, text: "1 LF; as CRLF (an HTML form): 2 segments instead of 1"},
		{name: "none", body: "hello", want: LineBreaks{Segments: 1, LFSegments: 1, CRLFSegments: 1}, text: "no line breaks"},
		{name: "same", body: "a\r\nb\r\n", want: LineBreaks{CRLF: 2, Segments: 1, LFSegments: 1, CRLFSegments: 1}, text: "2 CRLF; with LF: the same 1 segment"},
		{name: "mixed", body: "a\r\nb\nc\n", want: LineBreaks{CRLF: 1, LF: 2, Segments: 1, LFSegments: 1, CRLFSegments: 1}, text: "1 CRLF; with LF: the same 1 segment"},
		{name: "lone CR is no line feed", body: "a\rb", want: LineBreaks{Segments: 1, LFSegments: 1, CRLFSegments: 1}, text: "no line breaks"},
		{name: "UCS-2", body: strings.Repeat("ж", 35) + "\r\n" + strings.Repeat("ж", 34), want: LineBreaks{CRLF: 1, Segments: 2, LFSegments: 1, CRLFSegments: 2}, text: "1 CRLF; with LF: 1 segment instead of 2"},
		{name: "leading LF", body: "\n" + strings.Repeat("a", 159), want: LineBreaks{LF: 1, Segments: 1, LFSegments: 1, CRLFSegments: 2}},
		{name: "UDH16", body: strings.Repeat("a\r\n", 101), o: Options{UDH16: true}, want: LineBreaks{CRLF: 101, Segments: 2, LFSegments: 2, CRLFSegments: 2}},
		{name: "UDH16 saves", body: strings.Repeat("a\r\n", 102), o: Options{UDH16: true}, want: LineBreaks{CRLF: 102, Segments: 3, LFSegments: 2, CRLFSegments: 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.o.LineBreakCost(tc.body)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("LineBreakCost = %+v, want %+v", got, tc.want)
			}
			if tc.text != "" && got.String() != tc.text {
				t.Errorf("String = %q, want %q", got.String(), tc.text)
			}
			if got.Saved() != tc.want.Segments-tc.want.LFSegments {
				t.Errorf("Saved = %d", got.Saved())
			}
		})
	}
	if _, err := (Options{Encoding: EncodingGSM7}).LineBreakCost("ж\r\n"); err == nil {
		t.Errorf("forced GSM-7 on Cyrillic: no error")
	}
	if l := LineBreakCost("x\r\ny"); l.CRLF != 1 {
		t.Errorf("LineBreakCost = %+v", l)
	}
}

func TestRewriteBreaks(t *testing.T) {
	for _, tc := range []struct{ in, lf, crlf string }{
		{"", "", ""},
		{"\n", "\n", "\r\n"},
		{"a\nb", "a\nb", "a\r\nb"},
		{"a\r\nb\n", "a\nb\n", "a\r\nb\r\n"},
		{"\n\n\r\n", "\n\n\n", "\r\n\r\n\r\n"},
		{"x\ry\n\nz\r", "x\ry\n\nz\r", "x\ry\r\n\r\nz\r"},
		{"\r\r\n", "\r\n", "\r\r\n"},
	} {
		n := strings.Count(tc.in, "\n")
		if got := rewriteBreaks(tc.in, false, n); got != tc.lf {
			t.Errorf("rewriteBreaks(%q, LF) = %q, want %q", tc.in, got, tc.lf)
		}
		if got := rewriteBreaks(tc.in, true, n); got != tc.crlf {
			t.Errorf("rewriteBreaks(%q, CRLF) = %q, want %q", tc.in, got, tc.crlf)
		}
		if got, want := rewriteBreaks(tc.in, false, n), strings.ReplaceAll(tc.in, "\r\n", "\n"); got != want {
			t.Errorf("rewriteBreaks(%q, LF) = %q, strings.ReplaceAll gives %q", tc.in, got, want)
		}
	}
}

func TestSuggestLineBreaks(t *testing.T) {
	body := strings.Repeat("a", 80) + "\r\n" + strings.Repeat("a", 79)
	sg := Suggest(body)
	if sg.LineBreaks.CRLF != 1 || sg.LineBreaks.Segments != 2 || sg.LineBreaks.LFSegments != 1 {
		t.Errorf("Suggest line breaks = %+v", sg.LineBreaks)
	}
	if len(sg.LineBreakFixes) != 1 || sg.LineBreakFixes[0].Offset != 80 || sg.LineBreakFixes[0].Kind != FixLineBreak ||
		sg.LineBreakFixes[0].Replacement != "\n" || sg.LineBreakFixes[0].Text != "\r\n" {
		t.Errorf("Suggest line-break fixes = %+v", sg.LineBreakFixes)
	}
	if sg.Body != body || len(sg.Fixes) != 0 {
		t.Errorf("Suggest changed the body or listed UCS-2 fixes: %q %+v", sg.Body, sg.Fixes)
	}
	// No saving: the pairs are counted, not listed.
	sg = Suggest("a\r\nb")
	if sg.LineBreaks.CRLF != 1 || sg.LineBreakFixes != nil {
		t.Errorf("Suggest(short) = %+v, %+v", sg.LineBreaks, sg.LineBreakFixes)
	}
	if FixLineBreak.String() != "lf" {
		t.Errorf("FixLineBreak = %q", FixLineBreak)
	}
	// Forced GSM-7 on a body that is not: the automatic choice counts.
	sg, err := SmartOptions{Core: Options{Encoding: EncodingGSM7}}.Suggest("It’s\r\nok")
	if err != nil || sg.LineBreaks.CRLF != 1 {
		t.Errorf("Suggest(forced GSM-7) = %+v, %v", sg.LineBreaks, err)
	}
}
