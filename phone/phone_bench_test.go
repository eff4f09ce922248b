package phone

import (
	"testing"

	sms "github.com/smsgauge/sms"
)

var (
	sinkInfo sms.NumberInfo
	sinkAddr sms.Address
	sinkErr  error
	sinkBool bool
)

// BenchmarkParse measures the full libphonenumber validation, next to the
// root package's syntax check of the same number in the same run.
func BenchmarkParse(b *testing.B) {
	inputs := []struct{ name, s, region string }{
		{"E164US", "+14155552671", ""},
		{"E164GB", "+447400123456", ""},
		{"NationalUS", "(415) 555-2671", "US"},
		{"NationalDE", "030 123456", "DE"},
		{"InvalidE164", "+15555555555", ""},
	}
	for _, in := range inputs {
		b.Run("Parse/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkInfo, sinkErr = Parse(in.s, in.region)
			}
		})
	}
	b.Run("SyntaxOnly/E164US", func(b *testing.B) {
		b.SetBytes(12)
		b.ReportAllocs()
		for b.Loop() {
			sinkBool = sms.IsE164("+14155552671")
		}
	})
}

func BenchmarkParseAddressWithParser(b *testing.B) {
	o := sms.AddressOptions{Lenient: true, Region: "US", Numbers: Parser{}}
	for _, in := range []struct{ name, s string }{{"E164", "+14155552671"}, {"NationalUS", "(415) 555-2671"}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				sinkAddr, sinkErr = o.ParseAddress(in.s)
			}
		})
	}
}
