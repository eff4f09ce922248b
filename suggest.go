package sms

import (
	"golang.org/x/text/unicode/norm"
)

// FixKind says what, if anything, keeps a character from forcing UCS-2.
type FixKind uint8

const (
	// FixNone: nothing known; an emoji, a letter of a script outside GSM-7,
	// "ç" or an invalid byte stays UCS-2.
	FixNone FixKind = iota
	// FixSmart: smart encoding replaces it with a GSM-7 look-alike (or
	// deletes it).
	FixSmart
	// FixNFC: Unicode NFC composes it into a GSM-7 character, as "e" with a
	// combining acute becomes "é".
	FixNFC
	// FixNFCSmart: NFC and then smart encoding together.
	FixNFCSmart
	// FixLineBreak: a CR LF line break, which Twilio bills as two
	// characters, written as a lone LF (Suggestion.LineBreakFixes).
	FixLineBreak
)

// String returns "none", "smart", "nfc", "nfc+smart" or "lf".
func (k FixKind) String() string {
	switch k {
	case FixLineBreak:
		return "lf"
	case FixNone:
		return "none"
	case FixSmart:
		return "smart"
	case FixNFC:
		return "nfc"
	case FixNFCSmart:
		return "nfc+smart"
	}
	return "FixKind(" + itoa(int(k)) + ")"
}

// MarshalText returns the String form, so that JSON shows "smart".
func (k FixKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Fix is a character of the input that forces UCS-2, and what would avoid it.
type Fix struct {
	Char                // the character (grapheme cluster) and its byte offset in the input
	Kind        FixKind // how to avoid it
	Replacement string  // what it becomes under Kind; empty for FixNone, or when it is deleted
}

// Suggestion is the cheapest body Suggest could reach, and why.
type Suggestion struct {
	// Body is the cheapest body found: the input itself when nothing makes
	// it cheaper.
	Body string
	// NFC and Smart say which tools produced Body: NFC normalisation, and
	// smart encoding (SmartOnlyShrinking when only the substitutions that
	// do not lengthen a UCS-2 body were made).
	NFC, Smart, SmartOnlyShrinking bool
	// Before is the input, After is Body.
	Before, After Analysis
	// Saved is Before.Segments - After.Segments, never negative.
	Saved int
	// Fixes lists every character of the input that forces UCS-2, with what
	// would avoid it (nil from SuggestSummary).
	Fixes []Fix
	// Remaining lists the characters of Body that still force UCS-2, with
	// offsets in Body (nil from SuggestSummary).
	Remaining []Char
	// LineBreaks says what the line breaks of the input cost under o.Core:
	// its CR LF pairs, and its segments with a lone LF for each of them
	// ("2 CRLF; with LF: 1 segment instead of 2"). Body keeps its line
	// breaks as they are.
	LineBreaks LineBreaks
	// LineBreakFixes lists each CR LF of the input (Kind FixLineBreak,
	// Replacement "\n"), when writing them as LF saves a segment (nil from
	// SuggestSummary).
	LineBreakFixes []Fix
}

// Suggest is SmartOptions{}.Suggest: the cheapest body with the default
// options. It never fails.
func Suggest(body string) Suggestion {
	s, _ := SmartOptions{}.Suggest(body)
	return s
}

// Suggest returns the cheapest body reachable from body with the tools of
// this package: NFC normalisation, smart encoding, both, or smart encoding
// limited to the substitutions that do not lengthen a UCS-2 body (deletions
// and one-for-one replacements). It tries each, keeps the one with fewest
// segments under o.Core, and among equals the one that changes least.
// It explains the choice: for each character of body that forces UCS-2, a
// Fix, and the characters of the suggested body that still do. Policy and NFC
// of o do not matter here: Suggest always considers every tool, and changes
// nothing itself. It fails on an invalid option, or when o.Core forces GSM-7
// and no candidate is GSM-7.
func (o SmartOptions) Suggest(body string) (Suggestion, error) {
	sg, err := o.SuggestSummary(body)
	if err != nil {
		return Suggestion{}, err
	}
	for ch := range sg.Before.NonGSMSeq() {
		sg.Fixes = append(sg.Fixes, fixFor(ch))
	}
	sg.Remaining = sg.After.AppendNonGSM(nil)
	sg.LineBreakFixes = lineBreakFixes(sg.LineBreaks, body)
	return sg, nil
}

// SuggestSummary is Suggest without the lists that grow with the body:
// Fixes, Remaining and LineBreakFixes stay nil, and every other field is
// as Suggest fills it. Its memory is a few copies of body, whatever the
// body holds, where Suggest's lists hold tens of bytes for each character
// that forces UCS-2. The lists are at hand one item at a time:
// Before.NonGSMSeq with FixChar gives Fixes, After.NonGSMSeq gives
// Remaining.
func (o SmartOptions) SuggestSummary(body string) (Suggestion, error) {
	if err := o.check(); err != nil {
		return Suggestion{}, err
	}
	sg := Suggestion{Before: o.analyzeOrAuto(body)}

	nfc := norm.NFC.String(body)
	cands := [...]suggestCandidate{
		{body: body},
		{body: nfc, nfc: true},
		{body: smartShrinking(body), smart: true, onlyShrinking: true},
		{body: SmartEncode(body), smart: true},
		{body: smartShrinking(nfc), nfc: true, smart: true, onlyShrinking: true},
		{body: SmartEncode(nfc), nfc: true, smart: true},
	}
	best := -1
	var firstErr error
	for i, c := range cands {
		if i > 0 && c.body == cands[0].body {
			continue
		}
		a, err := o.Core.Analyze(c.body)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if best < 0 || a.Segments < sg.After.Segments {
			best, sg.After = i, a
		}
	}
	if best < 0 {
		return Suggestion{}, firstErr
	}
	c := cands[best]
	// Candidates that change nothing more than an earlier one lose ties, so
	// the flags name only tools that changed the body.
	sg.Body, sg.NFC, sg.Smart = c.body, c.nfc, c.smart
	sg.SmartOnlyShrinking = c.onlyShrinking && c.body != cands[best+1].body
	sg.Saved = sg.Before.Segments - sg.After.Segments
	sg.LineBreaks = lineBreakCost(o.Core, body)
	return sg, nil
}

// suggestCandidate is a body Suggest considers, and how it was made.
type suggestCandidate struct {
	body                      string
	nfc, smart, onlyShrinking bool
}

// FixChar returns what would keep the character c from forcing UCS-2,
// as Suggest lists it in Fixes: FixNFC, FixSmart or FixNFCSmart with the
// GSM-7 text it becomes, or FixNone. It depends on c.Text alone (and on
// c.Invalid, which follows from it), so a caller walking a long body with
// NonGSMSeq can keep one Fix for each distinct character.
func FixChar(c Char) Fix { return fixFor(c) }

// fixFor finds what would keep one character from forcing UCS-2.
func fixFor(ch Char) Fix {
	f := Fix{Char: ch}
	if ch.Invalid {
		return f
	}
	n := norm.NFC.String(ch.Text)
	if n != ch.Text && Analyze(n).Encoding == EncodingGSM7 {
		f.Kind, f.Replacement = FixNFC, n
		return f
	}
	if s := SmartEncode(ch.Text); s != ch.Text && Analyze(s).Encoding == EncodingGSM7 {
		f.Kind, f.Replacement = FixSmart, s
		return f
	}
	if n != ch.Text {
		if s := SmartEncode(n); s != n && Analyze(s).Encoding == EncodingGSM7 {
			f.Kind, f.Replacement = FixNFCSmart, s
		}
	}
	return f
}

// smartShrinking substitutes only the mapped characters whose replacement
// takes no more UTF-16 units than they do: in a body that stays UCS-2 the
// others (… to "...", a tab to seven spaces) would cost more.
func smartShrinking(s string) string {
	var b []byte
	i := 0
	for j, size, repl, _ := smartNext(s, 0, true); j < len(s); j, size, repl, _ = smartNext(s, j+size, true) {
		if len(repl) > 1 { // every original is 1 unit (all lie in the BMP); repl is ASCII
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[i:j]...)
		b = append(b, repl...)
		i = j + size
	}
	if b == nil {
		return s
	}
	return string(append(b, s[i:]...))
}
