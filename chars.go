package sms

import (
	"unicode"
	"unicode/utf8"
)

const runeError = utf8.RuneError

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// isBidi reports whether r is a bidirectional formatting character: the
// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the
// marks U+200E and U+200F and the Arabic letter mark U+061C. They are
// invisible and reorder what follows, so in a sender or recipient they can
// make one address look like another.
func isBidi(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

// isControl reports whether r is a control character (Unicode category Cc:
// NUL, C0, DEL, C1) or an invisible format character (category Cf, such as
// U+200B ZERO WIDTH SPACE or U+FEFF), none of which belongs in an address.
func isControl(r rune) bool {
	if r < 0x80 {
		return r < 0x20 || r == 0x7F
	}
	return (r >= 0x80 && r <= 0x9F) || unicode.Is(unicode.Cf, r)
}

// isSpace reports whether r is whitespace that Lenient trims from the ends
// of an address: ASCII space and tab, line breaks, and the Unicode spaces.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	return unicode.IsSpace(r) || r == 0x3000
}

// foldRune maps the non-ASCII forms that Lenient normalises to their ASCII
// equivalents and returns every other rune unchanged:
//   - the fullwidth forms U+FF01–U+FF5E (＋, digits, letters, signs) to
//     U+0021–U+007E, and the ideographic space U+3000 to a space;
//   - the Arabic-Indic digits U+0660–U+0669 and the Extended Arabic-Indic
//     (Persian, Urdu) digits U+06F0–U+06F9 to 0–9.
//
// Digits of other scripts are not folded: they are rejected as not digits.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0
	}
	return r
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// isNumberPunct reports whether c is a character people put inside a phone
// number for readability, which Lenient strips.
func isNumberPunct(c byte) bool {
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/'
}
