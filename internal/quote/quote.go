// Package quote quotes user input for error messages, cut short so that a
// megabyte of input does not end up in a log line.
package quote

import "strconv"

// MaxBytes is how much of the input Short keeps.
const MaxBytes = 40

// Short quotes s as strconv.Quote does, cut to at most MaxBytes bytes of
// s (never inside a UTF-8 sequence) and marked "..." when cut.
func Short(s string) string {
	if len(s) > MaxBytes {
		cut := MaxBytes
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		return strconv.Quote(s[:cut]) + "..."
	}
	return strconv.Quote(s)
}
