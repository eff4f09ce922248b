// Package swar holds the word-at-a-time helpers the scanners share: they
// look at 8 bytes of a string at once, each byte below 0x80 unless a helper
// says otherwise, and mark a byte by setting its high bit.
package swar

import (
	"math/bits"
	"unsafe"
)

// Masks with one byte value repeated in all 8 bytes of a word.
const (
	Lo  = 0x0101010101010101 // 0x01 in every byte
	Hi  = 0x8080808080808080 // 0x80 in every byte: the marks
	M7F = 0x7F7F7F7F7F7F7F7F // 0x7F in every byte
	MDF = 0xDFDFDFDFDFDFDFDF // 0xDF in every byte: folds ASCII letters to upper case
)

// GE marks the bytes of w that are >= n.
func GE(w uint64, n byte) uint64 { return (w + uint64(0x80-n)*Lo) & Hi }

// Eq marks the bytes of w that equal c.
func Eq(w uint64, c byte) uint64 {
	t := w ^ uint64(c)*Lo
	return ^(((t & M7F) + M7F) | t) & Hi
}

// Load64 reads s[i:i+8] as a little-endian word.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ASCIIEnd returns the offset of the first byte at or after s[i] that is
// not ASCII, or len(s).
func ASCIIEnd(s string, i int) int {
	p := unsafe.Pointer(unsafe.StringData(s))
	k := i
	for k+16 <= len(s) {
		w0 := *(*uint64)(unsafe.Add(p, k))
		w1 := *(*uint64)(unsafe.Add(p, k+8))
		if (w0|w1)&Hi != 0 {
			break
		}
		k += 16
	}
	for k+8 <= len(s) {
		if m := *(*uint64)(unsafe.Add(p, k)) & Hi; m != 0 {
			return k + bits.TrailingZeros64(m)>>3
		}
		k += 8
	}
	for k < len(s) && s[k] < 0x80 {
		k++
	}
	return k
}
