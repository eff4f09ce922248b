//go:build js && wasm

// Command smsgauge-wasm-forms is the forms WebAssembly module of the web
// composer:
//
//	smsgaugeForms.parseAddress(value, {as, region, lenient, permissive})
//	smsgaugeForms.buildCreateForm(params)
//
// on one global object, smsgaugeForms. It checks addresses by their syntax
// (E.164, channel prefixes, sender IDs, short codes) and builds and
// validates create-message requests, with no phone-number metadata, so the
// page loads it right after the core module and never waits for the
// metadata to check a form. Errors are {error: {code, message, param}}
// objects.
package main

import (
	"github.com/smsgauge/sms/internal/webapi"
	"github.com/smsgauge/sms/internal/webapi/webforms"
)

func main() {
	webapi.Export("smsgaugeForms", webforms.Funcs(nil))
	select {}
}
