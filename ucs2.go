package sms

import (
	"math/bits"

	"github.com/smsgauge/sms/internal/grapheme"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

//go:generate go run ./internal/gen/joiners

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

// scanUCS2 counts body as UCS-2, packing its clusters into segments of
// capacity units without splitting any, except a cluster larger than a
// whole segment, which is split between code points.
//
// Most text is runs of simple runes: valid runes that are not CR and no
// joiners. Each is a cluster of its own, unless a joiner follows it, so a
// run is counted in a tight loop that decodes each rune once and backs off
// one rune when it meets a joiner; its one-unit runes are packed by
// arithmetic. Whatever else comes goes through grapheme.Next.
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
					w := swar.Load64(s, k)
					n := 8
					if plainBad(w)&swar.Hi != 0 {
						// The plain bytes before the first other one.
						n = bits.TrailingZeros64(^plainMask(w)&swar.Hi) >> 3
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
				g := gsm7.ASCII[b] != 0
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
				joiner = grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) != 0
			case b >= 0xE0 && b < 0xF0 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 &&
				(b != 0xE0 || s[k+1] >= 0xA0) && (b != 0xED || s[k+1] < 0xA0):
				r, n = rune(b&0x0F)<<12|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), 3
				joiner = grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) != 0
			case b >= 0xF0 && b < 0xF5 && k+3 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 && s[k+3]&0xC0 == 0x80 &&
				(b != 0xF0 || s[k+1] >= 0x90) && (b != 0xF4 || s[k+1] < 0x90):
				r, n = rune(b&0x07)<<18|rune(s[k+1]&0x3F)<<12|rune(s[k+2]&0x3F)<<6|rune(s[k+3]&0x3F), 4
				joiner = grapheme.Joiners.Has(r)
			default:
				break run // an invalid byte
			}
			if joiner {
				// The rune before a joiner may belong to its cluster, but
				// only if the joiner is one that joins what precedes it
				// (GB7 to GB9a): a mark, ZWJ, or a Hangul vowel or final
				// after a syllable. Regional indicators, prepended marks and
				// leading jamo start a cluster of their own.
				mark := grapheme.Absorbers.Has(r)
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
						if cl, ok := grapheme.WithMarksFrom(s, k, markEnd, r); ok {
							place(m)
							m = 0
							if cl.Units <= capacity {
								placeWhole(cl.Units)
							} else {
								for _, r := range s[k:cl.End] {
									placeWhole(grapheme.UTF16Units(r))
								}
							}
							if nonGSM == 0 {
								firstNonGSM = k
							}
							nonGSM++
							runes++
							astral += cl.Units - 1
							marks += cl.Scalars - 1
							k, last = cl.End, -1
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
				g = gsm7.ASCII[r] != 0
			case r < 0x3B0:
				if r < 0x100 {
					g = gsm7.Latin1[r-0x80] != 0
				} else if r >= 0x390 {
					g = gsm7.Greek[r-0x390] != 0
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
		cl := grapheme.Next(s, i)
		if cl.Units <= capacity {
			placeWhole(cl.Units)
		} else {
			for _, r := range s[i:cl.End] {
				placeWhole(grapheme.UTF16Units(r))
			}
		}
		if s[i] == '\r' && cl.End < len(s) && s[cl.End] == '\n' {
			c.crlf++
		}
		if !cl.GSM {
			if nonGSM == 0 {
				firstNonGSM = i
			}
			nonGSM++
		}
		c.units += cl.Units
		c.chars++
		c.scalars += cl.Scalars
		c.invalid += cl.Invalid
		i = cl.End
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
		if grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) != 0 {
			return k, count, last
		}
		last = k
		k += n
		count++
	}
	return k, count, last
}
