package sms

import (
	"errors"
	"strconv"
	"strings"
)

// ErrInvalidParam is matched (errors.Is) by every *ParamError, whatever the
// rule it broke.
var ErrInvalidParam = errors.New("sms: invalid request parameter")

// Sentinels for the rules a request parameter can break. Each *ParamError
// unwraps to ErrInvalidParam and to the sentinel of its ParamRule.
var (
	ErrParamRequired = errors.New("sms: required parameter missing")
	ErrParamUTF8     = errors.New("sms: parameter is not valid UTF-8")
	ErrParamControl  = errors.New("sms: parameter contains a control character")
	ErrParamTooLong  = errors.New("sms: parameter too long")
	ErrParamTooMany  = errors.New("sms: parameter repeated too often")
	ErrParamRange    = errors.New("sms: parameter out of range")
	ErrParamFormat   = errors.New("sms: parameter badly formatted")
	ErrParamURL      = errors.New("sms: parameter is not an acceptable URL")
	ErrParamSID      = errors.New("sms: parameter is not a SID of the right kind")
	ErrParamEnum     = errors.New("sms: parameter value not allowed")
	ErrParamJSON     = errors.New("sms: parameter is not the JSON expected")
	ErrParamAddress  = errors.New("sms: parameter is not a valid address")
	ErrParamDepends  = errors.New("sms: parameter needs another parameter")
	ErrParamSchedule = errors.New("sms: SendAt outside the scheduling window")
	ErrParamUnknown  = errors.New("sms: not a parameter of the request")
)

// ParamRule names the check a request parameter failed. Its String form is a
// short kebab-case word, stable enough for JSON output and tests.
type ParamRule uint8

// The rules, one per sentinel error.
const (
	ParamRequired ParamRule = iota + 1 // ErrParamRequired
	ParamUTF8                          // ErrParamUTF8
	ParamControl                       // ErrParamControl: CR, LF or another C0/C1 control
	ParamTooLong                       // ErrParamTooLong
	ParamTooMany                       // ErrParamTooMany
	ParamRange                         // ErrParamRange
	ParamFormat                        // ErrParamFormat
	ParamURL                           // ErrParamURL
	ParamSID                           // ErrParamSID
	ParamEnum                          // ErrParamEnum
	ParamJSON                          // ErrParamJSON
	ParamAddress                       // ErrParamAddress
	ParamDepends                       // ErrParamDepends
	ParamSchedule                      // ErrParamSchedule
	ParamUnknown                       // ErrParamUnknown: not a parameter of the request
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

var ruleErrs = [...]error{
	ParamRequired: ErrParamRequired,
	ParamUTF8:     ErrParamUTF8,
	ParamControl:  ErrParamControl,
	ParamTooLong:  ErrParamTooLong,
	ParamTooMany:  ErrParamTooMany,
	ParamRange:    ErrParamRange,
	ParamFormat:   ErrParamFormat,
	ParamURL:      ErrParamURL,
	ParamSID:      ErrParamSID,
	ParamEnum:     ErrParamEnum,
	ParamJSON:     ErrParamJSON,
	ParamAddress:  ErrParamAddress,
	ParamDepends:  ErrParamDepends,
	ParamSchedule: ErrParamSchedule,
	ParamUnknown:  ErrParamUnknown,
}

// String returns the rule's short name, such as "required" or "url".
func (r ParamRule) String() string {
	if int(r) < len(ruleNames) && ruleNames[r] != "" {
		return ruleNames[r]
	}
	return "rule(" + strconv.Itoa(int(r)) + ")"
}

// Err returns the sentinel error of the rule, or ErrInvalidParam for an
// unknown rule.
func (r ParamRule) Err() error {
	if int(r) < len(ruleErrs) && ruleErrs[r] != nil {
		return ruleErrs[r]
	}
	return ErrInvalidParam
}

// ParamError reports one request parameter that broke one rule. Param is
// the parameter's name as Twilio spells it ("To", "SendAt", "MediaUrl[3]"
// for the fourth media URL). Detail explains the problem in words; it never
// repeats a message body or a secret. Cause, when not nil, is the error of
// a lower layer (an address or JSON parser) that led to the verdict.
//
// ParamError unwraps to ErrInvalidParam, to the sentinel of its ParamRule and to
// Cause, so errors.Is and errors.As both work.
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
	b.WriteString(e.Param)
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

// Unwrap returns ErrInvalidParam, the rule's sentinel and Cause (when set).
func (e *ParamError) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Rule.Err(), ErrInvalidParam, e.Cause}
	}
	return []error{e.Rule.Err(), ErrInvalidParam}
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

// quoteShort quotes s for an error message, cut to at most 40 bytes.
func quoteShort(s string) string {
	const max = 40
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not cut a UTF-8 sequence
			cut--
		}
		return strconv.Quote(s[:cut]) + "..."
	}
	return strconv.Quote(s)
}
