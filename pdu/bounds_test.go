package pdu

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestPackedLenNoOverflow: PackedLen is exact for every n, the largest
// included, and never negative (7n would overflow from MaxInt/7 on).
func TestPackedLenNoOverflow(t *testing.T) {
	for _, n := range []int{1, 7, 8, 9, 152, 160, math.MaxInt / 8, math.MaxInt/7 - 1, math.MaxInt / 7, math.MaxInt/7 + 1, math.MaxInt - 1, math.MaxInt} {
		for fill := -8; fill <= 8; fill++ {
			got := PackedLen(n, fill)
			f := normFill(fill)
			// Exact: 8*got >= f + 7n > 8*(got-1), checked in 128-bit terms
			// by comparing quotients and remainders.
			q, r := n/8, n%8
			want := 7*q + (7*r+f+7)/8
			if got != want || got <= 0 {
				t.Fatalf("PackedLen(%d, %d) = %d, want %d", n, fill, got, want)
			}
			if n < math.MaxInt/8 && got != (f+7*n+7)/8 {
				t.Fatalf("PackedLen(%d, %d) = %d, want %d by the plain formula", n, fill, got, (f+7*n+7)/8)
			}
		}
	}
	if PackedLen(0, 3) != 0 || PackedLen(math.MinInt, 1) != 0 {
		t.Errorf("PackedLen of no septets is not 0")
	}
}

// TestBoundsReproducers: lengths and counts from outside never panic;
// each gets the error its documentation names.
func TestBoundsReproducers(t *testing.T) {
	tests := []struct {
		name string
		run  func() error
		want error
	}{
		{"AppendUnpacked MaxInt", func() error { _, err := AppendUnpacked(nil, []byte{1}, 0, math.MaxInt); return err }, ErrLengthOverrun},
		{"AppendUnpacked MaxInt/7", func() error { _, err := AppendUnpacked(nil, []byte{1}, 0, math.MaxInt/7); return err }, ErrLengthOverrun},
		{"AppendUnpacked MinInt fill", func() error { _, err := AppendUnpacked(nil, []byte{1}, math.MinInt, 9); return err }, ErrLengthOverrun},
		{"AppendUnpacked negative", func() error { _, err := AppendUnpacked(nil, []byte{1}, 0, -1); return err }, ErrLengthOverrun},
		{"Reassemble UDL MaxInt", func() error {
			_, err := Reassemble([]Part{{UDL: math.MaxInt, UserData: []byte{0x41}}})
			return err
		}, ErrLengthOverrun},
		{"Reassemble UDL MaxInt/7", func() error {
			_, err := Reassemble([]Part{{UDL: math.MaxInt / 7, UserData: []byte{0x41}}})
			return err
		}, ErrLengthOverrun},
		{"Reassemble UDL MaxInt unpacked", func() error {
			_, err := Reassemble([]Part{{UDL: math.MaxInt, Unpacked: true, UserData: []byte{0x41}}})
			return err
		}, ErrLengthOverrun},
		{"Reassemble UDL MaxInt UCS-2", func() error {
			_, err := Reassemble([]Part{{UDL: math.MaxInt, DCS: DCSUCS2, UserData: []byte{0, 0x41}}})
			return err
		}, ErrLengthOverrun},
		{"Reassemble UDL MinInt", func() error {
			_, err := Reassemble([]Part{{UDL: math.MinInt, UserData: []byte{0x41}}})
			return err
		}, ErrLengthOverrun},
		{"Reassemble 256 parts", func() error { _, err := Reassemble(make([]Part, 256)); return err }, ErrTooManyParts},
		{"Reassemble odd UCS-2", func() error {
			_, err := Reassemble([]Part{{DCS: DCSUCS2, UserData: []byte{0, 0x41, 0}}})
			return err
		}, ErrBadUserData},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			var pe *PartError
			if !errors.Is(err, tc.want) || !errors.As(err, &pe) {
				t.Fatalf("error = %v, want a *PartError wrapping %v", err, tc.want)
			}
		})
	}
}

// TestReassembleMixedReferenceSize: parts of 8-bit and 16-bit references
// are told apart by size, not by a reference number they share.
func TestReassembleMixedReferenceSize(t *testing.T) {
	body := strings.Repeat("a", 200)
	p8, err := EncodeSegments(body, EncodeOptions{Reference: 1})
	if err != nil {
		t.Fatal(err)
	}
	p16, err := EncodeSegments(body, EncodeOptions{Reference: 1, UDH16: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Reassemble([]Part{p8[0], p16[1]})
	if !errors.Is(err, ErrReferenceMismatch) || !strings.Contains(err.Error(), "a 16-bit reference, part index 0 has an 8-bit one") {
		t.Fatalf("Reassemble(8-bit, 16-bit) = %v, want ErrReferenceMismatch naming the sizes", err)
	}
}
