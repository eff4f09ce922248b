package pdu

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/grapheme"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

// Data coding scheme values (3GPP TS 23.038 4, general data coding group,
// uncompressed, no message class); SMPP's data_coding uses the same values.
const (
	DCSGSM7 = 0x00 // GSM 7-bit default alphabet (SMPP: SMSC default alphabet)
	DCSUCS2 = 0x08 // UCS-2, sent as UTF-16BE
)

// ErrInvalidUTF8 is returned when a body to encode is not valid UTF-8: its
// bytes cannot be sent unchanged in any SMS alphabet.
var ErrInvalidUTF8 = errors.New("pdu: body is not valid UTF-8")

// EncodeOptions controls how a body becomes the bytes of its segments. The
// zero value sends what Twilio would: GSM-7 when every character allows it,
// otherwise UCS-2; 8-bit concatenation reference 0; GSM-7 packed into
// octets; no national language tables.
type EncodeOptions struct {
	// sms.Encoding forces GSM-7 or UCS-2; sms.EncodingAuto (zero) chooses.
	Encoding sms.Encoding
	// UDH16 uses the 16-bit concatenation reference (IEI 0x08, a 7-octet
	// header) instead of the 8-bit one (IEI 0x00, 6 octets).
	UDH16 bool
	// Unpacked writes GSM-7 septets one per octet, as SMPP carries them in
	// short_message with data_coding 0, instead of packing them.
	Unpacked bool
	// Reference is the concatenation reference number, the same in every
	// part of one message and different between messages in flight to the
	// same handset. The caller chooses it: the library keeps no counter. It
	// must be at most 255 unless UDH16 is set.
	Reference uint16
	// Languages lists the national language tables (3GPP TS 23.038 annex A)
	// the encoder may use. Empty, the default, uses none, as Twilio does. With
	// languages, the encoder picks the cheapest of the default alphabet,
	// each language's single shift, locking shift or both, and UCS-2; see
	// EncodeOptions.Plan.
	Languages []Language
}

// core returns the options of the body's analysis.
func (o EncodeOptions) core() sms.Options { return sms.Options{Encoding: o.Encoding, UDH16: o.UDH16} }

func (o EncodeOptions) check() error {
	// The analysis of the empty body fails exactly when its options do,
	// which is only for an Encoding beyond the three there are.
	if o.Encoding > sms.EncodingUCS2 {
		if _, err := o.core().Analyze(""); err != nil {
			return err
		}
	}
	if !o.UDH16 && o.Reference > 0xFF {
		return &sms.OptionError{Option: "Reference", Value: strconv.Itoa(int(o.Reference)) + " (above 255 needs UDH16)"}
	}
	for _, l := range o.Languages {
		if l == LanguageNone || !l.valid() {
			return &LanguageError{ID: l}
		}
	}
	return nil
}

// Part is one segment as it goes on the wire: its user data header and its
// user data, with the values the PDU or the SMPP submit_sm around it needs.
// From the encoder, UDH and UserData point into the buffer the parts were
// appended to.
type Part struct {
	UDH      []byte      // user data header, length octet (UDHL) first; empty when there is none (set TP-UDHI / esm_class 0x40 when it is not)
	UserData []byte      // user data after the header: packed septets (fill bits first), unpacked septets, or UTF-16BE
	DCS      byte        // TP-DCS / data_coding: DCSGSM7 or DCSUCS2
	UDL      int         // TP-UDL: septets for packed GSM-7 (header and fill bits included), octets otherwise (header included)
	Unpacked bool        // GSM-7 septets one per octet rather than packed
	Segment  sms.Segment // the segment of the body it carries (from the encoder; Reassemble ignores it)
}

// EncodeSegments returns the segments of body as they go on the wire: per
// segment, the concatenation header (with the caller's reference, when
// there is more than one segment), the national language shift elements
// (when a table is used) and the user data. Without national languages the
// segments are exactly those of Split under the same sms.Encoding and UDH16.
func EncodeSegments(body string, o EncodeOptions) ([]Part, error) {
	_, parts, err := o.AppendSegments(nil, nil, body)
	return parts, err
}

// AppendSegments is EncodeSegments into caller-owned memory: it appends the
// header and user data bytes of every segment to buf and a Part for each to
// parts, and returns both extended. It makes no allocation when buf has room
// for 16 octets plus the septets of the body (GSM-7; unpacked, plus every
// header) or for every segment's header and UTF-16 user data (UCS-2), and
// parts has room for the segments; 16 octets plus 2.5 times the body's
// length in bytes is always enough. On error, buf and parts come back
// unchanged.
func (o EncodeOptions) AppendSegments(buf []byte, parts []Part, body string) ([]byte, []Part, error) {
	if err := o.check(); err != nil {
		return buf, parts, err
	}
	if len(o.Languages) > 0 {
		p, err := o.plan(body, false)
		if err != nil {
			return buf, parts, err
		}
		return p.appendAll(buf, parts)
	}
	if o.Encoding != sms.EncodingUCS2 {
		var b []byte
		var ps []Part
		var ok bool
		var err error
		if o.Unpacked {
			b, ps, ok, err = o.appendGSM7(buf, parts, body, LanguageNone, LanguageNone)
		} else {
			b, ps, ok, err = o.appendGSM7Packed(buf, parts, body)
		}
		if ok || err != nil {
			return b, ps, err
		}
		if o.Encoding == sms.EncodingGSM7 {
			if !utf8.ValidString(body) {
				return buf, parts, invalidUTF8(body)
			}
			return buf, parts, notGSM7(body)
		}
	}
	return o.appendUCS2(buf, parts, body)
}

// notGSM7 returns the error of forcing GSM-7 on body, which is not GSM-7:
// an *sms.EncodingError listing the characters outside it.
func notGSM7(body string) error {
	_, err := sms.Options{Encoding: sms.EncodingGSM7}.Analyze(body)
	return err
}

func invalidUTF8(body string) error {
	i := 0
	for i < len(body) {
		r, n := utf8.DecodeRuneInString(body[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	return &PartError{Err: ErrInvalidUTF8, Part: -1, Detail: "invalid byte at offset " + strconv.Itoa(i)}
}

// udhLen returns the header octets of a segment: concatenation element (if
// multi), shift elements and the length octet.
func udhLen(multi, ref16 bool, lock, single Language) int {
	return UDH{Concat: multi, Ref16: ref16, SingleShift: single, LockingShift: lock}.Len()
}

// userDataBits is what one segment carries: 140 octets of user data
// (3GPP TS 23.040 9.2.3.24), header included.
const userDataBits = 140 * 8

func gsm7Capacity(udh int) int { return (userDataBits - 8*udh) / 7 }
func ucs2Capacity(udh int) int { return (userDataBits - 8*udh) / 16 }

// nonPlain marks (high bit of each byte) the bytes of w that are not
// plain: plain bytes are the characters whose GSM-7 septet equals their
// ASCII code (letters, digits, space, the punctuation other than @ $ _ and
// the extension characters). Bytes above the first marked one may be
// misjudged, since carries run upward; callers only use the first mark.
func nonPlain(w uint64) uint64 {
	y := w & swar.MDF
	at := y ^ 0x4040404040404040 // @ and backtick
	dollar := w ^ 0x2424242424242424
	return (w | ^(w + 0x6060606060606060) | // high bit set, or below 0x20
		(y + 0x2525252525252525) | // [ \ ] ^ _ { | } ~ DEL
		^(((at & swar.M7F) + swar.M7F) | at) |
		^(((dollar & swar.M7F) + swar.M7F) | dollar)) & swar.Hi
}

// appendGSM7 encodes body in GSM-7 with the given tables (LanguageNone for
// the defaults). ok is false, with buf and parts unchanged, when a character
// cannot be encoded or the body is not valid UTF-8.
//
// It converts the body to septets in one pass, recording where segments of
// the concatenated capacity start, then writes each segment's header and
// user data over the septets, in place: packing never writes past what it
// has read, and a full segment's header and packed data (140 octets) are
// smaller than its septets (145 or more).
func (o EncodeOptions) appendGSM7(buf []byte, parts []Part, body string, lock, single Language) ([]byte, []Part, bool, error) {
	national := lock != LanguageNone || single != LanguageNone
	base, firstPart := len(buf), len(parts)
	gap := 16 // room for a header ahead of the septets it precedes
	if o.Unpacked {
		gap = 0
	}
	buf = append(buf, make([]byte, gap)...)
	start := len(buf)
	multiUDH := udhLen(true, o.UDH16, lock, single)
	capMulti := gsm7Capacity(multiUDH)
	seg := sms.Segment{Capacity: capMulti}
	parts = append(parts, Part{})
	pos, total := 0, 0
	fail := func() ([]byte, []Part, bool, error) {
		clear(parts[firstPart:])
		return buf[:base], parts[:firstPart], false, nil
	}
	newSegment := func(i int) {
		seg.Units = pos
		parts[len(parts)-1].Segment = seg
		parts[len(parts)-1].UDL = len(buf) - start // septet index where the next starts
		seg = sms.Segment{Index: seg.Index + 1, Offset: i, Capacity: capMulti}
		parts = append(parts, Part{})
		pos = 0
	}
	for i := 0; i < len(body); {
		if !national && i+8 <= len(body) && pos < capMulti {
			// Copy the run of plain bytes that starts here: their septets
			// are their ASCII codes.
			room := capMulti - pos
			j := i
			for j+8 <= len(body) && j-i < room {
				if m := nonPlain(swar.Load64(body, j)); m != 0 {
					j += bits.TrailingZeros64(m) >> 3
					break
				}
				j += 8
				// A clean word: try four at a time (nonPlain marks
				// nothing in a word without a true mark).
				for j+32 <= len(body) && j-i+32 <= room && nonPlain(swar.Load64(body, j))|nonPlain(swar.Load64(body, j+8))|
					nonPlain(swar.Load64(body, j+16))|nonPlain(swar.Load64(body, j+24)) == 0 {
					j += 32
				}
			}
			j = i + min(j-i, room)
			if k := j - i; k > 0 {
				buf = append(buf, body[i:j]...)
				pos += k
				total += k
				i = j
				continue
			}
		}
		var code byte
		var u, size int
		if b := body[i]; b < 0x80 && !national {
			code, u, size = gsm7.ASCIICode[b], int(gsm7.ASCII[b]), 1
		} else {
			r, n := grapheme.DecodeAt(body, i)
			if r == utf8.RuneError && n == 1 {
				return fail()
			}
			size = n
			if national {
				code, u = nlCode(lock, single, r)
			} else {
				code, u = gsm7.Code(r)
			}
		}
		if u == 0 {
			return fail()
		}
		if pos+u > capMulti {
			newSegment(i)
		}
		if u == 2 {
			buf = append(buf, 0x1B, code)
		} else {
			buf = append(buf, code)
		}
		pos += u
		total += u
		i += size
	}
	seg.Units = pos
	parts[len(parts)-1].Segment = seg
	ps := parts[firstPart:]
	multi := true
	if singleCap := gsm7Capacity(udhLen(false, o.UDH16, lock, single)); total <= singleCap {
		multi = false
		ps = ps[:1]
		clear(parts[firstPart+1:])
		parts = parts[:firstPart+1]
		ps[0].Segment = sms.Segment{Text: body, Units: total, Capacity: singleCap, Bits: 7 * total}
	}
	if len(ps) > 255 {
		b, p, _, _ := fail()
		return b, p, true, &sms.OptionError{Option: "body", Value: strconv.Itoa(len(ps)) + " segments (at most 255)"}
	}
	// Part k holds septets [lo(k), sepEnd(k)) of the scratch: part k-1's UDL
	// holds lo(k), until it is overwritten below, and the last ends at total.
	sepEnd := func(k int) int {
		if k+1 == len(ps) {
			return total
		}
		return ps[k].UDL
	}
	for k := range ps {
		if s := &ps[k].Segment; multi {
			end := len(body)
			if k+1 < len(ps) {
				end = ps[k+1].Segment.Offset
			}
			s.Text = body[s.Offset:end]
			s.Bits = 7 * s.Units
		}
	}
	h := UDH{Concat: multi, Ref16: o.UDH16, Reference: o.Reference, Total: uint8(len(ps)), SingleShift: single, LockingShift: lock}
	hl := h.Len()
	if !o.Unpacked {
		out := base
		fill := FillBits(hl)
		hdrSeptets := (8*hl + fill) / 7
		lo := 0
		for k := range ps {
			b := buf[:out]
			if hl > 0 {
				h.Sequence = uint8(k + 1)
				b = h.AppendTo(b)
			}
			udhEnd := len(b)
			hk := sepEnd(k)
			b = AppendPacked(b, buf[start+lo:start+hk], fill)
			ps[k].UDH = b[out:udhEnd:udhEnd]
			ps[k].UserData = b[udhEnd:len(b):len(b)]
			ps[k].DCS = DCSGSM7
			ps[k].Unpacked = false
			ps[k].UDL = hdrSeptets + hk - lo
			lo = hk
			out = len(b)
		}
		return buf[:out], parts, true, nil
	}
	// Unpacked: the output is longer than the septets, so lay it out from
	// the last segment back, moving each segment's septets right.
	outLen := start + total + hl*len(ps)
	buf = slices.Grow(buf, outLen-len(buf))[:outLen]
	for k := len(ps) - 1; k >= 0; k-- {
		lo, hi := 0, sepEnd(k)
		if k > 0 {
			lo = ps[k-1].UDL
		}
		out := start + lo + hl*k
		copy(buf[out+hl:], buf[start+lo:start+hi])
		h.Sequence = uint8(k + 1)
		h.AppendTo(buf[out:out])
		ps[k].UDH = buf[out : out+hl : out+hl]
		ps[k].UserData = buf[out+hl : out+hl+hi-lo : out+hl+hi-lo]
		ps[k].DCS = DCSGSM7
		ps[k].Unpacked = true
		ps[k].UDL = hl + hi - lo
	}
	return buf, parts, true, nil
}

// appendUCS2 encodes body as UTF-16BE segments, split as Split splits it:
// by grapheme cluster (grapheme.Next, the walk of Split), a cluster larger
// than a segment by code point. It writes each segment's units right away,
// leaving room for its header, which it fills in once the number of
// segments is known; a body that fits one segment drops the room.
//
// The clusters that need no look-up beyond their runes' classes (ASCII,
// runes that join nothing, a rune with combining marks or emoji modifiers,
// emoji joined by ZWJ, flags) are written by ucs2Runs into the room left
// in the segment; grapheme.Next takes the rest, and the cluster that
// starts a new segment.
func (o EncodeOptions) appendUCS2(buf []byte, parts []Part, body string) ([]byte, []Part, error) {
	base, first := len(buf), len(parts)
	hl := udhLen(true, o.UDH16, LanguageNone, LanguageNone)
	capMulti := ucs2Capacity(hl)
	buf = append(buf, make([]byte, hl)...)
	parts = append(parts, Part{Segment: sms.Segment{Capacity: capMulti}})
	data := len(buf) // where the units of the segment being written start
	var scratch [2 * sms.SingleUCS2Units]byte
	full := false
	s := body
	for i := 0; i < len(s); {
		// Into the room of the segment: in place when buf has it, through
		// scratch otherwise, so that buf grows only by what is written.
		room := 2*capMulti - (len(buf) - data)
		if cap(buf)-len(buf) >= room {
			var n int
			i, n, full = ucs2Runs(buf[len(buf):len(buf)+room], s, i)
			buf = buf[:len(buf)+n]
		} else {
			var n int
			i, n, full = ucs2Runs(scratch[:room], s, i)
			buf = append(buf, scratch[:n]...)
		}
		if i == len(s) {
			break
		}
		if full && len(buf) > data {
			// The first code point of the cluster at i does not fit:
			// whole or cut, the cluster starts the next segment.
			buf, parts, data = newUCS2Segment(buf, parts, data, hl, i)
			continue
		}
		c := grapheme.Next(s, i)
		if c.Invalid > 0 {
			clear(parts[first:])
			return buf[:base], parts[:first], invalidUTF8(body)
		}
		if c.Units <= capMulti {
			if (len(buf)-data)/2+c.Units > capMulti {
				buf, parts, data = newUCS2Segment(buf, parts, data, hl, i)
			}
			buf = appendUTF16BE(buf, s[i:c.End])
		} else {
			for k := i; k < c.End; {
				r, n := utf8.DecodeRuneInString(s[k:])
				if (len(buf)-data)/2+grapheme.UTF16Units(r) > capMulti {
					buf, parts, data = newUCS2Segment(buf, parts, data, hl, k)
				}
				buf = appendUTF16BE(buf, s[k:k+n])
				k += n
			}
		}
		i = c.End
	}
	parts[len(parts)-1].Segment.Units = (len(buf) - data) / 2
	parts[len(parts)-1].UDL = len(buf)
	ps := parts[first:]
	total := (len(buf) - base - hl*len(ps)) / 2
	if total <= sms.SingleUCS2Units {
		// One segment: no header, and no room between the pieces that
		// were laid out for concatenated parts.
		w, start := base, base
		for k := range ps {
			end := ps[k].UDL
			w += copy(buf[w:], buf[start+hl:end])
			start = end
		}
		buf = buf[:w]
		clear(ps[1:])
		parts = parts[:first+1]
		ps[0] = Part{UDH: buf[base:base:base], UserData: buf[base:len(buf):len(buf)], DCS: DCSUCS2, UDL: len(buf) - base,
			Segment: sms.Segment{Text: body, Units: total, Capacity: sms.SingleUCS2Units, Bits: 16 * total}}
		return buf, parts, nil
	}
	if len(ps) > 255 {
		clear(ps)
		return buf[:base], parts[:first], &sms.OptionError{Option: "body", Value: strconv.Itoa(len(ps)) + " segments (at most 255)"}
	}
	// The header, written in place: its length, the concatenation
	// element's IEI and length, the reference (one or two octets), total
	// and sequence.
	start := base
	for k := range ps {
		end := ps[k].UDL
		h := buf[start : start+hl]
		h[0], h[1], h[2] = byte(hl-1), IEIConcat8, 3
		if o.UDH16 {
			h[1], h[2], h[3] = IEIConcat16, 4, byte(o.Reference>>8)
		}
		h[hl-3], h[hl-2], h[hl-1] = byte(o.Reference), byte(len(ps)), byte(k+1)
		sg := &ps[k].Segment
		textEnd := len(body)
		if k+1 < len(ps) {
			textEnd = ps[k+1].Segment.Offset
		}
		sg.Text = body[sg.Offset:textEnd]
		sg.Bits = 16 * sg.Units
		ps[k].UDH = buf[start : start+hl : start+hl]
		ps[k].UserData = buf[start+hl : end : end]
		ps[k].DCS = DCSUCS2
		ps[k].UDL = end - start
		ps[k].Unpacked = false
		start = end
	}
	return buf, parts, nil
}

// newUCS2Segment ends the segment whose units start at buf[data] and
// starts the next at body offset at, after hl octets of room for its
// header; it returns where the new segment's units start.
func newUCS2Segment(buf []byte, parts []Part, data, hl, at int) ([]byte, []Part, int) {
	p := &parts[len(parts)-1]
	p.Segment.Units = (len(buf) - data) / 2
	p.UDL = len(buf) // end of its data, for now
	parts = append(parts, Part{Segment: sms.Segment{Index: p.Segment.Index + 1, Offset: at, Capacity: p.Segment.Capacity}})
	buf = append(buf, make([]byte, hl)...)
	return buf, parts, len(buf)
}

// ucs2Runs writes, from s[k], a cluster boundary, the clusters that need no
// look-up beyond the classes of their runes into w as UTF-16 big endian, as
// many as w has room for, and returns where they end in s and in w. The
// cluster it stops at is left to grapheme.Next: one that w has no room for,
// an invalid byte, or a cluster of another kind (Hangul jamo, prepended
// marks, a mark after a control, ZWJ not between emoji). full is true when
// it stopped because the first code point of the next cluster does not
// fit.
//
// ASCII goes a word at a time. A rune that joins nothing is written as a
// cluster of its own; when the rune after it is a combining mark, an emoji
// modifier, VS16 or ZWJ, it is taken back and written again with what
// follows it by ucs2Cluster.
func ucs2Runs(w []byte, s string, k int) (end, o int, full bool) {
	last, lastO := -1, 0 // the last rune written alone, in s and in w; -1 if none
	for k < len(s) {
		b := s[k]
		if b < 0x80 {
			k0 := k
			if len(s) >= 8 {
				// Eight bytes spread into sixteen octets; of them, the
				// ASCII bytes count. The last bytes of s are read from
				// its end.
				for o+16 <= len(w) {
					var x uint64
					if k+8 <= len(s) {
						x = swar.Load64(s, k)
					} else {
						x = swar.Load64(s, len(s)-8) >> (8 * (k + 8 - len(s)))
					}
					n := 8
					if m := x & swar.Hi; m != 0 {
						n = bits.TrailingZeros64(m) >> 3
					}
					n = min(n, len(s)-k)
					binary.LittleEndian.PutUint64(w[o:o+8], spread16(x&0xFFFFFFFF))
					binary.LittleEndian.PutUint64(w[o+8:o+16], spread16(x>>32))
					k += n
					o += 2 * n
					if n < 8 {
						break
					}
				}
			}
			for k < len(s) && s[k] < 0x80 && o+2 <= len(w) {
				w[o], w[o+1] = 0, s[k]
				o += 2
				k++
			}
			if k == k0 {
				return k, o, true // no room
			}
			last, lastO = k-1, o-2
			continue
		}
		if b >= 0xE0 && b < 0xF0 {
			// A run of three-byte runes that join nothing: CJK, Indic
			// letters, punctuation.
			if k1, o1 := threeByteRuns(w, s, k, o); k1 > k {
				k, o = k1, o1
				last, lastO = k-3, o-2
				continue
			}
		} else if b >= 0xC2 && b < 0xE0 {
			// Two-byte runes that join nothing: Cyrillic, Greek,
			// accented letters.
			if k1, o1 := twoByteRuns(w, s, k, o); k1 > k {
				k, o = k1, o1
				last, lastO = k-2, o-2
				continue
			}
		}
		var r rune
		var n int
		joiner := false
		switch {
		case b < 0xE0:
			if b < 0xC2 || k+1 >= len(s) || s[k+1]&0xC0 != 0x80 {
				return k, o, false
			}
			r, n = rune(b&0x1F)<<6|rune(s[k+1]&0x3F), 2
			joiner = grapheme.Joiners.Bits[r>>6]&(1<<(r&63)) != 0
		case b < 0xF0:
			if k+2 >= len(s) || s[k+1]&0xC0 != 0x80 || s[k+2]&0xC0 != 0x80 || b == 0xE0 && s[k+1] < 0xA0 || b == 0xED && s[k+1] >= 0xA0 {
				return k, o, false
			}
			r, n = rune(b&0x0F)<<12|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), 3
			joiner = grapheme.Joiners.Bits[r>>6]&(1<<(r&63)) != 0
		default:
			if b >= 0xF5 || k+3 >= len(s) || s[k+1]&0xC0 != 0x80 || s[k+2]&0xC0 != 0x80 || s[k+3]&0xC0 != 0x80 ||
				b == 0xF0 && s[k+1] < 0x90 || b == 0xF4 && s[k+1] >= 0x90 {
				return k, o, false
			}
			r, n = rune(b&0x07)<<18|rune(s[k+1]&0x3F)<<12|rune(s[k+2]&0x3F)<<6|rune(s[k+3]&0x3F), 4
			joiner = grapheme.Joiners.Has(r)
		}
		if !joiner {
			// A cluster of its own, unless what follows joins it.
			if r < 0x10000 {
				if o+2 > len(w) {
					return k, o, true
				}
				w[o], w[o+1] = byte(r>>8), byte(r)
				last, lastO = k, o
				o += 2
			} else {
				if o+4 > len(w) {
					return k, o, true
				}
				putSurrogates(w[o:o+4], r)
				last, lastO = k, o
				o += 4
			}
			k += n
			continue
		}
		switch {
		case grapheme.IsRI(r):
			// A flag, or a regional indicator alone: a cluster of its own.
		case last >= 0 && (r == 0x200D || grapheme.Absorbers.Has(r)):
			// It extends the rune before it, unless that is a control.
			k, o = last, lastO
			if r, n = grapheme.DecodeAt(s, k); grapheme.Controls.Has(r) {
				return k, o, false
			}
		default:
			// Hangul jamo, a prepended mark, a mark at the start: the
			// rune before (a syllable before a vowel or final jamo) is
			// given back with it.
			if last >= 0 && (r >= 0x1160 && r <= 0x11FF || r >= 0xD7B0 && r <= 0xD7FF) {
				return last, lastO, false
			}
			return k, o, false
		}
		e, eo, ok := ucs2Cluster(w, s, k, o, r, n)
		if !ok {
			return k, o, false
		}
		k, o, last = e, eo, -1
	}
	return k, o, false
}

// threeByteRuns writes the three-byte runes from s[k] on that join nothing
// into w from w[o], as many as it has room for, and returns where they end
// in s and in w. Two runes go a step while there is a word to read.
func threeByteRuns(w []byte, s string, k, o int) (int, int) {
	for k+8 <= len(s) && o+4 <= len(w) {
		x := swar.Load64(s, k)
		if x&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
			break
		}
		r1 := uint32(x&0x0F)<<12 | uint32(x>>8&0x3F)<<6 | uint32(x>>16&0x3F)
		r2 := uint32(x>>24&0x0F)<<12 | uint32(x>>32&0x3F)<<6 | uint32(x>>40&0x3F)
		// Overlong forms and surrogates are not runes; joiners stop it.
		if r1 < 0x800 || r2 < 0x800 || r1-0xD800 < 0x800 || r2-0xD800 < 0x800 ||
			grapheme.Joiners.Bits[r1>>6]&(1<<(r1&63)) != 0 || grapheme.Joiners.Bits[r2>>6]&(1<<(r2&63)) != 0 {
			break
		}
		binary.BigEndian.PutUint32(w[o:o+4], r1<<16|r2)
		k += 6
		o += 4
	}
	for k+2 < len(s) && o+2 <= len(w) {
		b, c1, c2 := s[k], s[k+1], s[k+2]
		if b&0xF0 != 0xE0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			break
		}
		r := uint32(b&0x0F)<<12 | uint32(c1&0x3F)<<6 | uint32(c2&0x3F)
		if r < 0x800 || r-0xD800 < 0x800 || grapheme.Joiners.Bits[r>>6]&(1<<(r&63)) != 0 {
			break
		}
		w[o], w[o+1] = byte(r>>8), byte(r)
		o += 2
		k += 3
	}
	return k, o
}

// twoByteRuns is threeByteRuns for two-byte runes, four a step.
func twoByteRuns(w []byte, s string, k, o int) (int, int) {
	for k+8 <= len(s) && o+8 <= len(w) {
		x := swar.Load64(s, k)
		if x&0xC0E0C0E0C0E0C0E0 != 0x80C080C080C080C0 {
			break
		}
		// Each pair of bytes 110aaaaa 10bbbbbb becomes aaaaabbbbbb,
		// big endian; lead bytes C0 and C1 are overlong.
		var u [4]uint32
		stop := false
		for j := range 4 {
			b0, b1 := uint32(x>>(16*j))&0x1F, uint32(x>>(16*j+8))&0x3F
			r := b0<<6 | b1
			u[j] = r
			stop = stop || r < 0x80 || grapheme.Joiners.Bits[r>>6]&(1<<(r&63)) != 0
		}
		if stop {
			break
		}
		binary.BigEndian.PutUint64(w[o:o+8], uint64(u[0])<<48|uint64(u[1])<<32|uint64(u[2])<<16|uint64(u[3]))
		k += 8
		o += 8
	}
	for k+1 < len(s) && o+2 <= len(w) {
		b, c1 := s[k], s[k+1]
		if b < 0xC2 || b >= 0xE0 || c1&0xC0 != 0x80 {
			break
		}
		r := uint32(b&0x1F)<<6 | uint32(c1&0x3F)
		if grapheme.Joiners.Bits[r>>6]&(1<<(r&63)) != 0 {
			break
		}
		w[o], w[o+1] = byte(r>>8), byte(r)
		o += 2
		k += 2
	}
	return k, o
}

// ucs2Cluster writes the cluster that starts at s[k] with r, n bytes long,
// into w from w[o]: r is a regional indicator or a rune that is neither a
// joiner nor a control. Such a cluster is r (with a second regional
// indicator after one), then combining marks and, after an emoji, ZWJ and
// emoji, exactly as grapheme.Next finds them directly. ok is false when
// grapheme.Next would ask the grapheme engine, or when w has no room for
// the cluster.
func ucs2Cluster(w []byte, s string, k, o int, r rune, n int) (end, wEnd int, ok bool) {
	e := k + n
	emoji := false
	if grapheme.IsRI(r) {
		if o+4 > len(w) {
			return k, o, false
		}
		putSurrogates(w[o:o+4], r)
		o += 4
		if e+4 <= len(s) {
			if r2, n2 := grapheme.DecodeAt(s, e); grapheme.IsRI(r2) {
				if o+4 > len(w) {
					return k, o, false
				}
				putSurrogates(w[o:o+4], r2)
				o += 4
				e += n2
			}
		}
	} else {
		emoji = grapheme.ExtPicts.Has(r)
		if o, ok = putRune(w, o, r); !ok {
			return k, o, false
		}
	}
	for e < len(s) {
		r2, n2 := grapheme.DecodeAt(s, e)
		switch {
		case grapheme.Absorbers.Has(r2):
			emoji = emoji && grapheme.Extends.Has(r2)
		case r2 == 0x200D && emoji && e+n2 < len(s):
			r3, n3 := grapheme.DecodeAt(s, e+n2)
			if !grapheme.ExtPicts.Has(r3) {
				return k, o, false
			}
			if o, ok = putRune(w, o, r2); !ok {
				return k, o, false
			}
			if o, ok = putRune(w, o, r3); !ok {
				return k, o, false
			}
			e += n2 + n3
			continue
		case r2 == 0x200D || grapheme.Joiners.Has(r2) && !grapheme.IsRI(r2):
			return k, o, false
		default:
			return e, o, true
		}
		if o, ok = putRune(w, o, r2); !ok {
			return k, o, false
		}
		e += n2
	}
	return e, o, true
}

// putRune writes r, a valid rune, to w[o:] as UTF-16 big endian; ok is
// false, with nothing written, when w has no room for it.
func putRune(w []byte, o int, r rune) (int, bool) {
	if r < 0x10000 {
		if o+2 > len(w) {
			return o, false
		}
		w[o], w[o+1] = byte(r>>8), byte(r)
		return o + 2, true
	}
	if o+4 > len(w) {
		return o, false
	}
	putSurrogates(w[o:o+4], r)
	return o + 4, true
}

// putSurrogates writes r, above U+FFFF, to w as a UTF-16 surrogate pair,
// big endian.
func putSurrogates(w []byte, r rune) {
	r -= 0x10000
	hi, lo := 0xD800+r>>10, 0xDC00+r&0x3FF
	_ = w[3]
	w[0], w[1], w[2], w[3] = byte(hi>>8), byte(hi), byte(lo>>8), byte(lo)
}

// spread16 puts the four bytes of x (below 2^32) into the odd octets of
// a little-endian word, zeros in the even ones: b0 b1 b2 b3 becomes
// 0 b0 0 b1 0 b2 0 b3 in memory order.
func spread16(x uint64) uint64 {
	x = (x | x<<16) & 0x0000FFFF0000FFFF
	x = (x | x<<8) & 0x00FF00FF00FF00FF
	return x << 8
}

// appendUTF16BE appends s as UTF-16 big endian.
func appendUTF16BE(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if b := s[i]; b < 0x80 {
			dst = append(dst, 0, b)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < 0x10000 {
			dst = append(dst, byte(r>>8), byte(r))
			continue
		}
		r1, r2 := utf16.EncodeRune(r)
		dst = append(dst, byte(r1>>8), byte(r1), byte(r2>>8), byte(r2))
	}
	return dst
}

// Reassemble decodes the parts of one message, in any order, and returns
// its text. Each part's header is parsed (other information elements may be
// present, in any order); every part must carry the same concatenation
// reference and total, each sequence number from 1 to the total exactly
// once. A single part needs no header. The user data is decoded by the DCS
// (GSM 7-bit, packed or Unpacked, with the national language tables its
// shift elements name; or UCS-2 as UTF-16BE). For packed GSM-7, UDL gives
// the number of septets; 0 takes every whole septet of UserData.
//
// Errors are *PartError values wrapping ErrNoParts, ErrTruncatedUDH,
// ErrMalformedUDH, ErrBadSequence, ErrReferenceMismatch, ErrDuplicatePart,
// ErrMissingPart, ErrLengthOverrun or ErrBadUserData. Reassemble never
// panics.
func Reassemble(parts []Part) (string, error) {
	if len(parts) == 0 {
		return "", &PartError{Err: ErrNoParts, Part: -1}
	}
	var hs [256]UDH
	if len(parts) > 255 {
		return "", &PartError{Err: ErrTooManyParts, Part: 255, Detail: strconv.Itoa(len(parts)) + " parts, at most 255 can be concatenated"}
	}
	for i, p := range parts {
		if len(p.UDH) == 0 {
			continue
		}
		h, n, err := ParseUDH(p.UDH)
		if err != nil {
			pe := err.(*PartError)
			pe.Part = i
			return "", pe
		}
		if n != len(p.UDH) {
			return "", &PartError{Err: ErrMalformedUDH, Part: i,
				Detail: strconv.Itoa(len(p.UDH)-n) + " octets after the header it announces"}
		}
		hs[i] = h
	}
	var b strings.Builder
	var scratch []byte
	if len(parts) == 1 && (!hs[0].Concat || hs[0].Total == 1) {
		return decodePart(&b, scratch, parts[0], hs[0], 0)
	}
	var at [256]int // sequence -> index+1
	h0 := hs[0]
	for i := range parts {
		h := hs[i]
		switch {
		case !h.Concat:
			return "", &PartError{Err: ErrReferenceMismatch, Part: i, Detail: "part without a concatenation element"}
		case h.Ref16 != h0.Ref16:
			return "", &PartError{Err: ErrReferenceMismatch, Part: i,
				Detail: refSize(h) + " reference, part index 0 has " + refSize(h0) + " one"}
		case h.Reference != h0.Reference:
			return "", &PartError{Err: ErrReferenceMismatch, Part: i,
				Detail: "reference " + strconv.Itoa(int(h.Reference)) + ", part index 0 has " + strconv.Itoa(int(h0.Reference))}
		case h.Total != h0.Total:
			return "", &PartError{Err: ErrReferenceMismatch, Part: i,
				Detail: "total " + strconv.Itoa(int(h.Total)) + ", part index 0 has " + strconv.Itoa(int(h0.Total))}
		case at[h.Sequence] != 0:
			return "", &PartError{Err: ErrDuplicatePart, Part: i,
				Detail: "sequence " + strconv.Itoa(int(h.Sequence)) + " also at part index " + strconv.Itoa(at[h.Sequence]-1)}
		}
		at[h.Sequence] = i + 1
	}
	for s := 1; s <= int(h0.Total); s++ {
		if at[s] == 0 {
			return "", &PartError{Err: ErrMissingPart, Part: -1,
				Detail: "part " + strconv.Itoa(s) + " of " + strconv.Itoa(int(h0.Total))}
		}
	}
	for s := 1; s <= int(h0.Total); s++ {
		i := at[s] - 1
		var err error
		if scratch, err = decodeInto(&b, scratch, parts[i], hs[i], i); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// refSize names the size of a header's concatenation reference.
func refSize(h UDH) string {
	if h.Ref16 {
		return "a 16-bit"
	}
	return "an 8-bit"
}

func decodePart(b *strings.Builder, scratch []byte, p Part, h UDH, i int) (string, error) {
	if _, err := decodeInto(b, scratch, p, h, i); err != nil {
		return "", err
	}
	return b.String(), nil
}

// dcsAlphabet returns the alphabet of a data coding scheme: 0 GSM 7-bit, 2
// UCS-2, -1 anything else (8-bit data, compression, reserved groups).
func dcsAlphabet(dcs byte) int {
	switch {
	case dcs < 0x80: // general data coding (00xx) or automatic deletion (01xx)
		if dcs&0x20 != 0 {
			return -1 // compressed
		}
		switch (dcs >> 2) & 3 {
		case 0:
			return 0
		case 2:
			return 2
		}
		return -1
	case dcs >= 0xC0 && dcs < 0xE0: // message waiting, GSM 7-bit
		return 0
	case dcs >= 0xE0 && dcs < 0xF0: // message waiting, UCS-2
		return 2
	case dcs >= 0xF0:
		if dcs&0x04 == 0 {
			return 0
		}
	}
	return -1
}

func decodeInto(b *strings.Builder, scratch []byte, p Part, h UDH, i int) ([]byte, error) {
	data := p.UserData
	hl := len(p.UDH)
	bad := func(err error, detail string) ([]byte, error) {
		return scratch, &PartError{Err: err, Part: i, Detail: detail}
	}
	if p.UDL < 0 {
		return bad(ErrLengthOverrun, "negative UDL")
	}
	switch dcsAlphabet(p.DCS) {
	case 0:
		var septets []byte
		if p.Unpacked {
			septets = data
			if p.UDL > 0 {
				n := p.UDL - hl
				if n < 0 || n > len(data) {
					return bad(ErrLengthOverrun, "UDL "+strconv.Itoa(p.UDL)+" with a "+strconv.Itoa(hl)+"-octet header and "+strconv.Itoa(len(data))+" octets")
				}
				septets = data[:n]
			}
		} else {
			fill := FillBits(hl)
			n := (8*len(data) - fill) / 7
			if len(data) == 0 {
				n = 0
			}
			if p.UDL > 0 {
				n = p.UDL - (8*hl+fill)/7
				if n < 0 {
					return bad(ErrLengthOverrun, "UDL "+strconv.Itoa(p.UDL)+" shorter than the header")
				}
			}
			var err error
			scratch, err = AppendUnpacked(scratch[:0], data, fill, n)
			if err != nil {
				pe := err.(*PartError)
				pe.Part = i
				return scratch, pe
			}
			septets = scratch
		}
		lock, single := LanguageNone, LanguageNone
		if h.LockingShift.valid() && nlHasLocking[h.LockingShift] {
			lock = h.LockingShift
		}
		if h.SingleShift.valid() {
			single = h.SingleShift
		}
		for k := 0; k < len(septets); k++ {
			c := septets[k]
			if c >= 0x80 {
				return bad(ErrBadUserData, "octet 0x"+hex2(c)+" is not a septet")
			}
			var r rune
			ok := true
			if c == 0x1B {
				if k+1 == len(septets) {
					return bad(ErrBadUserData, "escape (0x1B) at the end of the text")
				}
				k++
				if c2 := septets[k]; c2 == 0x1B {
					r = ' ' // reserved second escape: shown as a space
				} else if c2 >= 0x80 {
					return bad(ErrBadUserData, "octet 0x"+hex2(c2)+" is not a septet")
				} else {
					r, ok = nlDecode(lock, single, true, c2)
				}
			} else {
				r, ok = nlDecode(lock, single, false, c)
			}
			if !ok {
				return bad(ErrBadUserData, "septet 0x"+hex2(septets[k])+" is undefined in the "+lock.String()+" table")
			}
			b.WriteRune(r)
		}
	case 2:
		if p.UDL > 0 {
			n := p.UDL - hl
			if n < 0 || n > len(data) {
				return bad(ErrLengthOverrun, "UDL "+strconv.Itoa(p.UDL)+" with a "+strconv.Itoa(hl)+"-octet header and "+strconv.Itoa(len(data))+" octets")
			}
			data = data[:n]
		}
		if len(data)%2 != 0 {
			return bad(ErrBadUserData, "odd number of UCS-2 octets")
		}
		for k := 0; k < len(data); k += 2 {
			u := rune(data[k])<<8 | rune(data[k+1])
			if utf16.IsSurrogate(u) {
				if u >= 0xDC00 || k+3 >= len(data) {
					return bad(ErrBadUserData, "lone UTF-16 surrogate")
				}
				u2 := rune(data[k+2])<<8 | rune(data[k+3])
				r := utf16.DecodeRune(u, u2)
				if r == utf8.RuneError {
					return bad(ErrBadUserData, "lone UTF-16 surrogate")
				}
				b.WriteRune(r)
				k += 2
				continue
			}
			b.WriteRune(u)
		}
	default:
		return bad(ErrBadUserData, "data coding scheme 0x"+hex2(p.DCS)+" is neither GSM 7-bit nor UCS-2")
	}
	return scratch, nil
}
