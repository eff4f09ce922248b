package sms

import (
	"errors"
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
	strict     = AddressOptions{}
	permissive = AddressOptions{Permissive: true}
	lenient    = AddressOptions{Lenient: true}
	lenientUS  = AddressOptions{Lenient: true, Region: "US", Numbers: fakeNumbers{}}
	strictUS   = AddressOptions{Region: "US"}
	strictMeta = AddressOptions{Numbers: fakeNumbers{}}
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
	{"e164 US", strict, "+14155552671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"e164 UK", strict, "+447700900123", AddressPhone, ChannelSMS, "+447700900123", RuleNone, 0},
	{"e164 one digit", strict, "+1", AddressPhone, ChannelSMS, "+1", RuleNone, 0},
	{"e164 15 digits", strict, "+123456789012345", AddressPhone, ChannelSMS, "+123456789012345", RuleNone, 0},
	{"16 digits", strict, "+1234567890123456", 0, 0, "", RuleTooManyDigits, 16},
	{"20 digits lenient", lenient, "+12345678901234567890", 0, 0, "", RuleTooManyDigits, 16},
	{"missing plus", strict, "14155552671", 0, 0, "", RuleMissingPlus, 0},
	{"missing plus lenient no metadata", lenient, "14155552671", 0, 0, "", RuleMissingPlus, 0},
	{"leading zero country code", strict, "+0123456789", 0, 0, "", RuleCountryCodeZero, 1},
	{"plus alone", strict, "+", 0, 0, "", RuleNoDigits, -1},
	{"letters inside number", strict, "+1415555ABCD", 0, 0, "", RuleNotDigit, 8},
	{"letters inside number lenient", lenient, "+1 415 555 ABCD", 0, 0, "", RuleNotDigit, 11},
	{"formatted strict", strict, "+1 415 555 2671", 0, 0, "", RuleFormatting, 2},
	{"formatted lenient", lenient, "+1 (415) 555-2671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"dots lenient", lenient, "+44.7700.900.123", AddressPhone, ChannelSMS, "+447700900123", RuleNone, 0},
	{"national strict", strict, "(415) 555-2671", 0, 0, "", RuleMissingPlus, 0},
	{"national lenient no metadata", lenient, "(415) 555-2671", 0, 0, "", RuleMissingPlus, 0},
	{"national lenient US", lenientUS, "(415) 555-2671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"national lenient US rejected by parser", lenientUS, "555-2671", 0, 0, "", RuleTooShort, -1},
	{"fullwidth plus strict", strict, "＋１２３", 0, 0, "", RuleNotASCII, 0},
	{"fullwidth plus lenient", lenient, "＋１４１５５５５２６７１", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"arabic-indic strict", strict, "+١٤١٥٥٥٥٢٦٧١", 0, 0, "", RuleNotASCII, 1},
	{"arabic-indic lenient", lenient, "+١٤١٥٥٥٥٢٦٧١", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"extended arabic-indic lenient", lenient, "+۹۸۹۱۲۳۴۵۶۷۸۹", AddressPhone, ChannelSMS, "+989123456789", RuleNone, 0},
	{"devanagari digits rejected", lenient, "+१४१५५५५२६७१", 0, 0, "", RuleNotDigit, 1},
	{"metadata fills number", strictMeta, "+14155552671", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},

	// Whitespace, controls, bidi, encoding, length.
	{"empty", strict, "", 0, 0, "", RuleEmpty, -1},
	{"spaces only", strict, "   ", 0, 0, "", RuleEmpty, -1},
	{"whitespace only lenient", lenient, " \t\u3000\n", 0, 0, "", RuleEmpty, -1},
	{"leading space strict", strict, " +14155552671", 0, 0, "", RuleWhitespace, 0},
	{"trailing newline strict", strict, "+14155552671\n", 0, 0, "", RuleWhitespace, 12},
	{"surrounding space lenient", lenient, "  +14155552671\t", AddressPhone, ChannelSMS, "+14155552671", RuleNone, 0},
	{"NUL", strict, "+1415\x005552671", 0, 0, "", RuleControl, 5},
	{"NUL lenient", lenient, "+1415\x005552671", 0, 0, "", RuleControl, 5},
	{"tab inside", lenient, "+1415\t5552671", 0, 0, "", RuleControl, 5},
	{"DEL", strict, "Shop\x7f", 0, 0, "", RuleControl, 4},
	{"C1 control", strict, "Shop\u0085x", 0, 0, "", RuleControl, 4},
	{"zero width space", strict, "+1415\u200b5552671", 0, 0, "", RuleControl, 5},
	{"BOM", lenient, "\ufeff+14155552671", 0, 0, "", RuleControl, 0},
	{"RLO", strict, "\u202e+14155552671", 0, 0, "", RuleBidi, 0},
	{"RLO lenient", lenient, "\u202e+14155552671", 0, 0, "", RuleBidi, 0},
	{"LRO in sender", strict, "Bank\u202d", 0, 0, "", RuleBidi, 4},
	{"LRE", strict, "\u202a12345", 0, 0, "", RuleBidi, 0},
	{"PDF", strict, "12345\u202c", 0, 0, "", RuleBidi, 5},
	{"RLI", lenient, "+1\u20674155552671", 0, 0, "", RuleBidi, 2},
	{"PDI", strict, "Shop\u2069", 0, 0, "", RuleBidi, 4},
	{"LRM", strict, "\u200e+14155552671", 0, 0, "", RuleBidi, 0},
	{"RLM", strict, "whatsapp:\u200f+14155552671", 0, 0, "", RuleBidi, 9},
	{"ALM", strict, "Shop\u061c", 0, 0, "", RuleBidi, 4},
	{"invalid UTF-8", strict, "+1415\xff5552671", 0, 0, "", RuleInvalidUTF8, 5},
	{"invalid UTF-8 lenient", lenient, "Shop\xc3", 0, 0, "", RuleInvalidUTF8, 4},
	{"1 MB", lenient, strings.Repeat("1", 1<<20), 0, 0, "", RuleTooLong, -1},
	{"257 bytes", strict, "+" + strings.Repeat("1", MaxAddressLen), 0, 0, "", RuleTooLong, -1},

	// Short codes.
	{"short code 5", strict, "12345", AddressShortCode, ChannelSMS, "12345", RuleNone, 0},
	{"short code 3", strict, "123", AddressShortCode, ChannelSMS, "123", RuleNone, 0},
	{"short code 8", strict, "12345678", AddressShortCode, ChannelSMS, "12345678", RuleNone, 0},
	{"short code 2", strict, "12", 0, 0, "", RuleShortCodeLength, -1},
	{"short code 4 US", strictUS, "1234", 0, 0, "", RuleShortCodeLength, -1},
	{"short code 6 US", strictUS, "123456", AddressShortCode, ChannelSMS, "123456", RuleNone, 0},
	{"short code 7 CA", AddressOptions{Region: "ca"}, "1234567", 0, 0, "", RuleShortCodeLength, -1},
	{"short code 4 GB", AddressOptions{Region: "GB"}, "1234", AddressShortCode, ChannelSMS, "1234", RuleNone, 0},
	{"9 digits", strict, "123456789", 0, 0, "", RuleMissingPlus, 0},

	// Alphanumeric sender IDs.
	{"sender ID", strict, "MyShop", AddressSenderID, ChannelSMS, "MyShop", RuleNone, 0},
	{"sender ID space", strict, "My Shop 24", AddressSenderID, ChannelSMS, "My Shop 24", RuleNone, 0},
	{"sender ID 11", strict, "ABCDEFGHIJK", AddressSenderID, ChannelSMS, "ABCDEFGHIJK", RuleNone, 0},
	{"sender ID 12", strict, "ABCDEFGHIJKL", 0, 0, "", RuleSenderIDLength, 11},
	{"sender ID digits and one letter", strict, "1234567890A", AddressSenderID, ChannelSMS, "1234567890A", RuleNone, 0},
	{"sender ID dash strict", strict, "My-Shop", 0, 0, "", RuleSenderIDChar, 2},
	{"sender ID dash permissive", permissive, "My-Shop", AddressSenderID, ChannelSMS, "My-Shop", RuleNone, 0},
	{"sender ID ampersand permissive", permissive, "A&B_C+D", AddressSenderID, ChannelSMS, "A&B_C+D", RuleNone, 0},
	{"sender ID plus first permissive", permissive, "+Shop", AddressSenderID, ChannelSMS, "+Shop", RuleNone, 0},
	{"sender ID plus first strict", strict, "+Shop", 0, 0, "", RuleSenderIDChar, 0},
	{"sender ID dot", permissive, "Shop.com", 0, 0, "", RuleSenderIDChar, 4},
	{"sender ID no letter", permissive, "123_456", 0, 0, "", RuleSenderIDNoLetter, -1},
	{"sender ID accent", strict, "Café", 0, 0, "", RuleSenderIDChar, 3},
	{"sender ID fullwidth strict", strict, "ＳＨＯＰ", 0, 0, "", RuleNotASCII, 0},
	{"sender ID fullwidth lenient", lenient, "ＳＨＯＰ", AddressSenderID, ChannelSMS, "SHOP", RuleNone, 0},
	{"vanity number is a sender ID", strict, "1800FLOWERS", AddressSenderID, ChannelSMS, "1800FLOWERS", RuleNone, 0},

	// Channels.
	{"whatsapp", strict, "whatsapp:+14155552671", AddressPhone, ChannelWhatsApp, "whatsapp:+14155552671", RuleNone, 0},
	{"whatsapp empty", strict, "whatsapp:", 0, 0, "", RuleEmptyChannelID, -1},
	{"whatsapp space only lenient", lenient, "whatsapp:  ", 0, 0, "", RuleEmptyChannelID, -1},
	{"whatsapp missing plus", strict, "whatsapp:14155552671", 0, 0, "", RuleMissingPlus, 9},
	{"whatsapp too many digits", strict, "whatsapp:+1234567890123456", 0, 0, "", RuleTooManyDigits, 25},
	{"whatsapp sender ID", strict, "whatsapp:MyShop", 0, 0, "", RuleMissingPlus, 9},
	{"whatsapp case strict", strict, "WhatsApp:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
	{"whatsapp case lenient", lenient, "WhatsApp: +1 415 555 2671", AddressPhone, ChannelWhatsApp, "whatsapp:+14155552671", RuleNone, 0},
	{"whatsapp national lenient US", lenientUS, "whatsapp:(415) 555-2671", AddressPhone, ChannelWhatsApp, "whatsapp:+14155552671", RuleNone, 0},
	{"messenger", strict, "messenger:1234567890123456", AddressPageID, ChannelMessenger, "messenger:1234567890123456", RuleNone, 0},
	{"messenger letters", strict, "messenger:12ab", 0, 0, "", RuleChannelID, 12},
	{"messenger empty", strict, "messenger:", 0, 0, "", RuleEmptyChannelID, -1},
	{"rcs number", strict, "rcs:+447700900123", AddressPhone, ChannelRCS, "rcs:+447700900123", RuleNone, 0},
	{"rcs agent", strict, "rcs:acme_notify_agent", AddressAgentID, ChannelRCS, "rcs:acme_notify_agent", RuleNone, 0},
	{"rcs agent bad char", strict, "rcs:acme agent", 0, 0, "", RuleChannelID, 8},
	{"rcs digits no plus", strict, "rcs:447700900123", 0, 0, "", RuleMissingPlus, 4},
	{"rcs empty", strict, "rcs:", 0, 0, "", RuleEmptyChannelID, -1},
	{"unknown prefix", strict, "telegram:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
	{"tel prefix", lenient, "tel:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
	{"colon alone", strict, ":", 0, 0, "", RuleUnknownChannel, 0},
	{"sms prefix", strict, "sms:+14155552671", 0, 0, "", RuleUnknownChannel, 0},
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
			if errors.Is(err, ErrUnknownChannel) != (tc.rule == RuleUnknownChannel) {
				t.Errorf("errors.Is(%v, ErrUnknownChannel) wrong for rule %s", err, tc.rule)
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
	a, err := strictMeta.ParseAddress("+14155552671")
	if err != nil {
		t.Fatal(err)
	}
	want := NumberInfo{E164: "+14155552671", Region: "US", CallingCode: 1, Possible: true, Valid: true, Type: NumberMobile}
	if a.Number != want {
		t.Errorf("Number = %+v, want %+v", a.Number, want)
	}
	a, err = strictMeta.ParseAddress("+15555550100")
	if err != nil || a.Number.Valid || !a.Number.Possible {
		t.Errorf("ParseAddress(+15555550100) = %+v, %v; want possible, not valid", a.Number, err)
	}
	// A well-formed number the metadata cannot read keeps its syntax verdict.
	a, err = strictMeta.ParseAddress("+447700900123")
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
		if tc.opts != strict || tc.channel != ChannelSMS {
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
