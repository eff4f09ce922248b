// Package jsonstr appends JSON strings escaped exactly as encoding/json
// escapes them, without encoding/json: the command's streamed report, the
// batch rows and the WebAssembly module's results share it.
package jsonstr

const hexDigits = "0123456789abcdef"

// plain and html tell which ASCII bytes are written as they are: all but
// the control characters, " and \; html also escapes <, > and &, as
// encoding/json does by default.
var plain, html [128]bool

func init() {
	for c := 0x20; c < 0x80; c++ {
		plain[c] = c != '"' && c != '\\'
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
}

// Append appends s to dst as a JSON string, escaped as encoding/json
// escapes it: " and \, the control characters (\b \f \n \r \t in short,
// the others as \u00XX), U+2028 and U+2029, and each byte of invalid UTF-8
// as \ufffd. With escapeHTML, <, > and & become \u003c, \u003e and \u0026,
// as in encoding/json's default (json.Marshal); without, they stay, as
// with Encoder.SetEscapeHTML(false).
func Append(dst []byte, s string, escapeHTML bool) []byte {
	return appendString(dst, s, escapeHTML)
}

// AppendBytes is Append for a byte slice.
func AppendBytes(dst, s []byte, escapeHTML bool) []byte {
	return appendString(dst, s, escapeHTML)
}

func appendString[S string | []byte](dst []byte, s S, escapeHTML bool) []byte {
	safe := &plain
	if escapeHTML {
		safe = &html
	}
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if safe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		n := runeLen(s, i)
		switch {
		case n == 0:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
		case n == 3 && c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]-0xA0])
			i += 3
			start = i
		default:
			i += n
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// runeLen is the length of the UTF-8 sequence at s[i] (s[i] >= 0x80), or
// 0 when it is not valid UTF-8 (as utf8.DecodeRune reads it: no overlong
// forms, no surrogates, nothing above U+10FFFF).
func runeLen[S string | []byte](s S, i int) int {
	c := s[i]
	cont := func(k int) bool { return i+k < len(s) && s[i+k]&0xC0 == 0x80 }
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if cont(1) {
			return 2
		}
	case c >= 0xE0 && c <= 0xEF:
		if !cont(1) || !cont(2) {
			return 0
		}
		if c == 0xE0 && s[i+1] < 0xA0 || c == 0xED && s[i+1] >= 0xA0 {
			return 0
		}
		return 3
	case c >= 0xF0 && c <= 0xF4:
		if !cont(1) || !cont(2) || !cont(3) {
			return 0
		}
		if c == 0xF0 && s[i+1] < 0x90 || c == 0xF4 && s[i+1] >= 0x90 {
			return 0
		}
		return 4
	}
	return 0
}
