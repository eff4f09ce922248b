package sms

import (
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/grapheme"
)

// refSplit is the reference the fast splitters must equal: the simple walk
// Split used before them, one rune (GSM-7) or one nextCluster (UCS-2) at a
// time, from an Analysis that says the encoding and the number of segments.
func refSplit(a Analysis) []Segment {
	var out []Segment
	s := a.body
	bitsPer := 7
	if a.Encoding == EncodingUCS2 {
		bitsPer = 16
	}
	if a.Segments <= 1 {
		return append(out, Segment{Text: s, Units: a.Units, Capacity: a.Capacity, Bits: bitsPer * a.Units})
	}
	seg := Segment{Capacity: a.Capacity}
	flush := func(end int) {
		seg.Text = s[seg.Offset:end]
		seg.Bits = bitsPer * seg.Units
		out = append(out, seg)
		seg = Segment{Index: seg.Index + 1, Offset: end, Capacity: a.Capacity}
	}
	// add puts a unit of u code units at s[i:] into the current segment, or
	// starts the next one.
	add := func(i, u int) {
		if seg.Units+u > a.Capacity {
			flush(i)
		}
		seg.Units += u
	}
	if a.Encoding == EncodingGSM7 {
		for i, r := range s {
			add(i, GSM7Septets(r))
		}
	} else {
		for i := 0; i < len(s); {
			c := grapheme.Next(s, i)
			if c.Units <= a.Capacity {
				add(i, c.Units)
			} else {
				for k := i; k < c.End; {
					r, n := utf8.DecodeRuneInString(s[k:])
					add(k, grapheme.UTF16Units(r))
					k += n
				}
			}
			i = c.End
		}
	}
	flush(len(s))
	return out
}
