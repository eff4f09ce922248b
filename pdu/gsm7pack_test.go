package pdu

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/benchshape"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

// plainSeptet reports whether byte b is a plain character for packWords:
// one septet, equal to its ASCII code.
func plainSeptet(b byte) bool {
	if b >= 0x80 {
		return false
	}
	code, n := gsm7.Code(rune(b))
	return n == 1 && code == b && b >= 0x20
}

// randomSeptets returns n septets of GSM-7 text as the encoder writes them
// (an escape only before a code of the extension table) and the text. With
// plainly set, most characters are plain ASCII, so that whole words of them
// occur; otherwise every character of both tables is as likely.
func randomSeptets(r *rand.Rand, n int, plainly bool) ([]byte, string) {
	var basic, ext []byte
	for c := range 128 {
		if gsm7.Basic[c] >= 0 {
			basic = append(basic, byte(c))
		}
		if gsm7.Ext[c] >= 0 && c != gsm7.Escape {
			ext = append(ext, byte(c))
		}
	}
	septets := make([]byte, 0, n)
	var text strings.Builder
	for len(septets) < n {
		switch k := r.IntN(100); {
		case plainly && k < 90:
			c := byte(r.IntN(0x7B-0x20) + 0x20)
			for !plainSeptet(c) {
				c = byte(r.IntN(0x7B-0x20) + 0x20)
			}
			septets = append(septets, c)
			text.WriteByte(c)
		case len(septets)+2 <= n && (k < 97 && plainly || k < 10):
			c := ext[r.IntN(len(ext))]
			septets = append(septets, gsm7.Escape, c)
			text.WriteRune(gsm7.Ext[c])
		default:
			c := basic[r.IntN(len(basic))]
			septets = append(septets, c)
			text.WriteRune(gsm7.Basic[c])
		}
	}
	return septets, text.String()
}

// packAll packs all of text with packGSM7 after fill fill bits, starting
// with room for room octets and growing out as the encoder does.
func packAll(t *testing.T, text string, fill, room int) ([]byte, int) {
	t.Helper()
	out := make([]byte, room)
	var acc uint64
	nb := uint(fill)
	at, i, septets := 0, 0, 0
	for {
		next, n, end, a, b, st := packGSM7(out, at, text, i, 1<<30, acc, nb)
		i, septets, at, acc, nb = next, septets+n, end, a, b
		if st == packDone {
			break
		}
		if st != packNoRoom {
			t.Fatalf("packGSM7(%q) stopped at %d: %d", text, i, st)
		}
		out = growOut(out, at, 16)
	}
	if i != len(text) {
		t.Fatalf("packGSM7(%q) stopped at %d of %d", text, i, len(text))
	}
	if nb > 0 && septets > 0 {
		out[at] = byte(acc)
		at++
	}
	return out[:at], septets
}

// TestPackGSM7MatchesReference packs random septet strings of every length
// from 0 to 300 after every fill from 0 to 6 with the encoder's packer, from
// the text, and compares with the bit-at-a-time reference packer and
// AppendPacked.
func TestPackGSM7MatchesReference(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(11, 12))
		for n := 0; n <= 300; n++ {
			for fill := 0; fill < 7; fill++ {
				for _, tc := range []struct {
					name    string
					plainly bool
					room    int
				}{
					{name: "plain", plainly: true, room: 512},
					{name: "any", room: 512},
					{name: "plain, tight", plainly: true, room: 8},
				} {
					septets, text := randomSeptets(r, n, tc.plainly)
					want := packBits(septets, fill)
					got, count := packAll(t, text, fill, tc.room)
					if count != len(septets) || !bytes.Equal(got, want) {
						t.Fatalf("%s: packGSM7(%q, fill %d) = %d septets % X, want %d % X", tc.name, text, fill, count, got, len(septets), want)
					}
					if got := AppendPacked([]byte{0xAA}, septets, fill)[1:]; !bytes.Equal(got, want) {
						t.Fatalf("%s: AppendPacked(% X, fill %d) = % X, want % X", tc.name, septets, fill, got, want)
					}
				}
			}
		}
	})
}

// TestPackWordsStops checks that packWords stops at the word holding the
// first character that is not plain, whatever its place, and packs the
// words before it.
func TestPackWordsStops(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		base := strings.Repeat("Plain text, 42 words; no escapes? ", 4)[:96]
		for _, bad := range []string{"@", "$", "_", "{", "\n", "\r", "`", "\x7f", "é"} {
			for at := 0; at+len(bad) <= len(base); at++ {
				text := base[:at] + bad + base[at+len(bad):]
				out := make([]byte, 128)
				i, o := packWords(out, 0, text, 0, len(text)&^7)
				words := at / 8
				if bad == "é" && (at+1)/8 != words {
					words = at / 8 // the first byte of é already stops the word
				}
				if i != words*8 || o != words*7 {
					t.Fatalf("packWords(%q) = %d, %d; want %d, %d", text, i, o, words*8, words*7)
				}
				if want := packBits([]byte(text[:i]), 0); !bytes.Equal(out[:o], want) {
					t.Fatalf("packWords(%q) = % X, want % X", text, out[:o], want)
				}
			}
		}
	})
}

// TestPackBad checks packBad, and packWords on the word alone, on every
// byte at every place of a word, among plain and other bytes: the word is
// clean exactly when all its bytes are plain.
func TestPackBad(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		out := make([]byte, 16)
		for p := range 8 {
			for b := range 256 {
				for _, other := range []byte{'a', ' ', 'Z', '?', '0', 0x00, 0x24, 0x40, 0x7F, 0x80, 0xFF, '\n'} {
					word := bytes.Repeat([]byte{other}, 8)
					word[p] = byte(b)
					want := !plainSeptet(byte(b)) || !plainSeptet(other)
					if got := packBad(swar.Load64(string(word), 0)) != 0; got != want {
						t.Fatalf("packBad(% X) = %v, want %v", word, got, want)
					}
					i, o := packWords(out, 0, string(word), 0, 8)
					if got := i == 0; got != want || o != i/8*7 {
						t.Fatalf("packWords(% X) = %d, %d; want bad %v", word, i, o, want)
					}
					if !want && !bytes.Equal(out[:7], packBits(word, 0)) {
						t.Fatalf("packWords(% X) = % X, want % X", word, out[:7], packBits(word, 0))
					}
				}
			}
		}
	})
}

// TestSeptetTables checks the encoder's septet entries against gsm7.Code
// for every rune up to U+07FF and the euro sign.
func TestSeptetTables(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		checkSeptAt(t, r)
	}
	for _, r := range []rune{'€', 0x20AD, 0x20AB, 0x2000, 0xFFFD, 0x1F600} {
		checkSeptAt(t, r)
	}
	// Invalid UTF-8: not GSM-7.
	for _, s := range []string{"\x80", "\xC2", "\xC2A", "\xE2\x82", "\xE2\x82A", "\xFF", "\xC0\x80"} {
		if e, _ := septAt(s, 0); e != 0 {
			t.Fatalf("septAt(%q) = %#x, want 0", s, e)
		}
	}
}

func checkSeptAt(t *testing.T, r rune) {
	t.Helper()
	code, n := gsm7.Code(r)
	e, size := septAt(string(r), 0)
	if size > len(string(r)) {
		t.Fatalf("septAt(%U) size %d", r, size)
	}
	var want uint32
	switch n {
	case 1:
		want = 1<<septUnitsShift | 7<<septBitsShift | uint32(code)
	case 2:
		want = 2<<septUnitsShift | 14<<septBitsShift | uint32(code)<<7 | gsm7.Escape
	}
	if e != want || n > 0 && size != len(string(r)) {
		t.Fatalf("septAt(%U) = %#x, %d; want %#x, %d", r, e, size, want, len(string(r)))
	}
}

// refGSM7Parts builds the parts of a GSM-7 body from independent pieces:
// the segments of Split, the header of UDH.AppendTo and each segment's
// septets (the GSM7 encoder) packed by the bit-at-a-time reference packer.
func refGSM7Parts(t *testing.T, body string, o EncodeOptions) []Part {
	t.Helper()
	segs, err := o.core().Split(body)
	if err != nil {
		t.Fatalf("Split(%q): %v", body, err)
	}
	var parts []Part
	for k, sg := range segs {
		h := UDH{Concat: len(segs) > 1, Ref16: o.UDH16, Reference: o.Reference, Total: uint8(len(segs)), Sequence: uint8(k + 1)}
		hdr := h.AppendTo(nil)
		septets, err := GSM7.NewEncoder().String(sg.Text)
		if err != nil {
			t.Fatalf("GSM7 encoder(%q): %v", sg.Text, err)
		}
		fill := FillBits(len(hdr))
		ud := packBits([]byte(septets), fill)
		parts = append(parts, Part{UDH: hdr, UserData: ud, DCS: DCSGSM7, UDL: (8*len(hdr)+fill)/7 + len(septets), Segment: sg})
	}
	return parts
}

// gsm7Bodies returns GSM-7 bodies around the layouts' edges: one segment
// or two, more septets than bytes (extension characters) and more bytes
// than septets (accented letters), escapes at every cut, the benchmark
// shapes.
func gsm7Bodies() []string {
	var bodies []string
	for _, sh := range benchshape.All() {
		for _, b := range sh.Bodies {
			if sms.Analyze(b).Encoding == sms.EncodingGSM7 && len(b) < 20000 {
				bodies = append(bodies, b)
			}
		}
	}
	for _, n := range []int{0, 1, 7, 8, 9, 31, 32, 33, 150, 151, 152, 153, 154, 159, 160, 161, 305, 306, 307, 320, 321, 459, 460, 1000} {
		bodies = append(bodies, strings.Repeat("x", n), benchshape.Body("Plain words and digits 0123456789. ", n),
			benchshape.Body("é", n), benchshape.Body("{", n), benchshape.Body("ab{", n), benchshape.Body("Zoé's €5 ", n))
		for _, at := range []int{1, 7, 8, 9, 150, 151, 152, 153, 159, 160} {
			if at < n {
				for _, c := range []string{"{", "€", "é", "@", "$", "_", "\n", "\r\n", "\f"} {
					bodies = append(bodies, strings.Repeat("a", at-1)+c+strings.Repeat("b", n-at))
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(21, 22))
	for range 200 {
		_, text := randomSeptets(r, r.IntN(700), r.IntN(2) == 0)
		bodies = append(bodies, text)
	}
	return bodies
}

// TestEncodeGSM7MatchesReference checks every byte the packed default
// table encoder writes against parts built from the reference pieces, with
// bytes and parts already in the caller's slices, which must be kept.
func TestEncodeGSM7MatchesReference(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		for _, body := range gsm7Bodies() {
			for _, o := range []EncodeOptions{{}, {UDH16: true, Reference: 0xBEEF}, {Reference: 200, Encoding: sms.EncodingGSM7}} {
				want := refGSM7Parts(t, body, o)
				buf := append(make([]byte, 0, 8), "prefix"...)
				parts := append(make([]Part, 0, 1), Part{UDL: -7})
				buf, parts, err := o.AppendSegments(buf, parts, body)
				if err != nil {
					t.Fatalf("AppendSegments(%q, %+v): %v", body, o, err)
				}
				if string(buf[:6]) != "prefix" || parts[0].UDL != -7 || len(parts) != 1+len(want) {
					t.Fatalf("AppendSegments(%q, %+v): prefix %q, first part %+v, %d parts, want %d", body, o, buf[:6], parts[0], len(parts)-1, len(want))
				}
				for k, w := range want {
					g := parts[1+k]
					if !bytes.Equal(g.UDH, w.UDH) || !bytes.Equal(g.UserData, w.UserData) || g.DCS != w.DCS || g.UDL != w.UDL ||
						g.Unpacked || g.Segment != w.Segment {
						t.Fatalf("AppendSegments(%q, %+v) part %d =\n%+v, want\n%+v", body, o, k, g, w)
					}
				}
				// The parts lie one after the other after the prefix.
				at := 6
				for _, p := range parts[1:] {
					if len(p.UDH) > 0 && &p.UDH[0] != &buf[at] || len(p.UserData) > 0 && &p.UserData[0] != &buf[at+len(p.UDH)] {
						t.Fatalf("AppendSegments(%q, %+v): parts not laid out in order", body, o)
					}
					at += len(p.UDH) + len(p.UserData)
				}
				if at != len(buf) {
					t.Fatalf("AppendSegments(%q, %+v): %d octets, parts hold %d", body, o, len(buf), at)
				}
			}
		}
	})
}

// TestEncodeGSM7Fallback checks bodies that look GSM-7 up to a late
// character that is not, or not valid UTF-8: the caller's slices come back
// unchanged and the UCS-2 encoding (or the error) is what it would be
// without the GSM-7 attempt.
func TestEncodeGSM7Fallback(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		for _, n := range []int{0, 7, 159, 160, 161, 400, 2000} {
			for _, tail := range []string{"ş", "😀", "\x80", "\xE2\x82", "`", "\x01"} {
				body := benchshape.Body("Plain {words} é ", n) + tail
				for _, o := range []EncodeOptions{{}, {UDH16: true}, {Encoding: sms.EncodingGSM7}} {
					buf := append(make([]byte, 0, 4), "pre"...)
					parts := make([]Part, 0, 1)
					b, p, err := o.AppendSegments(buf, parts, body)
					if o.Encoding == sms.EncodingGSM7 || tail == "\x80" || tail == "\xE2\x82" {
						if err == nil {
							t.Fatalf("AppendSegments(%q, %+v): no error", body, o)
						}
						if string(b) != "pre" || len(p) != 0 {
							t.Fatalf("AppendSegments(%q, %+v) error %v changed the slices", body, o, err)
						}
						continue
					}
					if err != nil {
						t.Fatalf("AppendSegments(%q, %+v): %v", body, o, err)
					}
					wb, wp, werr := o.appendUCS2(append([]byte(nil), "pre"...), nil, body)
					if werr != nil || !bytes.Equal(b, wb) || len(p) != len(wp) {
						t.Fatalf("AppendSegments(%q, %+v) = %d octets, %d parts; UCS-2 alone %d, %d, %v", body, o, len(b), len(p), len(wb), len(wp), werr)
					}
				}
			}
		}
	})
}

// TestEncodeGSM7RoomBound checks the documented room: 16 octets plus the
// body's septets, and no allocation.
func TestEncodeGSM7RoomBound(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		for _, body := range gsm7Bodies() {
			for _, o := range []EncodeOptions{{}, {UDH16: true}} {
				a, err := o.core().Analyze(body)
				if err != nil || a.Encoding != sms.EncodingGSM7 || a.Segments > 255 {
					continue
				}
				buf := make([]byte, 0, 16+a.Units)
				parts := make([]Part, 0, a.Segments)
				allocs := testing.AllocsPerRun(3, func() {
					_, _, err = o.AppendSegments(buf[:0], parts[:0], body)
				})
				if err != nil || allocs != 0 {
					t.Fatalf("AppendSegments(%q, %+v) with %d octets of room: %v allocs, %v", body, o, cap(buf), allocs, err)
				}
			}
		}
	})
}

// TestEncodeGSM7TooManySegments checks the error for a GSM-7 body of more
// than 255 segments, and that such a body with a character that is not
// GSM-7 at its end is UCS-2's to refuse.
func TestEncodeGSM7TooManySegments(t *testing.T) {
	forEachPacker(t, func(t *testing.T) {
		for _, o := range []EncodeOptions{{}, {UDH16: true}} {
			for _, body := range []string{strings.Repeat("a", 153*255+1), strings.Repeat("Zoé {} ", 6000)} {
				segs, err := o.core().Split(body)
				if err != nil {
					t.Fatal(err)
				}
				buf := []byte("pre")
				b, p, err := o.AppendSegments(buf, nil, body)
				var oe *sms.OptionError
				if !errors.As(err, &oe) || oe.Value != strconv.Itoa(len(segs))+" segments (at most 255)" || string(b) != "pre" || len(p) != 0 {
					t.Fatalf("AppendSegments(%d bytes, %+v) = %q, %d parts, %v; want %d segments (at most 255)", len(body), o, b, len(p), err, len(segs))
				}
				_, _, err = o.AppendSegments(nil, nil, body+"ş")
				if !errors.As(err, &oe) || oe.Value == strconv.Itoa(len(segs))+" segments (at most 255)" {
					t.Fatalf("AppendSegments(%d bytes + ş, %+v) error %v, want UCS-2's", len(body), o, err)
				}
				o.Encoding = sms.EncodingGSM7
				if _, _, err := o.AppendSegments(nil, nil, body+"ş"); !errors.Is(err, sms.ErrNotGSM7) {
					t.Fatalf("AppendSegments(%d bytes + ş, %+v) error %v, want ErrNotGSM7", len(body), o, err)
				}
				o.Encoding = sms.EncodingAuto
			}
		}
	})
}
