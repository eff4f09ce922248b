package sms

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNotGSM7 is wrapped by every error that says a body cannot be sent in
// GSM-7.
var ErrNotGSM7 = errors.New("sms: body cannot be encoded in GSM-7")

// ErrInvalidOption is wrapped by every error about an option's value.
var ErrInvalidOption = errors.New("sms: invalid option")

// EncodingError reports the characters that keep a body out of GSM-7 when
// GSM-7 was forced. It wraps ErrNotGSM7.
type EncodingError struct {
	Chars []Char // every character that is not GSM-7, in order
}

func newEncodingError(body string) *EncodingError {
	a, _ := analyze(body, EncodingUCS2, 6)
	return &EncodingError{Chars: a.AppendNonGSM(nil)}
}

func (e *EncodingError) Error() string {
	var b strings.Builder
	b.WriteString("sms: body cannot be encoded in GSM-7: ")
	b.WriteString(strconv.Itoa(len(e.Chars)))
	b.WriteString(" character(s) outside it:")
	for i, c := range e.Chars {
		if i == 5 {
			b.WriteString(" ...")
			break
		}
		b.WriteString(" ")
		b.WriteString(strconv.QuoteToASCII(c.Text))
		b.WriteString(" at byte ")
		b.WriteString(strconv.Itoa(c.Offset))
	}
	return b.String()
}

// Unwrap returns ErrNotGSM7.
func (e *EncodingError) Unwrap() error { return ErrNotGSM7 }

// OptionError reports an option with a value the library does not know.
// It wraps ErrInvalidOption.
type OptionError struct {
	Option string // the field, for example "Encoding"
	Value  string // the value given
	Reason string // why it is invalid, when the value alone does not say
}

func (e *OptionError) Error() string {
	msg := "sms: invalid option " + e.Option + ": " + strconv.Quote(e.Value)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Unwrap returns ErrInvalidOption.
func (e *OptionError) Unwrap() error { return ErrInvalidOption }
