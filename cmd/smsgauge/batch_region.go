package main

import (
	"fmt"
	"strconv"

	"github.com/nyaruka/phonenumbers"
)

// TEMPORARY until the phone package lands.
// phoneRegion is the region of an E.164 number from libphonenumber metadata,
// with the prefix that decides it: the calling code alone when it belongs to
// one region, else 7 digits.
func phoneRegion(e164 string) (string, int, error) {
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return "", 0, err
	}
	cc := int(n.GetCountryCode())
	ccLen := len(strconv.Itoa(cc))
	regions := phonenumbers.GetRegionCodesForCountryCode(cc)
	switch {
	case len(regions) == 0:
		return "", ccLen, fmt.Errorf("unknown calling code +%d", cc)
	case len(regions) == 1 && regions[0] != "001":
		return regions[0], ccLen, nil
	}
	r := phonenumbers.GetRegionCodeForNumber(n)
	if r == "" || r == "001" || r == "ZZ" {
		return "", 7, fmt.Errorf("not a valid number in any region of +%d", cc)
	}
	return r, 7, nil
}
