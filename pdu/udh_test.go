package pdu

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

func TestUDHAppendTo(t *testing.T) {
	tests := []struct {
		name string
		h    UDH
		want string
	}{
		{name: "empty", h: UDH{}, want: ""},
		// The classic 6-octet header of 3GPP TS 23.040 examples: reference 0x07, part 1 of 2.
		{name: "concat8", h: UDH{Concat: true, Reference: 7, Total: 2, Sequence: 1}, want: "050003070201"},
		{name: "concat16", h: UDH{Concat: true, Ref16: true, Reference: 0x1234, Total: 3, Sequence: 3}, want: "06080412340303"},
		{name: "single shift only", h: UDH{SingleShift: LanguageTurkish}, want: "03240101"},
		{name: "locking shift only", h: UDH{LockingShift: LanguagePortuguese}, want: "03250103"},
		{name: "concat and both shifts", h: UDH{Concat: true, Reference: 0xAB, Total: 2, Sequence: 2,
			SingleShift: LanguageTurkish, LockingShift: LanguageTurkish}, want: "0B0003AB0202240101250101"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.h.AppendTo(nil)
			if g := strings.ToUpper(hex.EncodeToString(got)); g != tc.want {
				t.Fatalf("UDH.AppendTo = %s, want %s", g, tc.want)
			}
			if tc.h.Len() != len(got) {
				t.Fatalf("UDH.Len() = %d, want %d", tc.h.Len(), len(got))
			}
			if len(got) == 0 {
				return
			}
			back, n, err := ParseUDH(append(got, 0xE8, 0x32))
			if err != nil || n != len(got) || back != tc.h {
				t.Fatalf("ParseUDH = %+v, %d, %v, want %+v, %d", back, n, err, tc.h, len(got))
			}
		})
	}
}

func TestParseUDH(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    UDH
		n       int
		wantErr error
	}{
		{name: "other elements first", in: "0B 0A0401020304 00030C0301 4142",
			want: UDH{Concat: true, Reference: 12, Total: 3, Sequence: 1}, n: 12},
		{name: "application port between", in: "12 2401 0D 050400000000 0804BEEF0202 2501 0D",
			want: UDH{Concat: true, Ref16: true, Reference: 0xBEEF, Total: 2, Sequence: 2,
				SingleShift: LanguageUrdu, LockingShift: LanguageUrdu}, n: 19},
		{name: "last concatenation wins", in: "0A 0003010201 0003020202",
			want: UDH{Concat: true, Reference: 2, Total: 2, Sequence: 2}, n: 11},
		{name: "unknown shift language kept", in: "03 2401 20", want: UDH{SingleShift: 0x20}, n: 4},
		{name: "zero length header", in: "00 41", want: UDH{}, n: 1},
		{name: "empty", in: "", wantErr: ErrTruncatedUDH},
		{name: "length past data", in: "05 000307", wantErr: ErrTruncatedUDH},
		{name: "element past header", in: "04 0003 0702 01", wantErr: ErrTruncatedUDH},
		{name: "lone element octet", in: "01 00", wantErr: ErrTruncatedUDH},
		{name: "concat8 wrong length", in: "06 0004 07020100", wantErr: ErrMalformedUDH},
		{name: "concat16 wrong length", in: "05 0803 070201", wantErr: ErrMalformedUDH},
		{name: "shift wrong length", in: "04 2402 0101", wantErr: ErrMalformedUDH},
		{name: "sequence zero", in: "05 0003070200", wantErr: ErrBadSequence},
		{name: "sequence above total", in: "05 0003070203", wantErr: ErrBadSequence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, n, err := ParseUDH(mustHex(tc.in))
			if tc.wantErr != nil {
				var pe *PartError
				if !errors.Is(err, tc.wantErr) || !errors.As(err, &pe) {
					t.Fatalf("ParseUDH(%s) error = %v, want %v", tc.in, err, tc.wantErr)
				}
				if !strings.HasPrefix(err.Error(), "pdu: ") && !strings.HasPrefix(err.Error(), "sms: ") {
					t.Fatalf("error %q does not start with pdu: or sms: ", err)
				}
				return
			}
			if err != nil || got != tc.want || n != tc.n {
				t.Fatalf("ParseUDH(%s) = %+v, %d, %v, want %+v, %d", tc.in, got, n, err, tc.want, tc.n)
			}
		})
	}
}

// TestUDHWithPackedText checks a complete TP-UD of a concatenated GSM-7
// part: header, one fill bit, then the packed text.
func TestUDHWithPackedText(t *testing.T) {
	h := UDH{Concat: true, Reference: 7, Total: 2, Sequence: 1}
	ud := h.AppendTo(nil)
	ud = AppendPacked(ud, asciiSeptets("hellohello"), FillBits(len(ud)))
	want := mustHex("050003070201 D06536FB8D2EB3D96F")
	if !bytes.Equal(ud, want) {
		t.Fatalf("TP-UD = % X, want % X", ud, want)
	}
	// Unpacking the whole TP-UD from bit 0 yields 7 header septets (6
	// octets and a fill bit) followed by the text.
	all, err := AppendUnpacked(nil, ud, 0, 7+10)
	if err != nil || string(all[7:]) != "hellohello" {
		t.Fatalf("unpacked TP-UD = %q, %v", all, err)
	}
}
