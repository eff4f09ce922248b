package sms

// LineBreaks is what the line breaks of a body cost. Twilio counts CR LF as
// two characters, in GSM-7 and in UCS-2 alike, and bills them so: its live
// service billed 80 "a", CR LF and 79 "a" as 2 segments, and the same body
// with a lone LF as 1. An HTML form submits the line breaks of a textarea
// as CR LF, whatever the browser shows; text typed on Unix, and the value of
// a textarea in JavaScript, has lone LFs.
type LineBreaks struct {
	CRLF int // CR LF pairs
	LF   int // line feeds without a CR before them
	// Segments is what the body costs as it is.
	Segments int
	// LFSegments is what it costs with every CR LF written as a lone LF.
	LFSegments int
	// CRLFSegments is what it costs with every line break written as CR LF,
	// as an HTML form submits a textarea.
	CRLFSegments int
}

// LineBreakCost is Options{}.LineBreakCost: it never fails.
func LineBreakCost(body string) LineBreaks {
	l, _ := Options{}.LineBreakCost(body)
	return l
}

// LineBreakCost counts the line breaks of body and the segments it costs as
// it is, with LF for every CR LF, and with CR LF for every line break. It
// fails as Options.Analyze does. A body without line feeds is analysed
// once, one with them two or three times.
func (o Options) LineBreakCost(body string) (LineBreaks, error) {
	a, err := o.Analyze(body)
	if err != nil {
		return LineBreaks{}, err
	}
	l := LineBreaks{Segments: a.Segments, LFSegments: a.Segments, CRLFSegments: a.Segments}
	for i := 0; i < len(body); i++ {
		if body[i] == '\n' {
			if i > 0 && body[i-1] == '\r' {
				l.CRLF++
			} else {
				l.LF++
			}
		}
	}
	if l.CRLF > 0 {
		if a, err = o.Analyze(rewriteBreaks(body, false, l.CRLF+l.LF)); err != nil {
			return LineBreaks{}, err
		}
		l.LFSegments = a.Segments
	}
	if l.LF > 0 {
		if a, err = o.Analyze(rewriteBreaks(body, true, l.CRLF+l.LF)); err != nil {
			return LineBreaks{}, err
		}
		l.CRLFSegments = a.Segments
	}
	return l, nil
}

// rewriteBreaks writes every line break of s, of which there are n, as CR LF
// when crlf is set and as a lone LF otherwise. A CR that no LF follows stays.
func rewriteBreaks(s string, crlf bool, n int) string {
	b := make([]byte, 0, len(s)+n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			continue // the LF that follows writes the break
		}
		if c == '\n' && crlf {
			b = append(b, '\r')
		}
		b = append(b, c)
	}
	return string(b)
}

// Saved returns the segments saved by writing every CR LF as LF.
func (l LineBreaks) Saved() int { return l.Segments - l.LFSegments }

// String says what the line breaks cost: "3 CRLF; with LF: 1 segment
// instead of 2" when the body holds CR LF; "2 LF; as CRLF (an HTML form):
// 2 segments instead of 1" when it holds only lone LFs (or "the same 1
// segment" when the rewriting changes nothing); "no line breaks" otherwise.
func (l LineBreaks) String() string {
	switch {
	case l.CRLF > 0:
		return itoa(l.CRLF) + " CRLF; with LF: " + compared(l.LFSegments, l.Segments)
	case l.LF > 0:
		return itoa(l.LF) + " LF; as CRLF (an HTML form): " + compared(l.CRLFSegments, l.Segments)
	}
	return "no line breaks"
}

// compared says "m segments instead of k", or "the same k segments".
func compared(m, k int) string {
	if m == k {
		return "the same " + segmentsText(k)
	}
	return segmentsText(m) + " instead of " + itoa(k)
}

func segmentsText(n int) string {
	if n == 1 {
		return "1 segment"
	}
	return itoa(n) + " segments"
}

// lineBreakFixes returns, when writing the CR LF of body as LF saves a
// segment by l (the line-break cost of body), one Fix for each.
func lineBreakFixes(l LineBreaks, body string) []Fix {
	if l.Saved() <= 0 {
		return nil
	}
	fixes := make([]Fix, 0, l.CRLF)
	for i := 0; i+1 < len(body); i++ {
		if body[i] == '\r' && body[i+1] == '\n' {
			fixes = append(fixes, Fix{Char: Char{Offset: i, Text: body[i : i+2], Units: 2}, Kind: FixLineBreak, Replacement: "\n"})
			i++
		}
	}
	return fixes
}

// lineBreakCost is the line-break cost of body under o or, when o forces an
// encoding body is not in, under the automatic choice.
func lineBreakCost(o Options, body string) LineBreaks {
	l, err := o.LineBreakCost(body)
	if err != nil {
		l, _ = Options{UDH16: o.UDH16}.LineBreakCost(body)
	}
	return l
}
