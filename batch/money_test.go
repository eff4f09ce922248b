package batch

import (
	"errors"
	"math"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Money
		err  bool
	}{
		{name: "price", in: "0.0079", want: 7900},
		{name: "integer", in: "12", want: 12_000_000},
		{name: "six decimals", in: "0.000001", want: 1},
		{name: "trailing zeros past 6", in: "0.00790000", want: 7900},
		{name: "negative", in: "-1.5", want: -1_500_000},
		{name: "plus", in: "+2.25", want: 2_250_000},
		{name: "leading dot", in: ".5", want: 500_000},
		{name: "trailing dot", in: "5.", want: 5_000_000},
		{name: "seven decimals", in: "0.0000001", err: true},
		{name: "empty", in: "", err: true},
		{name: "dot only", in: ".", err: true},
		{name: "letters", in: "1e-3", err: true},
		{name: "two dots", in: "1.2.3", err: true},
		{name: "space", in: " 1", err: true},
		{name: "overflow", in: "99999999999999999999", err: true},
		{name: "max whole", in: "9223372036854", want: 9223372036854 * MicroPerUnit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMoney(tt.in)
			if tt.err {
				var me *MoneyError
				if err == nil || !errors.Is(err, ErrMoney) || !errors.As(err, &me) {
					t.Fatalf("ParseMoney(%q) = %v, %v; want a *MoneyError wrapping ErrMoney", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		name string
		in   Money
		want string
	}{
		{name: "zero", in: 0, want: "0.00"},
		{name: "price", in: 7900, want: "0.0079"},
		{name: "whole", in: 3 * MicroPerUnit, want: "3.00"},
		{name: "micro", in: 1, want: "0.000001"},
		{name: "negative", in: -1_500_000, want: "-1.50"},
		{name: "min", in: math.MinInt64, want: "-9223372036854.775808"},
		{name: "max", in: math.MaxInt64, want: "9223372036854.775807"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.String(); got != tt.want {
				t.Fatalf("Money(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
			}
			if tt.in != math.MinInt64 {
				back, err := ParseMoney(tt.want)
				if err != nil || back != tt.in {
					t.Fatalf("ParseMoney(%q) = %d, %v; want %d", tt.want, back, err, tt.in)
				}
			}
		})
	}
}

func TestMoneyOverflow(t *testing.T) {
	if _, err := Money(math.MaxInt64).Add(1); !errors.Is(err, ErrMoney) {
		t.Errorf("MaxInt64 + 1: err = %v, want ErrMoney", err)
	}
	if _, err := Money(math.MinInt64).Add(-1); !errors.Is(err, ErrMoney) {
		t.Errorf("MinInt64 - 1: err = %v, want ErrMoney", err)
	}
	if _, err := Money(math.MaxInt64 / 2).Mul(3); !errors.Is(err, ErrMoney) {
		t.Errorf("MaxInt64/2 × 3: err = %v, want ErrMoney", err)
	}
	if got, err := Money(-7900).Mul(-3); err != nil || got != 23700 {
		t.Errorf("-7900 × -3 = %d, %v; want 23700", got, err)
	}
	if got, err := Money(7900).Mul(-3); err != nil || got != -23700 {
		t.Errorf("7900 × -3 = %d, %v; want -23700", got, err)
	}
}

// TestMoneySumExact sums 0.0079 a hundred million times, as a campaign of
// 10^8 one-segment rows would: Money is exact where float64 drifts.
func TestMoneySumExact(t *testing.T) {
	const n = 100_000_000
	price := MustParseMoney("0.0079")
	var sum Money
	var f float64
	for range n {
		sum += price
		f += 0.0079
	}
	if got, want := sum.String(), "790000.00"; got != want {
		t.Fatalf("Money sum of %d × 0.0079 = %s, want %s", n, got, want)
	}
	if f == 790000 {
		t.Fatalf("float64 sum of %d × 0.0079 = %v: expected float drift; the test no longer shows it", n, f)
	}
	t.Logf("float64 sum: %.10f (off by %.3g); Money sum: %s", f, f-790000, sum)
	prod, err := price.Mul(n)
	if err != nil || prod != sum {
		t.Fatalf("0.0079 × %d = %s, %v; want %s", n, prod, err, sum)
	}
}
