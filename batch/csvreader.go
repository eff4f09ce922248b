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
func (c *csvParser) parse(buf []byte, p int, atEOF bool) (parseStatus, int) {
	c.fields = c.fields[:0]
	c.esc = c.esc[:0]
	data := buf[p:]
	nl := bytes.IndexByte(data, '\n')
	var line []byte
	next := 0
	if nl < 0 {
		if !atEOF {
			return parsedNeedMore, p
		}
		line = data
		next = len(data)
	} else {
		line = data[:nl]
		next = nl + 1
	}
	// Fast path: a line without quotes is a whole record.
	if bytes.IndexByte(line, '"') < 0 {
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		if len(line) == 0 {
			if next == 0 {
				return parsedNeedMore, p // atEOF with nothing left
			}
			c.lines = 1
			return parsedBlank, p + next
		}
		off := p
		for {
			i := bytes.IndexByte(line, ',')
			if i < 0 {
				c.fields = append(c.fields, span{int32(off), int32(len(line))})
				c.esc = append(c.esc, false)
				break
			}
			c.fields = append(c.fields, span{int32(off), int32(i)})
			c.esc = append(c.esc, false)
			off += i + 1
			line = line[i+1:]
		}
		c.lines = 1
		return parsedOK, p + next
	}
	return c.parseQuoted(buf, p, atEOF)
}

// parseQuoted is the general state machine, for records with quotes.
func (c *csvParser) parseQuoted(buf []byte, p int, atEOF bool) (parseStatus, int) {
	end := len(buf)
	i := p
	lines := 0
	for {
		// At the start of a field.
		if i < end && buf[i] == '"' {
			i++
			fs := i
			hasEsc := false
			for {
				j := bytes.IndexByte(buf[i:end], '"')
				if j < 0 {
					if atEOF {
						c.why = "quoted field not closed"
						return parsedMalformed, p
					}
					return parsedNeedMore, p
				}
				lines += bytes.Count(buf[i:i+j], nlByte)
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
			if i == end {
				c.lines = lines + 1
				return parsedOK, i
			}
			switch buf[i] {
			case ',':
				i++
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
		// Unquoted field.
		fs := i
		for i < end {
			b := buf[i]
			if b == ',' || b == '\n' || b == '"' {
				break
			}
			i++
		}
		if i == end && !atEOF {
			return parsedNeedMore, p
		}
		if i < end && buf[i] == '"' {
			c.why = "bare quote in an unquoted field"
			return parsedMalformed, p
		}
		fe := i
		if i == end || buf[i] == '\n' {
			if fe > fs && buf[fe-1] == '\r' {
				fe--
			}
			c.fields = append(c.fields, span{int32(fs), int32(fe - fs)})
			c.esc = append(c.esc, false)
			c.lines = lines + 1
			if i < end {
				i++
			}
			return parsedOK, i
		}
		c.fields = append(c.fields, span{int32(fs), int32(fe - fs)})
		c.esc = append(c.esc, false)
		i++ // the comma
	}
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
