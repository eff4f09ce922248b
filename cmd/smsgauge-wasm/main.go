//go:build js && wasm

// Command smsgauge-wasm is the core WebAssembly module of the web composer.
// It sets one global JavaScript object, smsgauge, with:
//
//	smsgauge.analyze(body, {smart, nfc, udh16, policy}) -> analysis
//	smsgauge.count(body, {smart, nfc, udh16, policy})   -> the counter's figures only
//	smsgauge.suggest(body, {udh16})                     -> suggestion
//
// and two plain WebAssembly exports, smsgauge_input and smsgauge_count,
// that count without the syscall/js callback cost (internal/webapi/export.go).
//
// Results are plain objects; failures are {error: {code, message, param}}
// objects, never exceptions. Offsets are UTF-16 indices, as JavaScript
// strings use. A lone surrogate in body (for example "\uD800") reaches Go
// as U+FFFD and is counted as that: UCS-2, one unit, at the same index.
//
// It links the root package and its counting only (no request builder, no
// address parser, no phone-number metadata), so that the counter loads
// fast; addresses and the request preview come from the forms module
// (smsgauge-wasm-forms), metadata from the phone module
// (smsgauge-wasm-phone). Build it with
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' ./cmd/smsgauge-wasm
//
// or let "smsgauge serve" do it.
package main

import "github.com/smsgauge/sms/internal/webapi"

func main() {
	webapi.Export("smsgauge", webapi.CoreFuncs())
	select {}
}
