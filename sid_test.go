package sms

import (
	"errors"
	"strings"
	"testing"
)

const hex32 = "0123456789abcdef0123456789ABCDEF"

var sidCases = []struct {
	name   string
	kind   SIDKind
	in     string
	rule   SIDRule
	offset int
}{
	{"account", SIDAccount, "AC" + hex32, SIDRuleNone, 0},
	{"messaging service", SIDMessagingService, "MG" + hex32, SIDRuleNone, 0},
	{"content", SIDContent, "HX" + hex32, SIDRuleNone, 0},
	{"application", SIDApplication, "AP" + hex32, SIDRuleNone, 0},
	{"message SM", SIDMessage, "SM" + hex32, SIDRuleNone, 0},
	{"message MM", SIDMessage, "MM" + hex32, SIDRuleNone, 0},
	{"api key", SIDAPIKey, "SK" + hex32, SIDRuleNone, 0},
	{"empty", SIDAccount, "", SIDRuleEmpty, -1},
	{"short", SIDAccount, "AC" + hex32[:31], SIDRuleLength, 33},
	{"long", SIDAccount, "AC" + hex32 + "0", SIDRuleLength, 35},
	{"1 MB", SIDAccount, "AC" + strings.Repeat("0", 1<<20), SIDRuleLength, 2 + 1<<20},
	{"wrong prefix right length", SIDAccount, "MG" + hex32, SIDRulePrefix, 0},
	{"lowercase prefix", SIDAccount, "ac" + hex32, SIDRulePrefix, 0},
	{"MM is not an account", SIDAccount, "MM" + hex32, SIDRulePrefix, 0},
	{"message wrong prefix", SIDMessage, "SK" + hex32, SIDRulePrefix, 0},
	{"non-hex g", SIDAccount, "AC" + hex32[:31] + "g", SIDRuleHex, 33},
	{"non-hex first", SIDMessagingService, "MGz" + hex32[1:], SIDRuleHex, 2},
	{"non-hex space", SIDContent, "HX" + hex32[:10] + " " + hex32[11:], SIDRuleHex, 12},
	{"non-ASCII", SIDApplication, "AP" + hex32[:30] + "é", SIDRuleHex, 32},
	{"NUL", SIDAccount, "AC" + hex32[:31] + "\x00", SIDRuleHex, 33},
	{"unknown kind", SIDUnknown, "AC" + hex32, SIDRulePrefix, 0},
}

func TestSIDKindCheck(t *testing.T) {
	for _, tc := range sidCases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.kind.Check(tc.in)
			if tc.rule == SIDRuleNone {
				if err != nil {
					t.Fatalf("%s.Check(%q) = %v, want nil", tc.kind, tc.in, err)
				}
				return
			}
			var se *SIDError
			if !errors.As(err, &se) || !errors.Is(err, ErrSID) {
				t.Fatalf("%s.Check(%q) = %v, want *SIDError", tc.kind, tc.in, err)
			}
			if se.Rule != tc.rule || se.Offset != tc.offset || se.Kind != tc.kind {
				t.Errorf("%s.Check(%q) = rule %s offset %d kind %s, want %s %d %s", tc.kind, tc.in, se.Rule, se.Offset, se.Kind, tc.rule, tc.offset, tc.kind)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "sms: ") || len(msg) > 200 {
				t.Errorf("message %q: want sms: prefix and bounded length", msg)
			}
		})
	}
}

func TestParseSID(t *testing.T) {
	for _, tc := range sidCases {
		t.Run(tc.name, func(t *testing.T) {
			k, err := ParseSID(tc.in)
			if tc.rule == SIDRulePrefix && strings.Contains(" AC MG HX AP SM MM SK ", " "+tc.in[:2]+" ") {
				// A well-formed SID of another kind.
				if err != nil || k == tc.kind || !k.hasPrefix(tc.in) {
					t.Fatalf("ParseSID(%q) = %s, %v; want the kind of its prefix", tc.in, k, err)
				}
				return
			}
			if tc.rule == SIDRuleNone {
				if err != nil || k != tc.kind {
					t.Fatalf("ParseSID(%q) = %s, %v; want %s", tc.in, k, err, tc.kind)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseSID(%q) = %s, nil; want an error", tc.in, k)
			}
		})
	}
	if k, err := ParseSID("ZZ" + hex32); k != SIDUnknown || err == nil || !strings.Contains(err.Error(), "not a known kind") {
		t.Errorf(`ParseSID("ZZ...") = %s, %v; want unknown kind error`, k, err)
	}
}

func TestSIDTypes(t *testing.T) {
	ok := []interface{ Validate() error }{
		AccountSID("AC" + hex32), MessagingServiceSID("MG" + hex32), ContentSID("HX" + hex32),
		ApplicationSID("AP" + hex32), MessageSID("SM" + hex32), MessageSID("MM" + hex32), APIKeySID("SK" + hex32),
	}
	for _, v := range ok {
		if err := v.Validate(); err != nil {
			t.Errorf("%T(%v).Validate() = %v", v, v, err)
		}
	}
	bad := []interface{ Validate() error }{
		AccountSID("MG" + hex32), MessagingServiceSID("AC" + hex32), ContentSID("HXx" + hex32[1:]),
		ApplicationSID("AP"), MessageSID("SK" + hex32), APIKeySID(""),
	}
	for _, v := range bad {
		if err := v.Validate(); !errors.Is(err, ErrSID) {
			t.Errorf("%T(%v).Validate() = %v, want ErrSID", v, v, err)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = AccountSID("AC" + hex32).Validate() }); n != 0 {
		t.Errorf("Validate allocates %v times, want 0", n)
	}
}

func TestSIDKindStrings(t *testing.T) {
	for k := SIDUnknown; k <= numSIDKinds; k++ {
		if k.String() == "" {
			t.Errorf("SIDKind(%d).String() is empty", k)
		}
		if k > SIDUnknown && k < numSIDKinds && len(k.Prefix()) != 2 {
			t.Errorf("%s.Prefix() = %q", k, k.Prefix())
		}
	}
	for r := SIDRuleNone; r <= numSIDRules; r++ {
		if r.String() == "" {
			t.Errorf("SIDRule(%d).String() is empty", r)
		}
	}
}
