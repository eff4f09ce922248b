//go:build amd64 && !purego

package pdu

import "unsafe"

// packVector says whether packWords hands the plain words to
// packPlainAVX2: set at init when the processor has AVX2 and the operating
// system saves the YMM registers; the tests switch it off to run the Go
// loop.
var packVector = hasAVX2()

// hasAVX2 reports whether AVX2 instructions may be used: CPUID leaf 1
// (OSXSAVE and AVX), XCR0 (the XMM and YMM state saved by the system) and
// CPUID leaf 7 (AVX2).
func hasAVX2() bool {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return false
	}
	_, _, c1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if c1&(osxsave|avx) != osxsave|avx {
		return false
	}
	if xcr0, _ := xgetbv0(); xcr0&6 != 6 {
		return false
	}
	_, b7, _, _ := cpuid(7, 0)
	return b7&(1<<5) != 0
}

// packWords packs the plain words (see packBad) of s from s[i] on, n
// septets at most (a multiple of 8, with s[i:i+n] in s), into out at o,
// with no bits pending, and returns where it stopped in s and in out: at
// the first word that is not plain, or after n septets. With AVX2,
// packPlainAVX2 takes as many words as out has room for (it writes two
// octets past the last word's seven), and packWordsGo what is left, if
// any; otherwise packWordsGo takes them all.
func packWords(out []byte, o int, s string, i, n int) (int, int) {
	if packVector {
		if m := min(n>>3, (len(out)-o-2)/7); m > 0 {
			k := packPlainAVX2(&out[o], unsafe.StringData(s[i:i+8*m]), m)
			i += 8 * k
			o += 7 * k
			if k < m || 8*k == n {
				return i, o
			}
			n -= 8 * k
		}
	}
	return packWordsGo(out, o, s, i, n)
}

// packPlainAVX2 packs the plain words of src, up to words of them, into
// dst, and returns the number it packed: it stops at the first word with a
// byte that is not plain. It reads src[:8*words] and writes at most
// dst[:7*words+2].
//
//go:noescape
func packPlainAVX2(dst, src *byte, words int) int

// cpuid returns EAX, EBX, ECX and EDX of CPUID leaf leaf, subleaf sub.
func cpuid(leaf, sub uint32) (a, b, c, d uint32)

// xgetbv0 returns EAX and EDX of XGETBV for XCR0.
func xgetbv0() (a, d uint32)
