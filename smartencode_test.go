package sms

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
	"unsafe"

	"github.com/smsgauge/sms/internal/swar"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// smartData reads testdata/smartencoding.tsv independently of the generator.
func smartData(t testing.TB) map[rune]string {
	t.Helper()
	f, err := os.Open("testdata/smartencoding.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[rune]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		cp, err := strconv.ParseUint(f[0], 16, 32)
		if err != nil {
			t.Fatalf("bad line %q", line)
		}
		var b strings.Builder
		if f[1] != "-" {
			for _, h := range strings.Fields(f[1]) {
				v, err := strconv.ParseUint(h, 16, 32)
				if err != nil {
					t.Fatalf("bad line %q", line)
				}
				b.WriteRune(rune(v))
			}
		}
		m[rune(cp)] = b.String()
	}
	return m
}

// smartReference is the obvious, slow SmartEncode: decode each code point and
// look it up; an invalid byte passes through.
func smartReference(m map[rune]string, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if repl, ok := m[r]; ok && !(r == utf8.RuneError && size == 1) {
			b.WriteString(repl)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// TestSmartEncodeEveryEntry checks each of the 271 substitutions alone, and
// between other text, and that the table holds nothing else.
func TestSmartEncodeEveryEntry(t *testing.T) {
	m := smartData(t)
	if len(m) != 271 || smartLen != 271 {
		t.Fatalf("data has %d entries, table %d; want 271", len(m), smartLen)
	}
	for r, want := range m {
		t.Run(strconv.QuoteRune(r), func(t *testing.T) {
			if got := SmartEncode(string(r)); got != want {
				t.Errorf("SmartEncode(%q) = %q, want %q", string(r), got, want)
			}
			in := "ab" + string(r) + "ç" + string(r) + "z"
			if got, w := SmartEncode(in), "ab"+want+"ç"+want+"z"; got != w {
				t.Errorf("SmartEncode(%q) = %q, want %q", in, got, w)
			}
			for _, c := range want {
				if _, ok := m[c]; ok {
					t.Errorf("replacement %q of %U holds mapped %U", want, r, c)
				}
				if c < 0x20 || c > 0x7E || c == '`' {
					t.Errorf("replacement %q of %U holds %U, not printable GSM-7 ASCII", want, r, c)
				}
			}
		})
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want, ok := m[r]
		got, gotOK := smartLookup(r)
		if got != want || gotOK != ok {
			t.Fatalf("smartLookup(%U) = %q, %v; want %q, %v", r, got, gotOK, want, ok)
		}
	}
}

// TestSmartEncodeAnchor compares the table with the reference map the project
// keeps outside the repository, in $SMSGAUGE_ANCHORS or else
// ../shared/anchors, when it is there; under CI=true its absence is a
// failure.
func TestSmartEncodeAnchor(t *testing.T) {
	dir := os.Getenv("SMSGAUGE_ANCHORS")
	if dir == "" {
		dir = "../shared/anchors"
	}
	data, err := os.ReadFile(filepath.Join(dir, "smart_encoding_map.tsv"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("anchor missing under CI=true: %v", err)
		}
		t.Logf("anchor not found, comparing with testdata only: %v", err)
		return
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 2 || !strings.HasPrefix(f[0], "U+") {
			t.Fatalf("unexpected anchor line %q", line)
		}
		cp, err := strconv.ParseUint(f[0][2:], 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		var want string
		if err := json.Unmarshal([]byte(f[1]), &want); err != nil {
			t.Fatal(err)
		}
		n++
		if got := SmartEncode(string(rune(cp))); got != want {
			t.Errorf("SmartEncode(%q) = %q, want %q (anchor)", string(rune(cp)), got, want)
		}
	}
	if n != smartLen {
		t.Errorf("anchor has %d entries, table %d", n, smartLen)
	}
}

func TestSmartByteClasses(t *testing.T) {
	var want [256]uint8
	for _, e := range smartTable {
		var buf [4]byte
		utf8.EncodeRune(buf[:], rune(e.r))
		if e.r < utf8.RuneSelf {
			want[buf[0]] = smartASCII
		} else {
			want[buf[0]] = smartLead
		}
	}
	if want != smartByte {
		t.Errorf("smartByte disagrees with smartTable")
	}
	// smartNext decodes mapped characters itself: they must be 1 to 3 bytes
	// long and never start with 0xE0 or 0xED.
	for _, e := range smartTable {
		if n := utf8.RuneLen(rune(e.r)); n > 3 {
			t.Errorf("mapped %U is %d bytes long", e.r, n)
		}
	}
	if smartByte[0xE0] != 0 || smartByte[0xED] != 0 {
		t.Errorf("a mapped character starts with 0xE0 or 0xED")
	}
	for i := 1; i < smartLen; i++ {
		if smartTable[i-1].r >= smartTable[i].r {
			t.Errorf("smartTable not sorted at %d", i)
		}
	}
}

// TestSmartSuspectCoversASCII: the 8-byte fast path never skips a byte that
// may start a mapped character.
func TestSmartSuspectCoversASCII(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			w := []byte("abcdefgh")
			w[pos] = byte(c)
			s := string(w)
			if smartByte[c] != 0 && !smartSuspect(swar.Load64(s, 0)) {
				t.Errorf("smartSuspect(%q) = false, want true", s)
			}
		}
	}
	for c := 0x20; c < 0x80; c++ {
		if c == 0x60 {
			continue
		}
		s := strings.Repeat(string(rune(c)), 8)
		if smartSuspect(swar.Load64(s, 0)) {
			t.Errorf("smartSuspect(%q) = true, want false (fast path lost)", s)
		}
	}
}

// TestSmartSuspectRandom: on random words, smartSuspect is true whenever a
// byte is below 0x20, equal to 0x60 or above 0x7F, and false otherwise.
func TestSmartSuspectRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	clean := func() byte {
		for {
			c := byte(0x20 + rng.IntN(0x60))
			if c != 0x60 {
				return c
			}
		}
	}
	for range 200000 {
		var w [8]byte
		want := false
		for k := range w {
			if rng.IntN(6) == 0 {
				w[k] = byte(rng.IntN(256))
			} else {
				w[k] = clean()
			}
			if w[k] < 0x20 || w[k] == 0x60 || w[k] >= 0x80 {
				want = true
			}
		}
		s := string(w[:])
		if got := smartSuspect(swar.Load64(s, 0)); got != want {
			t.Fatalf("smartSuspect(%q) = %v, want %v", s, got, want)
		}
	}
}

var smartTests = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"ascii", "Hello, world!", "Hello, world!"},
	{"curly", "It’s “quoted”", "It's \"quoted\""},
	{"nbsp", "a\u00a0b", "a  b"},
	{"tab", "a\tb", "a       b"},
	{"zwsp", "a\u200bb\u200cc\u2060d\ufeffe", "abcde"},
	{"zwj kept", "👩\u200d💻", "👩\u200d💻"},
	{"nul", "a\x00b\x03c", "abc"},
	{"only deleted", "\u200b\ufeff\x00", ""},
	{"ellipsis", "wait…", "wait..."},
	{"fractions", "¼½¾", "1/41/23/4"},
	{"double exclamation", "‼", "!!"},
	{"fullwidth", "ＡＢＣ１２３！", "ABC123!"},
	{"combining tilde after n", "n\u0303", "n~"},
	{"combining acute kept", "e\u0301", "e\u0301"},
	{"grave", "`code`", "'code'"},
	{"em quad one space", "a\u2001b", "a b"},
	{"line separator", "a\u2028b", "a b"},
	{"crlf kept", "a\r\nb", "a\r\nb"},
	{"cyrillic", "Привет", "Привет"},
	{"cyrillic quotes", "«Привет»", "\"Привет\""},
	{"invalid bytes", "a\xffb\xe2\x80", "a\xffb\xe2\x80"},
	{"invalid then mapped", "\xe2\x80\u2019", "\xe2\x80'"},
	{"truncated quote", "\xe2\x80\x9c\xe2\x80", "\"\xe2\x80"},
	{"surrogate bytes", "\xed\xa0\x80’", "\xed\xa0\x80'"},
	{"replacement char kept", "\ufffd", "\ufffd"},
	{"long unchanged", strings.Repeat("abcdefgh", 20) + "’", strings.Repeat("abcdefgh", 20) + "'"},
}

func TestSmartEncode(t *testing.T) {
	m := smartData(t)
	for _, tt := range smartTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SmartEncode(tt.in); got != tt.want {
				t.Errorf("SmartEncode(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := smartReference(m, tt.in); got != tt.want {
				t.Errorf("smartReference(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := string(SmartEncodeBytes([]byte(tt.in))); got != tt.want {
				t.Errorf("SmartEncodeBytes(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := string(AppendSmartEncode([]byte("x"), []byte(tt.in))); got != "x"+tt.want {
				t.Errorf("AppendSmartEncode(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
			}
			got, n, err := transform.String(SmartEncoder{}, tt.in)
			if got != tt.want || n != len(tt.in) || err != nil {
				t.Errorf("transform.String(SmartEncoder{}, %q) = %q, %d, %v; want %q, %d, nil", tt.in, got, n, err, tt.want, len(tt.in))
			}
			b, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(tt.in)), SmartEncoder{}))
			if string(b) != tt.want || err != nil {
				t.Errorf("one-byte reader on %q: %q, %v; want %q", tt.in, b, err, tt.want)
			}
			chained, _, err := transform.String(transform.Chain(norm.NFD, SmartEncoder{}, SmartEncoder{}), tt.in)
			if want := SmartEncode(norm.NFD.String(tt.in)); chained != want || err != nil {
				t.Errorf("Chain(NFD, SmartEncoder, SmartEncoder) on %q = %q, %v; want %q", tt.in, chained, err, want)
			}
		})
	}
}

func TestSmartEncodeAllocs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"ascii", strings.Repeat("Hello world. ", 120), 0},
		{"cyrillic", strings.Repeat("Привет мир. ", 80), 0},
		{"curly", strings.Repeat("“Hi” it’s ", 100), 1},
		{"all deleted", strings.Repeat("\u200b", 50), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := testing.AllocsPerRun(50, func() { smartSink = SmartEncode(tt.in) }); got != tt.want {
				t.Errorf("SmartEncode allocations = %v, want %v", got, tt.want)
			}
			b := []byte(tt.in)
			if got := testing.AllocsPerRun(50, func() { smartBytesSink = SmartEncodeBytes(b) }); got != tt.want {
				t.Errorf("SmartEncodeBytes allocations = %v, want %v", got, tt.want)
			}
			dst := make([]byte, 0, 4*len(tt.in))
			if got := testing.AllocsPerRun(50, func() { smartBytesSink = AppendSmartEncode(dst[:0], b) }); got != 0 {
				t.Errorf("AppendSmartEncode with room allocations = %v, want 0", got)
			}
		})
	}
}

func TestSmartEncodeReturnsInput(t *testing.T) {
	s := strings.Repeat("plain text ", 10)
	if got := SmartEncode(s); unsafe.StringData(got) != unsafe.StringData(s) || len(got) != len(s) {
		t.Errorf("SmartEncode of unchanged text did not return its input")
	}
	b := []byte(s)
	if got := SmartEncodeBytes(b); &got[0] != &b[0] {
		t.Errorf("SmartEncodeBytes of unchanged text did not return its input")
	}
	b2 := []byte("it’s")
	got := SmartEncodeBytes(b2)
	got[0] = 'X'
	if string(b2) != "it’s" {
		t.Errorf("SmartEncodeBytes changed its input: %q", b2)
	}
}

// TestSmartEncoderChunking drives Transform by hand with random source chunks
// and random, sometimes tiny, destination buffers.
func TestSmartEncoderChunking(t *testing.T) {
	m := smartData(t)
	var pieces []string
	for r := range m {
		pieces = append(pieces, string(r))
	}
	pieces = append(pieces, "a", "Ж", "😀", "\xff", "\xe2", "\xe2\x80", "é", "e\u0301", " ", "\r\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 300; iter++ {
		var sb strings.Builder
		for k := rng.IntN(200); k > 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in := sb.String()
		want := SmartEncode(in)
		if ref := smartReference(m, in); want != ref {
			t.Fatalf("SmartEncode(%q) = %q, reference %q", in, want, ref)
		}
		got, err := smartTransformChunked(SmartEncoder{}, []byte(in), rng)
		if err != nil || string(got) != want {
			t.Fatalf("chunked Transform(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// smartTransformChunked feeds src to tr in random pieces with random
// destination sizes (at least 8 bytes, room for any replacement).
func smartTransformChunked(tr transform.Transformer, src []byte, rng *rand.Rand) ([]byte, error) {
	var out []byte
	pending := []byte{}
	pos := 0
	for {
		take := rng.IntN(9)
		if pos+take > len(src) {
			take = len(src) - pos
		}
		pending = append(pending, src[pos:pos+take]...)
		pos += take
		atEOF := pos == len(src)
		for {
			dst := make([]byte, 7+rng.IntN(6))
			nDst, nSrc, err := tr.Transform(dst, pending, atEOF)
			out = append(out, dst[:nDst]...)
			pending = pending[nSrc:]
			if err == transform.ErrShortDst {
				continue
			}
			if err == transform.ErrShortSrc {
				if atEOF {
					return out, errors.New("ErrShortSrc at EOF")
				}
				break
			}
			if err != nil {
				return out, err
			}
			if len(pending) != 0 {
				return out, errors.New("nil error with source left")
			}
			break
		}
		if atEOF {
			return out, nil
		}
	}
}

func TestSmartEncoderSpan(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		atEOF bool
		n     int
		err   error
	}{
		{"clean", "hello", true, 5, nil},
		{"mapped", "ab’c", true, 2, transform.ErrEndOfSpan},
		{"cut mapped", "ab\xe2\x80", false, 2, transform.ErrShortSrc},
		{"cut at EOF", "ab\xe2\x80", true, 4, nil},
		{"cut unmapped lead", "ab\xd0", false, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := SmartEncoder{}.Span([]byte(tt.in), tt.atEOF)
			if n != tt.n || err != tt.err {
				t.Errorf("Span(%q, %v) = %d, %v; want %d, %v", tt.in, tt.atEOF, n, err, tt.n, tt.err)
			}
		})
	}
}

// smartStream yields a block repeated until size bytes have been read,
// without holding them.
type smartStream struct {
	block []byte
	off   int
	left  int
}

func (s *smartStream) Read(p []byte) (int, error) {
	if s.left == 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && s.left > 0 {
		k := copy(p[n:min(len(p), n+s.left)], s.block[s.off:])
		n += k
		s.left -= k
		s.off = (s.off + k) % len(s.block)
	}
	return n, nil
}

// TestSmartEncoder64MiB streams 64 MiB through the transformer: the output
// matches SmartEncode block by block and memory use does not grow.
func TestSmartEncoder64MiB(t *testing.T) {
	block := []byte(strings.Repeat("“Quoted” it’s… Привет\u00a0мир\ttab 😀 plain ASCII text here. ", 37))
	const size = 64 << 20
	blocks := size / len(block)
	want := sha256.New()
	enc := SmartEncode(string(block))
	for i := 0; i < blocks; i++ {
		io.WriteString(want, enc)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := sha256.New()
	n, err := io.CopyBuffer(got, transform.NewReader(&smartStream{block: block, left: blocks * len(block)}, SmartEncoder{}), make([]byte, 32<<10))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(blocks*len(enc)) || !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
		t.Errorf("streamed output differs from SmartEncode: %d bytes, want %d", n, blocks*len(enc))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("streaming 64 MiB allocated %d bytes, want constant memory (< 1 MiB)", alloc)
	}
}

var (
	smartSink      string
	smartBytesSink []byte
)
