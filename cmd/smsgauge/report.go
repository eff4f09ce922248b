package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"

	sms "github.com/smsgauge/sms"
)

// reportFlags are the flags of the default command.
type reportFlags struct {
	json     bool
	jsonl    bool
	udh16    bool
	encoding encodingFlag
	smart    *smartFlags
	region   string
	fitFlags
	limits limitFlags
}

func (f *reportFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "print the report as JSON")
	fs.BoolVar(&f.jsonl, "jsonl", false, `per-message analysis for pipelines: read JSON lines {"id", "body", "to", "from"} on standard input, write one analysis line per input line (encoding, segments, addresses checked, no prices; to price a campaign, use smsgauge batch)`)
	fs.BoolVar(&f.udh16, "udh16", false, "16-bit concatenation reference: 7-octet UDH, 152 septets or 66 units per part")
	fs.Var(&f.encoding, "encoding", "force an encoding: `auto|GSM-7|UCS-2`")
	f.smart = addSmartFlags(fs)
	f.registerFit(fs)
	fs.StringVar(&f.region, "region", "", "with --jsonl: ISO 3166-1 alpha-2 `region` for national numbers in to and from, such as US")
	f.limits.register(fs)
}

func (f *reportFlags) options() sms.Options {
	return sms.Options{Encoding: f.encoding.enc, UDH16: f.udh16}
}

// encodingFlag is -encoding: auto, GSM-7 or UCS-2, as sms.ParseEncoding
// spells them.
type encodingFlag struct{ enc sms.Encoding }

func (e *encodingFlag) String() string {
	if e == nil || e.enc == sms.EncodingAuto {
		return "auto"
	}
	return e.enc.String()
}

func (e *encodingFlag) Set(s string) error {
	v, err := sms.ParseEncoding(s)
	if err != nil || s == "" {
		return errors.New("want " + e.valid())
	}
	e.enc = v
	return nil
}

func (e *encodingFlag) valid() string { return "auto, GSM-7 or UCS-2" }

const reportAbout = `Reports the encoding, segments and cost of an SMS body. The body is the
arguments joined by spaces or, without arguments, standard input exactly as
read (echo adds a line break, which counts: use printf or echo -n). Flags may
stand before or after the text; -- ends them (smsgauge -- -5 degrees).`

// reportFlagSet is the flag set of the default command, whose -h is also
// smsgauge -h and smsgauge help.
func reportFlagSet(f *reportFlags) *flags {
	fs := newFlags("smsgauge", cmdUsage{
		synopsis: []string{
			"smsgauge [flags] [text ...]   (standard input when no text is given)",
			"smsgauge --jsonl [flags]      per-message analysis: JSON lines in, JSON lines out",
			"smsgauge COMMAND [flags] ...",
		},
		about: reportAbout,
		after: printCommands,
	})
	f.register(fs.FlagSet)
	return fs
}

// runReport is the default command: a report on one body, given as
// arguments or on standard input, or the JSON lines mode.
func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f reportFlags
	fs := reportFlagSet(&f)
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	opts := f.options()
	if f.jsonl && f.fitSet {
		fmt.Fprintln(stderr, "smsgauge: -fit works on one body, not with --jsonl")
		return 2
	}
	if f.jsonl {
		if len(pos) > 0 {
			fmt.Fprintf(stderr, "smsgauge: --jsonl reads standard input; unexpected argument %q\n", pos[0])
			return 2
		}
		return runJSONL(opts, f.smart, f.region, &f.limits, stdin, stdout, stderr)
	}
	var body string
	if len(pos) > 0 {
		body = strings.Join(pos, " ")
	} else {
		in, err := readStdinBody(stdin, stderr, &f.limits)
		if err != nil {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		body = in
	}
	a, err := opts.Analyze(body)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge:", userError(err))
		return 1
	}
	var fit *sms.FitResult
	if f.fitSet {
		fr, err := f.fitOptions(opts).Fit(body, f.fit)
		if err != nil {
			fmt.Fprintln(stderr, "smsgauge: -fit:", userError(err))
			return 2
		}
		fit = &fr
	}
	if f.json {
		var x reportExtras
		x.LineBreaks = newLineBreaksJSON(opts, body)
		if fit != nil {
			x.Fit = newFitJSON(*fit, f.fit)
		}
		var smart *smartJSONOut
		if f.smart.enabled() {
			if smart, err = smartJSON(body, f.smart, opts); err != nil {
				fmt.Fprintln(stderr, "smsgauge:", userError(err))
				return 1
			}
		}
		if err := writeReportJSON(stdout, a, body, smart, x); err != nil {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		return 0
	}
	// With -smart or -nfc the smart section lists what is substituted, so
	// the list of characters does not say it a second time.
	printReport(stdout, a, body, !f.smart.enabled())
	printLineBreaks(stdout, opts, body)
	if fit != nil {
		printFit(stdout, *fit, f.fit)
	}
	if f.smart.enabled() {
		if err := writeSmartReport(stdout, body, f.smart, opts); err != nil {
			fmt.Fprintln(stderr, "smsgauge:", userError(err))
			return 1
		}
	}
	return 0
}

// The JSON form of an analysis is one object, written as it is made
// (writeReportJSON) so that its memory does not grow with the body:
//
//	encoding, segments, characters, units, graphemes, scalars,
//	message_bits, total_bits, capacity, udh_octets: numbers (encoding a string)
//	segment_bits: the payload bits of each segment
//	parts: each segment (appendPartJSON)
//	non_gsm: each character that forces UCS-2, every occurrence (appendNonGSMJSON)
//	invalid_bytes, rcs_segments_us: numbers
//	smart: with -smart or -nfc (smartJSONOut)
//	line_breaks, fit: reportExtras

// appendPartJSON appends the "parts" element of segment s:
//
//	{"index", "offset", "text", "units", "capacity", "bits"}
func appendPartJSON(b []byte, s sms.Segment) []byte {
	b = append(b, '{')
	b = appendJSONInt(b, true, "index", s.Index)
	b = appendJSONInt(b, false, "offset", s.Offset)
	b = appendJSONString(appendJSONMember(b, false, "text"), s.Text)
	b = appendJSONInt(b, false, "units", s.Units)
	b = appendJSONInt(b, false, "capacity", s.Capacity)
	b = appendJSONInt(b, false, "bits", s.Bits)
	return append(b, "\n    }"...)
}

// appendNonGSMJSON appends the "non_gsm" element of character c, which fx
// would avoid:
//
//	{"offset", "text", "code_points" (U+XXXX, 0xXX for an invalid byte),
//	"units", "invalid" (only when true), "fix" ("smart", "nfc",
//	"nfc+smart" or "none"), "replacement" (what the fix turns it into;
//	only with a fix)}
func appendNonGSMJSON(b []byte, c sms.Char, fx sms.Fix) []byte {
	b = append(b, '{')
	b = appendJSONInt(b, true, "offset", c.Offset)
	b = appendJSONString(appendJSONMember(b, false, "text"), c.Text)
	b = append(appendJSONMember(b, false, "code_points"), '[')
	for i, cp := range codePointSeq(c.Text) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n        \""...)
		b = appendCodePoint(b, cp)
		b = append(b, '"')
	}
	b = append(b, "\n      ]"...)
	b = appendJSONInt(b, false, "units", c.Units)
	if c.Invalid {
		b = append(appendJSONMember(b, false, "invalid"), "true"...)
	}
	if fx.Kind == sms.FixNone {
		b = append(appendJSONMember(b, false, "fix"), `"none"`...)
	} else {
		b = appendJSONString(appendJSONMember(b, false, "fix"), fx.Kind.String())
		b = appendJSONString(appendJSONMember(b, false, "replacement"), fx.Replacement)
	}
	return append(b, "\n    }"...)
}

// writeReportJSON writes the JSON report of a, the analysis of body, as
// json.Encoder with a two-space indent would write it, but member by member
// and element by element: the lists, which grow with the body, are never
// held whole.
func writeReportJSON(w io.Writer, a sms.Analysis, body string, smart *smartJSONOut, x reportExtras) error {
	o := newJSONObject(w)
	o.member("encoding", a.Encoding)
	o.member("segments", a.Segments)
	o.member("characters", a.Characters)
	o.member("units", a.Units)
	o.member("graphemes", a.Graphemes)
	o.member("scalars", a.Scalars)
	o.member("message_bits", a.MessageBits)
	o.member("total_bits", a.TotalBits)
	o.member("capacity", a.Capacity)
	o.member("udh_octets", a.UDHOctets)
	var b []byte // the element at hand
	o.array("segment_bits", func(yield func([]byte) bool) {
		for s := range a.SplitSeq() {
			if b = strconv.AppendInt(b[:0], int64(s.Bits), 10); !yield(b) {
				return
			}
		}
	})
	o.array("parts", func(yield func([]byte) bool) {
		for s := range a.SplitSeq() {
			if b = appendPartJSON(b[:0], s); !yield(b) {
				return
			}
		}
	})
	var fixes fixLookup
	o.array("non_gsm", func(yield func([]byte) bool) {
		for c := range a.NonGSMSeq() {
			if b = appendNonGSMJSON(b[:0], c, fixes.fix(c)); !yield(b) {
				return
			}
		}
	})
	o.member("invalid_bytes", a.Invalid)
	o.member("rcs_segments_us", sms.RCSSegments(body))
	if smart != nil {
		o.member("smart", smart)
	}
	if x.LineBreaks != nil {
		o.member("line_breaks", x.LineBreaks)
	}
	if x.Fit != nil {
		o.member("fit", x.Fit)
	}
	return o.end()
}

// fixCacheSize bounds the distinct characters a fixLookup keeps.
const fixCacheSize = 4096

// fixLookup finds what would avoid each character that forces UCS-2
// (sms.FixChar), keeping the answer for up to fixCacheSize distinct
// characters: a body of more distinct characters costs time, not memory.
type fixLookup struct{ m map[string]sms.Fix }

func (l *fixLookup) fix(c sms.Char) sms.Fix {
	if f, ok := l.m[c.Text]; ok {
		f.Char = c
		return f
	}
	f := sms.FixChar(c)
	if l.m == nil {
		l.m = map[string]sms.Fix{}
	}
	if len(l.m) < fixCacheSize {
		l.m[c.Text] = f
	}
	return f
}

// codePoint is a code point of a text, or an invalid byte of it.
type codePoint struct {
	r       rune
	invalid bool // r is the byte
}

// codePointSeq walks the code points of s, an invalid byte as one.
func codePointSeq(s string) iter.Seq2[int, codePoint] {
	return func(yield func(int, codePoint) bool) {
		for i, k := 0, 0; i < len(s); k++ {
			r, n := utf8.DecodeRuneInString(s[i:])
			cp := codePoint{r: r}
			if r == utf8.RuneError && n == 1 {
				cp = codePoint{r: rune(s[i]), invalid: true}
			}
			if !yield(k, cp) {
				return
			}
			i += n
		}
	}
}

// appendCodePoint appends cp as U+XXXX, an invalid byte as 0xXX.
func appendCodePoint(b []byte, cp codePoint) []byte {
	const hex = "0123456789ABCDEF"
	digits := 4
	if cp.invalid {
		b = append(b, "0x"...)
		digits = 2
	} else {
		b = append(b, "U+"...)
		for v := cp.r >> 16; v > 0; v >>= 4 {
			digits++
		}
	}
	for d := digits - 1; d >= 0; d-- {
		b = append(b, hex[(cp.r>>(4*d))&0xF])
	}
	return b
}

// describe names the code points of a character for people.
func describe(s string) string {
	var parts []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			parts = append(parts, fmt.Sprintf("invalid byte 0x%02X (counted as U+FFFD)", s[i]))
		default:
			name := runenames.Name(r)
			if name == "" || strings.HasPrefix(name, "<") {
				name = "unnamed"
			}
			parts = append(parts, fmt.Sprintf("U+%04X %s", r, name))
		}
		i += n
	}
	return strings.Join(parts, " + ")
}

func printReport(w io.Writer, a sms.Analysis, body string, fixes bool) {
	unit := "septets"
	if a.Encoding == sms.EncodingUCS2 {
		unit = "UTF-16 units"
	}
	fmt.Fprintf(w, "Encoding:    %v", a.Encoding)
	if a.NonGSM > 0 {
		fmt.Fprintf(w, " (forced by %s outside GSM-7)", plural(a.NonGSM, "character"))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Segments:    %d (%d %s each", a.Segments, a.Capacity, unit)
	if a.UDHOctets > 0 {
		fmt.Fprintf(w, " after a %d-octet UDH", a.UDHOctets)
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "Characters:  %d as Twilio counts them (%d %s, %s, %s)\n",
		a.Characters, a.Units, unit, plural(a.Graphemes, "grapheme"), plural(a.Scalars, "code point"))
	fmt.Fprintf(w, "Size:        %d bits of text, %d bits with headers\n", a.MessageBits, a.TotalBits)
	for s := range a.SplitSeq() {
		fmt.Fprintf(w, "  segment %d  %d/%d  %q\n", s.Index+1, s.Units, s.Capacity, s.Text)
	}
	if a.NonGSM > 0 {
		var fx fixLookup
		g := newCharGroups(body)
		for c := range a.NonGSMSeq() {
			note := ""
			if fixes {
				if f := fx.fix(c); f.Kind != sms.FixNone {
					note = fmt.Sprintf("-> %q (%v)", f.Replacement, f.Kind)
				}
			}
			g.add(c.Offset, c.Text, note)
		}
		fmt.Fprintf(w, "Characters that force UCS-2: %s (at: positions, counting characters from 1)\n", g.count())
		g.writeTo(w)
		if sg, _ := (sms.SmartOptions{}).SuggestSummary(body); sg.Saved > 0 {
			fmt.Fprintf(w, "Suggestion:  %v, %s instead of %d (smsgauge suggest shows the body)\n", sg.After.Encoding, plural(sg.After.Segments, "segment"), sg.Before.Segments)
		}
	}
	if strings.HasSuffix(body, "\n") {
		fmt.Fprintln(w, "Note:        the body ends with a line break, which is counted")
	}
	fmt.Fprintf(w, "RCS (US):    %s of 160 bytes\n", plural(sms.RCSSegments(body), "segment"))
}
