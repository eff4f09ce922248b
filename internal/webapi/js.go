//go:build js && wasm

package webapi

import (
	"sync"
	"syscall/js"

	sms "github.com/smsgauge/sms"
)

// Func is one function of the JavaScript API. It appends its JSON result
// to dst, or returns an error (an *Error, or any error, reported with code
// "internal").
type Func func(dst []byte, args []js.Value) ([]byte, error)

var (
	jsonParse = js.Global().Get("JSON").Get("parse")
	objectKey = js.Global().Get("Object").Get("keys")
	isArray   = js.Global().Get("Array").Get("isArray")

	bufMu sync.Mutex
	buf   []byte
)

// Export sets globalThis[name] to a plain object whose methods call fns.
// Every result crosses into JavaScript as one JSON string turned into a
// plain object by JSON.parse. A panic inside a function is recovered and
// returned as {error: {code: "internal", ...}}; no Go panic ever reaches
// the caller as an exception.
func Export(name string, fns map[string]Func) js.Value {
	o := js.Global().Get("Object").New()
	for k, f := range fns {
		o.Set(k, js.FuncOf(wrap(k, f)))
	}
	js.Global().Set(name, o)
	return o
}

func wrap(name string, f Func) func(js.Value, []js.Value) any {
	return func(_ js.Value, args []js.Value) (ret any) {
		bufMu.Lock()
		defer bufMu.Unlock()
		defer func() {
			if r := recover(); r != nil {
				msg := "sms: internal error in " + name
				if e, ok := r.(error); ok {
					msg += ": " + e.Error()
				} else if s, ok := r.(string); ok {
					msg += ": " + s
				}
				ret = jsonParse.Invoke(string(AppendError(buf[:0], CodeInternal, msg, "")))
			}
		}()
		out, err := f(buf[:0], args)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				e = &Error{Code: CodeInternal, Message: err.Error()}
			}
			out = AppendErrorObject(buf[:0], e)
		}
		if cap(out) <= 1<<20 {
			buf = out[:0]
		}
		return jsonParse.Invoke(string(out))
	}
}

// StringArg returns args[i], which must be a string. A JavaScript string
// may hold lone surrogates; they arrive here as U+FFFD (one UTF-16 unit,
// like the surrogate it replaces).
func StringArg(args []js.Value, i int, param string) (string, error) {
	if i >= len(args) || args[i].Type() != js.TypeString {
		got := "nothing"
		if i < len(args) {
			got = args[i].Type().String()
		}
		return "", &Error{Code: CodeInvalidArgument, Message: "sms: " + param + " must be a string, got " + got, Param: param}
	}
	return args[i].String(), nil
}

// Opts is an options object read from JavaScript.
type Opts struct {
	v     js.Value
	param string
}

// OptionsArg reads args[i] as an options object: undefined or null mean
// all defaults; anything but a plain object is an error, and so is a key
// not in known (nothing the caller passes is silently ignored).
func OptionsArg(args []js.Value, i int, param string, known ...string) (Opts, error) {
	if i >= len(args) || args[i].IsUndefined() || args[i].IsNull() {
		return Opts{param: param}, nil
	}
	v := args[i]
	if v.Type() != js.TypeObject || isArray.Invoke(v).Bool() {
		return Opts{}, &Error{Code: CodeInvalidArgument, Message: "sms: " + param + " must be an object, got " + v.Type().String(), Param: param}
	}
	keys := objectKey.Invoke(v)
	for j, n := 0, keys.Length(); j < n; j++ {
		k := keys.Index(j).String()
		ok := false
		for _, w := range known {
			if k == w {
				ok = true
				break
			}
		}
		if !ok {
			return Opts{}, &Error{Code: CodeUnknownOption, Message: "sms: unknown option \"" + k + "\" in " + param, Param: param + "." + k}
		}
	}
	return Opts{v: v, param: param}, nil
}

// Bool returns the boolean option k; undefined means false.
func (o Opts) Bool(k string) (bool, error) {
	if o.v.IsUndefined() {
		return false, nil
	}
	x := o.v.Get(k)
	switch x.Type() {
	case js.TypeUndefined:
		return false, nil
	case js.TypeBoolean:
		return x.Bool(), nil
	}
	return false, &Error{Code: CodeInvalidArgument, Message: "sms: option " + k + " must be a boolean, got " + x.Type().String(), Param: o.param + "." + k}
}

// String returns the string option k; undefined means "".
func (o Opts) String(k string) (string, error) {
	if o.v.IsUndefined() {
		return "", nil
	}
	x := o.v.Get(k)
	switch x.Type() {
	case js.TypeUndefined:
		return "", nil
	case js.TypeString:
		return x.String(), nil
	}
	return "", &Error{Code: CodeInvalidArgument, Message: "sms: option " + k + " must be a string, got " + x.Type().String(), Param: o.param + "." + k}
}

// Value returns the raw option k.
func (o Opts) Value(k string) js.Value {
	if o.v.IsUndefined() {
		return js.Undefined()
	}
	return o.v.Get(k)
}

// CoreFuncs are the functions of the core module: analyze and suggest.
func CoreFuncs() map[string]Func {
	return map[string]Func{
		"analyze": jsAnalyze,
		"count":   jsCount,
		"suggest": jsSuggest,
	}
}

// JSFit is fit(body, maxSegments, {suffix, noSuffix, udh16}) (see
// AppendFit). maxSegments must be a whole number; one below 1 is an
// invalid_option error, as in Go. The full module exports it: the core
// module stays within its size budget without it.
func JSFit(dst []byte, args []js.Value) ([]byte, error) {
	body, err := StringArg(args, 0, "body")
	if err != nil {
		return nil, err
	}
	if len(args) < 2 || args[1].Type() != js.TypeNumber {
		return nil, &Error{Code: CodeInvalidArgument, Message: "sms: maxSegments must be a number", Param: "maxSegments"}
	}
	f := args[1].Float()
	if f != f || f != float64(int64(f)) && f > -1e18 && f < 1e18 {
		return nil, &Error{Code: CodeInvalidArgument, Message: "sms: maxSegments must be a whole number", Param: "maxSegments"}
	}
	n := int(max(min(f, 1e15), -1e15)) // far beyond any body, and no overflow
	opts, err := OptionsArg(args, 2, "options", "suffix", "noSuffix", "udh16")
	if err != nil {
		return nil, err
	}
	var o FitOptions
	if o.Suffix, err = opts.String("suffix"); err != nil {
		return nil, err
	}
	if o.NoSuffix, err = opts.Bool("noSuffix"); err != nil {
		return nil, err
	}
	if o.UDH16, err = opts.Bool("udh16"); err != nil {
		return nil, err
	}
	return AppendFit(dst, body, n, o)
}

func jsAnalyze(dst []byte, args []js.Value) ([]byte, error) {
	body, o, err := analyzeArgs(args)
	if err != nil {
		return nil, err
	}
	return AppendAnalysis(dst, body, o)
}

func jsCount(dst []byte, args []js.Value) ([]byte, error) {
	body, o, err := analyzeArgs(args)
	if err != nil {
		return nil, err
	}
	return AppendCount(dst, body, o)
}

func analyzeArgs(args []js.Value) (string, AnalyzeOptions, error) {
	body, err := StringArg(args, 0, "body")
	if err != nil {
		return "", AnalyzeOptions{}, err
	}
	opts, err := OptionsArg(args, 1, "options", "smart", "nfc", "udh16", "policy")
	if err != nil {
		return "", AnalyzeOptions{}, err
	}
	var o AnalyzeOptions
	if o.Smart, err = opts.Bool("smart"); err != nil {
		return "", o, err
	}
	if o.NFC, err = opts.Bool("nfc"); err != nil {
		return "", o, err
	}
	if o.UDH16, err = opts.Bool("udh16"); err != nil {
		return "", o, err
	}
	policy, err := opts.String("policy")
	if err != nil {
		return "", o, err
	}
	if o.Policy, err = sms.ParseSmartPolicy(policy); err != nil {
		return "", o, &Error{Code: CodeInvalidArgument, Message: err.Error(), Param: "options.policy"}
	}
	return body, o, nil
}

func jsSuggest(dst []byte, args []js.Value) ([]byte, error) {
	body, err := StringArg(args, 0, "body")
	if err != nil {
		return nil, err
	}
	opts, err := OptionsArg(args, 1, "options", "udh16")
	if err != nil {
		return nil, err
	}
	udh16, err := opts.Bool("udh16")
	if err != nil {
		return nil, err
	}
	return AppendSuggestion(dst, body, udh16)
}
