package sms

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// marksPieces are what the generated bodies of
// TestScanUCS2MarksMatchesReference are made of: the letters and combining
// marks of the scripts textRuns takes (Arabic, Devanagari, Thai), the ASCII
// it takes between them, and the runes it stops at or before.
var marksPieces = []string{
	// Letters, marks, and the ASCII between words.
	"क", "र", "\u093F", "\u094D", "\u0903", "\u0902", "ก", "น", "\u0E31", "\u0E48", "\u0E33", "ت", "م", "\u064E", "\u0651",
	" ", " ", "7", ".", ":", "।", "₹",
	// What it stops at or before.
	"\n", "\r", "`", "\x00", "\u0600", "\u200D", "\u200C", "\u200B", "\u061C", "\u2028", "\uFEFF", "€", "é", "α", "Д", "你",
	"\u1161", "\U0001D165", "😀", "🏽", "\xff", "\xe0\xa4", "\xe0", "\xed\xa0\x80", "\xc0\xaf", "\u0301",
}

// genMarksBody builds a body of marksPieces, most of them from the first
// 22, starting with a letter or a mark of those scripts.
func genMarksBody(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString(marksPieces[rng.IntN(15)])
	for range rng.IntN(120) {
		if rng.IntN(8) == 0 {
			b.WriteString(marksPieces[rng.IntN(len(marksPieces))])
		} else {
			b.WriteString(marksPieces[rng.IntN(22)])
		}
	}
	return b.String()
}

// TestScanUCS2MarksMatchesReference compares scanUCS2 field by field with
// refScanUCS2 on generated bodies of letters and combining marks at several
// capacities, small ones included, so that clusters of many marks meet
// segment ends and what stops textRuns comes after them.
// SMS_UCS2REF_N sets how many bodies (default 5,000; 500 with -short).
func TestScanUCS2MarksMatchesReference(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	if v, err := strconv.Atoi(os.Getenv("SMS_UCS2REF_N")); err == nil {
		n = v
	}
	rng := rand.New(rand.NewPCG(2, uint64(n)))
	for i := range n {
		s := genMarksBody(rng)
		for _, capacity := range []int{67, 70, 8, 5, 4, 3, 2} {
			if got, want := scanUCS2Result(s, capacity), refScanUCS2(s, capacity); got != want {
				t.Fatalf("body %d, scanUCS2(%+q, %d) =\n%+v, want\n%+v", i, s, capacity, got, want)
			}
		}
	}
}

// TestTextRunsMost runs the bodies of TestScanUCS2MarksMatchesReference with
// textRuns taking a few bytes at a time, as it takes 2 GiB at a time on
// longer bodies, so that its stops at the end of such a piece are checked.
func TestTextRunsMost(t *testing.T) {
	defer func(most int) { textRunsMost = most }(textRunsMost)
	rng := rand.New(rand.NewPCG(3, 0))
	for i := range 20000 {
		s := genMarksBody(rng)
		textRunsMost = 1 + i%16
		for _, capacity := range []int{67, 8, 5, 3, 2} {
			if got, want := scanUCS2Result(s, capacity), refScanUCS2(s, capacity); got != want {
				t.Fatalf("body %d, most %d: scanUCS2(%+q, %d) =\n%+v, want\n%+v", i, textRunsMost, s, capacity, got, want)
			}
		}
	}
}
