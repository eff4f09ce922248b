package jsonstr

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// marshal is what encoding/json writes for s, with or without HTML
// escaping.
func marshal(t *testing.T, s string, escapeHTML bool) string {
	t.Helper()
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(escapeHTML)
	if err := e.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func TestAppend(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"plain", "Hello, world"},
		{"every control", "\x00\x01\b\t\n\v\f\r\x1b\x1f\x7f"},
		{"quote and backslash", `say "hi" \ bye`},
		{"html", "<a href='x'>&amp;</a>"},
		{"line and paragraph separators", "a\u2028b\u2029c\u2027"},
		{"non-ASCII", "Привет, 世界 😀 é"},
		{"invalid bytes", "a\xffb\xc3(c\xe2\x82d\xed\xa0\x80e\xf4\x90\x80\x80f\xc0\xaf"},
		{"truncated at the end", "ab\xe2\x80"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, h := range []bool{false, true} {
				want := marshal(t, tc.in, h)
				if got := string(Append(nil, tc.in, h)); got != want {
					t.Errorf("Append(%q, %v) = %s, want %s", tc.in, h, got, want)
				}
				if got := string(AppendBytes([]byte("x"), []byte(tc.in), h)); got != "x"+want {
					t.Errorf("AppendBytes(%q, %v) = %s, want x%s", tc.in, h, got, want)
				}
			}
		})
	}
}

// TestAppendRandom compares Append with encoding/json on random strings
// of bytes chosen to hit every escape and every UTF-8 edge.
func TestAppendRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", " ", "\"", "\\", "<", ">", "&", "\n", "\x00", "\x1f", "\x7f", "é", "\u2028", "\u2029",
		"😀", "\xff", "\xc3", "\xe2", "\x80", "\xa8", "\xed\xa0\x80", "\xf0\x90", "\xf4\x90\x80\x80", "\xef\xbf\xbd"}
	for range 20000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		for _, h := range []bool{false, true} {
			if got, want := string(Append(nil, string(b), h)), marshal(t, string(b), h); got != want {
				t.Fatalf("Append(%q, %v) = %s, want %s", b, h, got, want)
			}
		}
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "a\"b", "<&>", "\u2028", "\xff", "😀\x00"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, escapeHTML bool) {
		if got, want := string(Append(nil, s, escapeHTML)), marshal(t, s, escapeHTML); got != want {
			t.Fatalf("Append(%q, %v) = %s, want %s", s, escapeHTML, got, want)
		}
	})
}
