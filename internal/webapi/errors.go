package webapi

import (
	"errors"

	sms "github.com/smsgauge/sms"
)

// Error is an error the JavaScript API reports as
// {error: {code, message, param}}.
type Error struct {
	Code    string // machine-readable, e.g. "invalid_argument"
	Message string // starts with "sms: "
	Param   string // the argument or option at fault, e.g. "options.smart"
	// TwilioCode is the code of Twilio's error dictionary for the same
	// mistake, reported as twilioCode when not 0 (none known).
	TwilioCode int
}

func (e *Error) Error() string { return e.Message }

// Error codes shared by every exported function.
const (
	CodeInvalidArgument = "invalid_argument" // an argument has the wrong type
	CodeUnknownOption   = "unknown_option"   // an options object has a key we do not know
	CodeInternal        = "internal"         // a Go panic, recovered
)

// libError turns an error of the library into an *Error: its message, a
// code from the sentinel it wraps, and param.
func libError(err error, param string) *Error {
	code := CodeInternal
	switch {
	case errors.Is(err, sms.ErrNotGSM7):
		code = "not_gsm7"
	case errors.Is(err, sms.ErrSuffixTooLong):
		code = "suffix_too_long"
	case errors.Is(err, sms.ErrInvalidOption):
		code = "invalid_option"
	}
	return &Error{Code: code, Message: err.Error(), Param: param}
}
