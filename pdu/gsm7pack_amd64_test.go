//go:build amd64 && !purego

package pdu

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// forEachPacker runs f with packWords' Go loop and, when the processor has
// AVX2, with packPlainAVX2.
func forEachPacker(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	saved := packVector
	defer func() { packVector = saved }()
	packVector = false
	t.Run("go", f)
	if !hasAVX2() {
		t.Log("no AVX2: packPlainAVX2 not run")
		return
	}
	packVector = true
	t.Run("avx2", f)
}

// needAVX2 skips t when the processor has no AVX2.
func needAVX2(t testing.TB) {
	if !hasAVX2() {
		if os.Getenv("CI") != "" {
			t.Fatal("the processor has no AVX2: the assembly loop that amd64 builds run is not tested")
		}
		t.Skip("no AVX2")
	}
}

// guard is the byte written around the output and after the text, so that
// writes outside out are seen, and so are reads past the text (it is not
// plain: a word read with it would stop the vector loop early).
const guard = 0xA5

// comparePackers runs packWords with the Go loop and with the vector loop
// on s[i:i+n] into o octets of an out of room octets (with guard octets
// around it) and fails unless each writes the octets of the reference
// packer up to where it stops, and nothing outside out or before o, and
// both stop at the same word when out has room for all n septets and two
// octets.
func comparePackers(t testing.TB, s string, i, n, o, room int) {
	t.Helper()
	// s sits in a longer string followed by bytes that are not plain.
	text := (s + strings.Repeat(string(rune(guard)), 40))[:len(s)]
	saved := packVector
	defer func() { packVector = saved }()
	var stops [2][2]int
	var outs [2][]byte
	for k, vector := range []bool{false, true} {
		mem := bytes.Repeat([]byte{guard}, room+64)
		out := mem[32 : 32+room : 32+room]
		packVector = vector
		ni, no := packWords(out, o, text, i, n)
		stops[k] = [2]int{ni, no}
		outs[k] = out
		if !bytes.Equal(mem[:32], bytes.Repeat([]byte{guard}, 32)) || !bytes.Equal(mem[32+room:], bytes.Repeat([]byte{guard}, 32)) {
			t.Fatalf("packWords(%q, %d, %d, o %d, room %d), vector %v, wrote outside out", s, i, n, o, room, vector)
		}
		for _, b := range out[:o] {
			if b != guard {
				t.Fatalf("packWords(%q, %d, %d, o %d, room %d), vector %v, wrote before o", s, i, n, o, room, vector)
			}
		}
		if (ni-i)%8 != 0 || ni < i || ni > i+n || no-o != (ni-i)/8*7 || no > room {
			t.Fatalf("packWords(%q, %d, %d, o %d, room %d), vector %v = %d, %d", s, i, n, o, room, vector, ni, no)
		}
		if want := packBits([]byte(s[i:ni]), 0); !bytes.Equal(out[o:no], want) {
			t.Fatalf("packWords(%q, %d, %d, o %d, room %d), vector %v = % X, want % X", s, i, n, o, room, vector, out[o:no], want)
		}
	}
	if room < o+n/8*7+2 {
		// The loops may stop at different words for room (the Go loop's
		// stores of four words end where they are packed; the vector
		// loop's two octets later): each stop is checked above.
		return
	}
	if stops[0] != stops[1] {
		t.Fatalf("packWords(%q, %d, %d, o %d, room %d): Go loop %v, vector loop %v", s, i, n, o, room, stops[0], stops[1])
	}
	if !bytes.Equal(outs[0][:stops[0][1]], outs[1][:stops[1][1]]) {
		t.Fatalf("packWords(%q, %d, %d, o %d, room %d): Go loop % X, vector loop % X", s, i, n, o, room, outs[0][:stops[0][1]], outs[1][:stops[1][1]])
	}
}

// randomPlain returns n bytes of plain characters; with bad set, one byte
// at a random place is replaced by any byte.
func randomPlain(r *rand.Rand, n int, bad bool) string {
	b := make([]byte, n)
	for k := range b {
		c := byte(r.IntN(0x7B-0x20) + 0x20)
		for !plainSeptet(c) {
			c = byte(r.IntN(0x7B-0x20) + 0x20)
		}
		b[k] = c
	}
	if bad && n > 0 {
		b[r.IntN(n)] = byte(r.IntN(256))
	}
	return string(b)
}

// TestPackVectorMatchesGo compares the vector loop with the Go loop on
// random plain text, with and without one other byte, of every length from
// 0 to 300, starting at every offset from 0 to 31 of the text, into out at
// several offsets, with ample room and with every tight room.
func TestPackVectorMatchesGo(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(31, 32))
	for length := 0; length <= 300; length++ {
		for from := 0; from < 32; from++ {
			for _, bad := range []bool{false, true} {
				s := randomPlain(r, from+length, bad)
				n := length &^ 7
				o := r.IntN(9)
				comparePackers(t, s, from, n, o, o+n+40)
				if from%8 == 0 {
					for room := o; room <= o+n/8*7+10; room++ {
						comparePackers(t, s, from, n, o, room)
					}
				}
			}
		}
	}
}

// TestPackVectorBadBytes puts every byte at every place of texts of one to
// twenty words (blocks of four, the last block that overlaps the one
// before, the single words) and compares the vector loop with the Go loop.
func TestPackVectorBadBytes(t *testing.T) {
	needAVX2(t)
	base := strings.Repeat("Plain text, 42 words; no escapes? ", 6)[:160]
	for words := 1; words <= 20; words++ {
		for at := range 8 * words {
			for b := range 256 {
				text := []byte(base[:8*words])
				text[at] = byte(b)
				comparePackers(t, string(text), 0, 8*words, 1, 8*words+8)
			}
		}
	}
}

// FuzzPackVector compares the vector loop with the Go loop on any text,
// from any offset, into any room.
func FuzzPackVector(f *testing.F) {
	f.Add([]byte("Your code is 4821. It expires in 10 minutes; do not share it with anyone! "), 0, 0, 200)
	f.Add([]byte(strings.Repeat("abc", 100)+"$"+strings.Repeat("xyz", 20)), 3, 5, 300)
	f.Add([]byte("short"), 1, 0, 0)
	f.Add([]byte(strings.Repeat("plain words ", 30)), math.MinInt, math.MaxInt, -1)
	f.Fuzz(func(t *testing.T, data []byte, from, o, room int) {
		needAVX2(t)
		i := modNonNeg(from, len(data)+1)
		n := (len(data) - i) &^ 7
		at := modNonNeg(o, 16)
		comparePackers(t, string(data), i, n, at, at+modNonNeg(room, n+32))
	})
}

// modNonNeg returns x modulo m (m > 0) in 0..m-1, for any int x.
func modNonNeg(x, m int) int {
	r := x % m
	if r < 0 {
		r += m
	}
	return r
}
