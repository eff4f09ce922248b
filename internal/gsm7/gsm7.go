// Package gsm7 holds the GSM 7-bit default alphabet and its extension table
// (3GPP TS 23.038 6.2.1) as the counters and the encoders share them: the
// septet code and cost of a rune, and the rune of a septet.
package gsm7

//go:generate go run ../gen/gsm7 -in ../../testdata/gsm7.tsv -out zgsm7_table.go

// Escape is the septet that precedes a character of the extension table.
const Escape = 0x1B

// Rune is one GSM-7 character above U+007F.
type Rune struct {
	R       rune
	Code    uint8 // septet code (after the escape for extension characters)
	Septets uint8 // 1 for the default alphabet, 2 for the extension table
}

// Latin1 holds, for U+0080..U+00FF, the index+1 into Runes (0: not GSM-7);
// Greek does the same for U+0390..U+03AF. Together with the euro sign they
// cover every non-ASCII GSM-7 character. Both are built at init.
var (
	Latin1 [0x80]uint8
	Greek  [0x20]uint8
	euro   uint8
)

func init() {
	for i, e := range Runes {
		switch {
		case e.R >= 0x80 && e.R <= 0xFF:
			Latin1[e.R-0x80] = uint8(i + 1)
		case e.R >= 0x390 && e.R <= 0x3AF:
			Greek[e.R-0x390] = uint8(i + 1)
		case e.R == 0x20AC:
			euro = uint8(i + 1)
		default:
			panic("gsm7: Runes holds a rune outside the lookup ranges")
		}
	}
}

// Code reports how rune r is written in GSM-7: the septet code and its cost
// in septets. septets is 0 when r is not GSM-7, 1 for a character of the
// default alphabet and 2 for one of the extension table, which is sent as
// Escape followed by code.
func Code(r rune) (code byte, septets int) {
	if uint32(r) < 0x80 {
		return ASCIICode[r], int(ASCII[r])
	}
	if e, ok := Lookup(r); ok {
		return e.Code, int(e.Septets)
	}
	return 0, 0
}

// Lookup finds r among the non-ASCII GSM-7 characters.
func Lookup(r rune) (Rune, bool) {
	var k uint8
	switch {
	case r >= 0x80 && r <= 0xFF:
		k = Latin1[r-0x80]
	case r >= 0x390 && r <= 0x3AF:
		k = Greek[r-0x390]
	case r == 0x20AC:
		k = euro
	}
	if k == 0 {
		return Rune{}, false
	}
	return Runes[k-1], true
}
