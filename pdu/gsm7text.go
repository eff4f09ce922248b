package pdu

import (
	"strconv"
	"unicode/utf8"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/gsm7"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// GSM7 is the GSM 7-bit default alphabet and its extension table (3GPP TS
// 23.038 6.2.1 and 6.2.1.1) as a golang.org/x/text encoding. Its bytes are
// unpacked septets, one per byte, as SMPP carries them with data_coding 0;
// an extension character is the escape pair 0x1B, code. Use AppendPacked to
// pack them into octets.
//
// The encoder stops at a rune outside the alphabet (or invalid UTF-8) with
// an error that golang.org/x/text/encoding.ReplaceUnsupported understands:
// wrapped that way, such runes become '?'. The error is a *RuneError, which
// wraps sms.ErrNotGSM7.
//
// The decoder maps every septet to its character. An escape followed by a
// code the extension table does not define shows the default alphabet
// character of that code, and an escape followed by another escape (reserved
// for a further extension table) shows a space, as 3GPP TS 23.038 6.2.1.1
// asks. An escape at the very end of the input is an error wrapping
// ErrBadUserData. Bytes above 0x7F are not septets and decode to U+FFFD.
//
// Decoding the encoding of any GSM-7 text gives the text back exactly.
var GSM7 encoding.Encoding = gsm7Encoding{}

type gsm7Encoding struct{}

func (gsm7Encoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: gsm7Decoder{}}
}

func (gsm7Encoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: gsm7Encoder{}}
}

func (gsm7Encoding) String() string { return "GSM-7" }

// RuneError reports a rune that the GSM 7-bit alphabet in use cannot
// represent. It wraps sms.ErrNotGSM7, and its Replacement method lets
// golang.org/x/text/encoding.ReplaceUnsupported substitute '?'.
type RuneError struct {
	Rune rune // the rune, utf8.RuneError for invalid UTF-8
}

func (e *RuneError) Error() string {
	return "pdu: rune " + strconv.QuoteRuneToASCII(e.Rune) + " is not in the GSM 7-bit alphabet"
}

// Unwrap returns sms.ErrNotGSM7.
func (e *RuneError) Unwrap() error { return sms.ErrNotGSM7 }

// Replacement returns '?', the byte golang.org/x/text/encoding's
// ReplaceUnsupported writes in place of the rune.
func (e *RuneError) Replacement() byte { return '?' }

type gsm7Encoder struct{ transform.NopResetter }

func (gsm7Encoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		r, size := rune(src[nSrc]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(src[nSrc:])
			if size == 1 {
				if !atEOF && !utf8.FullRune(src[nSrc:]) {
					return nDst, nSrc, transform.ErrShortSrc
				}
				return nDst, nSrc, &RuneError{Rune: utf8.RuneError}
			}
		}
		code, n := gsm7.Code(r)
		switch n {
		case 0:
			return nDst, nSrc, &RuneError{Rune: r}
		case 1:
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = code
			nDst++
		default:
			if nDst+2 > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst], dst[nDst+1] = 0x1B, code
			nDst += 2
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}

type gsm7Decoder struct{ transform.NopResetter }

func (gsm7Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		size := 1
		var r rune
		switch {
		case c >= 0x80:
			r = utf8.RuneError
		case c != 0x1B:
			r = gsm7.Basic[c]
		case nSrc+1 >= len(src):
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			return nDst, nSrc, &PartError{Err: ErrBadUserData, Part: -1, Detail: "escape (0x1B) at the end of the text"}
		default:
			size = 2
			r = gsm7Escaped(src[nSrc+1])
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// gsm7Escaped is the character of the escape pair 0x1B, c with the default
// tables; see GSM7 for the undefined codes.
func gsm7Escaped(c byte) rune {
	switch {
	case c >= 0x80:
		return utf8.RuneError
	case c == 0x1B:
		return ' '
	case gsm7.Ext[c] >= 0:
		return gsm7.Ext[c]
	}
	return gsm7.Basic[c]
}
