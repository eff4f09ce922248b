package pdu

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/swar"
)

func upperHex(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }

func TestDefaultTablesMatchCore(t *testing.T) {
	// The national language data file repeats the default alphabet; it must
	// agree with the core's GSM-7 table, which comes from another data file.
	if nlLocking[0] != gsm7.Basic {
		t.Error("default locking table of testdata/nationallang.tsv differs from gsm7.Basic")
	}
	if nlSingle[0] != gsm7.Ext {
		t.Error("default extension table of testdata/nationallang.tsv differs from gsm7.Ext")
	}
}

func TestEncodeSegmentsVectors(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		o        EncodeOptions
		udh      []string
		userData []string
		udl      []int
		dcs      byte
	}{
		{name: "hellohello", body: "hellohello", udh: []string{""}, userData: []string{"E8329BFD4697D9EC37"}, udl: []int{10}},
		{name: "empty", body: "", udh: []string{""}, userData: []string{""}, udl: []int{0}},
		{name: "extension char", body: "€", udh: []string{""}, userData: []string{"9B32"}, udl: []int{2}},
		{name: "unpacked", body: "@£$_{", o: EncodeOptions{Unpacked: true}, udh: []string{""},
			userData: []string{"000102111B28"}, udl: []int{6}},
		{name: "ucs2", body: "şa😀", udh: []string{""}, userData: []string{"015F0061D83DDE00"}, udl: []int{8}, dcs: DCSUCS2},
		{name: "turkish single shift", body: "ş", o: EncodeOptions{Languages: []Language{LanguageSpanish, LanguageTurkish}, Encoding: sms.EncodingGSM7},
			// GSM-7 was forced; the single shift table alone wins the tie with the locking table:
			// header 03 24 01 01 (4 octets, 3 fill bits), then ESC 0x73 packed: D8 CC 01, UDL 5+2.
			udh: []string{"03240101"}, userData: []string{"D8CC01"}, udl: []int{7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parts, err := EncodeSegments(tc.body, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if len(parts) != len(tc.udh) {
				t.Fatalf("EncodeSegments(%q) = %d parts, want %d", tc.body, len(parts), len(tc.udh))
			}
			for i, p := range parts {
				if upperHex(p.UDH) != tc.udh[i] || upperHex(p.UserData) != tc.userData[i] || p.UDL != tc.udl[i] || p.DCS != tc.dcs {
					t.Errorf("part %d = UDH %s UD %s UDL %d DCS %#x, want %s %s %d %#x", i,
						upperHex(p.UDH), upperHex(p.UserData), p.UDL, p.DCS, tc.udh[i], tc.userData[i], tc.udl[i], tc.dcs)
				}
			}
			if got, err := Reassemble(parts); err != nil || got != tc.body {
				t.Fatalf("Reassemble = %q, %v, want %q", got, err, tc.body)
			}
		})
	}
}

func TestEncodeSegmentsConcatenated(t *testing.T) {
	body := strings.Repeat("a", 161)
	parts, err := EncodeSegments(body, EncodeOptions{Reference: 0x42})
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 {
		t.Fatalf("%d parts, want 2", len(parts))
	}
	for i, want := range []string{"050003420201", "050003420202"} {
		if got := upperHex(parts[i].UDH); got != want {
			t.Errorf("part %d UDH = %s, want %s", i, got, want)
		}
	}
	// 153 septets after a 6-octet header and one fill bit.
	if want := packBits(bytes.Repeat([]byte{'a'}, 153), 1); !bytes.Equal(parts[0].UserData, want) {
		t.Errorf("part 0 user data = % X, want % X", parts[0].UserData, want)
	}
	if parts[0].UDL != 160 || parts[1].UDL != 7+8 {
		t.Errorf("UDL = %d, %d, want 160, 15", parts[0].UDL, parts[1].UDL)
	}
	if n := len(parts[0].UDH) + len(parts[0].UserData); n != 140 {
		t.Errorf("part 0 carries %d octets, want 140", n)
	}
	// 16-bit reference: 152 septets, no fill bits.
	parts, err = EncodeSegments(body, EncodeOptions{UDH16: true, Reference: 0xBEEF})
	if err != nil {
		t.Fatal(err)
	}
	if got := upperHex(parts[0].UDH); got != "06080"+"4BEEF0201" {
		t.Errorf("UDH16 part 0 UDH = %s", got)
	}
	if want := packBits(bytes.Repeat([]byte{'a'}, 152), 0); !bytes.Equal(parts[0].UserData, want) {
		t.Errorf("UDH16 part 0 user data = % X, want % X", parts[0].UserData, want)
	}
	if parts[0].UDL != 160 {
		t.Errorf("UDH16 UDL = %d, want 160", parts[0].UDL)
	}
}

func TestEncodeOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		o    EncodeOptions
		want error
	}{
		{name: "reference above 255", body: "hi", o: EncodeOptions{Reference: 256}, want: sms.ErrInvalidOption},
		{name: "bad encoding", body: "hi", o: EncodeOptions{Encoding: 7}, want: sms.ErrInvalidOption},
		{name: "bad language", body: "hi", o: EncodeOptions{Languages: []Language{14}}, want: ErrUnknownLanguage},
		{name: "none language", body: "hi", o: EncodeOptions{Languages: []Language{LanguageNone}}, want: ErrUnknownLanguage},
		{name: "forced GSM-7", body: "ş", o: EncodeOptions{Encoding: sms.EncodingGSM7}, want: sms.ErrNotGSM7},
		{name: "forced GSM-7 with Spanish", body: "ş", o: EncodeOptions{Encoding: sms.EncodingGSM7, Languages: []Language{LanguageSpanish}}, want: sms.ErrNotGSM7},
		{name: "invalid UTF-8", body: "a\xffb", want: ErrInvalidUTF8},
		{name: "invalid UTF-8 forced GSM-7", body: "a\xffb", o: EncodeOptions{Encoding: sms.EncodingGSM7}, want: ErrInvalidUTF8},
		{name: "invalid UTF-8 with languages", body: "a\xffb", o: EncodeOptions{Languages: []Language{LanguageTurkish}}, want: ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf := []byte("keep")
			parts := []Part{{DCS: 9}}
			b, ps, err := tc.o.AppendSegments(buf, parts, tc.body)
			if !errors.Is(err, tc.want) {
				t.Fatalf("AppendSegments error = %v, want %v", err, tc.want)
			}
			if string(b) != "keep" || len(ps) != 1 || ps[0].DCS != 9 {
				t.Fatalf("AppendSegments changed its inputs on error: %q, %d parts", b, len(ps))
			}
			if !strings.HasPrefix(err.Error(), "pdu: ") && !strings.HasPrefix(err.Error(), "sms: ") {
				t.Fatalf("error %q does not start with pdu: or sms: ", err)
			}
		})
	}
}

// wireBodies returns bodies that exercise the segment edges: extension
// characters across boundaries, non-GSM characters, emoji and clusters.
func wireBodies() []string {
	bodies := []string{
		"", "a", "hellohello", strings.Repeat("a", 160), strings.Repeat("a", 161),
		strings.Repeat("a", 152) + "€" + strings.Repeat("b", 20),
		strings.Repeat("a", 153) + "{}", strings.Repeat("€", 80), strings.Repeat("€", 81),
		strings.Repeat("@$_ ", 100), "line\r\nbreak\n", strings.Repeat("ş", 70), strings.Repeat("ş", 71),
		strings.Repeat("😀", 34) + "a", strings.Repeat("a😀", 50), strings.Repeat("é", 200),
		strings.Repeat("e\u0301", 40), strings.Repeat("👨‍👩‍👧‍👦", 20), "Ça va? Ñandú ÄÖÜ äöü ß ΔΦΓΛΩΠΨΣΘΞ",
		strings.Repeat("Şu an İstanbul'da çok güzel bir gün, ağaçlar yeşil. ", 6),
		strings.Repeat("नमस्ते दुनिया ", 20), strings.Repeat("Olá, você está aí? ", 12),
		strings.Repeat("¿Qué tal? Sí, está bien. ", 10), strings.Repeat("|^€", 70),
	}
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"a", "b", " ", "@", "€", "{", "\n", "\r\n", "é", "Ç", "ş", "ğ", "İ", "😀", "e\u0301", "á", "ú", "ñ", "ç", "क", "ि", "ا"}
	for n := 0; n < 60; n++ {
		var b strings.Builder
		k := r.IntN(400)
		for i := 0; i < k; i++ {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		bodies = append(bodies, b.String())
	}
	return bodies
}

func wireOptions() []EncodeOptions {
	return []EncodeOptions{
		{}, {UDH16: true, Reference: 0x1234}, {Unpacked: true, Reference: 9}, {UDH16: true, Unpacked: true},
		{Encoding: sms.EncodingUCS2}, {Encoding: sms.EncodingGSM7},
		{Languages: []Language{LanguageTurkish}}, {Languages: []Language{LanguageSpanish, LanguagePortuguese}, Unpacked: true},
		{Languages: []Language{LanguageHindi, LanguageTurkish, LanguageUrdu}, UDH16: true, Reference: 999},
		{Languages: []Language{LanguageTurkish, LanguageSpanish, LanguagePortuguese, LanguageBengali, LanguageGujarati, LanguageHindi,
			LanguageKannada, LanguageMalayalam, LanguageOriya, LanguagePunjabi, LanguageTamil, LanguageTelugu, LanguageUrdu}},
		{Encoding: sms.EncodingGSM7, Languages: []Language{LanguageTurkish, LanguageSpanish}},
	}
}

// TestEncodeSegmentsMatchesSplit checks that the encoder splits exactly as
// Split, and that every part carries a whole segment.
func TestEncodeSegmentsMatchesSplit(t *testing.T) {
	for _, body := range wireBodies() {
		for _, o := range wireOptions() {
			parts, err := EncodeSegments(body, o)
			if len(o.Languages) > 0 {
				continue // checked by TestPlanSegments
			}
			segs, serr := o.core().Split(body)
			if (err == nil) != (serr == nil) {
				t.Fatalf("EncodeSegments(%q, %+v) error %v, Split error %v", body, o, err, serr)
			}
			if err != nil {
				continue
			}
			if len(parts) != len(segs) {
				t.Fatalf("EncodeSegments(%q, %+v) = %d parts, Split = %d", body, o, len(parts), len(segs))
			}
			for i := range segs {
				if parts[i].Segment != segs[i] {
					t.Fatalf("EncodeSegments(%q, %+v) part %d = %+v, Split = %+v", body, o, i, parts[i].Segment, segs[i])
				}
			}
		}
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, body := range wireBodies() {
		for _, o := range wireOptions() {
			parts, err := EncodeSegments(body, o)
			if err != nil {
				if errors.Is(err, sms.ErrNotGSM7) && o.Encoding == sms.EncodingGSM7 {
					continue
				}
				t.Fatalf("EncodeSegments(%q, %+v): %v", body, o, err)
			}
			checkParts(t, body, o, parts)
			// Any order.
			rev := append([]Part(nil), parts...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if got, err := Reassemble(rev); err != nil || got != body {
				t.Fatalf("Reassemble(reversed EncodeSegments(%q, %+v)) = %q, %v", body, o, got, err)
			}
		}
	}
}

// checkParts verifies the invariants of encoded parts and the round trip.
func checkParts(t *testing.T, body string, o EncodeOptions, parts []Part) {
	t.Helper()
	var text strings.Builder
	for i, p := range parts {
		text.WriteString(p.Segment.Text)
		if p.Segment.Index != i {
			t.Fatalf("part %d has index %d", i, p.Segment.Index)
		}
		if p.Segment.Units > p.Segment.Capacity {
			t.Fatalf("part %d holds %d units, capacity %d", i, p.Segment.Units, p.Segment.Capacity)
		}
		if !o.Unpacked || p.DCS == DCSUCS2 {
			if n := len(p.UDH) + len(p.UserData); n > 140 {
				t.Fatalf("EncodeSegments(%q, %+v) part %d is %d octets, over 140", body, o, i, n)
			}
		}
		h, n, err := ParseUDH(append(append([]byte{}, p.UDH...), 0))
		if len(p.UDH) > 0 && (err != nil || n != len(p.UDH)) {
			t.Fatalf("part %d UDH % X does not parse: %v", i, p.UDH, err)
		}
		if len(parts) > 1 && (!h.Concat || int(h.Sequence) != i+1 || int(h.Total) != len(parts) || h.Reference != o.Reference || h.Ref16 != o.UDH16) {
			t.Fatalf("part %d UDH %+v does not match %d parts, options %+v", i, h, len(parts), o)
		}
	}
	if text.String() != body {
		t.Fatalf("segments of %q join to %q", body, text.String())
	}
	if got, err := Reassemble(parts); err != nil || got != body {
		t.Fatalf("Reassemble(EncodeSegments(%q, %+v)) = %q, %v", body, o, got, err)
	}
	// AppendSegment gives the same bytes, one segment at a time.
	p, err := o.Plan(body)
	if err != nil {
		t.Fatalf("Plan(%q): %v", body, err)
	}
	if p.Segments != len(parts) {
		t.Fatalf("Plan(%q, %+v).Segments = %d, want %d", body, o, p.Segments, len(parts))
	}
	for i := range parts {
		_, one, err := p.AppendSegment([]byte("x"), i)
		if err != nil {
			t.Fatalf("AppendSegment(%d): %v", i, err)
		}
		if !bytes.Equal(one.UDH, parts[i].UDH) || !bytes.Equal(one.UserData, parts[i].UserData) ||
			one.UDL != parts[i].UDL || one.DCS != parts[i].DCS || one.Segment != parts[i].Segment {
			t.Fatalf("AppendSegment(%q, %d) = %+v, AppendSegments gave %+v", body, i, one, parts[i])
		}
	}
}

func TestPlanTurkishCheaperThanUCS2(t *testing.T) {
	body := strings.Repeat("Şu an İstanbul'da güzel bir gün; ağaçlar yeşil, çiçekler açık. ", 3)[:200]
	for !strings.HasSuffix(body, " ") && len(body) > 0 {
		body = body[:len(body)-1]
	}
	a := sms.Analyze(body)
	if a.Encoding != sms.EncodingUCS2 || a.Segments != 3 {
		t.Fatalf("sms.Analyze(%q) = %v, %d segments, want UCS-2, 3", body, a.Encoding, a.Segments)
	}
	o := EncodeOptions{Languages: []Language{LanguageTurkish}}
	p, err := o.Plan(body)
	if err != nil {
		t.Fatal(err)
	}
	if p.Segments != 2 || p.Encoding != sms.EncodingGSM7 || p.Locking|p.Single != LanguageTurkish {
		t.Fatalf("Plan(%q) = %+v, want GSM-7 with a Turkish table, 2 segments", body, p)
	}
	if p.UDHOctets != 9 || p.Capacity != 149 {
		t.Fatalf("Plan UDH %d octets, capacity %d, want 9, 149", p.UDHOctets, p.Capacity)
	}
	if !strings.Contains(p.Reason, "Turkish") || !strings.Contains(p.Reason, "instead of 3 in UCS-2") {
		t.Fatalf("Plan.Reason = %q", p.Reason)
	}
	// Off by default: the same body stays UCS-2.
	if p0, _ := (EncodeOptions{}).Plan(body); p0.Encoding != sms.EncodingUCS2 || p0.Segments != 3 {
		t.Fatalf("Plan without languages = %+v", p0)
	}
	parts, err := EncodeSegments(body, o)
	if err != nil || len(parts) != 2 {
		t.Fatalf("EncodeSegments = %d parts, %v", len(parts), err)
	}
	if got := upperHex(parts[0].UDH); got != "080003000201240101" {
		t.Fatalf("UDH = %s, want 080003000201240101 (single shift wins the tie with the locking table)", got)
	}
	checkParts(t, body, o, parts)
}

func TestPlanCapacities(t *testing.T) {
	tests := []struct {
		name              string
		body              string
		o                 EncodeOptions
		segments, cap, hl int
		lock, single      Language
	}{
		// ş is in the Turkish locking table: one element, 4-octet header.
		{name: "lock single segment", body: strings.Repeat("ş", 155), o: EncodeOptions{Languages: []Language{LanguageTurkish}},
			segments: 1, cap: 155, hl: 4, lock: LanguageTurkish},
		{name: "lock two segments", body: strings.Repeat("ş", 156), o: EncodeOptions{Languages: []Language{LanguageTurkish}},
			segments: 2, cap: 149, hl: 9, lock: LanguageTurkish},
		{name: "lock UDH16", body: strings.Repeat("ş", 156), o: EncodeOptions{UDH16: true, Languages: []Language{LanguageTurkish}},
			segments: 2, cap: 148, hl: 10, lock: LanguageTurkish},
		// Spanish has no locking table: á is an escape pair.
		{name: "spanish single", body: strings.Repeat("á", 77), o: EncodeOptions{Languages: []Language{LanguageSpanish}},
			segments: 1, cap: 155, hl: 4, single: LanguageSpanish},
		{name: "spanish two", body: strings.Repeat("a", 200) + "á", o: EncodeOptions{Languages: []Language{LanguageSpanish}},
			segments: 2, cap: 149, hl: 9, single: LanguageSpanish},
		// Both tables: ê from the Portuguese locking table, ş from the Turkish single shift table.
		{name: "two tables", body: strings.Repeat("êş", 50), o: EncodeOptions{Languages: []Language{LanguagePortuguese, LanguageTurkish}},
			segments: 1, cap: 152, hl: 7, lock: LanguagePortuguese, single: LanguageTurkish},
		{name: "two tables multi", body: strings.Repeat("a", 200) + "êş", o: EncodeOptions{Languages: []Language{LanguagePortuguese, LanguageTurkish}},
			segments: 2, cap: 146, hl: 12, lock: LanguagePortuguese, single: LanguageTurkish},
		{name: "two tables multi UDH16", body: strings.Repeat("a", 200) + "êş", o: EncodeOptions{UDH16: true, Languages: []Language{LanguagePortuguese, LanguageTurkish}},
			segments: 2, cap: 145, hl: 13, lock: LanguagePortuguese, single: LanguageTurkish},
		// The Portuguese locking table holds | ^ € in one septet each.
		{name: "locking beats escapes", body: strings.Repeat("|", 100), o: EncodeOptions{Languages: []Language{LanguagePortuguese}},
			segments: 1, cap: 155, hl: 4, lock: LanguagePortuguese},
		{name: "default wins ties", body: strings.Repeat("|", 80), o: EncodeOptions{Languages: []Language{LanguagePortuguese}},
			segments: 1, cap: 160, hl: 0},
		{name: "UCS-2 wins ties", body: strings.Repeat("ş", 70), o: EncodeOptions{Languages: []Language{LanguageTurkish}},
			segments: 1, cap: 70, hl: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.o.Plan(tc.body)
			if err != nil {
				t.Fatal(err)
			}
			if p.Segments != tc.segments || p.Capacity != tc.cap || p.UDHOctets != tc.hl || p.Locking != tc.lock || p.Single != tc.single {
				t.Fatalf("Plan = %d segments, capacity %d, UDH %d, %v/%v; want %d, %d, %d, %v/%v (%s)",
					p.Segments, p.Capacity, p.UDHOctets, p.Locking, p.Single, tc.segments, tc.cap, tc.hl, tc.lock, tc.single, p.Reason)
			}
			parts, err := EncodeSegments(tc.body, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if len(parts) != p.Segments || len(parts[0].UDH) != p.UDHOctets {
				t.Fatalf("EncodeSegments = %d parts, UDH %d octets", len(parts), len(parts[0].UDH))
			}
			checkParts(t, tc.body, tc.o, parts)
		})
	}
}

// TestPlanSegments checks the national language walk against a plain
// count and the segment invariants.
func TestPlanSegments(t *testing.T) {
	for _, body := range wireBodies() {
		for _, o := range wireOptions() {
			p, err := o.Plan(body)
			if err != nil {
				continue
			}
			n, units := 0, 0
			for s := range p.SplitSeq() {
				if s.Index != n || s.Units > s.Capacity || s.Capacity != p.Capacity {
					t.Fatalf("Plan(%q, %+v) segment %+v", body, o, s)
				}
				n++
				units += s.Units
			}
			if n != p.Segments || units != p.Units {
				t.Fatalf("Plan(%q, %+v) walks %d segments, %d units; says %d, %d", body, o, n, units, p.Segments, p.Units)
			}
		}
	}
}

func TestAppendSegmentsZeroAlloc(t *testing.T) {
	tests := []struct {
		name string
		body string
		o    EncodeOptions
	}{
		{name: "GSM-7", body: strings.Repeat("Hello world, this is a test of the wire encoder! ", 32)},
		{name: "GSM-7 unpacked", body: strings.Repeat("Hello {world}, € ", 80), o: EncodeOptions{Unpacked: true}},
		{name: "UCS-2", body: strings.Repeat("Привет, мир 😀 ", 100)},
		{name: "Turkish", body: strings.Repeat("Şu an İstanbul'da güzel bir gün. ", 40), o: EncodeOptions{Languages: []Language{LanguageTurkish}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf := make([]byte, 0, 8192)
			parts := make([]Part, 0, 32)
			allocs := testing.AllocsPerRun(20, func() {
				var err error
				buf, parts, err = tc.o.AppendSegments(buf[:0], parts[:0], tc.body)
				if err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Fatalf("AppendSegments(%s) = %v allocs, want 0", tc.name, allocs)
			}
			p, err := tc.o.Plan(tc.body)
			if err != nil {
				t.Fatal(err)
			}
			one := make([]byte, 0, 1024)
			allocs = testing.AllocsPerRun(20, func() {
				one, _, err = p.AppendSegment(one[:0], p.Segments-1)
				if err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Fatalf("AppendSegment(%s) = %v allocs, want 0", tc.name, allocs)
			}
		})
	}
}

func TestNonPlain(t *testing.T) {
	plain := func(b byte) bool {
		return b >= 0x20 && b < 0x80 && gsm7.ASCII[b] == 1 && gsm7.ASCIICode[b] == b
	}
	for p := 0; p < 8; p++ {
		for b := 0; b < 256; b++ {
			for _, above := range []byte{'a', 0xFF, 0x00, '{'} {
				word := []byte("aaaaaaaa")
				word[p] = byte(b)
				for k := p + 1; k < 8; k++ {
					word[k] = above
				}
				m := nonPlain(swar.Load64(string(word), 0))
				first := 8
				if m != 0 {
					first = 0
					for m&(0x80<<(8*first)) == 0 {
						first++
					}
				}
				wantFirst := p
				if plain(byte(b)) {
					wantFirst = 8
					for k := p + 1; k < 8; k++ {
						if !plain(word[k]) {
							wantFirst = k
							break
						}
					}
				}
				if first != wantFirst {
					t.Fatalf("nonPlain(% X) first mark at %d, want %d", word, first, wantFirst)
				}
			}
		}
	}
}

// TestAppendSegmentsRoomBound checks the documented bound: a buffer of 16
// octets plus 2.5 times the body's length never needs to grow.
func TestAppendSegmentsRoomBound(t *testing.T) {
	bodies := append(wireBodies(), "{", "€", strings.Repeat("{", 300), strings.Repeat("😀", 100), strings.Repeat("a\u0301", 90))
	for _, body := range bodies {
		for _, o := range wireOptions() {
			buf := make([]byte, 0, 16+len(body)*5/2)
			parts := make([]Part, 0, 256)
			var err error
			// Three runs: AllocsPerRun averages with integer division, so a
			// stray allocation of the runtime in one run is not counted,
			// while one the call makes every time still is.
			allocs := testing.AllocsPerRun(3, func() {
				_, _, err = o.AppendSegments(buf[:0], parts[:0], body)
			})
			if err == nil && allocs != 0 {
				t.Fatalf("AppendSegments(%q, %+v) with %d octets of room: %v allocs", body, o, cap(buf), allocs)
			}
		}
	}
}
