package phone

import (
	"errors"
	"strings"
	"testing"

	sms "github.com/smsgauge/sms"
)

var parseCases = []struct {
	name     string
	in       string
	region   string
	e164     string
	numRgn   string
	code     int
	possible bool
	valid    bool
	typ      sms.NumberType
	rule     sms.AddressRule // RuleNone when ok
}{
	{"US national formatted", "(415) 555-2671", "US", "+14155552671", "US", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"US national lowercase region", "415.555.2671", "us", "+14155552671", "US", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"US with trunk 1", "1-415-555-2671", "US", "+14155552671", "US", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"US IDD 011 to GB", "011 44 20 7946 0958", "US", "+442079460958", "GB", 44, true, true, sms.NumberFixedLine, sms.RuleNone},
	{"E.164 no region", "+14155552671", "", "+14155552671", "US", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"CA by area code", "+1 416 555 1234", "", "+14165551234", "CA", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"GB mobile national", "07400 123456", "GB", "+447400123456", "GB", 44, true, true, sms.NumberMobile, sms.RuleNone},
	{"GB fixed national", "020 7946 0958", "GB", "+442079460958", "GB", 44, true, true, sms.NumberFixedLine, sms.RuleNone},
	{"FR mobile", "06 12 34 56 78", "FR", "+33612345678", "FR", 33, true, true, sms.NumberMobile, sms.RuleNone},
	{"US toll free", "+1 800 555 1234", "", "+18005551234", "US", 1, true, true, sms.NumberTollFree, sms.RuleNone},
	{"US premium", "+1 900 555 1234", "", "+19005551234", "US", 1, true, true, sms.NumberPremiumRate, sms.RuleNone},
	{"GB VoIP", "+44 56 1234 5678", "", "+445612345678", "GB", 44, true, true, sms.NumberVoIP, sms.RuleNone},
	{"non-geographic +800", "+800 1234 5678", "", "+80012345678", "001", 800, true, true, sms.NumberTollFree, sms.RuleNone},
	{"US 555 not valid", "+1 555 555 5555", "", "+15555555555", "", 1, true, false, sms.NumberTypeUnknown, sms.RuleNone},
	{"too short possible false", "+1415", "", "+1415", "", 1, false, false, sms.NumberTypeUnknown, sms.RuleNone},
	{"fullwidth", "＋１４１５５５５２６７１", "", "+14155552671", "US", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"Arabic-Indic", "+١٤١٥٥٥٥٢٦٧١", "", "+14155552671", "US", 1, true, true, sms.NumberFixedLineOrMobile, sms.RuleNone},
	{"vanity letters", "1-800-FLOWERS", "US", "+18003569377", "US", 1, true, true, sms.NumberTollFree, sms.RuleNone},
	{"ZZ is no region", "+44 20 7946 0958", "ZZ", "+442079460958", "GB", 44, true, true, sms.NumberFixedLine, sms.RuleNone},

	{"national without region", "4155552671", "", "", "", 0, false, false, 0, sms.RuleMissingPlus},
	{"unknown region", "4155552671", "XX", "", "", 0, false, false, 0, sms.RuleUnknownCountryCode},
	{"unknown calling code", "+999 123 456", "", "", "", 0, false, false, 0, sms.RuleUnknownCountryCode},
	{"one digit", "+1", "", "", "", 0, false, false, 0, sms.RuleInvalidNumber},
	{"too long", "+1 2345678901234567890", "", "", "", 0, false, false, 0, sms.RuleTooManyDigits},
	{"not a number", "hello", "US", "", "", 0, false, false, 0, sms.RuleInvalidNumber},
	{"extension", "+1 415 555 2671 ext. 12", "", "", "", 0, false, false, 0, sms.RuleExtension},
	{"empty", "", "US", "", "", 0, false, false, 0, sms.RuleEmpty},
	{"whitespace", " \t ", "US", "", "", 0, false, false, 0, sms.RuleEmpty},
	{"RLO", "\u202e+14155552671", "", "", "", 0, false, false, 0, sms.RuleBidi},
	{"LRM", "+1415\u200e5552671", "", "", "", 0, false, false, 0, sms.RuleBidi},
	{"isolate", "+1415\u20665552671", "", "", "", 0, false, false, 0, sms.RuleBidi},
	{"NUL", "+1415\x005552671", "", "", "", 0, false, false, 0, sms.RuleControl},
	{"zero width", "+1415\u200b5552671", "", "", "", 0, false, false, 0, sms.RuleControl},
	{"invalid UTF-8", "+1415\xff5552671", "", "", "", 0, false, false, 0, sms.RuleInvalidUTF8},
	{"1 MB", strings.Repeat("1", 1<<20), "US", "", "", 0, false, false, 0, sms.RuleTooLong},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse(tc.in, tc.region)
			if tc.rule != sms.RuleNone {
				var ae *sms.AddressError
				if !errors.As(err, &ae) || ae.Rule != tc.rule || !errors.Is(err, sms.ErrAddress) {
					t.Fatalf("Parse(%q, %q) = %+v, %v; want rule %s", tc.in, tc.region, n, err, tc.rule)
				}
				if len(ae.Value) > 64 {
					t.Errorf("error keeps %d bytes of input", len(ae.Value))
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q, %q) error %v", tc.in, tc.region, err)
			}
			want := sms.NumberInfo{E164: tc.e164, Region: tc.numRgn, CallingCode: tc.code, Possible: tc.possible, Valid: tc.valid, Type: tc.typ}
			if n != want {
				t.Errorf("Parse(%q, %q) = %+v, want %+v", tc.in, tc.region, n, want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct {
		name, in, region, want string
		ok                     bool
	}{
		{"US", "(415) 555-2671", "US", "+14155552671", true},
		{"GB", "020 7946 0958", "GB", "+442079460958", true},
		{"possible but not valid", "+1 555 555 5555", "", "+15555555555", true},
		{"not possible", "+1415", "", "", false},
		{"no region", "415 555 2671", "", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Normalize(tc.in, tc.region)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("Normalize(%q, %q) = %q, %v; want %q ok=%v", tc.in, tc.region, got, err, tc.want, tc.ok)
			}
		})
	}
}

// TestParserHook uses Parser through the root package's hook.
func TestParserHook(t *testing.T) {
	o := sms.AddressOptions{Lenient: true, Region: "US", Numbers: Parser{}}
	cases := []struct {
		name, in, value string
		region          string
		typ             sms.NumberType
		rule            sms.AddressRule
	}{
		{"national", "(415) 555-2671", "+14155552671", "US", sms.NumberFixedLineOrMobile, sms.RuleNone},
		{"whatsapp national", "whatsapp:415 555 2671", "whatsapp:+14155552671", "US", sms.NumberFixedLineOrMobile, sms.RuleNone},
		{"GB E.164", "+44 7400 123456", "+447400123456", "GB", sms.NumberMobile, sms.RuleNone},
		{"rcs national", "rcs:(800) 555-1234", "rcs:+18005551234", "US", sms.NumberTollFree, sms.RuleNone},
		{"short code wins", "12345", "12345", "", sms.NumberTypeUnknown, sms.RuleNone},
		{"national not possible", "555-26711", "", "", 0, sms.RuleInvalidNumber},
		{"national not a number", "((())) 1", "", "", 0, sms.RuleInvalidNumber},
		{"E.164 unknown code kept", "+999123456", "+999123456", "", sms.NumberTypeUnknown, sms.RuleNone},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := o.ParseAddress(tc.in)
			if tc.rule != sms.RuleNone {
				var ae *sms.AddressError
				if !errors.As(err, &ae) || ae.Rule != tc.rule {
					t.Fatalf("ParseAddress(%q) = %+v, %v; want rule %s", tc.in, a, err, tc.rule)
				}
				return
			}
			if err != nil || a.Value != tc.value || a.Number.Region != tc.region || a.Number.Type != tc.typ {
				t.Fatalf("ParseAddress(%q) = %q %+v, %v; want %q region %q type %s", tc.in, a.Value, a.Number, err, tc.value, tc.region, tc.typ)
			}
			again, err := o.ParseAddress(a.Value)
			if err != nil || again != a {
				t.Errorf("reparse of %q = %+v, %v; want %+v", a.Value, again, err, a)
			}
		})
	}
}

// FuzzParse checks that Parse never panics, returns typed errors, and that
// a number it reads reads again, from its E.164 form, to the same result.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		if len(tc.in) <= sms.MaxAddressLen {
			f.Add(tc.in, tc.region)
		}
	}
	f.Fuzz(func(t *testing.T, s, region string) {
		n, err := Parse(s, region)
		if err != nil {
			var ae *sms.AddressError
			if !errors.As(err, &ae) || ae.Rule == sms.RuleNone {
				t.Fatalf("Parse(%q, %q) error %v is not a typed address error", s, region, err)
			}
			return
		}
		if !strings.HasPrefix(n.E164, "+") || n.CallingCode <= 0 || (n.Valid && !n.Possible) {
			t.Fatalf("Parse(%q, %q) = %+v: inconsistent", s, region, n)
		}
		again, err := Parse(n.E164, "")
		if err != nil || again != n {
			t.Fatalf("Parse(%q, %q) = %+v, but Parse(%q) = %+v, %v", s, region, n, n.E164, again, err)
		}
	})
}

// FuzzAddressWithParser runs the root package's invariants with the real
// metadata behind the hook: no panic; a parsed address parses again, from
// its normal form, to the same Address; strict success implies lenient
// success to the same address.
func FuzzAddressWithParser(f *testing.F) {
	for _, tc := range parseCases {
		if len(tc.in) <= sms.MaxAddressLen {
			f.Add(tc.in, tc.region)
			f.Add("whatsapp:"+tc.in, tc.region)
		}
	}
	f.Fuzz(func(t *testing.T, s, region string) {
		strict := sms.AddressOptions{Region: region, Numbers: Parser{}}
		lenient := sms.AddressOptions{Lenient: true, Region: region, Numbers: Parser{}}
		sa, serr := strict.ParseAddress(s)
		la, lerr := lenient.ParseAddress(s)
		if serr == nil && (lerr != nil || la != sa) {
			t.Fatalf("%q in %q: strict %+v, lenient %+v %v", s, region, sa, la, lerr)
		}
		for _, r := range []struct {
			o   sms.AddressOptions
			a   sms.Address
			err error
		}{{strict, sa, serr}, {lenient, la, lerr}} {
			if r.err != nil {
				if !errors.Is(r.err, sms.ErrAddress) {
					t.Fatalf("%q: untyped error %v", s, r.err)
				}
				continue
			}
			again, err := r.o.ParseAddress(r.a.Value)
			if err != nil || again != r.a {
				t.Fatalf("%q in %q (lenient %v) = %+v, but %q gives %+v, %v", s, region, r.o.Lenient, r.a, r.a.Value, again, err)
			}
		}
	})
}
