//go:build js && wasm

// Command smsgauge-wasm-phone is the phone WebAssembly module of the web
// composer:
//
//	smsgaugePhone.parseAddress(value, {as, region, lenient, permissive})
//	smsgaugePhone.buildCreateForm(params)
//
// on one global object, smsgaugePhone, beside the core's smsgauge and the
// forms module's smsgaugeForms. It is the forms module plus phone-number
// metadata (package phone, several megabytes), so that parseAddress also
// reports a number's region, type and validity and, with a region,
// normalises national input. The page loads it only when an address field
// is first used. Errors are {error: {code, message, param}} objects.
package main

import (
	"github.com/smsgauge/sms/internal/webapi"
	"github.com/smsgauge/sms/internal/webapi/webforms"
	"github.com/smsgauge/sms/phone"
)

func main() {
	webapi.Export("smsgaugePhone", webforms.Funcs(phone.Parser{}))
	select {}
}
