package sms

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/smsgauge/sms/internal/grapheme"
	"github.com/smsgauge/sms/internal/gsm7"
	"github.com/smsgauge/sms/internal/tablegen"
)

func TestGeneratedTablesUpToDate(t *testing.T) {
	f, err := os.Open("testdata/gsm7.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tests := []struct {
		name string
		file string
		gen  func() ([]byte, error)
	}{
		{name: "gsm7", file: "internal/gsm7/zgsm7_table.go", gen: func() ([]byte, error) { return tablegen.GSM7(f) }},
		{name: "joiners", file: "internal/grapheme/zjoiners_table.go", gen: tablegen.Joiners},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, err := tc.gen()
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is out of date: run go generate", tc.file)
			}
		})
	}
}

// readGSM7Data parses testdata/gsm7.tsv independently of the generator:
// rune -> septets.
func readGSM7Data(t *testing.T) map[rune]int {
	t.Helper()
	f, err := os.Open("testdata/gsm7.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[rune]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		cp, err := strconv.ParseUint(strings.TrimPrefix(cols[2], "U+"), 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		m[rune(cp)] = map[string]int{"basic": 1, "ext": 2}[cols[0]]
	}
	return m
}

// TestGSM7EveryRune checks every rune up to U+10FFFF against the data.
func TestGSM7EveryRune(t *testing.T) {
	data := readGSM7Data(t)
	if len(data) != 137 {
		t.Fatalf("testdata/gsm7.tsv has %d characters, want 137", len(data))
	}
	ext := 0
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want := data[r]
		if want == 2 {
			ext++
		}
		if got := GSM7Septets(r); got != want {
			t.Fatalf("GSM7Septets(%U) = %d, want %d", r, got, want)
		}
		if IsGSM7(r) != (want > 0) {
			t.Fatalf("IsGSM7(%U) = %v, want %v", r, !(want > 0), want > 0)
		}
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(buf[:utf8.EncodeRune(buf[:], r)])
		a := Analyze(s)
		wantEnc := EncodingUCS2
		if want > 0 {
			wantEnc = EncodingGSM7
		}
		if a.Encoding != wantEnc || (want > 0 && a.Units != want) {
			t.Fatalf("Analyze(%q) = %v, %d units; want %v", s, a.Encoding, a.Units, wantEnc)
		}
	}
	if ext != 10 {
		t.Errorf("%d extension characters, want 10", ext)
	}
	for _, r := range "`ç\t\x00" {
		if IsGSM7(r) {
			t.Errorf("IsGSM7(%q) = true", r)
		}
	}
	// The decode tables agree with the encode side.
	for code, r := range gsm7.Basic {
		if r < 0 {
			continue
		}
		if c, n := gsm7.Code(r); n != 1 || int(c) != code {
			t.Errorf("gsm7.Code(%U) = %02X, %d; want %02X, 1", r, c, n, code)
		}
	}
	for code, r := range gsm7.Ext {
		if r < 0 {
			continue
		}
		if c, n := gsm7.Code(r); n != 2 || int(c) != code {
			t.Errorf("gsm7.Code(%U) = %02X, %d; want %02X, 2", r, c, n, code)
		}
	}
}

// TestJoinersEveryRune checks the init-built lookup against uniseg for every
// rune.
func TestJoinersEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if got, want := grapheme.IsJoiner(r), tablegen.IsJoiner(r); got != want {
			t.Fatalf("grapheme.IsJoiner(%U) = %v, uniseg says %v", r, got, want)
		}
	}
}

// TestNonJoinersAlwaysBreak tests the claim the fast path rests on, on random
// pairs of non-joiners from every plane, weighted towards the BMP.
func TestNonJoinersAlwaysBreak(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() rune {
		for {
			var r rune
			switch rng.IntN(4) {
			case 0:
				r = rune(rng.IntN(0x3000))
			case 1:
				r = rune(rng.IntN(0x10000))
			case 2:
				r = 0x1F000 + rune(rng.IntN(0x1000))
			default:
				r = rune(rng.IntN(utf8.MaxRune + 1))
			}
			if utf8.ValidRune(r) && !grapheme.IsJoiner(r) {
				return r
			}
		}
	}
	n := 300000
	if testing.Short() {
		n = 30000
	}
	for i := 0; i < n; i++ {
		x, y := pick(), pick()
		s := string(x) + string(y)
		if uniseg.GraphemeClusterCount(s) != 2 {
			t.Fatalf("uniseg joins non-joiners %U %U", x, y)
		}
	}
}

// clusterSample builds strings from runes of every grapheme class, the
// joiners among them, so that the fast path and uniseg can be compared.
func clusterSample(rng *rand.Rand, n int) string {
	pool := []string{
		"a", "Z", " ", "1", "\r", "\n", "\r\n", "\x00", "\t", "`", "€", "é", "ж", "中", "한", "\u1100", "\u1161", "\u11A8",
		"\uAC00", "\uAC01", "\u0301", "\u0308", "\u200D", "\u200C", "\uFE0F", "\uFE0E", "😀", "👍", "🏽", "👩", "❤",
		"🇫", "🇷", "🇩", "\u0600", "\u0605", "क", "्", "ष", "ि", "\u0E33", "\U0001F3F3", "\U000E0067", "\U000E007F",
		"\U0001F3F4", "\xff", "\xe2\x82", "ส", "\u0903", "\U00011000", "\U0001D165",
		"🐈", "⬛", "🔥", "🦰", "🤝", "🧑", "\u20E3", "#", "\U0001F9D1\u200D", "\u200D\u200D", "\u0E40", "\u1160",
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pool[rng.IntN(len(pool))])
	}
	return b.String()
}

// TestClustersMatchUniseg compares the clusters of the fast path (CR LF
// merged back) with uniseg's on random strings of every class.
func TestClustersMatchUniseg(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 30000; k++ {
		s := clusterSample(rng, 1+rng.IntN(40))
		if got, want := fastClusters(s), refClusters(s); !slices.Equal(got, want) {
			t.Fatalf("clusters of %q:\n fast %v\n want %v", s, got, want)
		}
	}
}

// fastClusters returns the clusters nextCluster finds, with the CR LF split
// undone so that they compare with UAX #29.
func fastClusters(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		c := grapheme.Next(s, i)
		if n := len(out); n > 0 && s[i] == '\n' && out[n-1][1] == i && s[i-1] == '\r' && out[n-1][0] == i-1 {
			out[n-1][1] = c.End
		} else {
			out = append(out, [2]int{i, c.End})
		}
		i = c.End
	}
	return out
}
