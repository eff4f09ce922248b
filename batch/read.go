package batch

import (
	"bytes"
	"context"
	"strings"
	"unicode/utf8"
)

// read cuts the input into batches of whole rows and sends them to work, in
// order. b is the first batch, already filled, with rows starting at pos.
func (p *pipeline) read(ctx context.Context, stop <-chan struct{}, b *batch, pos int, eof bool, work chan<- *batch) {
	o := p.o
	var c csvParser
	line := int64(1)
	if o.Input == CSV {
		// The header was parsed from the same buffer: count its lines.
		line += int64(bytes.Count(b.in[:pos], nlByte))
	}
	base := int64(0) // input offset of b.in[0]
	seq := 0
	skipping := false // discarding the rest of a line after a malformed row
	for {
		b.rows = b.rows[:0]
		for pos < len(b.in) {
			if skipping {
				i := bytes.IndexByte(b.in[pos:], '\n')
				if i < 0 {
					pos = len(b.in)
					break
				}
				pos += i + 1
				skipping = false
				continue
			}
			if o.Input == CSV {
				// The common record, without the general parser.
				rw := row{line: line, f: p.absent}
				if next := fastRecord(b.in, pos, eof, p.colRole, &rw); next >= 0 {
					if next-pos > o.MaxRecordBytes {
						p.checkLength(b.in, pos, next, &rw)
					}
					b.rows = append(b.rows, rw)
					line++
					pos = next
					continue
				}
			}
			var st parseStatus
			var next int
			if o.Input == CSV {
				st, next = c.parse(b.in, pos, eof)
			} else {
				st, next = jsonLine(b.in, pos, eof)
			}
			if st == parsedNeedMore {
				if pos > 0 || eof || p.cut {
					break
				}
				// One row fills the whole buffer: grow it, up to the limit.
				if cap(b.in) < o.MaxRecordBytes+2 { // room for the line end
					nb := make([]byte, len(b.in), min(2*cap(b.in), o.MaxRecordBytes+2))
					copy(nb, b.in)
					n, e, err := p.fill(ctx, nb[:cap(nb)], len(nb))
					b.in, eof = nb[:n], e
					if err != nil {
						p.readErr = &InputError{Reason: err.Error()}
					}
					continue
				}
				b.rows = append(b.rows, row{line: line, err: &RowError{Line: line, Reason: "longer than the limit of " + itoa(o.MaxRecordBytes) + " bytes", Err: ErrTooLong}})
				line++
				skipping = true
				continue
			}
			switch st {
			case parsedOK:
				rw := row{line: line}
				if o.Input == CSV {
					p.csvRow(&c, b.in, &rw)
					line += int64(c.lines)
				} else {
					rw.f[fBody] = span{int32(pos), int32(next - pos)}
					line++
				}
				if next-pos > o.MaxRecordBytes {
					p.checkLength(b.in, pos, next, &rw)
				}
				b.rows = append(b.rows, rw)
				pos = next
			case parsedBlank:
				line++
				pos = next
			case parsedMalformed:
				rerr := &RowError{Line: line, Reason: c.why, Err: ErrMalformed}
				if col := p.cols[fID]; o.Input == CSV && col >= 0 && col < len(c.fields) {
					rerr.ID = fieldString(b.in, c.fields[col], c.esc[col])
				}
				b.rows = append(b.rows, row{line: line, err: rerr})
				line++
				skipping = true
			}
		}
		b.seq = seq
		seq++
		b.inEnd = base + int64(pos)
		work <- b // never blocks: there are no more batches than its capacity
		if eof || p.readErr != nil || p.cut {
			return
		}
		var nb *batch
		select {
		case nb = <-p.free:
		case <-ctx.Done():
			return
		case <-stop:
			return
		}
		if ctx.Err() != nil {
			p.free <- nb
			return
		}
		carry := b.in[pos:]
		if skipping {
			carry = nil // the rest of the buffer was a discarded line
			pos = len(b.in)
		}
		nb.in = growTo(nb.in, max(o.BatchBytes, 2*len(carry)))
		nb.in = append(nb.in, carry...)
		base += int64(pos)
		n, e, err := p.fill(ctx, nb.in[:cap(nb.in)], len(nb.in))
		nb.in, eof = nb.in[:n], e
		if err != nil {
			p.readErr = &InputError{Reason: err.Error()}
		}
		b, pos = nb, 0
	}
}

// checkLength makes rw a too-long row when the record buf[pos:next],
// without its line end, is longer than the limit. A buffer may hold more
// than the limit (it grows to carry a partial row), so the limit is checked
// on each row, not only on a row that fills the buffer.
func (p *pipeline) checkLength(buf []byte, pos, next int, rw *row) {
	end := next
	if end > pos && buf[end-1] == '\n' {
		end--
		if end > pos && buf[end-1] == '\r' {
			end--
		}
	}
	if end-pos > p.o.MaxRecordBytes {
		*rw = row{line: rw.line, err: &RowError{Line: rw.line, Reason: "longer than the limit of " + itoa(p.o.MaxRecordBytes) + " bytes", Err: ErrTooLong}}
	}
}

// csvRow picks the role fields of a parsed record into rw, or marks it
// malformed when its field count differs from the header's.
func (p *pipeline) csvRow(c *csvParser, buf []byte, rw *row) {
	if len(c.fields) != p.nCols {
		rw.err = &RowError{Line: rw.line, Reason: itoa(len(c.fields)) + " fields, the header has " + itoa(p.nCols), Err: ErrMalformed}
		if col := p.cols[fID]; col >= 0 && col < len(c.fields) {
			rw.err.ID = fieldString(buf, c.fields[col], c.esc[col])
		}
		return
	}
	for role, col := range p.cols {
		if col < 0 {
			rw.f[role] = span{0, -1}
			continue
		}
		f := c.fields[col]
		if c.esc[col] {
			f = unescape(buf, f)
		}
		rw.f[role] = f
	}
}

// jsonLine finds the JSON line at buf[p:].
func jsonLine(buf []byte, p int, atEOF bool) (parseStatus, int) {
	i := bytes.IndexByte(buf[p:], '\n')
	end := p + i
	next := end + 1
	if i < 0 {
		if !atEOF {
			return parsedNeedMore, p
		}
		end, next = len(buf), len(buf)
	}
	if len(bytes.TrimSpace(buf[p:end])) == 0 {
		if next == p {
			return parsedNeedMore, p
		}
		return parsedBlank, next
	}
	return parsedOK, next
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	u := uint(n)
	if n < 0 {
		u = uint(-n)
	}
	for {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if n < 0 {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// fieldString returns a field as a string, unescaped, without changing buf
// (a malformed record's lines are parsed again). Invalid UTF-8 gives "".
func fieldString(buf []byte, f span, esc bool) string {
	b := f.bytes(buf)
	if !utf8.Valid(b) {
		return ""
	}
	if esc {
		return strings.ReplaceAll(string(b), `""`, `"`)
	}
	return string(b)
}
