package pdu

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
)

// ucs2Atoms are the pieces the generated UCS-2 bodies are made of: the
// text of the corpus (ASCII words, CR LF, smart quotes, dashes, accented
// letters, emoji with modifiers, VS16 and ZWJ, flags) and the edges of
// grapheme clustering (keycaps, lone regional indicators, marks after
// controls, Hangul jamo, prepended marks, tags, astral runes above the
// bitset, joiners at the end, invalid bytes).
var ucs2Atoms = []string{
	// ASCII words and punctuation, most of the text.
	"the ", "Your ", "order ", "has shipped", " ", " ", ". ", ", ", "!", "?", "(ok)", "'s", "12345", "tracking-no:",
	"a", "I", "we're ", "x", "Hello world, this is a longer run of plain words ", "\t", "~", "\x00", "\x7f",
	// Line breaks.
	"\r\n", "\n", "\r", "\r\r\n",
	// Latin-script punctuation and letters, one unit each.
	"\u2018", "\u2019", "\u201C", "\u201D", "\u2013", "\u2014", "\u2026", "€", "™", "№", "₽", "\u00A0", "\u00AD",
	"é", "ü", "ñ", "ç", "ß", "Ø", "Ł", "ő", "ș", "İ", "ğ", "Δ", "Ω", "я", "Ж", "ʼ", "ˆ", "ͻ",
	// Other scripts.
	"你好", "。", "한국어", "こんにちは", "שלום", "مرحبا", "नमस्ते", "क्षि", "สวัสดี", "กำ", "Привет, как дела? ",
	"Съешь же ещё этих мягких французских булок", "您的验证码是四八二一，请勿告诉任何人。", "Καλημέρα", "ÀÉÎÕÜàéîõü",
	// Combining marks.
	"e\u0301", "a\u0301\u0302", "\u0301", "n\u0303 ", "\u0308\u0308", "o\u20DD",
	// Emoji.
	"😀", "🎉", "🍕🍔", "👍\U0001F3FD", "👋\U0001F3FB", "❤\uFE0F", "☺\uFE0F", "✌\uFE0F", "\U0001F3FD",
	"👨\u200D👩\u200D👧", "👩\u200D💻", "🏳\uFE0F\u200D🌈", "👁\u200D🗨", "🧑\U0001F3FD\u200D🤝\u200D🧑\U0001F3FB",
	"😀\u200D", "😀\u200Da", "a\u200D😀", "\u200D", "\u200D😀", "😀\uFE0F\u200D", "😀\u0301\u200D😀",
	"😀\u0903\u200D😀",
	// Flags, regional indicators, keycaps, tags.
	"🇫🇷", "🇩🇪", "🇫", "🇺🇸🇬", "1\uFE0F\u20E3", "#\u20E3", "*\uFE0F\u20E3",
	"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "\U000E0100", "a\U000E0101",
	// Hangul jamo and syllables with trailing jamo.
	"\u1100\u1161\u11A8", "\uAC00\u11A8", "\u1161", "\u11A8", "\uD7B0", "\u1100", "\uAC01\u1161",
	// Prepend, controls followed by marks, format characters.
	"\u0600١", "\u0D4E", "\u0600", "\n\u0301", "\t\u0308", "\u200B", "\u200C", "\u2060", "\uFEFF", "\u061C",
	// Astral runes that are no emoji, above and below U+20000.
	"𝒜", "𠀀", "\U0002F800", "\U000F0000", "\U0010FFFD",
	// Noncharacters and the replacement character, valid UTF-8.
	"\uFFFD", "\uFFFF",
}

// ucs2BadAtoms are invalid UTF-8.
var ucs2BadAtoms = []string{"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf0\x9f\x98", "\xc0\x80", "\x80", "\xf4\x90\x80\x80", "\xe0\x9f\xbf", "\xc1\xbf", "\xee\x80", "\xf8"}

// ucs2Body makes a body of atoms, n of them on average; a few of them
// repeat one long cluster or run to reach past a segment.
func ucs2Body(r *rand.Rand, n int, bad bool) string {
	var b strings.Builder
	k := r.IntN(2*n + 1)
	for range k {
		switch x := r.IntN(200); {
		case x == 0:
			b.WriteString("a" + strings.Repeat("\u0301", 60+r.IntN(20)))
		case x == 1:
			b.WriteString(strings.Repeat("👨\u200D", 30+r.IntN(10)) + "👧")
		case x < 40:
			w := strings.Repeat("word ", 1+r.IntN(20))
			b.WriteString(w[:1+r.IntN(len(w))])
		default:
			b.WriteString(ucs2Atoms[r.IntN(len(ucs2Atoms))])
		}
	}
	if bad {
		s := b.String()
		at := r.IntN(len(s) + 1)
		return s[:at] + ucs2BadAtoms[r.IntN(len(ucs2BadAtoms))] + s[at:]
	}
	return b.String()
}

// ucs2Reference encodes body in UCS-2 the slow way: the segments of
// sms.Split, each written a code point at a time, the header octet by
// octet.
func ucs2Reference(buf []byte, parts []Part, body string, o EncodeOptions) ([]byte, []Part, error) {
	if !utf8.ValidString(body) {
		return buf, parts, ErrInvalidUTF8
	}
	segs, err := o.core().Split(body)
	if err != nil {
		return buf, parts, err
	}
	if len(segs) > 255 {
		return buf, parts, &sms.OptionError{Option: "body", Value: strconv.Itoa(len(segs)) + " segments (at most 255)"}
	}
	type span struct{ udh, data, end int }
	spans := make([]span, len(segs))
	for k, sg := range segs {
		spans[k].udh = len(buf)
		if len(segs) > 1 {
			if o.UDH16 {
				buf = append(buf, 6, 0x08, 4, byte(o.Reference>>8), byte(o.Reference))
			} else {
				buf = append(buf, 5, 0x00, 3, byte(o.Reference))
			}
			buf = append(buf, byte(len(segs)), byte(k+1))
		}
		spans[k].data = len(buf)
		for _, r := range sg.Text {
			if r >= 0x10000 {
				r1, r2 := utf16.EncodeRune(r)
				buf = append(buf, byte(r1>>8))
				buf = append(buf, byte(r1))
				buf = append(buf, byte(r2>>8))
				buf = append(buf, byte(r2))
				continue
			}
			buf = append(buf, byte(r>>8))
			buf = append(buf, byte(r))
		}
		spans[k].end = len(buf)
	}
	for k, sg := range segs {
		sp := spans[k]
		parts = append(parts, Part{UDH: buf[sp.udh:sp.data:sp.data], UserData: buf[sp.data:sp.end:sp.end],
			DCS: DCSUCS2, UDL: sp.end - sp.udh, Segment: sg})
	}
	return buf, parts, nil
}

// TestAppendUCS2MatchesReference compares AppendSegments with
// ucs2Reference on generated UCS-2 bodies, short and long, valid and not,
// with 8- and 16-bit references, after a prefix in the caller's slices;
// and, given exactly the room the parts take (for a single segment, that
// of the three concatenated parts it may be laid out as first), that it
// makes no allocation.
func TestAppendUCS2MatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	rounds := 30000
	if testing.Short() {
		rounds = 2000
	}
	opts := []EncodeOptions{
		{Encoding: sms.EncodingUCS2}, {Encoding: sms.EncodingUCS2, UDH16: true, Reference: 0xBEEF},
		{Reference: 7}, {UDH16: true, Reference: 300},
	}
	prefix := []byte("pre")
	prePart := Part{DCS: 0x55, UDL: 3}
	for round := range rounds {
		size := 8
		switch round % 10 {
		case 0:
			size = 120
		case 1:
			size = 40
		case 2:
			size = 2
		}
		if round%1000 == 999 {
			size = 9000 // past 255 segments, often
		}
		body := ucs2Body(rng, size, round%13 == 0)
		if round%3 == 1 {
			// A cluster is cut wrongly only where a segment ends: put the
			// first atoms at the first cut.
			body = strings.Repeat("x", 58+rng.IntN(10)) + body
		}
		o := opts[round%len(opts)]
		wb, wp, werr := ucs2Reference(append([]byte(nil), prefix...), []Part{prePart}, body, o)
		if o.Encoding == sms.EncodingAuto {
			if a := sms.Analyze(body); werr == nil && a.Encoding != sms.EncodingUCS2 {
				continue // GSM-7: not this test's path
			}
		}
		gb, gp, gerr := o.AppendSegments(append([]byte(nil), prefix...), []Part{prePart}, body)
		if (werr == nil) != (gerr == nil) || werr != nil && !errors.Is(gerr, werr) && gerr.Error() != werr.Error() {
			t.Fatalf("AppendSegments(%q, %+v) error %v, want %v", body, o, gerr, werr)
		}
		if gerr != nil {
			if !bytes.Equal(gb, prefix) || len(gp) != 1 || gp[0].UDL != prePart.UDL {
				t.Fatalf("AppendSegments(%q, %+v) error %v changed the slices: % x, %d parts", body, o, gerr, gb, len(gp))
			}
			continue
		}
		if !bytes.Equal(gb, wb) {
			t.Fatalf("AppendSegments(%q, %+v) =\n% x\nwant\n% x", body, o, gb, wb)
		}
		if len(gp) != len(wp) {
			t.Fatalf("AppendSegments(%q, %+v) = %d parts, want %d", body, o, len(gp), len(wp))
		}
		for k := range gp {
			g, w := gp[k], wp[k]
			if !bytes.Equal(g.UDH, w.UDH) || !bytes.Equal(g.UserData, w.UserData) || g.DCS != w.DCS || g.UDL != w.UDL ||
				g.Unpacked != w.Unpacked || g.Segment != w.Segment || cap(g.UDH) != len(g.UDH) || cap(g.UserData) != len(g.UserData) {
				t.Fatalf("AppendSegments(%q, %+v) part %d = %+v, want %+v", body, o, k, g, w)
			}
			if offsetIn(gb, g.UDH) != offsetIn(wb, w.UDH) || offsetIn(gb, g.UserData) != offsetIn(wb, w.UserData) {
				t.Fatalf("AppendSegments(%q, %+v) part %d does not point into the buffer where its bytes are", body, o, k)
			}
		}
		if round%7 == 0 && o.Encoding == sms.EncodingUCS2 { // the GSM-7 attempt of EncodingAuto wants room of its own
			room, partRoom := len(wb), len(wp)
			if len(wp) == 2 { // the prefix part and one
				// A single segment is laid out as concatenated parts
				// first: up to three of them, when a cluster larger than
				// a part is cut.
				room, partRoom = room+3*7, partRoom+2
			}
			buf := make([]byte, len(prefix), room)
			copy(buf, prefix)
			ps := make([]Part, 0, partRoom)
			run := func() { _, _, _ = o.AppendSegments(buf, ps, body) }
			allocs := testing.AllocsPerRun(3, run)
			if allocs != 0 {
				// Once more, longer: the runtime's stray allocations
				// (counted with the call's) average out; the call's own
				// do not.
				allocs = testing.AllocsPerRun(20, run)
			}
			if allocs != 0 {
				t.Fatalf("AppendSegments(%q, %+v) with %d octets of room: %v allocs", body, o, room, allocs)
			}
		}
	}
}

// offsetIn returns where sub starts in b, which holds it.
func offsetIn(b, sub []byte) int {
	if len(sub) == 0 {
		return 0
	}
	for i := range b {
		if &b[i] == &sub[0] {
			return i
		}
	}
	return -1
}
