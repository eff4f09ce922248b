package batch

import (
	"errors"
	"math"
	"math/bits"
	"strconv"
)

// MicroPerUnit is the number of Money units in one currency unit: Money
// counts millionths, which holds every price Twilio publishes (at most 5
// decimals) exactly.
const MicroPerUnit = 1_000_000

// Money is an exact amount of money in millionths of a currency unit (micro
// units). It is a fixed-point integer, so sums over hundreds of millions of
// rows never drift the way float64 sums do; arithmetic that would overflow
// its range (about ±9.2 trillion units) reports ErrMoney instead of wrapping.
type Money int64

// ErrMoney is wrapped by every *MoneyError.
var ErrMoney = errors.New("sms: invalid money amount")

// MoneyError reports an amount that cannot be parsed or computed exactly.
type MoneyError struct {
	Input  string // the text that failed to parse, if any
	Reason string
}

// Error implements error.
func (e *MoneyError) Error() string {
	if e.Input != "" {
		return "sms: invalid money amount " + strconv.Quote(e.Input) + ": " + e.Reason
	}
	return "sms: money: " + e.Reason
}

// Unwrap returns ErrMoney.
func (e *MoneyError) Unwrap() error { return ErrMoney }

// ParseMoney parses a decimal amount such as "0.0079", "-1.5" or "12".
// It accepts at most 6 decimals (Money's resolution): a longer fraction is an
// error rather than a silent rounding, unless the extra digits are zeros.
func ParseMoney(s string) (Money, error) {
	in := s
	if s == "" {
		return 0, &MoneyError{Input: in, Reason: "empty"}
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	var whole, frac uint64
	digits, fracDigits := 0, 0
	seenDot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !seenDot:
			seenDot = true
		case c >= '0' && c <= '9':
			digits++
			if !seenDot {
				if whole > (math.MaxInt64/MicroPerUnit)/10 {
					return 0, &MoneyError{Input: in, Reason: "out of range"}
				}
				whole = whole*10 + uint64(c-'0')
			} else {
				if fracDigits == 6 {
					if c != '0' {
						return 0, &MoneyError{Input: in, Reason: "more than 6 decimals"}
					}
					continue
				}
				frac = frac*10 + uint64(c-'0')
				fracDigits++
			}
		default:
			return 0, &MoneyError{Input: in, Reason: "not a decimal number"}
		}
	}
	if digits == 0 {
		return 0, &MoneyError{Input: in, Reason: "no digits"}
	}
	for ; fracDigits < 6; fracDigits++ {
		frac *= 10
	}
	v := whole*MicroPerUnit + frac
	if v > math.MaxInt64 {
		return 0, &MoneyError{Input: in, Reason: "out of range"}
	}
	if neg {
		return -Money(v), nil
	}
	return Money(v), nil
}

// MustParseMoney is like ParseMoney but panics on error. It is meant for
// constants in tests and examples.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Add returns m+n, or an error if the sum overflows.
func (m Money) Add(n Money) (Money, error) {
	s := m + n
	if (s > m) != (n > 0) {
		return 0, &MoneyError{Reason: "sum overflows"}
	}
	return s, nil
}

// Mul returns m×k, or an error if the product overflows.
func (m Money) Mul(k int64) (Money, error) {
	if m == 0 || k == 0 {
		return 0, nil
	}
	neg := (m < 0) != (k < 0)
	a, b := uint64(m), uint64(k)
	if m < 0 {
		a = uint64(-m)
	}
	if k < 0 {
		b = uint64(-k)
	}
	hi, lo := bits.Mul64(a, b)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, &MoneyError{Reason: "product overflows"}
	}
	if neg {
		return -Money(lo), nil
	}
	return Money(lo), nil
}

// String formats m as a decimal with at least 2 and at most 6 decimals,
// without trailing zeros beyond the second: "0.0079", "1.50", "-3.00".
func (m Money) String() string {
	return string(m.Append(nil))
}

// Append appends m as String formats it to dst.
func (m Money) Append(dst []byte) []byte {
	u := uint64(m)
	if m < 0 {
		dst = append(dst, '-')
		u = uint64(-m) // -MinInt64 wraps to itself, which is still right as uint64
	}
	dst = strconv.AppendUint(dst, u/MicroPerUnit, 10)
	frac := u % MicroPerUnit
	var buf [6]byte
	for i := 5; i >= 0; i-- {
		buf[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 6
	for n > 2 && buf[n-1] == '0' {
		n--
	}
	dst = append(dst, '.')
	return append(dst, buf[:n]...)
}

// MarshalText implements encoding.TextMarshaler (JSON writes it as a string,
// so no reader turns it into a float).
func (m Money) MarshalText() ([]byte, error) { return m.Append(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
