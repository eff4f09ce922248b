package sms

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

//go:generate go run ./internal/gen/joiners

// joinerBits is a bitset over U+0000..U+1FFFF of the runes in joinerRanges;
// joinerHigh keeps the ranges above. Both are built at init.
var (
	joinerBits [0x20000 / 64]uint64
	joinerHigh [][2]rune
)

func init() {
	for _, rg := range joinerRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if r >= 0x20000 {
				joinerHigh = append(joinerHigh, [2]rune{r, rg[1]})
				break
			}
			joinerBits[r>>6] |= 1 << (r & 63)
		}
	}
}

// isJoiner reports whether r can share a grapheme cluster with a neighbour.
// Between two runes neither of which is a joiner there is always a grapheme
// break, so only the runes around joiners need the grapheme engine.
func isJoiner(r rune) bool {
	if uint32(r) < 0x20000 {
		return joinerBits[r>>6]&(1<<(uint32(r)&63)) != 0
	}
	for _, rg := range joinerHigh {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// utf16Units is the number of UTF-16 code units rune r takes; an invalid byte
// counts as U+FFFD, one unit.
func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// cluster describes one billing unit of a UCS-2 body.
type cluster struct {
	end     int  // byte offset just past it
	units   int  // UTF-16 code units
	scalars int  // runes (an invalid byte counts as one)
	invalid int  // invalid UTF-8 bytes in it
	gsm     bool // a single GSM-7 character: it does not force UCS-2
}

// nextCluster returns the billing unit that starts at s[i], which must be a
// grapheme cluster boundary: the extended grapheme cluster of UAX #29 as
// rivo/uniseg finds it, except that CR LF is two units, as Twilio bills it.
// Runes that cannot join a neighbour are taken directly; the grapheme engine
// runs only around joiners (see isJoiner).
func nextCluster(s string, i int) cluster {
	b := s[i]
	if b < 0x80 {
		end := i + 1
		// CR never joins what precedes it, and joins only an LF after it,
		// which Twilio counts apart; every other ASCII byte joins only a
		// non-ASCII joiner after it.
		if b == '\r' || end == len(s) || s[end] < 0x80 {
			return cluster{end: end, units: 1, scalars: 1, gsm: gsm7ASCII[b] != 0}
		}
		if r2, _ := utf8.DecodeRuneInString(s[end:]); !isJoiner(r2) {
			return cluster{end: end, units: 1, scalars: 1, gsm: gsm7ASCII[b] != 0}
		}
	} else {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isJoiner(r) {
			end := i + n
			join := false
			if end < len(s) && s[end] >= 0x80 {
				r2, _ := utf8.DecodeRuneInString(s[end:])
				join = isJoiner(r2)
			}
			if !join {
				c := cluster{end: end, units: utf16Units(r), scalars: 1}
				if r == utf8.RuneError && n == 1 {
					c.invalid = 1
				} else {
					_, c.gsm = gsm7Lookup(r)
				}
				return c
			}
		}
	}
	return slowCluster(s, i)
}

// slowCluster asks the grapheme engine for the cluster at s[i].
func slowCluster(s string, i int) cluster {
	g, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
	c := cluster{end: i + len(g)}
	var first rune
	for k := 0; k < len(g); {
		r, n := utf8.DecodeRuneInString(g[k:])
		if r == utf8.RuneError && n == 1 {
			c.invalid++
		}
		if k == 0 {
			first = r
		}
		c.units += utf16Units(r)
		c.scalars++
		k += n
	}
	if c.scalars == 1 && c.invalid == 0 {
		c.gsm = IsGSM7(first)
	}
	return c
}

// ucs2Count is what a UCS-2 scan of a body finds.
type ucs2Count struct {
	units       int
	chars       int // Twilio's characters: clusters, CR LF counting two
	crlf        int
	scalars     int
	nonGSM      int
	firstNonGSM int
	invalid     int
	segs        int // segments when packed at the concatenated capacity
}

// packer fills segments of a fixed capacity with units that may not be split.
type packer struct {
	capacity, pos, segs int
}

func (p *packer) add(u int) {
	if p.pos+u > p.capacity {
		p.segs++
		p.pos = 0
	}
	p.pos += u
}

// scanUCS2 counts body as UCS-2, packing its clusters into segments of
// capacity units without splitting any, except a cluster larger than a
// whole segment, which is split between code points.
func scanUCS2(s string, capacity int) ucs2Count {
	c := ucs2Count{firstNonGSM: -1}
	p := packer{capacity: capacity, segs: 1}
	for i := 0; i < len(s); {
		// Runs of plain ASCII: one unit and one cluster per byte. The byte
		// after the word must be ASCII too, or the last byte might join it.
		for s[i] < 0x80 && i+8 < len(s) && s[i+8] < 0x80 {
			w := load64(s, i)
			if w&swarHi != 0 {
				break
			}
			if _, bad, cr := asciiWord(w); bad || cr != 0 {
				break
			}
			if p.pos+8 <= capacity {
				p.pos += 8
			} else {
				p.segs++
				p.pos += 8 - capacity
			}
			c.units += 8
			c.chars += 8
			c.scalars += 8
			i += 8
		}
		cl := nextCluster(s, i)
		if cl.units <= capacity {
			p.add(cl.units)
		} else {
			packRunes(&p, s[i:cl.end])
		}
		if s[i] == '\r' && cl.end < len(s) && s[cl.end] == '\n' {
			c.crlf++
		}
		if !cl.gsm {
			if c.nonGSM == 0 {
				c.firstNonGSM = i
			}
			c.nonGSM++
		}
		c.units += cl.units
		c.chars++
		c.scalars += cl.scalars
		c.invalid += cl.invalid
		i = cl.end
	}
	c.segs = p.segs
	return c
}

// packRunes packs an oversized cluster code point by code point.
func packRunes(p *packer, g string) {
	for _, r := range g {
		p.add(utf16Units(r))
	}
}
