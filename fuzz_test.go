package sms

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// fuzzSeeds are the table cases plus a few shapes the tables lack.
func fuzzSeeds(f *testing.F) {
	for _, tc := range twilioCases {
		f.Add(tc.body, false)
	}
	for i, gb := range readGolden(f) {
		if i%10 == 0 {
			f.Add(gb.Body, i%20 == 0)
		}
	}
	for _, s := range []string{"", "\r\n\r\n", "\xff\xfe", "a\u0301\u0301", strings.Repeat("👩\u200D", 40), strings.Repeat("€", 81), "🇫🇷🇩🇪🇮"} {
		f.Add(s, true)
	}
}

// FuzzAnalyze checks Analyze against first principles: the encoding is
// GSM-7 exactly when every rune is in the table, the counts agree with
// uniseg and utf8, the string and []byte forms agree, and the segment
// count is the length of Split.
func FuzzAnalyze(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body string, udh16 bool) {
		o := Options{UDH16: udh16}
		a, err := o.Analyze(body)
		if err != nil {
			t.Fatalf("Analyze(%q): %v", body, err)
		}
		b, _ := o.AnalyzeBytes([]byte(body))
		a.body, b.body = "", ""
		if a != b {
			t.Fatalf("AnalyzeBytes(%q) = %+v, Analyze = %+v", body, b, a)
		}
		a, _ = o.Analyze(body)
		allGSM, septets := true, 0
		for i, r := range body {
			if r == utf8.RuneError && !strings.HasPrefix(body[i:], "\uFFFD") {
				allGSM = false
				continue
			}
			n := GSM7Septets(r)
			allGSM = allGSM && n > 0
			septets += n
		}
		if want := map[bool]Encoding{true: EncodingGSM7, false: EncodingUCS2}[allGSM]; a.Encoding != want {
			t.Fatalf("Analyze(%q).Encoding = %v, want %v", body, a.Encoding, want)
		}
		if scalars := utf8.RuneCountInString(body); a.Scalars != scalars {
			t.Fatalf("Analyze(%q).Scalars = %d, want %d", body, a.Scalars, scalars)
		}
		if g := uniseg.GraphemeClusterCount(body); a.Graphemes != g {
			t.Fatalf("Analyze(%q).Graphemes = %d, uniseg says %d", body, a.Graphemes, g)
		}
		if allGSM && a.Units != septets {
			t.Fatalf("Analyze(%q).Units = %d, want %d septets", body, a.Units, septets)
		}
		if !allGSM && a.Units != ucs2Units(body) {
			t.Fatalf("Analyze(%q).Units = %d, want %d", body, a.Units, ucs2Units(body))
		}
		segs := a.AppendSplit(nil)
		if len(segs) != a.Segments {
			t.Fatalf("Analyze(%q).Segments = %d, len(Split) = %d", body, a.Segments, len(segs))
		}
		if last := segs[len(segs)-1].Units; a.LastUnits != last {
			t.Fatalf("Analyze(%q).LastUnits = %d, last segment holds %d", body, a.LastUnits, last)
		}
		nonGSM := a.AppendNonGSM(nil)
		if len(nonGSM) != a.NonGSM || (len(nonGSM) > 0 && nonGSM[0].Offset != a.FirstNonGSM) {
			t.Fatalf("Analyze(%q) NonGSM %d first %d, listed %+v", body, a.NonGSM, a.FirstNonGSM, nonGSM)
		}
	})
}

// FuzzSplit checks that the segments rebuild the input, fit their capacity
// and split nothing that may not be split.
func FuzzSplit(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body string, udh16 bool) {
		checkSplit(t, Options{UDH16: udh16}, body)
		checkSplit(t, Options{UDH16: udh16, Encoding: EncodingUCS2}, body)
	})
}
