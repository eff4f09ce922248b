package batch

import (
	"math/rand/v2"
	"testing"
)

// TestE164Key checks the one-pass check and key of the row hot path against
// validE164 and regionKey: table cases at every length and with a bad byte
// at every position, then random strings.
func TestE164Key(t *testing.T) {
	tests := []struct {
		name string
		s    string
	}{
		{"empty", ""}, {"plus", "+"}, {"one digit", "+1"}, {"seven digits", "+1415555"},
		{"eight digits", "+14155552"}, {"NANP", "+14155552671"}, {"GB mobile", "+447764828468"},
		{"fifteen digits", "+491512345678901"}, {"sixteen digits", "+4915123456789012"},
		{"leading zero", "+04155552671"}, {"no plus", "14155552671"}, {"double plus", "++4155552671"},
		{"space", "+1415 5552671"}, {"letter last", "+1415555267a"}, {"colon", "+1415555:671"},
		{"slash", "+1415555/671"}, {"high byte", "+1415555\xb9671"},
	}
	for n := 1; n <= 16; n++ {
		digits := "4915123456789012"[:n]
		tests = append(tests, struct{ name, s string }{"length " + itoa(n), "+" + digits})
		for i := 0; i < n; i++ {
			for _, bad := range []byte{'/', ':', 'a', ' ', 0x99, '0' + 0x80} {
				b := []byte("+" + digits)
				b[1+i] = bad
				tests = append(tests, struct{ name, s string }{"length " + itoa(n) + " bad at " + itoa(i), string(b)})
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789+/:a"
	for range 20000 {
		b := []byte{'+'}
		for range r.IntN(18) {
			if r.IntN(30) == 0 {
				b = append(b, alphabet[r.IntN(len(alphabet))])
			} else {
				b = append(b, byte('0'+r.IntN(10)))
			}
		}
		tests = append(tests, struct{ name, s string }{"random", string(b)})
	}
	for _, tt := range tests {
		s := []byte(tt.s)
		k, ok := e164Key(s)
		wantOK, _ := validE164(s)
		if ok != wantOK {
			t.Fatalf("%s: e164Key(%q) ok = %v, want %v", tt.name, tt.s, ok, wantOK)
		}
		if ok {
			if want := regionKey(s, min(len(s)-1, 7)); k != want {
				t.Fatalf("%s: e164Key(%q) = %#x, want %#x", tt.name, tt.s, k, want)
			}
		}
	}
}

// regionKey is the reference for e164Key's key: the first n digits and the
// digit count of a valid E.164 number, 4 bits each, a digit stored plus one.
func regionKey(s []byte, n int) uint64 {
	d := s[1:]
	k := uint64(len(d))
	for _, c := range d[:n] {
		k = k<<4 | uint64(c-'0'+1)
	}
	return k
}
