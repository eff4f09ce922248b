package sms

import (
	"errors"
	"strconv"

	"github.com/smsgauge/sms/internal/swar"
)

// SIDLen is the length of a Twilio SID: a 2-letter prefix and 32 hexadecimal
// digits.
const SIDLen = 34

// ErrSID is the sentinel of every malformed SID; see *SIDError.
var ErrSID = errors.New("sms: invalid SID")

// SIDKind is the kind of resource a SID names, told by its prefix.
type SIDKind uint8

// The SID kinds the Message API uses.
const (
	SIDUnknown          SIDKind = iota // not a known kind
	SIDAccount                         // "AC": an Account
	SIDMessagingService                // "MG": a Messaging Service
	SIDContent                         // "HX": a Content Template
	SIDApplication                     // "AP": a TwiML Application
	SIDMessage                         // "SM" (or "MM" for older MMS): a Message
	SIDAPIKey                          // "SK": an API key, an HTTP Basic auth user name
	numSIDKinds
)

var sidKindNames = [numSIDKinds]string{"unknown", "Account", "Messaging Service", "Content", "Application", "Message", "API Key"}
var sidPrefixes = [numSIDKinds]string{"", "AC", "MG", "HX", "AP", "SM", "SK"}

// String returns the kind's name, such as "Messaging Service".
func (k SIDKind) String() string {
	if k < numSIDKinds {
		return sidKindNames[k]
	}
	return "unknown"
}

// Prefix returns the kind's 2-letter prefix, such as "MG" ("SM" for
// messages, which may also start "MM"); "" for SIDUnknown.
func (k SIDKind) Prefix() string {
	if k < numSIDKinds {
		return sidPrefixes[k]
	}
	return ""
}

// hasPrefix reports whether s (at least 2 bytes) starts with a prefix of k.
func (k SIDKind) hasPrefix(s string) bool {
	p := sidPrefixes[k]
	if s[0] == p[0] && s[1] == p[1] {
		return true
	}
	return k == SIDMessage && s[0] == 'M' && s[1] == 'M'
}

// SIDRule names the rule a SID broke.
type SIDRule uint8

// The rules a SID can break.
const (
	SIDRuleNone   SIDRule = iota // no rule broken (never in an error)
	SIDRuleEmpty                 // the empty string
	SIDRuleLength                // not 34 bytes long
	SIDRulePrefix                // a prefix other than the kind's (or no known prefix)
	SIDRuleHex                   // a character after the prefix that is not 0-9, a-f or A-F
	numSIDRules
)

var sidRuleNames = [numSIDRules]string{"none", "empty", "length", "prefix", "hex"}

// String returns the rule's name: "empty", "length", "prefix" or "hex".
func (r SIDRule) String() string {
	if r < numSIDRules {
		return sidRuleNames[r]
	}
	return "unknown"
}

// SIDError reports a malformed SID and the rule it broke.
type SIDError struct {
	Kind   SIDKind // the kind wanted; SIDUnknown from ParseSID
	Value  string  // the value (at most its first 64 bytes)
	Rule   SIDRule // the rule broken
	Offset int     // byte offset of the offending character, or -1
}

// Error returns a message such as
// `sms: Account SID "MG0123...": prefix "MG", want "AC"`.
func (e *SIDError) Error() string {
	b := make([]byte, 0, 96)
	b = append(b, "sms: "...)
	if e.Kind != SIDUnknown {
		b = append(b, e.Kind.String()...)
		b = append(b, ' ')
	}
	b = append(b, "SID "...)
	b = strconv.AppendQuote(b, e.Value)
	b = append(b, ": "...)
	switch e.Rule {
	case SIDRuleEmpty:
		b = append(b, "empty"...)
	case SIDRuleLength:
		b = append(b, "length "...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
		b = append(b, ", want 34 (2-letter prefix and 32 hex digits)"...)
	case SIDRulePrefix:
		b = append(b, "prefix "...)
		b = strconv.AppendQuote(b, e.Value[:2])
		if e.Kind != SIDUnknown {
			b = append(b, ", want "...)
			b = strconv.AppendQuote(b, e.Kind.Prefix())
			if e.Kind == SIDMessage {
				b = append(b, ` or "MM"`...)
			}
		} else {
			b = append(b, " is not a known kind"...)
		}
	case SIDRuleHex:
		b = append(b, "not a hexadecimal digit at byte "...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
	default:
		b = append(b, e.Rule.String()...)
	}
	return string(b)
}

// Unwrap returns ErrSID.
func (e *SIDError) Unwrap() error { return ErrSID }

func sidError(k SIDKind, s string, rule SIDRule, off int) error {
	if rule == SIDRuleLength {
		off = len(s) // the length, reported in the message
	}
	if len(s) > maxErrValue {
		s = s[:maxErrValue]
	}
	return &SIDError{Kind: k, Value: s, Rule: rule, Offset: off}
}

// The 32 digits of a SID are checked 8 bytes at a time (SWAR): each 8-byte
// word gets a mask with the high bit of every byte set when that byte is a
// hex digit, and the four masks are ANDed so the valid case branches once.
//
// byteIn sets the high bit of each byte of x that lies strictly between m
// and n, for 0 <= m <= 127 and 0 <= n <= 128; bytes >= 0x80 are never in.
func byteIn(x, m, n uint64) uint64 {
	low := x & (swar.Lo * 127)
	return (swar.Lo*(127+n) - low) & ^x & (low + swar.Lo*(127-m)) & swar.Hi
}

// hexMask has the high bit of each byte of x set where that byte is 0-9,
// a-f or A-F. Setting bit 5 folds A-F onto a-f and nothing else onto a-f;
// digits are tested on x itself.
func hexMask(x uint64) uint64 {
	return byteIn(x, '0'-1, '9'+1) | byteIn(x|swar.Lo*0x20, 'a'-1, 'f'+1)
}

// sidWord reads s[0:8] as a little-endian word (the compiler makes it one load).
func sidWord(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isHexByte reports whether c is 0-9, a-f or A-F.
func isHexByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// hexFrom returns the offset of the first byte of s (a SID of SIDLen bytes)
// at or after 2 that is not a hex digit, or -1.
func hexFrom(s string) int {
	if len(s) != SIDLen {
		return -1
	}
	d := s[2:SIDLen]
	if hexMask(sidWord(d[0:]))&hexMask(sidWord(d[8:]))&hexMask(sidWord(d[16:]))&hexMask(sidWord(d[24:])) == swar.Hi {
		return -1
	}
	for i := 0; i < len(d); i++ {
		if !isHexByte(d[i]) {
			return i + 2
		}
	}
	return -1
}

// Check validates s as a SID of kind k: 34 bytes, k's prefix (case
// sensitive, as in Twilio's API definition) and 32 hexadecimal digits of
// either case. It returns nil or a *SIDError naming the rule broken (length
// first, then prefix, then digits), and makes no allocations when s is valid.
func (k SIDKind) Check(s string) error {
	switch {
	case len(s) == 0:
		return sidError(k, s, SIDRuleEmpty, -1)
	case len(s) != SIDLen:
		return sidError(k, s, SIDRuleLength, -1)
	case k == SIDUnknown || k >= numSIDKinds || !k.hasPrefix(s):
		return sidError(k, s, SIDRulePrefix, 0)
	}
	if i := hexFrom(s); i >= 0 {
		return sidError(k, s, SIDRuleHex, i)
	}
	return nil
}

// ParseSID tells which kind of SID s is, by its prefix, and validates it
// as that kind. An unknown prefix fails with SIDRulePrefix.
func ParseSID(s string) (SIDKind, error) {
	if len(s) == SIDLen {
		for k := SIDAccount; k < numSIDKinds; k++ {
			if k.hasPrefix(s) {
				return k, k.Check(s)
			}
		}
	}
	return SIDUnknown, SIDUnknown.Check(s)
}

// AccountSID is the SID of an Account ("AC" and 32 hex digits).
type AccountSID string

// MessagingServiceSID is the SID of a Messaging Service ("MG" and 32 hex digits).
type MessagingServiceSID string

// ContentSID is the SID of a Content Template ("HX" and 32 hex digits).
type ContentSID string

// ApplicationSID is the SID of a TwiML Application ("AP" and 32 hex digits).
type ApplicationSID string

// MessageSID is the SID of a Message ("SM" or "MM" and 32 hex digits).
type MessageSID string

// APIKeySID is the SID of an API key ("SK" and 32 hex digits), used with its
// secret as HTTP Basic auth credentials.
type APIKeySID string

// Validate returns nil if s is a well-formed Account SID, else a *SIDError.
func (s AccountSID) Validate() error { return SIDAccount.Check(string(s)) }

// Validate returns nil if s is a well-formed Messaging Service SID, else a *SIDError.
func (s MessagingServiceSID) Validate() error { return SIDMessagingService.Check(string(s)) }

// Validate returns nil if s is a well-formed Content SID, else a *SIDError.
func (s ContentSID) Validate() error { return SIDContent.Check(string(s)) }

// Validate returns nil if s is a well-formed Application SID, else a *SIDError.
func (s ApplicationSID) Validate() error { return SIDApplication.Check(string(s)) }

// Validate returns nil if s is a well-formed Message SID, else a *SIDError.
func (s MessageSID) Validate() error { return SIDMessage.Check(string(s)) }

// Validate returns nil if s is a well-formed API key SID, else a *SIDError.
func (s APIKeySID) Validate() error { return SIDAPIKey.Check(string(s)) }
