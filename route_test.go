package sms

import (
	"errors"
	"testing"
)

func mustParseAddress(t *testing.T, s string) Address {
	t.Helper()
	a, err := ParseAddress(s)
	if err != nil {
		t.Fatalf("ParseAddress(%q): %v", s, err)
	}
	return a
}

func TestCheckRoute(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		rule     AddressRule // RuleNone when allowed
	}{
		{"number to number", "+14155550100", "+14155552671", RuleNone},
		{"short code to number", "12345", "+14155552671", RuleNone},
		{"sender ID to number", "MyShop", "+447700900123", RuleNone},
		{"number to sender ID", "+14155550100", "MyShop", RuleSenderIDAsTo},
		{"whatsapp to whatsapp", "whatsapp:+14155550100", "whatsapp:+14155552671", RuleNone},
		{"whatsapp to sms", "whatsapp:+14155550100", "+14155552671", RuleChannelMismatch},
		{"sms to whatsapp", "+14155550100", "whatsapp:+14155552671", RuleChannelMismatch},
		{"messenger to messenger", "messenger:1234567890", "messenger:987654321", RuleNone},
		{"messenger to whatsapp", "messenger:1234567890", "whatsapp:+14155552671", RuleChannelMismatch},
		{"rcs agent to rcs number", "rcs:acme_agent", "rcs:+14155552671", RuleNone},
		{"rcs agent to bare number", "rcs:acme_agent", "+14155552671", RuleNone},
		{"rcs agent to short code", "rcs:acme_agent", "12345", RuleChannelMismatch},
		{"rcs agent to whatsapp", "rcs:acme_agent", "whatsapp:+14155552671", RuleChannelMismatch},
		{"number to rcs number", "+14155550100", "rcs:+14155552671", RuleChannelMismatch},
		{"rcs agent as To", "rcs:+14155550100", "rcs:acme_agent", RuleAgentAsTo},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			from, to := mustParseAddress(t, tc.from), mustParseAddress(t, tc.to)
			err := CheckRoute(from, to)
			if tc.rule == RuleNone {
				if err != nil {
					t.Fatalf("CheckRoute(%q, %q) = %v, want nil", tc.from, tc.to, err)
				}
				return
			}
			var ae *AddressError
			if !errors.As(err, &ae) || ae.Rule != tc.rule {
				t.Fatalf("CheckRoute(%q, %q) = %v, want rule %s", tc.from, tc.to, err, tc.rule)
			}
			if !errors.Is(err, ErrRoute) || errors.Is(err, ErrAddress) {
				t.Errorf("CheckRoute(%q, %q) = %v: want ErrRoute and not ErrAddress", tc.from, tc.to, err)
			}
			if ae.Field != "To" {
				t.Errorf("CheckRoute(%q, %q) Field = %q, want To", tc.from, tc.to, ae.Field)
			}
		})
	}
}

func TestCheckToFrom(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		toRule AddressRule
	}{
		{"number", "+14155552671", RuleNone},
		{"short code", "12345", RuleNone},
		{"sender ID", "MyShop", RuleSenderIDAsTo},
		{"whatsapp", "whatsapp:+14155552671", RuleNone},
		{"messenger", "messenger:123", RuleNone},
		{"rcs number", "rcs:+14155552671", RuleNone},
		{"rcs agent", "rcs:acme_agent", RuleAgentAsTo},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := mustParseAddress(t, tc.in)
			if err := CheckFrom(a); err != nil {
				t.Errorf("CheckFrom(%q) = %v, want nil", tc.in, err)
			}
			err := CheckTo(a)
			var ae *AddressError
			switch {
			case tc.toRule == RuleNone && err != nil:
				t.Errorf("CheckTo(%q) = %v, want nil", tc.in, err)
			case tc.toRule != RuleNone && (!errors.As(err, &ae) || ae.Rule != tc.toRule || ae.Field != "To"):
				t.Errorf("CheckTo(%q) = %v, want To rule %s", tc.in, err, tc.toRule)
			}
		})
	}
	for name, err := range map[string]error{"To": CheckTo(Address{}), "From": CheckFrom(Address{})} {
		var ae *AddressError
		if !errors.As(err, &ae) || ae.Rule != RuleEmpty || ae.Field != name {
			t.Errorf("Check%s(Address{}) = %v, want %s rule empty", name, err, name)
		}
	}
}

func TestCheckFallback(t *testing.T) {
	cases := []struct {
		name               string
		from, to, fallback string
		rule               AddressRule
	}{
		{"rcs agent with SMS number", "rcs:acme_agent", "+14155552671", "+14155550100", RuleNone},
		{"rcs agent with short code", "rcs:acme_agent", "+14155552671", "12345", RuleNone},
		{"rcs agent with sender ID", "rcs:acme_agent", "+447700900123", "ACME", RuleNone},
		{"rcs number with SMS number", "rcs:+14155550101", "+14155552671", "+14155550100", RuleNone},
		{"sms from", "+14155550101", "+14155552671", "+14155550100", RuleFallbackNotRCS},
		{"whatsapp from", "whatsapp:+14155550101", "whatsapp:+14155552671", "+14155550100", RuleFallbackNotRCS},
		{"fallback on whatsapp", "rcs:acme_agent", "+14155552671", "whatsapp:+14155550100", RuleFallbackNotSMS},
		{"fallback rcs", "rcs:acme_agent", "+14155552671", "rcs:other_agent", RuleFallbackNotSMS},
		{"rcs To forbids fallback", "rcs:acme_agent", "rcs:+14155552671", "+14155550100", RuleFallbackToRCS},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckFallback(mustParseAddress(t, tc.from), mustParseAddress(t, tc.to), mustParseAddress(t, tc.fallback))
			if tc.rule == RuleNone {
				if err != nil {
					t.Fatalf("CheckFallback = %v, want nil", err)
				}
				return
			}
			var ae *AddressError
			if !errors.As(err, &ae) || ae.Rule != tc.rule || ae.Field != "FallbackFrom" || !errors.Is(err, ErrRoute) {
				t.Fatalf("CheckFallback(%q, %q, %q) = %v, want FallbackFrom rule %s", tc.from, tc.to, tc.fallback, err, tc.rule)
			}
		})
	}
	var ae *AddressError
	if err := CheckFallback(mustParseAddress(t, "rcs:a"), mustParseAddress(t, "+14155552671"), Address{}); !errors.As(err, &ae) || ae.Rule != RuleEmpty {
		t.Errorf("CheckFallback with no fallback = %v, want rule empty", err)
	}
}
