//go:build js && wasm

package webforms

import (
	"syscall/js"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/webapi"
)

var jsonStringify = js.Global().Get("JSON").Get("stringify")

// Funcs returns parseAddress, buildCreateForm and fit. numbers reads phone
// numbers with metadata (package phone); nil checks E.164 syntax only.
func Funcs(numbers sms.NumberParser) map[string]webapi.Func {
	f := map[string]webapi.Func{"fit": webapi.JSFit}
	f["parseAddress"] = func(dst []byte, args []js.Value) ([]byte, error) {
		value, err := webapi.StringArg(args, 0, "value")
		if err != nil {
			return nil, err
		}
		opts, err := webapi.OptionsArg(args, 1, "options", "as", "region", "lenient", "permissive")
		if err != nil {
			return nil, err
		}
		var o AddressOptions
		if o.As, err = opts.String("as"); err != nil {
			return nil, err
		}
		if o.Region, err = opts.String("region"); err != nil {
			return nil, err
		}
		if o.Lenient, err = opts.Bool("lenient"); err != nil {
			return nil, err
		}
		if o.Permissive, err = opts.Bool("permissive"); err != nil {
			return nil, err
		}
		return AppendAddress(dst, value, o, numbers)
	}
	f["buildCreateForm"] = func(dst []byte, args []js.Value) ([]byte, error) {
		if len(args) == 0 || args[0].Type() != js.TypeObject || js.Global().Get("Array").Call("isArray", args[0]).Bool() {
			return nil, &webapi.Error{Code: webapi.CodeInvalidArgument, Message: "sms: params must be an object of create-message parameters", Param: "params"}
		}
		return AppendCreateForm(dst, []byte(jsonStringify.Invoke(args[0]).String()))
	}
	return f
}
