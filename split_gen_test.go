package sms

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// splitPieces are what the generated bodies are made of: plain and other
// ASCII, CR LF, letters of two and three bytes that are GSM-7 or not,
// punctuation of U+2000..U+2FFF, combining marks (Latin, Devanagari, Thai,
// Arabic), VS16, ZWJ, ZWSP (a control), emoji and their modifiers, regional
// indicators, Hangul jamo, a prepended mark, and invalid bytes.
var splitPieces = []string{
	"a", "b", " ", "Hello ", "{", "`", "\r", "\n", "\r\n", "\t",
	"é", "ü", "Ω", "ж", "ש", "ع", "क", "ท", "中", "€", "’", "—", "…", "№",
	"\u0301", "\u0302", "\u093F", "\u094D", "\u0E31", "\u064E", "\uFE0F", "\u200D", "\u200B",
	"❤", "☺", "😀", "👍", "\U0001F3FD", "🇫", "🇷", "👩", "\u1100", "\u1161", "\u11A8", "\u0600",
	"\xff", "\xe2\x80", "\xf0\x9f",
}

// TestSplitGeneratedMatchesReference checks every form of the split
// against the reference walk on bodies made of splitPieces, at random and
// with the rarer clusters (marks after a rune, a symbol and VS16, a mark
// after a control, marks then ZWJ or an emoji) at every offset around the
// first cut.
func TestSplitGeneratedMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var bodies []string
	for range 3000 {
		var b strings.Builder
		n := rng.IntN(320)
		// Few kinds of piece in one body, so that runs form.
		kinds := splitPieces[rng.IntN(len(splitPieces)):]
		kinds = kinds[:1+rng.IntN(min(len(kinds), 8))]
		for range n {
			if rng.IntN(4) == 0 {
				b.WriteString(splitPieces[rng.IntN(len(splitPieces))])
			} else {
				b.WriteString(kinds[rng.IntN(len(kinds))])
			}
		}
		bodies = append(bodies, b.String())
	}
	for _, cl := range []string{"क\u093F", "e\u0301\u0302", "❤\uFE0F", "\u200B\u0301", "e\u0301\u200D😀", "क\u093F😀", "😀\uFE0F", "\r\u0301", "ж\u0301\u0301"} {
		for k := range 72 {
			bodies = append(bodies,
				strings.Repeat("a", k)+cl+strings.Repeat("b", 80),
				strings.Repeat("ж", k)+cl+strings.Repeat("ж", 80),
				strings.Repeat("😀", k/2)+cl+strings.Repeat(cl, 40),
			)
		}
	}
	for _, body := range bodies {
		for _, o := range splitOptions {
			checkSplitAgainstRef(t, o, body)
		}
	}
}
