package sms

import (
	"errors"
	"strconv"
	"strings"
)

// ErrInvalidParam is matched (errors.Is) by every *ParamError, whatever the
// rule it broke.
var ErrInvalidParam = errors.New("sms: invalid request parameter")

// ParamRule names the check a request parameter failed. Its String form is a
// short kebab-case word, stable enough for JSON output and tests.
type ParamRule uint8

// The rules. Each is also an error value, for errors.Is (see Error).
const (
	ParamRequired ParamRule = iota + 1 // a required parameter is missing
	ParamUTF8                          // not valid UTF-8
	ParamControl                       // CR, LF or another C0/C1 control
	ParamTooLong                       // longer than Twilio allows
	ParamTooMany                       // repeated more often than allowed
	ParamRange                         // a number out of range, or a 0 that was given
	ParamFormat                        // not of the form the parameter takes
	ParamURL                           // not an acceptable URL
	ParamSID                           // not a SID of the right kind
	ParamEnum                          // not one of the allowed values
	ParamJSON                          // not the JSON expected
	ParamAddress                       // not a valid address for this parameter
	ParamDepends                       // needs, or excludes, another parameter
	ParamSchedule                      // SendAt outside the scheduling window
	ParamUnknown                       // not a parameter of the request
)

var ruleNames = [...]string{
	ParamRequired: "required",
	ParamUTF8:     "utf8",
	ParamControl:  "control-char",
	ParamTooLong:  "too-long",
	ParamTooMany:  "too-many",
	ParamRange:    "range",
	ParamFormat:   "format",
	ParamURL:      "url",
	ParamSID:      "sid",
	ParamEnum:     "enum",
	ParamJSON:     "json",
	ParamAddress:  "address",
	ParamDepends:  "depends",
	ParamSchedule: "schedule-window",
	ParamUnknown:  "unknown",
}

// String returns the rule's short name, such as "required" or "url".
func (r ParamRule) String() string {
	if int(r) < len(ruleNames) && ruleNames[r] != "" {
		return ruleNames[r]
	}
	return "rule(" + strconv.Itoa(int(r)) + ")"
}

// Error returns the rule's short name, as String does: a ParamRule is an
// error value only so that errors.Is(err, ParamSchedule) finds a
// *ParamError that broke that rule, anywhere in an errors.Join tree.
func (r ParamRule) Error() string { return r.String() }

// ParamError reports one request parameter that broke one rule. Param is
// the parameter's name as Twilio spells it ("To", "SendAt", "MediaUrl[3]"
// for the fourth media URL). Detail explains the problem in words; it never
// repeats a message body or a secret. Cause, when not nil, is the error of
// a lower layer (an address or JSON parser) that led to the verdict.
//
// ParamError unwraps to ErrInvalidParam and to Cause, and matches its
// ParamRule, so errors.Is(err, ErrInvalidParam), errors.Is(err, ParamURL)
// and errors.As both work.
//
// TwilioCode is the code of Twilio's error dictionary that the live API
// returns for the same mistake (21211 for an invalid To, 21617 for a Body
// over 1,600 characters, 35115 for a SendAt outside the scheduling window),
// or 0 when the dictionary has none: testdata/twilio_error_codes.tsv lists
// them with their sources. TwilioErrorURL gives its page.
type ParamError struct {
	Param  string
	Rule   ParamRule
	Detail string
	Cause  error

	TwilioCode int
}

// Error returns "sms: Param: rule: detail".
func (e *ParamError) Error() string {
	var b strings.Builder
	b.Grow(16 + len(e.Param) + len(e.Detail))
	b.WriteString("sms: ")
	if e.Param == "" {
		b.WriteString(`""`) // a JSON key or form name that is empty
	} else {
		b.WriteString(e.Param)
	}
	b.WriteString(": ")
	b.WriteString(e.Rule.String())
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.TwilioCode != 0 && !strings.Contains(e.Detail, "Twilio error") {
		b.WriteString(" (Twilio error ")
		b.WriteString(strconv.Itoa(e.TwilioCode))
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns ErrInvalidParam and Cause (when set).
func (e *ParamError) Unwrap() []error {
	if e.Cause != nil {
		return []error{ErrInvalidParam, e.Cause}
	}
	return []error{ErrInvalidParam}
}

// Is reports whether target is the rule e broke, so that
// errors.Is(err, ParamRange) holds for a range error.
func (e *ParamError) Is(target error) bool {
	r, ok := target.(ParamRule)
	return ok && r == e.Rule
}

// ParamErrors returns the *ParamError values inside err, in order: the
// members of an errors.Join tree, or err itself. It returns nil when there
// are none.
func ParamErrors(err error) []*ParamError {
	var out []*ParamError
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if pe, ok := e.(*ParamError); ok {
			out = append(out, pe)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		walk(errors.Unwrap(e))
	}
	walk(err)
	return out
}

// problems collects ParamErrors for errors.Join.
type problems []error

func (p *problems) add(param string, rule ParamRule, detail string) {
	*p = append(*p, &ParamError{Param: param, Rule: rule, Detail: detail, TwilioCode: paramTwilioCode(param, rule, "", nil)})
}

func (p *problems) addCause(param string, rule ParamRule, detail string, cause error) {
	*p = append(*p, &ParamError{Param: param, Rule: rule, Detail: detail, Cause: cause, TwilioCode: paramTwilioCode(param, rule, "", cause)})
}

// addVariant adds a problem that a variant of the check tells apart for its
// Twilio error code (see twilioCodes).
func (p *problems) addVariant(param string, rule ParamRule, variant, detail string) {
	*p = append(*p, &ParamError{Param: param, Rule: rule, Detail: detail, TwilioCode: paramTwilioCode(param, rule, variant, nil)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return errors.Join(p...)
}
