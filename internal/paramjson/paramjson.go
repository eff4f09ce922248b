// Package paramjson reads request parameters written as a JSON object, as
// the command line and the web page take them ({"To": "+1…", "MediaUrl":
// ["…", "…"], "SmartEncoded": true}), into the values Twilio's form carries,
// and from there into the builders of package sms. It reads JSON strictly
// (internal/strictjson): text arrives exactly as typed, or it is an error.
// Package rest is its public face; the web page's module uses it directly,
// without the HTTP stack.
package paramjson

import (
	"net/url"
	"strconv"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/strictjson"
)

// Param is what errors about the JSON text as a whole name as their
// parameter.
const Param = "JSON"

// Values reads one JSON object of parameters. A value may be a string, a
// number (kept as written), a boolean ("true" or "false"), or an array of
// those, which gives the parameter one value per element; null leaves the
// parameter out. Anything else, and any text that is not strict JSON
// (invalid UTF-8, a lone surrogate escape, a key given twice, text after
// the object), is an *sms.ParamError with rule ParamJSON that names the key
// and the byte offset.
func Values(text string) (url.Values, error) {
	v, err := strictjson.Parse(text)
	if err != nil {
		return nil, &sms.ParamError{Param: Param, Rule: sms.ParamJSON, Detail: err.Error(), Cause: err}
	}
	if v.Kind != strictjson.Object {
		return nil, &sms.ParamError{Param: Param, Rule: sms.ParamJSON, Detail: "want an object of parameters, such as {\"To\": \"+14155552671\"}, not " + v.Kind.String()}
	}
	vals := make(url.Values, len(v.Members))
	for _, m := range v.Members {
		switch m.Value.Kind {
		case strictjson.Null:
			continue
		case strictjson.Array:
			vs := make([]string, 0, len(m.Value.Items))
			for _, it := range m.Value.Items {
				s, err := scalar(m.Key, it)
				if err != nil {
					return nil, err
				}
				vs = append(vs, s)
			}
			vals[m.Key] = vs
		default:
			s, err := scalar(m.Key, m.Value)
			if err != nil {
				return nil, err
			}
			vals[m.Key] = []string{s}
		}
	}
	return vals, nil
}

func scalar(key string, v strictjson.Value) (string, error) {
	switch v.Kind {
	case strictjson.String, strictjson.Number, strictjson.Bool:
		return v.Text, nil
	}
	return "", &sms.ParamError{Param: key, Rule: sms.ParamJSON,
		Detail: "want a string, number or boolean (or an array of them), not " + v.Kind.String() + " at byte " + strconv.Itoa(v.Offset)}
}

// Create reads a JSON object of create-message parameters into an
// sms.CreateMessage: Values, then sms.ParseCreateMessage.
func Create(text string) (sms.CreateMessage, error) {
	vals, err := Values(text)
	if err != nil {
		return sms.CreateMessage{}, err
	}
	return sms.ParseCreateMessage(vals)
}

// List reads a JSON object of list filters into an sms.ListMessages:
// Values, then sms.ParseListMessages.
func List(text string) (sms.ListMessages, error) {
	vals, err := Values(text)
	if err != nil {
		return sms.ListMessages{}, err
	}
	return sms.ParseListMessages(vals)
}
