package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
)

// cyrillic returns n bytes (to a character) of Russian text: a body that
// is UCS-2, of some thirty different letters.
func cyrillic(n int) string {
	const s = "Съешь же ещё этих мягких французских булок, да выпей чаю. "
	b := strings.Repeat(s, n/len(s)+1)[:n]
	return strings.ToValidUTF8(b, "")
}

// refReport is the -json report as encoding/json writes it from one value
// built whole: the layout writeReportJSON writes member by member.
type refReport struct {
	Encoding    sms.Encoding    `json:"encoding"`
	Segments    int             `json:"segments"`
	Characters  int             `json:"characters"`
	Units       int             `json:"units"`
	Graphemes   int             `json:"graphemes"`
	Scalars     int             `json:"scalars"`
	MessageBits int             `json:"message_bits"`
	TotalBits   int             `json:"total_bits"`
	Capacity    int             `json:"capacity"`
	UDHOctets   int             `json:"udh_octets"`
	SegmentBits []int           `json:"segment_bits"`
	Parts       []refPart       `json:"parts"`
	NonGSM      []refNonGSMChar `json:"non_gsm"`
	Invalid     int             `json:"invalid_bytes"`
	RCSSegments int             `json:"rcs_segments_us"`
	Smart       *smartJSONOut   `json:"smart,omitempty"`
	reportExtras
}

type refPart struct {
	Index    int    `json:"index"`
	Offset   int    `json:"offset"`
	Text     string `json:"text"`
	Units    int    `json:"units"`
	Capacity int    `json:"capacity"`
	Bits     int    `json:"bits"`
}

type refNonGSMChar struct {
	Offset      int      `json:"offset"`
	Text        string   `json:"text"`
	CodePoints  []string `json:"code_points"`
	Units       int      `json:"units"`
	Invalid     bool     `json:"invalid,omitempty"`
	Fix         string   `json:"fix"`
	Replacement *string  `json:"replacement,omitempty"`
}

// newRefReport builds the whole report, with the fixes of sms.Suggest.
func newRefReport(a sms.Analysis, body string, smart *smartJSONOut, x reportExtras) refReport {
	r := refReport{
		Encoding: a.Encoding, Segments: a.Segments, Characters: a.Characters, Units: a.Units,
		Graphemes: a.Graphemes, Scalars: a.Scalars, MessageBits: a.MessageBits, TotalBits: a.TotalBits,
		Capacity: a.Capacity, UDHOctets: a.UDHOctets, Invalid: a.Invalid, RCSSegments: sms.RCSSegments(body),
		SegmentBits: []int{}, Parts: []refPart{}, NonGSM: []refNonGSMChar{}, Smart: smart, reportExtras: x,
	}
	for s := range a.SplitSeq() {
		r.SegmentBits = append(r.SegmentBits, s.Bits)
		r.Parts = append(r.Parts, refPart(s))
	}
	fixes := map[int]sms.Fix{}
	for _, fx := range sms.Suggest(body).Fixes {
		fixes[fx.Offset] = fx
	}
	for c := range a.NonGSMSeq() {
		n := refNonGSMChar{Offset: c.Offset, Text: c.Text, Units: c.Units, Invalid: c.Invalid, Fix: "none"}
		for i := 0; i < len(c.Text); {
			r, size := utf8.DecodeRuneInString(c.Text[i:])
			if r == utf8.RuneError && size == 1 {
				n.CodePoints = append(n.CodePoints, fmt.Sprintf("0x%02X", c.Text[i]))
			} else {
				n.CodePoints = append(n.CodePoints, fmt.Sprintf("U+%04X", r))
			}
			i += size
		}
		if fx := fixes[c.Offset]; fx.Kind != sms.FixNone {
			n.Fix = fx.Kind.String()
			n.Replacement = &fx.Replacement
		}
		r.NonGSM = append(r.NonGSM, n)
	}
	return r
}

// TestWriteReportJSON holds the -json report, written member by member, to
// what encoding/json writes for the whole value, byte for byte.
func TestWriteReportJSON(t *testing.T) {
	for _, tc := range []struct {
		name  string
		body  string
		opts  sms.Options
		smart bool
		fit   int
	}{
		{name: "empty", body: ""},
		{name: "GSM-7", body: "hello"},
		{name: "GSM-7 two segments", body: strings.Repeat("a", 161)},
		{name: "fixes of every kind", body: "It’s “quoted” — e\u0301 café 😀 ç"},
		{name: "HTML and controls", body: "<b>&amp;</b> \x00\x01\b\f\t\r\n\"\\ \u007f \u2028\u2029 ж"},
		{name: "invalid bytes", body: "a\xffb\xfe\xc3 ж"},
		{name: "astral and unassigned", body: "𠀀 \U0010FFFF \U000E0001 🇫🇷 👩‍👩‍👧"},
		{name: "CR LF", body: "ж\r\nж\r\n"},
		{name: "Cyrillic many segments", body: cyrillic(5000)},
		{name: "UCS-2 forced", body: "hi", opts: sms.Options{Encoding: sms.EncodingUCS2}},
		{name: "udh16 smart and fit", body: strings.Repeat("It’s ", 40), opts: sms.Options{UDH16: true}, smart: true, fit: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.opts.Analyze(tc.body)
			if err != nil {
				t.Fatal(err)
			}
			x := reportExtras{LineBreaks: newLineBreaksJSON(tc.opts, tc.body)}
			if tc.fit > 0 {
				fr, err := sms.FitOptions{Options: tc.opts}.Fit(tc.body, tc.fit)
				if err != nil {
					t.Fatal(err)
				}
				x.Fit = newFitJSON(fr, tc.fit)
			}
			var smart *smartJSONOut
			if tc.smart {
				sf := &smartFlags{smart: smartFlag{on: true, policy: sms.SmartAlways}}
				if smart, err = smartJSON(tc.body, sf, tc.opts); err != nil {
					t.Fatal(err)
				}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(newRefReport(a, tc.body, smart, x)); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeReportJSON(&got, a, tc.body, smart, x); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("writeReportJSON:\n%s\nencoding/json:\n%s", got.String(), want.String())
			}
		})
	}
}

// TestAppendJSONString holds appendJSONString to encoding/json's strings.
func TestAppendJSONString(t *testing.T) {
	var every strings.Builder
	for c := range 256 {
		every.WriteByte(byte(c))
	}
	for _, tc := range []struct {
		name string
		s    string
	}{
		{name: "empty", s: ""},
		{name: "every byte", s: every.String()},
		{name: "escapes", s: `"\/<>&` + "\b\f\n\r\t\x00\x1f\x7f"},
		{name: "separators", s: "a\u2028b\u2029c"},
		{name: "invalid", s: "\xff\xc3(\xed\xa0\x80\xf4\x90\x80\x80"},
		{name: "runes", s: "жé😀\U0010FFFF\uFFFD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := json.Marshal(tc.s)
			if got := appendJSONString(nil, tc.s); string(got) != string(want) {
				t.Errorf("appendJSONString(%q) = %s, want %s", tc.s, got, want)
			}
		})
	}
}

// TestCharGroups holds the text listing to its bounds: maxPositions
// positions a line, then a count; maxCharGroups lines, then a count.
func TestCharGroups(t *testing.T) {
	distinct := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteRune(rune(0x4E00 + i))
		}
		return b.String()
	}
	for _, tc := range []struct {
		name  string
		body  string
		count string
		lines int      // lines written
		want  []string // in what is written
		not   []string
	}{
		{name: "one character", body: "aж", count: "1 character", lines: 1, want: []string{`"ж" ×1  U+0436 CYRILLIC SMALL LETTER ZHE  at 2` + "\n"}},
		{name: "positions cut after 8", body: strings.Repeat("ж", 20), count: "20 characters, 1 different", lines: 1,
			want: []string{"at 1, 2, 3, 4, 5, 6, 7, 8 and 12 more\n"}},
		{name: "8 positions whole", body: strings.Repeat("ж", 8), count: "8 characters, 1 different", lines: 1,
			want: []string{"at 1, 2, 3, 4, 5, 6, 7, 8\n"}, not: []string{"more"}},
		{name: "1600 different listed whole", body: distinct(maxCharGroups), count: "1600 characters", lines: maxCharGroups,
			not: []string{"not listed"}},
		{name: "past 1600 different", body: distinct(maxCharGroups+5) + "一", count: "1606 characters, more than 1600 different",
			lines: maxCharGroups + 1, want: []string{`"一" ×2  U+4E00`, "at 1, 1606\n",
				"  and 5 more occurrences of characters not listed (the list stops at 1600 different characters)\n"}},
		{name: "past 1600 by one", body: distinct(maxCharGroups + 1), count: "1601 characters, more than 1600 different",
			lines: maxCharGroups + 1, want: []string{"  and 1 more occurrence of characters not listed"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newCharGroups(tc.body)
			for c := range sms.Analyze(tc.body).NonGSMSeq() {
				g.add(c.Offset, c.Text, "")
			}
			if got := g.count(); got != tc.count {
				t.Errorf("count() = %q, want %q", got, tc.count)
			}
			var b strings.Builder
			g.writeTo(&b)
			out := b.String()
			if n := strings.Count(out, "\n"); n != tc.lines {
				t.Errorf("%d lines, want %d", n, tc.lines)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("listing lacks %q:\n%.2000s", w, out)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(out, w) {
					t.Errorf("listing has %q", w)
				}
			}
		})
	}
}
