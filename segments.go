package sms

import (
	"iter"
	"strings"
	"unsafe"

	"github.com/smsgauge/sms/internal/grapheme"
)

// Encoding is the character set a message is sent in.
type Encoding uint8

const (
	// EncodingAuto lets the library choose: GSM-7 when every character is
	// GSM-7, otherwise UCS-2. It is only meaningful in Options.
	EncodingAuto Encoding = iota
	// EncodingGSM7 is the GSM 7-bit default alphabet with its extension
	// table (3GPP TS 23.038): 7 bits a septet.
	EncodingGSM7
	// EncodingUCS2 is UTF-16 (UCS-2 in SMS terms): 16 bits a code unit.
	EncodingUCS2
)

// String returns "auto", "GSM-7" or "UCS-2", the names Twilio uses.
func (e Encoding) String() string {
	switch e {
	case EncodingAuto:
		return "auto"
	case EncodingGSM7:
		return "GSM-7"
	case EncodingUCS2:
		return "UCS-2"
	}
	return "Encoding(" + itoa(int(e)) + ")"
}

// MarshalText returns the String form, so that JSON shows "GSM-7".
func (e Encoding) MarshalText() ([]byte, error) {
	if e > EncodingUCS2 {
		return nil, &OptionError{Option: "Encoding", Value: e.String()}
	}
	return []byte(e.String()), nil
}

// UnmarshalText accepts what ParseEncoding accepts.
func (e *Encoding) UnmarshalText(b []byte) error {
	v, err := ParseEncoding(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// ParseEncoding parses an encoding name: "auto" (or ""), "GSM-7" and
// "UCS-2", in any case, with or without the hyphen.
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToUpper(strings.ReplaceAll(s, "-", "")) {
	case "", "AUTO":
		return EncodingAuto, nil
	case "GSM7":
		return EncodingGSM7, nil
	case "UCS2":
		return EncodingUCS2, nil
	}
	return 0, &OptionError{Option: "Encoding", Value: s}
}

// Segment sizes. A single SMS carries 140 octets (1120 bits) of user data.
// Once a message needs more than one, every part carries a User Data Header
// for concatenation: 6 octets with an 8-bit reference (3GPP TS 23.040
// 9.2.3.24.1), 7 octets with a 16-bit one (9.2.3.24.8).
const (
	SingleGSM7Septets  = 160 // septets in a single GSM-7 segment
	SingleUCS2Units    = 70  // UTF-16 code units in a single UCS-2 segment
	MultiGSM7Septets   = 153 // septets per part with an 8-bit reference
	MultiUCS2Units     = 67  // code units per part with an 8-bit reference
	MultiGSM7Septets16 = 152 // septets per part with a 16-bit reference
	MultiUCS2Units16   = 66  // code units per part with a 16-bit reference

	userDataBits = 1120
)

// Options changes how a body is analysed. The zero value is what Twilio does:
// the encoding is chosen automatically and concatenated parts carry an 8-bit
// reference.
type Options struct {
	// Encoding forces an encoding, as the calculator's 'GSM-7' and 'UCS-2'.
	// Forcing GSM-7 on a body that has other characters is an error that
	// lists them. EncodingAuto, the zero value, chooses.
	Encoding Encoding
	// UDH16 selects the 16-bit concatenation reference, a 7-octet UDH that
	// leaves 152 septets or 66 units per part, as some US toll-free routes
	// bill.
	UDH16 bool
}

func (o Options) check() error {
	if o.Encoding > EncodingUCS2 {
		return &OptionError{Option: "Encoding", Value: o.Encoding.String()}
	}
	return nil
}

func (o Options) udhOctets() int {
	if o.UDH16 {
		return 7
	}
	return 6
}

// Analysis is what a body costs. It keeps a reference to the body, so that
// SplitSeq and NonGSMSeq can walk it again without having stored a list.
type Analysis struct {
	Encoding    Encoding // GSM-7 or UCS-2
	Segments    int      // number of segments, at least 1
	Units       int      // septets (GSM-7) or UTF-16 code units (UCS-2)
	Characters  int      // as Twilio counts: septets for GSM-7; for UCS-2, grapheme clusters with CR LF as two
	Graphemes   int      // extended grapheme clusters (UAX #29, rivo/uniseg)
	Scalars     int      // Unicode scalar values; an invalid byte counts as one
	MessageBits int      // Units × 7 or × 16
	TotalBits   int      // MessageBits plus the UDH of every segment
	Capacity    int      // units a segment holds: 160, 153 or 152; 70, 67 or 66
	LastUnits   int      // units in the last segment: Capacity - LastUnits are left in it
	UDHOctets   int      // UDH octets in each segment; 0 for a single segment
	NonGSM      int      // characters (grapheme clusters) that forced UCS-2
	FirstNonGSM int      // byte offset of the first of them, -1 if none
	Invalid     int      // invalid UTF-8 bytes, each counted as U+FFFD (1 UCS-2 unit)

	body string
}

// Segment is one part of a message.
type Segment struct {
	Index    int    // 0-based
	Offset   int    // byte offset of Text in the body
	Text     string // the part of the body it carries, a substring of it
	Units    int    // septets or UTF-16 code units used
	Capacity int    // septets or code units it can hold
	Bits     int    // Units × 7 or × 16, without the UDH
}

// Char is a character that forced UCS-2: a grapheme cluster that is not a
// single GSM-7 character, or an invalid UTF-8 byte.
type Char struct {
	Offset  int    // byte offset in the body
	Text    string // the grapheme cluster, or the invalid byte
	Units   int    // UTF-16 code units it costs
	Invalid bool   // it holds an invalid UTF-8 byte, counted as U+FFFD
}

// Analyze reports what body costs as Twilio bills it. It never fails and
// makes no allocations. Invalid UTF-8 bytes count as U+FFFD, which forces
// UCS-2 and costs one unit each.
func Analyze(body string) Analysis {
	a, _ := analyze(body, EncodingAuto, 6)
	return a
}

// AnalyzeBytes is Analyze for a byte slice. The Analysis refers to body's
// memory: do not change body while using it.
func AnalyzeBytes(body []byte) Analysis {
	return Analyze(bytesString(body))
}

// Analyze reports what body costs under the options. It fails when an option
// is invalid, or when GSM-7 is forced on a body that has other characters
// (an *EncodingError listing them, which wraps ErrNotGSM7).
func (o Options) Analyze(body string) (Analysis, error) {
	if err := o.check(); err != nil {
		return Analysis{}, err
	}
	a, ok := analyze(body, o.Encoding, o.udhOctets())
	if !ok {
		return Analysis{}, newEncodingError(body)
	}
	return a, nil
}

// AnalyzeBytes is Options.Analyze for a byte slice. The Analysis refers to
// body's memory: do not change body while using it.
func (o Options) AnalyzeBytes(body []byte) (Analysis, error) {
	return o.Analyze(bytesString(body))
}

func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// analyze does the counting. ok is false only when GSM-7 is forced on a body
// that is not GSM-7.
func analyze(s string, enc Encoding, udh int) (a Analysis, ok bool) {
	a.body = s
	a.FirstNonGSM = -1
	if enc != EncodingUCS2 {
		multi := (userDataBits - 8*udh) / 7
		if units, scalars, crlf, segs, last, isGSM := scanGSMCounts(s, multi); isGSM {
			a.Encoding = EncodingGSM7
			a.Units = units
			a.Characters = units
			a.Scalars = scalars
			a.Graphemes = scalars - crlf
			a.size(7, SingleGSM7Septets, multi, udh, segs, last)
			return a, true
		}
		if enc == EncodingGSM7 {
			return Analysis{}, false
		}
	}
	multi := (userDataBits - 8*udh) / 16
	units, chars, crlf, scalars, nonGSM, firstNonGSM, invalid, segs, last := scanUCS2(s, multi)
	a.Encoding = EncodingUCS2
	a.Units = units
	a.Characters = chars
	a.Scalars = scalars
	a.Graphemes = chars - crlf
	a.NonGSM = nonGSM
	a.FirstNonGSM = firstNonGSM
	a.Invalid = invalid
	a.size(16, SingleUCS2Units, multi, udh, segs, last)
	return a, true
}

// size fills in the sizes once Units is known: a single segment holds
// single units; past that, segs parts of multi units, each with a UDH of
// udh octets, the last holding last units.
func (a *Analysis) size(bitsPerUnit, single, multi, udh, segs, last int) {
	a.MessageBits = bitsPerUnit * a.Units
	if a.Units <= single {
		a.Segments, a.Capacity, a.LastUnits = 1, single, a.Units
	} else {
		a.Segments, a.Capacity, a.UDHOctets, a.LastUnits = segs, multi, udh, last
	}
	a.TotalBits = a.MessageBits + 8*a.UDHOctets*a.Segments
}

// Split returns the segments of body as Twilio would send them. The Text of
// the segments, joined, is body byte for byte. Escape pairs, surrogate pairs
// and grapheme clusters are never split, except that CR LF may be cut
// between CR and LF, and a cluster too large for a whole segment is cut
// between code points (never inside a surrogate pair), where Twilio's
// calculator makes an empty or over-full segment.
func Split(body string) []Segment {
	segs, _ := splitAlloc(body, EncodingAuto, 6)
	return segs
}

// SplitSeq walks the segments of body in order, as Split returns them. It
// makes no allocation.
func SplitSeq(body string) iter.Seq[Segment] {
	return func(yield func(Segment) bool) {
		splitSeq(body, EncodingAuto, 6, yield)
	}
}

// AppendSplit appends the segments of body, as Split returns them, to dst
// and returns the extended slice. It makes no allocation when dst has room
// for them.
func AppendSplit(dst []Segment, body string) []Segment {
	dst, _ = appendSplit(dst, body, EncodingAuto, 6)
	return dst
}

// Split is Split under the options; it fails as Options.Analyze does.
func (o Options) Split(body string) ([]Segment, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	segs, ok := splitAlloc(body, o.Encoding, o.udhOctets())
	if !ok {
		return nil, newEncodingError(body)
	}
	return segs, nil
}

// AppendSplit is AppendSplit under the options; it fails as
// Options.Analyze does, and then returns dst unchanged.
func (o Options) AppendSplit(dst []Segment, body string) ([]Segment, error) {
	if err := o.check(); err != nil {
		return dst, err
	}
	out, ok := appendSplit(dst, body, o.Encoding, o.udhOctets())
	if !ok {
		return dst, newEncodingError(body)
	}
	return out, nil
}

// SplitSeq walks the segments of the analysed body in order.
func (a Analysis) SplitSeq() iter.Seq[Segment] {
	return func(yield func(Segment) bool) { a.walk(nil, yield) }
}

// AppendSplit appends the segments of the analysed body to dst and
// returns the extended slice.
func (a Analysis) AppendSplit(dst []Segment) []Segment {
	return a.walk(dst, nil)
}

// NonGSMSeq walks the characters that forced UCS-2, in order. It yields
// nothing for a GSM-7 body, nor for a GSM-7 body sent as UCS-2 by force.
func (a Analysis) NonGSMSeq() iter.Seq[Char] {
	return func(yield func(Char) bool) {
		if a.NonGSM == 0 {
			return
		}
		s := a.body
		for i := a.FirstNonGSM; i < len(s); {
			c := grapheme.Next(s, i)
			if !c.GSM {
				if !yield(Char{Offset: i, Text: s[i:c.End], Units: c.Units, Invalid: c.Invalid > 0}) {
					return
				}
			}
			i = c.End
		}
	}
}

// AppendNonGSM appends the characters that forced UCS-2 to dst and returns
// the extended slice.
func (a Analysis) AppendNonGSM(dst []Char) []Char {
	for c := range a.NonGSMSeq() {
		dst = append(dst, c)
	}
	return dst
}

// itoa formats a small non-negative integer without strconv.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
