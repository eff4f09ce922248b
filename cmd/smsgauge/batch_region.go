package main

import (
	"errors"

	"github.com/nyaruka/phonenumbers"
)

// phoneRegion is the region of an E.164 number, for batch pricing.
// TEMPORARY until the phone package lands.
func phoneRegion(e164 string) (string, error) {
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return "", err
	}
	r := phonenumbers.GetRegionCodeForNumber(n)
	if r == "" || r == "ZZ" {
		return "", errors.New("no region known for this number")
	}
	return r, nil
}
