package sms

import (
	"errors"
	"strconv"
	"strings"
)

// twilioCodes maps the checks of the create-message builder to the code of
// Twilio's error dictionary that the live API returns for the same mistake:
// 0 where the dictionary has none, listed all the same so that every check is
// known to be classified. The keys are those of
// testdata/twilio_error_codes.tsv, which gives each code's page and the date
// it was read (2026-12); TestTwilioCodesTable keeps the two equal.
//
// A key is Param/rule (Param without its [index], rule as ParamRule.String),
// Param/rule#variant for a case the builder tells apart, Param/rule#rule with
// an AddressRule name for an error caused by an *AddressError, and Param/*
// for the rules of Param not listed apart.
var twilioCodes = map[string]int{
	"To/required":                               21604,
	"To/address":                                21211,
	"To/utf8":                                   21211,
	"To/control-char":                           21211,
	"To/address#unknown_channel":                0,
	"To/address#channel_mismatch":               0,
	"From/required":                             21603,
	"From/address":                              21212,
	"From/utf8":                                 21212,
	"From/control-char":                         21212,
	"From/address#same-as-to":                   21266,
	"From/address#unknown_channel":              0,
	"From/address#channel_mismatch":             0,
	"FallbackFrom/address":                      21665,
	"FallbackFrom/utf8":                         21665,
	"FallbackFrom/control-char":                 21665,
	"FallbackFrom/depends#not-sms":              21665,
	"FallbackFrom/address#unknown_channel":      0,
	"FallbackFrom/address#fallback_without_rcs": 0,
	"FallbackFrom/address#fallback_with_rcs_to": 0,
	"FallbackFrom/depends":                      0,
	"Body/required":                             21602,
	"Body/required#messaging-service":           21619,
	"Body/too-long":                             21617,
	"Body/utf8":                                 0,
	"MediaUrl/too-many":                         21623,
	"MediaUrl/url":                              21620,
	"MediaUrl/required":                         21620,
	"MediaUrl/utf8":                             21620,
	"MediaUrl/control-char":                     21620,
	"ContentVariables/depends":                  21654,
	"ContentVariables/json":                     21656,
	"ContentVariables/utf8":                     21656,
	"ContentVariables/too-long":                 21658,
	"ScheduleType/enum":                         35126,
	"ScheduleType/utf8":                         35126,
	"ScheduleType/control-char":                 35126,
	"ScheduleType/required":                     0,
	"SendAt/required":                           35111,
	"SendAt/schedule-window":                    35115,
	"MessagingServiceSid/required":              35118,
	"MessagingServiceSid/*":                     0,
	"ContentSid/*":                              0,
	"PersistentAction/*":                        0,
	"SmartEncoded/*":                            0,
	"SendAsMms/*":                               0,
	"ShortenUrls/*":                             0,
	"ValidityPeriod/*":                          0,
	"StatusCallback/*":                          0,
	"ApplicationSid/*":                          0,
	"ProvideFeedback/*":                         0,
	"ContentRetention/*":                        0,
	"AddressRetention/*":                        0,
	"RiskCheck/*":                               0,
	"TrafficType/*":                             0,
	"Attempt/*":                                 0,
	"MaxPrice/*":                                0,
	"ForceDelivery/*":                           0,
	"Tags/*":                                    0,
}

// twilioCodeKey returns the key of twilioCodes that classifies a check, the
// most specific first, and ok false when none does.
func twilioCodeKey(param, rule, variant string) (key string, ok bool) {
	if i := strings.IndexByte(param, '['); i >= 0 {
		param = param[:i]
	}
	base := param + "/" + rule
	if variant != "" {
		if _, ok := twilioCodes[base+"#"+variant]; ok {
			return base + "#" + variant, true
		}
	}
	if _, ok := twilioCodes[base]; ok {
		return base, true
	}
	if _, ok := twilioCodes[param+"/*"]; ok {
		return param + "/*", true
	}
	return "", false
}

// twilioCode returns the code of a check, 0 when none is known.
func twilioCode(param, rule, variant string) int {
	k, _ := twilioCodeKey(param, rule, variant)
	return twilioCodes[k]
}

// paramTwilioCode returns the code of a *ParamError: that of the address
// rule when cause is an *AddressError, that of the variant when one is given,
// that of the parameter and rule otherwise.
func paramTwilioCode(param string, rule ParamRule, variant string, cause error) int {
	var ae *AddressError
	if variant == "" && cause != nil && errors.As(cause, &ae) {
		return twilioCode(param, ParamAddress.String(), ae.Rule.String())
	}
	return twilioCode(param, rule.String(), variant)
}

// TwilioCode returns the code of Twilio's error dictionary that the live API
// returns for the same mistake in the same field, or 0 when there is none (as
// for an unsupported channel prefix) or the error has no Field. The table and
// its sources are in testdata/twilio_error_codes.tsv: 21211 for a To, 21212
// for a From, 21665 for a FallbackFrom.
func (e *AddressError) TwilioCode() int {
	if e.Field == "" {
		return 0
	}
	return twilioCode(e.Field, ParamAddress.String(), e.Rule.String())
}

// TwilioErrorURL returns the page of Twilio's error dictionary for code,
// such as https://www.twilio.com/docs/api/errors/21211, or "" for a code
// that is not positive.
func TwilioErrorURL(code int) string {
	if code <= 0 {
		return ""
	}
	return "https://www.twilio.com/docs/api/errors/" + strconv.Itoa(code)
}
