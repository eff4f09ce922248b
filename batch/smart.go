package batch

import (
	sms "github.com/smsgauge/sms"
)

// smartBody returns the body Twilio sends with SmartEncoded=true under the
// policy, built in dst (no allocation once dst has grown), and its analysis.
func smartBody(dst, body []byte, policy sms.SmartPolicy, udh16 bool, before *sms.Analysis) ([]byte, sms.Analysis) {
	dst = sms.AppendSmartEncode(dst[:0], body)
	a := analyzeBody(udh16, dst)
	if policy == sms.SmartIfGSM7 && a.Encoding != sms.EncodingGSM7 {
		// The 2017 announcement's policy: no substitution unless the result
		// is all GSM-7.
		return append(dst[:0], body...), *before
	}
	return dst, a
}

// suggestBody analyses the cheapest body sms.Suggest finds.
func suggestBody(udh16 bool, body []byte) sms.Analysis {
	s, err := sms.SmartOptions{Core: sms.Options{UDH16: udh16}}.Suggest(string(body))
	if err != nil { // cannot happen: valid options, automatic encoding
		return analyzeBody(udh16, body)
	}
	return s.After
}
