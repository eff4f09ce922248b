package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/smsgauge/sms"
)

func init() {
	register(command{name: "suggest", usage: "cheapest body by smart encoding and NFC, and what still forces UCS-2", run: runSuggest})
}

// smartFlag is the -smart flag. It is off by default; -smart alone or
// -smart=calculator turns on the calculator's policy (always substitute),
// -smart=gsm-only the one of Twilio's 2017 announcement (substitute only
// when the result is all GSM-7).
type smartFlag struct {
	on     bool
	policy sms.SmartPolicy
}

func (f *smartFlag) String() string {
	if f == nil || !f.on {
		return "off"
	}
	return f.policy.String()
}

func (f *smartFlag) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "on":
		f.on, f.policy = true, sms.SmartAlways
		return nil
	case "false", "off":
		f.on = false
		return nil
	}
	p, err := sms.ParseSmartPolicy(s)
	if err != nil || s == "" {
		return errors.New("want " + f.valid())
	}
	f.on, f.policy = true, p
	return nil
}

func (f *smartFlag) valid() string { return "calculator, gsm-only, on or off" }

// IsBoolFlag lets -smart stand alone, as a boolean flag does.
func (f *smartFlag) IsBoolFlag() bool { return true }

// takesValue lets the policy follow as the next argument: -smart gsm-only.
func (f *smartFlag) takesValue(next string) bool {
	return strings.EqualFold(next, "calculator") || strings.EqualFold(next, "gsm-only")
}

// smartFlags are the smart-encoding flags the default report and --jsonl
// share: -smart[=calculator|gsm-only] and -nfc.
type smartFlags struct {
	smart smartFlag
	nfc   bool
}

// addSmartFlags defines -smart and -nfc on fs.
func addSmartFlags(fs *flag.FlagSet) *smartFlags {
	f := &smartFlags{}
	fs.Var(&f.smart, "smart", "emulate Twilio's SmartEncoded=true: -smart or -smart calculator (always substitute), -smart gsm-only (only when the result is all GSM-7)")
	fs.BoolVar(&f.nfc, "nfc", false, "normalise the body to Unicode NFC first (beyond Twilio: e + U+0301 becomes é)")
	return f
}

// enabled reports whether a smart analysis was asked for: -smart or -nfc.
func (f *smartFlags) enabled() bool { return f.smart.on || f.nfc }

// options returns the SmartOptions the flags select, on top of core.
func (f *smartFlags) options(core sms.Options) sms.SmartOptions {
	return sms.SmartOptions{Policy: f.smart.policy, NFC: f.nfc, Core: core}
}

// analyze is SmartOptions.Analyze as the flags ask. With -nfc alone the
// body is normalised but no look-alike is substituted: Twilio's smart
// encoding stays off.
func (f *smartFlags) analyze(body string, core sms.Options) (sms.SmartAnalysis, error) {
	if f.smart.on {
		return f.options(core).Analyze(body)
	}
	sa := sms.SmartAnalysis{Body: norm.NFC.String(body)}
	sa.Text = sa.Body
	sa.Normalized = sa.Body != body
	var err error
	if sa.Before, err = core.Analyze(body); err != nil {
		// GSM-7 forced on a body that is not: show the automatic choice.
		if sa.Before, err = (sms.Options{UDH16: core.UDH16}).Analyze(body); err != nil {
			return sms.SmartAnalysis{}, err
		}
	}
	if sa.After, err = core.Analyze(sa.Body); err != nil {
		return sms.SmartAnalysis{}, err
	}
	sa.Saved = sa.Before.Segments - sa.After.Segments
	sa.NFCSaved = sa.Saved
	return sa, nil
}

// smartJSONOut is the "smart" object of a --jsonl output line (and of a
// -json report): the body as Twilio would send it with the flags' smart
// options, and what it costs. SegmentBits lists each segment's payload bits,
// without the UDH.
type smartJSONOut struct {
	Encoding    sms.Encoding `json:"encoding"`
	Segments    int          `json:"segments"`
	Characters  int          `json:"characters"`
	Units       int          `json:"units"`
	SegmentBits []int        `json:"segment_bits"`
	Body        string       `json:"body"`
}

// smartJSON analyses body with the flags' smart options on top of core, for
// the "smart" field of --jsonl and -json output.
func smartJSON(body string, f *smartFlags, core sms.Options) (*smartJSONOut, error) {
	sa, err := f.analyze(body, core)
	if err != nil {
		return nil, err
	}
	a := sa.After
	o := &smartJSONOut{Encoding: a.Encoding, Segments: a.Segments, Characters: a.Characters, Units: a.Units,
		SegmentBits: make([]int, 0, a.Segments), Body: sa.Body}
	for seg := range a.SplitSeq() {
		o.SegmentBits = append(o.SegmentBits, seg.Bits)
	}
	return o, nil
}

// writeSmartReport writes the smart-encoding lines of the default text
// report: what the flags' smart options change and save.
func writeSmartReport(w io.Writer, body string, f *smartFlags, core sms.Options) error {
	sa, err := f.analyze(body, core)
	if err != nil {
		return err
	}
	label := "smart (" + f.smart.String() + ")"
	if !f.smart.on {
		label = "nfc"
	} else if f.nfc {
		label += " + nfc"
	}
	fmt.Fprintf(w, "%s: %s, %s (%s), saves %s\n", label, sa.After.Encoding, plural(sa.After.Segments, "segment"),
		unitsText(sa.After), plural(sa.Saved, "segment"))
	if sa.Normalized {
		fmt.Fprintf(w, "  NFC changed the body (saves %s)\n", plural(sa.NFCSaved, "segment"))
	}
	if f.smart.on && !sa.Substituted && sms.SmartEncode(sa.Body) != sa.Body {
		fmt.Fprintf(w, "  not substituted: the result would not be all GSM-7\n")
	}
	if n := len(sa.Substitutions); n > 0 {
		// Offsets are in the text smart encoding ran on: the NFC form
		// with -nfc.
		on := body
		if sa.Normalized {
			on = norm.NFC.String(body)
		}
		g := newCharGroups(on)
		for _, s := range sa.Substitutions {
			g.add(s.Offset, s.Original, fmt.Sprintf("-> %q", s.Replacement))
		}
		fmt.Fprintf(w, "  substituted: %s\n", g.count())
		g.writeTo(w)
	}
	fmt.Fprintf(w, "  body: %q\n", sa.Body)
	return nil
}

func runSuggest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("suggest", cmdUsage{
		synopsis: []string{"smsgauge suggest [flags] [text ...]"},
		about: `Suggests the cheapest body reachable with smart encoding and NFC, and says
which characters force UCS-2 and what would fix each. The body is the
arguments joined by spaces or, without arguments, standard input exactly as
read (echo adds a line break, which counts: use printf or echo -n).`,
	})
	udh16 := fs.Bool("udh16", false, "16-bit concatenation reference (152 septets or 66 units per part)")
	asJSON := fs.Bool("json", false, "print the suggestion as one JSON object")
	var limits limitFlags
	limits.register(fs.FlagSet)
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	body, err := readBody(pos, stdin, stderr, &limits)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge suggest:", err)
		return 1
	}
	so := sms.SmartOptions{Core: sms.Options{UDH16: *udh16}}
	if *asJSON {
		sg, err := so.Suggest(body)
		if err != nil {
			fmt.Fprintln(stderr, "smsgauge suggest:", userError(err))
			return 1
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(suggestJSON(sg)); err != nil {
			fmt.Fprintln(stderr, "smsgauge suggest:", err)
			return 1
		}
		return 0
	}
	// The text walks the characters one at a time: the lists of Suggest
	// would hold tens of bytes for each.
	sg, err := so.SuggestSummary(body)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge suggest:", userError(err))
		return 1
	}
	writeSuggestion(stdout, sg, body)
	return 0
}

// readBody joins the arguments with spaces, or reads standard input exactly
// as the default report does.
// readBody is the body of a command: its arguments joined by spaces, or
// standard input read as readStdinBody reads it (bounded by -max-body).
func readBody(args []string, stdin io.Reader, stderr io.Writer, l *limitFlags) (string, error) {
	if len(args) > 0 {
		return strings.Join(args, " "), nil
	}
	return readStdinBody(stdin, stderr, l)
}

// writeSuggestion writes the text of smsgauge suggest: sg is a
// SuggestSummary (its lists are not used), body its input.
func writeSuggestion(w io.Writer, sg sms.Suggestion, body string) {
	fmt.Fprintf(w, "now:       %s, %s (%s)\n", sg.Before.Encoding, plural(sg.Before.Segments, "segment"), unitsText(sg.Before))
	fmt.Fprintf(w, "suggested: %s, %s (%s), saves %s", sg.After.Encoding, plural(sg.After.Segments, "segment"),
		unitsText(sg.After), plural(sg.Saved, "segment"))
	if tools := suggestTools(sg); tools != "" {
		fmt.Fprintf(w, " with %s", tools)
	}
	fmt.Fprintln(w)
	if sg.Body != "" || sg.Before.Segments != sg.After.Segments {
		fmt.Fprintf(w, "body:      %q\n", sg.Body)
	}
	if lb := sg.LineBreaks; lb.CRLF+lb.LF > 0 {
		fmt.Fprintf(w, "line breaks: %s\n", lb)
	}
	if sg.Before.NonGSM == 0 {
		fmt.Fprintln(w, "every character is GSM-7")
		return
	}
	none := 0
	g := newCharGroups(body)
	var fixes fixLookup
	for c := range sg.Before.NonGSMSeq() {
		note := "fix: none known"
		if f := fixes.fix(c); f.Kind == sms.FixNone {
			none++
		} else {
			note = fmt.Sprintf("fix: %s -> %q", f.Kind, f.Replacement)
		}
		g.add(c.Offset, c.Text, note)
	}
	fmt.Fprintf(w, "characters forcing UCS-2 now: %s (at: positions, counting characters from 1)\n", g.count())
	g.writeTo(w)
	if none > 0 {
		if none == 1 {
			fmt.Fprint(w, "1 character has no GSM-7 form, so the body stays UCS-2")
		} else {
			fmt.Fprintf(w, "%d characters have no GSM-7 form, so the body stays UCS-2", none)
		}
		if sg.Saved == 0 {
			fmt.Fprint(w, ", and no substitution saves a segment")
		}
		fmt.Fprintln(w)
	}
	if sg.After.NonGSM > 0 {
		g := newCharGroups(sg.Body)
		for c := range sg.After.NonGSMSeq() {
			g.add(c.Offset, c.Text, "")
		}
		fmt.Fprintf(w, "outside GSM-7 in the suggested body: %s\n", g.count())
		g.writeTo(w)
	}
}

func suggestTools(sg sms.Suggestion) string {
	var t []string
	if sg.NFC {
		t = append(t, "NFC")
	}
	if sg.SmartOnlyShrinking {
		t = append(t, "smart encoding (only substitutions that do not lengthen it)")
	} else if sg.Smart {
		t = append(t, "smart encoding")
	}
	return strings.Join(t, " and ")
}

// suggestJSON is the -json form of a suggestion.
func suggestJSON(sg sms.Suggestion) map[string]any {
	fixes := make([]map[string]any, 0, len(sg.Fixes))
	for _, f := range sg.Fixes {
		fixes = append(fixes, map[string]any{"offset": f.Offset, "text": f.Text, "fix": f.Kind.String(), "replacement": f.Replacement})
	}
	remaining := make([]map[string]any, 0, len(sg.Remaining))
	for _, c := range sg.Remaining {
		remaining = append(remaining, map[string]any{"offset": c.Offset, "text": c.Text})
	}
	return map[string]any{
		"body":            sg.Body,
		"segments_now":    sg.Before.Segments,
		"segments_after":  sg.After.Segments,
		"encoding_now":    sg.Before.Encoding.String(),
		"encoding_after":  sg.After.Encoding.String(),
		"saved":           sg.Saved,
		"nfc":             sg.NFC,
		"smart":           sg.Smart,
		"smart_shrinking": sg.SmartOnlyShrinking,
		"fixes":           fixes,
		"remaining":       remaining,
		"line_breaks": map[string]any{
			"crlf": sg.LineBreaks.CRLF, "lf": sg.LineBreaks.LF, "segments": sg.LineBreaks.Segments,
			"lf_segments": sg.LineBreaks.LFSegments, "crlf_segments": sg.LineBreaks.CRLFSegments, "text": sg.LineBreaks.String(),
		},
	}
}

func unitsText(a sms.Analysis) string {
	if a.Encoding == sms.EncodingGSM7 {
		return plural(a.Units, "septet")
	}
	return plural(a.Units, "UTF-16 unit")
}

func plural(n int, word string) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
