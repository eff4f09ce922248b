package sms

import (
	"bytes"
	"errors"
)

// Flag is a boolean request parameter that can also be left out. Its zero
// value, FlagUnset, omits the parameter, so that Twilio applies its own
// default; FlagTrue and FlagFalse send "true" and "false". A plain bool
// could not tell "false" from "not given", and a *bool makes struct
// literals clumsy.
type Flag uint8

// The three states of a Flag.
const (
	FlagUnset Flag = iota // parameter omitted
	FlagTrue              // sent as "true"
	FlagFalse             // sent as "false"
)

// FlagOf returns FlagTrue or FlagFalse.
func FlagOf(b bool) Flag {
	if b {
		return FlagTrue
	}
	return FlagFalse
}

// IsSet reports whether f is FlagTrue or FlagFalse.
func (f Flag) IsSet() bool { return f == FlagTrue || f == FlagFalse }

// Bool reports whether f is FlagTrue.
func (f Flag) Bool() bool { return f == FlagTrue }

// String returns "true", "false" or "" (unset); other values give "invalid".
func (f Flag) String() string {
	switch f {
	case FlagUnset:
		return ""
	case FlagTrue:
		return "true"
	case FlagFalse:
		return "false"
	}
	return "invalid"
}

// MarshalJSON encodes FlagTrue and FlagFalse as JSON booleans and FlagUnset
// as null.
func (f Flag) MarshalJSON() ([]byte, error) {
	switch f {
	case FlagTrue:
		return []byte("true"), nil
	case FlagFalse:
		return []byte("false"), nil
	case FlagUnset:
		return []byte("null"), nil
	}
	return nil, errFlagJSON
}

var errFlagJSON = errors.New(`sms: Flag must be true, false, "true", "false" or null`)

// UnmarshalJSON accepts true, false, "true", "false" (Twilio's own spelling
// on the wire) and null (FlagUnset).
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "true", `"true"`:
		*f = FlagTrue
	case "false", `"false"`:
		*f = FlagFalse
	case "null":
		*f = FlagUnset
	default:
		return errFlagJSON
	}
	return nil
}
