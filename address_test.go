package sms

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// fakeNumbers is a NumberParser for tests of the hook: it knows only NANP
// numbers, reads 10 national digits in "US", and calls every NANP number a
// valid US mobile except +1555..., which it calls invalid.
type fakeNumbers struct{}

func (fakeNumbers) ParseNumber(s, region string) (NumberInfo, error) {
	if !strings.HasPrefix(s, "+") {
		if region != "US" || len(s) != 10 {
			return NumberInfo{}, &AddressError{Value: s, Rule: RuleTooShort, Offset: -1}
		}
		s = "+1" + s
	}
	if !strings.HasPrefix(s, "+1") || len(s) != 12 {
		return NumberInfo{}, errors.New("not NANP")
	}
	valid := !strings.HasPrefix(s, "+1555")
	return NumberInfo{E164: s, Region: "US", CallingCode: 1, Possible: true, Valid: valid, Type: NumberMobile}, nil
}

var (
	optStrict     = AddressOptions{}
	optPermissive = AddressOptions{Permissive: true}
	optLenient    = AddressOptions{Lenient: true}
	optLenientUS  = AddressOptions{Lenient: true, Region: "US", Numbers: fakeNumbers{}}
	optStrictUS   = AddressOptions{Region: "US"}
	optStrictMeta = AddressOptions{Numbers: fakeNumbers{}}
)

// addressCases are shared by the table test and the fuzz seeds.
var addressCases = []struct {
	name    string
	opts    AddressOptions
	in      string
	kind    AddressKind
	channel Channel
	value   string      // normalised Value when ok
	rule    AddressRule // RuleNone when ok
	offset  int         // checked when rule != RuleNone and offset != -2
}{
	// Phone numbers.
	{"e164 US", optStrict, "+14155552671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"e164 UK", optStrict, "+447700900123", AddressPhone, ChannelSMS, "+447700900123", RuleNone, 0},
	{"e164 one digit", optStrict, "+1", AddressPhone, ChannelSMS, "+1", RuleNone, 0},
	{"e164 15 digits", optStrict, "+123456789012345", AddressPhone, ChannelSMS, "+123456789012345", RuleNone, 0},
	{"16 digits", optStrict, "+1234567890123456", 0, 0, "", RuleTooManyDigits, 16},
	{"20 digits lenient", optLenient, "+12345678901234567890", 0, 0, "", RuleTooManyDigits, 16},
	{"missing plus", optStrict, "14155552671", 0, 0, "", RuleMissingPlus, 0},
	{"missing plus lenient no metadata", optLenient, "14155552671", 0, 0, "", RuleMissingPlus, 0},
	{"leading zero country code", optStrict, "+0123456789", 0, 0, "", RuleCountryCodeZero, 1},
	{"plus alone", optStrict, "+", 0, 0, "", RuleNoDigits, -1},
	{"letters inside number", optStrict, "+1415555ABCD", 0, 0, "", RuleNotDigit, 8},
	{"letters inside number lenient", optLenient, "+1 415 555 ABCD", 0, 0, "", RuleNotDigit, 11},
	{"formatted strict", optStrict, "+1 415 555 2671", 0, 0, "", RuleFormatting, 2},
	{"formatted lenient", optLenient, "+1 (415) 555-2671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"dots lenient", optLenient, "+44.7700.900.123", AddressPhone, ChannelSMS, "+447700900123", RuleNone, 0},
	{"national strict", optStrict, "(415) 555-2671", 0, 0, "", RuleMissingPlus, 0},
	{"national lenient no metadata", optLenient, "(415) 555-2671", 0, 0, "", RuleMissingPlus, 0},
	{"national lenient US", optLenientUS, "(415) 555-2671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"national lenient US rejected by parser", optLenientUS, "555-2671", 0, 0, "", RuleTooShort, -1},
	{"fullwidth plus strict", optStrict, "＋１２３", 0, 0, "", RuleNotASCII, 0},
	{"fullwidth plus lenient", optLenient, "＋１４１５５５５２６７１", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"arabic-indic strict", optStrict, "+١٤١٥٥٥٥٢٦٧١", 0, 0, "", RuleNotASCII, 1},
	{"arabic-indic lenient", optLenient, "+١٤١٥٥٥٥٢٦٧١", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"extended arabic-indic lenient", optLenient, "+۹۸۹۱۲۳۴۵۶۷۸۹", AddressPhone, ChannelSMS, "+989123456789", RuleNone, 0},
	{"devanagari digits rejected", optLenient, "+१४१५५५५२६७१", 0, 0, "", RuleNotDigit, 1},
	{"metadata fills number", optStrictMeta, "+14155552671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},

	// Whitespace, controls, bidi, encoding, length.
	{"empty", optStrict, "", 0, 0, "", RuleEmpty, -1},
	{"spaces only", optStrict, "   ", 0, 0, "", RuleEmpty, -1},
	{"whitespace only lenient", optLenient, " \t\u3000\n", 0, 0, "", RuleEmpty, -1},
	{"leading space strict", optStrict, " +14155552671", 0, 0, "", RuleWhitespace, 0},
	{"trailing newline strict", optStrict, "+14155552671\n", 0, 0, "", RuleWhitespace, 12},
	{"surrounding space lenient", optLenient, "  +14155552671\t", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"NUL", optStrict, "+1415\x005552671", 0, 0, "", RuleControl, 5},
	{"NUL lenient", optLenient, "+1415\x005552671", 0, 0, "", RuleControl, 5},
	{"tab inside", optLenient, "+1415\t5552671", 0, 0, "", RuleControl, 5},
	{"DEL", optStrict, "Shop\x7f", 0, 0, "", RuleControl, 4},
	{"C1 control", optStrict, "Shop\u0085x", 0, 0, "", RuleControl, 4},
	{"zero width space", optStrict, "+1415\u200b5552671", 0, 0, "", RuleControl, 5},
	{"BOM", optLenient, "\ufeff+14155552671", 0, 0, "", RuleControl, 0},
	{"RLO", optStrict, "\u202e+14155552671", 0, 0, "", RuleBidi, 0},
	{"RLO lenient", optLenient, "\u202e+14155552671", 0, 0, "", RuleBidi, 0},
	{"LRO in sender", optStrict, "Bank\u202d", 0, 0, "", RuleBidi, 4},
	{"LRE", optStrict, "\u202a12345", 0, 0, "", RuleBidi, 0},
	{"PDF", optStrict, "12345\u202c", 0, 0, "", RuleBidi, 5},
	{"RLI", optLenient, "+1\u20674155552671", 0, 0, "", RuleBidi, 2},
	{"PDI", optStrict, "Shop\u2069", 0, 0, "", RuleBidi, 4},
	{"LRM", optStrict, "\u200e+14155552671", 0, 0, "", RuleBidi, 0},
	{"RLM", optStrict, "whatsapp:\u200f+14155552671", 0, 0, "", RuleBidi, 9},
	{"ALM", optStrict, "Shop\u061c", 0, 0, "", RuleBidi, 4},
	{"invalid UTF-8", optStrict, "+1415\xff5552671", 0, 0, "", RuleInvalidUTF8, 5},
	{"invalid UTF-8 lenient", optLenient, "Shop\xc3", 0, 0, "", RuleInvalidUTF8, 4},
	{"1 MB", optLenient, strings.Repeat("1", 1<<20), 0, 0, "", RuleTooLong, -1},
	{"1 MB starting with NUL and bad UTF-8", optLenient, "\x00\xff" + strings.Repeat("1", 1<<20), 0, 0, "", RuleTooLong, -1},
	{"1 MB of bidi", optStrict, strings.Repeat("\u202e", 1<<18), 0, 0, "", RuleTooLong, -1},
	{"256 bytes", optStrict, "+" + strings.Repeat("1", MaxAddressLen-1), 0, 0, "", RuleTooManyDigits, 16},
	{"257 bytes", optStrict, "+" + strings.Repeat("1", MaxAddressLen), 0, 0, "", RuleTooLong, -1},

	// Short codes.
	{"short code 5", optStrict, "12345", AddressShortCode, ChannelSMS, "12345", RuleNone, 0},
	{"short code 3", optStrict, "123", AddressShortCode, ChannelSMS, "123", RuleNone, 0},
	{"short code 8", optStrict, "12345678", AddressShortCode, ChannelSMS, "12345678", RuleNone, 0},
	{"short code 2", optStrict, "12", 0, 0, "", RuleShortCodeLength, -1},
	{"short code 4 US", optStrictUS, "1234", 0, 0, "", RuleShortCodeLength, -1},
	{"short code 6 US", optStrictUS, "123456", AddressShortCode, ChannelSMS, "123456", RuleNone, 0},
	{"short code 7 CA", AddressOptions{Region: "ca"}, "1234567", 0, 0, "", RuleShortCodeLength, -1},
	{"short code 4 GB", AddressOptions{Region: "GB"}, "1234", AddressShortCode, ChannelSMS, "1234", RuleNone, 0},
	{"9 digits", optStrict, "123456789", 0, 0, "", RuleMissingPlus, 0},

	// Alphanumeric sender IDs.
	{"sender ID", optStrict, "MyShop", AddressSenderID, ChannelSMS, "MyShop", RuleNone, 0},
	{"sender ID space", optStrict, "My Shop 24", AddressSenderID, ChannelSMS, "My Shop 24", RuleNone, 0},
	{"sender ID 11", optStrict, "ABCDEFGHIJK", AddressSenderID, ChannelSMS, "ABCDEFGHIJK", RuleNone, 0},
	{"sender ID 12", optStrict, "ABCDEFGHIJKL", 0, 0, "", RuleSenderIDLength, 11},
	{"sender ID digits and one letter", optStrict, "1234567890A", AddressSenderID, ChannelSMS, "1234567890A", RuleNone, 0},
	{"sender ID dash strict", optStrict, "My-Shop", 0, 0, "", RuleSenderIDChar, 2},
	{"sender ID dash permissive", optPermissive, "My-Shop", AddressSenderID, ChannelSMS, "My-Shop", RuleNone, 0},
	{"sender ID ampersand permissive", optPermissive, "A&B_C+D", AddressSenderID, ChannelSMS, "A&B_C+D", RuleNone, 0},
	{"sender ID plus first permissive", optPermissive, "+Shop", AddressSenderID, ChannelSMS, "+Shop", RuleNone, 0},
	{"sender ID plus first strict", optStrict, "+Shop", 0, 0, "", RuleSenderIDChar, 0},
	{"sender ID dot", optPermissive, "Shop.com", 0, 0, "", RuleSenderIDChar, 4},
	{"sender ID no letter", optPermissive, "123_456", 0, 0, "", RuleSenderIDNoLetter, -1},
	{"sender ID accent", optStrict, "Café", 0, 0, "", RuleSenderIDChar, 3},
	{"sender ID fullwidth strict", optStrict, "ＳＨＯＰ", 0, 0, "", RuleNotASCII, 0},
	{"sender ID fullwidth lenient", optLenient, "ＳＨＯＰ", AddressSenderID, ChannelSMS, "SHOP", RuleNone, 0},
	{"vanity number is a sender ID", optStrict, "1800FLOWERS", AddressSenderID, ChannelSMS, "1800FLOWERS", RuleNone, 0},

	// Channels.
	{"whatsapp", optStrict, "whatsapp:+14155552671", AddressPhone, ChannelWhatsApp, "whatsapp:+14155552671", RuleNone, 0},
	{"whatsapp empty", optStrict, "whatsapp:", 0, 0, "", RuleEmptyChannelID, -1},
	{"whatsapp space only lenient", optLenient, "whatsapp:  ", 0, 0, "", RuleEmptyChannelID, -1},
	{"whatsapp missing plus", optStrict, "whatsapp:14155552671", 0, 0, "", RuleMissingPlus, 9},
	{"whatsapp too many digits", optStrict, "whatsapp:+1234567890123456", 0, 0, "", RuleTooManyDigits, 25},
	{"whatsapp sender ID", optStrict, "whatsapp:MyShop", 0, 0, "", RuleMissingPlus, 9},
	{"whatsapp case strict", optStrict, "WhatsApp:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
	{"whatsapp case lenient", optLenient, "WhatsApp: +1 415 555 2671", AddressPhone, ChannelWhatsApp, "whatsapp:+14155552671", RuleNone, 0},
	{"whatsapp national lenient US", optLenientUS, "whatsapp:(415) 555-2671", AddressPhone, ChannelWhatsApp, "whatsapp:+14155552671", RuleNone, 0},
	{"messenger", optStrict, "messenger:1234567890123456", AddressPageID, ChannelMessenger, "messenger:1234567890123456", RuleNone, 0},
	{"messenger letters", optStrict, "messenger:12ab", 0, 0, "", RuleChannelID, 12},
	{"messenger empty", optStrict, "messenger:", 0, 0, "", RuleEmptyChannelID, -1},
	{"rcs number", optStrict, "rcs:+447700900123", AddressPhone, ChannelRCS, "rcs:+447700900123", RuleNone, 0},
	{"rcs agent", optStrict, "rcs:acme_notify_agent", AddressAgentID, ChannelRCS, "rcs:acme_notify_agent", RuleNone, 0},
	{"rcs agent bad char", optStrict, "rcs:acme agent", 0, 0, "", RuleChannelID, 8},
	{"rcs digits no plus", optStrict, "rcs:447700900123", 0, 0, "", RuleMissingPlus, 4},
	{"rcs empty", optStrict, "rcs:", 0, 0, "", RuleEmptyChannelID, -1},
	{"unknown prefix", optStrict, "telegram:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
	{"tel prefix", optLenient, "tel:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
	{"colon alone", optStrict, ":", 0, 0, "", RuleUnknownChannel, 0},
	{"sms prefix", optStrict, "sms:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
}

func TestParseAddress(t *testing.T) {
	for _, tc := range addressCases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.opts.ParseAddress(tc.in)
			if tc.rule == RuleNone {
				if err != nil {
					t.Fatalf("ParseAddress(%q) error %v, want %s %q", tc.in, err, tc.kind, tc.value)
				}
				if a.Kind != tc.kind || a.Channel != tc.channel || a.Value != tc.value {
					t.Fatalf("ParseAddress(%q) = %s %s %q, want %s %s %q", tc.in, a.Channel, a.Kind, a.Value, tc.channel, tc.kind, tc.value)
				}
				if a.Value != a.Channel.Prefix()+a.ID {
					t.Errorf("ParseAddress(%q): Value %q is not Prefix %q + ID %q", tc.in, a.Value, a.Channel.Prefix(), a.ID)
				}
				return
			}
			var ae *AddressError
			if !errors.As(err, &ae) {
				t.Fatalf("ParseAddress(%q) = %+v, %v; want *AddressError %s", tc.in, a, err, tc.rule)
			}
			if ae.Rule != tc.rule {
				t.Fatalf("ParseAddress(%q) rule %s (%v), want %s", tc.in, ae.Rule, err, tc.rule)
			}
			if tc.offset != -2 && ae.Offset != tc.offset {
				t.Errorf("ParseAddress(%q) offset %d, want %d (%v)", tc.in, ae.Offset, tc.offset, err)
			}
			if !a.IsZero() {
				t.Errorf("ParseAddress(%q) returned %+v with an error", tc.in, a)
			}
			if !errors.Is(err, ErrAddress) {
				t.Errorf("errors.Is(%v, ErrAddress) = false", err)
			}
			if errors.Is(err, RuleUnknownChannel) != (tc.rule == RuleUnknownChannel) {
				t.Errorf("errors.Is(%v, RuleUnknownChannel) wrong for rule %s", err, tc.rule)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "sms: ") || len(msg) > 400 {
				t.Errorf("error message %q: want an sms: prefix and a bounded length", msg)
			}
			if len(ae.Value) > maxErrValue {
				t.Errorf("AddressError.Value holds %d bytes, want at most %d", len(ae.Value), maxErrValue)
			}
		})
	}
}

func TestParseAddressNumberInfo(t *testing.T) {
	a, err := optStrictMeta.ParseAddress("+14155552671")
	if err != nil {
		t.Fatal(err)
	}
	want := NumberInfo{E164: "+14155552671", Region: "US", CallingCode: 1, Possible: true, Valid: true, Type: NumberMobile}
	if a.Number != want {
		t.Errorf("Number = %+v, want %+v", a.Number, want)
	}
	a, err = optStrictMeta.ParseAddress("+15555550100")
	if err != nil || a.Number.Valid || !a.Number.Possible {
		t.Errorf("ParseAddress(+15555550100) = %+v, %v; want possible, not valid", a.Number, err)
	}
	// A well-formed number the metadata cannot read keeps its syntax verdict.
	a, err = optStrictMeta.ParseAddress("+447700900123")
	if err != nil || a.Number != (NumberInfo{E164: "+447700900123"}) {
		t.Errorf("ParseAddress(+447700900123) = %+v, %v; want E164 only", a.Number, err)
	}
	// Without a parser no metadata is filled in.
	a, _ = ParseAddress("+14155552671")
	if a.Number != (NumberInfo{}) {
		t.Errorf("strict Number = %+v, want zero", a.Number)
	}
}

func TestParseAddressNoAllocWhenNormal(t *testing.T) {
	for _, s := range []string{"+14155552671", "whatsapp:+14155552671", "MyShop", "12345", "rcs:acme_agent"} {
		n := testing.AllocsPerRun(100, func() { _, _ = ParseAddress(s) })
		if n != 0 {
			t.Errorf("ParseAddress(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestCheckE164(t *testing.T) {
	for _, tc := range addressCases {
		if tc.opts != optStrict || tc.channel != ChannelSMS {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			isPhone := tc.rule == RuleNone && tc.kind == AddressPhone
			if got := IsE164(tc.in); got != isPhone {
				t.Errorf("IsE164(%q) = %v, want %v", tc.in, got, isPhone)
			}
			err := CheckE164(tc.in)
			if (err == nil) != isPhone {
				t.Errorf("CheckE164(%q) = %v, want ok=%v", tc.in, err, isPhone)
			}
			if err != nil && !errors.Is(err, ErrAddress) {
				t.Errorf("CheckE164(%q) = %v, not an ErrAddress", tc.in, err)
			}
		})
	}
	if n := testing.AllocsPerRun(100, func() { _ = CheckE164("+14155552671") }); n != 0 {
		t.Errorf("CheckE164 allocates %v times, want 0", n)
	}
}

func TestAddressRuleStrings(t *testing.T) {
	seen := map[string]AddressRule{}
	for r := RuleNone; r < numAddressRules; r++ {
		s := r.String()
		if s == "" || strings.HasPrefix(s, "rule(") || addressRuleText[r] == "" {
			t.Errorf("rule %d has no name or text", r)
		}
		if prev, dup := seen[s]; dup {
			t.Errorf("rules %d and %d share the name %q", prev, r, s)
		}
		seen[s] = r
	}
	if got := numAddressRules.String(); got != "rule(36)" && !strings.HasPrefix(got, "rule(") {
		t.Errorf("out-of-range rule String = %q", got)
	}
}

type wrappingNumbers struct{ err error }

func (w wrappingNumbers) ParseNumber(s, region string) (NumberInfo, error) {
	return NumberInfo{}, w.err
}

// TestParserErrorRule checks that the rule of an *AddressError returned by a
// NumberParser, even wrapped, is kept, and that other errors become
// RuleInvalidNumber.
func TestParserErrorRule(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want AddressRule
	}{
		{"address error", &AddressError{Rule: RuleTooShort}, RuleTooShort},
		{"wrapped", fmt.Errorf("parser: %w", &AddressError{Rule: RuleUnknownCountryCode}), RuleUnknownCountryCode},
		{"plain", errors.New("boom"), RuleInvalidNumber},
		{"rule none", &AddressError{}, RuleInvalidNumber},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := AddressOptions{Lenient: true, Region: "US", Numbers: wrappingNumbers{tc.err}}
			_, err := o.ParseAddress("415 555 2671")
			var ae *AddressError
			if !errors.As(err, &ae) || ae.Rule != tc.want || ae.Value != "415 555 2671" {
				t.Errorf("ParseAddress with parser error %v = %v, want rule %s", tc.err, err, tc.want)
			}
		})
	}
}
