// Package strictjson reads JSON text (RFC 8259) without encoding/json and
// without changing anything it was given: invalid UTF-8, an escaped lone
// surrogate ("\ud800"), a key given twice in one object and text after the
// value are errors with the byte offset where they stand, where
// encoding/json would silently replace, keep the last or ignore them.
//
// The request parameters the command line and the web page read, and the
// JSON-valued parameters the builder checks (ContentVariables, Tags), go
// through it, so that each is read the same way everywhere.
package strictjson

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is how deeply arrays and objects may nest.
const MaxDepth = 64

// Kind is the type of a JSON value.
type Kind uint8

// The kinds of JSON values.
const (
	Null Kind = iota + 1
	Bool
	Number
	String
	Array
	Object
)

// String returns the kind as an article and a noun ("a string", "null"),
// as error messages use it.
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "a boolean"
	case Number:
		return "a number"
	case String:
		return "a string"
	case Array:
		return "an array"
	case Object:
		return "an object"
	}
	return "no value"
}

// Value is one JSON value.
type Value struct {
	Kind    Kind
	Offset  int      // byte offset of its first byte in the text
	Text    string   // String: the decoded text; Number: the literal as written; Bool: "true" or "false"
	Items   []Value  // Array: the elements, in order
	Members []Member // Object: the members, in order, keys distinct
}

// Member is one name/value pair of an object.
type Member struct {
	Key    string // decoded
	Offset int    // byte offset of the key's opening quote
	Value  Value
}

// SyntaxError reports text that is not one strict JSON value.
type SyntaxError struct {
	Offset int    // byte offset where the problem was found
	Msg    string // what is wrong, such as "duplicate key \"To\""
}

func (e *SyntaxError) Error() string {
	return e.Msg + " at byte " + strconv.Itoa(e.Offset)
}

// Parse reads s as exactly one JSON value, with white space around it
// allowed and nothing else.
func Parse(s string) (Value, error) {
	p := parser{s: s}
	p.ws()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.ws()
	if p.i < len(s) {
		return Value{}, p.fail("text after the JSON value")
	}
	return v, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) fail(msg string) error { return &SyntaxError{Offset: p.i, Msg: msg} }

func (p *parser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (Value, error) {
	if p.i >= len(p.s) {
		return Value{}, p.fail("unexpected end of JSON")
	}
	start := p.i
	switch c := p.s[p.i]; {
	case c == '{':
		if depth >= MaxDepth {
			return Value{}, p.fail("nested deeper than " + strconv.Itoa(MaxDepth))
		}
		return p.object(depth)
	case c == '[':
		if depth >= MaxDepth {
			return Value{}, p.fail("nested deeper than " + strconv.Itoa(MaxDepth))
		}
		return p.array(depth)
	case c == '"':
		t, err := p.str()
		return Value{Kind: String, Offset: start, Text: t}, err
	case c == '-' || c >= '0' && c <= '9':
		if err := p.number(); err != nil {
			return Value{}, err
		}
		return Value{Kind: Number, Offset: start, Text: p.s[start:p.i]}, nil
	default:
		for _, lit := range [...]struct {
			word string
			kind Kind
		}{{"true", Bool}, {"false", Bool}, {"null", Null}} {
			if len(p.s)-p.i >= len(lit.word) && p.s[p.i:p.i+len(lit.word)] == lit.word {
				p.i += len(lit.word)
				v := Value{Kind: lit.kind, Offset: start}
				if lit.kind == Bool {
					v.Text = lit.word
				}
				return v, nil
			}
		}
		if c >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(p.s[p.i:]); r == utf8.RuneError && n == 1 {
				return Value{}, p.fail("invalid UTF-8")
			}
		}
		return Value{}, p.fail("unexpected " + strconv.QuoteRuneToASCII(firstRune(p.s[p.i:])))
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// linearKeys is how many keys an object may have before duplicates are
// looked up in a map rather than by comparing with each earlier key.
const linearKeys = 16

// dup reports whether key is among the keys so far: in seen once there are
// more than linearKeys of them, in members before.
func dup(members []Member, seen map[string]struct{}, key string) bool {
	if seen != nil {
		_, ok := seen[key]
		return ok
	}
	for _, m := range members {
		if m.Key == key {
			return true
		}
	}
	return false
}

func (p *parser) object(depth int) (Value, error) {
	v := Value{Kind: Object, Offset: p.i}
	var seen map[string]struct{}
	p.i++ // {
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return v, nil
	}
	for {
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return Value{}, p.fail("want a quoted key")
		}
		at := p.i
		key, err := p.str()
		if err != nil {
			return Value{}, err
		}
		if dup(v.Members, seen, key) {
			p.i = at
			return Value{}, p.fail("duplicate key " + strconv.QuoteToASCII(key))
		}
		if len(v.Members) == linearKeys {
			seen = make(map[string]struct{}, 2*linearKeys)
			for _, m := range v.Members {
				seen[m.Key] = struct{}{}
			}
		}
		if seen != nil {
			seen[key] = struct{}{}
		}
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return Value{}, p.fail("want ':' after the key")
		}
		p.i++
		p.ws()
		val, err := p.value(depth + 1)
		if err != nil {
			return Value{}, err
		}
		v.Members = append(v.Members, Member{Key: key, Offset: at, Value: val})
		p.ws()
		if p.i >= len(p.s) {
			return Value{}, p.fail("unexpected end of JSON in an object")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return v, nil
		default:
			return Value{}, p.fail("want ',' or '}' in an object")
		}
	}
}

func (p *parser) array(depth int) (Value, error) {
	v := Value{Kind: Array, Offset: p.i}
	p.i++ // [
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return v, nil
	}
	for {
		p.ws()
		item, err := p.value(depth + 1)
		if err != nil {
			return Value{}, err
		}
		v.Items = append(v.Items, item)
		p.ws()
		if p.i >= len(p.s) {
			return Value{}, p.fail("unexpected end of JSON in an array")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return v, nil
		default:
			return Value{}, p.fail("want ',' or ']' in an array")
		}
	}
}

// number scans a number as RFC 8259 writes it: -? int frac? exp?
func (p *parser) number() error {
	s := p.s
	if s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(s) && s[p.i] == '0':
		p.i++
	case p.i < len(s) && s[p.i] >= '1' && s[p.i] <= '9':
		p.digits()
	default:
		return p.fail("want a digit in a number")
	}
	if p.i < len(s) && s[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return p.fail("want a digit after the decimal point")
		}
	}
	if p.i < len(s) && (s[p.i] == 'e' || s[p.i] == 'E') {
		p.i++
		if p.i < len(s) && (s[p.i] == '+' || s[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return p.fail("want a digit in the exponent")
		}
	}
	return nil
}

func (p *parser) digits() int {
	n := 0
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}

// str scans the string at p.s[p.i] and returns its decoded text. Escapes
// that make a valid code point are decoded; anything else is an error.
func (p *parser) str() (string, error) {
	s := p.s
	p.i++ // opening quote
	start := p.i
	// The common string has no escape: return the substring itself.
	for p.i < len(s) {
		c := s[p.i]
		switch {
		case c == '"':
			p.i++
			return s[start : p.i-1], nil
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", p.fail("control character " + strconv.QuoteRuneToASCII(rune(c)) + " in a string (escape it)")
		case c < utf8.RuneSelf:
			p.i++
		default:
			r, n := utf8.DecodeRuneInString(s[p.i:])
			if r == utf8.RuneError && n == 1 {
				return "", p.fail("invalid UTF-8 in a string")
			}
			p.i += n
		}
	}
	return "", p.fail("unterminated string")
}

// escaped decodes the rest of a string that holds an escape; s[start:p.i]
// has been checked and needs no decoding.
func (p *parser) escaped(start int) (string, error) {
	s := p.s
	b := []byte(s[start:p.i])
	for p.i < len(s) {
		c := s[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), nil
		case c == '\\':
			if p.i+1 >= len(s) {
				return "", p.fail("unterminated string")
			}
			switch e := s[p.i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
				p.i += 2
			case 'b':
				b = append(b, '\b')
				p.i += 2
			case 'f':
				b = append(b, '\f')
				p.i += 2
			case 'n':
				b = append(b, '\n')
				p.i += 2
			case 'r':
				b = append(b, '\r')
				p.i += 2
			case 't':
				b = append(b, '\t')
				p.i += 2
			case 'u':
				r, ok := hex4(s, p.i+2)
				if !ok {
					return "", p.fail("want four hexadecimal digits after \\u")
				}
				switch {
				case utf16.IsSurrogate(r) && r < 0xDC00:
					r2, ok2 := rune(0), false
					if p.i+12 <= len(s) && s[p.i+6] == '\\' && s[p.i+7] == 'u' {
						r2, ok2 = hex4(s, p.i+8)
					}
					if !ok2 || r2 < 0xDC00 || r2 > 0xDFFF {
						return "", p.fail("lone surrogate " + s[p.i:p.i+6] + " (a high surrogate needs a low one after it)")
					}
					b = utf8.AppendRune(b, utf16.DecodeRune(r, r2))
					p.i += 12
				case utf16.IsSurrogate(r):
					return "", p.fail("lone surrogate " + s[p.i:p.i+6] + " (a low surrogate needs a high one before it)")
				default:
					b = utf8.AppendRune(b, r)
					p.i += 6
				}
			default:
				return "", p.fail("unknown escape \\" + strconv.QuoteRuneToASCII(firstRune(s[p.i+1:])))
			}
		case c < 0x20:
			return "", p.fail("control character " + strconv.QuoteRuneToASCII(rune(c)) + " in a string (escape it)")
		case c < utf8.RuneSelf:
			b = append(b, c)
			p.i++
		default:
			r, n := utf8.DecodeRuneInString(s[p.i:])
			if r == utf8.RuneError && n == 1 {
				return "", p.fail("invalid UTF-8 in a string")
			}
			b = append(b, s[p.i:p.i+n]...)
			p.i += n
		}
	}
	return "", p.fail("unterminated string")
}

// hex4 reads four hexadecimal digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
