// Package webforms holds the functions of the JavaScript API that check
// what goes around a body: parseAddress (address syntax, and with a
// sms.NumberParser, phone-number metadata) and buildCreateForm (the request
// builder, reading its parameters strictly). The forms module links it
// without metadata, so that addresses and the request preview work before
// any metadata loads; the phone module links it with package phone.
package webforms

import (
	"errors"
	"strings"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/paramjson"
	"github.com/smsgauge/sms/internal/webapi"
)

// AddressOptions are the options of parseAddress(value, {as, region,
// lenient, permissive}).
type AddressOptions struct {
	As         string // "to", "from" or "" (no direction check)
	Region     string // default region for national numbers, ISO 3166-1 alpha-2
	Lenient    bool   // normalise formatting instead of rejecting it
	Permissive bool   // allow - + _ & in alphanumeric sender IDs
}

// AppendAddress appends the parseAddress() result: {kind, channel, value,
// id, number: {e164, region, callingCode, possible, valid, type}} or an
// error whose code is the broken rule ("missing_plus", "sender_id_as_to",
// ...), whose param is "To", "From" or "value", and whose twilioCode is the
// code of Twilio's error dictionary for the same mistake (21211 for a To,
// 21212 for a From; absent when none is known, as without a direction).
func AppendAddress(dst []byte, value string, o AddressOptions, numbers sms.NumberParser) ([]byte, error) {
	param := "value"
	switch strings.ToLower(o.As) {
	case "":
	case "to":
		param = "To"
	case "from":
		param = "From"
	default:
		return nil, &webapi.Error{Code: webapi.CodeInvalidArgument, Message: `sms: option as must be "to" or "from", got "` + o.As + `"`, Param: "options.as"}
	}
	ao := sms.AddressOptions{Lenient: o.Lenient, Permissive: o.Permissive, Region: strings.ToUpper(o.Region), Numbers: numbers}
	a, err := ao.ParseAddress(value)
	if err == nil {
		switch param {
		case "To":
			err = sms.CheckTo(a)
		case "From":
			err = sms.CheckFrom(a)
		}
	}
	if err != nil {
		return nil, addressError(err, param)
	}
	w := webapi.NewObject(dst)
	w.Str("kind", a.Kind.String())
	w.Str("channel", a.Channel.String())
	w.Str("value", a.Value)
	w.Str("id", a.ID)
	if a.Number != (sms.NumberInfo{}) {
		n := w.Open("number", '{')
		n.Str("e164", a.Number.E164)
		n.Str("region", a.Number.Region)
		n.Int("callingCode", a.Number.CallingCode)
		n.Bool("possible", a.Number.Possible)
		n.Bool("valid", a.Number.Valid)
		n.Str("type", a.Number.Type.String())
		w.End(n)
	}
	return w.Close(), nil
}

func addressError(err error, param string) *webapi.Error {
	var ae *sms.AddressError
	if errors.As(err, &ae) {
		code := ae.TwilioCode()
		if ae.Field == "" && param != "value" {
			e := *ae
			e.Field = param
			code = e.TwilioCode()
		}
		return &webapi.Error{Code: ae.Rule.String(), Message: err.Error(), Param: param, TwilioCode: code}
	}
	return &webapi.Error{Code: "invalid_address", Message: err.Error(), Param: param}
}

// AppendCreateForm appends the buildCreateForm() result for params, a JSON
// object of create-message parameters named as Twilio names them ("To",
// "Body", "MediaUrl": [...], "SmartEncoded": true, "SendAt":
// "2026-12-01T12:00:00Z"): {valid, form (the encoded body, when valid),
// fields ([name, value] pairs, in order), errors ({code, message, param,
// twilioCode}; twilioCode, Twilio's error code for the same mistake, only
// when one is known), warnings, estimate {encoding, segments, characters}}.
// Unknown parameter names are an error.
func AppendCreateForm(dst []byte, params []byte) ([]byte, error) {
	m, err := paramjson.Create(string(params))
	if err != nil {
		return nil, paramsError(err)
	}
	w := webapi.NewObject(dst)
	form, ferr := m.Form()
	w.Bool("valid", ferr == nil)
	if ferr == nil {
		w.Str("form", form.Encode())
		fl := w.Open("fields", '[')
		for _, k := range sortedKeys(form) {
			for _, v := range form[k] {
				fl.Item()
				fl.Raw(pair(k, v))
			}
		}
		w.End(fl)
	}
	es := w.Open("errors", '[')
	if ferr != nil {
		pes := sms.ParamErrors(ferr)
		if len(pes) == 0 {
			es.Item()
			es.Raw(problem("invalid", ferr.Error(), "", 0))
		}
		for _, pe := range pes {
			es.Item()
			es.Raw(problem(pe.Rule.String(), pe.Error(), pe.Param, pe.TwilioCode))
		}
	}
	w.End(es)
	ws := w.Open("warnings", '[')
	for _, wn := range m.Warnings() {
		ws.Item()
		ws.Raw(problem(wn.Code, wn.Message, wn.Param, 0))
	}
	w.End(ws)
	if m.Body != "" {
		a := sms.Analyze(m.Body)
		if m.SmartEncoded.Bool() {
			a = sms.SmartAnalyze(m.Body).After
		}
		est := w.Open("estimate", '{')
		est.Str("encoding", a.Encoding.String())
		est.Int("segments", a.Segments)
		est.Int("characters", a.Characters)
		w.End(est)
	}
	return w.Close(), nil
}

// paramsError turns the problems of reading params (strict JSON, unknown
// names, values of the wrong form) into one error object: its code is the
// rule of the first problem, its message lists them all.
func paramsError(err error) *webapi.Error {
	pes := sms.ParamErrors(err)
	if len(pes) == 0 {
		return &webapi.Error{Code: webapi.CodeInvalidArgument, Message: err.Error(), Param: "params"}
	}
	msg := pes[0].Error()
	for _, pe := range pes[1:] {
		msg += "; " + pe.Error()
	}
	return &webapi.Error{Code: pes[0].Rule.String(), Message: msg, Param: "params." + pes[0].Param}
}

func pair(k, v string) []byte {
	w := webapi.NewArray(nil)
	w.Item()
	w.Raw(webapi.AppendString(nil, k))
	w.Item()
	w.Raw(webapi.AppendString(nil, v))
	return w.Close()
}

// problem writes {code, message, param}, and twilioCode when twilio, the
// code of Twilio's error dictionary for the same mistake, is not 0.
func problem(code, message, param string, twilio int) []byte {
	w := webapi.NewObject(nil)
	w.Str("code", code)
	w.Str("message", message)
	w.Str("param", param)
	if twilio != 0 {
		w.Int("twilioCode", twilio)
	}
	return w.Close()
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// url.Values.Encode sorts by key; list the fields the same way.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
