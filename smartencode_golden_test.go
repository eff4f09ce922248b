package sms

import (
	"testing"

	"github.com/smsgauge/sms/internal/grapheme"
)

// TestSmartGolden compares SmartEncode and the analysis of its result with
// Twilio's calculator run with smartEncoding=true on every body of the
// golden corpus. The substituted body and the encoding must agree on every
// body. A segment count may differ only where the core's counting differs
// from the calculator's on the same text for a known reason (see
// smartGoldenExplained); anything else fails.
func TestSmartGolden(t *testing.T) {
	cases := readGolden(t)
	classes := map[string]int{}
	changed := 0
	for _, c := range cases {
		got := SmartEncode(c.Body)
		if got != c.Smart.Body {
			t.Errorf("%s: SmartEncode(%q) = %q, calculator %q", c.ID, c.Body, got, c.Smart.Body)
			continue
		}
		if got != c.Body {
			changed++
		}
		sa := SmartAnalyze(c.Body)
		if sa.Body != got {
			t.Errorf("%s: SmartAnalyze(%q).Body = %q, want %q", c.ID, c.Body, sa.Body, got)
		}
		a := sa.After
		if a.Encoding.String() != c.Smart.Encoding {
			t.Errorf("%s: SmartAnalyze(%q).After.Encoding = %v, calculator %s", c.ID, c.Body, a.Encoding, c.Smart.Encoding)
			continue
		}
		if a.Segments == c.Smart.Segments {
			continue
		}
		class := smartGoldenExplained(a, c.Smart.Characters, c.Smart.PerSegmentUnits)
		if class == "" {
			t.Errorf("%s: SmartAnalyze(%q).After.Segments = %d, calculator %d, unexplained", c.ID, c.Body, a.Segments, c.Smart.Segments)
			continue
		}
		classes[class]++
		if got != c.Body {
			classes[class+" (substituted body)"]++
		}
		t.Logf("%s: segments %d, calculator %d (%s)", c.ID, a.Segments, c.Smart.Segments, class)
	}
	t.Logf("%d bodies, %d changed by smart encoding; segment disagreements by class: %v", len(cases), changed, classes)
	if changed < 300 {
		t.Errorf("only %d bodies changed by smart encoding; the corpus should exercise all 271 entries", changed)
	}
}

// smartGoldenExplained names the known reason the core's segment count of a
// smart-encoded body can differ from the calculator's, or returns "". None
// has to do with smart encoding; each shows on bodies without substitutions
// too.
//   - "calculator packing": the calculator left a segment empty or filled
//     one past its capacity (67 units or 153 septets); it packs the parts
//     for a single segment first and moves characters when it adds the
//     headers, and a cluster that no longer fits is not moved on.
//   - "oversized cluster": a cluster longer than a segment, which the core
//     cuts between code points.
//   - "grapheme rules": the calculator splits graphemes by Unicode 10 rules
//     (grapheme-splitter 1.0.4), the core by Unicode 15 (rivo/uniseg); they
//     count a different number of characters in a UCS-2 body.
func smartGoldenExplained(a Analysis, calcChars int, calcPerSegment []int) string {
	if len(calcPerSegment) > 1 {
		capacity := MultiGSM7Septets
		if a.Encoding == EncodingUCS2 {
			capacity = MultiUCS2Units
		}
		for _, u := range calcPerSegment {
			if u == 0 || u > capacity {
				return "calculator packing"
			}
		}
	}
	if a.Encoding != EncodingUCS2 {
		return ""
	}
	for i := 0; i < len(a.body); {
		c := grapheme.Next(a.body, i)
		if c.Units > a.Capacity {
			return "oversized cluster"
		}
		i = c.End
	}
	if a.Characters != calcChars {
		return "grapheme rules"
	}
	return ""
}
