//go:build js && wasm

package main

import (
	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/phone"
)

// numbers reads phone numbers with libphonenumber metadata, so that
// parseAddress reports a number's region, type and validity and, with a
// region, normalises national input.
var numbers sms.NumberParser = phone.Parser{}
