package batch

import (
	"errors"
	"strconv"
	"strings"
)

// Errors of one row. Every row error is a *RowError whose Unwrap returns one
// of them.
var (
	// ErrMalformed: a CSV record that cannot be parsed (a bare quote, a
	// quoted field not closed, the wrong number of fields) or a JSON line
	// that is not a JSON object with a string body.
	ErrMalformed = errors.New("sms: malformed row")
	// ErrInvalidUTF8: a body or id that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("sms: invalid UTF-8")
	// ErrEmptyBody: an empty or missing body.
	ErrEmptyBody = errors.New("sms: empty body")
	// ErrBadNumber: a to number that is not E.164 or has no known region.
	ErrBadNumber = errors.New("sms: bad number")
	// ErrTooLong: a record longer than Options.MaxRecordBytes.
	ErrTooLong = errors.New("sms: row too long")
)

// RowError is the error of one input row. ErrNoPrice rows carry it too, with
// Err set to the *PricingError.
type RowError struct {
	Line   int64  // 1-based line of the row's first line in the input
	ID     string // the row's id, if it has one
	Reason string // what is wrong, in words
	Err    error  // one of the Err* sentinels, or a *PricingError
}

// Error implements error.
func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString("sms: line ")
	b.WriteString(strconv.FormatInt(e.Line, 10))
	b.WriteString(": ")
	if pe, ok := e.Err.(*PricingError); ok {
		b.WriteString(strings.TrimPrefix(pe.Error(), "sms: "))
		return b.String()
	}
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "sms: "))
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	return b.String()
}

// Unwrap returns the sentinel (or the *PricingError, which unwraps to
// ErrNoPrice).
func (e *RowError) Unwrap() error { return e.Err }

// ErrInput is wrapped by the *InputError that stops a whole batch: an
// unreadable header, a missing column, a read error.
var ErrInput = errors.New("sms: batch input")

// InputError is an error that stops the batch before or while reading.
type InputError struct {
	Reason string
}

// Error implements error.
func (e *InputError) Error() string { return "sms: batch input: " + e.Reason }

// Unwrap returns ErrInput.
func (e *InputError) Unwrap() error { return ErrInput }
