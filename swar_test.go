package sms

import (
	"math/rand/v2"
	"testing"

	"github.com/smsgauge/sms/internal/swar"
)

// isPlainByte is the definition plainMask and plainBad implement.
func isPlainByte(b byte) bool {
	return b >= 0x20 && b <= 0x3F || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z'
}

// TestPlainWords checks the word-at-a-time tests against the byte
// definition: every byte value at every position among plain fillers, every
// pair of byte values at neighbouring positions, and random words.
func TestPlainWords(t *testing.T) {
	check := func(w uint64) {
		t.Helper()
		all := true
		for k := 0; k < 8; k++ {
			all = all && isPlainByte(byte(w>>(8*k)))
		}
		if got := plainBad(w)&swar.Hi == 0; got != all {
			t.Fatalf("plainBad(%#016x) says plain = %v, want %v", w, got, all)
		}
		if got := plainMask(w) == swar.Hi; got != all {
			t.Fatalf("plainMask(%#016x) says plain = %v, want %v", w, got, all)
		}
		for k := 0; k < 8; k++ {
			b := byte(w >> (8 * k))
			if (plainMask(w)>>(8*k+7))&1 == 1 != isPlainByte(b) {
				t.Fatalf("plainMask(%#016x) byte %d (%#02x) wrong", w, k, b)
			}
		}
	}
	const filler = 0x6161616161616161 // "aaaaaaaa"
	for k := 0; k < 8; k++ {
		for b := 0; b < 256; b++ {
			check(filler&^(0xFF<<(8*k)) | uint64(b)<<(8*k))
		}
	}
	for k := 0; k < 7; k++ {
		for b := 0; b < 256; b++ {
			for c := 0; c < 256; c++ {
				check(filler&^(0xFFFF<<(8*k)) | uint64(b)<<(8*k) | uint64(c)<<(8*k+8))
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 1_000_000; i++ {
		var w uint64
		for k := 0; k < 8; k++ {
			var b byte
			switch rng.IntN(4) {
			case 0:
				b = byte(rng.IntN(256))
			default:
				b = "aZ09 ;?{`@\x00\x7f\x80"[rng.IntN(13)]
				if rng.IntN(3) > 0 {
					b = byte(0x20 + rng.IntN(0x5B))
				}
			}
			w |= uint64(b) << (8 * k)
		}
		check(w)
	}
}
