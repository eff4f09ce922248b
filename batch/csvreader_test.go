package batch

import (
	"strconv"
	"strings"
	"testing"
)

// parseAll parses every record of in the way the reader does (resyncing at
// the next line after a malformed record) and returns one string per record:
// its fields joined by "|", or "ERR:" and the reason.
func parseAll(in string) []string {
	buf := []byte(in)
	var c csvParser
	var out []string
	p := 0
	for p < len(buf) {
		st, next := c.parse(buf, p, true)
		switch st {
		case parsedOK:
			var f []string
			for i, s := range c.fields {
				if c.esc[i] {
					s = unescape(buf, s)
				}
				f = append(f, string(s.bytes(buf)))
			}
			out = append(out, strings.Join(f, "|"))
			p = next
		case parsedBlank:
			p = next
		case parsedMalformed:
			out = append(out, "ERR:"+c.why)
			if p = skipLine(buf, p); p < 0 {
				p = len(buf)
			}
		case parsedNeedMore:
			return append(out, "NEEDMORE")
		}
	}
	return out
}

func TestCSVParser(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "plain", in: "a,b,c\n1,2,3\n", want: []string{"a|b|c", "1|2|3"}},
		{name: "no final newline", in: "a,b\n1,2", want: []string{"a|b", "1|2"}},
		{name: "crlf", in: "a,b\r\n1,2\r\n", want: []string{"a|b", "1|2"}},
		{name: "empty fields", in: ",,\n", want: []string{"||"}},
		{name: "blank lines skipped", in: "a\n\n\r\nb\n", want: []string{"a", "b"}},
		{name: "quoted comma", in: `1,"x, y",2` + "\n", want: []string{"1|x, y|2"}},
		{name: "escaped quote", in: `1,"say ""hi""",2` + "\n", want: []string{`1|say "hi"|2`}},
		{name: "only escapes", in: `""""` + "\n", want: []string{`"`}},
		{name: "empty quoted", in: `"",x` + "\n", want: []string{"|x"}},
		{name: "multi-line field", in: "1,\"a\nb\r\nc\",2\n3,4,5\n", want: []string{"1|a\nb\r\nc|2", "3|4|5"}},
		{name: "quoted last field crlf", in: "1,\"x\"\r\n2,3\n", want: []string{"1|x", "2|3"}},
		{name: "quoted at EOF", in: `1,"x"`, want: []string{"1|x"}},
		{name: "bare quote resyncs", in: "1,ab\"c,2\n3,4,5\n", want: []string{"ERR:bare quote in an unquoted field", "3|4|5"}},
		{name: "char after closing quote", in: "1,\"ab\"c,2\n3,4,5\n", want: []string{"ERR:extraneous character after a closing quote", "3|4|5"}},
		{name: "unclosed quote resyncs next line", in: "1,\"abc\n3,4,5\n6,7,8\n", want: []string{"ERR:quoted field not closed", "3|4|5", "6|7|8"}},
		{name: "bad multi-line resyncs after first line", in: "1,\"a\nb\"x,2\n3,4\n", want: []string{"ERR:extraneous character after a closing quote", "ERR:bare quote in an unquoted field", "3|4"}},
		{name: "utf8 and invalid bytes kept", in: "é,\xff\n", want: []string{"é|\xff"}},
		{name: "cr inside unquoted field", in: "a\rb,c\n", want: []string{"a\rb|c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseAll(tt.in)
			if strings.Join(got, "¶") != strings.Join(tt.want, "¶") {
				t.Fatalf("parse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCSVParserNeedMore checks that every prefix of a record that does not
// end it asks for more data instead of guessing.
func TestCSVParserNeedMore(t *testing.T) {
	in := "1,\"a\"\"b\nc\",xyz\r\n"
	var c csvParser
	for n := 0; n < len(in); n++ {
		st, _ := c.parse([]byte(in[:n]), 0, false)
		if st != parsedNeedMore {
			t.Fatalf("parse(%q, atEOF=false) = %d, want parsedNeedMore", in[:n], st)
		}
	}
	st, next := c.parse([]byte(in), 0, false)
	if st != parsedOK || next != len(in) || c.lines != 2 {
		t.Fatalf("parse(%q) = %d, %d, lines %d; want OK, %d, 2", in, st, next, c.lines, len(in))
	}
}

func TestAppendInt(t *testing.T) {
	for _, n := range []int{0, 7, 9, 10, 42, 99, 100, 101, 160, 999, 1000, 1600, 9999, 10000, 10001, 123456, 8017328, 1<<62 + 12345, -5} {
		if got, want := string(appendInt(nil, n)), strconv.Itoa(n); got != want {
			t.Errorf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
}

// checkFastRecord checks fastRecord against the general parser at every
// record start of in, for 1 to 5 columns (the fifth has no role), with and
// without the end of the input: whenever fastRecord accepts a record, the
// general parser reads the same record (same fields, same end, one line);
// it may decline any record.
func checkFastRecord(t *testing.T, in string) (accepted int) {
	t.Helper()
	buf := []byte(in)
	absent := [nRoles]span{{0, -1}, {0, -1}, {0, -1}, {0, -1}}
	for nc := 1; nc <= 5; nc++ {
		colRole := make([]int8, nc)
		for i := range colRole {
			colRole[i] = -1
			if i < nRoles {
				colRole[i] = int8(i)
			}
		}
		for _, atEOF := range []bool{true, false} {
			var c csvParser
			for p := 0; p < len(buf); {
				st, next := c.parse(buf, p, atEOF)
				rw := row{f: absent}
				if fast := fastRecord(buf, p, atEOF, colRole, &rw); fast >= 0 {
					accepted++
					if st != parsedOK || next != fast || len(c.fields) != nc || c.lines != 1 {
						t.Fatalf("fastRecord(%q, %d, %d columns, atEOF %v) = %d; parse: status %d, next %d, %d fields, %d lines",
							in, p, nc, atEOF, fast, st, next, len(c.fields), c.lines)
					}
					for col, role := range colRole {
						if role < 0 {
							continue
						}
						if c.esc[col] || rw.f[role] != c.fields[col] {
							t.Fatalf("fastRecord(%q, %d, %d columns): column %d = %q, parse reads %q (escaped %v)",
								in, p, nc, col, rw.f[role].bytes(buf), c.fields[col].bytes(buf), c.esc[col])
						}
					}
					for role := nc; role < nRoles; role++ {
						if rw.f[role] != absent[role] {
							t.Fatalf("fastRecord(%q, %d, %d columns): role %d set to %v", in, p, nc, role, rw.f[role])
						}
					}
				}
				switch st {
				case parsedOK, parsedBlank:
					p = next
				case parsedMalformed:
					if p = skipLine(buf, p); p < 0 {
						p = len(buf)
					}
				default:
					p = len(buf)
				}
			}
		}
	}
	return accepted
}

func TestFastRecord(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		accept bool // fastRecord takes at least one record
	}{
		{name: "plain", in: "a,b,c\n1,2,3\n", accept: true},
		{name: "crlf", in: "a,b\r\n1,2\r\n", accept: true},
		{name: "quoted", in: `1,"x, y",2` + "\n", accept: true},
		{name: "quoted last, no newline", in: `1,2,"x"`, accept: true},
		{name: "empty fields", in: ",,\n,\n", accept: true},
		{name: "escape declined", in: `1,"say ""hi""",2` + "\n"},
		{name: "multi-line declined", in: "1,\"a\nb\",2\n"},
		{name: "bare quote declined", in: "1,ab\"c,2\n"},
		{name: "after closing quote declined", in: "1,\"ab\"c,2\n"},
		{name: "lone CR declined", in: "1,2\r3\n"},
		{name: "blank lines", in: "\n\r\n\n"},
		{name: "trailing comma at end", in: "1,2,"},
		{name: "unclosed quote", in: "1,\"abc\n3,4,5\n6,7,8\n", accept: true},
		{name: "campaign", in: "1,+447764828468,\"Hi Greta, your order #635490 has shipped!\"\n2,+919888464984,\"Ben, don’t miss\"\r\n", accept: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := checkFastRecord(t, tt.in); (n > 0) != tt.accept {
				t.Fatalf("fastRecord accepted %d records of %q, want accept %v", n, tt.in, tt.accept)
			}
		})
	}
}

// FuzzFastRecord checks on any input that the fast path reads a record
// exactly as the general parser does, or declines it.
func FuzzFastRecord(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkFastRecord(t, in)
	})
}
