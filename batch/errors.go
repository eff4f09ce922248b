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
	// ErrInvalidUTF8: a body or id that is not valid UTF-8, or, in a JSON
	// line, a string with an escaped lone surrogate ("\ud800"), which no
	// UTF-8 text can hold. Nothing is replaced by U+FFFD.
	ErrInvalidUTF8 = errors.New("sms: invalid UTF-8")
	// ErrEmptyBody: an empty or missing body.
	ErrEmptyBody = errors.New("sms: empty body")
	// ErrBadNumber: a to number that is not E.164 or has no known region.
	ErrBadNumber = errors.New("sms: bad number")
	// ErrTooLong: a record longer than Options.MaxRecordBytes.
	ErrTooLong = errors.New("sms: row too long")
	// ErrKey: a JSON line with a key given twice, two keys that differ only
	// in case ("body" and "Body"), or id, to, from or body written in another
	// case ("BODY"). encoding/json would keep the last or match any case.
	ErrKey = errors.New("sms: bad key")
	// ErrBodyTooLong: a body over sms.MaxBodyUnits (1,600) UTF-16 units,
	// which Twilio rejects with error 21617. The row still carries its
	// analysis (encoding, segments), but no cost: it would not be sent.
	ErrBodyTooLong = errors.New("sms: body over 1600 UTF-16 units (Twilio error 21617)")
	// ErrBadSender: a from value that is not a sender (sms.ParseAddress and
	// sms.CheckFrom reject it). The row still carries its analysis.
	ErrBadSender = errors.New("sms: bad sender")
)

// JSONError is the Err of a RowError for a JSON line that is not read
// exactly as typed: it names the key and the byte offset in the line.
type JSONError struct {
	Field  string // the key whose name or value holds the problem; "" for the line as a whole
	Offset int    // byte offset in the line
	Reason string // what is wrong
	Err    error  // ErrInvalidUTF8, ErrKey or ErrMalformed
}

// Error returns `sms: invalid UTF-8: "body": lone surrogate \ud800 (...) at
// byte 17`.
func (e *JSONError) Error() string {
	var b strings.Builder
	b.WriteString(e.Err.Error())
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(strconv.QuoteToASCII(e.Field))
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	b.WriteString(" at byte ")
	b.WriteString(strconv.Itoa(e.Offset))
	return b.String()
}

// Unwrap returns the sentinel.
func (e *JSONError) Unwrap() error { return e.Err }

// RowError is the error of one input row. ErrNoPrice rows carry it too, with
// Err set to the *PricingError.
type RowError struct {
	Line   int64  // 1-based line of the row's first line in the input
	ID     string // the row's id, if it has one
	Reason string // what is wrong, in words
	Err    error  // one of the Err* sentinels, or a *PricingError, *JSONError or *MoneyError
}

// Error implements error: "sms: line 7: empty body".
func (e *RowError) Error() string {
	return "sms: line " + strconv.FormatInt(e.Line, 10) + ": " + e.columnText()
}

// columnText is what the error column of the output says: the error
// without the "sms: line 7: " that Error starts with, since the row's
// line column already has it ("empty body").
func (e *RowError) columnText() string {
	if pe, ok := e.Err.(*PricingError); ok {
		return strings.TrimPrefix(pe.Error(), "sms: ")
	}
	s := strings.TrimPrefix(e.Err.Error(), "sms: ")
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}

// Unwrap returns the sentinel (or the *PricingError, which unwraps to
// ErrNoPrice; the *JSONError, which unwraps to its sentinel; the
// *MoneyError, which unwraps to ErrMoney).
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
