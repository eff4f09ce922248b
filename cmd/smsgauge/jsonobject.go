package main

import (
	"bufio"
	"encoding/json"
	"io"
	"iter"
	"strconv"

	"github.com/smsgauge/sms/internal/jsonstr"
)

// jsonObject writes a JSON object member by member, laid out as
// json.Encoder with SetIndent("", "  ") lays it out (and escaping HTML as
// it does), so that a list of any length is written one element at a time.
type jsonObject struct {
	w   *bufio.Writer
	n   int // members written
	err error
}

func newJSONObject(w io.Writer) *jsonObject {
	return &jsonObject{w: bufio.NewWriterSize(w, 1<<16)}
}

// write writes s, keeping the first error: a reader gone away stops the
// walk of a long list.
func (o *jsonObject) write(s string) {
	if o.err == nil {
		_, o.err = o.w.WriteString(s)
	}
}

// key writes what comes before the value of a member.
func (o *jsonObject) key(name string) {
	if o.n == 0 {
		o.write("{\n  ")
	} else {
		o.write(",\n  ")
	}
	o.n++
	o.value(name, "")
	o.write(": ")
}

// value writes v, indented as at depth prefix.
func (o *jsonObject) value(v any, prefix string) {
	if o.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err == nil {
		_, err = o.w.Write(b)
	}
	o.err = err
}

// member writes the member name: v.
func (o *jsonObject) member(name string, v any) {
	o.key(name)
	o.value(v, "  ")
}

// array writes the member name: [elements...], one element at a time:
// each is the JSON text of an element at depth 2 (the caller's appender
// indents it so), which the array needs only until the next one comes.
func (o *jsonObject) array(name string, elems iter.Seq[[]byte]) {
	o.key(name)
	n := 0
	for b := range elems {
		if o.err != nil {
			return
		}
		if n == 0 {
			o.write("[\n    ")
		} else {
			o.write(",\n    ")
		}
		n++
		if o.err == nil {
			_, o.err = o.w.Write(b)
		}
	}
	if n == 0 {
		o.write("[]")
	} else {
		o.write("\n  ]")
	}
}

// end closes the object and flushes it; it returns the first error.
func (o *jsonObject) end() error {
	if o.n == 0 {
		o.write("{}\n")
	} else {
		o.write("\n}\n")
	}
	if o.err != nil {
		return o.err
	}
	return o.w.Flush()
}

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it with HTML escaping (its default).
func appendJSONString(b []byte, s string) []byte { return jsonstr.Append(b, s, true) }

// appendJSONMember appends a member of an object at depth 3 (an element of
// an array of the report): a line break, the indent, the name, ": ".
func appendJSONMember(b []byte, first bool, name string) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, "\n      \""...)
	b = append(b, name...)
	return append(b, "\": "...)
}

// appendJSONInt appends the member name: n.
func appendJSONInt(b []byte, first bool, name string, n int) []byte {
	return strconv.AppendInt(appendJSONMember(b, first, name), int64(n), 10)
}
