package batch

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/smsgauge/sms/phone"
)

// PhoneRegion is the default RegionFunc, backed by package phone
// (libphonenumber metadata). A calling code that belongs to one region
// decides the region alone, for every number under it, without a validity
// check. For a calling code shared by several regions (+1, +7, +44, ...) the
// number must be valid in one of them, and the answer is claimed for its
// first 7 digits and length.
func PhoneRegion(e164 string) (string, int, error) {
	// The fast path, for a valid number under a shared calling code (the
	// region-cache misses that count: one per 7-digit prefix): parse and
	// find the region, without the full phone.Parse (E.164 formatting, type,
	// possibility), which gives the same region for a valid number. Anything
	// else takes the full path, for the same answer and the same errors.
	if ok, _ := validE164([]byte(e164)); ok {
		if r, cc, ok := phone.ValidRegion(e164); ok && regionIndex(r) >= 0 && len(phone.Regions(cc)) > 1 {
			return r, 7, nil
		}
	}
	return phoneRegionParse(e164)
}

// phoneRegionParse is PhoneRegion through phone.Parse, for every number.
func phoneRegionParse(e164 string) (string, int, error) {
	n, err := phone.Parse(e164, "")
	if err != nil {
		return "", 0, err
	}
	ccLen := len(strconv.Itoa(n.CallingCode))
	regions := phone.Regions(n.CallingCode)
	if len(regions) == 1 && regionIndex(regions[0]) >= 0 {
		return regions[0], ccLen, nil
	}
	if n.Region == "" || regionIndex(n.Region) < 0 {
		return "", 7, fmt.Errorf("not a valid number in any region of +%d", n.CallingCode)
	}
	return n.Region, 7, nil
}

// errInvalidNumber is returned by PhoneRegionExact for a number that parses
// but is not assigned in its region's numbering plan.
var errInvalidNumber = errors.New("not a valid number (no range in use)")

// PhoneRegionExact checks every number in full: it must be valid
// (libphonenumber's IsValidNumber) and its region is libphonenumber's.
// Nothing is cached (prefixDigits 0). The command uses it with
// -exact-regions; it costs microseconds per row.
func PhoneRegionExact(e164 string) (string, int, error) {
	n, err := phone.Parse(e164, "")
	if err != nil {
		return "", 0, err
	}
	if !n.Valid {
		return "", 0, errInvalidNumber
	}
	if regionIndex(n.Region) < 0 {
		return "", 0, fmt.Errorf("no region for this number (%q)", n.Region)
	}
	return n.Region, 0, nil
}
