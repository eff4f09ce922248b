package sms

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/smsgauge/sms/internal/grapheme"
)

// DefaultFitSuffix is the suffix Fit appends when it cuts a body: three full
// stops, which are GSM-7. The ellipsis "…" (U+2026) is not, and would force
// the whole message into UCS-2.
const DefaultFitSuffix = "..."

// ErrSuffixTooLong is wrapped by the *FitError of a suffix that does not fit
// in the segments asked for even with nothing of the body before it.
var ErrSuffixTooLong = errors.New("sms: the suffix alone does not fit")

// FitError reports a suffix that does not fit in MaxSegments segments on its
// own. It wraps ErrSuffixTooLong and ErrInvalidOption.
type FitError struct {
	Suffix      string // the suffix asked for
	MaxSegments int    // the segments asked for
	Segments    int    // the segments the suffix alone needs
}

func (e *FitError) Error() string {
	return "sms: the suffix " + quoteFit(e.Suffix) + " alone needs " + strconv.Itoa(e.Segments) +
		" segments, more than the " + strconv.Itoa(e.MaxSegments) + " asked for"
}

// Unwrap returns ErrSuffixTooLong and ErrInvalidOption.
func (e *FitError) Unwrap() []error { return []error{ErrSuffixTooLong, ErrInvalidOption} }

// quoteFit quotes s for an error message, cut to at most 40 bytes on a rune
// boundary.
func quoteFit(s string) string {
	if len(s) <= 40 {
		return strconv.Quote(s)
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}

// FitOptions says how Fit cuts a body. The zero value appends
// DefaultFitSuffix ("...") to a cut body and analyses as Analyze does.
type FitOptions struct {
	// Suffix is appended to a body that had to be cut. "" means
	// DefaultFitSuffix, unless NoSuffix is set. It must be valid UTF-8 and
	// must not begin with a character that joins the one before it (a
	// combining mark, a spacing mark or a zero-width joiner), which would
	// merge with the last character kept.
	Suffix string
	// NoSuffix cuts without appending anything. Setting it together with a
	// non-empty Suffix is an error.
	NoSuffix bool
	// Options are the analysis options: a forced encoding, or UDH16.
	Options Options
}

// FitResult is a body cut to fit in a number of segments.
type FitResult struct {
	// Body is what to send: the input unchanged when it fits, otherwise its
	// first Kept bytes followed by Suffix.
	Body string
	// Cut reports whether the input was cut.
	Cut bool
	// Kept is the number of bytes of the input at the start of Body: all of
	// them when Cut is false. The cut always falls on a grapheme cluster
	// boundary, so never inside an escape pair, a surrogate pair, an emoji
	// sequence or between CR and LF.
	Kept int
	// CutBytes is the number of bytes of the input left out, len(input) -
	// Kept.
	CutBytes int
	// CutGraphemes is the number of grapheme clusters (user-perceived
	// characters; CR LF counts as one) left out.
	CutGraphemes int
	// Suffix is the suffix appended; "" when Cut is false.
	Suffix string
	// Before is the analysis of the input; After the analysis of Body.
	Before, After Analysis
}

// Fit is FitOptions{}.Fit: it cuts body to at most maxSegments segments,
// ending a cut body with "...".
func Fit(body string, maxSegments int) (FitResult, error) {
	return FitOptions{}.Fit(body, maxSegments)
}

// suffix returns the suffix the options ask for, or an *OptionError.
func (o FitOptions) suffix() (string, error) {
	if o.NoSuffix {
		if o.Suffix != "" {
			return "", &OptionError{Option: "NoSuffix", Value: "true", Reason: "set together with Suffix " + quoteFit(o.Suffix)}
		}
		return "", nil
	}
	s := o.Suffix
	if s == "" {
		return DefaultFitSuffix, nil
	}
	if !utf8.ValidString(s) {
		return "", &OptionError{Option: "Suffix", Value: s, Reason: "not valid UTF-8"}
	}
	if r, _ := utf8.DecodeRuneInString(s); r == 0x200D || grapheme.Absorbers.Has(r) {
		return "", &OptionError{Option: "Suffix", Value: s, Reason: "begins with a combining character, which would join the last character kept"}
	}
	return s, nil
}

// Fit returns the longest prefix of body, made of whole grapheme clusters,
// that fits in maxSegments segments as Twilio counts them once the suffix is
// appended; or body itself when it fits whole. Cutting may change the
// encoding: without its last UCS-2 character a prefix may become GSM-7 and
// hold more, and Fit returns the longest prefix that fits under either.
//
// It fails with an *OptionError (ErrInvalidOption) when maxSegments is less
// than 1 or an option is invalid, with a *FitError (ErrSuffixTooLong) when
// the suffix alone does not fit, and with an *EncodingError (ErrNotGSM7) when
// GSM-7 is forced on a body or suffix that is not GSM-7. It never panics.
//
// It reads the body at most three times over: one analysis of the whole, a
// walk up to the cut, and the analysis of the result.
func (o FitOptions) Fit(body string, maxSegments int) (FitResult, error) {
	if err := o.Options.check(); err != nil {
		return FitResult{}, err
	}
	if maxSegments < 1 {
		return FitResult{}, &OptionError{Option: "maxSegments", Value: strconv.Itoa(maxSegments), Reason: "at least 1 segment is needed"}
	}
	suffix, err := o.suffix()
	if err != nil {
		return FitResult{}, err
	}
	// The default suffix is 3 septets or units, which fits anywhere: it is
	// analysed only when a body is cut.
	var sa Analysis
	if suffix != DefaultFitSuffix {
		if sa, err = o.Options.Analyze(suffix); err != nil {
			return FitResult{}, err
		}
		if sa.Segments > maxSegments {
			return FitResult{}, &FitError{Suffix: suffix, MaxSegments: maxSegments, Segments: sa.Segments}
		}
	}
	before, err := o.Options.Analyze(body)
	if err != nil {
		return FitResult{}, err
	}
	if before.Segments <= maxSegments {
		return FitResult{Body: body, Kept: len(body), Before: before, After: before}, nil
	}
	if suffix == DefaultFitSuffix {
		sa, _ = o.Options.Analyze(suffix)
	}
	f := fitter{s: body, suffix: suffix, n: maxSegments, udh: o.Options.udhOctets()}
	if r, _ := utf8.DecodeRuneInString(suffix); suffix != "" && grapheme.IsJoiner(r) {
		f.sufJoiner = true
	}
	sufGSM := sa.Encoding == EncodingGSM7
	kept := 0
	if o.Options.Encoding != EncodingUCS2 && sufGSM {
		kept = f.walkGSM()
	}
	// Prefixes that hold a character outside GSM-7 (all of them when the
	// suffix or the options force UCS-2) are sent in UCS-2.
	if o.Options.Encoding != EncodingGSM7 && (before.NonGSM > 0 || !sufGSM || o.Options.Encoding == EncodingUCS2) {
		if k := f.walkUCS2(!sufGSM || o.Options.Encoding == EncodingUCS2); k > kept {
			kept = k
		}
	}
	out := body[:kept] + suffix
	after, err := o.Options.Analyze(out)
	if err != nil {
		return FitResult{}, err
	}
	return FitResult{
		Body: out, Cut: true, Kept: kept, CutBytes: len(body) - kept,
		CutGraphemes: before.Graphemes - (after.Graphemes - sa.Graphemes),
		Suffix:       suffix, Before: before, After: after,
	}, nil
}

// fitter finds the longest prefix of s, cut on a grapheme cluster boundary,
// that fits in n segments with the suffix appended.
//
// A prefix is packed as Analyze packs a body, keeping its state: segs
// segments so far and pos units in the last, with units in all. Whether the
// suffix then fits depends on pos only, through two numbers worked out once
// for each encoding: sufSegs, the segments the suffix adds when it starts on
// an empty segment, and sufRoom, the highest pos from which it adds no more
// than that (from any higher pos, it adds one more). Within one encoding the
// segments of prefix + suffix never decrease as the prefix grows, so each walk
// stops at the first prefix that does not fit.
type fitter struct {
	s, suffix string
	n         int  // segments allowed
	udh       int  // UDH octets of a concatenated part
	sufJoiner bool // the suffix begins with a rune that may join a neighbour
}

// pack is the packing state of a prefix.
type pack struct {
	single, multi   int // capacities of a single segment and of a part
	segs, pos, unit int // parts, units in the last one, units in all
}

// add packs one item of u units, which does not straddle a cut.
func (p *pack) add(u int) {
	p.unit += u
	if p.pos+u > p.multi {
		p.segs++
		p.pos = 0
	}
	p.pos += u
}

// addOnes packs m items of one unit each.
func (p *pack) addOnes(m int) {
	if m <= 0 {
		return
	}
	p.unit += m
	p.pos += m
	if p.pos > p.multi {
		q := (p.pos - 1) / p.multi
		p.segs += q
		p.pos -= q * p.multi
	}
}

// sufCost is what the suffix adds to a prefix in one encoding.
type sufCost struct {
	units, segs, room int
}

// fits reports whether the prefix packed in p, followed by the suffix, fits
// in n segments.
func (p *pack) fits(c sufCost, n int) bool {
	if p.unit+c.units <= p.single {
		return true
	}
	segs := p.segs + c.segs
	if p.pos > c.room {
		segs++
	}
	return segs <= n
}

// over reports whether the prefix alone already needs more than n segments,
// so that no longer prefix can fit.
func (p *pack) over(n int) bool { return p.unit > p.single && p.segs > n }

// suffixCost works out the suffix's units, sufSegs and sufRoom (see fitter)
// for items of the given sizes.
func suffixCost(items []int, multi int) sufCost {
	extra := func(pos int) int {
		q := pack{multi: multi, pos: pos}
		for _, u := range items {
			q.add(u)
		}
		return q.segs
	}
	c := sufCost{segs: extra(0), room: multi}
	for _, u := range items {
		c.units += u
	}
	if len(items) == 0 {
		return c
	}
	// extra(pos) is sufSegs for small pos and sufSegs+1 from some pos on
	// (at pos == multi at the latest): find the last pos before it.
	lo, hi := 0, multi // extra(lo) == segs, extra(hi) == segs+1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if extra(mid) == c.segs {
			lo = mid
		} else {
			hi = mid
		}
	}
	c.room = lo
	return c
}

// eligible reports whether a cut at b, whose last cluster starts at cs and
// ends with rune last, keeps the suffix apart: in prefix + suffix, a grapheme
// cluster still ends at b. Between two runes neither of which is a joiner
// there is always a break, CR LF aside, so the grapheme engine is asked only
// in the rare other cases.
func (f *fitter) eligible(cs, b int, last rune) bool {
	if b == 0 || f.suffix == "" || !f.sufJoiner && last != '\r' && !grapheme.IsJoiner(last) {
		return true
	}
	g, _, _, _ := uniseg.FirstGraphemeClusterInString(f.s[cs:b]+f.suffix, -1)
	return len(g) <= b-cs
}

// lastRune returns the last rune of s[:b].
func lastRune(s string, b int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:b])
	return r
}

// alone reports whether the rune r at s[i:next] is a grapheme cluster of its
// own: neither it nor the rune after it is a joiner, and it is no CR and no
// invalid byte (which the callers handle apart).
func alone(s string, next int, r rune, n int) bool {
	if r == '\r' || r == utf8.RuneError && n == 1 || grapheme.IsJoiner(r) {
		return false
	}
	if next == len(s) || s[next] < utf8.RuneSelf {
		return true
	}
	r2, _ := grapheme.DecodeAt(s, next)
	return !grapheme.IsJoiner(r2)
}

// plainByte reports whether b is a plain byte (see plainMask): one septet,
// one UTF-16 unit, GSM-7, and never part of a cluster with an ASCII
// neighbour.
func plainByte(b byte) bool {
	return b == ' ' || b >= '!' && b <= '?' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z'
}

// plainSpan returns how many plain bytes start at s[i] whose clusters are
// certainly single bytes: the plain run, less its last byte when a
// non-ASCII byte follows (a combining mark may join it).
func plainSpan(s string, i int) int {
	if !plainByte(s[i]) {
		return 0
	}
	j := i + 1
	if j+8 <= len(s) && plainByte(s[j]) {
		j += plainRun(s, j)
	}
	for j < len(s) && plainByte(s[j]) {
		j++
	}
	if j < len(s) && s[j] >= utf8.RuneSelf {
		j--
	}
	return j - i
}

// bulk packs m one-unit clusters at s[i:] in p and returns the longest of
// the prefixes s[:i+k], 0 < k <= m, that fits, or -1; stop is true when a
// prefix in the run did not fit.
func bulk(p *pack, c sufCost, n, m int) (k int, stop bool) {
	q := *p
	q.addOnes(m)
	if q.fits(c, n) {
		*p = q
		return m, false
	}
	// The last that fits lies in [0, m): search.
	lo, hi := 0, m
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		q = *p
		q.addOnes(mid)
		if q.fits(c, n) {
			lo = mid
		} else {
			hi = mid
		}
	}
	p.addOnes(lo)
	if lo == 0 {
		return -1, true
	}
	return lo, true
}

// walkGSM returns the longest prefix, among those sent in GSM-7 (before the
// first character outside GSM-7), that fits with the suffix. The empty
// prefix fits: the caller checked the suffix alone.
func (f *fitter) walkGSM() int {
	s := f.s
	multi := (userDataBits - 8*f.udh) / 7
	p := pack{single: SingleGSM7Septets, multi: multi, segs: 1}
	var buf [24]int // the suffix's units: no allocation for a short suffix
	items := buf[:0]
	for _, r := range f.suffix {
		items = append(items, GSM7Septets(r))
	}
	c := suffixCost(items, multi)
	best := 0
	for i := 0; i < len(s); {
		if m := plainSpan(s, i); m > 0 {
			k, stop := bulk(&p, c, f.n, m)
			if k > 0 {
				best = i + k
			}
			if stop {
				return best
			}
			i += m
			continue
		}
		r, n := grapheme.DecodeAt(s, i)
		cs, b := i, i+n
		single := alone(s, b, r, n)
		if single {
			// A character on its own: GSM-7, or the end of the walk.
			u := GSM7Septets(r)
			if u == 0 {
				return best
			}
			p.add(u)
		} else {
			cl := grapheme.Next(s, i)
			if !cl.GSM {
				return best // prefixes from here on are UCS-2
			}
			p.add(GSM7Septets(r))
			b = cl.End
			if r == '\r' && b < len(s) && s[b] == '\n' {
				p.add(1) // never cut between CR and LF
				cs, b, r = b, b+1, '\n'
			}
		}
		if !p.fits(c, f.n) {
			return best
		}
		if single && !f.sufJoiner || f.eligible(cs, b, r) {
			best = b
		}
		i = b
	}
	return best
}

// walkUCS2 returns the longest prefix that is sent in UCS-2 and fits with
// the suffix, or 0 when none does. Prefixes are UCS-2 when all is true, and
// otherwise from the first character outside GSM-7 on.
func (f *fitter) walkUCS2(all bool) int {
	s := f.s
	multi := (userDataBits - 8*f.udh) / 16
	p := pack{single: SingleUCS2Units, multi: multi, segs: 1}
	var buf [24]int
	items := buf[:0]
	for i := 0; i < len(f.suffix); {
		cl := grapheme.Next(f.suffix, i)
		if cl.Units <= multi {
			items = append(items, cl.Units)
		} else {
			for _, r := range f.suffix[i:cl.End] {
				items = append(items, grapheme.UTF16Units(r))
			}
		}
		i = cl.End
	}
	c := suffixCost(items, multi)
	best := 0
	for i := 0; i < len(s); {
		if m := plainSpan(s, i); m > 0 {
			if !all {
				p.addOnes(m)
				if p.over(f.n) {
					return best
				}
			} else {
				k, stop := bulk(&p, c, f.n, m)
				if k > 0 {
					best = i + k
				}
				if stop {
					return best
				}
			}
			i += m
			continue
		}
		r, n := grapheme.DecodeAt(s, i)
		cs, b := i, i+n
		single := alone(s, b, r, n)
		if single {
			p.add(grapheme.UTF16Units(r))
			all = all || !IsGSM7(r)
		} else {
			cl := grapheme.Next(s, i)
			if cl.Units <= multi {
				p.add(cl.Units)
			} else {
				for _, r := range s[i:cl.End] {
					p.add(grapheme.UTF16Units(r))
				}
			}
			all = all || !cl.GSM
			b = cl.End
			r = lastRune(s, b)
			if s[i] == '\r' && b < len(s) && s[b] == '\n' {
				p.add(1) // never cut between CR and LF
				cs, b, r = b, b+1, '\n'
			}
		}
		if all {
			if !p.fits(c, f.n) {
				return best
			}
			if single && !f.sufJoiner || f.eligible(cs, b, r) {
				best = b
			}
		} else if p.over(f.n) {
			return best
		}
		i = b
	}
	return best
}
