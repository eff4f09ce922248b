//go:build js && wasm

package webapi

import (
	"unsafe"

	sms "github.com/smsgauge/sms"
)

// The fast path of count(), for the counter of a page that holds the
// module's instance: two WebAssembly exports, called directly, without the
// syscall/js callback machinery (which costs tens of microseconds per call).
//
//	p = exports.smsgauge_input(n)        // a buffer of n bytes in linear memory
//	{written} = new TextEncoder().encodeInto(body, new Uint8Array(exports.mem.buffer, p, n))
//	q = exports.smsgauge_count(written, flags)
//	new Int32Array(exports.mem.buffer, q, 8)  // see Count; 0: error, use count()
//
// flags: 1 smart, 2 nfc, 4 udh16, 8 smart policy gsm-only. The result
// holds encoding (1 GSM-7, 2 UCS-2), segments, characters, units,
// capacity, used, left and saved. TextEncoder turns a lone surrogate into
// U+FFFD, as js.Value.String does, so both paths count the same body.
// Neither buffer may be kept across calls: memory can grow and move views.

var (
	input  []byte
	output [8]int32
)

//go:wasmexport smsgauge_input
func exportInput(n int32) int32 {
	if n < 16 {
		n = 16
	}
	if int32(cap(input)) < n {
		input = make([]byte, n)
	}
	input = input[:n]
	return int32(uintptr(unsafe.Pointer(unsafe.SliceData(input))))
}

//go:wasmexport smsgauge_count
func exportCount(n, flags int32) (ret int32) {
	defer func() {
		if recover() != nil {
			ret = 0
		}
	}()
	if n < 0 || int(n) > len(input) {
		return 0
	}
	o := AnalyzeOptions{Smart: flags&1 != 0, NFC: flags&2 != 0, UDH16: flags&4 != 0}
	if flags&8 != 0 {
		o.Policy = sms.SmartIfGSM7
	}
	c, err := CountBody(unsafe.String(unsafe.SliceData(input), n), o)
	if err != nil {
		return 0
	}
	enc := int32(1)
	if c.Encoding == sms.EncodingUCS2 {
		enc = 2
	}
	output = [8]int32{enc, int32(c.Segments), int32(c.Characters), int32(c.Units), int32(c.Capacity), int32(c.Used), int32(c.Left), int32(c.Saved)}
	return int32(uintptr(unsafe.Pointer(&output[0])))
}
