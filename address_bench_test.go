package sms

import (
	"regexp"
	"testing"
)

var (
	sinkAddrBool bool
	sinkAddrErr  error
	sinkAddress  Address
)

// The regular expressions doing the same checks, as Twilio's API
// definition writes them; the baselines for the benchmarks below.
var (
	e164Regexp = regexp.MustCompile(`^\+[1-9][0-9]{0,14}$`)
	sidRegexp  = regexp.MustCompile(`^AC[0-9a-fA-F]{32}$`)
)

func TestRegexpBaselinesAgree(t *testing.T) {
	for _, tc := range addressCases {
		if got, want := IsE164(tc.in), e164Regexp.MatchString(tc.in); got != want {
			t.Errorf("IsE164(%q) = %v, regexp says %v", tc.in, got, want)
		}
	}
	for _, tc := range sidCases {
		if got, want := SIDAccount.Check(tc.in) == nil, sidRegexp.MatchString(tc.in); got != want {
			t.Errorf("SIDAccount.Check(%q) ok = %v, regexp says %v", tc.in, got, want)
		}
	}
}

var e164Inputs = []struct{ name, s string }{
	{"Valid12", "+14155552671"},
	{"Valid16", "+123456789012345"},
	{"BadLast12", "+1415555267x"},
}

func BenchmarkE164(b *testing.B) {
	for _, in := range e164Inputs {
		b.Run("IsE164/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAddrBool = IsE164(in.s)
			}
		})
		b.Run("Regexp/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAddrBool = e164Regexp.MatchString(in.s)
			}
		})
	}
	b.Run("CheckE164/Valid12", func(b *testing.B) {
		b.SetBytes(12)
		b.ReportAllocs()
		for b.Loop() {
			sinkAddrErr = CheckE164("+14155552671")
		}
	})
}

func BenchmarkSID(b *testing.B) {
	inputs := []struct{ name, s string }{
		{"Valid34", "AC" + sidHex32},
		{"BadLast34", "AC" + sidHex32[:31] + "g"},
	}
	for _, in := range inputs {
		b.Run("Check/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAddrBool = SIDAccount.Check(in.s) == nil
			}
		})
		b.Run("Regexp/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAddrBool = sidRegexp.MatchString(in.s)
			}
		})
	}
	b.Run("ParseSID/Valid34", func(b *testing.B) {
		s := "MG" + sidHex32
		b.SetBytes(int64(len(s)))
		b.ReportAllocs()
		for b.Loop() {
			_, sinkAddrErr = ParseSID(s)
		}
	})
}

func BenchmarkParseAddress(b *testing.B) {
	inputs := []struct {
		name string
		o    AddressOptions
		s    string
	}{
		{"E164", AddressOptions{}, "+14155552671"},
		{"WhatsApp", AddressOptions{}, "whatsapp:+14155552671"},
		{"SenderID", AddressOptions{}, "MyShop"},
		{"ShortCode", AddressOptions{}, "12345"},
		{"LenientFormatted", AddressOptions{Lenient: true}, "+1 (415) 555-2671"},
		{"LenientFullwidth", AddressOptions{Lenient: true}, "＋１４１５５５５２６７１"},
		{"TooLong1MB", AddressOptions{}, string(make([]byte, 1<<20))},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAddress, sinkAddrErr = in.o.ParseAddress(in.s)
			}
		})
	}
}
