package pdu

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestAppendASCII16 compares appendASCII16 with the octets written one at
// a time, for every length to 40, after a prefix of every length to 3.
func TestAppendASCII16(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 41 {
		for pre := range 4 {
			s := make([]byte, n)
			for i := range s {
				s[i] = byte(rng.IntN(0x80))
			}
			prefix := bytes.Repeat([]byte{0xEE}, pre)
			want := append([]byte(nil), prefix...)
			for _, b := range s {
				want = append(want, 0, b)
			}
			got := appendASCII16(append([]byte(nil), prefix...), string(s))
			if !bytes.Equal(got, want) {
				t.Fatalf("appendASCII16(% x, %q) = % x, want % x", prefix, s, got, want)
			}
		}
	}
}
