package pdu

import (
	"encoding/binary"
	"slices"
	"strconv"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

// A septet entry says how one character is sent in the default alphabet:
// its septet bits in the low 16 (an extension character's escape in the low
// 7, its code in the next 7), their number (7 or 14) in the next 8 and the
// number of septets (1 or 2) in the top 8. Zero means the character is not
// GSM-7.
const (
	septBitsShift  = 16
	septUnitsShift = 24
	septValueMask  = 1<<septBitsShift - 1
)

// The septet entries of the ASCII bytes, of U+0080..U+00FF, of
// U+0390..U+03AF and of the euro sign: every GSM-7 character is in one of
// them (see gsm7.Lookup).
var (
	asciiSept  [0x80]uint32
	latin1Sept [0x80]uint32
	greekSept  [0x20]uint32
	euroSept   uint32
)

func init() {
	entry := func(code byte, septets int) uint32 {
		switch septets {
		case 1:
			return 1<<septUnitsShift | 7<<septBitsShift | uint32(code)
		case 2:
			return 2<<septUnitsShift | 14<<septBitsShift | uint32(code)<<7 | gsm7.Escape
		}
		return 0
	}
	for b := range asciiSept {
		asciiSept[b] = entry(gsm7.Code(rune(b)))
	}
	for k := range latin1Sept {
		latin1Sept[k] = entry(gsm7.Code(rune(0x80 + k)))
	}
	for k := range greekSept {
		greekSept[k] = entry(gsm7.Code(rune(0x390 + k)))
	}
	euroSept = entry(gsm7.Code('€'))
}

// septAt returns the septet entry of the character at s[i] and its length in
// bytes; the entry is 0 when it is not GSM-7 or not valid UTF-8.
func septAt(s string, i int) (e uint32, size int) {
	b := s[i]
	if b < 0x80 {
		return asciiSept[b], 1
	}
	if b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		r := uint32(b&0x1F)<<6 | uint32(s[i+1]&0x3F)
		if r < 0x100 {
			return latin1Sept[r-0x80], 2
		}
		if r-0x390 < 0x20 {
			return greekSept[r-0x390], 2
		}
		return 0, 2
	}
	if b == 0xE2 && i+2 < len(s) && s[i+1] == 0x82 && s[i+2] == 0xAC {
		return euroSept, 3
	}
	return 0, 1
}

// packBad has the high bit set in some byte unless all 8 bytes of w are
// plain: characters whose septet is their ASCII code, one septet each
// (space, the punctuation of 0x21..0x3F but for $, the digits and the
// letters A-Z and a-z). It is packOK and packNotLetter for one word.
func packBad(w uint64) uint64 {
	return (^packOK(w) | packNotLetter(w)) & swar.Hi
}

// packOK has the high bit clear in the bytes of w (all below 0x80) that
// are below 0x20 or are $: 0x24 ^ 0x04 = 0x20, and the controls stay
// below 0x20. Sums of bytes below 0x80 carry into no other byte.
func packOK(w uint64) uint64 { return (w ^ 0x04*swar.Lo) + 0x5F*swar.Lo }

// packNotLetter has the high bit set in the bytes of w that are not ASCII
// and in those of 0x40..0x7F that are not letters (low 5 bits not in
// 1..1A: @ [ \ ] ^ _ ` { | } ~ DEL). Carries between bytes start only
// at non-ASCII bytes, which are flagged anyway, so the answer for the
// word as a whole is exact; which byte is flagged is not.
func packNotLetter(w uint64) uint64 {
	return w | (((w+0x1F*swar.Lo)&(0x1F*swar.Lo))+0x66*swar.Lo)&(w<<1)
}

// packWordsGo packs the plain words (see packBad) of s from s[i] on, n
// septets at most (a multiple of 8, with s[i:i+n] in s), into out at o,
// with no bits pending, and returns where it stopped in s and in out: at
// the first word that is not plain, or after n septets. Eight septets are
// seven octets; out needs room for the last 8-octet store,
// o + 7n/8 + 1 octets. Four words at a time, their 28 octets are written
// as three 8-octet stores and one 4-octet store, and their checks share
// the final test.
func packWordsGo(out []byte, o int, s string, i, n int) (int, int) {
	end := i + n
	for i+32 <= end && o+28 <= len(out) {
		src := s[i : i+32]
		w0, w1, w2, w3 := swar.Load64(src, 0), swar.Load64(src, 8), swar.Load64(src, 16), swar.Load64(src, 24)
		ok := packOK(w0) & packOK(w1) & packOK(w2) & packOK(w3)
		bad := packNotLetter(w0) | packNotLetter(w1) | packNotLetter(w2) | packNotLetter(w3)
		if (^ok|bad)&swar.Hi != 0 {
			break
		}
		v0, v1, v2, v3 := pack8Clean(w0), pack8Clean(w1), pack8Clean(w2), pack8Clean(w3)
		d := out[o : o+28 : o+28]
		binary.LittleEndian.PutUint64(d[:8], v0|v1<<56)
		binary.LittleEndian.PutUint64(d[8:16], v1>>8|v2<<48)
		binary.LittleEndian.PutUint64(d[16:24], v2>>16|v3<<40)
		binary.LittleEndian.PutUint32(d[24:], uint32(v3>>24))
		o += 28
		i += 32
	}
	if r := end - i; r >= 8 && r < 32 && o+28 <= len(out) {
		// One to three words left: four, padded with plain words, in one
		// go; the octets past the ones they fill are junk.
		const pad = 0x6161616161616161
		w0, w1, w2 := swar.Load64(s, i), uint64(pad), uint64(pad)
		if r >= 16 {
			w1 = swar.Load64(s, i+8)
		}
		if r >= 24 {
			w2 = swar.Load64(s, i+16)
		}
		if (^(packOK(w0)&packOK(w1)&packOK(w2))|packNotLetter(w0)|packNotLetter(w1)|packNotLetter(w2))&swar.Hi == 0 {
			v0, v1, v2 := pack8Clean(w0), pack8Clean(w1), pack8Clean(w2)
			d := out[o : o+28 : o+28]
			binary.LittleEndian.PutUint64(d[:8], v0|v1<<56)
			binary.LittleEndian.PutUint64(d[8:16], v1>>8|v2<<48)
			binary.LittleEndian.PutUint64(d[16:24], v2>>16)
			return end, o + r/8*7
		}
	}
	for i+8 <= end && o+8 <= len(out) {
		w := swar.Load64(s, i)
		if packBad(w) != 0 {
			break
		}
		binary.LittleEndian.PutUint64(out[o:o+8], pack8Clean(w))
		o += 7
		i += 8
	}
	return i, o
}

// packGSM7 packs the septets of the default alphabet characters of s from
// s[i] on into out at byte at, after nb (0 to 7) bits already in acc (a
// segment starts with its fill bits: nb = fill, acc = 0), until the segment
// holds capacity septets or s ends. It returns where it stopped in s, the
// septets it packed, the octet where the next store goes and the bits not
// yet written (acc, nb): the caller writes byte(acc) there when nb > 0. st
// is packNotGSM7 when it stopped at a character that is not GSM-7, or at
// invalid UTF-8, at s[next]; packNoRoom when out has no room left for the
// next store (8 octets, of which the ones past the end are junk): the
// caller grows out and calls again with acc and nb, and the room left in
// the segment.
//
// Each character goes through its septet entry into acc, which is stored
// whole at at; at then moves on by the octets completed. When no bits are
// pending, packWords takes the plain words that follow.
func packGSM7(out []byte, at int, s string, i, capacity int, acc uint64, nb uint) (next, septets, end int, accOut uint64, nbOut uint, st packStatus) {
	pos := 0
	nextWord := i // where a word at a time may next be tried
	for i < len(s) {
		if nb == 0 && i >= nextWord {
			if n := min(capacity-pos, len(s)-i, (len(out)-at-1)/7*8) &^ 7; n > 0 {
				j, p := packWords(out, at, s, i, n)
				pos += j - i
				at = p
				if j-i < n {
					nextWord = j + 8 // not plain
				}
				i = j
				if i == len(s) {
					break
				}
			}
		}
		var e uint32
		size := 1
		if b := s[i]; b < 0x80 {
			e = asciiSept[b]
		} else {
			e, size = septAt(s, i)
		}
		if e == 0 {
			return i, pos, at, acc, nb, packNotGSM7
		}
		u := int(e >> septUnitsShift)
		if pos+u > capacity {
			break
		}
		if at+8 > len(out) {
			return i, pos, at, acc, nb, packNoRoom
		}
		acc |= uint64(e&septValueMask) << (nb & 63)
		nb += uint(e>>septBitsShift) & 0xFF
		binary.LittleEndian.PutUint64(out[at:at+8], acc)
		at += int(nb >> 3)
		acc >>= (nb &^ 7) & 63
		nb &= 7
		pos += u
		i += size
	}
	return i, pos, at, acc, nb, packDone
}

// packStatus is why packGSM7 stopped.
type packStatus int

const (
	packDone    packStatus = iota // the segment is full or the body ends
	packNotGSM7                   // a character that is not GSM-7
	packNoRoom                    // no room in out for the next store
)

// appendGSM7Packed is appendGSM7 for the default tables, packed: each
// segment's septets are packed straight from the body into their place
// after the segment's header, with no septet copy in between, and the
// segments are cut as they are packed (Split's cuts for GSM-7: when the
// next character does not fit, an escape pair never split).
//
// The layout (one segment, or concatenated parts with their headers) must
// be chosen before the first octet is written: a body of at most
// SingleGSM7Septets bytes is laid out as one segment, a longer one as
// parts, and it is encoded again with the other layout when it turns out
// to need it: a short body whose extension characters take it past one
// segment, or a long one whose accented letters leave it within one, is
// encoded twice.
//
// A part that starts with a full segment's worth of plain words ahead
// (the common case for long ASCII bodies) is written by packWords alone,
// after the one septet that completes the octet of the fill bit; anything
// else goes through packGSM7. Writes stay below base + 16 + the septets so
// far: a finished part is at most 140 octets and holds at least 151
// septets (a segment's capacity less one, for an escape pair that did not
// fit), the current part's header and fill bit at most 8 octets past its
// septets.
func (o EncodeOptions) appendGSM7Packed(buf []byte, parts []Part, body string) ([]byte, []Part, bool, error) {
	base, first := len(buf), len(parts)
	out := buf[:cap(buf)]
	hlMulti := udhLen(true, o.UDH16, LanguageNone, LanguageNone)
	capMulti := gsm7Capacity(hlMulti)
	single := len(body) <= sms.SingleGSM7Septets
	// The concatenation header but for its total, which is written once it
	// is known, and its sequence number; its octets past hl are
	// overwritten by the user data.
	var hdr uint64
	if o.UDH16 {
		hdr = uint64(hlMulti-1) | IEIConcat16<<8 | 4<<16 | uint64(o.Reference>>8)<<24 | uint64(o.Reference&0xFF)<<32
	} else {
		hdr = uint64(hlMulti-1) | IEIConcat8<<8 | 3<<16 | uint64(o.Reference&0xFF)<<24
	}
	s := body
again:
	hl, capacity := 0, sms.SingleGSM7Septets
	if !single {
		hl, capacity = hlMulti, capMulti
	}
	fill := uint(FillBits(hl))
	parts = parts[:first]
	at := base
	if hl > 0 {
		if at+8 > len(out) {
			out = growOut(out, at, 8+2*len(s))
		}
		binary.LittleEndian.PutUint64(out[at:at+8], hdr|1<<(8*(hl-1)))
		at += hl
	}
	total := 0
	for i := 0; ; {
		var acc uint64
		nb := fill
		pos, segOffset := 0, i
		if fill <= 1 && at < len(out) && i+capacity < len(s) {
			// A part full of plain words, the most common: the first
			// septet completes the octet of the fill bit, if any; the
			// others are whole words.
			j := i
			if b := s[i]; fill == 1 && b < 0x80 && asciiSept[b] == 1<<septUnitsShift|7<<septBitsShift|uint32(b) {
				out[at] = b << 1
				at++
				j++
				nb = 0
			}
			if nb == 0 {
				j, at = packWords(out, at, s, j, (capacity-(j-i))&^7)
				pos = j - i
				i = j
			}
		}
		for pos < capacity {
			var n int
			var st packStatus
			i, n, at, acc, nb, st = packGSM7(out, at, s, i, capacity-pos, acc, nb)
			pos += n
			if st == packDone {
				break
			}
			if st == packNotGSM7 {
				clear(parts[first:])
				return buf[:base], parts[:first], false, nil
			}
			out = growOut(out, at, 16+2*(len(s)-i))
		}
		if nb > 0 {
			out[at] = byte(acc)
			at++
		}
		total += pos
		if i < len(s) && single {
			// More than one segment holds.
			single = false
			goto again
		}
		if i == len(s) && !single && total <= sms.SingleGSM7Septets {
			// One segment holds it all (at most two parts were made, and
			// the second is not recorded: parts may have room for one).
			single = true
			goto again
		}
		// Every field of the part is set below, once the parts are known.
		if len(parts) < cap(parts) {
			parts = parts[:len(parts)+1]
		} else {
			parts = append(parts, Part{})
		}
		p := &parts[len(parts)-1]
		p.UDL = at
		p.Segment.Offset = segOffset
		p.Segment.Units = pos
		if i == len(s) {
			break
		}
		if len(parts)-first == 255 {
			return o.tooManyGSM7(buf, parts, first, body)
		}
		if at+8 > len(out) {
			out = growOut(out, at, 16+2*(len(s)-i))
		}
		binary.LittleEndian.PutUint64(out[at:at+8], hdr|uint64(len(parts)-first+1)<<(8*(hl-1)))
		at += hl
	}
	buf = out[:at]
	ps := parts[first:]
	hdrSeptets := (8*hl + int(fill)) / 7
	start := base
	for k := range ps {
		p := &ps[k]
		end := p.UDL
		if hl > 0 {
			buf[start+hl-2] = byte(len(ps))
		}
		p.UDH = buf[start : start+hl : start+hl]
		p.UserData = buf[start+hl : end : end]
		p.DCS = DCSGSM7
		p.Unpacked = false
		p.UDL = hdrSeptets + p.Segment.Units
		textEnd := len(body)
		if k+1 < len(ps) {
			textEnd = ps[k+1].Segment.Offset
		}
		p.Segment.Index = k
		p.Segment.Text = body[p.Segment.Offset:textEnd]
		p.Segment.Capacity = capacity
		p.Segment.Bits = 7 * p.Segment.Units
		start = end
	}
	return buf, parts, true, nil
}

// growOut returns out, its first n octets kept, with room for at least more
// octets past them, as a slice of its whole capacity.
func growOut(out []byte, n, more int) []byte {
	out = slices.Grow(out[:n], more)
	return out[:cap(out)]
}

// tooManyGSM7 is the end of appendGSM7Packed for a body that needs more
// segments than can be concatenated: the error, when the whole body is
// GSM-7, or not ok.
func (o EncodeOptions) tooManyGSM7(buf []byte, parts []Part, first int, body string) ([]byte, []Part, bool, error) {
	clear(parts[first:])
	parts = parts[:first]
	a, err := o.core().Analyze(body)
	if err != nil || a.Encoding != sms.EncodingGSM7 {
		return buf, parts, false, nil
	}
	return buf, parts, true, &sms.OptionError{Option: "body", Value: strconv.Itoa(a.Segments) + " segments (at most 255)"}
}
