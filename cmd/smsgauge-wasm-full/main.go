//go:build js && wasm

// Command smsgauge-wasm-full is the full WebAssembly module of the web
// composer: everything the core module (smsgauge-wasm) has, plus
//
//	smsgaugeFull.parseAddress(value, {as, region, lenient, permissive})
//	smsgaugeFull.buildCreateForm(params)
//
// on one global object, smsgaugeFull (so that it can sit beside the core's
// smsgauge in one page). It links phone-number metadata, several
// megabytes, so the page loads it only when an address field is first
// touched. Errors are {error: {code, message, param}} objects.
package main

import (
	"github.com/smsgauge/sms/internal/webapi"
	"github.com/smsgauge/sms/internal/webapi/webfull"
)

func main() {
	webapi.Export("smsgaugeFull", webfull.Funcs(numbers))
	select {}
}
