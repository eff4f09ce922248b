package sms

import (
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

// IsGSM7 reports whether rune r is in the GSM 7-bit default alphabet or its
// extension table (3GPP TS 23.038), the 137 characters Twilio sends as GSM-7.
func IsGSM7(r rune) bool {
	_, n := gsm7.Code(r)
	return n != 0
}

// GSM7Septets returns the number of septets rune r costs in GSM-7: 1 for the
// default alphabet, 2 for the extension table (form feed, ^ { } \ [ ~ ] | and
// €), and 0 when r is not GSM-7.
func GSM7Septets(r rune) int {
	_, n := gsm7.Code(r)
	return n
}

// asciiWord classifies 8 ASCII bytes for GSM-7: the extra septets the
// extension characters among them cost, and whether any is not GSM-7
// (controls other than LF, FF and CR; the backtick; DEL). cr marks the CRs.
func asciiWord(w uint64) (extra int, bad bool, cr uint64) {
	y := w & swar.MDF // folds a-z onto A-Z, and { | } ~ DEL onto [ \ ] ^ _
	ctrl := ^swar.GE(w, 0x20) & swar.Hi
	// Fast exit: no control, nothing in [ \ ] ^ _ { | } ~ DEL, no @ or backtick.
	if ctrl|swar.GE(y, 0x5B)|swar.Eq(y, 0x40) == 0 {
		return 0, false, 0
	}
	cr = swar.Eq(w, '\r')
	ff := swar.Eq(w, '\f')
	badMask := swar.Eq(w, '`') | swar.Eq(w, 0x7F) | ctrl&^(swar.Eq(w, '\n')|ff|cr)
	ext := swar.GE(y, 0x5B)&^swar.GE(y, 0x5F) | ff
	return bits.OnesCount64(ext), badMask != 0, cr
}

// plainMask marks the bytes of w that cost one septet and need no further
// thought: space, digits, the punctuation of 0x21..0x3F and the letters A-Z
// and a-z. Anything else (non-ASCII, controls, @ [ \ ] ^ _ ` { | } ~ DEL)
// leaves its byte unmarked.
func plainMask(w uint64) uint64 {
	w7 := w & swar.M7F
	low := w7 & (0x1F * swar.Lo)
	letter := (low + 0x7F*swar.Lo) &^ (low + 0x65*swar.Lo) // low 5 bits in 1..1A
	ge20 := w7 + 0x60*swar.Lo
	ge40 := w7 + 0x40*swar.Lo
	return ge20 & (^ge40 | letter) &^ w & swar.Hi
}

// plainBad has the high bit set, in some byte, unless all 8 bytes of w are
// plain (see plainMask). It is plainMask's test in fewer operations, for the
// word-at-a-time runs; the carries and borrows its arithmetic lets cross
// between bytes start only at bytes that are flagged anyway (non-ASCII ones,
// NUL), so the answer for the word as a whole is exact.
func plainBad(w uint64) uint64 {
	ctrl := ^(w + 0x60*swar.Lo)                                 // below 0x20
	letter := ((w - swar.Lo) & (0x1F * swar.Lo)) + 0x66*swar.Lo // low 5 bits not in 1..1A
	return w | ctrl | letter&(w<<1)                             // non-ASCII, control, or 0x40..0x7F but no letter
}

// plainRun returns how far from s[i] the plain bytes (see plainMask) run,
// in whole words. The words are loaded without bounds checks; plainBad
// does not care about the order of the bytes in a word.
func plainRun(s string, i int) int {
	p := unsafe.Pointer(unsafe.StringData(s))
	k := i
	for k+32 <= len(s) {
		w0 := *(*uint64)(unsafe.Add(p, k))
		w1 := *(*uint64)(unsafe.Add(p, k+8))
		w2 := *(*uint64)(unsafe.Add(p, k+16))
		w3 := *(*uint64)(unsafe.Add(p, k+24))
		if (plainBad(w0)|plainBad(w1)|plainBad(w2)|plainBad(w3))&swar.Hi != 0 {
			break
		}
		k += 32
	}
	for k+8 <= len(s) && plainBad(*(*uint64)(unsafe.Add(p, k)))&swar.Hi == 0 {
		k += 8
	}
	return k - i
}

// gsmCount is what a GSM-7 scan of a body finds.
type gsmCount struct {
	units   int // septets
	scalars int
	crlf    int // CR LF pairs
	segs    int // segments when packed at the concatenated capacity
	last    int // units in the last of them
}

// scanGSM counts body as GSM-7, packing it into segments of capacity septets
// without splitting escape pairs. It stops and reports ok == false at the
// first character that is not GSM-7 (or the first invalid byte).
func scanGSM(s string, capacity int) (c gsmCount, ok bool) {
	c.units, c.scalars, c.crlf, c.segs, c.last, ok = scanGSMCounts(s, capacity)
	return c, ok
}

// scanGSMCounts is scanGSM with the counts as results of their own, which
// stay in registers: a gsmCount result is copied through memory by the
// caller, at a cost that shows on short bodies.
func scanGSMCounts(s string, capacity int) (units, scalars, crlf, segs, last int, ok bool) {
	segs, pos := 1, 0
	nextWord := 0 // where a word-at-a-time check may next be tried
	for i := 0; i < len(s); {
		var n int
		b := s[i]
		switch {
		case b < 0x80:
			// Plain text runs a word at a time, one septet a byte, so its
			// packing is arithmetic.
			if i >= nextWord && i+8 <= len(s) {
				w := swar.Load64(s, i)
				if plainBad(w)&swar.Hi != 0 {
					// Eight ASCII bytes with escapes among them: count the
					// word at once when no cut can fall inside it.
					if w&swar.Hi == 0 && pos+16 <= capacity {
						extra, bad, cr := asciiWord(w)
						if bad {
							return 0, 0, 0, 0, 0, false
						}
						if cr != 0 {
							crlf += countCRLF(s, i, cr)
						}
						pos += 8 + extra
						units += 8 + extra
						scalars += 8
						i += 8
						continue
					}
					nextWord = i + 8
					goto one
				}
				m := plainRun(s, i)
				pos += m
				if pos > capacity {
					q := (pos - 1) / capacity
					segs += q
					pos -= q * capacity
				}
				units += m
				scalars += m
				i += m
				continue
			}
		one:
			n = int(gsm7.ASCII[b])
			if b == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				crlf++
			}
			i++
		case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r := rune(b&0x1F)<<6 | rune(s[i+1]&0x3F)
			if r < 0x100 {
				if k := gsm7.Latin1[r-0x80]; k != 0 {
					n = 1
				}
			} else if r >= 0x390 && r < 0x3B0 && gsm7.Greek[r-0x390] != 0 {
				n = 1
			}
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if e, ok := gsm7.Lookup(r); ok {
				n = int(e.Septets)
			}
			i += size
		}
		if n == 0 {
			return 0, 0, 0, 0, 0, false
		}
		scalars++
		units += n
		if pos+n > capacity {
			segs++
			pos = 0
		}
		pos += n
	}
	return units, scalars, crlf, segs, pos, true
}

// countCRLF counts the CRs marked in cr (the word at s[i:i+8]) that an LF
// follows.
func countCRLF(s string, i int, cr uint64) int {
	n := 0
	for cr != 0 {
		k := i + bits.TrailingZeros64(cr)/8
		if k+1 < len(s) && s[k+1] == '\n' {
			n++
		}
		cr &= cr - 1
	}
	return n
}
