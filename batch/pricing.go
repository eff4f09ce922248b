package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// CountryPricing is one document of Twilio's Pricing API v1 Messaging
// Countries resource (GET /v1/Messaging/Countries/{IsoCountry}): the prices
// to send to and receive from one country.
type CountryPricing struct {
	Country           string             `json:"country"`
	IsoCountry        string             `json:"iso_country"`
	OutboundSMSPrices []OutboundSMSPrice `json:"outbound_sms_prices"`
	InboundSMSPrices  []InboundSMSPrice  `json:"inbound_sms_prices"`
	PriceUnit         string             `json:"price_unit"`
	URL               string             `json:"url,omitempty"`
}

// OutboundSMSPrice is the price list of one destination carrier.
type OutboundSMSPrice struct {
	Carrier string        `json:"carrier"`
	MCC     string        `json:"mcc"`
	MNC     string        `json:"mnc"`
	Prices  []NumberPrice `json:"prices"`
}

// InboundSMSPrice is the price of receiving on one number type.
type InboundSMSPrice = NumberPrice

// NumberPrice is a price per segment for one sender number type. Twilio
// sends prices as decimal strings; Money keeps them exact.
type NumberPrice struct {
	NumberType   NumberType `json:"number_type"`
	BasePrice    Money      `json:"base_price"`
	CurrentPrice Money      `json:"current_price"`
}

// NumberType is the kind of sender number a price applies to, as Twilio
// names it: "local", "mobile", "toll free" or "shortcode".
type NumberType string

// The number types of Twilio's messaging prices.
const (
	NumberLocal     NumberType = "local"
	NumberMobile    NumberType = "mobile"
	NumberTollFree  NumberType = "toll free"
	NumberShortCode NumberType = "shortcode"
)

// ParseNumberType accepts Twilio's spelling of a number type and the usual
// variants ("toll-free", "tollfree", "short code", "short-code"), in any case.
func ParseNumberType(s string) (NumberType, error) {
	k := strings.NewReplacer("-", "", " ", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "local":
		return NumberLocal, nil
	case "mobile":
		return NumberMobile, nil
	case "tollfree":
		return NumberTollFree, nil
	case "shortcode":
		return NumberShortCode, nil
	}
	return "", &PricingError{Reason: fmt.Sprintf("unknown number type %q (want local, mobile, toll free or shortcode)", s)}
}

// CarrierRule chooses one price when a country has several carriers with
// different prices, since the carrier of a number is not known before
// sending.
type CarrierRule uint8

const (
	// CarrierMax takes the highest carrier price: the estimate is an upper
	// bound, never below the bill. It is the default.
	CarrierMax CarrierRule = iota
	// CarrierMin takes the lowest carrier price: a lower bound.
	CarrierMin
)

// String returns "max" or "min".
func (r CarrierRule) String() string {
	if r == CarrierMin {
		return "min"
	}
	return "max"
}

// ErrPricing is wrapped by every *PricingError.
var ErrPricing = errors.New("sms: pricing")

// ErrNoPrice is wrapped by the *PricingError of a country or number type
// that the pricing data does not cover.
var ErrNoPrice = errors.New("sms: no price")

// PricingError reports a pricing file that cannot be used, or a country or
// number type without a price.
type PricingError struct {
	File    string // the file, when loading
	Country string // the ISO country, when looking a price up
	Reason  string
	Err     error // ErrNoPrice for a missing price, else nil (ErrPricing)
}

// Error implements error.
func (e *PricingError) Error() string {
	var b strings.Builder
	if e.Err == ErrNoPrice {
		b.WriteString("sms: no price")
		if e.Country != "" {
			b.WriteString(" for country ")
			b.WriteString(e.Country)
		}
		b.WriteString(": ")
		b.WriteString(e.Reason)
		return b.String()
	}
	b.WriteString("sms: pricing")
	if e.File != "" {
		b.WriteString(" ")
		b.WriteString(e.File)
	}
	if e.Country != "" {
		b.WriteString(" country ")
		b.WriteString(e.Country)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns ErrNoPrice for a missing price, else ErrPricing.
func (e *PricingError) Unwrap() error {
	if e.Err == ErrNoPrice {
		return ErrNoPrice
	}
	return ErrPricing
}

// Pricing is a set of country price documents, all in one currency. Build
// it with LoadPricing or ParsePricing; it is read-only after that and safe
// for concurrent use.
type Pricing struct {
	unit      string
	countries map[string]CountryPricing // by upper-case ISO code
}

// Unit returns the currency of every price, such as "USD".
func (p *Pricing) Unit() string { return p.unit }

// Countries returns the ISO codes covered, sorted.
func (p *Pricing) Countries() []string {
	out := make([]string, 0, len(p.countries))
	for k := range p.countries {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Country returns the document of one ISO country.
func (p *Pricing) Country(iso string) (CountryPricing, bool) {
	c, ok := p.countries[strings.ToUpper(iso)]
	return c, ok
}

// LoadPricing reads a pricing file, or every *.json file of a directory
// (not recursively). Each file holds one Messaging Countries document, a
// sequence of them, or a JSON array of them.
func LoadPricing(path string) (*Pricing, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &PricingError{File: path, Reason: err.Error()}
	}
	files := []string{path}
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.json"))
		if err != nil {
			return nil, &PricingError{File: path, Reason: err.Error()}
		}
		sort.Strings(files)
		if len(files) == 0 {
			return nil, &PricingError{File: path, Reason: "no *.json files in directory"}
		}
	}
	p := &Pricing{countries: map[string]CountryPricing{}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, &PricingError{File: f, Reason: err.Error()}
		}
		if err := p.addDocuments(f, data); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// ParsePricing reads Messaging Countries documents from r: one, a sequence
// of them, or a JSON array of them.
func ParsePricing(r io.Reader) (*Pricing, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &PricingError{Reason: err.Error()}
	}
	p := &Pricing{countries: map[string]CountryPricing{}}
	if err := p.addDocuments("", data); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Pricing) addDocuments(file string, data []byte) error {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var docs []CountryPricing
		if err := json.Unmarshal(trimmed, &docs); err != nil {
			return &PricingError{File: file, Reason: err.Error()}
		}
		for _, d := range docs {
			if err := p.add(file, d); err != nil {
				return err
			}
		}
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	n := 0
	for {
		var d CountryPricing
		err := dec.Decode(&d)
		if err == io.EOF {
			break
		}
		if err != nil {
			return &PricingError{File: file, Reason: err.Error()}
		}
		if err := p.add(file, d); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return &PricingError{File: file, Reason: "no pricing document"}
	}
	return nil
}

func (p *Pricing) add(file string, d CountryPricing) error {
	iso := strings.ToUpper(d.IsoCountry)
	if len(iso) != 2 || iso[0] < 'A' || iso[0] > 'Z' || iso[1] < 'A' || iso[1] > 'Z' {
		return &PricingError{File: file, Reason: fmt.Sprintf("iso_country %q is not an ISO 3166 alpha-2 code", d.IsoCountry)}
	}
	if d.PriceUnit == "" {
		return &PricingError{File: file, Country: iso, Reason: "no price_unit"}
	}
	unit := strings.ToUpper(d.PriceUnit)
	if p.unit == "" {
		p.unit = unit
	} else if p.unit != unit {
		return &PricingError{File: file, Country: iso, Reason: fmt.Sprintf("price_unit %s differs from %s: one pricing set must use one currency", unit, p.unit)}
	}
	if _, dup := p.countries[iso]; dup {
		return &PricingError{File: file, Country: iso, Reason: "country given twice"}
	}
	for _, c := range d.OutboundSMSPrices {
		for _, pr := range c.Prices {
			if pr.BasePrice < 0 || pr.CurrentPrice < 0 {
				return &PricingError{File: file, Country: iso, Reason: "negative price for carrier " + c.Carrier}
			}
		}
	}
	d.IsoCountry = iso
	p.countries[iso] = d
	return nil
}

// PriceOptions selects the price of one segment in a country. The zero value
// takes the current price of a local sender number, highest carrier.
type PriceOptions struct {
	NumberType NumberType  // "" means NumberLocal
	Carrier    CarrierRule // which carrier's price when they differ
	Base       bool        // use base_price (list price) instead of current_price
}

// Price returns the outbound price of one segment to the ISO country.
// A country, or a number type, that the data does not cover is an error
// wrapping ErrNoPrice, never a zero price.
func (o PriceOptions) Price(p *Pricing, iso string) (Money, error) {
	nt := o.NumberType
	if nt == "" {
		nt = NumberLocal
	}
	c, ok := p.Country(iso)
	if !ok {
		return 0, &PricingError{Country: strings.ToUpper(iso), Reason: "not in the pricing data", Err: ErrNoPrice}
	}
	found := false
	var best Money
	for _, car := range c.OutboundSMSPrices {
		for _, pr := range car.Prices {
			if pr.NumberType != nt {
				continue
			}
			v := pr.CurrentPrice
			if o.Base {
				v = pr.BasePrice
			}
			if !found || (o.Carrier == CarrierMax && v > best) || (o.Carrier == CarrierMin && v < best) {
				best = v
			}
			found = true
		}
	}
	if !found {
		return 0, &PricingError{Country: c.IsoCountry, Reason: fmt.Sprintf("no outbound price for number type %q", nt), Err: ErrNoPrice}
	}
	return best, nil
}
