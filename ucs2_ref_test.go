package sms

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// ucs2Result is what scanUCS2 returns, as one value.
type ucs2Result struct {
	units, chars, crlf, scalars, nonGSM, firstNonGSM, invalid, segs, last int
}

func scanUCS2Result(s string, capacity int) ucs2Result {
	var c ucs2Result
	c.units, c.chars, c.crlf, c.scalars, c.nonGSM, c.firstNonGSM, c.invalid, c.segs, c.last = scanUCS2(s, capacity)
	return c
}

// refScanUCS2 is scanUCS2 done the slow way: the clusters of rivo/uniseg
// (refClusters), CR LF counted as two, each cluster packed whole unless it
// is larger than a segment, which is cut between code points.
func refScanUCS2(s string, capacity int) ucs2Result {
	c := ucs2Result{firstNonGSM: -1, segs: 1}
	place := func(u int) {
		if c.last+u > capacity {
			c.segs++
			c.last = 0
		}
		c.last += u
	}
	add := func(off int, cl string) {
		units, scalars, invalid := 0, 0, 0
		var first rune
		for k := 0; k < len(cl); {
			r, n := utf8.DecodeRuneInString(cl[k:])
			if r == utf8.RuneError && n == 1 {
				invalid++
			}
			if k == 0 {
				first = r
			}
			if r >= 0x10000 {
				units += 2
			} else {
				units++
			}
			scalars++
			k += n
		}
		if units <= capacity {
			place(units)
		} else {
			for _, r := range cl {
				if r >= 0x10000 {
					place(2)
				} else {
					place(1)
				}
			}
		}
		if scalars != 1 || invalid != 0 || GSM7Septets(first) == 0 {
			if c.nonGSM == 0 {
				c.firstNonGSM = off
			}
			c.nonGSM++
		}
		c.units += units
		c.chars++
		c.scalars += scalars
		c.invalid += invalid
	}
	for _, rg := range refClusters(s) {
		if cl := s[rg[0]:rg[1]]; cl == "\r\n" {
			add(rg[0], "\r")
			add(rg[0]+1, "\n")
			c.crlf++
		} else {
			add(rg[0], cl)
		}
	}
	return c
}

// ucs2Pieces are what the generated bodies of TestScanUCS2MatchesReference
// are made of, the first ones most often: the words and punctuation of
// Latin-script text, emoji and their sequences, and the runes that join or
// break them.
var ucs2Pieces = []string{
	"Hello", " ", "your code is ", "4821", ". ", ", ", "!", "Don't", "https://x.example/a1",
	"“", "”", "’", "–", "—", "…", "€", "£", "é", "ü", "ñ", "ß", "Ç", "ğ", "İ", "ı", "№", "™", "₽", "©", "‼",
	"😀", "🎉", "🍕", "👍", "❤", "✨", "☀", "⭐", "✈", "🏳", "🧑", "💻", "🌈", "👨", "👩", "👧",
	"🏻", "🏽", "🏿", "\uFE0F", "\uFE0E", "\u200D", "\u20E3", "1\uFE0F\u20E3", "#\uFE0F\u20E3",
	"🇺", "🇸", "🇫", "🇷", "🇺🇸", "🏴", "\U000E0067", "\U000E0062", "\U000E007F", "\U000E0020",
	"👨\u200D👩\u200D👧", "🏳\uFE0F\u200D🌈", "🧑\u200D💻", "👍🏽", "❤\uFE0F", "\u200D\u200D",
	"\r\n", "\r", "\n", "\t", "`", "\x7f", "@", "[", "_", "\x00",
	"\u0301", "\u0308", "e\u0301", "\u0903", "\u093F", "क", "ก", "\u0E31", "\u0600", "\U000110BD",
	"\u1100", "\u1161", "\u11A8", "한", "Д", "Ω", "α", "你", "\u200C", "\u200B", "\u2028", "\uFEFF",
	"𝐀", "𠀀", "\U0001D165", "𓀀", "\U0001FFFD", "\U0001F000",
	"\xff", "\xc3", "\xe2\x80", "\xe2", "\xf0\x9f", "\xf0\x9f\x98", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf",
}

// genUCS2Body builds a body of pieces, most of them from the head of the
// list, and starts a third of them with an emoji.
func genUCS2Body(rng *rand.Rand) string {
	var b strings.Builder
	n := 1 + rng.IntN(40)
	if rng.IntN(3) == 0 {
		b.WriteString(ucs2Pieces[31+rng.IntN(20)])
	}
	for range n {
		var p string
		switch rng.IntN(4) {
		case 0, 1:
			p = ucs2Pieces[rng.IntN(31)]
		case 2:
			p = ucs2Pieces[31+rng.IntN(40)]
		default:
			p = ucs2Pieces[rng.IntN(len(ucs2Pieces))]
		}
		b.WriteString(p)
	}
	return b.String()
}

// TestScanUCS2MatchesReference compares scanUCS2 field by field with
// refScanUCS2 on generated bodies at several capacities, and Analyze on
// those that are not GSM-7.
// SMS_UCS2REF_N sets how many bodies (default 5,000; 500 with -short).
func TestScanUCS2MatchesReference(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	if v, err := strconv.Atoi(os.Getenv("SMS_UCS2REF_N")); err == nil {
		n = v
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	capacities := []int{67, 66, 70, 8, 5, 3, 2}
	for i := range n {
		s := genUCS2Body(rng)
		for _, capacity := range capacities {
			if got, want := scanUCS2Result(s, capacity), refScanUCS2(s, capacity); got != want {
				t.Fatalf("body %d, scanUCS2(%+q, %d) =\n%+v, want\n%+v", i, s, capacity, got, want)
			}
		}
		for _, o := range []Options{{}, {UDH16: true}} {
			a, _ := o.Analyze(s)
			if a.Encoding != EncodingUCS2 {
				continue
			}
			want := refScanUCS2(s, (userDataBits-8*o.udhOctets())/16)
			if a.Units <= SingleUCS2Units {
				want.segs, want.last = 1, want.units
			}
			got := ucs2Result{units: a.Units, chars: a.Characters, crlf: a.Characters - a.Graphemes, scalars: a.Scalars,
				nonGSM: a.NonGSM, firstNonGSM: a.FirstNonGSM, invalid: a.Invalid, segs: a.Segments, last: a.LastUnits}
			if got != want {
				t.Fatalf("body %d, %+v.Analyze(%+q) =\n%+v, want\n%+v", i, o, s, got, want)
			}
		}
	}
}
