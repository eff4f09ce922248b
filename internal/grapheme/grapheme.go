// Package grapheme finds the billing units of a UCS-2 body: extended
// grapheme clusters (UAX #29, as rivo/uniseg finds them), except that CR LF
// counts as two units, as Twilio bills it. The common clusters are found
// directly from generated rune classes; rivo/uniseg runs only for the rare
// ones.
package grapheme

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/smsgauge/sms/internal/gsm7"
)

//go:generate go run ../gen/joiners -out zjoiners_table.go

// isGSM7 reports whether r is a single GSM-7 character.
func isGSM7(r rune) bool {
	_, n := gsm7.Code(r)
	return n != 0
}

// Set is a set of runes: a bitset over U+0000..U+1FFFF, and ranges
// above it, which are few.
type Set struct {
	Bits [0x20000 / 64]uint64
	high [][2]rune
}

// fill adds the ranges to the set.
func (t *Set) fill(ranges [][2]rune) {
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if r >= 0x20000 {
				t.high = append(t.high, [2]rune{r, rg[1]})
				break
			}
			t.Bits[r>>6] |= 1 << (r & 63)
		}
	}
}

// Has reports whether r is in the set.
func (t *Set) Has(r rune) bool {
	if u := uint32(r); u < 0x20000 {
		return t.Bits[u>>6]&(1<<(u&63)) != 0
	}
	for _, rg := range t.high {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// The grapheme classes the fast paths need, built at init from the
// generated ranges (see zjoiners_table.go).
var (
	Joiners   Set // may share a cluster with a neighbour
	Absorbers Set // Extend and SpacingMark, not ZWJ
	Controls  Set // non-joiners a mark cannot extend
	Extends   Set // Extend: may stand between an emoji and a ZWJ
	ExtPicts  Set // Extended_Pictographic
)

// MarkClass classes the runes of U+0000..U+FFFF for a loop over letters
// and their combining marks: MarkRune for a combining mark (Absorbers),
// JoinRune for a joiner that is no mark (ZWJ, prepended marks, Hangul
// jamo), ControlRune for a control (Controls), 0 for the rest.
var MarkClass [0x10000]uint8

// The classes of MarkClass.
const (
	MarkRune    = 1
	JoinRune    = 2
	ControlRune = 3
)

func init() {
	Joiners.fill(joinerRanges[:])
	Absorbers.fill(absorberRanges[:])
	Controls.fill(controlRanges[:])
	Extends.fill(extendRanges[:])
	ExtPicts.fill(extPictRanges[:])
	for r := range rune(len(MarkClass)) {
		switch {
		case Absorbers.Has(r):
			MarkClass[r] = MarkRune
		case Joiners.Has(r):
			MarkClass[r] = JoinRune
		case Controls.Has(r):
			MarkClass[r] = ControlRune
		}
	}
}

// IsRI reports whether r is a Regional Indicator, half of a flag.
func IsRI(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// IsJoiner reports whether r can share a grapheme cluster with a neighbour.
// Between two runes neither of which is a joiner there is always a grapheme
// break (CR LF aside), so only the runes around joiners need more thought.
func IsJoiner(r rune) bool { return Joiners.Has(r) }

// UTF16Units is the number of UTF-16 code units rune r takes; an invalid byte
// counts as U+FFFD, one unit.
func UTF16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// Cluster describes one billing unit of a UCS-2 body.
type Cluster struct {
	End     int  // byte offset just past it
	Units   int  // UTF-16 code units
	Scalars int  // runes (an invalid byte counts as one)
	Invalid int  // invalid UTF-8 bytes in it
	GSM     bool // a single GSM-7 character: it does not force UCS-2
}

// Next returns the billing unit that starts at s[i], which must be a
// grapheme cluster boundary: the extended grapheme cluster of UAX #29 as
// rivo/uniseg finds it, except that CR LF is two units, as Twilio bills it.
//
// The common clusters are found directly: a rune that cannot join a
// neighbour; a non-control followed by combining marks (GB9, GB9a); emoji
// joined by ZWJ (GB11); a flag, a pair of regional indicators (GB12, GB13).
// The grapheme engine runs for the rest (Prepend, Hangul jamo, unusual
// sequences).
func Next(s string, i int) Cluster {
	r, n := DecodeAt(s, i)
	if r == '\r' {
		// CR never joins what precedes it, and joins only an LF after it,
		// which Twilio counts apart.
		return Cluster{End: i + 1, Units: 1, Scalars: 1, GSM: true}
	}
	c := Cluster{End: i + n, Units: UTF16Units(r), Scalars: 1}
	emoji := false // the cluster so far is an emoji followed by Extend only (GB11)
	switch {
	case IsRI(r):
		if c.End+4 <= len(s) {
			if r2, n2 := DecodeAt(s, c.End); IsRI(r2) {
				c.End += n2
				c.Units += 2
				c.Scalars++
			}
		}
	case IsJoiner(r):
		return slow(s, i)
	default:
		if r == utf8.RuneError && n == 1 {
			c.Invalid = 1
		} else {
			c.GSM = isGSM7(r)
		}
		if c.End == len(s) || s[c.End] < 0x80 {
			return c // nothing joins an ASCII byte that follows (CR LF aside)
		}
		if Controls.Has(r) {
			if r2, _ := DecodeAt(s, c.End); IsJoiner(r2) {
				return slow(s, i)
			}
			return c
		}
		if r2, _ := DecodeAt(s, c.End); !IsJoiner(r2) {
			return c
		}
		emoji = ExtPicts.Has(r)
	}
	// Absorb what follows: combining marks, and ZWJ + emoji after an emoji.
	for c.End < len(s) {
		r2, n2 := DecodeAt(s, c.End)
		switch {
		case Absorbers.Has(r2):
			emoji = emoji && Extends.Has(r2)
		case r2 == 0x200D && emoji && c.End+n2 < len(s):
			r3, n3 := DecodeAt(s, c.End+n2)
			if !ExtPicts.Has(r3) {
				return slow(s, i)
			}
			c.End += n2 + n3
			c.Units += 1 + UTF16Units(r3)
			c.Scalars += 2
			continue
		case r2 == 0x200D || Joiners.Has(r2) && !IsRI(r2):
			return slow(s, i) // rare: leave it to the engine
		default:
			c.GSM = c.Scalars == 1 && c.Invalid == 0 && isGSM7(r)
			return c
		}
		c.End += n2
		c.Units += UTF16Units(r2)
		c.Scalars++
	}
	c.GSM = c.Scalars == 1 && c.Invalid == 0 && isGSM7(r)
	return c
}

// WithMarksFrom returns the cluster at s[i] when it is a rune that is no
// joiner and no control, followed by combining marks (Extend, SpacingMark)
// and nothing else that could join it; ok is false otherwise. The caller
// has decoded the first mark, mark, which ends at markEnd.
func WithMarksFrom(s string, i, markEnd int, mark rune) (c Cluster, ok bool) {
	var r rune
	if b := s[i]; b < 0x80 {
		r = rune(b)
	} else {
		r, _ = DecodeAt(s, i)
	}
	if Controls.Has(r) || Joiners.Has(r) {
		return c, false
	}
	c = Cluster{End: markEnd, Units: UTF16Units(r) + UTF16Units(mark), Scalars: 2}
	for c.End < len(s) {
		r2, n2 := DecodeAt(s, c.End)
		if !Absorbers.Has(r2) {
			if r2 == 0x200D || Joiners.Has(r2) && !IsRI(r2) {
				return c, false
			}
			break
		}
		c.End += n2
		c.Units += UTF16Units(r2)
		c.Scalars++
	}
	return c, true
}

// slow asks the grapheme engine for the cluster at s[i].
func slow(s string, i int) Cluster {
	g, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
	c := Cluster{End: i + len(g)}
	var first rune
	for k := 0; k < len(g); {
		r, n := utf8.DecodeRuneInString(g[k:])
		if r == utf8.RuneError && n == 1 {
			c.Invalid++
		}
		if k == 0 {
			first = r
		}
		c.Units += UTF16Units(r)
		c.Scalars++
		k += n
	}
	if c.Scalars == 1 && c.Invalid == 0 {
		c.GSM = isGSM7(first)
	}
	return c
}

// DecodeAt decodes the rune at s[i], with the valid forms inline; like utf8.DecodeRuneInString it returns (RuneError, 1) for an
// invalid byte.
func DecodeAt(s string, i int) (rune, int) {
	b := s[i]
	switch {
	case b < 0x80:
		return rune(b), 1
	case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case b >= 0xE0 && b < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		(b != 0xE0 || s[i+1] >= 0xA0) && (b != 0xED || s[i+1] < 0xA0):
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	case b >= 0xF0 && b < 0xF5 && i+3 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80 &&
		(b != 0xF0 || s[i+1] >= 0x90) && (b != 0xF4 || s[i+1] < 0x90):
		return rune(b&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
	}
	return utf8.DecodeRuneInString(s[i:])
}
