package webapi

import (
	"strconv"

	"github.com/smsgauge/sms/internal/jsonstr"
)

// A small JSON appender: encoding/json would cost the core module tens of
// kilobytes and reflection on every call. The results are handed to
// JSON.parse in one crossing from WebAssembly to JavaScript.

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping; invalid UTF-8 bytes become \ufffd, one
// per byte, as the analysis counts them.
func appendString(dst []byte, s string) []byte { return jsonstr.Append(dst, s, false) }

// obj appends JSON object members; first tells whether a comma is due.
type obj struct {
	b     []byte
	comma bool
}

func (o *obj) key(k string) {
	if o.comma {
		o.b = append(o.b, ',')
	}
	o.comma = true
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
}

func (o *obj) str(k, v string) {
	o.key(k)
	o.b = appendString(o.b, v)
}

func (o *obj) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *obj) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

func (o *obj) raw(k string, v []byte) {
	o.key(k)
	o.b = append(o.b, v...)
}

// open starts a nested object or array under key k and returns its
// appender state; close it with end.
func (o *obj) open(k string, bracket byte) obj {
	o.key(k)
	o.b = append(o.b, bracket)
	return obj{b: o.b}
}

// item starts the next element of an array.
func (o *obj) item() {
	if o.comma {
		o.b = append(o.b, ',')
	}
	o.comma = true
}

// end closes a nested value opened with open and hands the buffer back.
func (o *obj) end(inner obj, bracket byte) {
	o.b = append(inner.b, bracket)
}

// AppendError appends {"error":{"code","message","param"}}.
func AppendError(dst []byte, code, message, param string) []byte {
	return AppendErrorObject(dst, &Error{Code: code, Message: message, Param: param})
}

// AppendErrorObject appends {error: {code, message, param, twilioCode}} for
// e; twilioCode only when e.TwilioCode is not 0.
func AppendErrorObject(dst []byte, e *Error) []byte {
	o := obj{b: append(dst, '{')}
	w := o.open("error", '{')
	w.str("code", e.Code)
	w.str("message", e.Message)
	w.str("param", e.Param)
	if e.TwilioCode != 0 {
		w.int("twilioCode", e.TwilioCode)
	}
	o.end(w, '}')
	return append(o.b, '}')
}

// AppendString appends s as a JSON string (see appendString).
func AppendString(dst []byte, s string) []byte { return appendString(dst, s) }

// Writer appends one JSON object or array; packages that add functions to
// the JavaScript API (webforms) build their results with it.
type Writer struct {
	o     obj
	close byte
}

// NewObject starts a JSON object at the end of dst.
func NewObject(dst []byte) *Writer { return &Writer{o: obj{b: append(dst, '{')}, close: '}'} }

// NewArray starts a JSON array at the end of dst.
func NewArray(dst []byte) *Writer { return &Writer{o: obj{b: append(dst, '[')}, close: ']'} }

// Str, Int and Bool append an object member.
func (w *Writer) Str(k, v string)       { w.o.str(k, v) }
func (w *Writer) Int(k string, v int)   { w.o.int(k, v) }
func (w *Writer) Bool(k string, v bool) { w.o.bool(k, v) }

// Item starts the next array element; Raw then appends it as JSON.
func (w *Writer) Item()        { w.o.item() }
func (w *Writer) Raw(v []byte) { w.o.b = append(w.o.b, v...) }

// Open starts a nested object ('{') or array ('[') under key k. Nothing
// may be written to w until End(inner).
func (w *Writer) Open(k string, bracket byte) *Writer {
	c := byte('}')
	if bracket == '[' {
		c = ']'
	}
	return &Writer{o: w.o.open(k, bracket), close: c}
}

// End closes inner, opened with Open.
func (w *Writer) End(inner *Writer) { w.o.end(inner.o, inner.close) }

// Close closes w and returns the whole buffer.
func (w *Writer) Close() []byte { return append(w.o.b, w.close) }
