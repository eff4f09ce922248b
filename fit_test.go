package sms

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// clusterBounds returns the grapheme cluster boundaries of s as rivo/uniseg
// finds them, 0 and len(s) included. CR LF is one cluster.
func clusterBounds(s string) []int {
	b := []int{0}
	state, pos := -1, 0
	for rest := s; rest != ""; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		pos += len(c)
		b = append(b, pos)
	}
	return b
}

// bruteFit is Fit's definition, computed the slow way: the longest prefix
// of body, ending on a cluster boundary of body that is still a cluster
// boundary once the suffix follows, whose prefix + suffix analyses to at
// most n segments. It returns len(body) when body fits whole and -1 when
// nothing fits.
func bruteFit(body, suffix string, n int, o Options) int {
	if a, err := o.Analyze(body); err == nil && a.Segments <= n {
		return len(body)
	}
	bounds := clusterBounds(body)
	for k := len(bounds) - 1; k >= 0; k-- {
		b := bounds[k]
		if k > 0 && !keepsApart(body[bounds[k-1]:b], suffix) {
			continue
		}
		if a, err := o.Analyze(body[:b] + suffix); err == nil && a.Segments <= n {
			return b
		}
	}
	return -1
}

// keepsApart reports whether a grapheme cluster still ends after last, the
// last cluster of a prefix, when suffix follows it.
func keepsApart(last, suffix string) bool {
	if suffix == "" {
		return true
	}
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(last+suffix, -1)
	return len(c) == len(last)
}

// checkFit runs Fit and compares it with bruteFit and with its own
// invariants.
func checkFit(t *testing.T, body string, n int, fo FitOptions) {
	t.Helper()
	r, err := fo.Fit(body, n)
	if err != nil {
		t.Fatalf("Fit(%q, %d, %+v): %v", body, n, fo, err)
	}
	suffix, _ := fo.suffix()
	want := bruteFit(body, suffix, n, fo.Options)
	if r.Kept != want {
		t.Fatalf("Fit(%q, %d, suffix %q, %+v) kept %d bytes, brute force %d\n got %q", body, n, suffix, fo.Options, r.Kept, want, r.Body)
	}
	checkFitResult(t, body, n, suffix, fo.Options, r, false)
}

// checkFitResult checks what every result must satisfy.
// With longer set it also checks that no longer prefix fits, which the
// brute force otherwise does.
func checkFitResult(t *testing.T, body string, n int, suffix string, o Options, r FitResult, longer bool) {
	t.Helper()
	if r.After.Segments > n {
		t.Fatalf("Fit(%q, %d): result %q has %d segments", body, n, r.Body, r.After.Segments)
	}
	if a, err := o.Analyze(r.Body); err != nil || a.Segments != r.After.Segments || a.Encoding != r.After.Encoding || a.Units != r.After.Units {
		t.Fatalf("Fit(%q, %d): After %+v, but the body analyses to %+v, %v", body, n, r.After, a, err)
	}
	if !r.Cut {
		if r.Body != body || r.Kept != len(body) || r.CutBytes != 0 || r.CutGraphemes != 0 || r.Suffix != "" {
			t.Fatalf("Fit(%q, %d) not cut, but %+v", body, n, r)
		}
		return
	}
	if r.Suffix != suffix || r.Body != body[:r.Kept]+suffix || r.CutBytes != len(body)-r.Kept {
		t.Fatalf("Fit(%q, %d) = %q, kept %d, suffix %q: not a prefix plus the suffix", body, n, r.Body, r.Kept, r.Suffix)
	}
	bounds := clusterBounds(body)
	k := slices.Index(bounds, r.Kept)
	if k < 0 {
		t.Fatalf("Fit(%q, %d) cut at byte %d, inside a grapheme cluster", body, n, r.Kept)
	}
	if want := len(bounds) - 1 - k; r.CutGraphemes != want {
		t.Fatalf("Fit(%q, %d) says %d graphemes cut, want %d", body, n, r.CutGraphemes, want)
	}
	if b := Analyze(body); r.Before.Segments < b.Segments && o == (Options{}) {
		t.Fatalf("Fit(%q, %d): Before %+v, want %+v", body, n, r.Before, b)
	}
	// No longer prefix fits (at most 40 of them are tried).
	for j := k + 1; longer && j < len(bounds) && j <= k+40; j++ {
		b := bounds[j]
		if !keepsApart(body[bounds[j-1]:b], suffix) {
			continue
		}
		if a, err := o.Analyze(body[:b] + suffix); err == nil && a.Segments <= n {
			t.Fatalf("Fit(%q, %d) kept %d bytes, but %d bytes fit too: %q", body, n, r.Kept, b, body[:b]+suffix)
		}
	}
}

// fitTokens is the small alphabet of the exhaustive tests: GSM-7 basic,
// extension characters, UCS-2 characters, surrogate pairs, emoji ZWJ
// sequences, flags, a lone regional indicator, combining sequences and
// line breaks.
var fitTokens = []string{"a", "€", "ж", "😀", "👨\u200d👩\u200d👧", "🇫🇷", "🇫", "e\u0301", "\r\n", "\n", "\r", "{"}

// fitTable is the table of TestFitTable, and FuzzFit's seeds.
var fitTable = []struct {
	name     string
	body     string
	n        int
	fo       FitOptions
	wantBody string
	cut      bool
}{
	{name: "fits", body: "hello", n: 1, wantBody: "hello"},
	{name: "empty", body: "", n: 1, wantBody: ""},
	{name: "161 a to 1", body: strings.Repeat("a", 161), n: 1, wantBody: strings.Repeat("a", 157) + "...", cut: true},
	{name: "161 a to 2", body: strings.Repeat("a", 161), n: 2, wantBody: strings.Repeat("a", 161)},
	{name: "no suffix", body: strings.Repeat("a", 161), n: 1, fo: FitOptions{NoSuffix: true}, wantBody: strings.Repeat("a", 160), cut: true},
	{name: "custom suffix", body: strings.Repeat("a", 200), n: 1, fo: FitOptions{Suffix: " [more]"}, wantBody: strings.Repeat("a", 151) + " [more]", cut: true},
	// The euro sign costs 2 septets and is never split from its escape.
	{name: "euro at the edge", body: strings.Repeat("a", 157) + "€€", n: 1, wantBody: strings.Repeat("a", 157) + "...", cut: true},
	// Cutting the emoji off makes the rest GSM-7, which holds more.
	{name: "encoding switch", body: strings.Repeat("a", 150) + "😀" + strings.Repeat("b", 10), n: 1, wantBody: strings.Repeat("a", 150) + "...", cut: true},
	{name: "stays UCS-2", body: "😀" + strings.Repeat("b", 100), n: 1, wantBody: "😀" + strings.Repeat("b", 65) + "...", cut: true},
	{name: "UCS-2 suffix", body: strings.Repeat("a", 200), n: 1, fo: FitOptions{Suffix: "…"}, wantBody: strings.Repeat("a", 69) + "…", cut: true},
	{name: "family kept whole", body: strings.Repeat("ж", 62) + "👨\u200d👩\u200d👧" + "ж", n: 1, wantBody: strings.Repeat("ж", 62) + "...", cut: true},
	{name: "flag kept whole", body: strings.Repeat("ж", 66) + "🇫🇷ж", n: 1, wantBody: strings.Repeat("ж", 66) + "...", cut: true},
	{name: "CR LF kept whole", body: strings.Repeat("a", 157) + "\r\nbb", n: 1, wantBody: strings.Repeat("a", 157) + "...", cut: true},
	{name: "UDH16", body: strings.Repeat("a", 400), n: 2, fo: FitOptions{Options: Options{UDH16: true}}, wantBody: strings.Repeat("a", 301) + "...", cut: true},
	{name: "forced UCS-2", body: strings.Repeat("a", 100), n: 1, fo: FitOptions{Options: Options{Encoding: EncodingUCS2}}, wantBody: strings.Repeat("a", 67) + "...", cut: true},
	{name: "huge n", body: strings.Repeat("a", 1000), n: math.MaxInt, wantBody: strings.Repeat("a", 1000)},
}

func TestFitTable(t *testing.T) {
	tests := fitTable
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.fo.Fit(tc.body, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if r.Body != tc.wantBody || r.Cut != tc.cut {
				t.Errorf("Fit = %q (cut %v), want %q (cut %v)", r.Body, r.Cut, tc.wantBody, tc.cut)
			}
			checkFit(t, tc.body, tc.n, tc.fo)
		})
	}
}

func TestFitErrors(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		n      int
		fo     FitOptions
		target error
		check  func(error) bool
	}{
		{name: "zero", n: 0, target: ErrInvalidOption, check: func(err error) bool {
			var oe *OptionError
			return errors.As(err, &oe) && oe.Option == "maxSegments" && oe.Value == "0"
		}},
		{name: "min int", n: math.MinInt, target: ErrInvalidOption},
		{name: "suffix too long", body: strings.Repeat("a", 500), n: 1, fo: FitOptions{Suffix: strings.Repeat("b", 161)}, target: ErrSuffixTooLong, check: func(err error) bool {
			var fe *FitError
			return errors.As(err, &fe) && fe.Segments == 2 && fe.MaxSegments == 1 && errors.Is(err, ErrInvalidOption)
		}},
		{name: "suffix too long for a short body", body: "hi", n: 1, fo: FitOptions{Suffix: strings.Repeat("ж", 71)}, target: ErrSuffixTooLong},
		{name: "suffix and NoSuffix", n: 1, fo: FitOptions{Suffix: "~", NoSuffix: true}, target: ErrInvalidOption},
		{name: "combining suffix", n: 1, fo: FitOptions{Suffix: "\u0301..."}, target: ErrInvalidOption},
		{name: "ZWJ suffix", n: 1, fo: FitOptions{Suffix: "\u200d😀"}, target: ErrInvalidOption},
		{name: "invalid UTF-8 suffix", n: 1, fo: FitOptions{Suffix: "\xff"}, target: ErrInvalidOption},
		{name: "bad encoding", n: 1, fo: FitOptions{Options: Options{Encoding: 9}}, target: ErrInvalidOption},
		{name: "forced GSM-7 body", body: "ж", n: 1, fo: FitOptions{Options: Options{Encoding: EncodingGSM7}}, target: ErrNotGSM7},
		{name: "forced GSM-7 suffix", body: "a", n: 1, fo: FitOptions{Suffix: "…", Options: Options{Encoding: EncodingGSM7}}, target: ErrNotGSM7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.fo.Fit(tc.body, tc.n)
			if !errors.Is(err, tc.target) {
				t.Fatalf("Fit = %+v, %v; want %v", r, err, tc.target)
			}
			if !strings.HasPrefix(err.Error(), "sms: ") {
				t.Errorf("error %q lacks the sms: prefix", err)
			}
			if tc.check != nil && !tc.check(err) {
				t.Errorf("error %#v is not the one expected", err)
			}
		})
	}
}

// TestFitExhaustive compares Fit with the brute force on every sequence of
// up to three tokens after fillers that put the cut among them, for one to
// three segments, several suffixes and options.
func TestFitExhaustive(t *testing.T) {
	var seqs []string
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		seqs = append(seqs, prefix)
		if depth == 0 {
			return
		}
		for _, tok := range fitTokens {
			gen(prefix+tok, depth-1)
		}
	}
	gen("", 3)
	suffixes := []FitOptions{{}, {NoSuffix: true}, {Suffix: "…"}, {Suffix: "\n€"}, {Suffix: "🇷"}}
	// Fillers that put the cut of n segments among the tokens.
	fillers := []struct {
		unit string
		lens []int
		n    int
	}{
		{"a", []int{150, 154, 157, 158}, 1},
		{"a", []int{298, 303}, 2},
		{"ж", []int{62, 64, 66, 67}, 1},
		{"ж", []int{130}, 2},
	}
	runs := 0
	for _, f := range fillers {
		for _, l := range f.lens {
			head := strings.Repeat(f.unit, l)
			for _, seq := range seqs {
				body := head + seq
				for _, fo := range suffixes {
					checkFit(t, body, f.n, fo)
					runs++
				}
			}
		}
	}
	// The tokens before the filler too, with UDH16 and forced UCS-2.
	for _, seq := range seqs {
		for _, o := range []Options{{UDH16: true}, {Encoding: EncodingUCS2}} {
			body := seq + strings.Repeat("b", 150)
			checkFit(t, body, 1, FitOptions{Options: o})
			checkFit(t, body+strings.Repeat("c", 160), 2, FitOptions{Options: o})
			runs += 2
		}
	}
	t.Logf("%d bodies compared with the brute force", runs)
}

// TestFitRandom compares Fit with the brute force on random bodies over the
// token alphabet, of random lengths, for random segment counts.
func TestFitRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	suffixes := []FitOptions{{}, {NoSuffix: true}, {Suffix: "…"}, {Suffix: "🇷!"}, {Suffix: "\n"}, {Options: Options{UDH16: true}}, {Options: Options{Encoding: EncodingUCS2}}}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		// Mostly one filler, so that long bodies stay in one encoding
		// for a while, and tokens sprinkled in.
		filler := fitTokens[rng.IntN(3)]
		for k, n := 0, rng.IntN(400); k < n; k++ {
			if rng.IntN(8) == 0 {
				b.WriteString(fitTokens[rng.IntN(len(fitTokens))])
			} else {
				b.WriteString(filler)
			}
		}
		checkFit(t, b.String(), 1+rng.IntN(4), suffixes[rng.IntN(len(suffixes))])
	}
}

// TestFitLong checks long bodies against their invariants (the brute force
// is too slow there) and the brute force on a few.
func TestFitLong(t *testing.T) {
	for _, sh := range benchShapes {
		for _, body := range sh.Bodies {
			a := Analyze(body)
			for _, n := range []int{1, 2, a.Segments / 2, a.Segments - 1, a.Segments} {
				if n < 1 {
					continue
				}
				r, err := Fit(body, n)
				if err != nil {
					t.Fatal(err)
				}
				checkFitResult(t, body, n, DefaultFitSuffix, Options{}, r, true)
				if n == a.Segments && r.Cut {
					t.Errorf("%s: cut at its own segment count", sh.Name)
				}
				if len(body) < 10000 && n <= 2 {
					if want := bruteFit(body, DefaultFitSuffix, n, Options{}); r.Kept != want {
						t.Errorf("%s to %d: kept %d, brute force %d", sh.Name, n, r.Kept, want)
					}
				}
			}
		}
	}
}

func TestFitAllocs(t *testing.T) {
	body := strings.Repeat("a", 200)
	if n := testing.AllocsPerRun(100, func() { _, _ = Fit(body, 1) }); n > 1 {
		t.Errorf("Fit allocates %.0f times, want at most 1 (the result body)", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = FitOptions{NoSuffix: true}.Fit(body, 1) }); n != 0 {
		t.Errorf("Fit without suffix allocates %.0f times, want 0", n)
	}
}

func FuzzFit(f *testing.F) {
	for _, tc := range fitTable {
		flags := uint8(tc.fo.Options.Encoding) << 2
		if tc.fo.NoSuffix {
			flags |= 1
		}
		if tc.fo.Options.UDH16 {
			flags |= 2
		}
		f.Add(tc.body, tc.n, tc.fo.Suffix, flags)
	}
	f.Add(strings.Repeat("ж", 65)+"🇫🇷ж", 1, "…", uint8(0))
	f.Add("e\u0301\r€{🇫"+strings.Repeat("x", 160), 2, "🇷", uint8(4))
	f.Add("", 0, "\u0301", uint8(8))
	f.Add("hi", math.MinInt, "", uint8(0))
	f.Add("hi", math.MaxInt, "", uint8(0))
	f.Fuzz(func(t *testing.T, body string, n int, suffix string, flags uint8) {
		fo := FitOptions{Suffix: suffix, NoSuffix: flags&1 != 0, Options: Options{UDH16: flags&2 != 0, Encoding: Encoding(flags >> 2 & 3)}}
		r, err := fo.Fit(body, n)
		if err != nil {
			if !errors.Is(err, ErrInvalidOption) && !errors.Is(err, ErrNotGSM7) {
				t.Fatalf("Fit error %v wraps neither ErrInvalidOption nor ErrNotGSM7", err)
			}
			return
		}
		sfx, _ := fo.suffix()
		checkFitResult(t, body, n, sfx, fo.Options, r, len(body) > 600)
		if len(body) <= 600 {
			if want := bruteFit(body, sfx, n, fo.Options); r.Kept != want {
				t.Fatalf("Fit(%q, %d, %q, %+v) kept %d, brute force %d", body, n, sfx, fo.Options, r.Kept, want)
			}
		}
	})
}
