package batch

import (
	"math"
	"strconv"
	"testing"
)

// TestAppendIntPowersOfTen checks the in-place decimal formatting of the output rows
// against strconv, around every power of ten and over a dense range.
func TestAppendIntPowersOfTen(t *testing.T) {
	tests := []struct {
		name string
		n    int
	}{
		{"zero", 0}, {"one digit", 9}, {"two digits", 42}, {"three digits", 153},
		{"line of 1 GB", 8017328}, {"max", math.MaxInt64}, {"negative", -100}, {"min", math.MinInt64},
	}
	for p := 1; p < len(pow10); p++ {
		x := int(pow10[p])
		tests = append(tests, struct {
			name string
			n    int
		}{"10^" + strconv.Itoa(p) + "-1", x - 1}, struct {
			name string
			n    int
		}{"10^" + strconv.Itoa(p), x})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := string(appendInt([]byte("x"), tt.n)), "x"+strconv.Itoa(tt.n); got != want {
				t.Errorf("appendInt(%d) = %q, want %q", tt.n, got, want)
			}
		})
	}
	for n := 0; n < 2_000_000; n += 7 {
		if got, want := string(appendInt(nil, n)), strconv.Itoa(n); got != want {
			t.Fatalf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
}
