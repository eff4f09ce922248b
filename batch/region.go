package batch

import (
	"encoding/binary"
	"math/bits"
)

// RegionFunc returns the ISO 3166 alpha-2 region (upper case, such as "US")
// of an E.164 number, and how many of its leading digits (after "+") decide
// that answer: every number of the same length that starts with the same
// prefixDigits digits gets the same region (or the same error). The batch
// caches answers by that prefix, so the lookup runs once per prefix, not
// once per row. A calling code that belongs to a single region decides it
// alone (prefixDigits = the code's length, exact); for shared calling codes
// (+1, +7, +44, ...) the command claims 7 digits, which tells NANP area
// codes and exchanges, KZ from RU and the Crown dependencies from GB.
// prefixDigits 0 disables caching for that answer.
//
// The command wires it to libphonenumber metadata; tests may pass their own.
type RegionFunc func(e164 string) (region string, prefixDigits int, err error)

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
	for _, c := range d {
		if c >= 0x80 {
			// Before the length: "+١٤١٥٥٥٥٢٦٧١" has 10 digits in 20 bytes.
			return false, "not ASCII digits (E.164 takes 0-9 only, not Arabic-Indic, fullwidth or other digits)"
		}
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

// regionResult is a cached region lookup.
type regionResult struct {
	idx    int16 // region index, or -1 on error
	reason string
}

// regionCache memoises a RegionFunc, per worker (no locks on the hot path).
// Answers decided by a calling code alone (a claim of 1 to 3 digits) go in
// pre, indexed by the first three digits of the number: one probe into 2 KB
// that stays in the CPU cache. Numbers of 7 digits or more go in blocks by
// their first 7 digits: dir[digits-7][first 4 digits] is a block number (0:
// none yet), and the block holds the answer for each next 3 digits (0
// unknown, region index+1, or errIdx). A campaign's numbers share few
// 4-digit prefixes, so the blocks in use stay in the CPU cache, where a hash
// table over every 7-digit prefix did not. Shorter numbers go in a compact
// open-addressing table of packed words (key, region), 8 bytes a slot: it
// doubles when half full, from 32 KiB up to 8 MiB, and then starts over, as
// the blocks do past maxBlocks, so memory stays bounded. Error reasons,
// rare, live in maps beside them.
type regionCache struct {
	f         RegionFunc
	exact     bool
	pre       [1000]uint16   // by the first 3 digits: 0 unknown, region index+1, or errIdx
	preE      map[int]string // the reason of each errIdx entry of pre
	dir       [9][]uint16    // by digit count 7..15, then the first 4 digits: block number
	blocks    []*[1000]uint16
	blockErrs map[uint64]string // the reason of each errIdx entry of a block, by key
	table     []uint64          // key<<16 | region index+1 (errIdx: see errs); 0 is empty
	bits      int               // len(table) == 1<<bits
	used      int
	errs      map[uint64]string
}

const (
	regionTableMinBits = 12 // 32 KiB
	regionTableMaxBits = 20 // 8 MiB: half a million short numbers
	errIdx             = 0xFFFF
	maxBlocks          = 4096 // 8 MiB of blocks, then the cache starts over
)

func newRegionCache(f RegionFunc, exact bool) *regionCache {
	return &regionCache{f: f, exact: exact, preE: map[int]string{},
		blocks: make([]*[1000]uint16, 1), blockErrs: map[uint64]string{},
		table: make([]uint64, 1<<regionTableMinBits), bits: regionTableMinBits, errs: map[uint64]string{}}
}

// lookupE164 checks that s is strict E.164 (as validE164) and returns its
// region from the cache, in one pass over the digits (the hot path of a
// row). valid is false when s is not strict E.164; validE164 then gives the
// reason.
func (c *regionCache) lookupE164(s []byte) (r regionResult, valid bool) {
	k, ok := e164Key(s)
	if !ok {
		return regionResult{}, false
	}
	if c.exact {
		r, _ = c.call(s)
		return r, true
	}
	return c.lookupValid(s, k), true
}

// lookupValid looks up the valid E.164 number s whose key is k.
func (c *regionCache) lookupValid(s []byte, k uint64) regionResult {
	d := s[1:]
	if len(d) < 3 {
		return c.lookupKey(s, k)
	}
	code := int(d[0]-'0')*100 + int(d[1]-'0')*10 + int(d[2]-'0')
	switch v := c.pre[code]; v {
	case 0:
	case errIdx:
		return regionResult{idx: -1, reason: c.preE[code]}
	default:
		return regionResult{idx: int16(v - 1)}
	}
	if len(d) < 7 {
		return c.lookupKey(s, k)
	}
	if dir := c.dir[len(d)-7]; dir != nil {
		if b := dir[code*10+int(d[3]-'0')]; b != 0 {
			switch v := c.blocks[b][int(d[4]-'0')*100+int(d[5]-'0')*10+int(d[6]-'0')]; v {
			case 0:
			case errIdx:
				return regionResult{idx: -1, reason: c.blockErrs[k]}
			default:
				return regionResult{idx: int16(v - 1)}
			}
		}
	}
	r, p := c.call(s)
	c.remember(s, k, r, p)
	return r
}

// e164Key reports whether s is strict E.164 (as validE164) and returns its
// cache key, computed on the way: the digit count and the first 7 digits
// (all of a shorter number) packed into one integer, 4 bits each, a digit
// stored plus one.
func e164Key(s []byte) (k uint64, ok bool) {
	if len(s) < 2 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return 0, false
	}
	d := s[1:]
	if len(d) >= 8 {
		// Eight digits at a time: the first eight and the last eight
		// (overlapping) cover the number.
		w := binary.LittleEndian.Uint64(d)
		if !digits8(w) || !digits8(binary.LittleEndian.Uint64(d[len(d)-8:])) {
			return 0, false
		}
		return uint64(len(d))<<28 | packDigits8(w)>>4, true
	}
	k = uint64(len(d))
	for i, ch := range d {
		v := ch - '0'
		if v > 9 {
			return 0, false
		}
		if i < 7 {
			k = k<<4 | uint64(v+1)
		}
	}
	return k, true
}

// digits8 reports whether the 8 bytes of w are all ASCII digits.
func digits8(w uint64) bool {
	const hi, three, six = 0xF0F0F0F0F0F0F0F0, 0x3030303030303030, 0x0606060606060606
	return w&hi == three && (w+six)&hi == three
}

// packDigits8 packs 8 ASCII digits (the first in the low byte of w) into 32
// bits, a nibble each holding the digit plus one, the first digit in the
// high nibble: the packing of e164Key.
func packDigits8(w uint64) uint64 {
	y := bits.ReverseBytes64(w - 0x2F2F2F2F2F2F2F2F) // digit+1 per byte, first digit high
	y = (y | y>>4) & 0x00FF00FF00FF00FF
	y = (y | y>>8) & 0x0000FFFF0000FFFF
	return (y | y>>16) & 0xFFFFFFFF
}

// lookupKey finds the valid E.164 number s of fewer than 7 digits, whose
// calling code is not cached alone, by its key (e164Key); on a
// miss it calls the region function and caches the answer.
func (c *regionCache) lookupKey(s []byte, k uint64) regionResult {
	mask := uint64(len(c.table) - 1)
	h := (k * 0x9E3779B97F4A7C15) >> (64 - c.bits)
	for {
		w := c.table[h]
		if w == 0 {
			break
		}
		if w>>16 == k {
			if idx := w & 0xFFFF; idx != errIdx {
				return regionResult{idx: int16(idx - 1)}
			}
			return regionResult{idx: -1, reason: c.errs[k]}
		}
		h = (h + 1) & mask
	}
	r, p := c.call(s)
	c.remember(s, k, r, p)
	return r
}

// remember caches the answer r of the region function for the valid E.164
// number s (key k), which claimed p digits: by calling code (p <= 3), in a
// block (7 digits or more), or in the hash table.
func (c *regionCache) remember(s []byte, k uint64, r regionResult, p int) {
	d := s[1:]
	switch {
	case p <= 0 || p > 7:
	case p <= 3 && len(d) >= 3:
		// Decided by the calling code: every number whose first three
		// digits extend the claimed prefix.
		code := 0
		for _, ch := range d[:p] {
			code = code*10 + int(ch-'0')
		}
		for i := 3; i > p; i-- {
			code *= 10
		}
		v := uint16(errIdx)
		if r.idx >= 0 {
			v = uint16(r.idx) + 1
		}
		for e := code; e < code+pow10i[3-p]; e++ {
			c.pre[e] = v
			if r.idx < 0 {
				c.preE[e] = r.reason
			}
		}
	case len(d) >= 7:
		// Keyed by 7 digits, finer than claimed: still right.
		if len(c.blocks) > maxBlocks {
			for i := range c.dir {
				c.dir[i] = nil
			}
			clear(c.blocks[1:])
			c.blocks = c.blocks[:1]
			clear(c.blockErrs)
		}
		dir := c.dir[len(d)-7]
		if dir == nil {
			dir = make([]uint16, 10000)
			c.dir[len(d)-7] = dir
		}
		p4 := int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
		if dir[p4] == 0 {
			dir[p4] = uint16(len(c.blocks))
			c.blocks = append(c.blocks, new([1000]uint16))
		}
		v := uint16(errIdx)
		if r.idx >= 0 {
			v = uint16(r.idx) + 1
		} else {
			c.blockErrs[k] = r.reason
		}
		c.blocks[dir[p4]][int(d[4]-'0')*100+int(d[5]-'0')*10+int(d[6]-'0')] = v
	default:
		// A short number: keyed by all its digits, finer than claimed.
		idx := uint64(errIdx)
		if r.idx >= 0 {
			idx = uint64(r.idx) + 1
		} else {
			c.errs[k] = r.reason
		}
		if c.used >= len(c.table)/2 {
			if c.bits < regionTableMaxBits {
				c.grow()
			} else {
				clear(c.table)
				clear(c.errs)
				c.used = 0
				if r.idx < 0 {
					c.errs[k] = r.reason
				}
			}
		}
		c.insert(k<<16 | idx)
	}
}

// pow10i are the powers of ten 10^0 to 10^3.
var pow10i = [4]int{1, 10, 100, 1000}

// insert puts a packed word in the table (its key is not there).
func (c *regionCache) insert(w uint64) {
	mask := uint64(len(c.table) - 1)
	h := ((w >> 16) * 0x9E3779B97F4A7C15) >> (64 - c.bits)
	for c.table[h] != 0 {
		h = (h + 1) & mask
	}
	c.table[h] = w
	c.used++
}

// grow doubles the table.
func (c *regionCache) grow() {
	old := c.table
	c.bits++
	c.table = make([]uint64, 1<<c.bits)
	c.used = 0
	for _, w := range old {
		if w != 0 {
			c.insert(w)
		}
	}
}

func (c *regionCache) call(s []byte) (regionResult, int) {
	reg, p, err := c.f(string(s))
	if err != nil {
		return regionResult{idx: -1, reason: err.Error()}, p
	}
	i := regionIndex(reg)
	if i < 0 {
		return regionResult{idx: -1, reason: "no region known for this number"}, p
	}
	return regionResult{idx: int16(i)}, p
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
