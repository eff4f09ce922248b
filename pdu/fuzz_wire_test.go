package pdu

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/gsm7"
)

var wireSentinels = []error{ErrNoParts, ErrTruncatedUDH, ErrMalformedUDH, ErrBadSequence, ErrReferenceMismatch,
	ErrDuplicatePart, ErrMissingPart, ErrLengthOverrun, ErrBadUserData, ErrTooManyParts}

// fuzzParts turns fuzz bytes into parts: for each part a flags byte (bit 0
// unpacked, bits 1-2 the DCS: GSM-7, UCS-2, 8-bit, class 1), a UDL of 8
// bytes (little endian, the whole int range), a UDH length byte and a data
// length byte, then the UDH and data octets.
func fuzzParts(data []byte) []Part {
	var parts []Part
	take := func(n int) []byte {
		if n > len(data) {
			n = len(data)
		}
		b := data[:n]
		data = data[n:]
		return b
	}
	for len(data) >= 11 && len(parts) < 8 {
		h := take(11)
		udl := int(int64(binary.LittleEndian.Uint64(h[1:9])))
		p := Part{Unpacked: h[0]&1 != 0, DCS: [4]byte{0x00, 0x08, 0x04, 0xF1}[h[0]>>1&3], UDL: udl}
		p.UDH = take(int(h[9]) % 24)
		p.UserData = take(int(h[10]))
		parts = append(parts, p)
	}
	return parts
}

func serializeParts(parts []Part) []byte {
	var b []byte
	for _, p := range parts {
		flags := byte(0)
		if p.Unpacked {
			flags = 1
		}
		if p.DCS == DCSUCS2 {
			flags |= 2
		}
		b = append(b, flags)
		b = binary.LittleEndian.AppendUint64(b, uint64(int64(p.UDL)))
		b = append(b, byte(len(p.UDH)), byte(len(p.UserData)))
		b = append(b, p.UDH...)
		b = append(b, p.UserData...)
	}
	return b
}

func FuzzReassemble(f *testing.F) {
	for _, body := range []string{"hellohello", strings.Repeat("abc€", 60), "ş😀", strings.Repeat("ş", 150)} {
		for _, o := range []EncodeOptions{{}, {Unpacked: true, Reference: 3}, {UDH16: true}, {Languages: []Language{LanguageTurkish}}} {
			parts, err := EncodeSegments(body, o)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(serializeParts(parts))
		}
	}
	f.Add([]byte{})
	f.Add(serializeParts([]Part{{UDL: 0, UDH: []byte{0x05, 0x00, 0x03, 0x01, 0x02}, UserData: []byte{0x41}}}))
	// The lengths that overflowed a septet count: MaxInt, MaxInt/7, MinInt.
	for _, udl := range []int{math.MaxInt, math.MaxInt / 7, math.MinInt, -1} {
		f.Add(serializeParts([]Part{{UDL: udl, UserData: []byte{0x41}}}))
		f.Add(serializeParts([]Part{{UDL: udl, DCS: DCSUCS2, UserData: []byte{0, 0x41}}}))
		f.Add(serializeParts([]Part{{UDL: udl, Unpacked: true, UserData: []byte{0x41}}}))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		parts := fuzzParts(data)
		got, err := Reassemble(parts)
		if err == nil {
			if !utf8.ValidString(got) {
				t.Fatalf("Reassemble returned invalid UTF-8 %q", got)
			}
			return
		}
		var pe *PartError
		if !errors.As(err, &pe) {
			t.Fatalf("Reassemble error %v (%T) is not a *PartError", err, err)
		}
		for _, s := range wireSentinels {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("Reassemble error %v wraps none of the wire errors", err)
	})
}

func FuzzEncodeRoundTrip(f *testing.F) {
	for _, body := range wireBodies()[:25] {
		f.Add(body, byte(0), uint16(0))
		f.Add(body, byte(0x1F), uint16(300))
	}
	f.Fuzz(func(t *testing.T, body string, flags byte, ref uint16) {
		o := EncodeOptions{UDH16: flags&1 != 0, Unpacked: flags&2 != 0, Encoding: sms.Encoding((flags >> 2 & 3) % 3)}
		if flags&16 != 0 {
			o.Languages = []Language{LanguageTurkish, LanguageSpanish, LanguagePortuguese}
		}
		if flags&32 != 0 {
			o.Languages = append(o.Languages, LanguageHindi, LanguageUrdu)
		}
		if o.UDH16 {
			o.Reference = ref
		} else {
			o.Reference = ref & 0xFF
		}
		parts, err := EncodeSegments(body, o)
		if err != nil {
			switch {
			case !utf8.ValidString(body) && errors.Is(err, ErrInvalidUTF8):
			case o.Encoding == sms.EncodingGSM7 && errors.Is(err, sms.ErrNotGSM7):
			case errors.Is(err, sms.ErrInvalidOption) && len(body) > 255*60:
			default:
				t.Fatalf("EncodeSegments(%q, %+v): %v", body, o, err)
			}
			return
		}
		got, err := Reassemble(parts)
		if err != nil || got != body {
			t.Fatalf("Reassemble(EncodeSegments(%q, %+v)) = %q, %v", body, o, got, err)
		}
		if len(o.Languages) == 0 {
			segs, err := o.core().Split(body)
			if err != nil || len(segs) != len(parts) {
				t.Fatalf("sms.Split(%q) = %d segments, %v; EncodeSegments %d", body, len(segs), err, len(parts))
			}
			for i := range segs {
				if segs[i] != parts[i].Segment {
					t.Fatalf("segment %d: Split %+v, EncodeSegments %+v", i, segs[i], parts[i].Segment)
				}
			}
		}
	})
}

// canonicalGSM7 reports whether septets are what the encoder writes: no
// byte above 0x7F, and every escape followed by a defined extension code.
func canonicalGSM7(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			return false
		}
		if b[i] == 0x1B {
			if i+1 >= len(b) || b[i+1] >= 0x80 || gsm7.Ext[b[i+1]] < 0 {
				return false
			}
			i++
		}
	}
	return true
}

func FuzzGSM7Decoder(f *testing.F) {
	f.Add([]byte("hello"))
	f.Add([]byte{0x1B, 0x65, 0x00, 0x1B, 0x1B, 0x1B})
	f.Add([]byte{0x1B, 0x41, 0x80, 0xFF})
	enc, _ := GSM7.NewEncoder().Bytes([]byte(allGSM7()))
	f.Add(enc)
	f.Fuzz(func(t *testing.T, data []byte) {
		dec, err := GSM7.NewDecoder().Bytes(data)
		if err != nil {
			if !errors.Is(err, ErrBadUserData) || len(data) == 0 || data[len(data)-1] != 0x1B {
				t.Fatalf("decode(% X) error %v", data, err)
			}
			return
		}
		if !utf8.Valid(dec) {
			t.Fatalf("decode(% X) = invalid UTF-8", data)
		}
		re, err := GSM7.NewEncoder().Bytes(dec)
		if err != nil {
			// Only U+FFFD from bytes above 0x7F cannot be encoded.
			if !strings.ContainsRune(string(dec), utf8.RuneError) {
				t.Fatalf("encode(decode(% X)) error %v", data, err)
			}
			return
		}
		if canonicalGSM7(data) && string(re) != string(data) {
			t.Fatalf("encode(decode(% X)) = % X", data, re)
		}
		again, err := GSM7.NewDecoder().Bytes(re)
		if err != nil || string(again) != string(dec) {
			t.Fatalf("decode is not stable: %q then %q, %v", dec, again, err)
		}
	})
}

// FuzzUnpack lets the fill and the septet count take the whole int range:
// AppendUnpacked either unpacks exactly count septets, each below 0x80, or
// fails with ErrLengthOverrun, and PackedLen never goes negative.
func FuzzUnpack(f *testing.F) {
	f.Add([]byte{0xE8, 0x32, 0x9B, 0xFD, 0x06}, 0, 5)
	f.Add([]byte{1}, 0, math.MaxInt)
	f.Add([]byte{1}, 0, math.MaxInt/7)
	f.Add([]byte{1, 2, 3}, math.MinInt, 3)
	f.Add([]byte{}, 6, -1)
	f.Fuzz(func(t *testing.T, packed []byte, fill, count int) {
		if n := PackedLen(count, fill); n < 0 || count > 0 && n < count-count/8-1 {
			t.Fatalf("PackedLen(%d, %d) = %d", count, fill, n)
		}
		out, err := AppendUnpacked(nil, packed, fill, count)
		if err != nil {
			if !errors.Is(err, ErrLengthOverrun) || out != nil {
				t.Fatalf("AppendUnpacked(% X, %d, %d) = %v, %v", packed, fill, count, out, err)
			}
			return
		}
		if len(out) != count {
			t.Fatalf("AppendUnpacked(% X, %d, %d) gave %d septets", packed, fill, count, len(out))
		}
		for _, c := range out {
			if c >= 0x80 {
				t.Fatalf("AppendUnpacked(% X, %d, %d) gave octet %02X", packed, fill, count, c)
			}
		}
	})
}
