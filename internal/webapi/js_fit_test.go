//go:build js && wasm

package webapi

import (
	"math"
	"strings"
	"syscall/js"
	"testing"
)

// TestJSFit calls fit() as JavaScript does, with numbers of every kind.
func TestJSFit(t *testing.T) {
	g := Export("smsgaugeFitTest", map[string]Func{"fit": JSFit})
	body := strings.Repeat("a", 150) + "😀 bye"
	r := g.Call("fit", body, 1)
	if !r.Get("error").IsUndefined() {
		t.Fatalf("fit = error %s", r.Get("error").Get("message"))
	}
	if !r.Get("cut").Bool() || r.Get("kept").Int() != 150 || r.Get("encoding").String() != "GSM-7" || r.Get("body").String() != strings.Repeat("a", 150)+"..." {
		t.Errorf("fit(150 a + emoji, 1) = cut %v, kept %d, %s, %q", r.Get("cut"), r.Get("kept").Int(), r.Get("encoding"), r.Get("body"))
	}
	r = g.Call("fit", body, 1, map[string]any{"noSuffix": true, "udh16": true})
	if r.Get("body").String() != strings.Repeat("a", 150) {
		t.Errorf("fit(noSuffix) = %q", r.Get("body"))
	}
	if r = g.Call("fit", body, 1e300); r.Get("cut").Bool() || r.Get("kept").Int() != 156 {
		t.Errorf("fit(body, 1e300) = cut %v, kept %d; want the body whole (UTF-16 length 156)", r.Get("cut"), r.Get("kept").Int())
	}
	for _, tc := range []struct {
		name        string
		args        []any
		code, param string
	}{
		{"zero", []any{body, 0}, "invalid_option", "maxSegments"},
		{"huge negative", []any{body, -1e300}, "invalid_option", "maxSegments"},
		{"minus infinity", []any{body, math.Inf(-1)}, "invalid_option", "maxSegments"},
		{"fraction", []any{body, 1.5}, "invalid_argument", "maxSegments"},
		{"NaN", []any{body, math.NaN()}, "invalid_argument", "maxSegments"},
		{"string", []any{body, "2"}, "invalid_argument", "maxSegments"},
		{"missing", []any{body}, "invalid_argument", "maxSegments"},
		{"body not a string", []any{7, 1}, "invalid_argument", "body"},
		{"unknown option", []any{body, 1, map[string]any{"ellipsis": true}}, "unknown_option", "options.ellipsis"},
		{"suffix too long", []any{body, 1, map[string]any{"suffix": strings.Repeat("z", 161)}}, "suffix_too_long", "options"},
	} {
		r := g.Call("fit", tc.args...)
		e := r.Get("error")
		if e.IsUndefined() || e.Get("code").String() != tc.code || e.Get("param").String() != tc.param {
			t.Errorf("%s: fit(...) = %s, want error %s on %s", tc.name, js.Global().Get("JSON").Call("stringify", r), tc.code, tc.param)
		}
	}
}
