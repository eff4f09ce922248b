package batch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleDir = "testdata/pricing_SAMPLE"

func loadSample(t testing.TB) *Pricing {
	t.Helper()
	p, err := LoadPricing(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadPricingSample(t *testing.T) {
	p := loadSample(t)
	if got := strings.Join(p.Countries(), " "); got != "BR CA DE FR GB IN US" {
		t.Fatalf("Countries() = %q", got)
	}
	if p.Unit() != "USD" {
		t.Fatalf("Unit() = %q, want USD", p.Unit())
	}
	if c, ok := p.Country("us"); !ok || c.Country != "United States" || len(c.OutboundSMSPrices) != 2 {
		t.Fatalf("Country(us) = %+v, %v", c, ok)
	}
}

func TestPrice(t *testing.T) {
	p := loadSample(t)
	tests := []struct {
		name    string
		iso     string
		opt     PriceOptions
		want    string
		noPrice bool
	}{
		{name: "default is local max", iso: "US", want: "0.0105"},
		{name: "min carrier", iso: "US", opt: PriceOptions{Carrier: CarrierMin}, want: "0.01"},
		{name: "base price max", iso: "US", opt: PriceOptions{Base: true}, want: "0.012"},
		{name: "toll free", iso: "US", opt: PriceOptions{NumberType: NumberTollFree}, want: "0.011"},
		{name: "shortcode max", iso: "US", opt: PriceOptions{NumberType: NumberShortCode}, want: "0.0125"},
		{name: "GB max of two", iso: "GB", opt: PriceOptions{NumberType: NumberMobile}, want: "0.045"},
		{name: "GB min of two", iso: "gb", opt: PriceOptions{NumberType: NumberMobile, Carrier: CarrierMin}, want: "0.04"},
		{name: "one carrier lacks the type", iso: "GB", opt: PriceOptions{NumberType: NumberShortCode}, want: "0.05"},
		{name: "missing country", iso: "JP", noPrice: true},
		{name: "missing number type", iso: "DE", opt: PriceOptions{NumberType: NumberTollFree}, noPrice: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.opt.Price(p, tt.iso)
			if tt.noPrice {
				var pe *PricingError
				if !errors.Is(err, ErrNoPrice) || !errors.As(err, &pe) || got != 0 {
					t.Fatalf("Price(%s) = %v, %v; want a *PricingError wrapping ErrNoPrice", tt.iso, got, err)
				}
				if !strings.Contains(err.Error(), strings.ToUpper(tt.iso)) {
					t.Fatalf("error %q does not name the country", err)
				}
				return
			}
			if err != nil || got.String() != MustParseMoney(tt.want).String() {
				t.Fatalf("Price(%s) = %v, %v; want %s", tt.iso, got, err, tt.want)
			}
		})
	}
}

func TestParseNumberType(t *testing.T) {
	tests := []struct {
		name, in string
		want     NumberType
	}{
		{"local", "local", NumberLocal},
		{"mobile upper", "MOBILE", NumberMobile},
		{"toll free twilio", "toll free", NumberTollFree},
		{"toll-free", "toll-free", NumberTollFree},
		{"tollfree", "tollfree", NumberTollFree},
		{"shortcode", "shortcode", NumberShortCode},
		{"short code", "short code", NumberShortCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := ParseNumberType(tt.in); err != nil || got != tt.want {
				t.Fatalf("ParseNumberType(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	if _, err := ParseNumberType("landline"); !errors.Is(err, ErrPricing) {
		t.Fatalf("ParseNumberType(landline) err = %v, want ErrPricing", err)
	}
}

func TestParsePricingErrors(t *testing.T) {
	doc := func(iso, unit, price string) string {
		return `{"country":"X","iso_country":"` + iso + `","price_unit":"` + unit + `","outbound_sms_prices":[{"carrier":"C","mcc":"1","mnc":"1","prices":[{"number_type":"local","base_price":"` + price + `","current_price":"` + price + `"}]}]}`
	}
	tests := []struct {
		name, in, want string
	}{
		{name: "mixed currencies", in: doc("US", "USD", "0.01") + doc("FR", "EUR", "0.01"), want: "one currency"},
		{name: "bad iso", in: doc("USA", "USD", "0.01"), want: "ISO 3166"},
		{name: "float price text", in: doc("US", "USD", "1e-3"), want: "not a decimal"},
		{name: "too precise", in: doc("US", "USD", "0.0000001"), want: "more than 6 decimals"},
		{name: "negative", in: doc("US", "USD", "-0.01"), want: "negative"},
		{name: "duplicate", in: doc("US", "USD", "0.01") + doc("us", "USD", "0.02"), want: "twice"},
		{name: "no unit", in: doc("US", "", "0.01"), want: "price_unit"},
		{name: "empty", in: "  ", want: "no pricing document"},
		{name: "not json", in: "{", want: "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePricing(strings.NewReader(tt.in))
			var pe *PricingError
			if !errors.Is(err, ErrPricing) || !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ParsePricing err = %v, want a *PricingError containing %q", err, tt.want)
			}
		})
	}
	// An array and a stream of documents both load.
	for _, in := range []string{"[" + doc("US", "usd", "0.01") + "," + doc("FR", "USD", "0.02") + "]", doc("US", "USD", "0.01") + "\n" + doc("FR", "USD", "0.02")} {
		p, err := ParsePricing(strings.NewReader(in))
		if err != nil || len(p.Countries()) != 2 || p.Unit() != "USD" {
			t.Fatalf("ParsePricing(%.40q...) = %v, %v", in, p, err)
		}
	}
}

func TestLoadPricingFileAndDir(t *testing.T) {
	p, err := LoadPricing(filepath.Join(sampleDir, "FR.json"))
	if err != nil || len(p.Countries()) != 1 {
		t.Fatalf("LoadPricing(FR.json) = %v, %v", p, err)
	}
	empty := t.TempDir()
	if _, err := LoadPricing(empty); !errors.Is(err, ErrPricing) {
		t.Fatalf("LoadPricing(empty dir) err = %v, want ErrPricing", err)
	}
	if _, err := LoadPricing(filepath.Join(empty, "nope.json")); !errors.Is(err, ErrPricing) {
		t.Fatalf("LoadPricing(missing) err = %v, want ErrPricing", err)
	}
	bad := filepath.Join(empty, "bad.json")
	os.WriteFile(bad, []byte(`{"iso_country": 5}`), 0o644)
	if _, err := LoadPricing(empty); !errors.Is(err, ErrPricing) || !strings.Contains(err.Error(), "bad.json") {
		t.Fatalf("LoadPricing(dir with bad file) err = %v, want ErrPricing naming the file", err)
	}
}
