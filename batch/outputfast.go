package batch

import (
	"math/bits"
	"slices"
)

// The fast path of the CSV output: the common row (no error, no smart or
// suggest columns, a short id that needs no quotes, a precomputed tail) is
// written into spare capacity with fixed-size copies for its constant parts
// (region and encoding; price, cost and currency), instead of one append,
// and so one memmove call, per part. appendCSV writes every other row; both
// give the same bytes.

// text16 and text48 are short constant parts of a row, padded to a fixed
// size so that they are copied with a few wide moves; n bytes are meaningful.
type text16 struct {
	b  [16]byte
	n  uint8
	ok bool // the text fits
}

type text48 struct {
	b  [48]byte
	n  uint8
	ok bool // the text fits
}

func newText16(s string) (t text16) {
	if len(s) <= len(t.b) {
		copy(t.b[:], s)
		t.n, t.ok = uint8(len(s)), true
	}
	return t
}

func newText48(s string) (t text48) {
	if len(s) <= len(t.b) {
		copy(t.b[:], s)
		t.n, t.ok = uint8(len(s)), true
	}
	return t
}

// regionEncFixed is regionEncText as fixed texts.
var regionEncFixed [numRegions + 1][3]text16

// unpricedTail ends a row without prices.
var unpricedTail = newText48(",,,,\n")

func init() {
	for r := range regionEncFixed {
		for e := range regionEncFixed[r] {
			regionEncFixed[r][e] = newText16(regionEncText[r][e])
		}
	}
}

// fastRowMax bounds what the fast path writes: line (20 digits), id (at most
// fastIDMax), the fixed texts and three integers, with the separators.
const (
	fastIDMax  = 32
	fastRowMax = 24 + 1 + fastIDMax + 1 + 16 + 3*21 + 48
)

// appendCSVFast appends the CSV row of a successful row if it takes the
// fast path; ok false means appendCSV must write it.
func (w *worker) appendCSVFast(dst []byte, out *rowOut) (_ []byte, ok bool) {
	id := out.id
	e := out.a.Encoding
	if len(id) > fastIDMax || e > 2 || out.idJSON || out.line < 0 {
		return dst, false
	}
	tail := &unpricedTail
	if out.priced {
		s := out.a.Segments
		if s < 0 || s >= costCache || !out.pe.tailFixed[s].ok {
			return dst, false
		}
		tail = &out.pe.tailFixed[s]
	}
	for _, c := range id {
		if csvSpecial[c] {
			return dst, false
		}
	}
	if cap(dst)-len(dst) < fastRowMax {
		dst = slices.Grow(dst, fastRowMax)
	}
	n := len(dst)
	buf := dst[:n+fastRowMax]
	n = w.line.put(buf, n, out.line)
	buf[n] = ','
	n++
	n += copy(buf[n:], id)
	buf[n] = ','
	n++
	re := &regionEncFixed[out.region][e]
	*(*[16]byte)(buf[n:]) = re.b
	n += int(re.n)
	n = putUint(buf, n, uint64(out.a.Segments))
	buf[n] = ','
	n++
	n = putUint(buf, n, uint64(out.a.Characters))
	buf[n] = ','
	n++
	n = putUint(buf, n, uint64(out.a.Units))
	*(*[48]byte)(buf[n:]) = tail.b
	n += int(tail.n)
	return buf[:n], true
}

// csvSpecial marks the bytes that make a CSV field need quotes.
var csvSpecial = [256]bool{',': true, '"': true, '\n': true, '\r': true}

// lineText is the decimal text of the last line number written by a worker:
// rows come in order, most one line after the previous, so the next text is
// usually the last one plus one, a digit changed in place.
type lineText struct {
	b [24]byte // digits, left-aligned
	n int      // digits in b; 0 before the first use
	v int64
}

// put writes line (>= 0) in decimal at buf[n:], which has room for 24
// bytes, and returns the offset after it.
func (t *lineText) put(buf []byte, n int, line int64) int {
	if t.n > 0 && line == t.v+1 {
		i := t.n - 1
		for i >= 0 && t.b[i] == '9' {
			t.b[i] = '0'
			i--
		}
		if i >= 0 {
			t.b[i]++
			t.v = line
			*(*[24]byte)(buf[n:]) = t.b
			return n + t.n
		}
	}
	t.n = putUint(t.b[:], 0, uint64(line)) // a jump, or one more digit
	t.v = line
	*(*[24]byte)(buf[n:]) = t.b
	return n + t.n
}

// putUint writes u in decimal at buf[n:] and returns the offset after it.
// buf must have room for 20 digits.
func putUint(buf []byte, n int, u uint64) int {
	if u < 10 {
		buf[n] = byte('0' + u)
		return n + 1
	}
	if u < 100 {
		buf[n], buf[n+1] = digits2[2*u], digits2[2*u+1]
		return n + 2
	}
	w := (bits.Len64(u) * 1233) >> 12
	if u >= pow10[w] {
		w++
	}
	i := n + w
	end := i
	for u >= 100 {
		r := u % 100
		u /= 100
		i -= 2
		buf[i], buf[i+1] = digits2[2*r], digits2[2*r+1]
	}
	if u >= 10 {
		buf[i-2], buf[i-1] = digits2[2*u], digits2[2*u+1]
	} else {
		buf[i-1] = byte('0' + u)
	}
	return end
}
