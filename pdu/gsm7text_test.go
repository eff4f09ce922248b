package pdu

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/gsm7"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// allGSM7 is every character of the default alphabet and extension table.
func allGSM7() string {
	var b strings.Builder
	for _, r := range gsm7.Basic {
		if r >= 0 {
			b.WriteRune(r)
		}
	}
	for _, r := range gsm7.Ext {
		if r >= 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestGSM7EncodingRoundTrip(t *testing.T) {
	all := allGSM7()
	if n := utf8.RuneCountInString(all); n != 137 {
		t.Fatalf("GSM-7 has %d characters, want 137", n)
	}
	enc, err := GSM7.NewEncoder().String(all)
	if err != nil {
		t.Fatal(err)
	}
	if len(enc) != 127+2*10 {
		t.Fatalf("encoded length %d, want 147", len(enc))
	}
	dec, err := GSM7.NewDecoder().String(enc)
	if err != nil || dec != all {
		t.Fatalf("decode(encode(all)) = %q, %v", dec, err)
	}
	// Each septet is in the table position.
	for code, r := range gsm7.Basic {
		if r < 0 {
			continue
		}
		got, err := GSM7.NewEncoder().String(string(r))
		if err != nil || got != string(rune(code)) {
			t.Errorf("encode(%q) = % X, %v, want %02X", r, got, err, code)
		}
	}
	for code, r := range gsm7.Ext {
		if r < 0 {
			continue
		}
		got, err := GSM7.NewEncoder().String(string(r))
		if err != nil || got != "\x1b"+string(rune(code)) {
			t.Errorf("encode(%q) = % X, %v, want 1B %02X", r, got, err, code)
		}
	}
}

func TestGSM7EncoderUnsupported(t *testing.T) {
	_, err := GSM7.NewEncoder().String("aşb")
	var re *RuneError
	if !errors.As(err, &re) || re.Rune != 'ş' || !errors.Is(err, sms.ErrNotGSM7) {
		t.Fatalf("encode(aşb) error = %v, want *RuneError for ş", err)
	}
	got, err := encoding.ReplaceUnsupported(GSM7.NewEncoder()).String("aşb😀\xffc")
	if err != nil || got != "a?b??c" {
		t.Fatalf("ReplaceUnsupported = %q, %v, want a?b??c", got, err)
	}
	if GSM7.(interface{ String() string }).String() != "GSM-7" {
		t.Fatal("GSM7.String()")
	}
}

func TestGSM7Decoder(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		err  error
	}{
		{name: "basic", in: "\x00\x01\x02\x11hi", want: "@£$_hi"},
		{name: "extension", in: "\x1b\x65\x1b\x28\x1b\x0a", want: "€{\f"},
		{name: "escape undefined shows base", in: "\x1b\x41\x1b\x00", want: "A@"},
		{name: "escape CR2 shows CR", in: "\x1b\x0d", want: "\r"},
		{name: "escape escape shows space", in: "\x1b\x1bx", want: " x"},
		{name: "high byte", in: "a\x80b", want: "a\uFFFDb"},
		{name: "escape high byte", in: "\x1b\xff", want: "\uFFFD"},
		{name: "lone trailing escape", in: "ab\x1b", err: ErrBadUserData},
		{name: "only escape", in: "\x1b", err: ErrBadUserData},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := GSM7.NewDecoder().String(tc.in)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("decode(% X) error = %v, want %v", tc.in, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("decode(% X) = %q, %v, want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

// TestGSM7Streaming feeds the transformers one byte at a time, so that
// escape pairs and UTF-8 sequences straddle calls.
func TestGSM7Streaming(t *testing.T) {
	text := strings.Repeat(allGSM7(), 3)
	r := transform.NewReader(iotest.OneByteReader(strings.NewReader(text)), GSM7.NewEncoder())
	enc, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := GSM7.NewEncoder().String(text)
	if string(enc) != want {
		t.Fatal("one-byte encoding differs")
	}
	d := transform.NewReader(iotest.OneByteReader(bytes.NewReader(enc)), GSM7.NewDecoder())
	dec, err := io.ReadAll(d)
	if err != nil || string(dec) != text {
		t.Fatalf("one-byte decoding = %v", err)
	}
	// Tiny destination buffers.
	dst := make([]byte, 3)
	enc2 := []byte{}
	src := []byte(text)
	tr := GSM7.NewEncoder()
	for len(src) > 0 {
		nDst, nSrc, err := tr.Transform(dst, src, true)
		enc2 = append(enc2, dst[:nDst]...)
		src = src[nSrc:]
		if err != nil && err != transform.ErrShortDst {
			t.Fatal(err)
		}
	}
	if string(enc2) != want {
		t.Fatal("small-buffer encoding differs")
	}
}
