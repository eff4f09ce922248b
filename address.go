package sms

import (
	"strings"
	"unicode/utf8"
)

// MaxAddressLen is the longest address, in bytes, that ParseAddress reads.
// Longer input is rejected with RuleTooLong before any of it is scanned.
// The longest real address (a channel prefix and an RCS agent ID) is well
// under 100 bytes.
const MaxAddressLen = 256

// MaxSenderIDLen is the most characters an alphanumeric sender ID holds.
const MaxSenderIDLen = 11

// Channel is the messaging channel an address belongs to, named by its
// prefix: "whatsapp:", "messenger:", "rcs:", or none for SMS/MMS.
type Channel uint8

// The channels.
const (
	ChannelSMS       Channel = iota // no prefix: an SMS/MMS number, short code or sender ID
	ChannelWhatsApp                 // "whatsapp:+E164"
	ChannelMessenger                // "messenger:<page-scoped id>"
	ChannelRCS                      // "rcs:+E164" or "rcs:<agent id>"
	numChannels
)

var channelNames = [numChannels]string{"sms", "whatsapp", "messenger", "rcs"}
var channelPrefixes = [numChannels]string{"", "whatsapp:", "messenger:", "rcs:"}

// String returns the channel's name: "sms", "whatsapp", "messenger" or "rcs".
func (c Channel) String() string {
	if c < numChannels {
		return channelNames[c]
	}
	return "unknown"
}

// Prefix returns the channel's address prefix, such as "whatsapp:"; "" for SMS.
func (c Channel) Prefix() string {
	if c < numChannels {
		return channelPrefixes[c]
	}
	return ""
}

// AddressKind tells what an address names, whatever its channel.
type AddressKind uint8

// The address kinds.
const (
	AddressInvalid   AddressKind = iota // the zero Address
	AddressPhone                        // a phone number in E.164 form (SMS, WhatsApp or RCS)
	AddressShortCode                    // an SMS short code of 3 to 8 digits
	AddressSenderID                     // an alphanumeric sender ID (From only)
	AddressPageID                       // a Messenger page-scoped ID
	AddressAgentID                      // an RCS agent (sender) ID (From only)
	numAddressKinds
)

var addressKindNames = [numAddressKinds]string{"invalid", "phone", "short_code", "sender_id", "page_id", "rcs_agent"}

// String returns the kind's snake_case name, such as "phone" or "sender_id".
func (k AddressKind) String() string {
	if k < numAddressKinds {
		return addressKindNames[k]
	}
	return "invalid"
}

// Address is a parsed To or From value.
type Address struct {
	Channel Channel     // SMS when there is no prefix
	Kind    AddressKind // what the address names
	Value   string      // the normalised address, prefix included: "whatsapp:+14155552671"
	ID      string      // Value without its channel prefix: "+14155552671"
	Number  NumberInfo  // for a phone number, what AddressOptions.Numbers said; zero when no NumberParser was given
}

// String returns the normalised address, a.Value.
func (a Address) String() string { return a.Value }

// IsZero reports whether a is the zero Address (no address).
func (a Address) IsZero() bool { return a.Kind == AddressInvalid }

// AddressOptions controls ParseAddress. The zero value is strict: it accepts
// exactly what Twilio's To and From expect and changes nothing.
type AddressOptions struct {
	// Lenient normalises instead of rejecting: it trims surrounding
	// whitespace, strips spaces, dashes, dots, slashes and parentheses
	// inside numbers, folds fullwidth forms (＋１２３, ＳＨＯＰ) and
	// Arabic-Indic and Extended Arabic-Indic digits to ASCII, and accepts
	// channel prefixes in any case. With Numbers and Region set it also reads
	// national numbers: "(415) 555-2671" in "US" becomes "+14155552671".
	// Bidi, control and invisible characters are rejected in both modes.
	Lenient bool

	// Permissive lets an alphanumeric sender ID also hold - + _ and &,
	// which some Twilio pages allow. The default allows A–Z, a–z, 0–9 and
	// space.
	Permissive bool

	// Region is the ISO 3166-1 alpha-2 region ("US") in which national
	// numbers are read (Lenient with Numbers only). Region "US" or "CA" also
	// restricts short codes to 5 or 6 digits.
	Region string

	// Numbers, when set, reads phone numbers with numbering metadata:
	// every phone address gets Address.Number, and Lenient can read national
	// numbers (which must then be possible numbers: a length that cannot be
	// right is rejected with RuleInvalidNumber rather than guessed at). Package phone provides one (phone.Parser{}). When nil, phone
	// numbers are checked for E.164 syntax only and no metadata is linked in.
	Numbers NumberParser
}

// ParseAddress parses s strictly (the zero AddressOptions): an E.164 phone
// number, a short code, an alphanumeric sender ID, or a channel address
// ("whatsapp:+E164", "messenger:<id>", "rcs:+E164", "rcs:<agent>"). It
// returns an *AddressError naming the rule s breaks.
//
// What it accepts, and the choices behind it:
//
//   - A phone number is "+" and 1 to 15 digits, the first not 0 (E.164).
//     Its existence is a question for numbering metadata (AddressOptions.Numbers).
//   - A value of 3 to 8 ASCII digits is a short code (5 or 6 in the US and
//     Canada). Longer digit strings are numbers missing their "+".
//   - A value with an ASCII letter is an alphanumeric sender ID: at most 11
//     characters of A–Z, a–z, 0–9 and space (Permissive adds - + _ &), and
//     at least one letter. So "1800FLOWERS" is a sender ID, not a number.
//   - "whatsapp:", "messenger:" and "rcs:" name channels; any other prefix
//     before a colon is RuleUnknownChannel (no Twilio error code is known for it).
//   - Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C),
//     controls (NUL, C0, DEL, C1), invisible format characters (such as
//     U+200B, U+FEFF) and invalid UTF-8 are rejected in every mode, never
//     stripped: in a sender they can make one address look like another.
//   - Fullwidth forms (＋１２３) and Arabic-Indic (U+0660–U+0669) and
//     Extended Arabic-Indic (U+06F0–U+06F9) digits are normalised to ASCII
//     in Lenient mode, because phones and keyboards in those locales produce
//     them and they mean exactly the ASCII digits; strict mode rejects them
//     with RuleNotASCII, as Twilio expects ASCII. Digits of other scripts are
//     not digits here.
//   - Input longer than MaxAddressLen bytes is rejected before it is read.
func ParseAddress(s string) (Address, error) {
	return AddressOptions{}.ParseAddress(s)
}

// ParseAddress parses s as an address under the options o. See the package
// function ParseAddress and the fields of AddressOptions. A parsed address
// parses again, under the same options, to the same Address.
func (o AddressOptions) ParseAddress(s string) (Address, error) {
	if len(s) > MaxAddressLen {
		return Address{}, newAddressError(s, RuleTooLong, -1)
	}
	if o.Numbers == nil {
		// The common cases, in either mode: nothing to trim, fold or strip.
		if IsE164(s) {
			return Address{Kind: AddressPhone, Value: s, ID: s}, nil
		}
		if i := strings.IndexByte(s, ':'); i > 0 && IsE164(s[i+1:]) {
			if ch, ok := channelFor(s[:i], false); ok && ch != ChannelMessenger {
				return Address{Channel: ch, Kind: AddressPhone, Value: s, ID: s[i+1:]}, nil
			}
		}
	}
	p := addrParser{o: o, in: s}
	return p.parse()
}

type addrParser struct {
	o  AddressOptions
	in string
}

func (p *addrParser) fail(rule AddressRule, off int) (Address, error) {
	return Address{}, newAddressError(p.in, rule, off)
}

// addrOffset returns base+i, or -1 when base is unknown (folded input).
func addrOffset(base, i int) int {
	if base < 0 {
		return -1
	}
	return base + i
}

func (p *addrParser) parse() (Address, error) {
	in := p.in
	start, end := trimBounds(in)
	if start == end {
		return p.fail(RuleEmpty, -1)
	}
	fold := false
	for i := start; i < end; {
		c := in[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				return p.fail(RuleControl, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(in[i:end])
		switch {
		case r == utf8.RuneError && size == 1:
			return p.fail(RuleInvalidUTF8, i)
		case isBidi(r):
			return p.fail(RuleBidi, i)
		case isControl(r):
			return p.fail(RuleControl, i)
		case foldRune(r) != r:
			if !p.o.Lenient {
				return p.fail(RuleNotASCII, i)
			}
			fold = true
		}
		i += size
	}
	if !p.o.Lenient && (start != 0 || end != len(in)) {
		if start != 0 {
			return p.fail(RuleWhitespace, 0)
		}
		return p.fail(RuleWhitespace, end)
	}
	s, base := in[start:end], start
	if fold {
		s, base = foldString(s), -1
	}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		return p.channel(s, i, base)
	}
	return p.bare(s, base)
}

// trimBounds returns the bounds of s without surrounding whitespace.
func trimBounds(s string) (start, end int) {
	end = len(s)
	for start < end {
		r, size := utf8.DecodeRuneInString(s[start:end])
		if !isSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

func foldString(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// channelFor returns the channel whose prefix (without the colon) is name,
// ignoring ASCII case when lenient; ok is false for an unknown prefix.
func channelFor(name string, lenient bool) (Channel, bool) {
	for c := ChannelWhatsApp; c < numChannels; c++ {
		want := channelPrefixes[c]
		want = want[:len(want)-1]
		if name == want || (lenient && strings.EqualFold(name, want)) {
			return c, true
		}
	}
	return ChannelSMS, false
}

func (p *addrParser) channel(s string, colon, base int) (Address, error) {
	ch, ok := channelFor(s[:colon], p.o.Lenient)
	if !ok {
		return p.fail(RuleUnknownChannel, addrOffset(base, 0))
	}
	rest, rbase := s[colon+1:], addrOffset(base, colon+1)
	if p.o.Lenient {
		st, en := trimBounds(rest)
		rest, rbase = rest[st:en], addrOffset(rbase, st)
	}
	if rest == "" {
		return p.fail(RuleEmptyChannelID, -1)
	}
	var a Address
	var err error
	switch ch {
	case ChannelWhatsApp:
		a, err = p.number(rest, rbase)
	case ChannelMessenger:
		a, err = p.pageID(rest, rbase)
	case ChannelRCS:
		if looksNumeric(rest) {
			a, err = p.number(rest, rbase)
		} else {
			a, err = p.agentID(rest, rbase)
		}
	}
	if err != nil {
		return Address{}, err
	}
	a.Channel = ch
	prefix := ch.Prefix()
	if len(s) == len(prefix)+len(a.ID) && s[:len(prefix)] == prefix && s[len(prefix):] == a.ID {
		a.Value = s // already normal: no allocation
	} else {
		a.Value = prefix + a.ID
	}
	a.ID = a.Value[len(prefix):]
	return a, nil
}

// looksNumeric reports whether s reads as a phone number rather than an ID:
// it starts with "+", or holds only digits and number punctuation.
func looksNumeric(s string) bool {
	if s[0] == '+' {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && !isNumberPunct(c) {
			return false
		}
	}
	return true
}

func (p *addrParser) bare(s string, base int) (Address, error) {
	allDigits, hasLetter, numeric, digit := true, false, true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			digit = true
		case isLetter(c):
			hasLetter, allDigits, numeric = true, false, false
		case isNumberPunct(c):
			allDigits = false
		default:
			allDigits, numeric = false, false
		}
	}
	switch {
	case s[0] == '+' && (len(s) == 1 || isDigit(s[1]) || s[1] >= utf8.RuneSelf || (p.o.Lenient && isNumberPunct(s[1]) && !hasLetter)):
		return p.finish(p.number(s, base))
	case allDigits && len(s) <= 8:
		return p.shortCode(s, base)
	case hasLetter || !numeric || !digit:
		return p.senderID(s, base)
	}
	return p.finish(p.number(s, base))
}

// finish sets Value for an SMS address.
func (p *addrParser) finish(a Address, err error) (Address, error) {
	if err != nil {
		return Address{}, err
	}
	a.Value = a.ID
	return a, nil
}

func (p *addrParser) shortCode(s string, base int) (Address, error) {
	lo, hi := 3, 8
	if strings.EqualFold(p.o.Region, "US") || strings.EqualFold(p.o.Region, "CA") {
		lo, hi = 5, 6
	}
	if len(s) < lo || len(s) > hi {
		return p.fail(RuleShortCodeLength, -1)
	}
	return Address{Kind: AddressShortCode, Value: s, ID: s}, nil
}

func (p *addrParser) senderID(s string, base int) (Address, error) {
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isLetter(c):
			letter = true
		case isDigit(c) || c == ' ':
		case p.o.Permissive && (c == '-' || c == '+' || c == '_' || c == '&'):
		default:
			return p.fail(RuleSenderIDChar, addrOffset(base, i))
		}
	}
	if !letter {
		return p.fail(RuleSenderIDNoLetter, -1)
	}
	if len(s) > MaxSenderIDLen {
		return p.fail(RuleSenderIDLength, addrOffset(base, MaxSenderIDLen))
	}
	return Address{Kind: AddressSenderID, Value: s, ID: s}, nil
}

func (p *addrParser) pageID(s string, base int) (Address, error) {
	const maxPageID = 32
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return p.fail(RuleChannelID, addrOffset(base, i))
		}
	}
	if len(s) > maxPageID {
		return p.fail(RuleChannelID, addrOffset(base, maxPageID))
	}
	return Address{Kind: AddressPageID, ID: s}, nil
}

// agentID accepts an RCS agent ID: ASCII letters, digits, "_", "-", "." and
// "@", with at least one letter, such as "acme_notifications_agent".
func (p *addrParser) agentID(s string, base int) (Address, error) {
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isLetter(c):
			letter = true
		case isDigit(c) || c == '_' || c == '-' || c == '.' || c == '@':
		default:
			return p.fail(RuleChannelID, addrOffset(base, i))
		}
	}
	if !letter {
		return p.fail(RuleChannelID, -1)
	}
	return Address{Kind: AddressAgentID, ID: s}, nil
}

// number parses s as a phone number: strict E.164, or in Lenient mode a
// formatted number, national when Numbers and Region allow. It sets Kind, ID
// and Number.
func (p *addrParser) number(s string, base int) (Address, error) {
	a := Address{Kind: AddressPhone}
	switch {
	case IsE164(s):
		a.ID = s
	case !p.o.Lenient:
		if s[0] != '+' {
			return p.fail(RuleMissingPlus, addrOffset(base, 0))
		}
		rule, off := e164Rule(s)
		if off >= 0 {
			off = addrOffset(base, off)
		}
		return p.fail(rule, off)
	default:
		buf := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case isDigit(c) || (c == '+' && i == 0):
				buf = append(buf, c)
			case isNumberPunct(c):
			default:
				rule, _ := charRule(s, i)
				return p.fail(rule, addrOffset(base, i))
			}
		}
		clean := string(buf)
		switch {
		case clean == "" || clean == "+":
			return p.fail(RuleNoDigits, -1)
		case clean[0] == '+':
			if rule, off := e164Rule(clean); rule != RuleNone {
				if off >= 0 {
					if len(clean) == len(s) {
						off = addrOffset(base, off) // nothing was stripped
					} else {
						off = -1 // offsets in the cleaned form do not map back
					}
				}
				return p.fail(rule, off)
			}
			a.ID = clean
		case p.o.Numbers != nil && p.o.Region != "":
			info, err := p.o.Numbers.ParseNumber(clean, p.o.Region)
			if err != nil {
				return Address{}, p.wrap(err)
			}
			if !IsE164(info.E164) || !info.Possible {
				// Normalising is only safe when the digits can be a number.
				return p.fail(RuleInvalidNumber, -1)
			}
			a.ID, a.Number = info.E164, info
			return a, nil
		default:
			return p.fail(RuleMissingPlus, addrOffset(base, 0))
		}
	}
	if p.o.Numbers != nil {
		info, err := p.o.Numbers.ParseNumber(a.ID, p.o.Region)
		if err != nil || info.E164 != a.ID {
			// Well-formed E.164 that the metadata cannot read: keep the
			// syntax verdict and say it is neither possible nor valid.
			info = NumberInfo{E164: a.ID}
		}
		a.Number = info
	}
	return a, nil
}

// wrap turns an error from a NumberParser into an *AddressError about the
// whole input.
func (p *addrParser) wrap(err error) error {
	rule := RuleInvalidNumber
	if ae := asAddressError(err); ae != nil && ae.Rule != RuleNone {
		rule = ae.Rule
	}
	return newAddressError(p.in, rule, -1)
}

// asAddressError finds an *AddressError in err's chain of single Unwraps.
// It is errors.As without the reflection, which would add about 16 KB
// (gzipped) to a WebAssembly build of the package.
func asAddressError(err error) *AddressError {
	for err != nil {
		if ae, ok := err.(*AddressError); ok {
			return ae
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return nil
		}
		err = u.Unwrap()
	}
	return nil
}
