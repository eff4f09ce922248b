package batch_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/smsgauge/sms/batch"
)

func ExampleOptions_Run() {
	pricing, err := batch.LoadPricing("testdata/pricing_SAMPLE") // SAMPLE prices, not real ones
	if err != nil {
		panic(err)
	}
	in := strings.NewReader("id,to,body\n" +
		"a,+14155552671,Your code is 123456\n" +
		"b,+33612345678,Votre colis est arrivé ’aujourd’hui’\n" +
		"c,+819012345678,No price for Japan in the sample\n")
	o := batch.Options{Pricing: pricing}
	s, err := o.Run(context.Background(), in, os.Stdout)
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Rows, "rows,", s.Failed, "failed, cost", s.Cost, s.Currency)
	// Output:
	// line,id,region,encoding,segments,characters,units,price_per_segment,cost,currency,error
	// 2,a,US,GSM-7,1,19,19,0.0105,0.0105,USD,
	// 3,b,FR,UCS-2,1,36,36,0.08,0.08,USD,
	// 4,c,JP,GSM-7,1,32,32,,,,no price for country JP: not in the pricing data
	// 3 rows, 1 failed, cost 0.0905 USD
}

func ExampleSummary_WriteText() {
	in := strings.NewReader(`{"id":1,"to":"+447400123456","body":"Hello"}` + "\n" + `{"id":2,"body":""}` + "\n")
	var discard strings.Builder
	s, _ := batch.Options{Input: batch.JSONL, Output: batch.JSONL}.Run(context.Background(), in, &discard)
	s.WriteText(os.Stdout)
	// Output:
	// smsgauge batch: 2 rows, 1 message, 1 segment, cost -, 1 failed
	// by encoding:
	//   GSM-7           1 message             1 segment   -
	// by region:
	//   GB              1 message             1 segment   -
	// failed rows (1):
	//   line 2: empty body
}

func ExampleParseMoney() {
	price, _ := batch.ParseMoney("0.0079")
	var total batch.Money
	for range 1000 {
		total, _ = total.Add(price)
	}
	fmt.Println(price, total)
	// Output: 0.0079 7.90
}

func ExampleMoney_Mul() {
	cost, _ := batch.MustParseMoney("0.0079").Mul(3) // three segments
	fmt.Println(cost)
	// Output: 0.0237
}

func ExampleLoadPricing() {
	p, err := batch.LoadPricing("testdata/pricing_SAMPLE")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Unit(), p.Countries())
	// Output: USD [BR CA DE FR GB IN US]
}

func ExampleParsePricing() {
	doc := `{"country": "Estonia", "iso_country": "EE", "price_unit": "USD",
	  "outbound_sms_prices": [{"carrier": "SampleCarrier", "mcc": "248", "mnc": "01",
	    "prices": [{"number_type": "mobile", "base_price": "0.0600", "current_price": "0.0550"}]}]}`
	p, err := batch.ParsePricing(strings.NewReader(doc))
	if err != nil {
		panic(err)
	}
	price, err := batch.PriceOptions{NumberType: batch.NumberMobile}.Price(p, "EE")
	fmt.Println(price, err)
	// Output: 0.055 <nil>
}

func ExamplePriceOptions_Price() {
	p, _ := batch.LoadPricing("testdata/pricing_SAMPLE")
	for _, o := range []batch.PriceOptions{
		{},                          // local number, highest carrier, current price
		{Carrier: batch.CarrierMin}, // lowest carrier
		{NumberType: batch.NumberTollFree},
	} {
		price, _ := o.Price(p, "US")
		fmt.Println(o.NumberType, o.Carrier, price)
	}
	_, err := batch.PriceOptions{}.Price(p, "JP")
	fmt.Println(err)
	// Output:
	//  max 0.0105
	//  min 0.01
	// toll free max 0.011
	// sms: no price for country JP: not in the pricing data
}

func ExampleParseNumberType() {
	nt, _ := batch.ParseNumberType("toll-free")
	fmt.Printf("%q\n", nt)
	// Output: "toll free"
}

func ExamplePhoneRegion() {
	region, prefix, err := batch.PhoneRegion("+14165550123")
	fmt.Println(region, prefix, err)
	region, prefix, err = batch.PhoneRegion("+33612345678")
	fmt.Println(region, prefix, err)
	// Output:
	// CA 7 <nil>
	// FR 2 <nil>
}

func ExamplePhoneRegionExact() {
	_, _, err := batch.PhoneRegionExact("+14150000000")
	fmt.Println(err)
	// Output: not a valid number (no range in use)
}

func ExampleCarrierRule_String() {
	fmt.Println(batch.CarrierMax, batch.CarrierMin)
	// Output: max min
}

func ExampleFormat_String() {
	fmt.Println(batch.CSV, batch.JSONL)
	// Output: csv jsonl
}

func ExampleMustParseMoney() {
	fmt.Println(batch.MustParseMoney("0.0500"))
	// Output: 0.05
}

func ExampleMoney_Add() {
	sum, err := batch.MustParseMoney("0.1").Add(batch.MustParseMoney("0.2"))
	fmt.Println(sum, err, sum == batch.MustParseMoney("0.3")) // no float surprise
	// Output: 0.30 <nil> true
}

func ExampleMoney_String() {
	fmt.Println(batch.Money(7900), batch.Money(-2_500_000), batch.Money(1))
	// Output: 0.0079 -2.50 0.000001
}

func ExampleMoney_Append() {
	b := []byte("cost=")
	b = batch.MustParseMoney("12.345").Append(b)
	fmt.Println(string(b))
	// Output: cost=12.345
}

func ExamplePricing_Country() {
	p, _ := batch.LoadPricing("testdata/pricing_SAMPLE")
	c, ok := p.Country("gb")
	fmt.Println(ok, c.Country, len(c.OutboundSMSPrices), c.PriceUnit)
	// Output: true United Kingdom 2 USD
}
