package pdu

//go:generate go run ../internal/gen/nationallang/cmd -in testdata/nationallang.tsv -out znationallang_tables.go

import (
	"errors"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/gsm7"
)

// Language is a national language of 3GPP TS 23.038 annex A, identified by
// its national language identifier (the value carried by the single shift
// and locking shift information elements of a user data header). The zero
// value, LanguageNone, stands for the GSM 7-bit default alphabet and its
// extension table.
//
// National language tables are opt-in: Twilio does not use them, and many
// handsets outside the countries that asked for them do not render them.
type Language uint8

// The national languages with tables in 3GPP TS 23.038 annex A.
const (
	LanguageNone       Language = 0
	LanguageTurkish    Language = 1
	LanguageSpanish    Language = 2 // single shift table only (annex A.3.2 is void)
	LanguagePortuguese Language = 3
	LanguageBengali    Language = 4
	LanguageGujarati   Language = 5
	LanguageHindi      Language = 6
	LanguageKannada    Language = 7
	LanguageMalayalam  Language = 8
	LanguageOriya      Language = 9
	LanguagePunjabi    Language = 10
	LanguageTamil      Language = 11
	LanguageTelugu     Language = 12
	LanguageUrdu       Language = 13
)

var languageNames = [nlTables]string{
	"default", "Turkish", "Spanish", "Portuguese", "Bengali", "Gujarati", "Hindi",
	"Kannada", "Malayalam", "Oriya", "Punjabi", "Tamil", "Telugu", "Urdu",
}

// languageCodes are ISO 639-1 codes, in identifier order.
var languageCodes = [nlTables]string{
	"", "tr", "es", "pt", "bn", "gu", "hi", "kn", "ml", "or", "pa", "ta", "te", "ur",
}

// String returns the English name of the language, "default" for
// LanguageNone, or "Language(N)" for an identifier without tables.
func (l Language) String() string {
	if l.valid() {
		return languageNames[l]
	}
	return "Language(" + strconv.Itoa(int(l)) + ")"
}

// Code returns the ISO 639-1 code of the language ("tr" for Turkish), or ""
// for LanguageNone and identifiers without tables.
func (l Language) Code() string {
	if l.valid() {
		return languageCodes[l]
	}
	return ""
}

// HasLockingShift reports whether the language has a locking shift table.
// Spanish has only a single shift table.
func (l Language) HasLockingShift() bool { return l.valid() && nlHasLocking[l] }

func (l Language) valid() bool { return int(l) < nlTables }

// ErrUnknownLanguage is returned for a language name or identifier that has
// no national language tables.
var ErrUnknownLanguage = errors.New("pdu: unknown national language")

// LanguageError reports a language the library has no tables for.
type LanguageError struct {
	Name string   // the text that was parsed, if any
	ID   Language // the identifier, when Name is empty
}

func (e *LanguageError) Error() string {
	if e.Name != "" {
		return "pdu: unknown national language " + strconv.Quote(e.Name) + " (want an ISO 639-1 code such as tr, or an English name)"
	}
	return "pdu: no national language tables for identifier " + strconv.Itoa(int(e.ID))
}

func (e *LanguageError) Unwrap() error { return ErrUnknownLanguage }

// ParseLanguage parses an ISO 639-1 code ("tr") or an English name
// ("Turkish"), case-insensitively.
func ParseLanguage(s string) (Language, error) {
	t := strings.TrimSpace(s)
	for i := 1; i < nlTables; i++ {
		if strings.EqualFold(t, languageCodes[i]) || strings.EqualFold(t, languageNames[i]) {
			return Language(i), nil
		}
	}
	return 0, &LanguageError{Name: s}
}

// nlPair maps a code point to a septet of one table.
type nlPair struct {
	r    rune
	code uint8
}

// nlLookup finds r in a table sorted by code point.
func nlLookup(enc []nlPair, r rune) (byte, bool) {
	lo, hi := 0, len(enc)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if enc[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(enc) && enc[lo].r == r {
		return enc[lo].code, true
	}
	return 0, false
}

// nlCode returns the septets that encode r with the given locking and
// single shift tables: n is 1 for a locking table code, 2 for an escape
// pair (0x1B, code) and 0 when the pair of tables cannot encode r. lock
// must be LanguageNone or a language with a locking shift table.
func nlCode(lock, single Language, r rune) (code byte, n int) {
	if c, ok := nlLookup(nlLockingEnc[lock], r); ok {
		return c, 1
	}
	if c, ok := nlLookup(nlSingleEnc[single], r); ok {
		return c, 2
	}
	return 0, 0
}

// nlDecode returns the character of a septet under a locking table, and of
// an escape pair under a single shift table: an escape followed by a code
// the single shift table leaves undefined shows the locking table character
// (3GPP TS 23.038 6.2.1.1). ok is false for an undefined locking code.
func nlDecode(lock, single Language, esc bool, code byte) (r rune, ok bool) {
	code &= 0x7f
	if esc {
		if r = nlSingle[single][code]; r >= 0 {
			return r, true
		}
	}
	r = nlLocking[lock][code]
	return r, r >= 0
}

// Plan is how EncodeOptions.Plan sends a body: the encoding, the national
// language tables, the segment layout and the reason for the choice.
type Plan struct {
	Encoding  sms.Encoding // GSM-7 or UCS-2
	Locking   Language     // locking shift table; LanguageNone: the default alphabet
	Single    Language     // single shift table; LanguageNone: the default extension table
	Segments  int          // number of segments
	Units     int          // septets (GSM-7) or UTF-16 code units (UCS-2)
	Capacity  int          // units a segment holds
	UDHOctets int          // user data header octets per segment, length octet included; 0 when none
	Reason    string       // why this encoding and these tables, in words

	body string
	o    EncodeOptions
}

// Plan chooses how to send body under the options. Without Languages it
// reports what Analyze does (the default alphabet when every character is
// GSM-7, otherwise UCS-2). With Languages it also tries, for the allowed
// languages, every pair of a locking shift table (or the default alphabet)
// and a single shift table (or the default extension table), and picks the
// fewest segments. Each shift table in use costs a 3-octet information
// element in every segment's header, a single segment included, which lowers
// the septets per segment: 155 with one table and 152 with two for a single
// segment, 149 and 146 per part of a concatenated message (148 and 145 with
// UDH16). On a tie the default alphabet wins, then UCS-2 (which every
// handset renders), then the fewest shift elements, then a single shift
// table before a locking one, then the order of Languages.
//
// National language tables are off by default because Twilio does not use
// them and handsets outside the markets that asked for them may not render
// them; turn them on only for routes known to deliver them.
func (o EncodeOptions) Plan(body string) (Plan, error) {
	return o.plan(body, true)
}

// plan is Plan; it writes Reason only when asked, since that allocates.
func (o EncodeOptions) plan(body string, reason bool) (Plan, error) {
	if err := o.check(); err != nil {
		return Plan{}, err
	}
	if !utf8.ValidString(body) {
		return Plan{}, invalidUTF8(body)
	}
	p := Plan{body: body, o: o}
	// The core's analysis. Forced GSM-7 on a body that is not would fail,
	// and building that error allocates, while a national table may still
	// save the day; so such a body is analysed with the encoding chosen,
	// which gives the same analysis whenever the forced one succeeds.
	core := o.core()
	if core.Encoding == sms.EncodingGSM7 {
		core.Encoding = sms.EncodingAuto
	}
	a, _ := core.Analyze(body) // the options were checked
	aok := a.Encoding == sms.EncodingGSM7 || o.Encoding != sms.EncodingGSM7
	if aok {
		p.Encoding, p.Segments, p.Units, p.Capacity, p.UDHOctets = a.Encoding, a.Segments, a.Units, a.Capacity, a.UDHOctets
		if !reason {
			// no words
		} else if a.Encoding == sms.EncodingGSM7 {
			p.Reason = "every character is in the GSM 7-bit default alphabet"
		} else if o.Encoding == sms.EncodingUCS2 {
			p.Reason = "UCS-2 was forced"
		} else {
			c := firstNonGSM(a)
			p.Reason = "UCS-2: " + strconv.QuoteToASCII(c.Text) + " at byte " + strconv.Itoa(c.Offset) + " is not in the GSM 7-bit default alphabet"
		}
	}
	if len(o.Languages) == 0 || o.Encoding == sms.EncodingUCS2 || (aok && a.Encoding == sms.EncodingGSM7 && a.Segments == 1) {
		if !aok {
			return Plan{}, notGSM7(body)
		}
		return p, nil
	}
	best := p
	found := aok
	var ucs2Segments int
	if found && p.Encoding == sms.EncodingUCS2 {
		ucs2Segments = p.Segments
	}
	locks := [nlTables + 1]Language{LanguageNone}
	nl := 1
	for _, l := range o.Languages {
		if l.HasLockingShift() && !slices.Contains(locks[:nl], l) {
			locks[nl] = l
			nl++
		}
	}
	singles := [nlTables + 1]Language{LanguageNone}
	ns := 1
	for _, l := range o.Languages {
		if !slices.Contains(singles[:ns], l) {
			singles[ns] = l
			ns++
		}
	}
	for _, lock := range locks[:nl] {
		for _, single := range singles[:ns] {
			if lock == LanguageNone && single == LanguageNone {
				continue
			}
			multiUDH := udhLen(true, o.UDH16, lock, single)
			units, segs, ok := nlCount(body, lock, single, gsm7Capacity(multiUDH))
			if !ok {
				continue
			}
			c := Plan{Encoding: sms.EncodingGSM7, Locking: lock, Single: single, Units: units, body: body, o: o}
			if singleUDH := udhLen(false, o.UDH16, lock, single); units <= gsm7Capacity(singleUDH) {
				c.Segments, c.Capacity, c.UDHOctets = 1, gsm7Capacity(singleUDH), singleUDH
			} else {
				c.Segments, c.Capacity, c.UDHOctets = segs, gsm7Capacity(multiUDH), multiUDH
			}
			better := !found || c.Segments < best.Segments ||
				(c.Segments == best.Segments && best.Encoding == sms.EncodingGSM7 && best.Locking|best.Single != 0 &&
					shiftCount(c) < shiftCount(best))
			if better {
				best, found = c, true
			}
		}
	}
	if !found {
		return Plan{}, notGSM7(body)
	}
	if !reason {
		return best, nil
	}
	if best.Locking|best.Single != 0 {
		var w strings.Builder
		w.WriteString("GSM-7 with ")
		switch {
		case best.Locking != 0 && best.Single != 0 && best.Locking == best.Single:
			w.WriteString("the " + best.Locking.String() + " locking and single shift tables")
		case best.Locking != 0 && best.Single != 0:
			w.WriteString("the " + best.Locking.String() + " locking shift and " + best.Single.String() + " single shift tables")
		case best.Locking != 0:
			w.WriteString("the " + best.Locking.String() + " locking shift table")
		default:
			w.WriteString("the " + best.Single.String() + " single shift table")
		}
		w.WriteString(": " + strconv.Itoa(best.Segments) + " segment(s)")
		switch {
		case ucs2Segments > 0:
			w.WriteString(" instead of " + strconv.Itoa(ucs2Segments) + " in UCS-2")
		case aok:
			w.WriteString(" instead of " + strconv.Itoa(p.Segments) + " with the default alphabet")
		}
		w.WriteString(", paying " + strconv.Itoa(3*shiftCount(best)) + " header octets per segment for the shift element(s)")
		best.Reason = w.String()
	} else if ucs2Segments > 0 {
		best.Reason += "; no allowed national language table does better"
	}
	return best, nil
}

func shiftCount(p Plan) int {
	n := 0
	if p.Locking != LanguageNone {
		n++
	}
	if p.Single != LanguageNone {
		n++
	}
	return n
}

func firstNonGSM(a sms.Analysis) sms.Char {
	for c := range a.NonGSMSeq() {
		return c
	}
	return sms.Char{Offset: -1}
}

// nlCount counts body in septets under a pair of tables and the segments of
// capacity multi it fills; ok is false when a character is in neither table.
func nlCount(s string, lock, single Language, multi int) (units, segs int, ok bool) {
	pos := 0
	segs = 1
	for _, r := range s {
		_, u := nlCode(lock, single, r)
		if u == 0 {
			return 0, 0, false
		}
		if pos+u > multi {
			segs++
			pos = 0
		}
		pos += u
		units += u
	}
	return units, segs, true
}

// appendAll encodes every segment of the plan.
func (p Plan) appendAll(buf []byte, parts []Part) ([]byte, []Part, error) {
	o := p.o
	switch {
	case p.Encoding == sms.EncodingUCS2:
		return o.appendUCS2(buf, parts, p.body)
	default:
		b, ps, ok, err := o.appendGSM7(buf, parts, p.body, p.Locking, p.Single)
		if err != nil {
			return buf, parts, err
		}
		if !ok {
			return buf, parts, notGSM7(p.body)
		}
		return b, ps, nil
	}
}

// AppendSegment appends the header and user data of segment i (0-based) of
// the plan to dst and returns the extended slice with the Part, whose UDH
// and UserData point into it. It makes no allocation when dst has room for
// the segment's septets plus its header, or its UTF-16 user data. Calling it
// for every i gives the parts AppendSegments gives.
func (p Plan) AppendSegment(dst []byte, i int) ([]byte, Part, error) {
	if i < 0 || i >= p.Segments || p.Segments > 255 {
		return dst, Part{}, &sms.OptionError{Option: "segment", Value: strconv.Itoa(i) + " of " + strconv.Itoa(p.Segments)}
	}
	var seg sms.Segment
	found := false
	p.walk(func(s sms.Segment) bool {
		if s.Index == i {
			seg, found = s, true
			return false
		}
		return true
	})
	if !found {
		return dst, Part{}, &sms.OptionError{Option: "segment", Value: strconv.Itoa(i) + " of " + strconv.Itoa(p.Segments)}
	}
	h := UDH{Concat: p.Segments > 1, Ref16: p.o.UDH16, Reference: p.o.Reference, Total: uint8(p.Segments),
		Sequence: uint8(i + 1), SingleShift: p.Single, LockingShift: p.Locking}
	out := len(dst)
	dst = h.AppendTo(dst)
	hl := len(dst) - out
	part := Part{Segment: seg}
	if p.Encoding == sms.EncodingUCS2 {
		dst = appendUTF16BE(dst, seg.Text)
		part.DCS = DCSUCS2
		part.UDL = len(dst) - out
	} else {
		at := len(dst)
		for _, r := range seg.Text {
			var code byte
			var n int
			if p.Locking|p.Single != 0 {
				code, n = nlCode(p.Locking, p.Single, r)
			} else {
				code, n = gsm7.Code(r)
			}
			switch n {
			case 0:
				return dst[:out], Part{}, &RuneError{Rune: r}
			case 2:
				dst = append(dst, 0x1B, code)
			default:
				dst = append(dst, code)
			}
		}
		part.DCS = DCSGSM7
		if p.o.Unpacked {
			part.Unpacked = true
			part.UDL = len(dst) - out
		} else {
			n := len(dst) - at
			fill := FillBits(hl)
			// Packing in place never writes past what it has read.
			dst = AppendPacked(dst[:at], dst[at:at+n], fill)
			part.UDL = (8*hl+fill)/7 + n
		}
	}
	part.UDH = dst[out : out+hl : out+hl]
	part.UserData = dst[out+hl : len(dst) : len(dst)]
	return dst, part, nil
}

// walk yields the segments of the plan; the default alphabet and UCS-2 use
// the walk of Split itself.
func (p Plan) walk(yield func(sms.Segment) bool) {
	if p.Locking|p.Single == 0 {
		// The plan's encoding is the analysis's, so forcing it changes nothing.
		a, err := sms.Options{Encoding: p.Encoding, UDH16: p.o.UDH16}.Analyze(p.body)
		if err != nil {
			return
		}
		for s := range a.SplitSeq() {
			if !yield(s) {
				return
			}
		}
		return
	}
	s := p.body
	if p.Segments <= 1 {
		yield(sms.Segment{Text: s, Units: p.Units, Capacity: p.Capacity, Bits: 7 * p.Units})
		return
	}
	seg := sms.Segment{Capacity: p.Capacity}
	for i, r := range s {
		_, u := nlCode(p.Locking, p.Single, r)
		if seg.Units+u > p.Capacity {
			seg.Text = s[seg.Offset:i]
			seg.Bits = 7 * seg.Units
			if !yield(seg) {
				return
			}
			seg = sms.Segment{Index: seg.Index + 1, Offset: i, Capacity: p.Capacity}
		}
		seg.Units += u
	}
	seg.Text = s[seg.Offset:]
	seg.Bits = 7 * seg.Units
	yield(seg)
}

// SplitSeq walks the segments of the plan in order, as AppendSegment
// numbers them.
func (p Plan) SplitSeq() iter.Seq[sms.Segment] {
	return func(yield func(sms.Segment) bool) { p.walk(yield) }
}
