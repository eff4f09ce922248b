package batch

// RegionFunc returns the ISO 3166 alpha-2 region (upper case, such as "US")
// of an E.164 number. The command wires it to the phone package
// (libphonenumber metadata); tests may pass their own.
type RegionFunc func(e164 string) (string, error)

// validE164 reports whether s is strict E.164: "+", then 1 to 15 digits, the
// first not 0. It makes no allocation.
func validE164(s []byte) (ok bool, reason string) {
	if len(s) == 0 {
		return false, "empty"
	}
	if s[0] != '+' {
		return false, "no leading +"
	}
	d := s[1:]
	if len(d) == 0 {
		return false, "no digits"
	}
	if len(d) > 15 {
		return false, "more than 15 digits"
	}
	if d[0] == '0' {
		return false, "country code starts with 0"
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false, "not a digit after +"
		}
	}
	return true, ""
}

// PrefixDigits is how many leading digits of a number (after "+") key the
// region cache. Seven digits cover the calling code (1 to 3 digits) and the
// next 4 to 6, which is what libphonenumber needs to tell apart the regions
// that share a calling code: NPA-NXX for +1 (US, CA and the Caribbean),
// the 7xx blocks of +7 (RU, KZ), the Crown dependencies under +44.
const PrefixDigits = 7

// regionKey packs the first PrefixDigits digits and the digit count of a
// valid E.164 number into one integer.
func regionKey(s []byte) uint64 {
	d := s[1:]
	k := uint64(len(d))
	n := len(d)
	if n > PrefixDigits {
		n = PrefixDigits
	}
	for _, c := range d[:n] {
		k = k<<4 | uint64(c-'0'+1)
	}
	return k
}

// regionResult is a cached region lookup.
type regionResult struct {
	idx    int16 // region index, or -1 on error
	reason string
}

// regionCache memoises a RegionFunc by number prefix, per worker. It is
// bounded: when full it starts over, so memory stays constant.
type regionCache struct {
	f     RegionFunc
	exact bool
	m     map[uint64]regionResult
}

const regionCacheMax = 1 << 16

func newRegionCache(f RegionFunc, exact bool) *regionCache {
	return &regionCache{f: f, exact: exact, m: make(map[uint64]regionResult, 1024)}
}

// lookup returns the region index of the valid E.164 number s.
func (c *regionCache) lookup(s []byte) regionResult {
	if c.exact {
		return c.call(s)
	}
	k := regionKey(s)
	if r, ok := c.m[k]; ok {
		return r
	}
	r := c.call(s)
	if len(c.m) >= regionCacheMax {
		clear(c.m)
	}
	c.m[k] = r
	return r
}

func (c *regionCache) call(s []byte) regionResult {
	reg, err := c.f(string(s))
	if err != nil {
		return regionResult{idx: -1, reason: err.Error()}
	}
	i := regionIndex(reg)
	if i < 0 {
		return regionResult{idx: -1, reason: "no region known for this number"}
	}
	return regionResult{idx: int16(i)}
}

// Region indexes: the 676 two-letter codes AA..ZZ, and noRegion for rows
// whose region is not asked (no to column).
const (
	numRegions = 26 * 26
	noRegion   = numRegions
)

func regionIndex(s string) int {
	if len(s) != 2 {
		return -1
	}
	a, b := s[0]&^0x20, s[1]&^0x20 // upper case
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return -1
	}
	return int(a-'A')*26 + int(b-'A')
}

func regionName(i int) string {
	if i == noRegion {
		return ""
	}
	return string([]byte{byte('A' + i/26), byte('A' + i%26)})
}
