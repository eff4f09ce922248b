package pdu

import (
	"errors"
	"testing"
)

// FuzzParseUDH feeds arbitrary user data to ParseUDH. A header it accepts
// fits in the data, numbers its part within the total, and survives
// AppendTo and a second parse unchanged; anything else is a *PartError
// wrapping one of the header errors.
func FuzzParseUDH(f *testing.F) {
	for _, h := range []UDH{
		{Concat: true, Reference: 7, Total: 3, Sequence: 1},
		{Concat: true, Ref16: true, Reference: 0xBEEF, Total: 255, Sequence: 255},
		{SingleShift: LanguageTurkish},
		{Concat: true, Total: 2, Sequence: 2, SingleShift: LanguageSpanish, LockingShift: LanguagePortuguese},
	} {
		f.Add(append(h.AppendTo(nil), 0x41, 0x42))
	}
	f.Add([]byte{})
	f.Add([]byte{0xFF})                                     // claims 255 octets
	f.Add([]byte{0x03, 0x70, 0x05, 0x00})                   // element past the header
	f.Add([]byte{0x05, 0x00, 0x03, 0x01, 0x00, 0x01})       // total 0
	f.Add([]byte{0x04, 0x00, 0x02, 0x01, 0x02})             // concat element of length 2
	f.Add([]byte{0x06, 0x24, 0x01, 0x01, 0x7F, 0x01, 0x09}) // unknown element kept out
	f.Fuzz(func(t *testing.T, ud []byte) {
		h, n, err := ParseUDH(ud)
		if err != nil {
			var pe *PartError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseUDH(% x) error %v (%T) is not a *PartError", ud, err, err)
			}
			if !errors.Is(err, ErrTruncatedUDH) && !errors.Is(err, ErrMalformedUDH) && !errors.Is(err, ErrBadSequence) {
				t.Fatalf("ParseUDH(% x) error %v wraps no header error", ud, err)
			}
			if n != 0 {
				t.Fatalf("ParseUDH(% x) = n %d with error %v, want 0", ud, n, err)
			}
			return
		}
		if n < 1 || n > len(ud) || n != int(ud[0])+1 {
			t.Fatalf("ParseUDH(% x) length %d, want %d within %d octets", ud, n, int(ud[0])+1, len(ud))
		}
		if h.Concat && (h.Sequence == 0 || h.Sequence > h.Total) {
			t.Fatalf("ParseUDH(% x) accepted sequence %d of %d", ud, h.Sequence, h.Total)
		}
		if h.Concat && !h.Ref16 && h.Reference > 255 {
			t.Fatalf("ParseUDH(% x) 8-bit reference %d", ud, h.Reference)
		}
		// What AppendTo writes parses back to the same header, in exactly
		// its own length.
		b := h.AppendTo(nil)
		if h.Len() != len(b) {
			t.Fatalf("UDH %+v: Len %d, AppendTo wrote %d octets", h, h.Len(), len(b))
		}
		if len(b) == 0 {
			return
		}
		back, m, err := ParseUDH(b)
		if err != nil || m != len(b) || back != h {
			t.Fatalf("ParseUDH(AppendTo(%+v)) = %+v, %d, %v; want the header back in %d octets", h, back, m, err, len(b))
		}
	})
}
