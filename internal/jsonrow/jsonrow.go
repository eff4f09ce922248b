// Package jsonrow reads one JSON line of the --jsonl contract, {"id": ...,
// "to": "...", "from": "...", "body": "..."}, strictly: text arrives
// exactly as typed, or it is an error that names the key and the byte
// offset. Invalid UTF-8, an escaped lone surrogate ("\ud800"), a key given
// twice, two keys that differ only in case ("body" and "Body", "id" and
// "ID"), one of the four keys in another case ("BODY", "ſd"... anything
// Unicode simple case folding makes equal), and text after the object are
// all errors, where encoding/json would replace, keep the last, match
// case-insensitively or ignore.
//
// Both the batch package and the smsgauge command read their JSON lines
// here. The reader is internal/strictjson; a fast path, for the common line
// (one flat object whose strings have no escapes), gives the same result
// without allocating, and hands every other line, and every error, to
// strictjson. FuzzFastPath checks the two agree.
package jsonrow

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/strictjson"
)

// The keys of a row.
const (
	KeyID   = "id"
	KeyTo   = "to"
	KeyFrom = "from"
	KeyBody = "body"
)

// Kind classifies an Error.
type Kind uint8

const (
	// Malformed: not one JSON object, text after it, or a key of the
	// contract holding the wrong type of value.
	Malformed Kind = iota + 1
	// InvalidText: invalid UTF-8, or an escaped lone surrogate, which no
	// UTF-8 text can hold.
	InvalidText
	// BadKey: a key given twice, two keys that differ only in case, or a
	// key of the contract written in another case.
	BadKey
)

// Error is the error of one line.
type Error struct {
	Kind   Kind
	Field  string // the key whose name or value holds the problem; "" for the line as a whole
	Offset int    // byte offset in the line
	Msg    string // what is wrong
}

// Error returns `"body": invalid UTF-8 in a string at byte 17`.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Field != "" {
		b.WriteString(strconv.QuoteToASCII(e.Field))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	b.WriteString(" at byte ")
	b.WriteString(strconv.Itoa(e.Offset))
	return b.String()
}

// Row is a decoded line. Its slices point into the line or into the
// Decoder, and are valid until the next Decode.
type Row struct {
	ID     []byte // the id as JSON text, as written (any value: the contract echoes it); nil if absent or null
	IDText []byte // a string id's text; any other id as written
	Body   []byte
	To     []byte
	From   []byte

	HasBody, HasTo, HasFrom bool // the key was given, and not null
}

// Decoder decodes lines; its zero value is ready. It is not safe for
// concurrent use.
type Decoder struct {
	buf  []byte
	keys [maxFastKeys]span
}

// Decode reads one line (its line end, if any, is white space). With an
// error, the Row holds at most the id, when the line gave one.
func (d *Decoder) Decode(line []byte) (Row, *Error) {
	if r, ok := d.fast(line); ok {
		return r, nil
	}
	return d.slow(line)
}

// DecodeStrict is Decode without the fast path: strictjson alone.
func (d *Decoder) DecodeStrict(line []byte) (Row, *Error) { return d.slow(line) }

// span is line[off:end].
type span struct{ off, end int }

// maxFastKeys is how many keys a line may have on the fast path.
const maxFastKeys = 8

// Roles of a key.
const (
	roleNone = iota
	roleID
	roleTo
	roleFrom
	roleBody
)

// exactRole returns the role of a key spelt exactly as the contract does.
func exactRole(k []byte) int {
	switch string(k) { // no allocation: the compiler compares in place
	case KeyID:
		return roleID
	case KeyTo:
		return roleTo
	case KeyFrom:
		return roleFrom
	case KeyBody:
		return roleBody
	}
	return roleNone
}

// fast decodes the common line: white space, one object of at most
// maxFastKeys members with ASCII keys without escapes, whose values are
// strings without escapes or control characters, numbers or null, then
// white space. Anything else, including every error, returns false.
func (d *Decoder) fast(s []byte) (r Row, ok bool) {
	i := skipWS(s, 0)
	if i >= len(s) || s[i] != '{' {
		return r, false
	}
	i = skipWS(s, i+1)
	if i < len(s) && s[i] == '}' {
		return r, skipWS(s, i+1) == len(s)
	}
	nk := 0
	for {
		if i >= len(s) || s[i] != '"' {
			return r, false
		}
		ks := i + 1
		ke := ks
		for ke < len(s) && s[ke] != '"' {
			c := s[ke]
			if c < 0x20 || c >= utf8.RuneSelf || c == '\\' {
				return r, false
			}
			ke++
		}
		if ke >= len(s) || nk == maxFastKeys {
			return r, false
		}
		key := s[ks:ke]
		for _, k := range d.keys[:nk] {
			if asciiEqualFold(s[k.off:k.end], key) {
				return r, false // a duplicate: strictjson says so
			}
		}
		d.keys[nk] = span{ks, ke}
		nk++
		role := exactRole(key)
		if role == roleNone && foldsToContract(key) {
			return r, false
		}
		i = skipWS(s, ke+1)
		if i >= len(s) || s[i] != ':' {
			return r, false
		}
		i = skipWS(s, i+1)
		if i >= len(s) {
			return r, false
		}
		switch c := s[i]; {
		case c == '"':
			vs := i + 1
			j := bytes.IndexByte(s[vs:], '"')
			if j < 0 {
				return r, false
			}
			ve := vs + j
			v := s[vs:ve]
			ascii := true
			for _, c := range v {
				if c < 0x20 || c == '\\' {
					return r, false
				}
				if c >= utf8.RuneSelf {
					ascii = false
				}
			}
			if !ascii && !utf8.Valid(v) {
				return r, false
			}
			switch role {
			case roleID:
				r.ID, r.IDText = s[i:ve+1], v
			case roleTo:
				r.To, r.HasTo = v, true
			case roleFrom:
				r.From, r.HasFrom = v, true
			case roleBody:
				r.Body, r.HasBody = v, true
			}
			i = ve + 1
		case c == '-' || c >= '0' && c <= '9':
			e := scanNumber(s, i)
			if e < 0 || role == roleTo || role == roleFrom || role == roleBody {
				return r, false
			}
			if role == roleID {
				r.ID, r.IDText = s[i:e], s[i:e]
			}
			i = e
		case c == 'n':
			if len(s)-i < 4 || string(s[i:i+4]) != "null" {
				return r, false
			}
			switch role {
			case roleID:
				r.ID, r.IDText = nil, nil
			case roleTo:
				r.To, r.HasTo = nil, false
			case roleFrom:
				r.From, r.HasFrom = nil, false
			case roleBody:
				r.Body, r.HasBody = nil, false
			}
			i += 4
		default:
			return r, false
		}
		i = skipWS(s, i)
		if i >= len(s) {
			return r, false
		}
		switch s[i] {
		case ',':
			i = skipWS(s, i+1)
		case '}':
			return r, skipWS(s, i+1) == len(s)
		default:
			return r, false
		}
	}
}

func skipWS(s []byte, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// scanNumber returns the offset after the RFC 8259 number at s[i:], or -1.
func scanNumber(s []byte, i int) int {
	if s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		digits()
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return -1
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return -1
		}
	}
	return i
}

// asciiEqualFold compares two ASCII keys ignoring case. A byte of an ASCII
// key folds only with its ASCII other case: the non-ASCII members of the
// orbits of k and s (U+212A KELVIN SIGN, U+017F LONG S) are not ASCII.
func asciiEqualFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x != y && lower(x) != lower(y) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// foldsToContract reports whether an ASCII key not spelt as a contract key
// equals one ignoring case.
func foldsToContract(k []byte) bool {
	for _, c := range [...]string{KeyID, KeyTo, KeyFrom, KeyBody} {
		if asciiEqualFold(k, []byte(c)) {
			return true
		}
	}
	return false
}

// fold returns s with every rune replaced by the least rune of its simple
// case folding orbit: two keys are equal under strings.EqualFold exactly
// when their folds are equal.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// slow decodes any line with strictjson.
func (d *Decoder) slow(line []byte) (Row, *Error) {
	var r Row
	v, err := strictjson.Parse(string(line))
	if err != nil {
		se, ok := err.(*strictjson.SyntaxError)
		if !ok { // strictjson returns nothing else
			return r, &Error{Kind: Malformed, Msg: err.Error()}
		}
		e := &Error{Kind: Malformed, Field: fieldAt(line, se.Offset), Offset: se.Offset, Msg: se.Msg}
		switch {
		case strings.Contains(se.Msg, "invalid UTF-8"), strings.Contains(se.Msg, "lone surrogate"):
			e.Kind = InvalidText
		case strings.HasPrefix(se.Msg, "duplicate key"):
			e.Kind = BadKey
		}
		r.ID, r.IDText = d.idBefore(line, se.Offset)
		return r, e
	}
	if v.Kind != strictjson.Object {
		return r, &Error{Kind: Malformed, Offset: v.Offset, Msg: "want a JSON object, not " + v.Kind.String()}
	}
	// The buffer holds every decoded value, so its slices stay put.
	need := 0
	for _, m := range v.Members {
		need += len(m.Value.Text)
	}
	d.buf = d.buf[:0]
	if cap(d.buf) < 2*need {
		d.buf = make([]byte, 0, 2*need)
	}
	keep := func(s string) []byte {
		n := len(d.buf)
		d.buf = append(d.buf, s...)
		return d.buf[n:len(d.buf):len(d.buf)]
	}
	// The id first: an error about another key still gives the id.
	for _, m := range v.Members {
		if val := m.Value; m.Key == KeyID && val.Kind != strictjson.Null {
			// Any value: the contract echoes it as given.
			raw := line[val.Offset:skipValue(line, val.Offset)]
			r.ID, r.IDText = raw, raw
			if val.Kind == strictjson.String {
				r.IDText = keep(val.Text)
			}
		}
	}
	seen := make(map[string]string, len(v.Members))
	for _, m := range v.Members {
		f := fold(m.Key)
		if prev, dup := seen[f]; dup {
			return Row{ID: r.ID, IDText: r.IDText}, &Error{Kind: BadKey, Field: m.Key, Offset: m.Offset,
				Msg: "keys " + strconv.QuoteToASCII(prev) + " and " + strconv.QuoteToASCII(m.Key) + " differ only in case"}
		}
		seen[f] = m.Key
		for _, k := range [...]string{KeyID, KeyTo, KeyFrom, KeyBody} {
			if m.Key != k && f == fold(k) {
				return Row{ID: r.ID, IDText: r.IDText}, &Error{Kind: BadKey, Field: m.Key, Offset: m.Offset,
					Msg: "the key is " + strconv.Quote(k) + " (keys are case-sensitive)"}
			}
		}
	}
	for _, m := range v.Members {
		role := exactRole([]byte(m.Key))
		val := m.Value
		if role == roleNone || role == roleID || val.Kind == strictjson.Null {
			continue
		}
		if val.Kind != strictjson.String {
			return Row{ID: r.ID, IDText: r.IDText}, &Error{Kind: Malformed, Field: m.Key, Offset: val.Offset, Msg: "want a string, not " + val.Kind.String()}
		}
		t := keep(val.Text)
		switch role {
		case roleTo:
			r.To, r.HasTo = t, true
		case roleFrom:
			r.From, r.HasFrom = t, true
		case roleBody:
			r.Body, r.HasBody = t, true
		}
	}
	return r, nil
}

// stringEnd returns the offset after the JSON string that starts at
// s[i] (its opening quote), or len(s).
func stringEnd(s []byte, i int) int {
	for i++; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(s)
}

// members walks the members of the top-level object of s, roughly (it
// never fails: it serves lines strictjson rejected): for each it calls fn
// with the key, decoded when it can be, else as written, the offset of the
// value and the offset after it. fn returns false to stop. members returns
// the offset where the walk ended.
func members(s []byte, fn func(key string, vs, ve int) bool) int {
	i := skipWS(s, 0)
	if i >= len(s) || s[i] != '{' {
		return i
	}
	i = skipWS(s, i+1)
	for i < len(s) && s[i] == '"' {
		ke := stringEnd(s, i)
		key := string(s[i:ke])
		if k, err := strictjson.Parse(key); err == nil && k.Kind == strictjson.String {
			key = k.Text
		} else if len(key) >= 2 && key[len(key)-1] == '"' {
			key = key[1 : len(key)-1]
		} else {
			key = key[1:]
		}
		i = skipWS(s, ke)
		vs := i
		if i < len(s) && s[i] == ':' {
			vs = skipWS(s, i+1)
			i = skipValue(s, vs)
		}
		if !fn(key, vs, i) {
			return i
		}
		i = skipWS(s, i)
		if i >= len(s) || s[i] != ',' {
			return i
		}
		i = skipWS(s, i+1)
	}
	return i
}

// fieldAt names the member of the top-level object in whose key or value
// the byte offset off lies. It returns "" for an offset outside every
// member.
func fieldAt(s []byte, off int) string {
	if i := skipWS(s, 0); i >= len(s) || s[i] != '{' || off <= i {
		return ""
	}
	field := ""
	end := members(s, func(key string, _, ve int) bool {
		if off < ve || ve >= len(s) {
			field = key
			return false
		}
		return true
	})
	if field == "" && off <= end && end < len(s) && s[end] != '}' {
		// Between members: the one before the problem.
		members(s, func(key string, _, ve int) bool {
			if ve <= off {
				field = key
			}
			return ve < off
		})
	}
	return field
}

// idBefore returns the id of a line that strictjson rejected at off, when
// the line has an "id" member wholly before off whose value is strict JSON.
func (d *Decoder) idBefore(s []byte, off int) (raw, text []byte) {
	members(s, func(key string, vs, ve int) bool {
		if ve > off {
			return false
		}
		if key != KeyID {
			return true
		}
		v, err := strictjson.Parse(string(s[vs:ve]))
		if err != nil || v.Kind == strictjson.Null {
			return false
		}
		raw, text = s[vs:ve], s[vs:ve]
		if v.Kind == strictjson.String {
			d.buf = append(d.buf[:0], v.Text...)
			text = d.buf
		}
		return false
	})
	return raw, text
}

// skipValue returns the offset after the value at s[i:], roughly: strings
// quote to quote, arrays and objects bracket to bracket, anything else up
// to a delimiter. It never fails: fieldAt only needs where members end.
func skipValue(s []byte, i int) int {
	depth := 0
	for i < len(s) {
		switch c := s[i]; c {
		case '"':
			i = stringEnd(s, i)
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
}
