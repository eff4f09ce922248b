package pdu

import (
	"errors"
	"strings"
	"testing"
)

func TestReassembleErrors(t *testing.T) {
	body := strings.Repeat("abc", 120) // 3 parts
	good, err := EncodeSegments(body, EncodeOptions{Reference: 5})
	if err != nil || len(good) != 3 {
		t.Fatalf("EncodeSegments: %d parts, %v", len(good), err)
	}
	other, _ := EncodeSegments(body, EncodeOptions{Reference: 6})
	ucs2, _ := EncodeSegments("ş", EncodeOptions{})
	clone := func(ps ...Part) []Part { return append([]Part(nil), ps...) }
	withUDH := func(p Part, udh string) Part { p.UDH = mustHex(udh); return p }
	withUDL := func(p Part, n int) Part { p.UDL = n; return p }
	withDCS := func(p Part, d byte) Part { p.DCS = d; return p }
	withData := func(p Part, ud string) Part { p.UserData = mustHex(ud); p.UDL = 0; return p }
	tests := []struct {
		name  string
		parts []Part
		want  error
	}{
		{name: "no parts", parts: nil, want: ErrNoParts},
		{name: "missing part", parts: clone(good[0], good[2]), want: ErrMissingPart},
		{name: "only one of three", parts: clone(good[1]), want: ErrMissingPart},
		{name: "duplicate", parts: clone(good[0], good[1], good[1], good[2]), want: ErrDuplicatePart},
		{name: "mismatched reference", parts: clone(good[0], other[1], good[2]), want: ErrReferenceMismatch},
		{name: "mismatched total", parts: clone(good[0], withUDH(good[1], "050003050402"), good[2]), want: ErrReferenceMismatch},
		{name: "8 and 16-bit references", parts: clone(good[0], withUDH(good[1], "06080400050302"), good[2]), want: ErrReferenceMismatch},
		{name: "part without header", parts: clone(good[0], withUDH(good[1], ""), good[2]), want: ErrReferenceMismatch},
		{name: "sequence zero", parts: clone(good[0], withUDH(good[1], "050003050300"), good[2]), want: ErrBadSequence},
		{name: "sequence above total", parts: clone(good[0], withUDH(good[1], "050003050304"), good[2]), want: ErrBadSequence},
		{name: "truncated UDH", parts: clone(good[0], withUDH(good[1], "0500030503"), good[2]), want: ErrTruncatedUDH},
		{name: "header longer than announced", parts: clone(withUDH(good[0], "05000305030100")), want: ErrMalformedUDH},
		{name: "UDL overruns packed data", parts: clone(good[0], good[1], withUDL(good[2], good[2].UDL+9)), want: ErrLengthOverrun},
		{name: "UDL shorter than header", parts: clone(withUDL(good[0], 3), good[1], good[2]), want: ErrLengthOverrun},
		{name: "UDL overruns UCS-2", parts: clone(withUDL(ucs2[0], 4)), want: ErrLengthOverrun},
		{name: "odd UCS-2", parts: clone(withData(ucs2[0], "015F00")), want: ErrBadUserData},
		{name: "lone surrogate", parts: clone(withData(ucs2[0], "D83D0041")), want: ErrBadUserData},
		{name: "low surrogate first", parts: clone(withData(ucs2[0], "DE00D83D")), want: ErrBadUserData},
		{name: "8-bit data", parts: clone(withDCS(good[0], 0x04), good[1], good[2]), want: ErrBadUserData},
		{name: "compressed", parts: clone(withDCS(good[0], 0x20), good[1], good[2]), want: ErrBadUserData},
		{name: "trailing escape", parts: []Part{{UserData: []byte{'a', 0x1B}, Unpacked: true}}, want: ErrBadUserData},
		{name: "unpacked high octet", parts: []Part{{UserData: []byte{'a', 0x80}, Unpacked: true}}, want: ErrBadUserData},
		{name: "unpacked UDL overrun", parts: []Part{{UserData: []byte{'a'}, Unpacked: true, UDL: 5}}, want: ErrLengthOverrun},
		{name: "undefined locking code", parts: []Part{{UDH: mustHex("03250107"), UserData: []byte{0x00}, Unpacked: true}}, want: ErrBadUserData},
		{name: "negative UDL", parts: []Part{{UserData: []byte{'a'}, UDL: -1}}, want: ErrLengthOverrun},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Reassemble(tc.parts)
			var pe *PartError
			if !errors.Is(err, tc.want) || !errors.As(err, &pe) {
				t.Fatalf("Reassemble = %q, %v, want %v", got, err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "pdu: ") && !strings.HasPrefix(err.Error(), "sms: ") {
				t.Fatalf("error %q does not start with pdu: or sms: ", err)
			}
		})
	}
	// The good parts, shuffled, still work.
	if got, err := Reassemble(clone(good[2], good[0], good[1])); err != nil || got != body {
		t.Fatalf("Reassemble(shuffled) = %q, %v", got, err)
	}
}

// TestReassembleForeignParts decodes user data built by hand, as another
// sender would, with other elements in the header and message waiting or
// class DCS values.
func TestReassembleForeignParts(t *testing.T) {
	tests := []struct {
		name  string
		parts []Part
		want  string
	}{
		{name: "single packed, no UDL", parts: []Part{{UserData: mustHex("E8329BFD4697D9EC37")}}, want: "hellohello"},
		{name: "class 1 GSM-7", parts: []Part{{DCS: 0xF1, UserData: mustHex("E8329BFD4697D9EC37"), UDL: 10}}, want: "hellohello"},
		{name: "class 0 UCS-2", parts: []Part{{DCS: 0x18, UserData: mustHex("015F")}}, want: "ş"},
		{name: "ports and concat, reversed", parts: []Part{
			{UDH: mustHex("0B 0504 0B84 23F0 0003 0A 02 02"), UserData: []byte("lo"), Unpacked: true},
			{UDH: mustHex("0B 0003 0A 02 01 0504 0B84 23F0"), UserData: []byte("hel"), Unpacked: true},
		}, want: "hello"},
		{name: "turkish locking", parts: []Part{{UDH: mustHex("03250101"), UserData: []byte{0x1C, 0x1D, 0x07}, Unpacked: true}}, want: "Şşı"},
		{name: "spanish locking falls back to default", parts: []Part{{UDH: mustHex("03250102 "), UserData: []byte{0x1C, 0x1B, 0x09}, Unpacked: true}}, want: "ÆÇ"},
		{name: "unknown language falls back", parts: []Part{{UDH: mustHex("032401 7F"), UserData: []byte{0x1B, 0x65}, Unpacked: true}}, want: "€"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Reassemble(tc.parts)
			if err != nil || got != tc.want {
				t.Fatalf("Reassemble = %q, %v, want %q", got, err, tc.want)
			}
		})
	}
}
