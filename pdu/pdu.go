package pdu

import (
	"encoding/binary"
	"slices"
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
// after fill fill bits. A fill outside 0 to 6 is taken modulo 7, as
// AppendUnpacked takes it. It is exact for every n up to the largest int,
// with no overflow: 7n is never computed.
func PackedLen(n, fill int) int {
	if n <= 0 {
		return 0
	}
	fill = normFill(fill)
	// With n = 8q + r, the 7n + fill bits are 56q (7q octets) plus
	// 7r + fill, at most 55.
	return 7*(n/8) + (7*(n%8)+fill+7)/8
}

// normFill reduces a fill bit count to 0..6, the only counts a header can
// leave.
func normFill(fill int) int {
	fill %= 7
	if fill < 0 {
		fill = -fill
	}
	return fill
}

// pack8 packs 8 septets, one per byte of x (little endian), into the low 56
// bits of the result, first septet lowest.
func pack8(x uint64) uint64 {
	// The masks of the first step drop the high bit of every byte.
	x = x&0x007f007f007f007f | (x&0x7f007f007f007f00)>>1
	x = x&0x00003fff00003fff | (x&0x3fff00003fff0000)>>2
	x = x&0x000000000fffffff | (x&0x0fffffff00000000)>>4
	return x
}

// pack8Clean is pack8 for bytes that are all below 0x80, with fewer
// operations: the first two steps subtract the gap they close instead of
// masking the two halves apart, and the last joins the two 28-bit halves
// with shifts alone (no 64-bit mask to load).
func pack8Clean(x uint64) uint64 {
	x -= (x & 0x7f007f007f007f00) >> 1
	x -= 3 * ((x & 0x3fff00003fff0000) >> 2)
	return uint64(uint32(x)) | x>>32<<28
}

// unpack8 is the inverse of pack8: 56 bits to 8 septets, one per byte.
func unpack8(x uint64) uint64 {
	// The masks of the first step drop the top byte.
	x = x&0x000000000fffffff | (x&0x00fffffff0000000)<<4
	x = x&0x00003fff00003fff | (x&0x0fffc0000fffc000)<<2
	x = x&0x007f007f007f007f | (x&0x3f803f803f803f80)<<1
	return x
}

// AppendPacked appends septets packed into octets as 3GPP TS 23.038
// 6.1.2.1.1 specifies (the first septet in the low 7 bits of the first
// octet, the stream continuing little endian), preceded by fill zero bits
// (0 to 6; see FillBits). Only the low 7 bits of each septet are used. The
// unused high bits of the last octet are zero. septets may be the memory
// just past len(dst): packing never writes past what it has read.
func AppendPacked(dst, septets []byte, fill int) []byte {
	fill %= 7
	if fill < 0 {
		fill = -fill
	}
	if len(septets) == 0 {
		return dst
	}
	w := len(dst)
	n := PackedLen(len(septets), fill)
	dst = slices.Grow(dst, n)[:w+n]
	out := dst[w:]
	var acc uint64 // pending bits, low first
	nbits := uint(fill)
	i, o := 0, 0
	// Eight septets make seven octets; the eighth octet written holds the
	// pending bits and is written again by the next round.
	for i+32 <= len(septets) && o+29 <= len(out) {
		src := septets[i : i+32 : i+32]
		w1, w2 := binary.LittleEndian.Uint64(src[:8]), binary.LittleEndian.Uint64(src[8:16])
		w3, w4 := binary.LittleEndian.Uint64(src[16:24]), binary.LittleEndian.Uint64(src[24:])
		if (w1|w2|w3|w4)&0x8080808080808080 != 0 {
			break // a byte above 0x7F: the loops below mask it
		}
		d := out[o : o+29 : o+29]
		v1, v2, v3, v4 := pack8Clean(w1), pack8Clean(w2), pack8Clean(w3), pack8Clean(w4)
		acc |= v1 << nbits
		binary.LittleEndian.PutUint64(d[:8], acc)
		acc = acc>>56 | v2<<nbits
		binary.LittleEndian.PutUint64(d[7:15], acc)
		acc = acc>>56 | v3<<nbits
		binary.LittleEndian.PutUint64(d[14:22], acc)
		acc = acc>>56 | v4<<nbits
		binary.LittleEndian.PutUint64(d[21:], acc)
		acc >>= 56
		i += 32
		o += 28
	}
	for i+16 <= len(septets) && o+15 <= len(out) {
		src := septets[i : i+16 : i+16]
		w1, w2 := binary.LittleEndian.Uint64(src[:8]), binary.LittleEndian.Uint64(src[8:])
		if (w1|w2)&0x8080808080808080 != 0 {
			break // a byte above 0x7F: the loops below mask it
		}
		d := out[o : o+15 : o+15]
		v1, v2 := pack8Clean(w1), pack8Clean(w2)
		acc |= v1 << nbits
		binary.LittleEndian.PutUint64(d[:8], acc)
		acc = acc>>56 | v2<<nbits
		binary.LittleEndian.PutUint64(d[7:], acc)
		acc >>= 56
		i += 16
		o += 14
	}
	for ; i+8 <= len(septets) && o+8 <= len(out); i += 8 {
		v := pack8(binary.LittleEndian.Uint64(septets[i:]))
		acc |= v << nbits // nbits <= 7: 63 bits at most
		binary.LittleEndian.PutUint64(out[o:], acc)
		o += 7
		acc >>= 56
	}
	for ; i < len(septets); i++ {
		acc |= uint64(septets[i]&0x7f) << nbits
		nbits += 7
		if nbits >= 8 {
			out[o] = byte(acc)
			o++
			acc >>= 8
			nbits -= 8
		}
	}
	if nbits > 0 {
		out[o] = byte(acc)
	}
	return dst
}

// AppendUnpacked appends count septets, one per byte, read from packed
// after fill fill bits. It returns an error wrapping ErrLengthOverrun when
// packed holds fewer than count septets.
func AppendUnpacked(dst, packed []byte, fill, count int) ([]byte, error) {
	fill = normFill(fill)
	if count < 0 || PackedLen(count, fill) > len(packed) {
		return dst, &PartError{Err: ErrLengthOverrun, Part: -1,
			Detail: "want " + strconv.Itoa(count) + " septets, have " + strconv.Itoa(len(packed)) + " octets"}
	}
	if count == 0 {
		return dst, nil
	}
	w := len(dst)
	dst = slices.Grow(dst, count)[:w+count]
	out := dst[w:]
	k := 0
	// Septets 8j..8j+7 start at bit fill+56j: octet 7j, bit fill.
	for ; k+8 <= count && k/8*7+8 <= len(packed); k += 8 {
		x := binary.LittleEndian.Uint64(packed[k/8*7:]) >> uint(fill)
		binary.LittleEndian.PutUint64(out[k:], unpack8(x))
	}
	for ; k < count; k++ {
		bit := fill + 7*k
		v := uint16(packed[bit/8])
		if bit/8+1 < len(packed) {
			v |= uint16(packed[bit/8+1]) << 8
		}
		out[k] = byte(v>>uint(bit%8)) & 0x7f
	}
	return dst, nil
}
