package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
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
		b, err := readStdinBody(stdin, stderr, &f.limits)
		if err != nil {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		body = string(b)
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
		r := newReport(a, body)
		r.LineBreaks = newLineBreaksJSON(opts, body)
		if fit != nil {
			r.Fit = newFitJSON(*fit, f.fit)
		}
		if f.smart.enabled() {
			if r.Smart, err = smartJSON(body, f.smart, opts); err != nil {
				fmt.Fprintln(stderr, "smsgauge:", userError(err))
				return 1
			}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
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

// report is the JSON form of an analysis.
type report struct {
	Encoding    sms.Encoding  `json:"encoding"`
	Segments    int           `json:"segments"`
	Characters  int           `json:"characters"`
	Units       int           `json:"units"`
	Graphemes   int           `json:"graphemes"`
	Scalars     int           `json:"scalars"`
	MessageBits int           `json:"message_bits"`
	TotalBits   int           `json:"total_bits"`
	Capacity    int           `json:"capacity"`
	UDHOctets   int           `json:"udh_octets"`
	SegmentBits []int         `json:"segment_bits"`
	Parts       []part        `json:"parts"`
	NonGSM      []nonGSMChar  `json:"non_gsm"`
	Invalid     int           `json:"invalid_bytes"`
	RCSSegments int           `json:"rcs_segments_us"`
	Smart       *smartJSONOut `json:"smart,omitempty"`
	reportExtras
}

type part struct {
	Index    int    `json:"index"`
	Offset   int    `json:"offset"`
	Text     string `json:"text"`
	Units    int    `json:"units"`
	Capacity int    `json:"capacity"`
	Bits     int    `json:"bits"`
}

type nonGSMChar struct {
	Offset      int      `json:"offset"`
	Text        string   `json:"text"`
	CodePoints  []string `json:"code_points"`
	Units       int      `json:"units"`
	Invalid     bool     `json:"invalid,omitempty"`
	Fix         string   `json:"fix"`                   // "smart", "nfc", "nfc+smart" or "none"
	Replacement *string  `json:"replacement,omitempty"` // what the fix turns it into
}

func newReport(a sms.Analysis, body string) report {
	r := report{
		Encoding: a.Encoding, Segments: a.Segments, Characters: a.Characters, Units: a.Units,
		Graphemes: a.Graphemes, Scalars: a.Scalars, MessageBits: a.MessageBits, TotalBits: a.TotalBits,
		Capacity: a.Capacity, UDHOctets: a.UDHOctets, Invalid: a.Invalid, RCSSegments: sms.RCSSegments(body),
		SegmentBits: []int{}, Parts: []part{}, NonGSM: []nonGSMChar{},
	}
	for s := range a.SplitSeq() {
		r.SegmentBits = append(r.SegmentBits, s.Bits)
		r.Parts = append(r.Parts, part(s))
	}
	fixes := fixesByOffset(body)
	for c := range a.NonGSMSeq() {
		n := nonGSMChar{Offset: c.Offset, Text: c.Text, CodePoints: codePoints(c.Text), Units: c.Units, Invalid: c.Invalid, Fix: "none"}
		if fx, ok := fixes[c.Offset]; ok && fx.Kind != sms.FixNone {
			n.Fix = fx.Kind.String()
			n.Replacement = &fx.Replacement
		}
		r.NonGSM = append(r.NonGSM, n)
	}
	return r
}

// fixesByOffset indexes Suggest's fixes by the offset of the character.
func fixesByOffset(body string) map[int]sms.Fix {
	m := map[int]sms.Fix{}
	for _, fx := range sms.Suggest(body).Fixes {
		if fx.Kind != sms.FixNone { // callers look up only fixes: memory stays small for text no fix helps
			m[fx.Offset] = fx
		}
	}
	return m
}

// codePoints lists the code points of s as U+XXXX, an invalid byte as 0xXX.
func codePoints(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			out = append(out, fmt.Sprintf("0x%02X", s[i]))
		} else {
			out = append(out, fmt.Sprintf("U+%04X", r))
		}
		i += n
	}
	return out
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
		var fx map[int]sms.Fix
		if fixes {
			fx = fixesByOffset(body)
		}
		var occ []charAt
		for c := range a.NonGSMSeq() {
			o := charAt{offset: c.Offset, text: c.Text}
			if f, ok := fx[c.Offset]; ok && f.Kind != sms.FixNone {
				o.note = fmt.Sprintf("-> %q (%v)", f.Replacement, f.Kind)
			}
			occ = append(occ, o)
		}
		groups := groupChars(body, occ)
		fmt.Fprintf(w, "Characters that force UCS-2: %s (at: positions, counting characters from 1)\n", countWord(len(occ), len(groups), "character"))
		writeCharGroups(w, groups)
		if sg := sms.Suggest(body); sg.Saved > 0 {
			fmt.Fprintf(w, "Suggestion:  %v, %s instead of %d (smsgauge suggest shows the body)\n", sg.After.Encoding, plural(sg.After.Segments, "segment"), sg.Before.Segments)
		}
	}
	if strings.HasSuffix(body, "\n") {
		fmt.Fprintln(w, "Note:        the body ends with a line break, which is counted")
	}
	fmt.Fprintf(w, "RCS (US):    %s of 160 bytes\n", plural(sms.RCSSegments(body), "segment"))
}
