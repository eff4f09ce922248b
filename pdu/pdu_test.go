package pdu

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// asciiSeptets maps ASCII letters, digits and space to their GSM 7-bit
// default alphabet codes, which equal their ASCII codes.
func asciiSeptets(s string) []byte {
	b := []byte(s)
	for _, c := range b {
		if !(c == ' ' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			panic("asciiSeptets: " + string(c))
		}
	}
	return b
}

// packBits is a bit-at-a-time reference packer, written straight from the
// description in 3GPP TS 23.038 6.1.2.1.1.
func packBits(septets []byte, fill int) []byte {
	nbits := fill + 7*len(septets)
	out := make([]byte, (nbits+7)/8)
	pos := fill
	for _, s := range septets {
		for k := 0; k < 7; k++ {
			if s>>k&1 == 1 {
				out[pos/8] |= 1 << (pos % 8)
			}
			pos++
		}
	}
	if len(septets) == 0 {
		return nil
	}
	return out
}

func TestPackKnownVectors(t *testing.T) {
	tests := []struct {
		name string
		text string
		fill int
		want string
	}{
		// 3GPP TS 23.038 6.1.2.1.1 and countless PDU tutorials.
		{name: "hellohello", text: "hellohello", want: "E8329BFD4697D9EC37"},
		{name: "hello", text: "hello", want: "E8329BFD06"},
		// "How are you?" is not all letters; this is the classic PDU example.
		{name: "eight septets", text: "abcdefgh", want: "61F1985C369FD1"},
		{name: "seven septets", text: "abcdefg", want: "61F1985C369F01"},
		{name: "one fill bit", text: "hellohello", fill: 1, want: "D06536FB8D2EB3D96F"},
		{name: "empty", text: "", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := AppendPacked(nil, asciiSeptets(tc.text), tc.fill)
			if g := strings.ToUpper(hex.EncodeToString(got)); g != tc.want {
				t.Fatalf("AppendPacked(%q, fill %d) = %s, want %s", tc.text, tc.fill, g, tc.want)
			}
			if ref := packBits(asciiSeptets(tc.text), tc.fill); !bytes.Equal(ref, got) {
				t.Fatalf("reference packer disagrees: % X", ref)
			}
			back, err := AppendUnpacked(nil, got, tc.fill, len(tc.text))
			if err != nil || string(back) != tc.text {
				t.Fatalf("AppendUnpacked = %q, %v, want %q", back, err, tc.text)
			}
		})
	}
}

func TestPackMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 70; n++ {
		for fill := 0; fill < 7; fill++ {
			s := make([]byte, n)
			for i := range s {
				s[i] = byte(r.IntN(128))
			}
			got := AppendPacked([]byte{0xAA}, s, fill)[1:]
			want := packBits(s, fill)
			if !bytes.Equal(got, want) {
				t.Fatalf("AppendPacked(n=%d, fill=%d) = % X, want % X", n, fill, got, want)
			}
			if len(got) != PackedLen(n, fill) {
				t.Fatalf("PackedLen(%d, %d) = %d, want %d", n, fill, PackedLen(n, fill), len(got))
			}
			back, err := AppendUnpacked([]byte{0x55}, got, fill, n)
			if err != nil || !bytes.Equal(back[1:], s) || back[0] != 0x55 {
				t.Fatalf("AppendUnpacked(n=%d, fill=%d) = % X, %v, want % X", n, fill, back, err, s)
			}
		}
	}
}

func TestUnpackOverrun(t *testing.T) {
	packed := AppendPacked(nil, asciiSeptets("hellohello"), 0)
	_, err := AppendUnpacked(nil, packed, 0, 11)
	var pe *PartError
	if !errors.Is(err, ErrLengthOverrun) || !errors.As(err, &pe) {
		t.Fatalf("AppendUnpacked(11 septets of 10) error = %v, want ErrLengthOverrun", err)
	}
	if _, err := AppendUnpacked(nil, packed, 0, -1); !errors.Is(err, ErrLengthOverrun) {
		t.Fatalf("AppendUnpacked(-1) error = %v, want ErrLengthOverrun", err)
	}
	// 8 septets fit in 7 octets exactly; with one fill bit they need 8.
	p7 := AppendPacked(nil, asciiSeptets("abcdefgh"), 0)
	if _, err := AppendUnpacked(nil, p7, 1, 8); !errors.Is(err, ErrLengthOverrun) {
		t.Fatalf("AppendUnpacked(8 septets, fill 1, 7 octets) error = %v, want ErrLengthOverrun", err)
	}
}

func TestFillBits(t *testing.T) {
	tests := []struct{ udh, want int }{
		{0, 0}, {1, 6}, {2, 5}, {3, 4}, {4, 3}, {5, 2}, {6, 1}, {7, 0}, {8, 6}, {9, 5}, {12, 2}, {13, 1},
	}
	for _, tc := range tests {
		if got := FillBits(tc.udh); got != tc.want {
			t.Errorf("FillBits(%d) = %d, want %d", tc.udh, got, tc.want)
		}
		// The text must start on a septet boundary.
		if (tc.udh*8+FillBits(tc.udh))%7 != 0 {
			t.Errorf("FillBits(%d) leaves the text off a septet boundary", tc.udh)
		}
	}
}

func TestPackHighBitsIgnored(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 80; n++ {
		s := make([]byte, n)
		for i := range s {
			s[i] = byte(r.IntN(256))
		}
		masked := make([]byte, n)
		for i, c := range s {
			masked[i] = c & 0x7f
		}
		for fill := 0; fill < 7; fill++ {
			if got, want := AppendPacked(nil, s, fill), packBits(masked, fill); !bytes.Equal(got, want) {
				t.Fatalf("AppendPacked(% X, %d) = % X, want % X", s, fill, got, want)
			}
		}
	}
	// pack8Clean agrees with pack8 on clean words.
	for k := 0; k < 10000; k++ {
		w := r.Uint64() & 0x7f7f7f7f7f7f7f7f
		if pack8Clean(w) != pack8(w) {
			t.Fatalf("pack8Clean(%#x) = %#x, pack8 = %#x", w, pack8Clean(w), pack8(w))
		}
	}
}

func TestPackInPlace(t *testing.T) {
	// AppendPacked may read septets from the memory it appends to.
	for n := 0; n < 70; n++ {
		for fill := 0; fill < 7; fill++ {
			buf := make([]byte, 3, 3+n+8)
			copy(buf, "hdr")
			src := buf[3 : 3+n]
			for i := range src {
				src[i] = byte(i*37) & 0x7f
			}
			want := packBits(append([]byte(nil), src...), fill)
			got := AppendPacked(buf, src, fill)
			if !bytes.Equal(got[3:], want) || string(got[:3]) != "hdr" {
				t.Fatalf("in-place AppendPacked(n=%d, fill=%d) = % X, want % X", n, fill, got[3:], want)
			}
		}
	}
}

// TestPackPublicVectors checks user data from widely published SMS PDU
// examples (SMS PDU tutorials and the 3GPP TS 23.038 example).
func TestPackPublicVectors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"How are you?", "C8F71D14969741F977FD07"},
		{"Test", "D4F29C0E"},
		{"hello world", "E8329BFD06DDDF723619"},
		{"hellohello", "E8329BFD4697D9EC37"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			septets, err := GSM7.NewEncoder().String(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.ToUpper(hex.EncodeToString(AppendPacked(nil, []byte(septets), 0))); got != tc.want {
				t.Fatalf("packed %q = %s, want %s", tc.text, got, tc.want)
			}
			parts := []Part{{UserData: mustHex(tc.want), UDL: len(septets)}}
			if got, err := Reassemble(parts); err != nil || got != tc.text {
				t.Fatalf("Reassemble(%s) = %q, %v", tc.want, got, err)
			}
		})
	}
}
