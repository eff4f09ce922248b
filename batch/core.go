package batch

import (
	"strconv"

	sms "github.com/smsgauge/sms"
)

// analyzeBody analyses one body with the core (sms.Analyze, no allocation).
func analyzeBody(udh16 bool, b []byte) sms.Analysis {
	if !udh16 {
		return sms.AnalyzeBytes(b)
	}
	a, _ := sms.Options{UDH16: true}.AnalyzeBytes(b) // cannot fail: valid options, encoding auto
	return a
}

// analyzeInto is analyzeBody writing into *a (no copy of the result).
func analyzeInto(a *sms.Analysis, udh16 bool, b []byte) {
	if !udh16 {
		*a = sms.AnalyzeBytes(b)
		return
	}
	*a, _ = sms.Options{UDH16: true}.AnalyzeBytes(b)
}

// appendSegmentBits appends the bits of each segment, comma-separated (the
// segment_bits array of the --jsonl contract).
func appendSegmentBits(dst []byte, a *sms.Analysis) []byte {
	first := true
	for s := range a.SplitSeq() {
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = strconv.AppendInt(dst, int64(s.Bits), 10)
	}
	return dst
}
