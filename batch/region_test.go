package batch

import (
	"errors"
	"fmt"
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
		r := c.lookup([]byte(n))
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
	// Many prefixes: the table grows, then starts over at its limit, and
	// every answer stays right.
	calls = 0
	for i := range 200_000 {
		n := fmt.Sprintf("+12%06d%02d", i, i%100)
		want := "US"
		if n[5] == '9' {
			want = "err:invalid"
		}
		check(n, want)
	}
	if calls != 20_000 || len(c.table) != 1<<16 || c.used > len(c.table)/2 {
		t.Fatalf("%d calls (want 20000), table %d slots (want 65536), %d used", calls, len(c.table), c.used)
	}
	exact := newRegionCache(f, true)
	calls = 0
	exact.lookup([]byte("+33612345678"))
	exact.lookup([]byte("+33612345678"))
	if calls != 2 {
		t.Fatalf("exact: %d calls, want 2", calls)
	}
}
