//go:build js && wasm

// Command smsgauge-wasm is the core WebAssembly module of the web composer.
// It sets one global JavaScript object, smsgauge, with:
//
//	smsgauge.analyze(body, {smart, nfc, udh16}) -> analysis
//	smsgauge.suggest(body)                      -> suggestion
//
// Results are plain objects; failures are {error: {code, message, param}}
// objects, never exceptions. Offsets are UTF-16 indices, as JavaScript
// strings use. A lone surrogate in body (for example "\uD800") reaches Go
// as U+FFFD and is counted as that: UCS-2, one unit, at the same index.
//
// It imports the root package only (no phone-number metadata), so that the
// counter loads fast; build it with
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
