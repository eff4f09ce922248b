package batch

import (
	"math/bits"
	"strconv"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/jsonstr"
)

// outHeader returns the CSV header of the output, or nothing for JSONL.
func (p *pipeline) outHeader() []byte {
	if p.o.Output == JSONL {
		return nil
	}
	h := "line,id,region,encoding,segments,characters,units"
	if p.o.Smart {
		h += ",smart_encoding,smart_segments,smart_cost"
	}
	if p.o.Suggest {
		h += ",suggest_segments,suggest_cost"
	}
	h += ",price_per_segment,cost,currency,error\n"
	return []byte(h)
}

// appendCSV appends the CSV row of out, or of its error.
func (w *worker) appendCSV(dst []byte, out *rowOut, rerr *RowError) []byte {
	o := w.p.o
	dst = appendInt(dst, int(out.line))
	dst = append(dst, ',')
	if out.id == nil && rerr != nil && rerr.ID != "" {
		dst = appendCSVField(dst, []byte(rerr.ID))
	} else if out.idJSON {
		dst = appendCSVField(dst, out.idText)
	} else {
		dst = appendCSVField(dst, out.id)
	}
	dst = append(dst, ',')
	if rerr != nil {
		n := 5 // region .. units
		if out.analysed {
			// The analysis stands; the price and cost stay empty.
			if out.region != noRegion {
				dst = append(dst, regionName(out.region)...)
			}
			dst = append(dst, ',')
			dst = append(dst, out.a.Encoding.String()...)
			dst = append(dst, ',')
			dst = appendInt(dst, out.a.Segments)
			dst = append(dst, ',')
			dst = appendInt(dst, out.a.Characters)
			dst = append(dst, ',')
			dst = appendInt(dst, out.a.Units)
			n = 1 // the comma after units
		}
		if o.Smart {
			n += 3
		}
		if o.Suggest {
			n += 2
		}
		n += 3 // price, cost, currency
		for range n {
			dst = append(dst, ',')
		}
		dst = appendCSVField(dst, []byte(rerr.columnText()))
		return append(dst, '\n')
	}
	if e := out.a.Encoding; e < 3 {
		dst = append(dst, regionEncText[out.region][e]...) // "US,GSM-7,"
	} else {
		if out.region != noRegion {
			dst = append(dst, regionName(out.region)...)
		}
		dst = append(dst, ',')
		dst = append(dst, e.String()...)
		dst = append(dst, ',')
	}
	dst = appendInt(dst, out.a.Segments)
	dst = append(dst, ',')
	dst = appendInt(dst, out.a.Characters)
	dst = append(dst, ',')
	dst = appendInt(dst, out.a.Units)
	if o.Smart {
		dst = append(dst, ',')
		dst = append(dst, out.smart.Encoding.String()...)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(out.smart.Segments), 10)
		dst = append(dst, ',')
		if out.priced {
			dst = out.smartC.Append(dst)
		}
	}
	if o.Suggest {
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(out.suggest.Segments), 10)
		dst = append(dst, ',')
		if out.priced {
			dst = out.suggestC.Append(dst)
		}
	}
	if !out.priced {
		return append(dst, ",,,,\n"...)
	}
	if n := out.a.Segments; n < costCache && out.pe.tails[n] != nil {
		return append(dst, out.pe.tails[n]...) // ",price,cost,currency,\n"
	}
	dst = append(dst, ',')
	dst = append(dst, out.pe.text...)
	dst = append(dst, ',')
	dst = out.cost.Append(dst)
	dst = append(dst, ',')
	dst = append(dst, w.p.currency...)
	return append(dst, ",\n"...)
}

// regionEncText holds "XX,encoding," for every region (noRegion: "") and
// encoding, the middle of a CSV output row, built at init.
var regionEncText [numRegions + 1][3]string

func init() {
	for r := range regionEncText {
		for e := range regionEncText[r] {
			regionEncText[r][e] = regionName(r) + "," + sms.Encoding(e).String() + ","
		}
	}
}

// appendCSVField appends f, quoted if it needs to be.
func appendCSVField(dst, f []byte) []byte {
	need := false
	for _, c := range f {
		if c == ',' || c == '"' || c == '\n' || c == '\r' {
			need = true
			break
		}
	}
	if !need {
		return append(dst, f...)
	}
	dst = append(dst, '"')
	for _, c := range f {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// appendJSON appends the JSON line of out, or of its error.
func (w *worker) appendJSON(dst []byte, out *rowOut, rerr *RowError) []byte {
	o := w.p.o
	dst = append(dst, `{"line":`...)
	dst = strconv.AppendInt(dst, out.line, 10)
	if out.id == nil && rerr != nil && rerr.ID != "" {
		dst = append(dst, `,"id":`...)
		dst = appendJSONString(dst, []byte(rerr.ID))
	} else if out.id != nil {
		dst = append(dst, `,"id":`...)
		if out.idJSON {
			dst = append(dst, out.id...)
		} else {
			dst = appendJSONString(dst, out.id)
		}
	}
	if rerr != nil && !out.analysed {
		dst = append(dst, `,"error":`...)
		dst = appendJSONString(dst, []byte(rerr.columnText()))
		return append(dst, "}\n"...)
	}
	dst = appendJSONAnalysis(dst, &out.a)
	if out.region != noRegion {
		dst = append(dst, `,"region":"`...)
		dst = append(dst, regionName(out.region)...)
		dst = append(dst, '"')
	}
	if rerr != nil {
		// An error row with its analysis: no price, no smart or suggest.
		dst = append(dst, `,"error":`...)
		dst = appendJSONString(dst, []byte(rerr.columnText()))
		return append(dst, "}\n"...)
	}
	if out.priced {
		dst = append(dst, `,"price_per_segment":"`...)
		dst = out.price.Append(dst)
		dst = append(dst, `","cost":"`...)
		dst = out.cost.Append(dst)
		dst = append(dst, `","currency":`...)
		dst = appendJSONString(dst, []byte(w.p.currency))
	}
	if o.Smart {
		dst = append(dst, `,"smart":{`...)
		mark := len(dst)
		dst = appendJSONAnalysis(dst, &out.smart)
		dst = append(dst[:mark], dst[mark+1:]...) // no comma after {
		dst = append(dst, `,"body":`...)
		dst = appendJSONString(dst, out.smartB)
		if out.priced {
			dst = append(dst, `,"cost":"`...)
			dst = out.smartC.Append(dst)
			dst = append(dst, '"')
		}
		dst = append(dst, '}')
	}
	if o.Suggest {
		dst = append(dst, `,"suggest":{"segments":`...)
		dst = strconv.AppendInt(dst, int64(out.suggest.Segments), 10)
		if out.priced {
			dst = append(dst, `,"cost":"`...)
			dst = out.suggestC.Append(dst)
			dst = append(dst, '"')
		}
		dst = append(dst, '}')
	}
	return append(dst, "}\n"...)
}

// appendJSONAnalysis appends `,"encoding":...,"segment_bits":[...]`; inside
// an object that already has a member. For the smart object, which has none,
// the caller trims the leading comma.
func appendJSONAnalysis(dst []byte, a *sms.Analysis) []byte {
	dst = append(dst, `,"encoding":"`...)
	dst = append(dst, a.Encoding.String()...)
	dst = append(dst, `","segments":`...)
	dst = strconv.AppendInt(dst, int64(a.Segments), 10)
	dst = append(dst, `,"characters":`...)
	dst = strconv.AppendInt(dst, int64(a.Characters), 10)
	dst = append(dst, `,"units":`...)
	dst = strconv.AppendInt(dst, int64(a.Units), 10)
	dst = append(dst, `,"segment_bits":[`...)
	dst = appendSegmentBits(dst, a)
	return append(dst, ']')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping.
func appendJSONString(dst, s []byte) []byte { return jsonstr.AppendBytes(dst, s, false) }

// digits2 holds "00" to "99".
const digits2 = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// pow10[i] is 10 to the power i.
var pow10 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// appendInt appends n in decimal, writing the digits in place two at a
// time (strconv formats into a buffer and copies, which showed in profiles).
func appendInt(dst []byte, n int) []byte {
	if n < 0 {
		return strconv.AppendInt(dst, int64(n), 10)
	}
	if n < 10 {
		return append(dst, byte('0'+n))
	}
	if n < 100 {
		return append(dst, digits2[2*n], digits2[2*n+1])
	}
	if n < 1000 {
		r := n % 100
		return append(dst, byte('0'+n/100), digits2[2*r], digits2[2*r+1])
	}
	// Digit count without a division per digit: log10 from the bit length,
	// corrected by one comparison.
	w := (bits.Len64(uint64(n)) * 1233) >> 12
	if uint64(n) >= pow10[w] {
		w++
	}
	l := len(dst)
	dst = append(dst, "00000000000000000000"[:w]...)
	i := l + w
	for n >= 100 {
		r := n % 100
		n /= 100
		i -= 2
		dst[i], dst[i+1] = digits2[2*r], digits2[2*r+1]
	}
	if n >= 10 {
		dst[i-2], dst[i-1] = digits2[2*n], digits2[2*n+1]
	} else {
		dst[i-1] = byte('0' + n)
	}
	return dst
}
