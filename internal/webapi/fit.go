package webapi

import (
	sms "github.com/smsgauge/sms"
)

// FitOptions are the options of fit(body, maxSegments, {suffix, noSuffix,
// udh16}).
type FitOptions struct {
	Suffix   string // what ends a cut body; "" means "..."
	NoSuffix bool   // end a cut body with nothing
	UDH16    bool   // 16-bit concatenation reference (152 septets / 66 units)
}

// AppendFit appends the fit() result: the body cut to at most maxSegments
// segments (sms.FitOptions.Fit): {body, cut, kept, cutCharacters, suffix,
// encoding, segments, characters, before: {encoding, segments, characters,
// units}}. kept is the UTF-16 index in the input where the cut falls (its
// length when nothing is cut).
func AppendFit(dst []byte, body string, maxSegments int, o FitOptions) ([]byte, error) {
	r, err := sms.FitOptions{Suffix: o.Suffix, NoSuffix: o.NoSuffix, Options: sms.Options{UDH16: o.UDH16}}.Fit(body, maxSegments)
	if err != nil {
		param := "options"
		if maxSegments < 1 {
			param = "maxSegments"
		}
		return nil, libError(err, param)
	}
	w := obj{b: append(dst, '{')}
	w.str("body", r.Body)
	w.bool("cut", r.Cut)
	c := u16{s: body}
	w.int("kept", c.at(r.Kept))
	w.int("cutCharacters", r.CutGraphemes)
	w.str("suffix", r.Suffix)
	appendSummary(&w, r.After)
	b := w.open("before", '{')
	appendSummary(&b, r.Before)
	w.end(b, '}')
	return append(w.b, '}'), nil
}
