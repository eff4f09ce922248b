package sms

import (
	"errors"
	"testing"
)

// FuzzParseAddress checks that ParseAddress never panics; that a parsed
// address, once normalised, parses again to the same Address; that a
// strict success is also a lenient success with the same address; that
// every error is a typed *AddressError; and that IsE164 agrees with strict
// parsing of bare numbers.
func FuzzParseAddress(f *testing.F) {
	for _, tc := range addressCases {
		if len(tc.in) <= MaxAddressLen {
			f.Add(tc.in)
		}
	}
	f.Add("\u202e+1415")
	f.Add("whatsapp:")
	f.Add("AC" + sidHex32)
	optsList := []AddressOptions{
		{}, {Permissive: true}, {Lenient: true}, {Lenient: true, Permissive: true},
		{Lenient: true, Region: "US", Numbers: fakeNumbers{}}, {Region: "US", Numbers: fakeNumbers{}}, {Numbers: fakeNumbers{}},
	}
	f.Fuzz(func(t *testing.T, s string) {
		results := make([]Address, len(optsList))
		errs := make([]error, len(optsList))
		for i, o := range optsList {
			a, err := o.ParseAddress(s)
			results[i], errs[i] = a, err
			if err != nil {
				var ae *AddressError
				if !errors.As(err, &ae) || !errors.Is(err, ErrAddress) || ae.Rule == RuleNone {
					t.Fatalf("%+v.ParseAddress(%q) error %v is not a typed address error", o, s, err)
				}
				if !a.IsZero() {
					t.Fatalf("%+v.ParseAddress(%q) returned %+v with error %v", o, s, a, err)
				}
				continue
			}
			if a.IsZero() || a.Value != a.Channel.Prefix()+a.ID {
				t.Fatalf("%+v.ParseAddress(%q) = %+v: inconsistent", o, s, a)
			}
			again, err := o.ParseAddress(a.Value)
			if err != nil || again != a {
				t.Fatalf("%+v: ParseAddress(%q) = %+v, but its normal form %q parses to %+v, %v", o, s, a, a.Value, again, err)
			}
			if a.Kind == AddressPhone && !IsE164(a.ID) {
				t.Fatalf("%+v.ParseAddress(%q): phone ID %q is not E.164", o, s, a.ID)
			}
		}
		// Strict success implies lenient success, to the same address.
		pairs := [][2]int{{0, 2}, {1, 3}, {5, 4}}
		for _, p := range pairs {
			if errs[p[0]] == nil {
				if errs[p[1]] != nil {
					t.Fatalf("%q: strict %+v ok (%+v) but lenient %+v fails: %v", s, optsList[p[0]], results[p[0]], optsList[p[1]], errs[p[1]])
				}
				if results[p[0]].Value != results[p[1]].Value || results[p[0]].Kind != results[p[1]].Kind {
					t.Fatalf("%q: strict gives %+v, lenient %+v", s, results[p[0]], results[p[1]])
				}
			}
		}
		// Permissive accepts whatever strict accepts.
		if errs[0] == nil && (errs[1] != nil || results[1] != results[0]) {
			t.Fatalf("%q: strict ok %+v, permissive %+v %v", s, results[0], results[1], errs[1])
		}
		if IsE164(s) != (errs[0] == nil && results[0].Kind == AddressPhone && results[0].Channel == ChannelSMS) {
			t.Fatalf("IsE164(%q) = %v disagrees with ParseAddress %+v %v", s, IsE164(s), results[0], errs[0])
		}
		if (CheckE164(s) == nil) != IsE164(s) {
			t.Fatalf("CheckE164(%q) disagrees with IsE164", s)
		}
		// Direction checks never panic and only return route errors.
		for _, a := range results {
			for _, err := range []error{CheckTo(a), CheckFrom(a), CheckRoute(a, results[0]), CheckFallback(a, results[0], a)} {
				if err != nil && !errors.Is(err, ErrRoute) && !errors.Is(err, ErrAddress) {
					t.Fatalf("direction check on %+v: untyped error %v", a, err)
				}
			}
		}
	})
}

// FuzzSID checks that ParseSID and SIDKind.Check never panic, agree with
// each other and with a plain reading of the rule.
func FuzzSID(f *testing.F) {
	for _, tc := range sidCases {
		if len(tc.in) < 100 {
			f.Add(tc.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseSID(s)
		if err != nil {
			var se *SIDError
			if !errors.As(err, &se) || !errors.Is(err, ErrSID) || se.Rule == SIDRuleNone {
				t.Fatalf("ParseSID(%q) error %v is not a typed SID error", s, err)
			}
		}
		want := len(s) == SIDLen
		if want {
			for i := 2; i < len(s); i++ {
				c := s[i]
				if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
					want = false
				}
			}
			switch s[:2] {
			case "AC", "MG", "HX", "AP", "SM", "MM", "SK":
			default:
				want = false
			}
		}
		if (err == nil) != want {
			t.Fatalf("ParseSID(%q) = %s, %v; want ok=%v", s, k, err, want)
		}
		for kind := SIDUnknown; kind <= numSIDKinds; kind++ {
			cerr := kind.Check(s)
			if (cerr == nil) != (err == nil && kind == k) {
				t.Fatalf("%s.Check(%q) = %v, but ParseSID = %s, %v", kind, s, cerr, k, err)
			}
		}
	})
}
