package batch

import (
	"strconv"
	"strings"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/jsonrow"
)

// worker analyses the rows of batches; each goroutine of the pool has one.
type worker struct {
	p       *pipeline
	regions *regionCache
	smart   []byte
	dec     jsonrow.Decoder
	out     rowOut   // the row being written, reused (it is large: zeroing it per row showed in profiles)
	line    lineText // the last line number written by appendCSVFast
	from    []byte   // the last sender checked, and its reason ("" if good)
	fromWhy string
}

func newWorker(p *pipeline) *worker {
	w := &worker{p: p}
	if p.o.Region != nil {
		w.regions = newRegionCache(p.o.Region, p.o.ExactRegions)
	}
	return w
}

func (w *worker) process(b *batch) {
	b.out = b.out[:0]
	b.tally.reset()
	b.stopAt = -1
	for i := range b.rows {
		if !w.row(b, &b.rows[i]) && w.p.o.Strict {
			b.stopAt = i
			break
		}
	}
}

// rowOut is what is written for one row.
type rowOut struct {
	line     int64
	id       []byte
	idJSON   bool   // id is raw JSON (from a JSON line)
	idText   []byte // with idJSON: the id's value (a string's text, or the number)
	analysed bool   // a is the body's analysis, also on an error row
	a        sms.Analysis
	body     []byte
	region   int
	priced   bool
	pe       *priceEntry
	price    Money
	cost     Money
	smart    sms.Analysis
	smartB   []byte
	smartC   Money
	suggest  sms.Analysis
	suggestC Money
}

// row analyses one row, appends its output and adds it to the batch tally.
// It reports whether the row succeeded.
func (w *worker) row(b *batch, rw *row) bool {
	o := w.p.o
	b.tally.rows++
	// Reset only what every path reads before writing it: the analyses are
	// written before they are read (error rows read a only when analysed).
	out := &w.out
	out.line, out.id, out.idJSON, out.idText, out.body, out.analysed = rw.line, nil, false, nil, nil, false
	out.region, out.priced, out.pe, out.price, out.cost = noRegion, false, nil, 0, 0
	if rw.err != nil {
		w.fail(b, out, rw.err)
		return false
	}
	var body, to, from []byte
	hasTo := false
	if o.Input == JSONL {
		jr, jerr := w.dec.Decode(rw.f[fBody].bytes(b.in))
		if jr.ID != nil {
			out.id, out.idJSON, out.idText = jr.ID, true, jr.IDText
		}
		if jerr != nil {
			w.fail(b, out, &RowError{Line: rw.line, Err: jsonError(jerr)})
			return false
		}
		if !jr.HasBody {
			w.fail(b, out, &RowError{Line: rw.line, Reason: "no body", Err: ErrEmptyBody})
			return false
		}
		body, to, hasTo, from = jr.Body, jr.To, jr.HasTo, jr.From
	} else {
		out.id = rw.f[fID].bytes(b.in)
		if rw.f[fID].n < 0 {
			out.id = nil
		}
		body = rw.f[fBody].bytes(b.in)
		if rw.f[fTo].n >= 0 {
			to, hasTo = rw.f[fTo].bytes(b.in), true
		}
		from = rw.f[fFrom].bytes(b.in)
		if !validUTF8(out.id) {
			w.fail(b, out, &RowError{Line: rw.line, Reason: "in the id at byte " + itoa(firstInvalid(out.id)), Err: ErrInvalidUTF8})
			out.id = nil
			return false
		}
	}
	if len(body) == 0 {
		w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Err: ErrEmptyBody})
		return false
	}
	out.body = body
	analyzeInto(&out.a, o.UDH16, body)
	if out.a.Invalid > 0 {
		w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: "in the body at byte " + itoa(firstInvalid(body)), Err: ErrInvalidUTF8})
		return false
	}
	if hasTo && w.regions != nil {
		r, valid := w.regions.lookupE164(to)
		if !valid {
			_, why := validE164(to)
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: strconv.Quote(string(to)) + " is not E.164: " + why, Err: ErrBadNumber})
			return false
		}
		if r.idx < 0 {
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: strconv.Quote(string(to)) + ": " + r.reason, Err: ErrBadNumber})
			return false
		}
		out.region = int(r.idx)
	} else if o.Pricing != nil {
		w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: "no to number to price", Err: ErrBadNumber})
		return false
	}
	// From here on, an error row still carries the body's analysis.
	out.analysed = true
	if len(from) > 0 {
		if why := w.checkFrom(from); why != "" {
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: why, Err: ErrBadSender})
			return false
		}
	}
	if len(body) > sms.MaxBodyUnits {
		if n := utf16Units(body); n > sms.MaxBodyUnits {
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: itoa(n) + " units", Err: ErrBodyTooLong})
			return false
		}
	}
	t := &b.tally
	if o.Pricing != nil {
		pe := &w.p.prices[out.region]
		if !pe.ok {
			// Twilio would send it: its segments count, its cost is unknown.
			t.addUnpriced(out.region, out.a.Encoding == sms.EncodingUCS2, int64(out.a.Segments))
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Err: pe.err})
			return false
		}
		var err error
		if out.cost, err = pe.price.Mul(int64(out.a.Segments)); err != nil {
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: pe.price.String() + " × " + itoa(out.a.Segments) + " segments", Err: err})
			return false
		}
		out.priced = true
		out.pe = pe
		out.price = pe.price
	}
	t.add(out.region, out.a.Encoding == sms.EncodingUCS2, int64(out.a.Segments), out.cost)
	if o.Smart {
		w.smart, out.smart = smartBody(w.smart, body, o.SmartPolicy, o.UDH16, &out.a)
		out.smartB = w.smart
		out.smartC, _ = out.price.Mul(int64(out.smart.Segments))
		if d := out.a.Segments - out.smart.Segments; d > 0 {
			addSavings(&t.smart, t, 1, int64(d), out.cost-out.smartC)
		}
	}
	if o.Suggest {
		out.suggest = suggestBody(o.UDH16, body)
		out.suggestC, _ = out.price.Mul(int64(out.suggest.Segments))
		if d := out.a.Segments - out.suggest.Segments; d > 0 {
			addSavings(&t.suggest, t, 1, int64(d), out.cost-out.suggestC)
		}
	}
	if o.Output == JSONL {
		b.out = w.appendJSON(b.out, out, nil)
	} else {
		ok := false
		if !o.Smart && !o.Suggest { // the fast path has no smart or suggest columns
			b.out, ok = w.appendCSVFast(b.out, out)
		}
		if !ok {
			b.out = w.appendCSV(b.out, out, nil)
		}
	}
	return true
}

// checkFrom returns why from is not a sender, or "". A campaign has few
// senders: the last answer is kept.
func (w *worker) checkFrom(from []byte) string {
	if w.from != nil && string(from) == string(w.from) {
		return w.fromWhy
	}
	w.from = append(w.from[:0], from...)
	w.fromWhy = ""
	a, err := sms.ParseAddress(string(from))
	if err == nil {
		err = sms.CheckFrom(a)
	}
	if err != nil {
		w.fromWhy = strings.TrimPrefix(err.Error(), "sms: ")
	}
	return w.fromWhy
}

// utf16Units counts b as the create-message limit does (sms.BodyUnits):
// UTF-16 code units, an invalid byte as one.
func utf16Units(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		n++
		if r > 0xFFFF {
			n++
		}
		i += size
	}
	return n
}

// jsonError turns the error of a JSON line into the batch's.
func jsonError(e *jsonrow.Error) *JSONError {
	je := &JSONError{Field: e.Field, Offset: e.Offset, Reason: e.Msg, Err: ErrMalformed}
	switch e.Kind {
	case jsonrow.InvalidText:
		je.Err = ErrInvalidUTF8
	case jsonrow.BadKey:
		je.Err = ErrKey
	}
	return je
}

// fail writes an error row and counts it.
func (w *worker) fail(b *batch, out *rowOut, err *RowError) {
	if err.ID == "" && out.id != nil {
		if out.idJSON {
			err.ID = string(out.idText)
		} else {
			err.ID = string(out.id)
		}
	}
	t := &b.tally
	t.failed++
	if len(t.fails) < w.p.o.MaxFailed {
		t.fails = append(t.fails, RowFail{Line: err.Line, ID: err.ID, Error: err.Error()})
	}
	if w.p.o.Output == JSONL {
		b.out = w.appendJSON(b.out, out, err)
	} else {
		b.out = w.appendCSV(b.out, out, err)
	}
}

// validUTF8 is utf8.Valid with a fast path for short ASCII text (ids).
func validUTF8(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return utf8.Valid(b)
		}
	}
	return true
}

// firstInvalid returns the offset of the first invalid UTF-8 byte of b.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
