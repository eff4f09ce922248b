package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
)

// This file says the library's errors in the words of the command line: a
// flag or an environment variable where the library names a Go field, the
// value once, and no "sms: " prefix inside a message.

// regionHint is how the user gives the region of national numbers: the
// address command and --jsonl have -region; where no flag does, the number
// must be written in E.164.
type regionHint string

const (
	withRegionFlag regionHint = "-region"
	noRegionFlag   regionHint = ""
)

// userError is err in the words of the command line.
func userError(err error) string { return userErrorHint(err, withRegionFlag) }

func userErrorHint(err error, hint regionHint) string {
	if err == nil {
		return ""
	}
	if pes := sms.ParamErrors(err); len(pes) > 0 {
		msgs := make([]string, len(pes))
		for i, pe := range pes {
			msgs[i] = paramMessage(pe, hint)
		}
		return strings.Join(msgs, "; ")
	}
	var ae *sms.AddressError
	if errors.As(err, &ae) {
		return addressMessage(ae, "", hint)
	}
	var oe *sms.OptionError
	if errors.As(err, &oe) {
		if oe.Option == "NoSuffix" {
			return "-suffix and -no-suffix exclude each other"
		}
		if flag, ok := optionFlags[oe.Option]; ok {
			msg := flag + " " + strconv.Quote(oe.Value) + ": invalid"
			if oe.Reason != "" {
				msg = flag + ": " + trimSMS(oe.Reason)
			}
			return msg
		}
	}
	return jsonMessage(err)
}

// optionFlags names the flag of each sms.OptionError option the commands
// set from a flag.
var optionFlags = map[string]string{
	"Encoding":    "-encoding",
	"maxSegments": "-fit",
	"Suffix":      "-suffix",
	"SmartPolicy": "-smart",
}

// trimSMS drops every "sms: " that starts the message or one of its
// clauses, so that a wrapped error does not repeat the prefix.
func trimSMS(s string) string {
	s = strings.TrimPrefix(s, "sms: ")
	return strings.ReplaceAll(s, ": sms: ", ": ")
}

// addressMessage says what is wrong with an address: the field and the
// value once, the rule in words, and how to fix it with this command.
func addressMessage(ae *sms.AddressError, field string, hint regionHint) string {
	if field == "" {
		field = ae.Field
	}
	var b strings.Builder
	if field != "" {
		b.WriteString(field)
		b.WriteByte(' ')
	}
	b.WriteString(strconv.Quote(ae.Value))
	b.WriteString(": ")
	switch ae.Rule {
	case sms.RuleMissingPlus:
		b.WriteString("a national number (no + and country code): ")
		if hint == withRegionFlag {
			b.WriteString("give its region, such as -region US, or write it in E.164, such as +14155552671")
		} else {
			b.WriteString("write it in E.164, + and the country code, such as +14155552671")
		}
		return b.String()
	case sms.RuleNotASCII:
		b.WriteString("fullwidth or non-ASCII digit or sign")
	case sms.RuleFormatting:
		b.WriteString("formatting character inside a number (E.164 has none)")
	default:
		// The rule's text, without the library's prefix and value.
		msg := ae.Error()
		if i := strings.Index(msg, strconv.Quote(ae.Value)+": "); i >= 0 {
			msg = msg[i+len(strconv.Quote(ae.Value))+2:]
		}
		if j := strings.LastIndex(msg, " at byte "); j >= 0 {
			msg = msg[:j]
		}
		b.WriteString(msg)
	}
	if ae.Offset >= 0 && ae.Offset <= len(ae.Value) {
		fmt.Fprintf(&b, " at character %d", utf8.RuneCountInString(ae.Value[:ae.Offset])+1)
	}
	return b.String()
}

// paramMessage is one request problem: "To "4155552671": ...", with the
// flag or variable to use when the parameter is one the command sets, and
// Twilio's error code.
func paramMessage(pe *sms.ParamError, hint regionHint) string {
	var msg string
	var ae *sms.AddressError
	switch {
	case pe.Cause != nil && errors.As(pe.Cause, &ae):
		msg = addressMessage(ae, pe.Param, hint)
	case paramWords[pe.Param+"/"+pe.Rule.String()] != "":
		msg = paramWords[pe.Param+"/"+pe.Rule.String()]
	default:
		param := pe.Param
		if w, ok := paramNames[param]; ok {
			param = w
		} else if param == "" {
			param = `""`
		}
		msg = param + ": " + trimSMS(pe.Detail)
		if pe.Detail == "" {
			msg = param + ": " + pe.Rule.String()
		}
	}
	if pe.TwilioCode != 0 && !strings.Contains(msg, "Twilio error") {
		msg += " (Twilio error " + strconv.Itoa(pe.TwilioCode) + ")"
	}
	return msg
}

// paramNames are the command-line names of the parameters the request
// command takes from flags or the environment rather than from the
// message's parameters.
var paramNames = map[string]string{
	"AccountSid":           "Account SID (-account or TWILIO_ACCOUNT_SID)",
	"Sid":                  "-sid",
	"Credentials.Username": "Account SID or API key (TWILIO_ACCOUNT_SID or TWILIO_API_KEY)",
	"Credentials.Secret":   "secret (TWILIO_AUTH_TOKEN or TWILIO_API_SECRET)",
	"Edge":                 "-edge",
	"Region":               "-region",
}

// paramWords replace whole messages whose library wording names Go fields.
var paramWords = map[string]string{
	"AccountSid/required":           "no Account SID: give -account AC… or set TWILIO_ACCOUNT_SID",
	"Credentials.Username/required": "a secret without its Account SID or API key: set TWILIO_ACCOUNT_SID (with TWILIO_AUTH_TOKEN) or TWILIO_API_KEY (with TWILIO_API_SECRET)",
	"Credentials.Secret/required":   "no secret: set TWILIO_AUTH_TOKEN (or TWILIO_API_SECRET with TWILIO_API_KEY)",
}

// jsonMessage says what encoding/json found wrong in the words of the
// input, without Go's type and field names.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		what := te.Field
		if what == "" {
			what = "the input"
		}
		return fmt.Sprintf("%s: a JSON %s where %s is expected", what, te.Value, jsonKind(te.Type.Kind().String()))
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("not valid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	}
	return trimSMS(err.Error())
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "an array"
	case "map", "struct":
		return "an object"
	}
	return "a number"
}
