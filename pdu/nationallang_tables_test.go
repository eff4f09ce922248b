package pdu

import (
	"bytes"
	"os"
	"testing"
	"unicode"

	"github.com/smsgauge/sms/internal/gen/nationallang"
)

func TestNationalLanguageTablesUpToDate(t *testing.T) {
	data, err := os.ReadFile("testdata/nationallang.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := nationallang.Generate(data)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	got, err := os.ReadFile("znationallang_tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("znationallang_tables.go is out of date with testdata/nationallang.tsv: run go generate")
	}
}

func TestNationalLanguageGeneratorRejectsBadData(t *testing.T) {
	tests := []struct{ name, data string }{
		{name: "escape code", data: "1\tTurkish\tlocking\tA.3.1\t0x1B\tU+0041\n"},
		{name: "wrong name", data: "1\tSpanish\tlocking\tA.3.1\t0x00\tU+0041\n"},
		{name: "code too big", data: "1\tTurkish\tlocking\tA.3.1\t0x80\tU+0041\n"},
		{name: "short row", data: "1\tTurkish\tlocking\tA.3.1\t0x00\n"},
		{name: "bad table", data: "1\tTurkish\tshift\tA.3.1\t0x00\tU+0041\n"},
		{name: "missing tables", data: "1\tTurkish\tlocking\tA.3.1\t0x00\tU+0041\n"},
		{name: "duplicate code", data: "1\tTurkish\tlocking\tA.3.1\t0x00\tU+0041\n1\tTurkish\tlocking\tA.3.1\t0x00\tU+0042\n"},
		{name: "surrogate", data: "1\tTurkish\tlocking\tA.3.1\t0x00\tU+D800\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := nationallang.Generate([]byte(tc.data)); err == nil {
				t.Fatalf("Generate(%q) succeeded, want an error", tc.data)
			}
		})
	}
}

// TestNationalLanguageTableSizes compares the number of characters of each
// table with two public implementations of 3GPP TS 23.038 (Android's
// GsmAlphabet and the Go package warthog618/sms count the same once their
// escape entries and the CR2 control are left out).
func TestNationalLanguageTableSizes(t *testing.T) {
	tests := []struct {
		lang            Language
		locking, single int
	}{
		{LanguageNone, 127, 10},
		{LanguageTurkish, 127, 17},
		{LanguageSpanish, 0, 19},
		{LanguagePortuguese, 127, 37},
		{LanguageBengali, 114, 82},
		{LanguageGujarati, 120, 70},
		{LanguageHindi, 127, 88},
		{LanguageKannada, 120, 73},
		{LanguageMalayalam, 120, 82},
		{LanguageOriya, 116, 75},
		{LanguagePunjabi, 110, 76},
		{LanguageTamil, 102, 77},
		{LanguageTelugu, 120, 78},
		{LanguageUrdu, 127, 90},
	}
	if len(tests) != nlTables {
		t.Fatalf("%d languages tested, want %d", len(tests), nlTables)
	}
	for _, tc := range tests {
		t.Run(tc.lang.String(), func(t *testing.T) {
			count := func(tab *[128]rune) int {
				n := 0
				for _, r := range tab {
					if r >= 0 {
						n++
					}
				}
				return n
			}
			if got := count(&nlLocking[tc.lang]); got != tc.locking {
				t.Errorf("%v locking table has %d characters, want %d", tc.lang, got, tc.locking)
			}
			if got := count(&nlSingle[tc.lang]); got != tc.single {
				t.Errorf("%v single shift table has %d characters, want %d", tc.lang, got, tc.single)
			}
			if tc.lang.HasLockingShift() != (tc.locking > 0) {
				t.Errorf("%v.HasLockingShift() = %v", tc.lang, tc.lang.HasLockingShift())
			}
		})
	}
}

// TestNationalLanguageTablesExhaustive checks every code of every table:
// structure shared by all tables in the spec, valid code points, and that
// encoding and decoding agree in both directions.
func TestNationalLanguageTablesExhaustive(t *testing.T) {
	for l := Language(0); int(l) < nlTables; l++ {
		t.Run(l.String(), func(t *testing.T) {
			lock := l
			if !l.HasLockingShift() {
				lock = LanguageNone
			}
			if l.HasLockingShift() {
				tab := &nlLocking[l]
				// Every locking table keeps these codes of the default alphabet.
				fixed := map[byte]rune{0x0A: '\n', 0x0D: '\r', 0x20: ' ', 0x1B: -1}
				for c := byte('0'); c <= '9'; c++ {
					fixed[c] = rune(c)
				}
				for c := byte('a'); c <= 'z'; c++ {
					fixed[c] = rune(c)
				}
				for code, want := range fixed {
					if tab[code] != want {
						t.Errorf("%v locking 0x%02X = %U, want %U", l, code, tab[code], want)
					}
				}
				seen := map[rune]byte{}
				for code, r := range tab {
					if r < 0 {
						if _, n := nlCode(l, l, r); n != 0 {
							t.Errorf("nlCode(%U) found an undefined code", r)
						}
						continue
					}
					if !assigned(r) {
						t.Errorf("%v locking 0x%02X = %U is not an assigned character", l, code, r)
					}
					if first, dup := seen[r]; dup {
						t.Errorf("%v locking lists %U at 0x%02X and 0x%02X", l, r, first, code)
					}
					seen[r] = byte(code)
					got, n := nlCode(l, LanguageNone, r)
					if n != 1 || got != byte(code) {
						t.Errorf("nlCode(%v, %U) = 0x%02X, %d septets, want 0x%02X, 1", l, r, got, n, code)
					}
					if d, ok := nlDecode(l, LanguageNone, false, byte(code)); !ok || d != r {
						t.Errorf("nlDecode(%v, 0x%02X) = %U, %v, want %U", l, code, d, ok, r)
					}
				}
			}
			single := &nlSingle[l]
			shared := map[byte]rune{0x0A: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2F: '\\',
				0x3C: '[', 0x3D: '~', 0x3E: ']', 0x40: '|', 0x65: '€', 0x0D: -1, 0x1B: -1}
			for code, want := range shared {
				if single[code] != want {
					t.Errorf("%v single shift 0x%02X = %U, want %U", l, code, single[code], want)
				}
			}
			if l >= LanguageBengali {
				for c := byte('A'); c <= 'Z'; c++ {
					if single[c] != rune(c) {
						t.Errorf("%v single shift 0x%02X = %U, want %q", l, c, single[c], rune(c))
					}
				}
			}
			first := map[rune]byte{}
			for code, r := range single {
				if r < 0 {
					// An escape and an undefined code shows the locking character.
					d, ok := nlDecode(lock, l, true, byte(code))
					if base := nlLocking[lock][code]; d != base || ok != (base >= 0) {
						t.Errorf("nlDecode(esc 0x%02X) = %U, want the base character %U", code, d, base)
					}
					continue
				}
				if !assigned(r) {
					t.Errorf("%v single shift 0x%02X = %U is not an assigned character", l, code, r)
				}
				if _, dup := first[r]; !dup {
					first[r] = byte(code)
				}
				if d, ok := nlDecode(lock, l, true, byte(code)); !ok || d != r {
					t.Errorf("nlDecode(%v, esc 0x%02X) = %U, want %U", l, code, d, r)
				}
			}
			for r, code := range first {
				got, n := nlCode(LanguageNone, l, r)
				if lc, in := nlLookup(nlLockingEnc[0], r); in {
					// The default alphabet has it in one septet.
					if n != 1 || got != lc {
						t.Errorf("nlCode(default, %v, %U) = 0x%02X, %d, want 0x%02X, 1", l, r, got, n, lc)
					}
					continue
				}
				if n != 2 || got != code {
					t.Errorf("nlCode(default, %v, %U) = 0x%02X, %d, want escape 0x%02X", l, r, got, n, code)
				}
			}
		})
	}
}

// TestNationalLanguageSpotChecks checks entries read off the tables of
// 3GPP TS 23.038 annex A by hand.
func TestNationalLanguageSpotChecks(t *testing.T) {
	tests := []struct {
		name string
		lang Language
		lock bool
		code byte
		want rune
	}{
		{"Turkish single S cedilla", LanguageTurkish, false, 0x53, 'Ş'},
		{"Turkish single s cedilla", LanguageTurkish, false, 0x73, 'ş'},
		{"Turkish single G breve", LanguageTurkish, false, 0x47, 'Ğ'},
		{"Turkish single dotless i", LanguageTurkish, false, 0x69, 'ı'},
		{"Turkish single c cedilla", LanguageTurkish, false, 0x63, 'ç'},
		{"Turkish locking euro", LanguageTurkish, true, 0x04, '€'},
		{"Turkish locking dotted I", LanguageTurkish, true, 0x40, 'İ'},
		{"Spanish single c cedilla", LanguageSpanish, false, 0x09, 'ç'},
		{"Spanish single A acute", LanguageSpanish, false, 0x41, 'Á'},
		{"Spanish single u acute", LanguageSpanish, false, 0x75, 'ú'},
		{"Portuguese locking ordinal", LanguagePortuguese, true, 0x12, 'ª'},
		{"Portuguese locking infinity", LanguagePortuguese, true, 0x15, '∞'},
		{"Portuguese locking grave accent", LanguagePortuguese, true, 0x7D, '`'},
		{"Portuguese single Phi", LanguagePortuguese, false, 0x12, 'Φ'},
		{"Bengali locking candrabindu", LanguageBengali, true, 0x00, '\u0981'},
		{"Hindi locking OM", LanguageHindi, true, 0x60, '\u0950'},
		{"Hindi single danda", LanguageHindi, false, 0x19, '\u0964'},
		{"Kannada locking DDA (corrected)", LanguageKannada, true, 0x24, '\u0CA1'},
		{"Kannada locking PA", LanguageKannada, true, 0x3D, '\u0CAA'},
		{"Tamil single digit four (corrected)", LanguageTamil, false, 0x24, '\u0BEE'},
		{"Telugu single digit two (corrected)", LanguageTelugu, false, 0x22, '\u0C6C'},
		{"Urdu locking alef", LanguageUrdu, true, 0x00, '\u0627'},
		{"Urdu single Arabic comma", LanguageUrdu, false, 0x26, '\u060C'},
		{"Urdu locking comma", LanguageUrdu, true, 0x2C, ','},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := nlSingle[tc.lang][tc.code]
			if tc.lock {
				got = nlLocking[tc.lang][tc.code]
			}
			if got != tc.want {
				t.Fatalf("%v 0x%02X = %U, want %U", tc.lang, tc.code, got, tc.want)
			}
		})
	}
}

func TestParseLanguage(t *testing.T) {
	tests := []struct {
		in   string
		want Language
		ok   bool
	}{
		{"tr", LanguageTurkish, true}, {"TR", LanguageTurkish, true}, {"Turkish", LanguageTurkish, true},
		{"es", LanguageSpanish, true}, {"pt", LanguagePortuguese, true}, {"bn", LanguageBengali, true},
		{"gu", LanguageGujarati, true}, {"hi", LanguageHindi, true}, {"kn", LanguageKannada, true},
		{"ml", LanguageMalayalam, true}, {"or", LanguageOriya, true}, {"pa", LanguagePunjabi, true},
		{"ta", LanguageTamil, true}, {"te", LanguageTelugu, true}, {"urdu", LanguageUrdu, true},
		{"fr", 0, false}, {"", 0, false}, {"default", 0, false},
	}
	for _, tc := range tests {
		got, err := ParseLanguage(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseLanguage(%q) = %v, %v, want %v (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok && (got.Code() == "" || got.String() == "") {
			t.Errorf("%v has no code or name", got)
		}
	}
	if s := Language(14).String(); s != "Language(14)" {
		t.Errorf("Language(14).String() = %q", s)
	}
	if Language(99).HasLockingShift() || Language(99).Code() != "" {
		t.Error("Language(99) claims tables")
	}
}

// assigned reports whether r is an assigned character of a category a
// character table may hold (format characters such as U+0600 included).
func assigned(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs, unicode.Cc, unicode.Cf)
}
