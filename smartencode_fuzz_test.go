package sms

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// FuzzSmartEncode checks, for any input: SmartEncode equals the obvious
// per-code-point reference (invalid bytes pass through), the bytes forms and
// the Transformer under random chunking agree with it, and for valid UTF-8 a
// second pass changes nothing and no mapped character remains. (Deleting a
// character between two pieces of a broken sequence may join them into a
// valid one, so the last two need valid input.)
func FuzzSmartEncode(f *testing.F) {
	for _, tt := range smartTests {
		f.Add(tt.in, uint64(len(tt.in)))
	}
	for _, e := range smartTable {
		f.Add("x"+string(rune(e.r))+"y", uint64(e.r))
	}
	m := smartData(f)
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		got := SmartEncode(s)
		if want := smartReference(m, s); got != want {
			t.Fatalf("SmartEncode(%q) = %q, reference %q", s, got, want)
		}
		if b := SmartEncodeBytes([]byte(s)); string(b) != got {
			t.Fatalf("SmartEncodeBytes(%q) = %q, want %q", s, b, got)
		}
		out, err := smartTransformChunked(SmartEncoder{}, []byte(s), rand.New(rand.NewPCG(seed, 7)))
		if err != nil || string(out) != got {
			t.Fatalf("chunked Transform(%q) = %q, %v; want %q", s, out, err, got)
		}
		if n, err := (SmartEncoder{}).Span([]byte(s), true); err == nil && (n != len(s) || got != s) ||
			err == transform.ErrEndOfSpan && !strings.HasPrefix(got, s[:n]) {
			t.Fatalf("Span(%q) = %d, %v; SmartEncode gives %q", s, n, err, got)
		}
		if !utf8.ValidString(s) {
			return
		}
		if again := SmartEncode(got); again != got {
			t.Fatalf("SmartEncode(SmartEncode(%q)) = %q, want %q", s, again, got)
		}
		for i, r := range got {
			if _, ok := smartLookup(r); ok {
				t.Fatalf("SmartEncode(%q) = %q keeps mapped %U at %d", s, got, r, i)
			}
		}
	})
}
