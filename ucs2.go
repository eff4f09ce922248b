package sms

import (
	"math/bits"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

//go:generate go run ./internal/gen/joiners

// runeSet is a set of runes: a bitset over U+0000..U+1FFFF, and ranges
// above it, which are few.
type runeSet struct {
	bits [0x20000 / 64]uint64
	high [][2]rune
}

// fill adds the ranges to the set.
func (t *runeSet) fill(ranges [][2]rune) {
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if r >= 0x20000 {
				t.high = append(t.high, [2]rune{r, rg[1]})
				break
			}
			t.bits[r>>6] |= 1 << (r & 63)
		}
	}
}

// has reports whether r is in the set.
func (t *runeSet) has(r rune) bool {
	if u := uint32(r); u < 0x20000 {
		return t.bits[u>>6]&(1<<(u&63)) != 0
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
	joiners   runeSet // may share a cluster with a neighbour
	absorbers runeSet // Extend and SpacingMark, not ZWJ
	controls  runeSet // non-joiners a mark cannot extend
	extends   runeSet // Extend: may stand between an emoji and a ZWJ
	extPicts  runeSet // Extended_Pictographic
)

func init() {
	joiners.fill(joinerRanges[:])
	absorbers.fill(absorberRanges[:])
	controls.fill(controlRanges[:])
	extends.fill(extendRanges[:])
	extPicts.fill(extPictRanges[:])
}

// isRI reports whether r is a Regional Indicator, half of a flag.
func isRI(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isJoiner reports whether r can share a grapheme cluster with a neighbour.
// Between two runes neither of which is a joiner there is always a grapheme
// break (CR LF aside), so only the runes around joiners need more thought.
func isJoiner(r rune) bool { return joiners.has(r) }

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
//
// The common clusters are found directly: a rune that cannot join a
// neighbour; a non-control followed by combining marks (GB9, GB9a); emoji
// joined by ZWJ (GB11); a flag, a pair of regional indicators (GB12, GB13).
// The grapheme engine runs for the rest (Prepend, Hangul jamo, unusual
// sequences).
func nextCluster(s string, i int) cluster {
	r, n := decodeAt(s, i)
	if r == '\r' {
		// CR never joins what precedes it, and joins only an LF after it,
		// which Twilio counts apart.
		return cluster{end: i + 1, units: 1, scalars: 1, gsm: true}
	}
	c := cluster{end: i + n, units: utf16Units(r), scalars: 1}
	emoji := false // the cluster so far is an emoji followed by Extend only (GB11)
	switch {
	case isRI(r):
		if c.end+4 <= len(s) {
			if r2, n2 := decodeAt(s, c.end); isRI(r2) {
				c.end += n2
				c.units += 2
				c.scalars++
			}
		}
	case isJoiner(r):
		return slowCluster(s, i)
	default:
		if r == utf8.RuneError && n == 1 {
			c.invalid = 1
		} else {
			c.gsm = IsGSM7(r)
		}
		if c.end == len(s) || s[c.end] < 0x80 {
			return c // nothing joins an ASCII byte that follows (CR LF aside)
		}
		if controls.has(r) {
			if r2, _ := decodeAt(s, c.end); isJoiner(r2) {
				return slowCluster(s, i)
			}
			return c
		}
		if r2, _ := decodeAt(s, c.end); !isJoiner(r2) {
			return c
		}
		emoji = extPicts.has(r)
	}
	// Absorb what follows: combining marks, and ZWJ + emoji after an emoji.
	for c.end < len(s) {
		r2, n2 := decodeAt(s, c.end)
		switch {
		case absorbers.has(r2):
			emoji = emoji && extends.has(r2)
		case r2 == 0x200D && emoji && c.end+n2 < len(s):
			r3, n3 := decodeAt(s, c.end+n2)
			if !extPicts.has(r3) {
				return slowCluster(s, i)
			}
			c.end += n2 + n3
			c.units += 1 + utf16Units(r3)
			c.scalars += 2
			continue
		case r2 == 0x200D || joiners.has(r2) && !isRI(r2):
			return slowCluster(s, i) // rare: leave it to the engine
		default:
			c.gsm = c.scalars == 1 && c.invalid == 0 && IsGSM7(r)
			return c
		}
		c.end += n2
		c.units += utf16Units(r2)
		c.scalars++
	}
	c.gsm = c.scalars == 1 && c.invalid == 0 && IsGSM7(r)
	return c
}

// withMarksFrom returns the cluster at s[i] when it is a rune that is no
// joiner and no control, followed by combining marks (Extend, SpacingMark)
// and nothing else that could join it; ok is false otherwise. The caller
// has decoded the first mark, mark, which ends at markEnd.
func withMarksFrom(s string, i, markEnd int, mark rune) (c cluster, ok bool) {
	var r rune
	if b := s[i]; b < 0x80 {
		r = rune(b)
	} else {
		r, _ = decodeAt(s, i)
	}
	if controls.has(r) || joiners.has(r) {
		return c, false
	}
	c = cluster{end: markEnd, units: utf16Units(r) + utf16Units(mark), scalars: 2}
	for c.end < len(s) {
		r2, n2 := decodeAt(s, c.end)
		if !absorbers.has(r2) {
			if r2 == 0x200D || joiners.has(r2) && !isRI(r2) {
				return c, false
			}
			break
		}
		c.end += n2
		c.units += utf16Units(r2)
		c.scalars++
	}
	return c, true
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
	last        int // units in the last of them
}

// decodeAt decodes the rune at s[i], with the valid forms inline; like utf8.DecodeRuneInString it returns (RuneError, 1) for an
// invalid byte.
func decodeAt(s string, i int) (rune, int) {
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

// scanUCS2 counts body as UCS-2, packing its clusters into segments of
// capacity units without splitting any, except a cluster larger than a
// whole segment, which is split between code points.
//
// Most text is runs of simple runes: valid runes that are not CR and no
// joiners. Each is a cluster of its own, unless a joiner follows it, so a
// run is counted in a tight loop that decodes each rune once and backs off
// one rune when it meets a joiner; its one-unit runes are packed by
// arithmetic. Whatever else comes goes through nextCluster.
func scanUCS2(s string, capacity int) ucs2Count {
	c := ucs2Count{firstNonGSM: -1}
	nonGSM, firstNonGSM := 0, -1
	pos, segs := 0, 1
	nextWord := 0 // where a word-at-a-time ASCII check may next be tried
	// place packs m one-unit runes; placeWhole packs one unit of u.
	place := func(m int) {
		pos += m
		for pos > capacity { // rarely more than once: no division
			segs++
			pos -= capacity
		}
	}
	placeWhole := func(u int) {
		if pos+u > capacity {
			segs++
			pos = 0
		}
		pos += u
	}
	for i := 0; i < len(s); {
		// The run: m one-unit runes not yet packed, then perhaps an astral
		// rune not yet packed (pend), so that the last rune can be taken
		// back when a joiner follows it.
		k, m, runes, astral, last, lastGSM, pend := i, 0, 0, 0, -1, false, false
		marks := 0 // scalars beyond one a cluster
	run:
		for k < len(s) {
			b := s[k]
			var r rune
			var n int
			if b < 0x80 {
				if k >= nextWord && k+8 <= len(s) {
					w := load64(s, k)
					n := 8
					if plainBad(w)&swarHi != 0 {
						// The plain bytes before the first other one.
						n = bits.TrailingZeros64(^plainMask(w)&swarHi) >> 3
					}
					if n > 0 {
						if pend {
							placeWhole(2)
							pend = false
						}
						last, lastGSM = k+n-1, true
						k += n
						m += n
						runes += n
						continue
					}
					nextWord = k + 8 // not before the next word
				}
				if b == '\r' {
					break run
				}
				if pend {
					placeWhole(2)
					pend = false
				}
				g := gsm7ASCII[b] != 0
				if !g {
					if nonGSM == 0 {
						firstNonGSM = k
					}
					nonGSM++
				}
				last, lastGSM = k, g
				k++
				m++
				runes++
				continue
			}
			if b < 0xF0 && b != 0xE2 && b != 0xE0 {
				// Runes of two or three bytes that are not GSM-7 and join
				// nothing take a tighter loop (but for U+0800..U+0FFF, the
				// Indic scripts and Thai, where nearly every other rune is
				// a mark, and U+2000..U+2FFF, punctuation, symbols and
				// dingbats, which seldom run).
				if end, count, at := plainRunes(s, k, len(s)); count > 0 {
					if pend {
						placeWhole(2)
						pend = false
					}
					if nonGSM == 0 {
						firstNonGSM = k
					}
					nonGSM += count
					m += count
					runes += count
					last, lastGSM = at, false
					k = end
					continue
				}
			}
			var joiner bool
			switch {
			case b >= 0xC2 && b < 0xE0 && k+1 < len(s) && s[k+1]&0xC0 == 0x80:
				r, n = rune(b&0x1F)<<6|rune(s[k+1]&0x3F), 2
				joiner = joiners.bits[r>>6]&(1<<(uint32(r)&63)) != 0
			case b >= 0xE0 && b < 0xF0 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 &&
				(b != 0xE0 || s[k+1] >= 0xA0) && (b != 0xED || s[k+1] < 0xA0):
				r, n = rune(b&0x0F)<<12|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), 3
				joiner = joiners.bits[r>>6]&(1<<(uint32(r)&63)) != 0
			case b >= 0xF0 && b < 0xF5 && k+3 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 && s[k+3]&0xC0 == 0x80 &&
				(b != 0xF0 || s[k+1] >= 0x90) && (b != 0xF4 || s[k+1] < 0x90):
				r, n = rune(b&0x07)<<18|rune(s[k+1]&0x3F)<<12|rune(s[k+2]&0x3F)<<6|rune(s[k+3]&0x3F), 4
				joiner = joiners.has(r)
			default:
				break run // an invalid byte
			}
			if joiner {
				// The rune before a joiner may belong to its cluster, but
				// only if the joiner is one that joins what precedes it
				// (GB7 to GB9a): a mark, ZWJ, or a Hangul vowel or final
				// after a syllable. Regional indicators, prepended marks and
				// leading jamo start a cluster of their own.
				mark := absorbers.has(r)
				if last >= 0 && (mark || r == 0x200D || r >= 0x1160 && r <= 0x11FF || r >= 0xD7B0 && r <= 0xD7FF) {
					markEnd := k + n
					k = last
					runes--
					if pend {
						pend = false
						astral--
					} else {
						m--
					}
					if !lastGSM {
						if nonGSM--; nonGSM == 0 {
							firstNonGSM = -1
						}
					}
					// Combining marks after it: the cluster is known.
					if mark {
						if cl, ok := withMarksFrom(s, k, markEnd, r); ok {
							place(m)
							m = 0
							if cl.units <= capacity {
								placeWhole(cl.units)
							} else {
								for _, r := range s[k:cl.end] {
									placeWhole(utf16Units(r))
								}
							}
							if nonGSM == 0 {
								firstNonGSM = k
							}
							nonGSM++
							runes++
							astral += cl.units - 1
							marks += cl.scalars - 1
							k, last = cl.end, -1
							continue
						}
					}
				}
				break
			}
			if pend {
				placeWhole(2) // the astral rune before this one stays
				pend = false
			}
			var g bool
			switch {
			case r < 0x80:
				g = gsm7ASCII[r] != 0
			case r < 0x3B0:
				if r < 0x100 {
					g = gsm7Latin1[r-0x80] != 0
				} else if r >= 0x390 {
					g = gsm7Greek[r-0x390] != 0
				}
			case r == 0x20AC:
				g = true
			case r >= 0x10000:
				// Astral: two units, which must not straddle a cut.
				place(m)
				m = 0
				pend = true
				astral++
			}
			if !g {
				if nonGSM == 0 {
					firstNonGSM = k
				}
				nonGSM++
			}
			last, lastGSM = k, g
			k += n
			if !pend {
				m++
			}
			runes++
		}
		place(m)
		if pend {
			placeWhole(2)
		}
		c.units += runes + astral
		c.chars += runes
		c.scalars += runes + marks
		i = k
		if i >= len(s) {
			break
		}
		cl := nextCluster(s, i)
		if cl.units <= capacity {
			placeWhole(cl.units)
		} else {
			for _, r := range s[i:cl.end] {
				placeWhole(utf16Units(r))
			}
		}
		if s[i] == '\r' && cl.end < len(s) && s[cl.end] == '\n' {
			c.crlf++
		}
		if !cl.gsm {
			if nonGSM == 0 {
				firstNonGSM = i
			}
			nonGSM++
		}
		c.units += cl.units
		c.chars++
		c.scalars += cl.scalars
		c.invalid += cl.invalid
		i = cl.end
	}
	c.nonGSM, c.firstNonGSM = nonGSM, firstNonGSM
	c.segs, c.last = segs, pos
	return c
}

// plainRunes takes the runes from s[k] on, max at most, that are valid, two
// or three bytes long, not GSM-7 and no joiners: each is a cluster of one
// unit, unless a joiner follows it, which the caller sees next. It returns
// where they end, how many there are and where the last starts.
func plainRunes(s string, k, max int) (end, count, last int) {
	for k+1 < len(s) && count < max {
		b := s[k]
		var r rune
		var n int
		switch {
		case b >= 0xC2 && b < 0xE0 && s[k+1]&0xC0 == 0x80:
			r, n = rune(b&0x1F)<<6|rune(s[k+1]&0x3F), 2
			if r < 0x100 || r >= 0x390 && r < 0x3B0 {
				return k, count, last // may be GSM-7
			}
		case b >= 0xE0 && b < 0xF0 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 &&
			(b != 0xE0 || s[k+1] >= 0xA0) && (b != 0xED || s[k+1] < 0xA0):
			r, n = rune(b&0x0F)<<12|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), 3
			if r == 0x20AC {
				return k, count, last // the euro sign is GSM-7
			}
		default:
			return k, count, last
		}
		if joiners.bits[r>>6]&(1<<(uint32(r)&63)) != 0 {
			return k, count, last
		}
		last = k
		k += n
		count++
	}
	return k, count, last
}
