package sms

import (
	"errors"
	"strconv"
)

// ErrAddress is the sentinel of every address that is malformed or cannot be
// classified. errors.Is(err, ErrAddress) holds for every *AddressError except
// those of the direction rules, which match ErrRoute.
var ErrAddress = errors.New("sms: invalid address")

// ErrRoute is the sentinel of a well-formed address used where it cannot be:
// an alphanumeric sender ID as a To, a From and To on different channels, an
// SMS fallback for a sender that is not RCS.
var ErrRoute = errors.New("sms: address not allowed here")

// AddressRule names the rule an address broke. Its String form is a stable
// snake_case identifier, suitable for JSON.
type AddressRule uint8

// The rules an address can break.
const (
	RuleNone               AddressRule = iota // no rule broken (never in an error)
	RuleEmpty                                 // empty or only whitespace
	RuleTooLong                               // longer than MaxAddressLen bytes; rejected before any scan
	RuleInvalidUTF8                           // not valid UTF-8
	RuleControl                               // NUL, a C0/C1 control or an invisible format character
	RuleBidi                                  // a bidirectional override, embedding, isolate or mark (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
	RuleWhitespace                            // leading or trailing whitespace (strict mode)
	RuleNotASCII                              // fullwidth form or non-ASCII digit (strict mode; Lenient normalises them)
	RuleMissingPlus                           // a number without its leading +, and no NumberParser and Region to read it nationally
	RuleCountryCodeZero                       // the country code starts with 0
	RuleTooManyDigits                         // an E.164 number of 16 digits or more
	RuleNoDigits                              // a "+" with no digits after it
	RuleNotDigit                              // a letter or other character inside a number
	RuleFormatting                            // spaces, dashes, dots or parentheses inside a number (strict mode)
	RuleInvalidNumber                         // the NumberParser rejected the number, or RequireValid and it is not valid
	RuleUnknownChannel                        // an unsupported channel prefix (no Twilio error code known)
	RuleEmptyChannelID                        // a channel prefix with nothing after it ("whatsapp:")
	RuleChannelID                             // the part after a channel prefix has the wrong form
	RuleShortCodeLength                       // a short code outside 3–8 digits (5–6 in the US and Canada)
	RuleSenderIDLength                        // an alphanumeric sender ID longer than 11 characters
	RuleSenderIDChar                          // a character a sender ID may not hold
	RuleSenderIDNoLetter                      // a sender ID without a letter
	RuleSenderIDAsTo                          // an alphanumeric sender ID used as a To
	RuleAgentAsTo                             // an RCS agent used as a To
	RuleChannelMismatch                       // From and To on different channels
	RuleFallbackNotRCS                        // a FallbackFrom for a sender that is not RCS
	RuleFallbackNotSMS                        // a FallbackFrom that is not an SMS sender
	RuleFallbackToRCS                         // a FallbackFrom with an rcs: To, which forbids SMS fallback
	RuleUnknownCountryCode                    // no country has this calling code (needs a NumberParser)
	RuleTooShort                              // too few digits to be a number (needs a NumberParser)
	RuleExtension                             // an extension ("ext. 12"), which a message cannot be sent to
	numAddressRules
)

var addressRuleNames = [numAddressRules]string{
	RuleNone:               "none",
	RuleEmpty:              "empty",
	RuleTooLong:            "too_long",
	RuleInvalidUTF8:        "invalid_utf8",
	RuleControl:            "control_character",
	RuleBidi:               "bidi_control",
	RuleWhitespace:         "surrounding_whitespace",
	RuleNotASCII:           "not_ascii",
	RuleMissingPlus:        "missing_plus",
	RuleCountryCodeZero:    "country_code_zero",
	RuleTooManyDigits:      "too_many_digits",
	RuleNoDigits:           "no_digits",
	RuleNotDigit:           "not_a_digit",
	RuleFormatting:         "formatting",
	RuleInvalidNumber:      "invalid_number",
	RuleUnknownChannel:     "unknown_channel",
	RuleEmptyChannelID:     "empty_channel_address",
	RuleChannelID:          "invalid_channel_address",
	RuleShortCodeLength:    "short_code_length",
	RuleSenderIDLength:     "sender_id_length",
	RuleSenderIDChar:       "sender_id_character",
	RuleSenderIDNoLetter:   "sender_id_no_letter",
	RuleSenderIDAsTo:       "sender_id_as_to",
	RuleAgentAsTo:          "rcs_agent_as_to",
	RuleChannelMismatch:    "channel_mismatch",
	RuleFallbackNotRCS:     "fallback_without_rcs",
	RuleFallbackNotSMS:     "fallback_not_sms",
	RuleFallbackToRCS:      "fallback_with_rcs_to",
	RuleUnknownCountryCode: "unknown_country_code",
	RuleTooShort:           "too_short",
	RuleExtension:          "extension",
}

var addressRuleText = [numAddressRules]string{
	RuleNone:               "no error",
	RuleEmpty:              "empty",
	RuleTooLong:            "longer than " + strconv.Itoa(MaxAddressLen) + " bytes",
	RuleInvalidUTF8:        "invalid UTF-8",
	RuleControl:            "control or invisible character",
	RuleBidi:               "bidirectional control character (can disguise a sender)",
	RuleWhitespace:         "leading or trailing whitespace",
	RuleNotASCII:           "fullwidth or non-ASCII digit or sign (set Lenient to normalise)",
	RuleMissingPlus:        "number without leading + (E.164 required; set Lenient, Region and Numbers to read national numbers)",
	RuleCountryCodeZero:    "country code starts with 0",
	RuleTooManyDigits:      "more than 15 digits",
	RuleNoDigits:           "no digits after +",
	RuleNotDigit:           "not a digit inside a number",
	RuleFormatting:         "formatting character inside a number (E.164 has none; set Lenient to strip it)",
	RuleInvalidNumber:      "not a valid number",
	RuleUnknownChannel:     "unsupported channel prefix",
	RuleEmptyChannelID:     "nothing after the channel prefix",
	RuleChannelID:          "malformed address after the channel prefix",
	RuleShortCodeLength:    "short code length out of range",
	RuleSenderIDLength:     "alphanumeric sender ID longer than 11 characters",
	RuleSenderIDChar:       "character not allowed in an alphanumeric sender ID",
	RuleSenderIDNoLetter:   "alphanumeric sender ID needs at least one letter",
	RuleSenderIDAsTo:       "an alphanumeric sender ID can only be a From",
	RuleAgentAsTo:          "an RCS agent can only be a From",
	RuleChannelMismatch:    "From and To are on different channels",
	RuleFallbackNotRCS:     "FallbackFrom needs an RCS From",
	RuleFallbackNotSMS:     "FallbackFrom must be an SMS sender (number, short code or sender ID)",
	RuleFallbackToRCS:      "an rcs: To forces RCS, so it cannot have an SMS FallbackFrom",
	RuleUnknownCountryCode: "unknown country calling code",
	RuleTooShort:           "too few digits for a phone number",
	RuleExtension:          "a number with an extension cannot receive messages",
}

// String returns the rule's snake_case identifier, such as "missing_plus".
func (r AddressRule) String() string {
	if r < numAddressRules {
		return addressRuleNames[r]
	}
	return "rule(" + strconv.Itoa(int(r)) + ")"
}

// Error returns the rule's identifier, as String does: an AddressRule is an
// error value only so that errors.Is(err, RuleUnknownChannel) finds an
// *AddressError that broke that rule.
func (r AddressRule) Error() string { return r.String() }

func (r AddressRule) text() string {
	if r < numAddressRules {
		return addressRuleText[r]
	}
	return r.String()
}

// AddressError reports an address that broke a rule. Use errors.As to get it
// and errors.Is with ErrAddress or ErrRoute, or with the rule itself
// (errors.Is(err, RuleUnknownChannel)).
type AddressError struct {
	Field  string      // "To", "From", "FallbackFrom", or "" when parsed on its own
	Value  string      // the value (at most its first 64 bytes)
	Rule   AddressRule // the rule broken
	Offset int         // byte offset in Value of the offending character, or -1
}

// maxErrValue bounds the part of the input an AddressError keeps, so a 1 MB
// input does not end up in a log line.
const maxErrValue = 64

func newAddressError(value string, rule AddressRule, offset int) *AddressError {
	if len(value) > maxErrValue {
		value = value[:maxErrValue]
	}
	return &AddressError{Value: value, Rule: rule, Offset: offset}
}

// Error returns a message such as
// `sms: To "14155552671": number without leading + ...`.
func (e *AddressError) Error() string {
	b := make([]byte, 0, 96)
	b = append(b, "sms: "...)
	if e.Field != "" {
		b = append(b, e.Field...)
		b = append(b, ' ')
	}
	b = strconv.AppendQuote(b, e.Value)
	b = append(b, ": "...)
	b = append(b, e.Rule.text()...)
	if e.Offset >= 0 {
		b = append(b, " at byte "...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
	}
	return string(b)
}

// Unwrap returns ErrRoute for a direction rule and ErrAddress otherwise.
func (e *AddressError) Unwrap() error {
	switch e.Rule {
	case RuleSenderIDAsTo, RuleAgentAsTo, RuleChannelMismatch, RuleFallbackNotRCS, RuleFallbackNotSMS, RuleFallbackToRCS:
		return ErrRoute
	}
	return ErrAddress
}

// Is reports whether target is the rule e broke, so that
// errors.Is(err, RuleUnknownChannel) holds for an unknown channel prefix.
func (e *AddressError) Is(target error) bool {
	r, ok := target.(AddressRule)
	return ok && r == e.Rule
}
