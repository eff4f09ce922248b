package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	sms "github.com/smsgauge/sms"
)

// fitFlags are the flags of the default report that cut the body to a
// number of segments: -fit N, -suffix and -no-suffix.
type fitFlags struct {
	fit      int
	fitSet   bool
	suffix   string
	noSuffix bool
}

func (f *fitFlags) registerFit(fs *flag.FlagSet) {
	fs.Var((*fitValue)(f), "fit", "also cut the body to at most `N` segments, on a character boundary, and print the result")
	fs.StringVar(&f.suffix, "suffix", "", `with -fit: what ends a cut body (default "...", which is GSM-7; "…" would force UCS-2)`)
	fs.BoolVar(&f.noSuffix, "no-suffix", false, "with -fit: end a cut body with nothing")
}

// fitValue is the -fit flag: a whole number of segments.
type fitValue fitFlags

func (v *fitValue) String() string {
	if v == nil || !v.fitSet {
		return ""
	}
	return strconv.Itoa(v.fit)
}

func (v *fitValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return errors.New("want " + v.valid())
	}
	v.fit, v.fitSet = n, true
	return nil
}

func (v *fitValue) valid() string { return "a whole number of segments, 1 or more" }

func (f *fitFlags) fitOptions(opts sms.Options) sms.FitOptions {
	return sms.FitOptions{Suffix: f.suffix, NoSuffix: f.noSuffix, Options: opts}
}

// reportExtras are the members of a -json report this file adds:
// line_breaks always, fit with -fit.
type reportExtras struct {
	LineBreaks *lineBreaksJSON `json:"line_breaks,omitempty"`
	Fit        *fitJSON        `json:"fit,omitempty"`
}

// fitJSON is the "fit" object of a -json report.
type fitJSON struct {
	MaxSegments  int          `json:"max_segments"`
	Body         string       `json:"body"`
	Cut          bool         `json:"cut"`
	Kept         int          `json:"kept_bytes"`
	CutBytes     int          `json:"cut_bytes"`
	CutGraphemes int          `json:"cut_characters"`
	Suffix       string       `json:"suffix"`
	Encoding     sms.Encoding `json:"encoding"`
	Segments     int          `json:"segments"`
	Characters   int          `json:"characters"`
}

func newFitJSON(r sms.FitResult, n int) *fitJSON {
	return &fitJSON{MaxSegments: n, Body: r.Body, Cut: r.Cut, Kept: r.Kept, CutBytes: r.CutBytes, CutGraphemes: r.CutGraphemes,
		Suffix: r.Suffix, Encoding: r.After.Encoding, Segments: r.After.Segments, Characters: r.After.Characters}
}

func printFit(w io.Writer, r sms.FitResult, n int) {
	if !r.Cut {
		fmt.Fprintf(w, "Fit:         fits in %s as it is\n", plural(n, "segment"))
		return
	}
	fmt.Fprintf(w, "Fit:         %s in %s (%s): kept %d bytes, cut %s (%d bytes)", r.After.Encoding, plural(r.After.Segments, "segment"),
		unitsText(r.After), r.Kept, plural(r.CutGraphemes, "character"), r.CutBytes)
	if r.After.Encoding != r.Before.Encoding {
		fmt.Fprintf(w, "; the cut made it %s", r.After.Encoding)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  body: %q\n", r.Body)
}

// lineBreaksJSON is the "line_breaks" object of a -json report.
type lineBreaksJSON struct {
	CRLF         int    `json:"crlf"`
	LF           int    `json:"lf"`
	Segments     int    `json:"segments"`
	LFSegments   int    `json:"lf_segments"`
	CRLFSegments int    `json:"crlf_segments"`
	Text         string `json:"text"`
}

func newLineBreaksJSON(opts sms.Options, body string) *lineBreaksJSON {
	l, err := opts.LineBreakCost(body)
	if err != nil {
		return nil
	}
	return &lineBreaksJSON{CRLF: l.CRLF, LF: l.LF, Segments: l.Segments, LFSegments: l.LFSegments, CRLFSegments: l.CRLFSegments, Text: l.String()}
}

// printLineBreaks writes the line-break line of the text report, when the
// body has line feeds.
func printLineBreaks(w io.Writer, opts sms.Options, body string) {
	l, err := opts.LineBreakCost(body)
	if err != nil || l.CRLF+l.LF == 0 {
		return
	}
	fmt.Fprintf(w, "Line breaks: %s", l)
	if l.CRLF > 0 {
		fmt.Fprint(w, " (Twilio bills CR LF as 2 characters)")
	}
	fmt.Fprintln(w)
}
