package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShort(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"short", "ab\n", `"ab\n"`},
		{"exact", strings.Repeat("a", MaxBytes), `"` + strings.Repeat("a", MaxBytes) + `"`},
		{"cut", strings.Repeat("a", MaxBytes+1), `"` + strings.Repeat("a", MaxBytes) + `"...`},
		{"cut before a rune", strings.Repeat("a", MaxBytes-1) + "é", `"` + strings.Repeat("a", MaxBytes-1) + `"...`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Short(tc.in); got != tc.want {
				t.Errorf("Short(%q) = %s, want %s", tc.in, got, tc.want)
			}
			if !utf8.ValidString(Short(tc.in)) {
				t.Errorf("Short(%q) is not valid UTF-8", tc.in)
			}
		})
	}
}
