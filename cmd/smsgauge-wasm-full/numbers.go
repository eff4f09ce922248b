//go:build js && wasm

package main

import sms "github.com/smsgauge/sms"

// numbers reads phone numbers with metadata; nil until package phone lands
// checks E.164 syntax only.
var numbers sms.NumberParser
