package webapi

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	sms "github.com/smsgauge/sms"
)

// bodies aims at the boundaries: exact fills, escapes and surrogate pairs
// at the cut, clusters, CRLF, invalid bytes, other scripts.
var bodies = []struct{ name, body string }{
	{"empty", ""},
	{"ascii160", strings.Repeat("a", 160)},
	{"ascii161", strings.Repeat("a", 161)},
	{"ascii1600", strings.Repeat("abcdefghij", 160)},
	{"euro-at-153", strings.Repeat("a", 152) + "€" + strings.Repeat("b", 20)},
	{"escapes", strings.Repeat("{}[]~^|\\€", 40)},
	{"crlf", strings.Repeat("line\r\n", 60)},
	{"emoji", strings.Repeat("😀", 40)},
	{"emoji-odd", "a" + strings.Repeat("😀", 70)},
	{"zwj", strings.Repeat("👩‍👩‍👧‍👦 ", 30)},
	{"flags", strings.Repeat("🇫🇷🇩🇪", 30)},
	{"cyrillic", strings.Repeat("Привет, мир! ", 30)},
	{"cyrillic-emoji", strings.Repeat("Ваш заказ №4411 отправлен 🚚. ", 30)},
	{"emoji-skin-tone", strings.Repeat("ok 👍🏽 ", 40)},
	{"astral-at-cut", strings.Repeat("a", 66) + strings.Repeat("😀x", 60)},
	{"escape-at-cut", strings.Repeat("a", 152) + strings.Repeat("€a", 100)},
	{"crlf-at-cut", strings.Repeat("a", 152) + strings.Repeat("\r\n", 100)},
	{"ucs2-crlf", "ж" + strings.Repeat("a\r\n", 100)},
	{"combining", strings.Repeat("e\u0301", 70)},
	{"cjk", strings.Repeat("漢字かな", 50)},
	{"invalid-utf8", "ab\xffcd\xfe" + strings.Repeat("x", 80)},
	{"replacement", strings.Repeat("\uFFFD", 71)},
	{"mixed", "Hi Zoë, your order ships today ’cause we’re fast 🚚 — total €12.50 {incl. VAT}. " + strings.Repeat("ok ", 60)},
}

func walkLastUsed(a sms.Analysis) int {
	used := 0
	for seg := range a.SplitSeq() {
		used = seg.Units
	}
	return used
}

// TestLastUsed checks the core's LastUnits, which the counter shows as what
// is left in the current segment, against a walk of the segments.
func TestLastUsed(t *testing.T) {
	for _, tc := range bodies {
		for _, udh16 := range []bool{false, true} {
			// Grow the body across several cuts, one rune at a time.
			rs := []rune(tc.body)
			step := 1 + len(rs)/700
			for n := 0; n <= len(rs); n += step {
				body := string(rs[:n])
				if tc.name == "invalid-utf8" {
					body = tc.body[:min(len(tc.body), n)]
				}
				a, err := sms.Options{UDH16: udh16}.Analyze(body)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := a.LastUnits, walkLastUsed(a); got != want {
					t.Errorf("%s[:%d] udh16=%v: LastUnits = %d, want %d (walk)", tc.name, n, udh16, got, want)
				}
			}
		}
	}
}

type jsAnalysis struct {
	Encoding   string `json:"encoding"`
	Segments   int    `json:"segments"`
	Characters int    `json:"characters"`
	Units      int    `json:"units"`
	Capacity   int    `json:"capacity"`
	Graphemes  int    `json:"graphemes"`
	Scalars    int    `json:"scalars"`
	UDHOctets  int    `json:"udhOctets"`
	MsgBits    int    `json:"messageBits"`
	TotalBits  int    `json:"totalBits"`
	Length     int    `json:"length"`
	Invalid    int    `json:"invalid"`
	Parts      []struct {
		Index, Start, End, Used, Capacity, Bits int
		Text                                    string
	} `json:"parts"`
	NonGSM []struct {
		Start, End, Units int
		Text              string
		Invalid           bool
	} `json:"nonGSM"`
	Savings *struct {
		Body        string `json:"body"`
		Saved       int    `json:"saved"`
		NFCSaved    int    `json:"nfcSaved"`
		Normalized  bool   `json:"normalized"`
		Substituted bool   `json:"substituted"`
		Before      struct {
			Encoding                    string
			Segments, Characters, Units int
		}
		Substitutions []struct {
			Start, End            int
			Original, Replacement string
		} `json:"substitutions"`
	} `json:"savings"`
	Error *Error `json:"error"`
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("result is not the JSON we expect: %v\n%.300s", err, b)
	}
	return v
}

// u16 slices s (as JavaScript would see it) between UTF-16 indices.
func sliceU16(s string, start, end int) string {
	u := utf16.Encode([]rune(s))
	return string(utf16.Decode(u[start:end]))
}

func TestAppendAnalysis(t *testing.T) {
	for _, tc := range bodies {
		t.Run(tc.name, func(t *testing.T) {
			b, err := AppendAnalysis(nil, tc.body, AnalyzeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := decode[jsAnalysis](t, b)
			want := sms.Analyze(tc.body)
			if got.Encoding != want.Encoding.String() || got.Segments != want.Segments || got.Units != want.Units || got.Characters != want.Characters ||
				got.Capacity != want.Capacity || got.Graphemes != want.Graphemes || got.Scalars != want.Scalars || got.TotalBits != want.TotalBits || got.Invalid != want.Invalid {
				t.Errorf("AppendAnalysis(%q) = %+v, want %+v", tc.body, got, want)
			}
			// JavaScript sees the body with each invalid byte as U+FFFD.
			js := strings.ToValidUTF8(tc.body, "")
			if want.Invalid > 0 {
				js = ""
				for _, r := range tc.body {
					js += string(r)
				}
			}
			if n := len(utf16.Encode([]rune(js))); got.Length != n {
				t.Errorf("length = %d, want %d", got.Length, n)
			}
			if len(got.Parts) != want.Segments {
				t.Fatalf("%d parts, want %d", len(got.Parts), want.Segments)
			}
			var joined strings.Builder
			prev := 0
			for i, p := range got.Parts {
				if p.Index != i || p.Start != prev || p.End < p.Start || p.Used > p.Capacity {
					t.Errorf("part %d = %+v (previous end %d)", i, p, prev)
				}
				if s := sliceU16(js, p.Start, p.End); s != p.Text {
					t.Errorf("part %d: body[%d:%d] = %q, text %q", i, p.Start, p.End, s, p.Text)
				}
				joined.WriteString(p.Text)
				prev = p.End
			}
			if prev != got.Length || joined.String() != js {
				t.Errorf("parts do not rebuild the body")
			}
			if len(got.NonGSM) != want.NonGSM {
				t.Errorf("%d non-GSM characters, want %d", len(got.NonGSM), want.NonGSM)
			}
			for _, c := range got.NonGSM {
				if s := sliceU16(js, c.Start, c.End); s != c.Text {
					t.Errorf("non-GSM body[%d:%d] = %q, text %q", c.Start, c.End, s, c.Text)
				}
			}
			cnt := decode[map[string]any](t, must(AppendCount(nil, tc.body, AnalyzeOptions{})))
			last := got.Parts[len(got.Parts)-1]
			if cnt["segments"] != float64(want.Segments) || cnt["left"] != float64(last.Capacity-last.Used) || cnt["used"] != float64(last.Used) {
				t.Errorf("AppendCount = %v, want segments %d, used %d", cnt, want.Segments, last.Used)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestAppendAnalysisSmart(t *testing.T) {
	body := strings.Repeat("a", 150) + "“quoted” ’" // 150 + 5 curly/straight: UCS-2 3 segments
	got := decode[jsAnalysis](t, must(AppendAnalysis(nil, body, AnalyzeOptions{Smart: true})))
	if got.Encoding != "GSM-7" || got.Segments != 1 || got.Savings == nil {
		t.Fatalf("smart analysis = %+v, want GSM-7, 1 segment, with savings", got)
	}
	s := got.Savings
	if s.Before.Encoding != "UCS-2" || s.Before.Segments != 3 || s.Saved != 2 || !s.Substituted || s.Body != strings.Repeat("a", 150)+`"quoted" '` {
		t.Errorf("savings = %+v", *s)
	}
	if len(s.Substitutions) != 3 || s.Substitutions[0].Start != 150 || s.Substitutions[0].Original != "“" || s.Substitutions[2].Start != 159 || s.Substitutions[2].Replacement != "'" {
		t.Errorf("substitutions = %+v, want “ at 150, ” at 157, ’ at 159", s.Substitutions)
	}
	cnt := decode[map[string]any](t, must(AppendCount(nil, body, AnalyzeOptions{Smart: true})))
	if cnt["saved"] != 2.0 || cnt["segments"] != 1.0 {
		t.Errorf("AppendCount(smart) = %v, want 1 segment, saved 2", cnt)
	}

	// NFC alone: 70 decomposed é are 3 UCS-2 segments, 1 GSM-7 once composed.
	dec := strings.Repeat("e\u0301", 70)
	got = decode[jsAnalysis](t, must(AppendAnalysis(nil, dec, AnalyzeOptions{NFC: true})))
	if got.Encoding != "GSM-7" || got.Segments != 1 || got.Savings == nil || got.Savings.Saved != 2 || !got.Savings.Normalized {
		t.Errorf("NFC analysis = %+v, want GSM-7, 1 segment, saved 2", got)
	}
	// Offsets of substitutions after NFC are in the normalised text.
	got = decode[jsAnalysis](t, must(AppendAnalysis(nil, "e\u0301’", AnalyzeOptions{Smart: true, NFC: true})))
	if got.Savings == nil || len(got.Savings.Substitutions) != 1 || got.Savings.Substitutions[0].Start != 1 {
		t.Errorf("NFC+smart substitutions = %+v, want ’ at 1", got.Savings)
	}
}

func TestAppendSuggestion(t *testing.T) {
	body := strings.Repeat("a", 100) + "’ 😀"
	type sugg struct {
		Body                           string
		NFC, Smart, SmartOnlyShrinking bool
		Saved, Changes                 int
		Before, After                  struct {
			Encoding                    string
			Segments, Characters, Units int
		}
		Fixes []struct {
			Start, End             int
			Text, Fix, Replacement string
		}
		Remaining []struct {
			Start, End int
			Text       string
		}
	}
	got := decode[sugg](t, must(AppendSuggestion(nil, body, false)))
	if len(got.Fixes) != 2 || got.Fixes[0].Start != 100 || got.Fixes[0].Fix != "smart" || got.Fixes[0].Replacement != "'" || got.Fixes[1].Fix != "none" || got.Fixes[1].Start != 102 || got.Fixes[1].End != 104 {
		t.Errorf("fixes = %+v", got.Fixes)
	}
	// The emoji keeps the body UCS-2 whatever happens to ’, so nothing
	// saves a segment and the body stays as it is.
	if got.Changes != 1 || got.Saved != 0 || got.Body != body || len(got.Remaining) != 2 || got.Remaining[1].Text != "😀" || got.Remaining[1].Start != 102 {
		t.Errorf("suggestion = %+v, want 1 possible change, no saving, both characters remaining", got)
	}
	got = decode[sugg](t, must(AppendSuggestion(nil, strings.Repeat("a", 159)+"’", false)))
	if got.Body != strings.Repeat("a", 159)+"'" || got.Saved != 2 || got.After.Segments != 1 || got.Before.Segments != 3 {
		t.Errorf("suggestion for 159 a + ’ = %+v", got)
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "\x00\x01\x1f\n\r\t", "é😀\u2028", "bad\xff\xfeutf8", "\uFFFD"} {
		b := appendString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Errorf("appendString(%q) = %s, not JSON: %v", s, b, err)
			continue
		}
		if want := strings.ToValidUTF8(s, "\uFFFD\uFFFD")[:0] + fffd(s); got != want {
			t.Errorf("appendString(%q) decodes to %q, want %q", s, got, want)
		}
	}
}

// fffd replaces each invalid byte of s with U+FFFD.
func fffd(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

func TestAppendError(t *testing.T) {
	got := decode[struct{ Error *Error }](t, AppendError(nil, "not_gsm7", "sms: \"x\"", "options.smart"))
	if got.Error == nil || got.Error.Code != "not_gsm7" || got.Error.Message != `sms: "x"` || got.Error.Param != "options.smart" {
		t.Errorf("AppendError = %+v", got.Error)
	}
}

func TestUTF16Len(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{{"", 0}, {"abc", 3}, {"é", 1}, {"😀", 2}, {"\xff", 1}, {"a😀\uFFFDb", 5}} {
		if got := UTF16Len(tc.s); got != tc.want {
			t.Errorf("UTF16Len(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func BenchmarkCountASCII1600(b *testing.B) {
	benchCount(b, strings.Repeat("Your appointment is confirmed. ", 60)[:1600])
}

func BenchmarkCountCyrillicEmoji1600(b *testing.B) {
	benchCount(b, string([]rune(strings.Repeat("Ваш заказ №4411 отправлен сегодня 🚚, ждите курьера. ", 40))[:1600]))
}

var sink []byte

func benchCount(b *testing.B, body string) {
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = AppendCount(sink[:0], body, AnalyzeOptions{})
	}
}
