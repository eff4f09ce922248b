package sms

import (
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

//go:generate go run ./internal/gen/gsm7

// gsm7Rune is one GSM-7 character above U+007F.
type gsm7Rune struct {
	r       rune
	code    uint8 // septet code (after the escape for extension characters)
	septets uint8 // 1 for the default alphabet, 2 for the extension table
}

// gsm7Latin1 holds, for U+0080..U+00FF, the index+1 into gsm7Runes (0: not
// GSM-7); gsm7Greek does the same for U+0390..U+03AF. Together with the euro
// sign they cover every non-ASCII GSM-7 character. Both are built at init.
var (
	gsm7Latin1 [0x80]uint8
	gsm7Greek  [0x20]uint8
	gsm7Euro   uint8
)

func init() {
	for i, e := range gsm7Runes {
		switch {
		case e.r >= 0x80 && e.r <= 0xFF:
			gsm7Latin1[e.r-0x80] = uint8(i + 1)
		case e.r >= 0x390 && e.r <= 0x3AF:
			gsm7Greek[e.r-0x390] = uint8(i + 1)
		case e.r == 0x20AC:
			gsm7Euro = uint8(i + 1)
		default:
			panic("sms: gsm7Runes holds a rune outside the lookup ranges")
		}
	}
}

// gsm7Code reports how rune r is written in GSM-7: the septet code and its
// cost in septets. septets is 0 when r is not GSM-7, 1 for a character of the
// default alphabet and 2 for one of the extension table, which is sent as the
// escape 0x1B followed by code.
func gsm7Code(r rune) (code byte, septets int) {
	if uint32(r) < 0x80 {
		return gsm7ASCIICode[r], int(gsm7ASCII[r])
	}
	if e, ok := gsm7Lookup(r); ok {
		return e.code, int(e.septets)
	}
	return 0, 0
}

// gsm7Lookup finds r among the non-ASCII GSM-7 characters.
func gsm7Lookup(r rune) (gsm7Rune, bool) {
	var k uint8
	switch {
	case r >= 0x80 && r <= 0xFF:
		k = gsm7Latin1[r-0x80]
	case r >= 0x390 && r <= 0x3AF:
		k = gsm7Greek[r-0x390]
	case r == 0x20AC:
		k = gsm7Euro
	}
	if k == 0 {
		return gsm7Rune{}, false
	}
	return gsm7Runes[k-1], true
}

// IsGSM7 reports whether rune r is in the GSM 7-bit default alphabet or its
// extension table (3GPP TS 23.038), the 137 characters Twilio sends as GSM-7.
func IsGSM7(r rune) bool {
	_, n := gsm7Code(r)
	return n != 0
}

// GSM7Septets returns the number of septets rune r costs in GSM-7: 1 for the
// default alphabet, 2 for the extension table (form feed, ^ { } \ [ ~ ] | and
// €), and 0 when r is not GSM-7.
func GSM7Septets(r rune) int {
	_, n := gsm7Code(r)
	return n
}

// Word-at-a-time helpers. They work on 8 bytes at once, each of which must be
// below 0x80; the result has the high bit set in each byte that matches.
const (
	swarLo = 0x0101010101010101
	swarHi = 0x8080808080808080
	swar7F = 0x7F7F7F7F7F7F7F7F
	swarDF = 0xDFDFDFDFDFDFDFDF
)

// swarGE marks the bytes of w that are >= n.
func swarGE(w uint64, n byte) uint64 { return (w + uint64(0x80-n)*swarLo) & swarHi }

// swarEq marks the bytes of w that equal c.
func swarEq(w uint64, c byte) uint64 {
	t := w ^ uint64(c)*swarLo
	return ^(((t & swar7F) + swar7F) | t) & swarHi
}

// load64 reads s[i:i+8] as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiWord classifies 8 ASCII bytes for GSM-7: the extra septets the
// extension characters among them cost, and whether any is not GSM-7
// (controls other than LF, FF and CR; the backtick; DEL). cr marks the CRs.
func asciiWord(w uint64) (extra int, bad bool, cr uint64) {
	y := w & swarDF // folds a-z onto A-Z, and { | } ~ DEL onto [ \ ] ^ _
	ctrl := ^swarGE(w, 0x20) & swarHi
	// Fast exit: no control, nothing in [ \ ] ^ _ { | } ~ DEL, no @ or backtick.
	if ctrl|swarGE(y, 0x5B)|swarEq(y, 0x40) == 0 {
		return 0, false, 0
	}
	cr = swarEq(w, '\r')
	ff := swarEq(w, '\f')
	badMask := swarEq(w, '`') | swarEq(w, 0x7F) | ctrl&^(swarEq(w, '\n')|ff|cr)
	ext := swarGE(y, 0x5B)&^swarGE(y, 0x5F) | ff
	return bits.OnesCount64(ext), badMask != 0, cr
}

// plainMask marks the bytes of w that cost one septet and need no further
// thought: space, digits, the punctuation of 0x21..0x3F and the letters A-Z
// and a-z. Anything else (non-ASCII, controls, @ [ \ ] ^ _ ` { | } ~ DEL)
// leaves its byte unmarked.
func plainMask(w uint64) uint64 {
	w7 := w & swar7F
	low := w7 & (0x1F * swarLo)
	letter := (low + 0x7F*swarLo) &^ (low + 0x65*swarLo) // low 5 bits in 1..1A
	ge20 := w7 + 0x60*swarLo
	ge40 := w7 + 0x40*swarLo
	return ge20 & (^ge40 | letter) &^ w & swarHi
}

// plainBad has the high bit set, in some byte, unless all 8 bytes of w are
// plain (see plainMask). It is plainMask's test in fewer operations, for the
// word-at-a-time runs; the carries and borrows its arithmetic lets cross
// between bytes start only at bytes that are flagged anyway (non-ASCII ones,
// NUL), so the answer for the word as a whole is exact.
func plainBad(w uint64) uint64 {
	ctrl := ^(w + 0x60*swarLo)                               // below 0x20
	letter := ((w - swarLo) & (0x1F * swarLo)) + 0x66*swarLo // low 5 bits not in 1..1A
	return w | ctrl | letter&(w<<1)                          // non-ASCII, control, or 0x40..0x7F but no letter
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
		if (plainBad(w0)|plainBad(w1)|plainBad(w2)|plainBad(w3))&swarHi != 0 {
			break
		}
		k += 32
	}
	for k+8 <= len(s) && plainBad(*(*uint64)(unsafe.Add(p, k)))&swarHi == 0 {
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
	units, scalars, crlf, segs, pos := 0, 0, 0, 1, 0
	nextWord := 0 // where a word-at-a-time check may next be tried
	for i := 0; i < len(s); {
		var n int
		b := s[i]
		switch {
		case b < 0x80:
			// Plain text runs a word at a time, one septet a byte, so its
			// packing is arithmetic.
			if i >= nextWord && i+8 <= len(s) {
				w := load64(s, i)
				if plainBad(w)&swarHi != 0 {
					// Eight ASCII bytes with escapes among them: count the
					// word at once when no cut can fall inside it.
					if w&swarHi == 0 && pos+16 <= capacity {
						extra, bad, cr := asciiWord(w)
						if bad {
							return gsmCount{}, false
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
			n = int(gsm7ASCII[b])
			if b == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				crlf++
			}
			i++
		case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r := rune(b&0x1F)<<6 | rune(s[i+1]&0x3F)
			if r < 0x100 {
				if k := gsm7Latin1[r-0x80]; k != 0 {
					n = 1
				}
			} else if r >= 0x390 && r < 0x3B0 && gsm7Greek[r-0x390] != 0 {
				n = 1
			}
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if e, ok := gsm7Lookup(r); ok {
				n = int(e.septets)
			}
			i += size
		}
		if n == 0 {
			return gsmCount{}, false
		}
		scalars++
		units += n
		if pos+n > capacity {
			segs++
			pos = 0
		}
		pos += n
	}
	return gsmCount{units: units, scalars: scalars, crlf: crlf, segs: segs, last: pos}, true
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
