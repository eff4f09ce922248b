package batch

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	sms "github.com/smsgauge/sms"
)

// worker analyses the rows of batches; each goroutine of the pool has one.
type worker struct {
	p       *pipeline
	regions *regionCache
	smart   []byte
	jrow    jsonRow
	out     rowOut   // the row being written, reused (it is large: zeroing it per row showed in profiles)
	line    lineText // the last line number written by appendCSVFast
}

// jsonRow is an input JSON line (the --jsonl contract).
type jsonRow struct {
	ID   json.RawMessage `json:"id"`
	Body *string         `json:"body"`
	To   *string         `json:"to"`
	From *string         `json:"from"`
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
	idJSON   bool // id is raw JSON (from a JSON line)
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
	// written before they are read (error rows never read them).
	out := &w.out
	out.line, out.id, out.idJSON, out.body = rw.line, nil, false, nil
	out.region, out.priced, out.pe, out.price, out.cost = noRegion, false, nil, 0, 0
	if rw.err != nil {
		w.fail(b, out, rw.err)
		return false
	}
	var body, to []byte
	hasTo := false
	if o.Input == JSONL {
		line := rw.f[fBody].bytes(b.in)
		if !utf8.Valid(line) {
			w.fail(b, out, &RowError{Line: rw.line, Reason: "in the JSON line at byte " + itoa(firstInvalid(line)), Err: ErrInvalidUTF8})
			return false
		}
		w.jrow = jsonRow{}
		if err := json.Unmarshal(line, &w.jrow); err != nil {
			w.fail(b, out, &RowError{Line: rw.line, Reason: "not a JSON object with string fields: " + err.Error(), Err: ErrMalformed})
			return false
		}
		if len(w.jrow.ID) > 0 && string(w.jrow.ID) != "null" {
			out.id, out.idJSON = w.jrow.ID, true
		}
		if w.jrow.Body == nil {
			w.fail(b, out, &RowError{Line: rw.line, Reason: "no body", Err: ErrEmptyBody})
			return false
		}
		body = []byte(*w.jrow.Body)
		if w.jrow.To != nil {
			to, hasTo = []byte(*w.jrow.To), true
		}
	} else {
		out.id = rw.f[fID].bytes(b.in)
		if rw.f[fID].n < 0 {
			out.id = nil
		}
		body = rw.f[fBody].bytes(b.in)
		if rw.f[fTo].n >= 0 {
			to, hasTo = rw.f[fTo].bytes(b.in), true
		}
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
	if o.Pricing != nil {
		pe := &w.p.prices[out.region]
		if !pe.ok {
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Err: pe.err})
			return false
		}
		out.priced = true
		out.pe = pe
		out.price = pe.price
		var err error
		if out.cost, err = pe.price.Mul(int64(out.a.Segments)); err != nil {
			w.fail(b, out, &RowError{Line: rw.line, ID: string(out.id), Reason: err.Error(), Err: ErrMalformed})
			return false
		}
	}
	t := &b.tally
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

// fail writes an error row and counts it.
func (w *worker) fail(b *batch, out *rowOut, err *RowError) {
	if err.ID == "" && out.id != nil {
		if out.idJSON {
			err.ID = jsonIDString(out.id)
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

// jsonIDString returns a JSON id as text: a string's value, or the number.
func jsonIDString(raw []byte) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
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
