// Package phone reads phone numbers with Google's libphonenumber metadata,
// through github.com/nyaruka/phonenumbers: it normalises national and
// formatted input to E.164 with a default region, and tells whether a number
// is possible and valid, its region, its calling code and its type.
//
// It is a separate package because the metadata is large (about 2.5 MB
// gzipped in a WebAssembly binary, set up when the package initialises).
// The root package sms never imports it; pass Parser{} as
// sms.AddressOptions.Numbers to use it from sms.AddressOptions.ParseAddress.
package phone

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	sms "github.com/smsgauge/sms"
)

// Parser implements sms.NumberParser with libphonenumber metadata. The zero
// value is ready to use and safe for concurrent use.
type Parser struct{}

// ParseNumber implements sms.NumberParser: it is Parse.
func (Parser) ParseNumber(s, region string) (sms.NumberInfo, error) {
	return Parse(s, region)
}

// Parse reads s as a phone number, leniently as libphonenumber does: it may
// be in E.164 form or formatted ("+44 20 7946 0958"), or national
// ("(415) 555-2671", "020 7946 0958") read in region, an ISO 3166-1 alpha-2
// code in either case; "" (or libphonenumber's "ZZ") means s must start
// with "+". Like libphonenumber
// it accepts fullwidth and other Unicode decimal digits, an international
// call prefix of region ("011" in the US, "00" in most of the world), and
// vanity letters ("1-800-FLOWERS", converted to digits).
//
// It rejects, with an *sms.AddressError: input longer than
// sms.MaxAddressLen bytes (before reading it), invalid UTF-8, control,
// invisible and bidi characters, an unknown region, text that is not a
// number, an unknown calling code, too few digits, more digits than E.164
// allows (also after libphonenumber's formatting), and an extension (a message cannot be sent to one). A number that parses but is
// not valid is returned with Valid false, not as an error.
func Parse(s, region string) (sms.NumberInfo, error) {
	if len(s) > sms.MaxAddressLen {
		return sms.NumberInfo{}, fail(s, sms.RuleTooLong, -1)
	}
	if rule, off := scan(s); rule != sms.RuleNone {
		return sms.NumberInfo{}, fail(s, rule, off)
	}
	region = strings.ToUpper(region)
	if region == "ZZ" { // libphonenumber's "unknown region"
		region = ""
	}
	if region != "" {
		if phonenumbers.GetCountryCodeForRegion(region) == 0 {
			return sms.NumberInfo{}, fail(s, sms.RuleUnknownCountryCode, -1)
		}
	}
	num := &phonenumbers.PhoneNumber{}
	if err := phonenumbers.ParseToNumber(s, region, num); err != nil {
		return sms.NumberInfo{}, fail(s, parseRule(err, s), -1)
	}
	if num.GetExtension() != "" {
		return sms.NumberInfo{}, fail(s, sms.RuleExtension, -1)
	}
	n := info(num)
	if err := sms.CheckE164(n.E164); err != nil {
		// libphonenumber can format leading zeros into more than 15 digits.
		var ae *sms.AddressError
		rule := sms.RuleInvalidNumber
		if errors.As(err, &ae) {
			rule = ae.Rule
		}
		return sms.NumberInfo{}, fail(s, rule, -1)
	}
	if !n.Valid && s != n.E164 {
		// A number the metadata does not know can format to an E.164
		// string that reads back as another number: leading zeros
		// ("0000000" in AX gives "+358000000", which reads as "+35800000"),
		// a national prefix stripped twice ("+1110000000000" gives
		// "+110000000000", which reads as "+10000000000"). Such a reading is
		// not a normalisation: reject it. Valid numbers are stable, because
		// libphonenumber only strips a prefix when the rest stays valid.
		again := &phonenumbers.PhoneNumber{}
		if phonenumbers.ParseToNumber(n.E164, "", again) != nil || phonenumbers.Format(again, phonenumbers.E164) != n.E164 {
			return sms.NumberInfo{}, fail(s, sms.RuleInvalidNumber, -1)
		}
	}
	return n, nil
}

// Normalize returns s in E.164 form, read as Parse reads it. It fails when
// Parse does or when the number is not possible (its length cannot be right
// for its calling code); it does not require the number to be valid.
func Normalize(s, region string) (string, error) {
	n, err := Parse(s, region)
	if err != nil {
		return "", err
	}
	if !n.Possible {
		return "", fail(s, sms.RuleInvalidNumber, -1)
	}
	return n.E164, nil
}

func info(num *phonenumbers.PhoneNumber) sms.NumberInfo {
	region := phonenumbers.GetRegionCodeForNumber(num)
	if region == "ZZ" {
		region = ""
	}
	return sms.NumberInfo{
		E164:        phonenumbers.Format(num, phonenumbers.E164),
		Region:      region,
		CallingCode: int(num.GetCountryCode()),
		Possible:    phonenumbers.IsPossibleNumber(num),
		Valid:       phonenumbers.IsValidNumber(num),
		Type:        numberType(phonenumbers.GetNumberType(num)),
	}
}

// numberTypes maps libphonenumber's types, indexed by their value, to
// sms.NumberType.
var numberTypes = [...]sms.NumberType{
	phonenumbers.FIXED_LINE:           sms.NumberFixedLine,
	phonenumbers.MOBILE:               sms.NumberMobile,
	phonenumbers.FIXED_LINE_OR_MOBILE: sms.NumberFixedLineOrMobile,
	phonenumbers.TOLL_FREE:            sms.NumberTollFree,
	phonenumbers.PREMIUM_RATE:         sms.NumberPremiumRate,
	phonenumbers.SHARED_COST:          sms.NumberSharedCost,
	phonenumbers.VOIP:                 sms.NumberVoIP,
	phonenumbers.PERSONAL_NUMBER:      sms.NumberPersonal,
	phonenumbers.PAGER:                sms.NumberPager,
	phonenumbers.UAN:                  sms.NumberUAN,
	phonenumbers.VOICEMAIL:            sms.NumberVoicemail,
	phonenumbers.UNKNOWN:              sms.NumberTypeUnknown,
}

func numberType(t phonenumbers.PhoneNumberType) sms.NumberType {
	if t >= 0 && int(t) < len(numberTypes) {
		return numberTypes[t]
	}
	return sms.NumberTypeUnknown
}

func parseRule(err error, s string) sms.AddressRule {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		if !strings.ContainsAny(s, "+＋") {
			return sms.RuleMissingPlus
		}
		return sms.RuleUnknownCountryCode
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return sms.RuleTooShort
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return sms.RuleTooManyDigits
	}
	return sms.RuleInvalidNumber
}

// scan rejects what libphonenumber would silently skip: invalid UTF-8,
// controls, invisible format characters and bidi controls.
func scan(s string) (sms.AddressRule, int) {
	if strings.TrimSpace(s) == "" {
		return sms.RuleEmpty, -1
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return sms.RuleInvalidUTF8, i
		case (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C:
			return sms.RuleBidi, i
		case r < 0x20 || (r >= 0x7F && r <= 0x9F) || isFormat(r):
			return sms.RuleControl, i
		}
	}
	return sms.RuleNone, -1
}

func fail(s string, rule sms.AddressRule, off int) error {
	if len(s) > 64 {
		s = s[:64]
	}
	return &sms.AddressError{Value: s, Rule: rule, Offset: off}
}

// isFormat reports whether r is an invisible format character (Unicode
// category Cf) that is not a bidi control (those are reported first).
func isFormat(r rune) bool {
	return r >= 0x80 && unicode.Is(unicode.Cf, r)
}

// Regions returns the ISO 3166-1 alpha-2 codes of the regions that share a
// calling code (one for most codes; +1, +7 and +44 have several), or none
// for an unknown code. The slice is the metadata's own: do not modify it.
func Regions(callingCode int) []string {
	return phonenumbers.GetRegionCodesForCountryCode(callingCode)
}

// ValidRegion returns the region in whose numbering plan the E.164 number
// e164 is valid, and its calling code; ok is false when it does not parse
// as one number without an extension or is valid in no region. It skips what Parse adds (the checks
// of the input's characters, formatting, the number type), so it suits a
// caller that has already checked e164's syntax and asks many numbers.
func ValidRegion(e164 string) (region string, callingCode int, ok bool) {
	var num phonenumbers.PhoneNumber
	if phonenumbers.ParseToNumber(e164, "", &num) != nil || num.GetExtension() != "" {
		return "", 0, false
	}
	r := phonenumbers.GetRegionCodeForNumber(&num)
	if r == "" || r == "ZZ" {
		return "", 0, false
	}
	return r, int(num.GetCountryCode()), true
}
