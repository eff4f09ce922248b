package webapi

import "unicode/utf8"

// u16 maps byte offsets of a UTF-8 string to UTF-16 indices, the offsets
// JavaScript uses. Requests must not decrease, so a whole result costs one
// pass over the body.
//
// A JavaScript string handed to Go (js.Value.String) is re-encoded through
// TextEncoder, which turns a lone surrogate (for example "\uD800") into
// U+FFFD. Both are one UTF-16 unit, so indices computed here line up with
// the caller's original string. An invalid UTF-8 byte (never produced from
// JavaScript, possible from Go callers) counts as one unit, like the U+FFFD
// the analysis counts it as.
type u16 struct {
	s    string
	b, u int
}

// at returns the UTF-16 index of byte offset off.
func (c *u16) at(off int) int {
	if off < c.b {
		// Not expected; restart rather than give a wrong answer.
		c.b, c.u = 0, 0
	}
	s := c.s
	for c.b < off && c.b < len(s) {
		if s[c.b] < utf8.RuneSelf {
			c.b++
			c.u++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[c.b:])
		c.b += n
		if r >= 0x10000 {
			c.u += 2
		} else {
			c.u++
		}
	}
	return c.u
}

// UTF16Len returns the length of s in UTF-16 code units, counting each
// invalid byte as one.
func UTF16Len(s string) int {
	c := u16{s: s}
	return c.at(len(s))
}
