package sms

import (
	"encoding/binary"
	"strconv"
)

// FillBits returns the number of fill bits that follow a user data header of
// udhLen octets (its length octet included) so that the first septet of the
// text starts on a septet boundary (3GPP TS 23.040 9.2.3.24): 1 after a
// 6-octet header, 0 after a 7-octet one, 0 when there is no header.
func FillBits(udhLen int) int {
	if udhLen <= 0 {
		return 0
	}
	return (7 - udhLen*8%7) % 7
}

// PackedLen returns the number of octets that n septets take when packed
// after fill fill bits.
func PackedLen(n, fill int) int {
	if n <= 0 {
		return 0
	}
	return (fill + 7*n + 7) / 8
}

// pack8 packs 8 septets, one per byte of x (little endian), into the low 56
// bits of the result, first septet lowest.
func pack8(x uint64) uint64 {
	x &= 0x7f7f7f7f7f7f7f7f
	x = x&0x007f007f007f007f | (x&0x7f007f007f007f00)>>1
	x = x&0x00003fff00003fff | (x&0x3fff00003fff0000)>>2
	x = x&0x000000000fffffff | (x&0x0fffffff00000000)>>4
	return x
}

// unpack8 is the inverse of pack8: 56 bits to 8 septets, one per byte.
func unpack8(x uint64) uint64 {
	x &= 0x00ffffffffffffff
	x = x&0x000000000fffffff | (x&0x00fffffff0000000)<<4
	x = x&0x00003fff00003fff | (x&0x0fffc0000fffc000)<<2
	x = x&0x007f007f007f007f | (x&0x3f803f803f803f80)<<1
	return x
}

// AppendPacked appends septets packed into octets as 3GPP TS 23.038
// 6.1.2.1.1 specifies (the first septet in the low 7 bits of the first
// octet, the stream continuing little endian), preceded by fill zero bits
// (0 to 6; see FillBits). Only the low 7 bits of each septet are used. The
// unused high bits of the last octet are zero.
func AppendPacked(dst, septets []byte, fill int) []byte {
	fill %= 7
	if fill < 0 {
		fill = -fill
	}
	if len(septets) == 0 {
		return dst
	}
	var acc uint64 // pending bits, low first
	nbits := uint(fill)
	i := 0
	for ; i+8 <= len(septets); i += 8 {
		v := pack8(binary.LittleEndian.Uint64(septets[i:]))
		acc |= v << nbits // nbits <= 7, so 63 bits at most
		dst = append(dst, byte(acc), byte(acc>>8), byte(acc>>16), byte(acc>>24),
			byte(acc>>32), byte(acc>>40), byte(acc>>48))
		acc >>= 56
	}
	for ; i < len(septets); i++ {
		acc |= uint64(septets[i]&0x7f) << nbits
		nbits += 7
		if nbits >= 8 {
			dst = append(dst, byte(acc))
			acc >>= 8
			nbits -= 8
		}
	}
	if nbits > 0 {
		dst = append(dst, byte(acc))
	}
	return dst
}

// AppendUnpacked appends count septets, one per byte, read from packed
// after fill fill bits. It returns an error wrapping ErrLengthOverrun when
// packed holds fewer than count septets.
func AppendUnpacked(dst, packed []byte, fill, count int) ([]byte, error) {
	fill %= 7
	if fill < 0 {
		fill = -fill
	}
	if count < 0 || PackedLen(count, fill) > len(packed) {
		return dst, &PartError{Err: ErrLengthOverrun, Part: -1,
			Detail: "want " + strconv.Itoa(count) + " septets, have " + strconv.Itoa(len(packed)) + " octets"}
	}
	if count == 0 {
		return dst, nil
	}
	// Drop the fill bits first: from here on septets are contiguous.
	var acc uint64
	nbits := uint(0)
	p := 0
	if fill > 0 {
		acc = uint64(packed[0]) >> uint(fill)
		nbits = uint(8 - fill)
		p = 1
	}
	n := 0
	for n+8 <= count {
		for nbits < 56 && p < len(packed) {
			acc |= uint64(packed[p]) << nbits
			nbits += 8
			p++
		}
		if nbits < 56 {
			break
		}
		u := unpack8(acc)
		dst = binary.LittleEndian.AppendUint64(dst, u)
		acc >>= 56
		nbits -= 56
		n += 8
	}
	for ; n < count; n++ {
		if nbits < 7 {
			acc |= uint64(packed[p]) << nbits
			nbits += 8
			p++
		}
		dst = append(dst, byte(acc&0x7f))
		acc >>= 7
		nbits -= 7
	}
	return dst, nil
}
