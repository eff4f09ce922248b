package pdu

import (
	"errors"
	"strconv"
)

// Information element identifiers of 3GPP TS 23.040 9.2.3.24 that smsgauge
// writes and reads.
const (
	IEIConcat8      = 0x00 // concatenated short message, 8-bit reference
	IEIConcat16     = 0x08 // concatenated short message, 16-bit reference
	IEISingleShift  = 0x24 // national language single shift
	IEILockingShift = 0x25 // national language locking shift
)

// UDH is the part of a user data header that smsgauge understands: the
// concatenation element and the national language shift elements. The zero
// value is an absent header.
type UDH struct {
	Concat    bool   // a concatenation element is present
	Ref16     bool   // the reference is 16-bit (IEI 0x08) rather than 8-bit (IEI 0x00)
	Reference uint16 // concatenation reference; at most 255 when Ref16 is false
	Total     uint8  // number of parts, 1 to 255
	Sequence  uint8  // 1-based number of this part

	SingleShift  Language // IEI 0x24 when not LanguageNone
	LockingShift Language // IEI 0x25 when not LanguageNone
}

// Len returns the length in octets of the header AppendTo writes, its
// length octet (UDHL) included, or 0 when the header is empty.
func (h UDH) Len() int {
	n := 0
	if h.Concat {
		n += 5
		if h.Ref16 {
			n++
		}
	}
	if h.SingleShift != LanguageNone {
		n += 3
	}
	if h.LockingShift != LanguageNone {
		n += 3
	}
	if n == 0 {
		return 0
	}
	return n + 1
}

// AppendTo appends the header to dst: the length octet, then the
// concatenation element, the single shift and the locking shift elements
// that are present. An empty header appends nothing. A Reference above 255
// with Ref16 false is truncated to its low 8 bits; EncodeOptions rejects it
// before it gets here.
func (h UDH) AppendTo(dst []byte) []byte {
	n := h.Len()
	if n == 0 {
		return dst
	}
	dst = append(dst, byte(n-1))
	if h.Concat {
		if h.Ref16 {
			dst = append(dst, IEIConcat16, 4, byte(h.Reference>>8), byte(h.Reference), h.Total, h.Sequence)
		} else {
			dst = append(dst, IEIConcat8, 3, byte(h.Reference), h.Total, h.Sequence)
		}
	}
	if h.SingleShift != LanguageNone {
		dst = append(dst, IEISingleShift, 1, byte(h.SingleShift))
	}
	if h.LockingShift != LanguageNone {
		dst = append(dst, IEILockingShift, 1, byte(h.LockingShift))
	}
	return dst
}

// ParseUDH parses the user data header at the start of ud (user data whose
// TP-UDHI flag is set) and returns it with its length in octets, the
// length octet included. Elements other than concatenation and national
// language shifts are skipped, in any order; when an element repeats, the
// last one counts (3GPP TS 23.040 9.2.3.24). A header that claims more
// octets than ud holds, or an element that runs past the header, is
// ErrTruncatedUDH; a known element with the wrong length, or a
// concatenation element with sequence 0 or above the total, is
// ErrMalformedUDH. Shift elements for identifiers without tables are kept
// as they are; decoding falls back to the default alphabet for them.
func ParseUDH(ud []byte) (UDH, int, error) {
	var h UDH
	if len(ud) == 0 {
		return h, 0, &PartError{Err: ErrTruncatedUDH, Part: -1, Detail: "no length octet"}
	}
	n := int(ud[0]) + 1
	if n > len(ud) {
		return h, 0, &PartError{Err: ErrTruncatedUDH, Part: -1,
			Detail: "header length " + strconv.Itoa(n-1) + " but " + strconv.Itoa(len(ud)-1) + " octets follow"}
	}
	b := ud[1:n]
	for len(b) > 0 {
		if len(b) < 2 {
			return h, 0, &PartError{Err: ErrTruncatedUDH, Part: -1, Detail: "element header cut short"}
		}
		iei, l := b[0], int(b[1])
		if 2+l > len(b) {
			return h, 0, &PartError{Err: ErrTruncatedUDH, Part: -1,
				Detail: "element 0x" + hex2(iei) + " runs past the header"}
		}
		v := b[2 : 2+l]
		b = b[2+l:]
		switch iei {
		case IEIConcat8, IEIConcat16:
			want := 3
			if iei == IEIConcat16 {
				want = 4
			}
			if l != want {
				return h, 0, &PartError{Err: ErrMalformedUDH, Part: -1,
					Detail: "concatenation element 0x" + hex2(iei) + " of length " + strconv.Itoa(l) + ", want " + strconv.Itoa(want)}
			}
			h.Concat = true
			h.Ref16 = iei == IEIConcat16
			if h.Ref16 {
				h.Reference = uint16(v[0])<<8 | uint16(v[1])
				v = v[2:]
			} else {
				h.Reference = uint16(v[0])
				v = v[1:]
			}
			h.Total, h.Sequence = v[0], v[1]
		case IEISingleShift, IEILockingShift:
			if l != 1 {
				return h, 0, &PartError{Err: ErrMalformedUDH, Part: -1,
					Detail: "shift element 0x" + hex2(iei) + " of length " + strconv.Itoa(l) + ", want 1"}
			}
			if iei == IEISingleShift {
				h.SingleShift = Language(v[0])
			} else {
				h.LockingShift = Language(v[0])
			}
		}
	}
	if h.Concat && (h.Sequence == 0 || h.Sequence > h.Total) {
		return h, 0, &PartError{Err: ErrBadSequence, Part: -1,
			Detail: "sequence " + strconv.Itoa(int(h.Sequence)) + " of " + strconv.Itoa(int(h.Total))}
	}
	return h, n, nil
}

func hex2(b byte) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[b>>4], digits[b&15]})
}

// Errors of the wire format. Each is returned wrapped in a *PartError.
var (
	// ErrTruncatedUDH: a user data header claims more octets than there are.
	ErrTruncatedUDH = errors.New("pdu: truncated user data header")
	// ErrMalformedUDH: a known information element has the wrong length.
	ErrMalformedUDH = errors.New("pdu: malformed user data header")
	// ErrLengthOverrun: a user data length (UDL, or the septet count given
	// to AppendUnpacked) is negative, shorter than the header, or runs past
	// the data.
	ErrLengthOverrun = errors.New("pdu: user data length overruns the data")
	// ErrBadSequence: a concatenation sequence number is 0 or above the total.
	ErrBadSequence = errors.New("pdu: concatenation sequence number out of range")
	// ErrMissingPart: a part of a concatenated message is absent.
	ErrMissingPart = errors.New("pdu: missing part of a concatenated message")
	// ErrDuplicatePart: two parts carry the same sequence number.
	ErrDuplicatePart = errors.New("pdu: duplicate part of a concatenated message")
	// ErrReferenceMismatch: parts disagree on the concatenation reference,
	// its size, or the total number of parts, or some lack concatenation.
	ErrReferenceMismatch = errors.New("pdu: parts of different concatenated messages")
	// ErrTooManyParts: more parts than a concatenation header can number
	// (255).
	ErrTooManyParts = errors.New("pdu: more than 255 parts")
	// ErrBadUserData: the user data cannot be decoded: an unsupported data
	// coding, a septet above 0x7F in unpacked data, an escape at the end of
	// the text, an odd number of UCS-2 octets, or a lone UTF-16 surrogate.
	ErrBadUserData = errors.New("pdu: undecodable user data")
	// ErrNoParts: Reassemble was given no parts.
	ErrNoParts = errors.New("pdu: no parts to reassemble")
)

// PartError describes a wire format error. Err is one of the sentinel
// errors above and is what Unwrap returns.
type PartError struct {
	Err    error  // the sentinel: ErrTruncatedUDH, ErrMissingPart, ...
	Part   int    // index of the offending part in the input, -1 if none
	Detail string // what was found
}

func (e *PartError) Error() string {
	s := e.Err.Error()
	if e.Part >= 0 {
		s += " (part index " + strconv.Itoa(e.Part) + ")"
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

func (e *PartError) Unwrap() error { return e.Err }
