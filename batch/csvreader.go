package batch

import (
	"bytes"
)

// span is a field of a record: buf[off:off+n]. n < 0 means absent.
type span struct {
	off, n int32
}

func (s span) bytes(buf []byte) []byte {
	if s.n < 0 {
		return nil
	}
	return buf[s.off : s.off+s.n]
}

// parseStatus is the outcome of parsing one record.
type parseStatus uint8

const (
	parsedOK        parseStatus = iota
	parsedBlank                 // an empty line: no record
	parsedNeedMore              // the record does not end inside the buffer
	parsedMalformed             // see csvParser.why
)

// csvParser splits CSV records (RFC 4180: comma separator, double quotes,
// "" as an escaped quote, quoted fields may hold commas and line breaks,
// CRLF or LF line ends). It is strict where encoding/csv is strict: a quote
// inside an unquoted field, or a character after a closing quote, makes the
// record malformed. After a malformed record the reader resumes at the line
// after the one where that record started, so one bad quote costs one error
// row and the rest of the file is still read.
type csvParser struct {
	fields []span // the fields of the last record parsed
	esc    []bool // fields[i] is quoted and holds "" escapes to undo
	lines  int    // line breaks consumed by the last record (including its end)
	why    string // the reason of the last parsedMalformed
}

// parse parses the record starting at buf[p:]. atEOF says that no more data
// follows buf. It returns the status and the offset after the record (after
// its line end). Offsets in fields are absolute in buf.
//
// It makes one pass: per physical line it finds the line end and the first
// quote with bytes.IndexByte (vectorised), and per unquoted field the next
// comma within the line; a quoted field is scanned quote to quote.
func (c *csvParser) parse(buf []byte, p int, atEOF bool) (parseStatus, int) {
	c.fields = c.fields[:0]
	c.esc = c.esc[:0]
	end := len(buf)
	if p >= end {
		return parsedNeedMore, p
	}
	le := lineEnd(buf, p)
	if le < 0 {
		if !atEOF {
			return parsedNeedMore, p
		}
		le = end
	}
	if le == p || (le == p+1 && buf[p] == '\r') {
		c.lines = 1
		return parsedBlank, min(le+1, end)
	}
	q := firstQuote(buf, p, le)
	lines := 0
	i := p
	for {
		if i == q && q < le {
			// A quoted field.
			i++
			fs := i
			hasEsc := false
			for {
				j := bytes.IndexByte(buf[i:], '"')
				if j < 0 {
					if atEOF {
						c.why = "quoted field not closed"
						return parsedMalformed, p
					}
					return parsedNeedMore, p
				}
				i += j + 1
				if i == end && !atEOF {
					return parsedNeedMore, p
				}
				if i < end && buf[i] == '"' {
					hasEsc = true
					i++
					continue
				}
				break
			}
			c.fields = append(c.fields, span{int32(fs), int32(i - 1 - fs)})
			c.esc = append(c.esc, hasEsc)
			if i-1 > le {
				// The field held line breaks: move to the line it ends on.
				lines += bytes.Count(buf[fs:i-1], nlByte)
				if le = lineEnd(buf, i); le < 0 {
					if !atEOF {
						return parsedNeedMore, p
					}
					le = end
				}
			}
			if i == end {
				c.lines = lines + 1
				return parsedOK, i
			}
			switch buf[i] {
			case ',':
				i++
				q = firstQuote(buf, i, le)
				continue
			case '\n':
				c.lines = lines + 1
				return parsedOK, i + 1
			case '\r':
				if i+1 < end && buf[i+1] == '\n' {
					c.lines = lines + 1
					return parsedOK, i + 2
				}
				if i+1 == end && !atEOF {
					return parsedNeedMore, p
				}
			}
			c.why = "extraneous character after a closing quote"
			return parsedMalformed, p
		}
		// An unquoted field, up to the next comma on the line.
		fe := le
		last := true
		if j := bytes.IndexByte(buf[i:le], ','); j >= 0 {
			fe, last = i+j, false
		}
		if q < fe {
			c.why = "bare quote in an unquoted field"
			return parsedMalformed, p
		}
		if last {
			if fe > i && buf[fe-1] == '\r' {
				fe--
			}
			c.fields = append(c.fields, span{int32(i), int32(fe - i)})
			c.esc = append(c.esc, false)
			c.lines = lines + 1
			return parsedOK, min(le+1, end)
		}
		c.fields = append(c.fields, span{int32(i), int32(fe - i)})
		c.esc = append(c.esc, false)
		i = fe + 1
	}
}

// lineEnd returns the offset of the first line feed at or after p, or -1.
func lineEnd(buf []byte, p int) int {
	if i := bytes.IndexByte(buf[p:], '\n'); i >= 0 {
		return p + i
	}
	return -1
}

// firstQuote returns the offset of the first quote in buf[i:le], or le.
func firstQuote(buf []byte, i, le int) int {
	if i >= le {
		return le
	}
	if j := bytes.IndexByte(buf[i:le], '"'); j >= 0 {
		return i + j
	}
	return le
}

var nlByte = []byte{'\n'}

// unescape undoes the "" escapes of a quoted field in place and returns the
// shortened span. Call it only once a record is known to be well formed.
func unescape(buf []byte, s span) span {
	b := buf[s.off : s.off+s.n]
	w := 0
	for r := 0; r < len(b); r++ {
		b[w] = b[r]
		w++
		if b[r] == '"' {
			r++ // skip the second quote of the pair
		}
	}
	return span{s.off, int32(w)}
}

// skipLine returns the offset after the first line break at or after p, or
// -1 if the buffer holds none.
func skipLine(buf []byte, p int) int {
	i := bytes.IndexByte(buf[p:], '\n')
	if i < 0 {
		return -1
	}
	return p + i + 1
}

// csvStop marks the bytes that end an unquoted field on the fast path: the
// separator, a quote (malformed there), and the line ends.
var csvStop = [256]bool{',': true, '"': true, '\n': true, '\r': true}

// fastRecord parses the common record at buf[p:] without the general
// parser: exactly len(colRole) fields on one line, quoted fields without ""
// escapes or line breaks, ending with LF, CRLF or (atEOF) the end of the
// input. It stores the fields of the roles in rw.f (colRole[i] is the role
// of column i, or -1) and returns the offset after the record. It returns -1
// for any other record (blank, malformed, multi-line, with escapes, another
// field count, cut by the end of buf), which the general parser then reads:
// the two agree on every record fastRecord accepts.
func fastRecord(buf []byte, p int, atEOF bool, colRole []int8, rw *row) int {
	n := len(buf)
	if p >= n || buf[p] == '\n' || buf[p] == '\r' {
		return -1
	}
	last := len(colRole) - 1
	i := p
	for col := 0; ; col++ {
		var f span
		if buf[i] == '"' {
			j := bytes.IndexByte(buf[i+1:], '"')
			if j < 0 || bytes.IndexByte(buf[i+1:i+1+j], '\n') >= 0 {
				return -1
			}
			f = span{int32(i + 1), int32(j)}
			i += j + 2
		} else {
			fs := i
			for i < n && !csvStop[buf[i]] {
				i++
			}
			f = span{int32(fs), int32(i - fs)}
		}
		if r := colRole[col]; r >= 0 {
			rw.f[r] = f
		}
		if i >= n {
			if !atEOF || col != last {
				return -1
			}
			return n
		}
		switch buf[i] {
		case ',':
			if col == last {
				return -1
			}
			i++
			if i >= n {
				return -1
			}
		case '\n':
			if col != last {
				return -1
			}
			return i + 1
		case '\r':
			if col != last || i+1 >= n || buf[i+1] != '\n' {
				return -1
			}
			return i + 2
		default: // a quote in an unquoted field, or after a closing one
			return -1
		}
	}
}
