//go:build js && wasm

package webapi

import (
	"errors"
	"strings"
	"syscall/js"
	"testing"
)

// These tests run the exported functions as JavaScript calls them, in
// Node: GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec".

func exported(t *testing.T) js.Value {
	t.Helper()
	fns := CoreFuncs()
	fns["boom"] = func(dst []byte, args []js.Value) ([]byte, error) {
		var m map[string]int
		m["x"] = 1 // panics: assignment to entry in nil map
		return dst, nil
	}
	fns["plainError"] = func(dst []byte, args []js.Value) ([]byte, error) {
		return nil, errors.New("sms: plain")
	}
	return Export("smsgaugeTest", fns)
}

func fromCharCodes(codes ...any) js.Value {
	return js.Global().Get("String").Call("fromCharCode", codes...)
}

// jsLen is s.length for a JavaScript string (syscall/js does not Get on
// primitives).
func jsLen(s js.Value) int {
	return js.Global().Get("Reflect").Call("get", js.Global().Get("Object").Invoke(s), "length").Int()
}

func TestJSLoneSurrogate(t *testing.T) {
	g := exported(t)
	// "a", lone high surrogate, U+1F600 as a pair, "b": UTF-16 length 5.
	body := fromCharCodes(0x61, 0xD800, 0xD83D, 0xDE00, 0x62)
	r := g.Call("analyze", body)
	if !r.Get("error").IsUndefined() {
		t.Fatalf("analyze(lone surrogate) = error %s", r.Get("error").Get("message").String())
	}
	if r.Get("encoding").String() != "UCS-2" || r.Get("units").Int() != 5 || r.Get("length").Int() != jsLen(body) {
		t.Errorf("analyze(lone surrogate): %s, %d units, length %d; want UCS-2, 5, %d", r.Get("encoding"), r.Get("units").Int(), r.Get("length").Int(), jsLen(body))
	}
	non := r.Get("nonGSM")
	if non.Length() != 2 {
		t.Fatalf("%d non-GSM characters, want 2", non.Length())
	}
	c0, c1 := non.Index(0), non.Index(1)
	if c0.Get("start").Int() != 1 || c0.Get("end").Int() != 2 || c0.Get("text").String() != "\uFFFD" {
		t.Errorf("first non-GSM = [%d,%d) %q, want [1,2) U+FFFD", c0.Get("start").Int(), c0.Get("end").Int(), c0.Get("text").String())
	}
	// The offsets index the caller's original string.
	if s := js.Global().Get("String").Get("prototype").Get("slice").Call("call", body, c1.Get("start"), c1.Get("end")).String(); s != "😀" {
		t.Errorf("body.slice(second non-GSM) = %q, want 😀", s)
	}
	// A lone low surrogate at the very end, and nothing else.
	r = g.Call("count", fromCharCodes(0xDC00))
	if r.Get("encoding").String() != "UCS-2" || r.Get("characters").Int() != 1 || r.Get("left").Int() != 69 {
		t.Errorf("count(lone low surrogate) = %s %d characters %d left, want UCS-2 1 69", r.Get("encoding"), r.Get("characters").Int(), r.Get("left").Int())
	}
}

func TestJSErrors(t *testing.T) {
	g := exported(t)
	obj := js.Global().Get("Object").New()
	obj.Set("bogus", true)
	badBool := js.Global().Get("Object").New()
	badBool.Set("smart", "yes")
	badPolicy := js.Global().Get("Object").New()
	badPolicy.Set("policy", "sometimes")
	for _, tc := range []struct {
		name        string
		fn          string
		args        []any
		code, param string
	}{
		{"no body", "analyze", nil, CodeInvalidArgument, "body"},
		{"number body", "analyze", []any{42}, CodeInvalidArgument, "body"},
		{"unknown option", "analyze", []any{"x", obj}, CodeUnknownOption, "options.bogus"},
		{"string as bool", "analyze", []any{"x", badBool}, CodeInvalidArgument, "options.smart"},
		{"bad policy", "analyze", []any{"x", badPolicy}, CodeInvalidArgument, "options.policy"},
		{"options array", "count", []any{"x", js.Global().Get("Array").New()}, CodeInvalidArgument, "options"},
		{"options string", "suggest", []any{"x", "smart"}, CodeInvalidArgument, "options"},
		{"panic", "boom", nil, CodeInternal, ""},
		{"plain error", "plainError", nil, CodeInternal, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := g.Call(tc.fn, tc.args...)
			e := r.Get("error")
			if e.IsUndefined() {
				t.Fatalf("%s: no error object", tc.name)
			}
			if e.Get("code").String() != tc.code || e.Get("param").String() != tc.param || !strings.HasPrefix(e.Get("message").String(), "sms: ") {
				t.Errorf("%s: error {%s, %q, %s}, want code %s param %q", tc.name, e.Get("code"), e.Get("message"), e.Get("param"), tc.code, tc.param)
			}
		})
	}
	// After a recovered panic the module still answers.
	if r := g.Call("count", "hello"); r.Get("characters").Int() != 5 {
		t.Errorf("count after a panic = %v", r)
	}
}

func TestJSDefaults(t *testing.T) {
	g := exported(t)
	// undefined and null options mean the defaults.
	for _, opts := range []any{js.Undefined(), js.Null()} {
		r := g.Call("analyze", strings.Repeat("a", 161), opts)
		if r.Get("segments").Int() != 2 || r.Get("parts").Index(1).Get("start").Int() != 153 {
			t.Errorf("analyze(161 a, %v): %d segments", opts, r.Get("segments").Int())
		}
	}
	smart := js.Global().Get("Object").New()
	smart.Set("smart", true)
	r := g.Call("analyze", strings.Repeat("a", 159)+"’", smart)
	if r.Get("segments").Int() != 1 || r.Get("savings").Get("saved").Int() != 2 {
		t.Errorf("analyze(159 a + ’, {smart}) = %d segments, saved %d; want 1, 2", r.Get("segments").Int(), r.Get("savings").Get("saved").Int())
	}
	s := g.Call("suggest", strings.Repeat("a", 159)+"’")
	if s.Get("body").String() != strings.Repeat("a", 159)+"'" || s.Get("saved").Int() != 2 {
		t.Errorf("suggest = %q saved %d", s.Get("body").String(), s.Get("saved").Int())
	}
}
