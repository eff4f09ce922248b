package sms

import (
	"bytes"
	"errors"
)

// Flag is a boolean request parameter that can also be left out. Its zero
// value, Unset, omits the parameter, so that Twilio applies its own default;
// True and False send "true" and "false". A plain bool could not tell "false"
// from "not given", and a *bool makes struct literals clumsy.
type Flag uint8

// The three states of a Flag.
const (
	Unset Flag = iota // parameter omitted
	True              // sent as "true"
	False             // sent as "false"
)

// FlagOf returns True or False.
func FlagOf(b bool) Flag {
	if b {
		return True
	}
	return False
}

// IsSet reports whether f is True or False.
func (f Flag) IsSet() bool { return f == True || f == False }

// Bool reports whether f is True.
func (f Flag) Bool() bool { return f == True }

// String returns "true", "false" or "" (unset); other values give "invalid".
func (f Flag) String() string {
	switch f {
	case Unset:
		return ""
	case True:
		return "true"
	case False:
		return "false"
	}
	return "invalid"
}

// MarshalJSON encodes True and False as JSON booleans and Unset as null.
func (f Flag) MarshalJSON() ([]byte, error) {
	switch f {
	case True:
		return []byte("true"), nil
	case False:
		return []byte("false"), nil
	case Unset:
		return []byte("null"), nil
	}
	return nil, errFlagJSON
}

var errFlagJSON = errors.New(`sms: Flag must be true, false, "true", "false" or null`)

// UnmarshalJSON accepts true, false, "true", "false" (Twilio's own spelling
// on the wire) and null (Unset).
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "true", `"true"`:
		*f = True
	case "false", `"false"`:
		*f = False
	case "null":
		*f = Unset
	default:
		return errFlagJSON
	}
	return nil
}
