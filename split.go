package sms

//go:generate go run ./internal/gen/corpus/cmd

import (
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"

	"github.com/smsgauge/sms/internal/grapheme"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

// The splitters find the segment boundaries of a body in one pass, with the
// fast paths of the scans that Analyze runs (scanGSM, scanUCS2): whole runs
// of plain ASCII are taken a word at a time and cut by arithmetic, and runes
// that cannot join a neighbour, with the combining marks after them, are
// taken in a loop of their own (unitRun) without the grapheme engine; only
// another joiner, or a rune such a joiner follows, goes through
// grapheme.Next. They cut at the concatenated capacity; the caller turns
// the result into a single segment when the whole body fits one. A body of
// plain bytes only is cut by arithmetic before any splitter runs.

// splitAt is where a splitter starts, or where a stopped one may go on: a
// cut, where segment index begins at byte offset. A cut inside a cluster
// larger than a segment has inside set to the end of that cluster (UCS-2).
type splitAt struct {
	offset int
	index  int
	inside int
}

// cut is a segment a bounded splitter found: the byte offset where it
// ends and the units it holds. Its other fields follow from the cuts
// before it, the capacity and the encoding.
type cut struct{ end, units int }

// cutBuf holds the cuts of a bounded splitter, on the stack: it holds no
// pointers, so that storing a cut takes no write barrier and the buffer
// is little to zero.
type cutBuf struct {
	n    int
	cuts [splitBuf]cut
}

// splitBuf is the number of segments the bounded splits of Split and
// SplitSeq hold on the stack before they know the encoding and the count.
const splitBuf = 16

// A splitter passes the segments it finds to yield if it is not nil;
// otherwise, when it is bounded (cb is not nil), to cb while it has room;
// otherwise it appends them to dst.

// Splitter results.
const (
	splitDone    = iota // every segment was passed on
	splitStopped        // cb was full or yield wanted no more: go on from the returned splitAt
	splitNotGSM         // the body is not GSM-7 (splitGSM only)
)

// splitGSM passes on the GSM-7 segments of s of capacity septets, from the
// cut at, without splitting an escape pair. It stops with splitNotGSM at
// the first character that is not GSM-7 or the first invalid byte, and
// with splitStopped, telling where to go on, when cb is full or yield
// wants no more. units is the septets of the segments it passed on. The
// caller knows s[:plain] to be plain bytes (see plainMask).
func splitGSM(dst []Segment, cb *cutBuf, s string, capacity int, at splitAt, plain int, yield func(Segment) bool) (_ []Segment, next splitAt, res, units int) {
	pos := 0
	ok := true
	nextWord := 0 // where a word-at-a-time check may next be tried
	for i := at.offset; i < len(s); {
		var n int
		start := i
		b := s[i]
		switch {
		case b < 0x80:
			if i >= nextWord && i+8 <= len(s) {
				// The order of the bytes does not matter here.
				w := *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
				if plainBad(w)&swar.Hi != 0 {
					// Eight ASCII bytes with escapes among them: take the
					// word at once when no cut can fall inside it.
					if w&swar.Hi == 0 && pos+16 <= capacity {
						extra, bad, _ := asciiWord(w)
						if bad {
							return dst, at, splitNotGSM, units
						}
						pos += 8 + extra
						i += 8
						continue
					}
					nextWord = i + 8
					goto one
				}
				// Plain bytes, one septet each: the cuts among them are
				// arithmetic.
				lim := runLimit(s, i, cb, capacity)
				j := min(max(plain, i), lim) // known plain up to j
				m := j - i + plainRun(s[:lim], j)
				if pos+m > capacity {
					var cut int
					if dst, at, cut, ok = cutPlain(dst, cb, s, at, i, pos, m, capacity, yield); !ok {
						return dst, at, splitStopped, units + cut
					}
					units += cut
					i += cut - pos
					m -= cut - pos
					pos = 0
				}
				pos += m
				i += m
				continue
			}
		one:
			n = int(gsm7.ASCII[b])
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if e, ok := gsm7.Lookup(r); ok {
				n = int(e.Septets)
			}
			i += size
		}
		if n == 0 {
			return dst, at, splitNotGSM, units
		}
		if pos+n > capacity {
			if dst, at, ok = cutAt(dst, cb, s, at, start, pos, capacity, 7, start, yield); !ok {
				return dst, at, splitStopped, units
			}
			units += pos
			pos = 0
		}
		pos += n
	}
	if dst, at, ok = cutAt(dst, cb, s, at, len(s), pos, capacity, 7, len(s), yield); !ok {
		return dst, at, splitStopped, units
	}
	return dst, at, splitDone, units + pos
}

// runLimit is how far a splitter bounded to the room left in cb needs to
// look for the end of a run that starts at s[i]: a unit a byte at least,
// the run cannot fill more than that room and a segment besides.
func runLimit(s string, i int, cb *cutBuf, capacity int) int {
	if cb == nil {
		return len(s)
	}
	return i + min(len(s)-i, (splitBuf-cb.n+1)*capacity)
}

// splitUCS2 passes on the UCS-2 segments of s of capacity units, from the
// cut at, without splitting a grapheme cluster (nextCluster's billing
// units, so CR LF may be cut), except one larger than a whole segment,
// which is cut between code points. It stops with splitStopped, telling
// where to go on, when cb is full or yield wants no more. units is the
// code units of the segments it passed on.
func splitUCS2(dst []Segment, cb *cutBuf, s string, capacity int, at splitAt, yield func(Segment) bool) (_ []Segment, next splitAt, res, units int) {
	pos := 0
	ok := true
	i := at.offset
	over := at.inside                      // the end of a cluster too large for a segment, being cut between code points
	peekAt, peekR, peekN := -1, rune(0), 0 // the rune decoded ahead
	// A run placed in one piece ends at backEnd, its last rune, of backUnits
	// units, at backStart: a joiner at backEnd takes that rune back.
	backStart, backEnd, backUnits := -1, -1, 1
	for i < len(s) {
		if over > i {
			r, n := utf8.DecodeRuneInString(s[i:])
			u := grapheme.UTF16Units(r)
			if pos+u > capacity {
				if dst, at, ok = cutAt(dst, cb, s, at, i, pos, capacity, 16, over, yield); !ok {
					return dst, at, splitStopped, units
				}
				units += pos
				pos = 0
			}
			pos += u
			i += n
			continue
		}
		var u, end int
		if s[i] < 0x80 {
			// ASCII bytes are one-unit clusters of their own, unless a
			// joiner follows the last: see below.
			j := swar.ASCIIEnd(s[:runLimit(s, i, cb, capacity)], i)
			m := j - i
			for pos+m > capacity {
				i += capacity - pos
				m -= capacity - pos
				if dst, at, ok = cutAt(dst, cb, s, at, i, capacity, capacity, 16, i, yield); !ok {
					return dst, at, splitStopped, units
				}
				units += capacity
				pos = 0
			}
			pos += m
			i = j
			backStart, backEnd, backUnits = j-1, j, 1
			continue
		}
		// Runes that are no joiners, each a cluster unless a joiner
		// follows the last, as many as the segment has room for.
		if room := capacity - pos; room > 0 {
			if end, n, last, lastUnits := unitRun(s, i, room); n > 0 {
				pos += n
				i = end
				backStart, backEnd, backUnits = last, end, lastUnits
				continue
			}
		}
		// A rune that no joiner follows and that is no joiner itself is a
		// cluster of its own.
		var r rune
		var n int
		if peekAt == i {
			r, n = peekR, peekN
		} else {
			r, n = grapheme.DecodeAt(s, i)
		}
		alone := !grapheme.IsJoiner(r)
		end = i + n
		if alone && end < len(s) && s[end] >= 0x80 {
			peekR, peekN = grapheme.DecodeAt(s, end)
			peekAt = end
			alone = !grapheme.IsJoiner(peekR)
		}
		if alone {
			u = grapheme.UTF16Units(r)
		} else {
			if i == backEnd && backStart >= at.offset {
				// The rune placed just before a joiner, as the last of a
				// run, may belong to its cluster: take it back. Had it
				// opened a segment, the cluster, larger, opens one there too.
				i = backStart
				pos -= backUnits
				backEnd = -1
			}
			cl := grapheme.Next(s, i)
			u, end = cl.Units, cl.End
		}
		if u > capacity {
			over = end
			continue
		}
		if pos+u > capacity {
			if dst, at, ok = cutAt(dst, cb, s, at, i, pos, capacity, 16, i, yield); !ok {
				return dst, at, splitStopped, units
			}
			units += pos
			pos = 0
		}
		pos += u
		i = end
	}
	if dst, at, ok = cutAt(dst, cb, s, at, len(s), pos, capacity, 16, len(s), yield); !ok {
		return dst, at, splitStopped, units
	}
	return dst, at, splitDone, units + pos
}

// unitRun takes the valid runes from s[k] on that are no joiners, as many
// as fit in room units: ASCII bytes (CR and LF too: a cut may fall
// between them) and runes of two and three bytes are one unit, runes of
// four bytes two. Each is a cluster of its own, unless a joiner follows
// the last, which the caller sees next; but combining marks of two or
// three bytes after a rune, and nothing after them that could join them,
// are taken with it when they fit, one unit each. It returns where the
// runes end, their units, and where the last starts and its units (a
// joiner never follows a mark it took).
func unitRun(s string, k, room int) (end, units, last, lastUnits int) {
	start := k
outer:
	for k < len(s) {
		if s[k] < 0x80 {
			// The ASCII bytes of the next eight, up to the first other.
			n := 1
			if k+8 <= len(s) {
				n = asciiLead(swar.Load64(s, k))
			} else if len(s) >= 8 {
				// The last bytes, read from the end of s.
				n = min(asciiLead(swar.Load64(s, len(s)-8)>>(8*(k+8-len(s)))), len(s)-k)
			}
			if units+n > room {
				if n = room - units; n == 0 {
					break
				}
			}
			k += n
			units += n
			continue
		}
		// Other runes, up to the next ASCII byte.
		for {
			var r rune
			var n int
			if k+4 <= len(s) {
				// Four bytes at once: the rune's form is checked on them
				// with masks, its range once decoded.
				w := uint32(s[k]) | uint32(s[k+1])<<8 | uint32(s[k+2])<<16 | uint32(s[k+3])<<24
				switch {
				case w&0xC0E0 == 0x80C0:
					r, n = rune(w&0x1F)<<6|rune(w>>8&0x3F), 2
					if r < 0x80 {
						break outer
					}
				case w&0xC0C0F0 == 0x8080E0:
					r, n = rune(w&0x0F)<<12|rune(w>>8&0x3F)<<6|rune(w>>16&0x3F), 3
					if r < 0x800 || r >= 0xD800 && r < 0xE000 {
						break outer
					}
				case w&0xC0C0C0F8 == 0x808080F0:
					r = rune(w&0x07)<<18 | rune(w>>8&0x3F)<<12 | rune(w>>16&0x3F)<<6 | rune(w>>24&0x3F)
					if r < 0x10000 || r > 0x10FFFF || units+2 > room || grapheme.Joiners.Has(r) {
						break outer // invalid, or a rune that joins or does not fit
					}
					k += 4
					units += 2
					if k == len(s) || s[k] < 0x80 {
						continue outer
					}
					continue
				default:
					break outer // an invalid byte
				}
			} else {
				// The last bytes of s: a rune of four bytes cannot start
				// here but at the very start of them.
				b := s[k]
				switch {
				case b >= 0xC2 && b < 0xE0 && k+1 < len(s) && s[k+1]&0xC0 == 0x80:
					r, n = rune(b&0x1F)<<6|rune(s[k+1]&0x3F), 2
				case b >= 0xE0 && b < 0xF0 && k+2 < len(s) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 &&
					(b != 0xE0 || s[k+1] >= 0xA0) && (b != 0xED || s[k+1] < 0xA0):
					r, n = rune(b&0x0F)<<12|rune(s[k+1]&0x3F)<<6|rune(s[k+2]&0x3F), 3
				default:
					break outer // an invalid byte
				}
			}
			if units == room {
				break outer
			}
			if grapheme.Joiners.Bits[r>>6]&(1<<(uint32(r)&63)) != 0 {
				// Combining marks after the last rune taken, and nothing
				// after them that could join them: they go with it, in the
				// same segment, if they fit. Whether they make one cluster
				// with it (not after a control) does not matter then: no
				// cut falls among them. Anything else is left to the
				// caller.
				if k == start || grapheme.Absorbers.Bits[r>>6]&(1<<(uint32(r)&63)) == 0 {
					break outer
				}
				e, marks := markRun(s, k+n) // the marks after the first
				if e < 0 || units+1+marks > room {
					break outer
				}
				k = e
				units += 1 + marks
				continue outer
			}
			k += n
			units++
			if k == len(s) || s[k] < 0x80 {
				continue outer
			}
		}
	}
	if k == start {
		return k, 0, 0, 0
	}
	// The last rune taken, valid, starts at the last byte before k that is
	// no continuation byte; of four bytes, it is two units.
	last = k - 1
	for s[last]&0xC0 == 0x80 {
		last--
	}
	return k, units, last, 1 + (k-last)>>2
}

// asciiLead is how many of the bytes of w, from the first, are ASCII,
// up to the first that is not.
func asciiLead(w uint64) int {
	if m := w & swar.Hi; m != 0 {
		return bits.TrailingZeros64(m) >> 3
	}
	return 8
}

// cutPlain cuts a run of m plain bytes at s[i], one septet each, that
// does not fit the current segment, which holds pos septets: it passes on
// the full segments it ends, and returns the septets in them and where the
// next starts. ok is false as for cutAt, the septets and at then counting
// the segments passed on.
func cutPlain(dst []Segment, cb *cutBuf, s string, at splitAt, i, pos, m, capacity int, yield func(Segment) bool) (_ []Segment, next splitAt, units int, ok bool) {
	for pos+m > capacity {
		i += capacity - pos
		m -= capacity - pos
		switch {
		case yield != nil:
			if !yield(Segment{Index: at.index, Offset: at.offset, Text: s[at.offset:i], Units: capacity, Capacity: capacity, Bits: 7 * capacity}) {
				return dst, at, units, false
			}
		case cb != nil:
			if cb.n == splitBuf {
				return dst, at, units, false
			}
			cb.cuts[cb.n] = cut{i, capacity}
			cb.n++
		default:
			dst = putSegment(dst, at, s[at.offset:i], capacity, capacity, 7)
		}
		units += capacity
		at = splitAt{offset: i, index: at.index + 1, inside: i}
		pos = 0
	}
	return dst, at, units, true
}

// cutAt passes on the segment that starts at at and ends at byte end,
// holding n units: to yield if it is not nil, else to cb if it is not nil,
// else appended to dst. It returns where the next one starts (inside the
// cluster that ends at inside, if inside > end). ok is false, with nothing
// passed on, when yield wants no more, or when cb is full.
//
// It is kept out of line: it runs once a segment, and inlined at each cut
// it would only make the splitters larger.
//
//go:noinline
func cutAt(dst []Segment, cb *cutBuf, s string, at splitAt, end, n, capacity, bitsPer, inside int, yield func(Segment) bool) (_ []Segment, next splitAt, ok bool) {
	switch {
	case yield != nil:
		if !yield(Segment{Index: at.index, Offset: at.offset, Text: s[at.offset:end], Units: n, Capacity: capacity, Bits: bitsPer * n}) {
			return dst, at, false
		}
	case cb != nil:
		if cb.n == splitBuf {
			return dst, at, false
		}
		cb.cuts[cb.n] = cut{end, n}
		cb.n++
	default:
		dst = putSegment(dst, at, s[at.offset:end], n, capacity, bitsPer)
	}
	return dst, splitAt{offset: end, index: at.index + 1, inside: inside}, true
}

// putSegment appends to dst the segment that starts at at, holding text
// of n units. Its fields are stored one by one into dst's memory: a
// Segment built apart and then copied is stored a word at a time and
// loaded back sixteen bytes at a time, which the processor cannot forward
// from the stores, and that stall cost more than the rest of a cut.
func putSegment(dst []Segment, at splitAt, text string, n, capacity, bitsPer int) []Segment {
	if len(dst) == cap(dst) {
		// Not slices.Grow: under the race detector its make is not folded
		// into the growth, an allocation more.
		dst = append(dst, Segment{})[:len(dst)]
	}
	dst = dst[:len(dst)+1]
	sg := &dst[len(dst)-1]
	sg.Index = at.index
	sg.Offset = at.offset
	sg.Text = text
	sg.Units = n
	sg.Capacity = capacity
	sg.Bits = bitsPer * n
	return dst
}

// gsm7Multi and ucs2Multi are the units of a concatenated part with a UDH of
// udh octets.
func gsm7Multi(udh int) int { return (userDataBits - 8*udh) / 7 }
func ucs2Multi(udh int) int { return (userDataBits - 8*udh) / 16 }

// splitRun splits body from its start, appending to dst or, if cb is not
// nil, into cb, as the encoding choice and UDH size ask: GSM-7 when enc
// allows it and the body is GSM-7, otherwise UCS-2; ucs2 tells which. res
// is splitNotGSM, with dst as it came, only when GSM-7 is forced on a body
// that is not. body[:plain] is known to be plain bytes.
func splitRun(dst []Segment, cb *cutBuf, body string, enc Encoding, udh, plain int) (_ []Segment, next splitAt, res, units int, ucs2 bool) {
	base := len(dst)
	if enc != EncodingUCS2 {
		out, next, res, units := splitGSM(dst, cb, body, gsm7Multi(udh), splitAt{}, plain, nil)
		if res != splitNotGSM {
			return out, next, res, units, false
		}
		clear(out[base:])
		if cb != nil {
			cb.n = 0
		}
		if enc == EncodingGSM7 {
			return dst, next, splitNotGSM, 0, false
		}
	}
	dst, next, res, units = splitUCS2(dst, cb, body, ucs2Multi(udh), splitAt{}, nil)
	return dst, next, res, units, true
}

// single turns the segments of a whole body, appended after dst[base], into
// one when the body fits a single segment of that encoding.
func single(dst []Segment, base int, body string, units int, ucs2 bool) []Segment {
	capacity, bitsPer := singleOf(ucs2)
	if units > capacity {
		return dst
	}
	clear(dst[base:])
	dst = dst[:base+1] // a body, even empty, has a segment
	sg := &dst[base]
	sg.Text = body
	sg.Units = units
	sg.Capacity = capacity
	sg.Bits = bitsPer * units
	return dst
}

// singleOf is the capacity and the bits a unit of a single segment.
func singleOf(ucs2 bool) (capacity, bitsPer int) {
	if ucs2 {
		return SingleUCS2Units, 16
	}
	return SingleGSM7Septets, 7
}

// multiOf is the capacity and the bits a unit of a concatenated part.
func multiOf(ucs2 bool, udh int) (capacity, bitsPer int) {
	if ucs2 {
		return ucs2Multi(udh), 16
	}
	return gsm7Multi(udh), 7
}

// plainPrefix returns how many bytes from the start of s are plain (see
// plainMask), one septet each, in whole words, and whether all of s is;
// that is never said of a body under 8 bytes. The splitters are told
// where the plain bytes end, so that they do not look at them again.
func plainPrefix(s string) (n int, all bool) {
	if len(s) < 8 {
		return 0, false
	}
	// Whole words up to the first that is not plain, and then the last
	// bytes, as the word that ends s.
	n = plainRun(s, 0)
	return n, len(s)-n < 8 && plainBad(swar.Load64(s, len(s)-8))&swar.Hi == 0
}

// plainSegments is how many GSM-7 segments a plain body of n bytes
// makes, and their capacity.
func plainSegments(n, udh int) (segs, capacity int) {
	if n <= SingleGSM7Septets {
		return 1, SingleGSM7Septets
	}
	capacity = gsm7Multi(udh)
	return (n + capacity - 1) / capacity, capacity
}

// fillPlain stores into segs the segments of a plain body, of capacity
// septets each, the last holding the rest.
func fillPlain(segs []Segment, body string, capacity int) {
	off := 0
	for j := range segs {
		end := min(off+capacity, len(body))
		sg := &segs[j]
		sg.Index = j
		sg.Offset = off
		sg.Text = body[off:end]
		sg.Units = end - off
		sg.Capacity = capacity
		sg.Bits = 7 * (end - off)
		off = end
	}
}

// appendSplit appends the segments of body to dst, in one pass when the
// body is GSM-7 or when UCS-2 is forced. ok is false, with dst returned
// unchanged, only when GSM-7 is forced on a body that is not GSM-7.
func appendSplit(dst []Segment, body string, enc Encoding, udh int) ([]Segment, bool) {
	plain := 0
	if enc != EncodingUCS2 {
		var all bool
		if plain, all = plainPrefix(body); all {
			// Plain text, one septet a byte: the cuts are arithmetic.
			n, capacity := plainSegments(len(body), udh)
			dst = slices.Grow(dst, n)
			fillPlain(dst[len(dst):len(dst)+n], body, capacity)
			return dst[:len(dst)+n], true
		}
	}
	out, _, res, units, ucs2 := splitRun(dst, nil, body, enc, udh, plain)
	if res == splitNotGSM {
		return dst, false
	}
	return single(out, len(dst), body, units, ucs2), true
}

// fillCuts stores into segs, one for each, the segments of body that cuts
// holds, the first cut ending the first segment, each of capacity units
// of bitsPer bits.
func fillCuts(segs []Segment, body string, cuts []cut, capacity, bitsPer int) {
	segs = segs[:len(cuts)]
	off := 0
	for j, c := range cuts {
		sg := &segs[j]
		sg.Index = j
		sg.Offset = off
		sg.Text = body[off:c.end]
		sg.Units = c.units
		sg.Capacity = capacity
		sg.Bits = bitsPer * c.units
		off = c.end
	}
}

// yieldCuts passes to yield the segments of body that cuts holds, as
// fillCuts makes them; false when yield wants no more.
func yieldCuts(body string, cuts []cut, capacity, bitsPer int, yield func(Segment) bool) bool {
	off := 0
	for j, c := range cuts {
		if !yield(Segment{Index: j, Offset: off, Text: body[off:c.end], Units: c.units, Capacity: capacity, Bits: bitsPer * c.units}) {
			return false
		}
		off = c.end
	}
	return true
}

// splitAlloc returns the segments of body in a new slice, splitting it in
// one pass: into cuts on the stack first, and once those are full into a
// slice sized by how much of the body they took.
func splitAlloc(body string, enc Encoding, udh int) ([]Segment, bool) {
	plain := 0
	if enc != EncodingUCS2 {
		var all bool
		if plain, all = plainPrefix(body); all {
			// Plain text, one septet a byte: the cuts are arithmetic.
			n, capacity := plainSegments(len(body), udh)
			out := make([]Segment, n)
			fillPlain(out, body, capacity)
			return out, true
		}
	}
	var cb cutBuf
	_, at, res, units, ucs2 := splitRun(nil, &cb, body, enc, udh, plain)
	switch res {
	case splitNotGSM:
		return nil, false
	case splitDone:
		if capacity, bitsPer := singleOf(ucs2); units <= capacity {
			out := make([]Segment, 1)
			sg := &out[0]
			sg.Text = body
			sg.Units = units
			sg.Capacity = capacity
			sg.Bits = bitsPer * units
			return out, true
		}
		out := make([]Segment, cb.n)
		capacity, bitsPer := multiOf(ucs2, udh)
		fillCuts(out, body, cb.cuts[:cb.n], capacity, bitsPer)
		return out, true
	}
	// More segments than the buffer holds. They took at.offset > 0 bytes:
	// every part before the last holds at least one unit.
	n := cb.n
	est := n * len(body) / at.offset
	out := make([]Segment, n, est+est/8+2)
	capacity, bitsPer := multiOf(ucs2, udh)
	fillCuts(out, body, cb.cuts[:n], capacity, bitsPer)
	if !ucs2 {
		out, _, res, _ = splitGSM(out, nil, body, capacity, at, plain, nil)
		if res != splitNotGSM {
			return out, true
		}
		if enc == EncodingGSM7 {
			return nil, false
		}
		clear(out)
		out, _, _, units = splitUCS2(out[:0], nil, body, ucs2Multi(udh), splitAt{}, nil)
		return single(out, 0, body, units, true), true
	}
	out, _, _, _ = splitUCS2(out, nil, body, capacity, at, nil)
	return out, true
}

// splitSeq passes the segments of body to yield. The encoding, and whether
// the body fits one segment, are known only at its end, so it splits into
// cuts on the stack first; past those, a UCS-2 body goes on straight to
// yield, and a GSM-7 one once the rest of it is known to be GSM-7. ok is
// false only when GSM-7 is forced on a body that is not; then nothing was
// yielded.
func splitSeq(body string, enc Encoding, udh int, yield func(Segment) bool) bool {
	if len(body) <= SingleGSM7Septets {
		// Most such bodies fit one segment, which the analysis says at
		// once; the rest are walked from it.
		a, ok := analyze(body, enc, udh)
		if ok {
			a.walk(nil, yield)
		}
		return ok
	}
	plain := 0
	if enc != EncodingUCS2 {
		var all bool
		if plain, all = plainPrefix(body); all {
			// Plain text, one septet a byte: the cuts are arithmetic.
			capacity := gsm7Multi(udh)
			for j, off := 0, 0; off < len(body); j, off = j+1, off+capacity {
				end := min(off+capacity, len(body))
				if !yield(Segment{Index: j, Offset: off, Text: body[off:end], Units: end - off, Capacity: capacity, Bits: 7 * (end - off)}) {
					break
				}
			}
			return true
		}
	}
	var cb cutBuf
	_, at, res, units, ucs2 := splitRun(nil, &cb, body, enc, udh, plain)
	if res == splitNotGSM {
		return false
	}
	if res == splitStopped && !ucs2 {
		if _, ok := scanGSM(body[at.offset:], gsm7Multi(udh)); ok {
			if yieldCuts(body, cb.cuts[:cb.n], gsm7Multi(udh), 7, yield) {
				splitGSM(nil, nil, body, gsm7Multi(udh), at, plain, yield)
			}
			return true
		}
		if enc == EncodingGSM7 {
			return false
		}
		cb.n = 0
		_, at, res, units = splitUCS2(nil, &cb, body, ucs2Multi(udh), splitAt{}, nil)
		ucs2 = true
	}
	if res == splitDone {
		if capacity, bitsPer := singleOf(ucs2); units <= capacity {
			yield(Segment{Text: body, Units: units, Capacity: capacity, Bits: bitsPer * units})
			return true
		}
		capacity, bitsPer := multiOf(ucs2, udh)
		yieldCuts(body, cb.cuts[:cb.n], capacity, bitsPer, yield)
		return true
	}
	if yieldCuts(body, cb.cuts[:cb.n], ucs2Multi(udh), 16, yield) {
		splitUCS2(nil, nil, body, ucs2Multi(udh), at, yield)
	}
	return true
}

// walk passes the segments of the analysed body to yield (or, if yield is
// nil, appends them to dst).
func (a Analysis) walk(dst []Segment, yield func(Segment) bool) []Segment {
	if a.Segments <= 1 {
		bitsPer := 7
		if a.Encoding == EncodingUCS2 {
			bitsPer = 16
		}
		dst, _, _ = cutAt(dst, nil, a.body, splitAt{}, len(a.body), a.Units, a.Capacity, bitsPer, 0, yield)
		return dst
	}
	if a.Encoding == EncodingUCS2 {
		dst, _, _, _ = splitUCS2(dst, nil, a.body, a.Capacity, splitAt{}, yield)
		return dst
	}
	return walkGSM(dst, a.body, a.Capacity, yield)
}

// walkGSM passes the segments of s, a GSM-7 body, of capacity septets, to
// yield, or appends them to dst if yield is nil: a rune at a time, which
// costs more than splitGSM only for long bodies of more than one segment,
// and keeps splitGSM out of the programs that only walk analyses (the
// WebAssembly calculator has a size budget).
func walkGSM(dst []Segment, s string, capacity int, yield func(Segment) bool) []Segment {
	at, pos, ok := splitAt{}, 0, true
	for i, r := range s {
		u := 1
		if r >= 0x80 || gsm7.ASCII[r] != 1 {
			u = GSM7Septets(r)
		}
		if pos+u > capacity {
			if dst, at, ok = cutAt(dst, nil, s, at, i, pos, capacity, 7, i, yield); !ok {
				return dst
			}
			pos = 0
		}
		pos += u
	}
	dst, _, _ = cutAt(dst, nil, s, at, len(s), pos, capacity, 7, len(s), yield)
	return dst
}
