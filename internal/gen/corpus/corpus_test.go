package corpus

import (
	"bytes"
	"os"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestCommittedFile checks that testdata/corpus/mixed.txt is what the
// generator writes: run go generate after changing the generator.
func TestCommittedFile(t *testing.T) {
	got, err := os.ReadFile("../../../testdata/corpus/mixed.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := Format(Bodies())
	if !bytes.Equal(got, want) {
		t.Fatalf("testdata/corpus/mixed.txt (%d bytes) differs from the generator's output (%d bytes): run go generate", len(got), len(want))
	}
	bodies, err := Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(bodies, Bodies()) {
		t.Fatal("Parse(Format(Bodies())) != Bodies()")
	}
}

func TestBodies(t *testing.T) {
	bodies := Bodies()
	total := 0
	for _, c := range categories {
		total += c.count
	}
	if len(bodies) != total || total < 2000 {
		t.Fatalf("%d bodies, want %d (at least 2000)", len(bodies), total)
	}
	nonASCII := 0
	for _, b := range bodies {
		if !utf8.ValidString(b) || b == "" {
			t.Fatalf("body %q is empty or not valid UTF-8", b)
		}
		for i := 0; i < len(b); i++ {
			if b[i] >= 0x80 {
				nonASCII++
				break
			}
		}
	}
	// The one-time codes are ASCII, and a few notifications; the rest is not.
	if nonASCII < total/2 || nonASCII > total*3/4 {
		t.Errorf("%d of %d bodies hold non-ASCII text, want between half and three quarters", nonASCII, total)
	}
	if !slices.Equal(bodies, Bodies()) {
		t.Error("Bodies() differs between calls")
	}
}
