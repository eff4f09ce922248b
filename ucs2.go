package sms

import (
	"math/bits"

	"github.com/smsgauge/sms/internal/grapheme"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

//go:generate go run ./internal/gen/joiners

// ucs2Count holds counts a UCS-2 scan keeps as it goes (see scanUCS2's
// results).
type ucs2Count struct {
	units   int
	chars   int // Twilio's characters: clusters, CR LF counting two
	crlf    int
	scalars int
	invalid int
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
//
// A body that starts with ASCII, a rune of U+2000..U+2FFF or an emoji is
// taken first by latinRuns, which goes on through the words, accented
// letters, punctuation and common emoji clusters of Latin-script text up
// to the first rune of another kind (a mark, another script, an unusual
// sequence) or CR: English forced into UCS-2 by a smart quote, a dash or
// an emoji is most often counted by it alone.
//
// The counts are results of their own, which stay in registers: a
// ucs2Count result is copied through memory by the caller, at a cost that
// shows on short bodies.
func scanUCS2(s string, capacity int) (units, chars, crlf, scalars, nonGSM, firstNonGSM, invalid, segs, last int) {
	c := ucs2Count{}
	firstNonGSM = -1
	pk := packing{capacity: capacity, segs: 1}
	i := 0
	if len(s) > 0 && (s[0] < 0x80 || s[0] == 0xE2 || s[0] == 0xF0) {
		var t clusterTally
		var count int
		i, count, nonGSM, firstNonGSM = latinRuns(s, 0, &pk, &t)
		pk.add(count - t.packed)
		c.units, c.chars, c.scalars = count+t.units, count+t.clusters, count+t.scalars
	}
	nextWord := 0 // where a word-at-a-time ASCII check may next be tried
	// place packs m one-unit runes; placeWhole packs one unit of u.
	place := func(m int) {
		pk.pos += m
		for pk.pos > capacity { // rarely more than once: no division
			pk.segs++
			pk.pos -= capacity
		}
	}
	placeWhole := func(u int) {
		if pk.pos+u > capacity {
			pk.segs++
			pk.pos = 0
		}
		pk.pos += u
	}
	for i < len(s) {
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
			if b < 0xF0 && b != 0xE2 && (b < 0xD6 || b > 0xE0) {
				// Runes of two or three bytes that are not GSM-7 and join
				// nothing take a tighter loop (but for U+2000..U+2FFF,
				// punctuation, symbols and dingbats, which seldom run).
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
			} else if b >= 0xD6 && b <= 0xE0 {
				// The scripts with combining marks, Hebrew to Thai
				// (U+0580..U+0FFF): the runes and the marks after them
				// take a loop that makes their clusters.
				if end, count, scalars, gsm, ok := textRuns(s, k, m, pend, &pk); ok {
					m, pend = 0, false
					if count > 0 {
						if nonGSM == 0 {
							firstNonGSM = k
						}
						nonGSM += count - gsm
						runes += count
						astral += scalars - count // every rune is one unit
						marks += scalars - count
						last = -1 // nothing after them joins them
						k = end
						continue
					}
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
	return c.units, c.chars, c.crlf, c.scalars, nonGSM, firstNonGSM, c.invalid, pk.segs, pk.pos
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

// packing is where a UCS-2 scan is in its segments: units in the last
// segment (pos) and segments so far (segs), of capacity units each.
type packing struct {
	capacity, pos, segs int
}

// add packs n one-unit clusters.
func (p *packing) add(n int) {
	for p.pos += n; p.pos > p.capacity; p.pos -= p.capacity { // rarely more than once: no division
		p.segs++
	}
}

// whole packs a cluster of u units, which must not straddle a cut.
func (p *packing) whole(u int) {
	if p.pos+u > p.capacity {
		p.segs++
		p.pos = 0
	}
	p.pos += u
}

// textRuns takes the clusters from s[k] on that are a rune of two or three
// bytes (valid, no joiner, not one that may be GSM-7, no control) and the
// combining marks of two or three bytes after it, or a GSM-7 ASCII byte
// (no control) that no mark follows, and packs them. It stops before a
// cluster that what follows might join (a joiner that is not a combining
// mark, a rune of four bytes, an invalid byte), before a control, and
// before a cluster larger than a segment, so that whatever comes next
// starts a cluster of its own. It returns where the clusters end, how many
// there are, how many scalars (and so units) they hold, and how many of
// them are ASCII (GSM-7).
//
// ok is false, and nothing is packed, when s[k] starts no such cluster.
// Otherwise the caller's m pending one-unit runes and its pending astral
// rune (pend), which s[k] cannot join, are packed first.
//
// Letters and marks take the same steps, with no branch on which a rune
// is (see markSteps): a rune that is no mark starts a cluster, every rune
// is a unit, and where the last cluster starts in its segment is kept, so
// that a cluster that passes the segment's end is moved whole to the next
// segment when it does, and one that must be left to the caller is taken
// back.
func textRuns(s string, k, m int, pend bool, pk *packing) (end, clusters, scalars, gsm int, ok bool) {
	if b := s[k]; b >= 0xC2 && b < 0xF0 && k+1 < len(s) {
		// A mark first joins nothing here. (r is not checked for being
		// valid: markSteps does that.)
		r := uint32(b&0x1F)<<6 | uint32(s[k+1]&0x3F)
		if b >= 0xE0 {
			if k+2 >= len(s) {
				return k, 0, 0, 0, false
			}
			r = (r&0x3FF)<<6 | uint32(s[k+2]&0x3F)
		}
		if grapheme.MarkClass[uint16(r)] == grapheme.MarkRune {
			return k, 0, 0, 0, false
		}
	}
	capacity := pk.capacity
	pos, segs := pk.pos, pk.segs
	if pend {
		if pos+2 > capacity {
			segs++
			pos = 0
		}
		pos += 2
	}
	for pos += m; pos > capacity; pos -= capacity { // rarely more than once: no division
		segs++
	}
	start, full := k, len(s)
	if full-k > textRunsMost {
		s = s[:k+textRunsMost]
	}
	// The units taken are those of the segments left (done), and those
	// from where the last segment's count starts (from) to pos.
	from, done := pos, 0
	cstart := pos               // where the last cluster starts in its segment
	counts := uint64(0)         // the marks (low 32 bits) and ASCII clusters (high 32 bits)
	moved, movedPos := false, 0 // a cluster moved whole to a new segment, and where it was
	var why int
	for {
		k, pos, cstart, counts, why = markSteps(s, k, pos, cstart, counts, capacity)
		if why != stepFull {
			break
		}
		// The last cluster passes the segment's end: it goes whole to the
		// next one, or is left to the caller if it is larger.
		size := pos - cstart
		if size > capacity {
			goto back
		}
		moved, movedPos = true, cstart
		done += cstart - from
		segs++
		from, pos, cstart = 0, size, 0
	}
	switch {
	case why == stepBack:
		goto back
	case why == stepPack:
	case len(s) < full:
		goto back // cut for the counts: the cluster may go on
	case k < len(s) && s[k] >= 0x80 && pos-cstart > 1:
		// One byte left, an invalid one: it joins no letter but may join
		// marks.
		goto back
	}
	if k == start {
		return k, 0, 0, 0, false
	}
	pk.pos, pk.segs = pos, segs
	scalars = done + pos - from
	return k, scalars - int(uint32(counts)), scalars, int(counts >> 32), true
back:
	// What is at s[k] may join the last cluster: that is left to the
	// caller.
	if k == start {
		return k, 0, 0, 0, false
	}
	size := pos - cstart // its runes: a letter and size-1 marks
	for range size {
		k--
		for s[k]&0xC0 == 0x80 {
			k--
		}
	}
	gsm = int(counts >> 32)
	if s[k] < 0x80 {
		gsm--
	}
	if moved && cstart == 0 {
		// It is the cluster moved to a new segment (any after it would
		// start at 1 or later): back to where it was.
		segs--
		pos = movedPos
	} else {
		pos = cstart
	}
	scalars = done + cstart - from
	pk.pos, pk.segs = pos, segs
	return k, scalars - (int(uint32(counts)) - (size - 1)), scalars, gsm, true
}

// textRunsMost is how many bytes textRuns takes at a time, so that
// markSteps' counts fit in 32 bits. (A variable, for the tests.)
var textRunsMost = 1<<31 - 1

// Why markSteps stops.
const (
	stepEnd  = iota // fewer than two bytes are left
	stepPack        // what is at s[k] joins nothing before it
	stepBack        // what is at s[k] may join the last cluster
	stepFull        // the last rune took pos past capacity
)

// markSteps is textRuns' loop: it takes the runes from s[k] on, each a
// cluster of its own or a combining mark of the last cluster (see
// grapheme.MarkClass), counting the marks and the ASCII clusters in
// counts (low and high 32 bits), with the units in the segment (pos) and where
// the last cluster starts in it (cstart). It stops at whatever it does not
// take and after the rune that takes pos past capacity, and says why. Its
// own function, so that the loop keeps only these in registers.
func markSteps(s string, k, pos, cstart int, counts uint64, capacity int) (int, int, int, uint64, int) {
	for k+1 < len(s) {
		b := s[k]
		c1 := uint32(s[k+1]) ^ 0x80 // the bits of a continuation byte, if below 0x40
		var r uint32
		var n int
		if b >= 0xE0 {
			if b >= 0xF0 || k+2 >= len(s) {
				return k, pos, cstart, counts, stepBack // a rune of four bytes or an invalid byte: it may join
			}
			c2 := uint32(s[k+2]) ^ 0x80
			r, n = uint32(b&0x0F)<<12|c1<<6|c2, 3
			if c1|c2 >= 0x40 || r < 0x800 || r-0xD800 < 0x800 {
				return k, pos, cstart, counts, stepBack // an invalid byte
			}
			if r == 0x20AC {
				return k, pos, cstart, counts, stepPack // the euro sign is GSM-7; it joins nothing
			}
		} else if b >= 0xC2 {
			r, n = uint32(b&0x1F)<<6|c1, 2
			if c1 >= 0x40 {
				return k, pos, cstart, counts, stepBack // an invalid byte
			}
			if r < 0x100 || r-0x390 < 0x20 {
				return k, pos, cstart, counts, stepPack // may be GSM-7: left to the caller; it joins nothing
			}
		} else if b < 0x80 {
			// An ASCII byte joins nothing before it. A GSM-7 one that is
			// no control is a cluster of its own unless a mark follows it:
			// it is taken, and counted apart, when what follows is sure
			// to be no mark (ASCII, a rune of two or three bytes that is
			// no mark).
			if b < 0x20 || gsm7.ASCII[b] == 0 {
				return k, pos, cstart, counts, stepPack
			}
			if nb := s[k+1]; nb >= 0x80 {
				if nb >= 0xF0 || k+3 >= len(s) {
					return k, pos, cstart, counts, stepPack
				}
				// (Not checked for being valid: the next rune's step does
				// that, and a wrong class only stops the run here.)
				nr := uint32(nb&0x1F)<<6 | uint32(s[k+2]&0x3F)
				if nb >= 0xE0 {
					nr = (nr&0x3FF)<<6 | uint32(s[k+3]&0x3F)
				}
				if grapheme.MarkClass[uint16(nr)] == grapheme.MarkRune {
					return k, pos, cstart, counts, stepPack
				}
			}
			r, n = uint32(b), 1
			counts += 1 << 32
		} else {
			return k, pos, cstart, counts, stepBack // an invalid byte
		}
		{
			v := grapheme.MarkClass[uint16(r)]
			if v > grapheme.MarkRune {
				if v == grapheme.ControlRune {
					return k, pos, cstart, counts, stepPack // a control joins nothing before it
				}
				return k, pos, cstart, counts, stepBack // a joiner that is no mark: it may join the last cluster
			}
			if v == 0 {
				cstart = pos
			}
			counts += uint64(v)
		}
		pos++
		k += n
		if pos > capacity {
			return k, pos, cstart, counts, stepFull
		}
	}
	return k, pos, cstart, counts, stepEnd
}

// markRun takes the combining marks of two or three bytes from s[e] on. It
// returns where they end and how many
// there are, or e < 0 when what follows them might join them (a joiner that
// is no mark, a rune of four bytes, an invalid byte).
func markRun(s string, e int) (end, marks int) {
	for e < len(s) {
		b := s[e]
		var r rune
		var n int
		if b < 0x80 {
			break
		} else if b >= 0xC2 && b < 0xE0 && e+1 < len(s) && s[e+1]&0xC0 == 0x80 {
			r, n = rune(b&0x1F)<<6|rune(s[e+1]&0x3F), 2
		} else if b >= 0xE0 && b < 0xF0 && e+2 < len(s) && s[e+1]&0xC0 == 0x80 && s[e+2]&0xC0 == 0x80 &&
			(b != 0xE0 || s[e+1] >= 0xA0) && (b != 0xED || s[e+1] < 0xA0) {
			r, n = rune(b&0x0F)<<12|rune(s[e+1]&0x3F)<<6|rune(s[e+2]&0x3F), 3
		} else {
			return -1, 0
		}
		if grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) == 0 {
			break // a rune that joins nothing
		}
		if grapheme.Absorbers.Bits[r>>6]&(1<<(uint32(r)&63)) == 0 {
			return -1, 0
		}
		e += n
		marks++
	}
	return e, marks
}

// latinRuns takes the runes from s[k] on that are each a cluster of one
// unit, in Latin-script text: ASCII but CR, and the runes of
// U+0080..U+037F and U+2000..U+2FFF (accented letters, the smart quotes,
// dashes and ellipsis, symbols) that are no joiners. Plain ASCII (see
// plainMask) goes a word at a time. Between them it takes the common emoji
// clusters (see emojiCluster), packing each whole into pk with the
// one-unit clusters before it, and counts them in t. It stops before a
// rune that what follows might join: only before CR, before an emoji
// cluster it does not take, after an emoji cluster or at the end does it
// keep the last rune. It returns where the runes end, how many clusters
// of one unit there are (those after t.packed are not packed), and how
// many clusters are not GSM-7 and where the first of those starts.
func latinRuns(s string, k int, pk *packing, t *clusterTally) (end, count, nonGSM, firstNonGSM int) {
	start, extra := k, 0 // extra: the bytes beyond the first of each one-unit rune, and those of the emoji clusters
	lastN, lastGSM := 0, false
	firstNonGSM = -1
	var e, u, sc int // an emoji cluster's end, units and scalars
loop:
	for k < len(s) {
		b := s[k]
		if b < 0x80 {
			if len(s) >= 8 {
				var w uint64
				if k+8 <= len(s) {
					w = swar.Load64(s, k)
				} else {
					// The last bytes, and zeros, which are no plain bytes.
					w = swar.Load64(s, len(s)-8) >> (8 * (k + 8 - len(s)))
				}
				bad := plainBad(w) & swar.Hi
				if bad == 0 {
					k += 8
					lastN, lastGSM = 1, true
					continue
				}
				// The plain bytes before the first other one.
				if n := bits.TrailingZeros64(bad) >> 3; n > 0 {
					k += n
					lastN, lastGSM = 1, true
					if k == len(s) {
						break
					}
					b = s[k]
				}
			}
			if b < 0x80 {
				if b == '\r' {
					// CR joins nothing before it.
					return k, k - start - extra, nonGSM, firstNonGSM
				}
				g := gsm7.ASCII[b] != 0
				if !g {
					if nonGSM == 0 {
						firstNonGSM = k
					}
					nonGSM++
				}
				k++
				lastN, lastGSM = 1, g
				continue
			}
		}
		var r rune
		var n int
		if b >= 0xC2 && b < 0xCE && k+1 < len(s) && s[k+1]&0xC0 == 0x80 {
			r, n = rune(b&0x1F)<<6|rune(s[k+1]&0x3F), 2
		} else if b == 0xE2 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 {
			r, n = 0x2000|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), 3
		} else {
			if b == 0xF0 && k+3 < len(s) && s[k+1] == 0x9F && s[k+2]&0xC0 == 0x80 && s[k+3]&0xC0 == 0x80 {
				// U+1F000..U+1FFFF, emoji and flags: one that is no
				// joiner, or a regional indicator, joins none of the
				// runes taken here, so the last of them stays.
				r = 0x1F000 | rune(s[k+2]&0x3F)<<6 | rune(s[k+3]&0x3F)
				if grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) == 0 || grapheme.IsRI(r) {
					goto emoji
				}
			}
			goto back // another script, another rune of four bytes or an invalid byte
		}
		if grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) != 0 {
			goto back
		}
		{
			g := false
			if r < 0x100 {
				g = gsm7.Latin1[r-0x80] != 0
			} else if r == 0x20AC {
				g = true
			}
			if !g {
				if nonGSM == 0 {
					firstNonGSM = k
				}
				nonGSM++
			}
			k += n
			extra += n - 1
			lastN, lastGSM = n, g
		}
	}
	return k, k - start - extra, nonGSM, firstNonGSM
emoji:
	// An emoji or a flag, which joins none of the runes before it: its
	// cluster, if a common one; else the caller goes on from it.
	if e, u, sc = emojiCluster(s, k, pk.capacity); e < 0 {
		return k, k - start - extra, nonGSM, firstNonGSM
	}
	t.take(pk, k-start-extra, u, sc)
	if nonGSM == 0 {
		firstNonGSM = k
	}
	nonGSM++
	extra += e - k
	k, lastN = e, 0 // nothing after the cluster joins it
	goto loop
back:
	// What is at s[k] may join the last rune: that is left to the caller,
	// but for an emoji of U+2000..U+2FFF and the Extend runes or ZWJ
	// sequence after it, whose cluster is taken here.
	if lastN == 3 {
		p := k - 3
		if e, u, sc = emojiCluster(s, p, pk.capacity); e >= 0 {
			// The rune was taken as a cluster of one unit that is not
			// GSM-7, at p; its cluster now is.
			extra -= 2
			t.take(pk, p-start-extra, u, sc)
			extra += e - p
			k, lastN = e, 0
			goto loop
		}
	}
	if lastN == 0 {
		return k, k - start - extra, nonGSM, firstNonGSM
	}
	k -= lastN
	extra -= lastN - 1
	if !lastGSM {
		if nonGSM--; nonGSM == 0 {
			firstNonGSM = -1
		}
	}
	return k, k - start - extra, nonGSM, firstNonGSM
}

// clusterTally is what latinRuns finds besides clusters of one unit: the
// emoji clusters, their units and scalars, and how many of the one-unit
// clusters before them it has packed.
type clusterTally struct {
	clusters, units, scalars, packed int
}

// take packs the one-unit clusters up to ones (those not yet packed), then
// a cluster of u units and sc scalars, which must not straddle a cut.
func (t *clusterTally) take(pk *packing, ones, u, sc int) {
	pk.add(ones - t.packed)
	pk.whole(u)
	t.packed = ones
	t.clusters++
	t.units += u
	t.scalars += sc
}

// emojiCluster returns the end, units and scalars of the emoji cluster at
// s[k], which must start a cluster that joins nothing before it: an
// emoji of U+1F000..U+1FFFF that is no joiner, or one of U+2000..U+2FFF
// that is Extended_Pictographic (GB11), or one or two regional indicators
// (GB12, GB13); then Extend runes (emoji modifiers, VS16, the keycap,
// tags), ZWJ and another pictograph after an emoji (GB11), and no other
// joiner. end is -1 when s[k] starts no such cluster, when an unusual
// rune follows (the general scan sees those), or when the cluster holds
// more than capacity units. Whatever follows a cluster it returns starts
// one of its own.
func emojiCluster(s string, k, capacity int) (end, units, scalars int) {
	var r rune
	e := k
	if b := s[k]; b == 0xF0 && k+3 < len(s) && s[k+1] == 0x9F && s[k+2]&0xC0 == 0x80 && s[k+3]&0xC0 == 0x80 {
		r, e, units = 0x1F000|rune(s[k+2]&0x3F)<<6|rune(s[k+3]&0x3F), k+4, 2
	} else if b == 0xE2 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 {
		r, e, units = 0x2000|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), k+3, 1
	} else {
		return -1, 0, 0
	}
	scalars = 1
	emoji := grapheme.ExtPicts.Bits[r>>6]&(1<<(uint32(r)&63)) != 0
	if grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) != 0 {
		if !grapheme.IsRI(r) {
			return -1, 0, 0
		}
		// A flag: a regional indicator and the next one, if any.
		if e+3 < len(s) && s[e] == 0xF0 && s[e+1] == 0x9F && s[e+2] == 0x87 && s[e+3] >= 0xA6 && s[e+3] <= 0xBF {
			e += 4
			units += 2
			scalars++
		}
	} else if !emoji && units == 1 {
		return -1, 0, 0 // punctuation or a symbol: latinRuns's or the scan's
	}
	for e < len(s) && s[e] >= 0x80 {
		r, n := decodeValid(s, e)
		if n == 0 || !grapheme.Joiners.Has(r) || grapheme.IsRI(r) {
			break // an invalid byte or a rune that joins nothing before it
		}
		if grapheme.Absorbers.Has(r) {
			emoji = emoji && grapheme.Extends.Has(r)
			e += n
			units += grapheme.UTF16Units(r)
			scalars++
			continue
		}
		if r != 0x200D || !emoji || e+3 >= len(s) {
			return -1, 0, 0
		}
		// ZWJ after an emoji and its Extend runes: the pictograph after
		// it joins them.
		r3, n3 := decodeValid(s, e+3)
		if n3 == 0 || !grapheme.ExtPicts.Has(r3) {
			return -1, 0, 0
		}
		e += 3 + n3
		units += 1 + grapheme.UTF16Units(r3)
		scalars += 2
	}
	if units > capacity {
		return -1, 0, 0
	}
	return e, units, scalars
}

// decodeValid decodes the rune of two to four bytes at s[k]; n is 0 when
// none starts there (an ASCII or invalid byte).
func decodeValid(s string, k int) (r rune, n int) {
	b := s[k]
	switch {
	case b >= 0xC2 && b < 0xE0 && k+1 < len(s) && s[k+1]&0xC0 == 0x80:
		return rune(b&0x1F)<<6 | rune(s[k+1]&0x3F), 2
	case b >= 0xE0 && b < 0xF0 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 &&
		(b != 0xE0 || s[k+1] >= 0xA0) && (b != 0xED || s[k+1] < 0xA0):
		return rune(b&0x0F)<<12 | rune(s[k+1]&0x3F)<<6 | rune(s[k+2]&0x3F), 3
	case b >= 0xF0 && b < 0xF5 && k+3 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 && s[k+3]&0xC0 == 0x80 &&
		(b != 0xF0 || s[k+1] >= 0x90) && (b != 0xF4 || s[k+1] < 0x90):
		return rune(b&0x07)<<18 | rune(s[k+1]&0x3F)<<12 | rune(s[k+2]&0x3F)<<6 | rune(s[k+3]&0x3F), 4
	}
	return 0, 0
}
