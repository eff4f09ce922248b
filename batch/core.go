package batch

// PLACEHOLDER until the core (sms.Analyze) lands on main: a naive counter
// used only so the pipeline compiles and can be exercised. Replaced by
// calls to the root package.

import "unicode/utf8"

type coreAnalysis struct {
	ucs2                         bool
	segments, characters, units  int
	invalid, capacity, udhOctets int
}

func analyzeBody(udh16 bool, b []byte) coreAnalysis {
	var a coreAnalysis
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			a.units++
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			a.invalid++
		}
		a.ucs2 = true
		a.units++
		i += n
	}
	a.characters = a.units
	single, multi := 160, 153
	if a.ucs2 {
		single, multi = 70, 67
	}
	if a.units <= single {
		a.segments = 1
		a.capacity = single
	} else {
		a.segments = (a.units + multi - 1) / multi
		a.capacity = multi
		a.udhOctets = 6
	}
	return a
}

func (a coreAnalysis) encodingName() string {
	if a.ucs2 {
		return "UCS-2"
	}
	return "GSM-7"
}

func (a coreAnalysis) appendSegmentBits(dst []byte, body []byte, udh16 bool) []byte {
	return dst
}

func suggestBody(udh16 bool, b []byte) coreAnalysis { return analyzeBody(udh16, b) }
