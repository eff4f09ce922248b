package sms

// NumberType is the kind of line a phone number belongs to, as numbering
// metadata (libphonenumber) classifies it. The root package never decides
// it: it comes from a NumberParser such as phone.Parser.
type NumberType uint8

// The number types, in libphonenumber's terms.
const (
	NumberTypeUnknown       NumberType = iota // not known, or metadata not consulted
	NumberFixedLine                           // a geographic landline
	NumberMobile                              // a mobile number
	NumberFixedLineOrMobile                   // the region's numbers do not tell the two apart (such as the US)
	NumberTollFree                            // free to the caller
	NumberPremiumRate                         // charged above the normal rate
	NumberSharedCost                          // cost shared between caller and recipient
	NumberVoIP                                // voice over IP
	NumberPersonal                            // a personal number routed to another line
	NumberPager                               // a pager
	NumberUAN                                 // a universal access number (company number)
	NumberVoicemail                           // direct voicemail access
	numNumberTypes
)

var numberTypeNames = [numNumberTypes]string{
	NumberTypeUnknown:       "unknown",
	NumberFixedLine:         "fixed_line",
	NumberMobile:            "mobile",
	NumberFixedLineOrMobile: "fixed_line_or_mobile",
	NumberTollFree:          "toll_free",
	NumberPremiumRate:       "premium_rate",
	NumberSharedCost:        "shared_cost",
	NumberVoIP:              "voip",
	NumberPersonal:          "personal",
	NumberPager:             "pager",
	NumberUAN:               "uan",
	NumberVoicemail:         "voicemail",
}

// String returns the type's snake_case name, such as "mobile" or "toll_free".
func (t NumberType) String() string {
	if t < numNumberTypes {
		return numberTypeNames[t]
	}
	return "unknown"
}

// NumberInfo is what numbering metadata says about a phone number.
type NumberInfo struct {
	E164        string     // the number in E.164 form, "+14155552671"
	Region      string     // ISO 3166-1 alpha-2 region, "US"; "001" for non-geographic numbers; "" if unknown
	CallingCode int        // country calling code, 1 for +1
	Possible    bool       // the length is possible for the calling code
	Valid       bool       // the number matches a range in use
	Type        NumberType // mobile, fixed line, toll free...
}

// NumberParser reads a phone number with numbering metadata. The root
// package does not carry that metadata (it is megabytes, and the root
// package is also built for WebAssembly); package phone provides an
// implementation backed by github.com/nyaruka/phonenumbers. Set it as
// AddressOptions.Numbers to normalise national input and to learn a number's
// region, type and validity.
//
// ParseNumber receives s as ASCII digits with an optional leading "+" (the
// address parser has already removed formatting and folded other digit
// forms) and a default ISO 3166-1 alpha-2 region for numbers without "+"
// ("" when none). It returns an error, preferably an *AddressError with
// RuleInvalidNumber, when the digits cannot be read as a number.
// Implementations must be safe for concurrent use.
type NumberParser interface {
	ParseNumber(s, region string) (NumberInfo, error)
}
