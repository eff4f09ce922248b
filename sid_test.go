package sms

import (
	"errors"
	"strings"
	"testing"
)

const sidHex32 = "0123456789abcdef0123456789ABCDEF"

var sidCases = []struct {
	name   string
	kind   SIDKind
	in     string
	rule   SIDRule
	offset int
}{
	{"account", SIDAccount, "AC" + sidHex32, SIDRuleNone, 0},
	{"messaging service", SIDMessagingService, "MG" + sidHex32, SIDRuleNone, 0},
	{"content", SIDContent, "HX" + sidHex32, SIDRuleNone, 0},
	{"application", SIDApplication, "AP" + sidHex32, SIDRuleNone, 0},
	{"message SM", SIDMessage, "SM" + sidHex32, SIDRuleNone, 0},
	{"message MM", SIDMessage, "MM" + sidHex32, SIDRuleNone, 0},
	{"api key", SIDAPIKey, "SK" + sidHex32, SIDRuleNone, 0},
	{"empty", SIDAccount, "", SIDRuleEmpty, -1},
	{"short", SIDAccount, "AC" + sidHex32[:31], SIDRuleLength, 33},
	{"long", SIDAccount, "AC" + sidHex32 + "0", SIDRuleLength, 35},
	{"1 MB", SIDAccount, "AC" + strings.Repeat("0", 1<<20), SIDRuleLength, 2 + 1<<20},
	{"wrong prefix right length", SIDAccount, "MG" + sidHex32, SIDRulePrefix, 0},
	{"lowercase prefix", SIDAccount, "ac" + sidHex32, SIDRulePrefix, 0},
	{"MM is not an account", SIDAccount, "MM" + sidHex32, SIDRulePrefix, 0},
	{"message wrong prefix", SIDMessage, "SK" + sidHex32, SIDRulePrefix, 0},
	{"non-hex g", SIDAccount, "AC" + sidHex32[:31] + "g", SIDRuleHex, 33},
	{"non-hex first", SIDMessagingService, "MGz" + sidHex32[1:], SIDRuleHex, 2},
	{"non-hex space", SIDContent, "HX" + sidHex32[:10] + " " + sidHex32[11:], SIDRuleHex, 12},
	{"non-ASCII", SIDApplication, "AP" + sidHex32[:30] + "é", SIDRuleHex, 32},
	{"NUL", SIDAccount, "AC" + sidHex32[:31] + "\x00", SIDRuleHex, 33},
	{"unknown kind", SIDUnknown, "AC" + sidHex32, SIDRulePrefix, 0},
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
	if k, err := ParseSID("ZZ" + sidHex32); k != SIDUnknown || err == nil || !strings.Contains(err.Error(), "not a known kind") {
		t.Errorf(`ParseSID("ZZ...") = %s, %v; want unknown kind error`, k, err)
	}
}

func TestSIDTypes(t *testing.T) {
	ok := []interface{ Validate() error }{
		AccountSID("AC" + sidHex32), MessagingServiceSID("MG" + sidHex32), ContentSID("HX" + sidHex32),
		ApplicationSID("AP" + sidHex32), MessageSID("SM" + sidHex32), MessageSID("MM" + sidHex32), APIKeySID("SK" + sidHex32),
	}
	for _, v := range ok {
		if err := v.Validate(); err != nil {
			t.Errorf("%T(%v).Validate() = %v", v, v, err)
		}
	}
	bad := []interface{ Validate() error }{
		AccountSID("MG" + sidHex32), MessagingServiceSID("AC" + sidHex32), ContentSID("HXx" + sidHex32[1:]),
		ApplicationSID("AP"), MessageSID("SK" + sidHex32), APIKeySID(""),
	}
	for _, v := range bad {
		if err := v.Validate(); !errors.Is(err, ErrSID) {
			t.Errorf("%T(%v).Validate() = %v, want ErrSID", v, v, err)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = AccountSID("AC" + sidHex32).Validate() }); n != 0 {
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

// TestHexFromExhaustive puts every byte value at every digit position and
// compares the word-at-a-time check with a plain byte test.
func TestHexFromExhaustive(t *testing.T) {
	base := []byte("AC" + sidHex32)
	for pos := 2; pos < SIDLen; pos++ {
		for c := 0; c < 256; c++ {
			b := append([]byte(nil), base...)
			b[pos] = byte(c)
			want := -1
			if !isHexByte(byte(c)) {
				want = pos
			}
			if got := hexFrom(string(b)); got != want {
				t.Fatalf("hexFrom with %#x at %d = %d, want %d", c, pos, got, want)
			}
		}
	}
	// Two bad bytes: the first is reported.
	b := append([]byte(nil), base...)
	b[20], b[10] = 'x', 0x80
	if got := hexFrom(string(b)); got != 10 {
		t.Errorf("hexFrom with bad bytes at 10 and 20 = %d, want 10", got)
	}
}
