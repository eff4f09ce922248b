package sms

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/quote"
	"github.com/smsgauge/sms/internal/strictjson"
)

// checkContentVariables checks that s is one JSON object whose values are
// strings of at most 1,600 UTF-16 units (Twilio error 21658), without
// duplicate keys.
func checkContentVariables(p *problems, s string) {
	const param = "ContentVariables"
	if !checkUTF8(p, param, s) {
		return
	}
	if stringObjectOK(s, MaxContentVarUnits) {
		return // the common case, without allocating
	}
	checkContentVariablesJSON(p, s)
}

// checkContentVariablesJSON is checkContentVariables for the bodies the
// fast path is unsure of; it also words the error.
func checkContentVariablesJSON(p *problems, s string) {
	const param = "ContentVariables"
	v, err := strictjson.Parse(s)
	if err != nil {
		p.addCause(param, ParamJSON, "not strict JSON: "+err.Error(), err)
		return
	}
	if v.Kind != strictjson.Object {
		p.add(param, ParamJSON, "must be a JSON object of strings, such as {\"1\":\"Ada\"}, not "+v.Kind.String())
		return
	}
	for _, m := range v.Members {
		if m.Value.Kind != strictjson.String {
			p.add(param, ParamJSON, "value of "+quote.Short(m.Key)+" is "+m.Value.Kind.String()+", not a string")
			return
		}
		if n := BodyUnits(m.Value.Text); n > MaxContentVarUnits {
			p.add(param, ParamTooLong, "value of "+quote.Short(m.Key)+" is longer than 1600 UTF-16 units (Twilio error 21658)")
		}
	}
}

// checkTags checks that s is one JSON object, read as strictly as every
// other JSON input: no duplicate keys, no lone surrogates.
func checkTags(p *problems, s string) {
	const param = "Tags"
	if !checkUTF8(p, param, s) {
		return
	}
	if stringObjectOK(s, math.MaxInt) {
		return // the common case, a flat object of strings, without allocating
	}
	v, err := strictjson.Parse(s)
	if err != nil {
		p.addCause(param, ParamJSON, "not strict JSON: "+err.Error(), err)
		return
	}
	if v.Kind != strictjson.Object {
		p.add(param, ParamJSON, "must be a JSON object, such as {\"campaign\":\"spring\"}, not "+v.Kind.String())
	}
}

// checkUTF8 reports invalid UTF-8, which encoding/json would silently
// replace by U+FFFD while Form would send the bytes as they are.
func checkUTF8(p *problems, param, s string) bool {
	if utf8.ValidString(s) {
		return true
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	p.add(param, ParamUTF8, "invalid UTF-8 at byte "+strconv.Itoa(i))
	return false
}

// stringObjectOK reports, without allocating, whether s is one JSON object
// whose values are strings of at most maxUnits UTF-16 units, with distinct
// keys. It answers false for anything it is unsure of (a key with escapes,
// a value with a surrogate escape, which may be a lone surrogate, more than
// 32 keys), and the caller then asks the strict parser, which
// also words the error. s is valid UTF-8.
func stringObjectOK(s string, maxUnits int) bool {
	var keys [32]string
	n := 0
	i := skipWS(s, 0)
	if i >= len(s) || s[i] != '{' {
		return false
	}
	i = skipWS(s, i+1)
	if i < len(s) && s[i] == '}' {
		return skipWS(s, i+1) == len(s)
	}
	for {
		end, _, escaped, ok := scanJSONString(s, i)
		if !ok || escaped || n == len(keys) {
			return false
		}
		key := s[i+1 : end-1]
		for _, k := range keys[:n] {
			if k == key {
				return false
			}
		}
		keys[n] = key
		n++
		i = skipWS(s, end)
		if i >= len(s) || s[i] != ':' {
			return false
		}
		i = skipWS(s, i+1)
		end, units, escaped, ok := scanJSONString(s, i)
		if !ok || units > maxUnits || escaped && surrogateEscape(s[i:end]) {
			return false
		}
		i = skipWS(s, end)
		if i >= len(s) {
			return false
		}
		switch s[i] {
		case ',':
			i = skipWS(s, i+1)
		case '}':
			return skipWS(s, i+1) == len(s)
		default:
			return false
		}
	}
}

// surrogateEscape reports whether the JSON string s holds a \u escape of a
// UTF-16 surrogate (\uD800 to \uDFFF), which only the strict parser
// pairs or refuses.
func surrogateEscape(s string) bool {
	for k := 0; k+5 < len(s); k++ {
		if s[k] == '\\' {
			if s[k+1] == 'u' && (s[k+2]|0x20) == 'd' && (s[k+3] >= '8' && s[k+3] <= '9' || (s[k+3]|0x20) >= 'a' && (s[k+3]|0x20) <= 'f') {
				return true
			}
			k++ // skip the escaped character, so that \\u is not read as \u
		}
	}
	return false
}

func skipWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// scanJSONString scans the JSON string that starts at s[i]. It returns the
// index after its closing quote, the UTF-16 length of its value, whether it
// holds escapes, and whether it is a well-formed string.
func scanJSONString(s string, i int) (end, units int, escaped, ok bool) {
	if i >= len(s) || s[i] != '"' {
		return 0, 0, false, false
	}
	for i++; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			return i + 1, units, escaped, true
		case c < 0x20:
			return 0, 0, false, false
		case c == '\\':
			escaped = true
			if i+1 >= len(s) {
				return 0, 0, false, false
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s) || !isHexByte(s[i+2]) || !isHexByte(s[i+3]) || !isHexByte(s[i+4]) || !isHexByte(s[i+5]) {
					return 0, 0, false, false
				}
				i += 6 // one UTF-16 unit; a surrogate pair is two escapes
			default:
				return 0, 0, false, false
			}
			units++
		case c < utf8.RuneSelf:
			units++
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r > 0xFFFF {
				units += 2
			} else {
				units++
			}
			i += size
		}
	}
	return 0, 0, false, false
}
