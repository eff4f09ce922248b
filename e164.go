package sms

// MaxE164Digits is the most digits an E.164 number holds (ITU-T E.164 §6).
const MaxE164Digits = 15

// IsE164 reports whether s is a number in strict E.164 form: "+" followed by
// 1 to 15 ASCII digits, the first of which (the start of the country code)
// is not 0. It checks syntax only, not whether the number exists; that takes
// numbering metadata (see package phone). It makes no allocations.
func IsE164(s string) bool {
	n := len(s)
	if n < 2 || n > MaxE164Digits+1 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	var bad byte
	for i := 2; i < n; i++ {
		bad |= notDigit[s[i]]
	}
	return bad == 0
}

// CheckE164 is IsE164 with a reason: it returns nil for a strict E.164
// number and otherwise an *AddressError naming the rule broken (missing +,
// country code starting with 0, too many digits, a non-digit...). It makes
// no allocations when s is valid.
func CheckE164(s string) error {
	if IsE164(s) {
		return nil
	}
	rule, off := e164Rule(s)
	return newAddressError(s, rule, off)
}

// e164Rule finds the first rule s breaks as a strict E.164 number. It looks
// at no more than MaxAddressLen bytes.
func e164Rule(s string) (AddressRule, int) {
	if len(s) > MaxAddressLen {
		return RuleTooLong, -1
	}
	if len(s) == 0 {
		return RuleEmpty, -1
	}
	if s[0] != '+' {
		if s[0] >= '0' && s[0] <= '9' {
			return RuleMissingPlus, 0
		}
		return charRule(s, 0)
	}
	digits := 0
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits == 0 && c == '0' {
				return RuleCountryCodeZero, i
			}
			digits++
			if digits > MaxE164Digits {
				return RuleTooManyDigits, i
			}
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/':
			return RuleFormatting, i
		default:
			return charRule(s, i)
		}
	}
	if digits == 0 {
		return RuleNoDigits, -1
	}
	return RuleNone, -1
}

// charRule names what is wrong with the character at s[i] when a digit was
// wanted: a control, a bidi mark, invalid UTF-8, a foldable non-ASCII form,
// or simply not a digit.
func charRule(s string, i int) (AddressRule, int) {
	r, size := decodeRune(s[i:])
	switch {
	case size == 1 && r == runeError:
		return RuleInvalidUTF8, i
	case isBidi(r):
		return RuleBidi, i
	case isControl(r):
		return RuleControl, i
	case foldRune(r) != r:
		return RuleNotASCII, i
	case r == ' ' || r == '\u00a0':
		return RuleWhitespace, i
	}
	return RuleNotDigit, i
}

// notDigit is 1 for every byte but the ASCII digits, so that a check can OR
// a whole string together and branch once.
var notDigit = func() (t [256]byte) {
	for i := range t {
		if i < '0' || i > '9' {
			t[i] = 1
		}
	}
	return t
}()
