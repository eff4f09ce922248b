package webapi

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"
)

// FuzzAppendAnalysis checks, for any body and options: the result is JSON;
// the parts, sliced from the body as JavaScript sees it (invalid bytes as
// U+FFFD) at their UTF-16 offsets, are their texts and rebuild the body;
// each non-GSM character sits at its offsets; count() agrees with analyze().
func FuzzAppendAnalysis(f *testing.F) {
	for _, tc := range bodies {
		f.Add(tc.body, uint8(0))
	}
	f.Add(strings.Repeat("a", 159)+"’", uint8(1))
	f.Add(strings.Repeat("e\u0301", 70), uint8(2))
	f.Fuzz(func(t *testing.T, body string, flags uint8) {
		o := AnalyzeOptions{Smart: flags&1 != 0, NFC: flags&2 != 0, UDH16: flags&4 != 0}
		b, err := AppendAnalysis(nil, body, o)
		if err != nil {
			t.Fatalf("AppendAnalysis(%q, %+v) = %v", body, o, err)
		}
		var a jsAnalysis
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("not JSON: %v\n%.300s", err, b)
		}
		sent := fffd(body)
		if a.Savings != nil {
			sent = fffd(a.Savings.Body)
		}
		u := utf16.Encode([]rune(sent))
		if a.Length != len(u) {
			t.Fatalf("length %d, want %d", a.Length, len(u))
		}
		prev := 0
		for _, p := range a.Parts {
			if p.Start != prev || p.End < p.Start || p.End > len(u) || p.Used > p.Capacity {
				t.Fatalf("part %+v after %d (length %d)", p, prev, len(u))
			}
			if s := string(utf16.Decode(u[p.Start:p.End])); s != p.Text {
				t.Fatalf("part [%d,%d) = %q, text %q", p.Start, p.End, s, p.Text)
			}
			prev = p.End
		}
		if prev != len(u) || len(a.Parts) != a.Segments {
			t.Fatalf("%d parts end at %d, want %d parts to %d", len(a.Parts), prev, a.Segments, len(u))
		}
		last := -1
		for _, c := range a.NonGSM {
			if c.Start < last || c.End <= c.Start || c.End > len(u) {
				t.Fatalf("non-GSM %+v after %d", c, last)
			}
			if s := string(utf16.Decode(u[c.Start:c.End])); s != c.Text {
				t.Fatalf("non-GSM [%d,%d) = %q, text %q", c.Start, c.End, s, c.Text)
			}
			last = c.End
		}
		c, err := CountBody(body, o)
		if err != nil {
			t.Fatal(err)
		}
		lp := a.Parts[len(a.Parts)-1]
		if c.Encoding.String() != a.Encoding || c.Segments != a.Segments || c.Characters != a.Characters || c.Used != lp.Used || c.Left != lp.Capacity-lp.Used {
			t.Fatalf("CountBody = %+v, analysis %s %d segments, last part %+v", c, a.Encoding, a.Segments, lp)
		}
	})
}
