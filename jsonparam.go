//go:build !smsgauge_core

package sms

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// checkContentVariables checks that s is one JSON object whose values are
// strings of at most 1,600 UTF-16 units (Twilio error 21658), without
// duplicate keys.
func checkContentVariables(p *problems, s string) {
	const param = "ContentVariables"
	if !checkUTF8(p, param, s) {
		return
	}
	dec := json.NewDecoder(strings.NewReader(s))
	tok, err := dec.Token()
	if err != nil {
		p.addCause(param, ParamJSON, "not JSON", err)
		return
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		p.add(param, ParamJSON, "must be a JSON object of strings, such as {\"1\":\"Ada\"}, not "+jsonKind(tok))
		return
	}
	seen := make(map[string]struct{})
	for dec.More() {
		tok, err = dec.Token()
		if err != nil {
			p.addCause(param, ParamJSON, "not JSON", err)
			return
		}
		key, _ := tok.(string)
		if _, dup := seen[key]; dup {
			p.add(param, ParamJSON, "duplicate key "+quoteShort(key))
			return
		}
		seen[key] = struct{}{}
		tok, err = dec.Token()
		if err != nil {
			p.addCause(param, ParamJSON, "not JSON", err)
			return
		}
		v, ok := tok.(string)
		if !ok {
			p.add(param, ParamJSON, "value of "+quoteShort(key)+" is "+jsonKind(tok)+", not a string")
			return
		}
		if n := BodyUnits(v); n > MaxContentVarUnits {
			p.add(param, ParamTooLong, "value of "+quoteShort(key)+" is longer than 1600 UTF-16 units (Twilio error 21658)")
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		p.addCause(param, ParamJSON, "not JSON", err)
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		p.add(param, ParamJSON, "text after the JSON object")
	}
}

// checkTags checks that s is one JSON object.
func checkTags(p *problems, s string) {
	const param = "Tags"
	if !checkUTF8(p, param, s) {
		return
	}
	if !json.Valid([]byte(s)) {
		var x any
		err := json.Unmarshal([]byte(s), &x)
		if err == nil {
			err = errors.New("invalid JSON")
		}
		p.addCause(param, ParamJSON, "not JSON", err)
		return
	}
	t := strings.TrimLeft(s, " \t\r\n")
	if t[0] != '{' {
		p.add(param, ParamJSON, "must be a JSON object, such as {\"campaign\":\"spring\"}")
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

func jsonKind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "something else"
}
