package sms

import (
	"unicode/utf8"
	"unsafe"

	"github.com/smsgauge/sms/internal/swar"
	"golang.org/x/text/transform"
)

//go:generate go run ./internal/gen/smartencoding

// smartEntry is one SmartEncoding substitution: a code point (all of them lie
// in the Basic Multilingual Plane) and the text that replaces it.
type smartEntry struct {
	r    uint16
	repl string
}

// Byte classes of smartByte.
const (
	smartASCII = 1 // a mapped ASCII character
	smartLead  = 2 // the lead byte of at least one mapped multi-byte character
)

// smartLookup reports the replacement of r, and whether r is mapped.
func smartLookup(r rune) (string, bool) {
	if uint32(r) > 0xFFFF {
		return "", false
	}
	blk := smartBlock[r>>6]
	if blk == 0 {
		return "", false
	}
	i := smartBlocks[blk-1][r&63]
	if i == 0 {
		return "", false
	}
	return smartTable[i-1].repl, true
}

// The word-at-a-time helpers swar.Lo, swar.Hi and load64 live in gsm7.go.

// smartSuspect reports whether the 8 bytes in w may hold the start of a
// mapped character: a byte with its high bit set, a C0 control (below 0x20)
// or a grave accent (0x60). It is exact (TestSmartSuspectRandom); a byte
// that is suspect but maps to nothing (LF, CR, most non-ASCII lead bytes)
// only sends the word to the byte table.
func smartSuspect(w uint64) bool {
	return smartSuspectBits(w)&swar.Hi != 0
}

// smartSuspectBits is smartSuspect before the final mask, so that several
// words can be tested at once. Taking 0x20 from each byte sets the high bit
// of a byte below 0x20 (it wraps) or of 0xA0 and above; xoring with 0x60 and
// taking 1 sets it for 0x60 (which became 0) and for 0x80 to 0x9F (which
// became 0xE0 to 0xFF). Printable bytes set no high bit and never borrow. A
// borrow starts only at a byte below 0x20 or equal to 0x60, so the lowest
// suspect byte of a word is never hidden; other high bits may be false
// alarms above it.
func smartSuspectBits(w uint64) uint64 {
	return (w - 0x20*swar.Lo) | ((w ^ 0x60*swar.Lo) - swar.Lo)
}

// smartNext finds the first mapped character in s at or after byte i. It
// returns its offset j, its size in bytes and its replacement; j == len(s)
// when there is none. Unless atEOF, a lead byte of a mapped character whose
// sequence s cuts short stops the scan with short set, j at that byte.
//
// Bytes are classified by smartByte on their own, without decoding what
// precedes them; this finds the characters utf8.DecodeRuneInString would,
// because mapped characters only start with bytes that are never
// continuation bytes, and such a byte always starts a decoding step.
func smartNext(s string, i int, atEOF bool) (j, size int, repl string, short bool) {
	n := len(s)
	// Substitutions come in runs (quotes, dashes, fullwidth text), so the
	// first 8 bytes are looked at one by one before the word-at-a-time scan.
	words := false
	for i < n {
		if !words {
			words = true
		} else if i+32 <= n && (smartSuspectBits(swar.Load64(s, i))|smartSuspectBits(swar.Load64(s, i+8))|
			smartSuspectBits(swar.Load64(s, i+16))|smartSuspectBits(swar.Load64(s, i+24)))&swar.Hi == 0 {
			i += 32
			for i+64 <= n && (smartSuspectBits(swar.Load64(s, i))|smartSuspectBits(swar.Load64(s, i+8))|
				smartSuspectBits(swar.Load64(s, i+16))|smartSuspectBits(swar.Load64(s, i+24))|
				smartSuspectBits(swar.Load64(s, i+32))|smartSuspectBits(swar.Load64(s, i+40))|
				smartSuspectBits(swar.Load64(s, i+48))|smartSuspectBits(swar.Load64(s, i+56)))&swar.Hi == 0 {
				i += 64
			}
			continue
		} else if i+8 <= n {
			if !smartSuspect(swar.Load64(s, i)) {
				i += 8
				continue
			}
			t := s[i : i+8]
			if smartByte[t[0]]|smartByte[t[1]]|smartByte[t[2]]|smartByte[t[3]]|
				smartByte[t[4]]|smartByte[t[5]]|smartByte[t[6]]|smartByte[t[7]] == 0 {
				i += 8
				continue
			}
		}
		for end := min(i+8, n); i < end; {
			c := s[i]
			switch smartByte[c] {
			case 0:
				i++
			case smartASCII:
				return i, 1, smartTable[smartBlocks[smartBlock[c>>6]-1][c&63]-1].repl, false
			default:
				// Every mapped character is 2 or 3 bytes long, and no lead
				// byte of one is 0xE0 or 0xED, whose second bytes have
				// narrower ranges (TestSmartByteClasses), so a lead byte
				// and well-formed continuation bytes make a valid rune.
				var r rune
				var sz int
				if c < 0xE0 {
					if i+1 < n && s[i+1]&0xC0 == 0x80 {
						r, sz = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
					}
				} else if i+2 < n && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
					r, sz = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
				}
				if sz == 0 { // cut short, or not valid UTF-8
					if !atEOF && !utf8.FullRuneInString(s[i:]) {
						return i, 0, "", true
					}
					i++ // an invalid byte passes through
					continue
				}
				if repl, ok := smartLookup(r); ok {
					return i, sz, repl, false
				}
				i += sz
			}
		}
	}
	return n, 0, "", false
}

// smartSize returns the length of s after substitution, scanning from the
// first mapped character, found at j.
func smartSize(s string, j, size int, repl string) int {
	n := len(s)
	for j < len(s) {
		n += len(repl) - size
		j, size, repl, _ = smartNext(s, j+size, true)
	}
	return n
}

// SmartEncode returns s with every character of Twilio's SmartEncoding map
// replaced by its GSM-7 look-alike, the substitution Twilio applies to a
// message sent with SmartEncoded=true. Like strings.Map, it returns s itself,
// without allocating, when no character is mapped, and otherwise allocates
// the result once. Bytes that are not valid UTF-8 pass through unchanged.
//
// The map is the 271 entries of Twilio's segment calculator (npm
// sms-segments-calculator 1.3.0). It is applied, as the calculator does, to
// each code point on its own, before any grapheme clustering, so a combining
// mark in the map is replaced even when it follows a letter. Most entries are
// what one expects: curly quotes become ' and ", dashes become -, the
// fullwidth forms U+FF01 to U+FF5E their ASCII counterparts, small capitals
// capital letters, ¼ ½ ¾ become 1/4 1/2 3/4, … becomes ... and ‼ becomes !!.
// Some are surprising, and copied as they are:
//
//   - U+0009 (tab) becomes seven spaces.
//   - U+00A0 (no-break space), U+202F, U+205F, U+3000, U+2000 and U+2002 to
//     U+200A become two spaces, but U+2001 (em quad), U+2028 (line separator)
//     and U+2029 (paragraph separator) become one space.
//   - The C1 controls U+0080, U+008D, U+0090, U+009B and U+009F become two
//     spaces.
//   - The C0 controls U+0000, U+0003, U+0004, U+0010 to U+0014, U+0017 and
//     U+0019 are deleted, as are U+200B (zero width space), U+200C (zero
//     width non-joiner), U+2060 (word joiner) and U+FEFF (byte order mark).
//     U+200D (zero width joiner) is not in the map and stays.
//   - U+0060 (grave accent) becomes an apostrophe, and so do ´ and several
//     modifier letters; U+00F7 (÷) becomes /, U+2022 (bullet) becomes -.
//   - The combining marks U+0302, U+0303, U+0313, U+0314, U+0326, U+0330,
//     U+0332, U+0334, U+0337, U+0338, U+0347, U+1DCD, U+20D2, U+20D3 and
//     U+20E5 become spacing characters (^ ~ ' , _ / = | \), so "n" + U+0303
//     becomes "n~", not "ñ".
//
// Every replacement is GSM-7, but SmartEncode does not make a body GSM-7:
// characters outside the map (emoji, most scripts, "ç") are left as they are.
func SmartEncode(s string) string {
	j, size, repl, _ := smartNext(s, 0, true)
	if j == len(s) {
		return s
	}
	n := smartSize(s, j, size, repl)
	if n == 0 {
		return ""
	}
	buf := smartAppend(make([]byte, 0, n), s, j, size, repl)
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// smartAppend appends s, substituted, to dst; the first mapped character is
// at j.
func smartAppend(dst []byte, s string, j, size int, repl string) []byte {
	i := 0
	for j < len(s) {
		dst = append(dst, s[i:j]...)
		dst = append(dst, repl...)
		i = j + size
		j, size, repl, _ = smartNext(s, i, true)
	}
	return append(dst, s[i:]...)
}

// SmartEncodeBytes is SmartEncode for a byte slice. It returns b itself when
// no character is mapped, and otherwise a new slice, allocated once.
func SmartEncodeBytes(b []byte) []byte {
	s := bytesString(b)
	j, size, repl, _ := smartNext(s, 0, true)
	if j == len(s) {
		return b
	}
	n := smartSize(s, j, size, repl)
	return smartAppend(make([]byte, 0, n), s, j, size, repl)
}

// AppendSmartEncode appends src, smart-encoded as by SmartEncode, to dst and
// returns the extended slice. It grows dst at most once. src and dst must not
// overlap.
func AppendSmartEncode(dst, src []byte) []byte {
	s := bytesString(src)
	j, size, repl, _ := smartNext(s, 0, true)
	if j == len(s) {
		return append(dst, src...)
	}
	n := smartSize(s, j, size, repl)
	if cap(dst)-len(dst) < n {
		grown := make([]byte, len(dst), len(dst)+n)
		copy(grown, dst)
		dst = grown
	}
	return smartAppend(dst, s, j, size, repl)
}

// SmartEncoder is a transform.SpanningTransformer that smart-encodes a stream
// exactly as SmartEncode does a string, whatever the chunking: a mapped
// character cut by the end of a buffer waits for the rest of its bytes, and
// bytes that are not valid UTF-8 pass through unchanged. It holds no state,
// so its zero value is ready to use, Reset does nothing and one value may
// serve any number of goroutines. Wrap a reader with
// transform.NewReader(r, sms.SmartEncoder{}); it uses constant memory.
type SmartEncoder struct{}

// Reset implements transform.Transformer; SmartEncoder has no state.
func (SmartEncoder) Reset() {}

// Transform implements transform.Transformer.
func (SmartEncoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	s := bytesString(src)
	for nSrc < len(s) {
		j, size, repl, short := smartNext(s, nSrc, atEOF)
		k := copy(dst[nDst:], s[nSrc:j])
		nDst += k
		nSrc += k
		if nSrc < j {
			return nDst, nSrc, transform.ErrShortDst
		}
		if short {
			return nDst, nSrc, transform.ErrShortSrc
		}
		if j == len(s) {
			break
		}
		if len(dst)-nDst < len(repl) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], repl)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// Span implements transform.SpanningTransformer: it returns the length of the
// prefix of src that smart encoding leaves unchanged.
func (SmartEncoder) Span(src []byte, atEOF bool) (n int, err error) {
	s := bytesString(src)
	j, _, _, short := smartNext(s, 0, atEOF)
	switch {
	case short:
		return j, transform.ErrShortSrc
	case j < len(s):
		return j, transform.ErrEndOfSpan
	}
	return len(s), nil
}
