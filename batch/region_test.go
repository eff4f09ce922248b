package batch

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestRegionCache checks the cache against the function it caches: same
// answers, calls once per claimed prefix, and bounded growth.
func TestRegionCache(t *testing.T) {
	calls := 0
	f := func(n string) (string, int, error) {
		calls++
		switch {
		case n[1] == '1': // shared code, 7-digit claim: exchanges 9xx are invalid
			if n[5] == '9' {
				return "", 7, errors.New("invalid")
			}
			if n[2] == '4' {
				return "CA", 7, nil
			}
			return "US", 7, nil
		case n[1:3] == "33":
			return "FR", 2, nil
		case n[1:4] == "999":
			return "", 3, errors.New("unknown calling code")
		}
		return "", 0, errors.New("no claim")
	}
	c := newRegionCache(f, false)
	check := func(n, want string) {
		t.Helper()
		r := mustLookup(t, c, n)
		got := "err:" + r.reason
		if r.idx >= 0 {
			got = regionName(int(r.idx))
		}
		if got != want {
			t.Fatalf("lookup(%s) = %s, want %s", n, got, want)
		}
	}
	check("+33612345678", "FR")
	check("+33799999999", "FR")
	check("+3361", "FR")
	if calls != 1 {
		t.Fatalf("%d calls for one calling-code claim, want 1", calls)
	}
	check("+99912345", "err:unknown calling code")
	check("+9991", "err:unknown calling code")
	check("+12125550100", "US")
	check("+12125559999", "US")
	check("+14165550100", "CA")
	check("+12139550100", "err:invalid")
	check("+12139559999", "err:invalid")
	if calls != 5 {
		t.Fatalf("%d calls, want 5", calls)
	}
	check("+12125550100999", "US") // another length: another key
	check("+4412", "err:no claim")
	check("+4412", "err:no claim") // no claim: not cached
	if calls != 8 {
		t.Fatalf("%d calls, want 8", calls)
	}
	// Many prefixes: the blocks fill, then start over at their limit, and
	// every answer stays right.
	calls = 0
	before := len(c.blocks)
	for i := range 200_000 {
		n := fmt.Sprintf("+12%06d%02d", i, i%100)
		want := "US"
		if n[5] == '9' {
			want = "err:invalid"
		}
		check(n, want)
	}
	// 4-digit prefixes 1200 to 1219 of 10-digit numbers.
	if calls != 20_000 || len(c.blocks)-before != 20 {
		t.Fatalf("%d calls (want 20000), %d new blocks (want 20)", calls, len(c.blocks)-before)
	}
	calls = 0
	for digits := 11; digits <= 15; digits++ {
		for p := range 1000 {
			n := fmt.Sprintf("+1%03d%0*d", p, digits-4, p)
			want := "US"
			switch {
			case n[5] == '9':
				want = "err:invalid"
			case n[2] == '4':
				want = "CA"
			}
			check(n, want)
			if len(c.blocks) > maxBlocks+1 {
				t.Fatalf("%d blocks, limit %d", len(c.blocks)-1, maxBlocks)
			}
		}
	}
	if calls != 5000 {
		t.Fatalf("%d calls, want 5000", calls)
	}
	// Short numbers go in the hash table, which grows.
	calls = 0
	for i := range 20_000 {
		n := fmt.Sprintf("+12%04d", i%10_000)
		want := "US"
		if n[5] == '9' {
			want = "err:invalid"
		}
		check(n, want)
	}
	if calls != 10_000 || len(c.table) != 1<<15 || c.used != 10_000 {
		t.Fatalf("%d calls (want 10000), table %d slots (want 32768), %d used", calls, len(c.table), c.used)
	}
	exact := newRegionCache(f, true)
	calls = 0
	mustLookup(t, exact, "+33612345678")
	mustLookup(t, exact, "+33612345678")
	if calls != 2 {
		t.Fatalf("exact: %d calls, want 2", calls)
	}
}

// TestRegionCachePrefixes checks the 3-digit table for claims of one and two
// digits, and numbers shorter than three digits (cached by their full key).
func TestRegionCachePrefixes(t *testing.T) {
	calls := 0
	f := func(n string) (string, int, error) {
		calls++
		switch {
		case n[1] == '7':
			return "RU", 1, nil
		case strings.HasPrefix(n, "+33"):
			return "FR", 2, nil
		case strings.HasPrefix(n, "+88"):
			return "", 2, errors.New("unassigned")
		}
		return "", 0, errors.New("no claim")
	}
	c := newRegionCache(f, false)
	tests := []struct {
		name, n, want string
		calls         int // total calls after this lookup
	}{
		{"one-digit claim", "+79161234567", "RU", 1},
		{"same code, other digits", "+70001", "RU", 1},
		{"same code, other length", "+799999999999999", "RU", 1},
		{"one digit alone", "+7", "RU", 2},
		{"one digit alone, cached", "+7", "RU", 2},
		{"two digits alone", "+33", "FR", 3},
		{"two-digit claim", "+33612345678", "FR", 4},
		{"two-digit claim, cached", "+3399", "FR", 4},
		{"two-digit error", "+88612345", "err:unassigned", 5},
		{"two-digit error, cached", "+889", "err:unassigned", 5},
		{"no claim", "+4412345", "err:no claim", 6},
		{"no claim, not cached", "+4412345", "err:no claim", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustLookup(t, c, tt.n)
			got := "err:" + r.reason
			if r.idx >= 0 {
				got = regionName(int(r.idx))
			}
			if got != tt.want {
				t.Fatalf("lookup(%s) = %s, want %s", tt.n, got, tt.want)
			}
			if calls != tt.calls {
				t.Fatalf("after lookup(%s): %d calls, want %d", tt.n, calls, tt.calls)
			}
		})
	}
}

// mustLookup looks up the E.164 number n in c; n must be valid.
func mustLookup(t *testing.T, c *regionCache, n string) regionResult {
	t.Helper()
	r, ok := c.lookupE164([]byte(n))
	if !ok {
		t.Fatalf("lookupE164(%s): not valid E.164", n)
	}
	return r
}
